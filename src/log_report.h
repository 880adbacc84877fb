// The `plan log` report: entries as recorded, in date order, with the file
// and line each came from.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "json_writer.h"
#include "plan.h"
#include "record.h"
#include "table.h"

namespace plan {

struct LogFilter {
  std::string id;                    // "" = every indicator
  std::optional<Date> since, until;  // inclusive
  std::string by;                    // the `by` tag; "" = any

  bool keeps(const Entry& e) const;
};

// Columns: date, id, value, unit, by, note, src, other tags, file:line (CSV
// has file and line as separate columns). A long log's terminal table,
// CSV, TSV and JSON are written a batch of entries at a time (cli/log.cpp,
// TableWriter), so that its rows are never all held; the CSV and TSV rows
// by log_delimited_rows, which makes no table.
Table log_table(const Plan& plan, std::span<const Entry> entries);
// The rows of log_table's CSV (sep ',') or TSV ('\t'), written straight
// from the entries: render_delimited_rows(log_table(plan, entries), sep),
// byte for byte, with no table of cells made on the way.
std::string log_delimited_rows(const Plan& plan, std::span<const Entry> entries, char sep);
// {"entries": [...]}, all at once.
std::string log_json(const Plan& plan, std::span<const Entry> entries);

// The same JSON written a batch at a time: the text of each batch's
// entries, then of the end. Concatenated, they are log_json of all.
class LogJson {
 public:
  explicit LogJson(const Plan& plan);
  LogJson(const LogJson&) = delete;  // its writer writes to its own text_
  LogJson& operator=(const LogJson&) = delete;
  std::string entries(std::span<const Entry> batch);
  // The document's end. Called once, last.
  std::string finish();

 private:
  const Plan& plan_;
  std::string text_;     // written since the last piece was handed out
  JsonWriter w_{text_};  // after text_, which it writes to
};

}  // namespace plan
