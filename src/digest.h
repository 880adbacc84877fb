// The `plan report` digest: what a cron job mails every week or month. A
// Digest is pure data computed from two ledgers fed by the same single pass
// over the records (one at the as-of date D, one a period earlier) and a
// PeriodRecords collector (period_records.h) fed by that pass too;
// digest_text.cpp, digest_markdown.cpp and digest_html.cpp render it
// (digest_render.h) in the words of digest_words.h.
//
// Contents, in the order every renderer prints them:
//   1. headline: time progress and how many indicators stand where at D;
//   2. what was recorded in the period (D - period, D], per indicator and
//      reporting unit (by= tag);
//   3. status changes between D - period and D;
//   4. the largest shortfalls (flows behind), with the pace now needed;
//   5. the per-unit table (units_report.h);
//   6. milestones not done and due in [D, D + period] (due today included:
//      not overdue yet, and the last day to act), or overdue.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digest_period.h"
#include "evaluation.h"
#include "ledger.h"
#include "period_records.h"
#include "plan.h"
#include "units_report.h"

namespace plan {

// Why an indicator is named in the changes section. Renderers list the
// kinds in this order, trouble first.
enum class Change {
  newly_behind,    // a flow on track (or achieved, before a correction) is now behind
  breached,        // a cap met (or without a reading) is now missed
  newly_missed,    // a floor met (or without a reading) is now missed
  newly_overdue,   // a milestone's due date passed, or its `done` was retracted
  reopened,        // achieved or done before, no longer, yet not in trouble
  recovered,       // behind, missed or overdue before; on track or met now
  newly_achieved,  // a flow reached its target, or a milestone is done
  first_reading,   // a level without a reading before is met now
};

std::string_view change_name(Change c);  // "newly_behind", …

// The kind of change from `before` to `now` for an indicator of kind `k`;
// nullopt when the status did not change.
std::optional<Change> classify_change(Kind k, Status before, Status now);

struct StatusChange {
  Change kind;
  Status before;
  IndicatorStatus now;  // the figures at D
};

// A flow behind its expected line at D.
struct Shortfall {
  IndicatorStatus now;  // actual, target, expected, behind_by, paces
  double gap = 0;       // behind_by / target: what orders the list
};

// A flow behind at D, month by month: the chart of the HTML digest.
struct Trend {
  const Indicator* ind = nullptr;
  std::vector<MonthPoint> months;  // period start (or its month) to D's month
};

// A milestone not done and due in [D, D + period], or overdue.
struct MilestoneDue {
  const Indicator* ind = nullptr;
  Date due;
  Status status = Status::pending;  // pending or overdue
  int days = 0;                     // pending: days until due; overdue: days past it
};

struct DigestOptions {
  Period period = Period::week;
  std::string unit;     // "" = all; else indicators this unit leads or partners
  std::size_t top = 5;  // shortfalls listed
};

// Counts grouped as the headline (and the units table) shows them.
struct Headline : StatusCounts {
  int indicators = 0;
};

struct Digest {
  const Plan* plan = nullptr;
  Period period = Period::week;
  Date as_of;  // D
  Date since;  // D - period: the window is (since, as_of]; `before` statuses are at since
  Date next;   // D + period: milestones due in [as_of, next] are listed
  std::string unit;
  double time_progress = 0;

  std::vector<IndicatorStatus> now;  // every indicator in scope at D, plan order
  Headline headline;

  std::size_t recorded_entries = 0;
  std::vector<RecordedIndicator> recorded;

  std::vector<StatusChange> changes;  // by Change kind, then plan order

  std::size_t behind = 0;             // flows behind at D
  std::vector<Shortfall> shortfalls;  // the first `top` of them, largest gap first
  std::vector<Trend> trends;          // every flow behind at D, largest gap first

  UnitsReport units;  // every unit, or only --unit's row

  std::vector<MilestoneDue> milestones;  // overdue (by due date) first, then due soon
};

// `now` is at D, `before` at period_back(D); `recorded` was fed the same
// stream with the window (period_back(D), D]. The plan must outlive the Digest.
Digest build_digest(const Ledger& now, const Ledger& before, const PeriodRecords& recorded,
                    const DigestOptions& o);

// True when any indicator in scope has one of `statuses` at D (--fail-on).
bool any_status(const Digest& d, const std::vector<Status>& statuses);

}  // namespace plan
