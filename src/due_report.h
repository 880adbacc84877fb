// The `plan due` report: per reporter, the scheduled reports due at the
// as-of date and missing (未报送), and those falling due within the next
// days. Built from the ledger's filings (filings.h), so one pass over the
// records and memory bounded by plan x periods.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "filings.h"
#include "ledger.h"
#include "table.h"

namespace plan {

struct DueFilter {
  std::string reporter;  // a reporter or group name; "" = every reporter
  int within = 10;       // days after the as-of date for reports falling due
};

struct DueRow {
  OwedReport report;
  bool missing = false;  // due and not filed; else falling due soon
  // The latest explanation of this report (explanation_for): it stays owed.
  std::optional<Explanation> explanation;
};

struct DueReport {
  const Plan* plan = nullptr;
  Date as_of;
  int within = 0;
  // Missing first, then upcoming; within each, reporters in [[reporter]]
  // order ("" — anyone — last), then due date, then plan order.
  std::vector<DueRow> rows;
};

DueReport build_due(const Ledger& ledger, const DueFilter& f);
bool any_missing(const DueReport& r);

// Columns: reporter, state (missing / due soon), id, name, period, due date,
// days overdue (negative: days left), the explanation's note ("" if none).
Table due_table(const DueReport& r);
std::string due_json(const DueReport& r);

}  // namespace plan
