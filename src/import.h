// `plan import`: rows of a spreadsheet (its CSV export, or a workbook read by
// workbook_reader.h) become record entries. This file turns a sheet's cells
// into validated canonical record lines; reading the file, converting its
// encoding (csv.h), checking the rows against the ledger (duplicates.h,
// plausibility.h) and appending (record_writer.h) are the command's job.
//
// The header row names the columns, in any order, case-insensitive, spaces
// around names ignored:
//   date  (日期)                          required
//   id    (indicator, 指标, 指标代码, 指标id)  required
//   value (数值, 值, 完成值)                required
//   by    (填报单位, 单位, 报送单位)          optional tag
//   note  (备注, 说明)                     optional tag
//   src   (source, 来源)                   optional tag
//   period (报送期, 所属期)                 optional tag
//   measures (整改措施, 措施)               optional tag; with value `explain`
//   (note also answers to 情况说明: an explanation's text)
// and three informational columns, which add nothing to the entry:
//   序号 (编号, no, no., #)                ignored
//   name (指标名称, 名称)                   must be the indicator's name
//   unit (计量单位)                        must be the indicator's unit
// (单位 alone is the reporting unit, by: it is not the unit of measure.)
// Any other name is an error, so that a misspelt header cannot silently drop
// a column of data. A column with an empty header must stay empty. Rows
// above the header that hold one cell only (a title) are skipped.
//
// Each row is trimmed and validated exactly as a record line is (parse_line,
// through make_new_entry), with spreadsheet spellings accepted:
//   dates   2019-03-31, 2019-3-31, 2019/3/31, 2019/03/31, 2019年3月31日,
//           any of them followed by a time of midnight (" 0:00",
//           " 00:00:00", "T00:00:00"; another time is an error), and Excel
//           serial day numbers (43646 = 2019-06-30)
//   values  thousands separators, "4,210" or "1,234,567.5" (commas only in
//           groups of three digits)
//   id      the indicator's id, or its exact name (城镇新增就业人数); a name
//           the plan lacks gets "did you mean" with the closest names' ids
// Rows whose fields are all empty are skipped. So is a row whose value is
// empty while its note, measures and src are too — a report not filled in,
// as a returned template (template_sheet.h) has them: never a zero, never a
// reason to refuse the rest; one warning names them ("2 rows without a value
// skipped (F5 jobs.reemployed, …)"), and their reports stay owed. An empty
// value beside a note is an error (the note was meant for something: a
// figure, or an explanation with the value `explain`). Every bad row is reported
// (CSV_FILE:LINE: message, or BOOK.xlsx:SHEET!B7: message at the cell); the
// good rows are still returned, for the command to judge against the ledger
// so that every problem shows at once, and it writes none of them: an
// import lands whole or not at all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv.h"
#include "date.h"
#include "diagnostic.h"
#include "plan.h"
#include "record.h"

namespace plan {

// One row of a sheet: its cells as the user sees them, left to right.
struct SheetRow {
  int line = 0;  // the CSV line the row starts on, or the sheet's row number
  std::vector<std::string> cells;
  // CSV: where each cell starts (csv.h); empty for a workbook, whose cells
  // are named by column letter and row.
  std::vector<CsvRecord::Start> starts = {};
  // CSV: the row a spreadsheet shows it on (CsvRecord::row); 0 for a
  // workbook, whose `line` is its row.
  int row = 0;
  // An .xlsx's cells holding a formula with no saved result (as a program
  // such as openpyxl writes one): their column and formula text ("" for a
  // cell sharing the formula of another). Their `cells` are empty; the
  // import refuses them in a column it reads.
  std::vector<std::pair<std::size_t, std::string>> unsaved_formulas = {};
};

// A sheet to import: a CSV file's records, or one worksheet of a workbook.
struct Sheet {
  std::string file;  // as named on the command line
  // For a workbook, "BOOK.xlsx:SHEET!": cells are then located as
  // BOOK.xlsx:SHEET!B7. Empty for CSV: every cell is at FILE:LINE.
  std::string cell_prefix;
  std::vector<SheetRow> rows;
  // The reader cannot tell a cell formatted as a percentage from a plain
  // number (.xls through freexl): 95.2% arrives as 0.952. Then a figure of a
  // "%" indicator above 0 and at most 1 is refused at its cell unless
  // `force`, since it is most likely a percentage read as its fraction.
  bool percent_unknown = false;

