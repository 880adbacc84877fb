// When a figure counts. A figure of a scheduled indicator counts for the
// reporting period it reports for (its period= tag, or else the due window
// its date is in: schedule.h), as of the period's last day when it was
// filed after it: December's 月报 filed on 8 January counts in December
// and in its year. A figure whose period= names a period outside the
// plan's (2017Q4) is that period's too, and counts as of its last day when
// filed after it. Any other figure counts on its own date. The ledger,
// show's per-reporter table and the digest's "recorded in the period" all
// ask here, so that they agree.
#pragma once

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
  CountDate of(const EntryView& e) const;
  // The same for an entry of the plan's indicator `indicator`.
  CountDate of(const Entry& e, std::size_t indicator) const { return of(view_of(e, indicator)); }

 private:
  // Per indicator: its reporting periods (none for an indicator with no
  // schedule).
  std::vector<PeriodIndex> periods_;
};

}  // namespace plan
