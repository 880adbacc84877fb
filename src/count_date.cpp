#include "count_date.h"

namespace plan {

CountDates::CountDates(const Plan& plan) {
  periods_.reserve(plan.indicators.size());
  for (const Indicator& ind : plan.indicators)
    periods_.push_back(ind.scheduled() ? PeriodIndex(plan, ind) : PeriodIndex());
}

CountDate CountDates::outside_plan(const EntryView& e) const {
  // A period= of the indicator's frequency that is none of the plan's
  // periods, such as 2017Q4 before its start, still says which period the
  // figure is for: it files no report, and counts as of that period's last
  // day (toward no flow when that is before the plan's start). A label of
  // another frequency says nothing the schedule knows: its figure counts
  // on its date, as an unscheduled indicator's (a milestone's) does.
  const Frequency f = periods_[e.indicator].frequency();
  auto label = parse_period_label(e.period);
  if (f == Frequency::ad_hoc || !label || label->first != f) return {std::nullopt, e.date};
  return {std::nullopt, std::min(*period_last_day(e.period), e.date)};
}

}  // namespace plan
