// When a figure counts. A figure of a scheduled indicator counts for the
// reporting period it reports for (its period= tag, or else the due window
// its date is in: schedule.h), as of the period's last day when it was
// filed after it: December's 月报 filed on 8 January counts in December
// and in its year. A figure whose period= names a period of the
// indicator's frequency outside the plan's (2017Q4) is that period's too,
// and counts as of its last day when filed after it. Any other figure
// counts on its own date. The ledger, show's per-reporter table and plan
// check ask here, so that they agree. (A digest's "recorded in the period"
// goes by the entries' own dates: digest.h.)
#pragma once

#include <algorithm>
#include <optional>
#include <vector>

#include "date.h"
#include "plan.h"
#include "record.h"
#include "schedule.h"

namespace plan {

struct CountDate {
  std::optional<int> period;  // the reporting period it reports for, if any
  Date on;                    // the day it counts as of: <= its own date
};

class CountDates {
 public:
  explicit CountDates(const Plan& plan);
  // Inline: the reader asks for every record line.
  CountDate of(const EntryView& e) const {
    const PeriodIndex& periods = periods_[e.indicator];
    if (e.period.empty()) {
      const PeriodIndex::Dated d = periods.dated(e.date, e.ymd);
      return {d.period >= 0 ? std::optional<int>(d.period) : std::nullopt, Date::from_days(d.on)};
    }
    const std::optional<int> p = periods.of(e.date, e.ymd, e.period);
    if (p) return {p, std::min(periods.end(*p), e.date)};
    return outside_plan(e);
  }
  // The same for an entry of the plan's indicator `indicator`.
  CountDate of(const Entry& e, std::size_t indicator) const { return of(view_of(e, indicator)); }

 private:
  // of() for a period= that names none of the indicator's periods.
  CountDate outside_plan(const EntryView& e) const;

  // Per indicator: its reporting periods (none for an indicator with no
  // schedule).
  std::vector<PeriodIndex> periods_;
};

}  // namespace plan
