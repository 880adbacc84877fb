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
  if (!p) return {p, e.date};
  return {p, std::min(periods.end(*p), e.date)};
}

}  // namespace plan