  // Where the row on `line` is, as a whole: FILE:LINE for CSV, or its cell
  // in `column` (0-based) for a workbook.
  Location at(int line, std::size_t column) const;
  // Where cell `column` (0-based) of `row` is: FILE:LINE:COL for CSV (the
  // row's line when the row has no such cell), or BOOK.xlsx:SHEET!B7.
  Location at(const SheetRow& row, std::size_t column) const;
};

// "A", "B", …, "Z", "AA", … for 0-based column `i`.
std::string column_letters(std::size_t i);

struct ImportRow {
  int row = 0;        // the CSV line or sheet row the row starts on
  Entry entry;        // entry.where is the row (FILE:LINE, or BOOK.xlsx:SHEET!A7)
  std::string line;   // canonical record line (format_entry), no newline
  Location value_at;  // the value's cell, for messages about the figure
};

struct ImportResult {
  std::vector<ImportRow> rows;  // the good ones, in CSV order: none written if diags has errors
  Diagnostics diags;            // header and row errors; a warning when no rows

  // For a CSV: the spreadsheet cell ("F3") of a location of its text, the
  // start of one of its fields (as diags and rows give them), or nullopt.
  // A CSV is mostly opened in Excel or WPS, where line 3, column 55 means
  // nothing. Always nullopt for a workbook, whose locations are cells.
  std::optional<std::string> cell_at(const Location& where) const;
  // `found` (these diags and the ledger's judgement of the rows) as the
  // user reads them: the cell prefixed to the message of every diagnostic
  // located at one ("cell F3: value \"38x\": …"), and the notes about the
  // file as a whole (rows skipped) after those about its rows, as their
  // summary.
  Diagnostics shown(const Diagnostics& found) const;

  struct CsvCell {
    int line, column;   // where the field starts
    int row;            // its spreadsheet row
    std::size_t index;  // its 0-based column
  };
  std::string file;  // the CSV or workbook read, as named in diags
  // What the sheet calls the period column, for messages that ask for a
  // period there: its header as written (所属期, period), or when it has
  // none the name its other headers' language suggests: period beside
  // English headers (date, id), else 报送期.
  std::string period_column = "报送期";
  std::vector<CsvCell> csv_cells;  // a CSV's, in text order (none for a workbook)
};

// `csv` is the file's text, already UTF-8 (csv.h to_utf8); `csv_name` names
// it in messages. Dates outside the plan period or after `today` are refused
// unless `force` (check_entry_date).
ImportResult import_csv(std::string_view csv, const std::string& csv_name, const Plan& plan,
                        Date today, bool force);

// The same for a sheet already split into cells (a workbook's).
ImportResult import_sheet(const Sheet& sheet, const Plan& plan, Date today, bool force);

// A date as spreadsheets write it (see above); the error, at `where`, says
// what was wrong.
Expected<Date> spreadsheet_date(std::string_view s, const Location& where);

// The day of an Excel serial date (whole days): in the 1900 system serial 1
// is 1900-01-01 and serial 60 the 29 February 1900 Excel counts but the
// calendar lacks (nullopt), so 61 is 1900-03-01; in the 1904 system (old Mac
// workbooks, workbookPr date1904) 0 is 1904-01-01. nullopt outside 1 …
// 2958465 (9999-12-31).
std::optional<Date> excel_serial_date(std::int64_t serial, bool date1904);

// `s` with thousands separators removed ("4,210" -> "4210", "-1,234.5%" ->
// "-1234.5%"); `s` unchanged when it has no comma; nullopt when a comma is
// not a thousands separator ("1,5", "12,34,567").
std::optional<std::string> strip_thousands(std::string_view s);

}  // namespace plan
