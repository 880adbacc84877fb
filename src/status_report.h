// The `plan status` report: every indicator at the as-of date, grouped by
// area, filtered as asked. Data first (StatusReport), then its table and JSON.
#pragma once

#include <algorithm>
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
  // With a unit filter and its own ledger (build_status): the unit, and per
  // row what it reported itself (by=): a flow's sum, a level's latest
  // reading, in the year with a year filter; none for a milestone or where
  // it reported nothing. The rows' figures are every unit's: a town that
  // reports for the district must not take the district's total for its own.
  std::string by;
  std::vector<std::optional<Decimal>> by_actual;
  // … and per row the day a milestone was done when the unit itself marked
  // it done (its latest state, by the as-of date; in the year with a year
  // filter); none otherwise.
  std::vector<std::optional<Date>> by_done;

  // Row i's own figure; none without a unit or past by_actual's end.
  std::optional<Decimal> own_actual(std::size_t i) const {
    return i < by_actual.size() ? by_actual[i] : std::nullopt;
  }
  std::optional<Date> own_done(std::size_t i) const {
    return i < by_done.size() ? by_done[i] : std::nullopt;
  }
  // True when some row has an own figure or a milestone the unit did.
  bool any_own() const {
    auto some = [](const auto& v) { return v.has_value(); };
    return std::any_of(by_actual.begin(), by_actual.end(), some) ||
           std::any_of(by_done.begin(), by_done.end(), some);
  }
};

// `own`, when given: a ledger of the same records that takes only the
// figures reported by filter.unit (Ledger::only_by).
StatusReport build_status(const Ledger& ledger, const StatusFilter& filter,
                          const Ledger* own = nullptr);

// True when any row's status is in `statuses` (for --fail-on).
bool any_status(const StatusReport& r, const std::vector<Status>& statuses);

// Terminal/CSV/Markdown shape. CSV columns, in order: id, name, area, task,
// unit, kind, target, target_max, actual, completion, expected, shortfall,
// behind_by, status (SPEC §6), then time_progress, as_of, lead, partners,
// done_date, due, and with a unit's own figures by and by_actual.
Table status_table(const StatusReport& r);

// SPEC §6 JSON.
std::string status_json(const StatusReport& r);

}  // namespace plan
