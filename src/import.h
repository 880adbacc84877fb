// `plan import`: rows of a spreadsheet's CSV export become record entries.
// This file turns CSV text into validated canonical record lines; reading
// the file, converting its encoding (csv.h) and appending (record_writer.h)
// are the command's job.
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
// Any other name is an error, so that a misspelt header cannot silently drop
// a column of data. A column with an empty header must stay empty.
//
// Each row is trimmed and validated exactly as a record line is (parse_line,
// through make_new_entry), with two spreadsheet spellings accepted:
//   dates   2019-03-31, 2019-3-31, 2019/3/31, 2019/03/31, 2019年3月31日
//   values  thousands separators, "4,210" or "1,234,567.5" (commas only in
//           groups of three digits)
// Rows whose fields are all empty are skipped. Every bad row is reported
// (CSV_FILE:LINE: message) and then no row is returned: an import lands
// whole or not at all.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date.h"
#include "diagnostic.h"
#include "plan.h"
#include "record.h"

namespace plan {

struct ImportRow {
  int csv_line = 0;  // where the row starts in the CSV file
  Entry entry;
  std::string line;  // canonical record line (format_entry), no newline
};

struct ImportResult {
  std::vector<ImportRow> rows;  // in CSV order; empty when diags has errors
  Diagnostics diags;            // header and row errors; a warning when no rows
};

// `csv` is the file's text, already UTF-8 (csv.h to_utf8); `csv_name` names
// it in messages. Dates outside the plan period or after `today` are refused
// unless `force` (check_entry_date).
ImportResult import_csv(std::string_view csv, const std::string& csv_name, const Plan& plan,
                        Date today, bool force);

// A date as spreadsheets write it (see above); the error, at `where`, says
// what was wrong.
Expected<Date> spreadsheet_date(std::string_view s, const Location& where);

// `s` with thousands separators removed ("4,210" -> "4210", "-1,234.5%" ->
// "-1234.5%"); `s` unchanged when it has no comma; nullopt when a comma is
// not a thousands separator ("1,5", "12,34,567").
std::optional<std::string> strip_thousands(std::string_view s);

}  // namespace plan
