// The `plan units` report: accountability per responsible unit — what each
// unit leads (★) or partners, how those indicators stand, and its worst gap.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evaluation.h"
#include "ledger.h"
#include "table.h"
#include "words.h"

namespace plan {

// StatusCounts over the indicators counted (led, or led and partnered).
struct UnitRow : StatusCounts {
  std::string unit;
  int led = 0;        // indicators the unit leads
  int partnered = 0;  // indicators it partners (0 with lead_only)
  // The counted indicator furthest from where it should be: flows behind by
  // the largest share of their target, levels missed by the largest share
  // of their threshold, overdue milestones last. Empty when none is in trouble.
  std::string worst_id;
  std::optional<double> worst_gap;  // that share (0.12 = 12 % of the target); null for a milestone
};

struct UnitsReport {
  const Plan* plan = nullptr;
  Date as_of;
  bool lead_only = false;
  // Some indicator has a reporting schedule: without one nothing can be
  // unreported, and people's tables leave that count out.
  bool scheduled = false;
  std::vector<UnitRow> rows;  // units in [plan].units order, then others by first use
};

// A unit's status counts as people's tables show them, headed by their
// words: achieved, on track, behind, missed, unreported (only when
// `scheduled`) and no data, after the indicators it leads and partners.
std::vector<std::pair<Word, int>> unit_counts(const UnitRow& u, bool scheduled);

UnitsReport build_units(const Ledger& ledger, bool lead_only);
// The same from figures already evaluated at `as_of` (the digest's): one
// status per indicator of the plan, any order.
UnitsReport units_of(const Plan& plan, Date as_of, const std::vector<IndicatorStatus>& statuses,
                     bool lead_only);
Table units_table(const UnitsReport& r);
std::string units_json(const UnitsReport& r);

}  // namespace plan
