// Excel workbooks (.xlsx) from the same Tables the other renderers print, with
// libxlsxwriter. A workbook is one or more sheets, each a Table's CSV columns
// (Column::csv) under its headers in --lang, as typed cells: amounts, ratios,
// counts and numbers are numbers with a number format (#,##0; 0.0% for
// completion and time progress; rates keep their own unit), dates are dates
// (yyyy-mm-dd), ids, names and notes are strings — never formulas, so a note
// "=1+1" stays the text "=1+1"; an empty cell of a column to be filled in
// has that column's Column::xlsx_blank format (plan template). Above the header: the title and the
// as-of date; the header row is frozen and has an autofilter; a row is filled in its status's
// colour; columns are as wide as their longest entry (CJK characters count two). The same inputs
// give the same bytes: the document's creation time is the as-of date, and nothing reads the clock.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "diagnostic.h"
#include "table.h"

namespace plan {

// A native Excel bar chart under a sheet's rows: one bar per row, labelled by
// the `category` column, one series per `series` column (ratios, in 0.0%).
struct XlsxChart {
  std::string title;
  std::size_t category = 0;         // index into Table::columns
  std::vector<std::size_t> series;  // indices into Table::columns
};

struct XlsxSheet {
  std::string name;  // the sheet tab (English): at most 31 characters, none of []:*?/ or backslash
  std::string name_zh;  // the same in Chinese, used under --lang zh when set
  const Table* table = nullptr;
  std::optional<XlsxChart> chart;
};

struct XlsxBook {
  std::string title;       // the document's title property (the plan's title)
  Date as_of;              // shown under each sheet's title; the document's creation time
  bool show_as_of = true;  // false: no "As of" line (the plan's list is not dated)
  std::vector<XlsxSheet> sheets;
  bool zh = false;  // Chinese sheet names and headers
};

// The workbook's bytes. libxlsxwriter writes only to a named file: the
// workbook is assembled in a private temporary file (under TMPDIR) that is
// read back and removed. Errors: the temporary cannot be written (io), a
// sheet has more rows than Excel's 1,048,576. Part of plan-workbook.so: the
// executable calls it through workbook_module() (workbook_module.h).
Expected<std::string> render_xlsx(const XlsxBook& book);

// Why libxlsxwriter failed (its lxw_error, an int here so that this header
// needs not its own), in English and Chinese.
Message xlsx_reason(int lxw_error);

}  // namespace plan
