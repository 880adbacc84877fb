// Evaluation: (plan, ledger totals, as-of date) -> figures (SPEC §5). Pure
// functions with no knowledge of output formats; reports and renderers take
// what is computed here.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "date.h"
#include "decimal.h"
#include "ledger.h"
#include "plan.h"

namespace plan {

enum class Status {
  achieved,
  on_track,
  behind,
  met,
  missed,
  no_data,
  done,
  pending,
  overdue,
  unreported,
};

std::string_view status_name(Status s);  // "achieved", "on_track", … (words.h has display words)
std::optional<Status> parse_status(std::string_view s);
// True for the statuses that need attention: behind, missed, overdue.
bool is_trouble(Status s);

// The groups that summaries count statuses in.
struct StatusCounts {
  int achieved = 0;    // achieved, met, done
  int on_track = 0;    // on_track, pending
  int behind = 0;      // behind
  int missed = 0;      // missed, overdue
  int no_data = 0;     // no_data
  int unreported = 0;  // unreported

  void add(Status s);
};

// One year of the year-on-year split.
struct YearFigures {
  int year = 0;
  std::optional<Decimal> target;     // that year's target or threshold
  std::optional<Decimal> actual;     // flows: the year's sum; levels: latest reading in it
  std::optional<double> completion;  // flows: actual / target
  std::optional<Status> status;      // null for years that have not begun at the as-of date
  // Against the previous year. Flows: growth rate actual/previous - 1 (null
  // when the previous year is 0 or absent); for the year still in progress
  // at the as-of date, against the same period of the previous year (1
  // January to the as-of day), as 同比 is read. Levels: actual - previous,
  // in the indicator's own unit (percentage points for rates).
  std::optional<double> change;
};

struct IndicatorStatus {
  const Indicator* ind = nullptr;
  std::optional<Decimal> target;     // what the indicator is judged against
  std::optional<Decimal> actual;     // flows: sum; levels: the latest reading
  std::optional<Date> actual_date;   // levels and milestones: date of that reading
  std::optional<double> completion;  // flows: actual / target
  // flows: due by the as-of date; for a scheduled indicator, due by the end
  // of the last reporting period whose report is due (judged_at). The
  // expected line there (expected_by), or for an indicator counted in whole
  // things the whole things below it: 2 with the line at 2.96.
  std::optional<double> expected;
  std::optional<Decimal> shortfall;  // flows: target - actual (>= 0); levels: wrong-side gap
  std::optional<double> behind_by;   // flows: expected - actual (>= 0)
  Status status = Status::no_data;
  // Scheduled indicators: the end of the last reporting period whose report
  // is due at the as-of date, where the expected line is read, and that
  // period's label ("2019-05"); null/empty before the first is due.
  std::optional<Date> judged_at;
  std::string judged_period;
  // Reports due by the as-of date and missing (status unreported unless the
  // flow is already achieved); with `year`, those of periods in that year.
  std::vector<OwedReport> missing;
  // The explanations that speak to the state at the as-of date, oldest
  // first (current_explanations, explanation.h): renderers show the last
  // one beside an indicator that is behind, missed, overdue or unreported.
  std::vector<Explanation> explanations;
  double time_progress = 0;        // of the period (or of the year, with --year)
  std::vector<YearFigures> years;  // every year of the period, first to last
  // Flows: the value at the period end at the average pace so far, the pace
  // per month so far and the pace per month now needed to reach the target
  // (0 once reached; null once the period is over).
  std::optional<double> projected;
  std::optional<double> pace_per_month;
  std::optional<double> needed_per_month;
};

// Evaluates one indicator at the ledger's as-of date. With `year`, the
// indicator is judged against that year's own target and actuals instead of
// the whole period's (status --year). A flow short of its target is
// `missed` once its period (the plan's, or the year's) is closed: the as-of
// date is on or after its last day or, for a scheduled indicator, the
// report of its last reporting period is due; before that it is on_track or
// behind. The same holds for each year of `years`.
IndicatorStatus evaluate(const Ledger& ledger, const Indicator& ind,
                         std::optional<int> year = std::nullopt);

// What a flow should have reached by the end of day d over the whole period:
// the yearly splits of the years before d's year plus d's year's split times
// the year's progress; with no splits, the target times the time progress.
double expected_by(const Plan& plan, const Indicator& ind, Date d);

// One month of a flow's picture: the cumulative actual up to the month's end
// (or the as-of date) against the expected line there.
struct MonthPoint {
  int year = 0, month = 0;
  Decimal cumulative;
  double expected = 0;
};

// Every month from the period's first to the as-of date's (or the period's
// last), for a flow; empty before the period starts.
std::vector<MonthPoint> monthly_series(const Ledger& ledger, const Indicator& ind);

// Average days in a month, for paces "per month".
constexpr double kDaysPerMonth = 365.25 / 12;

}  // namespace plan
