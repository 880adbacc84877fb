// The `plan log` report: entries as recorded, in date order, with the file
// and line each came from.
#pragma once

#include <optional>
#include <string>
#include <vector>

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
// has file and line as separate columns).
Table log_table(const Plan& plan, const std::vector<Entry>& entries);
std::string log_json(const Plan& plan, const std::vector<Entry>& entries);

}  // namespace plan
