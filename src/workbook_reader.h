// Excel workbooks as `plan import` reads them: one worksheet becomes a
// Sheet (import.h) of cell texts, so that a workbook and a CSV export go
// through the same columns, rules and messages. Cells read as Excel shows
// them:
//   - a number in a date format (yyyy/m/d, 2019年3月31日, built-in formats
//     14-22, 27-36, 45-47, 50-58) is its day, 2019-03-31, from the serial
//     (excel_serial_date, import.h; the 1904 system when the workbook says
//     so); with a time of day other than 0:00 it reads "2019-03-31 13:45"
//     (which the import refuses);
//   - a number in a percent format (0.0%) is a hundred times the value with
//     a %: 0.952 reads 95.2%;
//   - other numbers in their shortest exact form (4210, 1.9), booleans as
//     TRUE/FALSE, errors as written (#N/A);
//   - text from the shared string table or inline, as is; a formula cell by
//     its cached value.
// .xlsx (Office Open XML): a zip archive (libzip) of XML parts (expat,
// streamed); the first worksheet is the first of xl/workbook.xml's
// <sheets>. .xls (BIFF, Excel 97-2003) through freexl, which knows no number
// formats: dates are read as dates, but a percent cell reads as its
// fraction (the Sheet says so: Sheet::percent_unknown); freexl runs in a
// child process, as it reads past its buffers on some malformed files, so
// that its failure is an error and not plan's crash. A file that is not a workbook, a damaged
// one, a part that unpacks to more than kMaxPartBytes or a sheet of more than kMaxCells cells is
// one error naming the file: nothing is half-read. Part of plan-workbook.so:
// the executable calls it through workbook_module() (workbook_module.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "diagnostic.h"
#include "import.h"

namespace plan {

// Bounds on what a workbook may unpack to, against zip bombs.
inline constexpr std::size_t kMaxPartBytes = 64u << 20;  // one XML part
inline constexpr std::size_t kMaxCells = 4'000'000;      // cells kept, blanks included

// Reads worksheet `sheet_name` (the first when empty) of the workbook at
// `path`. Errors: the file cannot be read or is no workbook (at the file),
// no sheet of that name (listing the sheets), bounds exceeded.
Expected<Sheet> read_workbook(const std::string& path, const std::string& sheet_name);

}  // namespace plan
