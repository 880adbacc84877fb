#include "count_date.h"

#include <algorithm>

namespace plan {

CountDates::CountDates(const Plan& plan) {
  periods_.reserve(plan.indicators.size());
  for (const Indicator& ind : plan.indicators)
    periods_.push_back(ind.scheduled() ? PeriodIndex(plan, ind) : PeriodIndex());
}

CountDate CountDates::of(const EntryView& e) const {
  const PeriodIndex& periods = periods_[e.indicator];
  const std::optional<int> p = periods.of(e.date, e.ymd, e.period);
  if (p) return {p, std::min(periods.end(*p), e.date)};
  // A period= that names no reporting period of the plan's, such as 2017Q4
  // before its start, still says which period the figure is for: it files
  // no report, and counts as of that period's last day (toward no flow when
  // that is before the plan's start).
  if (!e.period.empty())
    if (auto last = period_last_day(e.period)) return {p, std::min(*last, e.date)};
  return {p, e.date};
}

}  // namespace plan
