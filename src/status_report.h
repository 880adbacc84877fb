// The `plan status` report: every indicator at the as-of date, grouped by
// area, filtered as asked. Data first (StatusReport), then its table and JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evaluation.h"
#include "ledger.h"
#include "table.h"

namespace plan {

struct StatusFilter {
  std::optional<int> year;       // judge against this year's own targets
  std::string area;              // area id or name; "" = all
  std::string unit;              // lead, partner or reporting unit; "" = all
  std::vector<Status> statuses;  // keep only these; empty = all
};

struct StatusReport {
  const Plan* plan = nullptr;
  Date as_of;
  double time_progress = 0;  // of the period, or of the year with a year filter
  std::optional<int> year;
  std::vector<IndicatorStatus> rows;  // plan order (which groups by area)
};

StatusReport build_status(const Ledger& ledger, const StatusFilter& filter);

// True when any row's status is in `statuses` (for --fail-on).
bool any_status(const StatusReport& r, const std::vector<Status>& statuses);

// Terminal/CSV/Markdown shape. CSV columns, in order: id, name, area, task,
// unit, kind, target, target_max, actual, completion, expected, shortfall,
// behind_by, status (SPEC §6), then time_progress, as_of, lead, partners.
Table status_table(const StatusReport& r);

// SPEC §6 JSON.
std::string status_json(const StatusReport& r);

}  // namespace plan
