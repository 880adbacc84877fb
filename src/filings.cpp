#include "filings.h"

#include <algorithm>

#include "text.h"

namespace plan {

Filings::Filings(const Plan& plan, Date as_of)
    : plan_(plan), as_of_(as_of), filed_(plan.indicators.size()), last_by_(filed_.size()) {
  period_index_.reserve(plan.indicators.size());
  for (std::size_t i = 0; i < plan.indicators.size(); ++i) {
    period_index_.emplace_back(plan, plan.indicators[i]);
    filed_[i].assign(slots(i) * static_cast<std::size_t>(periods(i)), 0);
  }
}

std::size_t Filings::slots(std::size_t indicator) const {
  return std::max<std::size_t>(1, plan_.indicators[indicator].reported_by.size());
}

void Filings::add(const Entry& e) {
  if (e.is_explanation) return;
  if (auto found = indicator_index(plan_, e)) add(view_of(e, *found));
}

void Filings::add(const EntryView& e) {
  const std::size_t i = e.indicator;
  if (e.date > as_of_ || periods(i) == 0) return;
  add(e, period_index_[i].of(e.date, e.ymd, e.period));
}

void Filings::add(const EntryView& e, std::optional<int> period) {
  const std::size_t i = e.indicator;
  if (!period || e.date > as_of_ || periods(i) == 0) return;
  const Indicator& ind = plan_.indicators[i];
  std::size_t slot = 0;
  if (!ind.reported_by.empty()) {
    // A file is mostly one unit's: what its by= was found to be last time
    // (a reporter's slot, or none) is asked first.
    LastBy& last = last_by_[i];
    if (last.slot == LastBy::kUnknown || !same_text(last.by, e.by)) {
      auto it = std::find_if(ind.reported_by.begin(), ind.reported_by.end(),
                             [&](const std::string& r) { return same_text(r, e.by); });
      last.by.assign(e.by);
      last.slot = it == ind.reported_by.end() ? LastBy::kNone : it - ind.reported_by.begin();
    }
    if (last.slot < 0) return;
    slot = static_cast<std::size_t>(last.slot);
  }
  filed_[i][slot * static_cast<std::size_t>(periods(i)) + static_cast<std::size_t>(*period)] = 1;
}

void Filings::merge(const Filings& other) {
  for (std::size_t i = 0; i < filed_.size() && i < other.filed_.size(); ++i)
    for (std::size_t k = 0; k < filed_[i].size() && k < other.filed_[i].size(); ++k)
      filed_[i][k] |= other.filed_[i][k];
}

bool Filings::filed(std::size_t indicator, std::size_t slot, int period) const {
  return filed_[indicator][slot * static_cast<std::size_t>(periods(indicator)) +
                           static_cast<std::size_t>(period)] != 0;
}

std::vector<OwedReport> Filings::owed(const Indicator& ind, Date from, Date to) const {
  std::vector<OwedReport> out;
  std::size_t i = static_cast<std::size_t>(&ind - plan_.indicators.data());
  for (int p = 0; p < periods(i); ++p) {
    ReportingPeriod period = period_at(plan_, ind, p);
    if (period.due < from) continue;
    if (period.due > to) break;
    for (std::size_t s = 0; s < slots(i); ++s) {
      if (filed(i, s, p)) continue;
      OwedReport r;
      r.ind = &ind;
      r.reporter = ind.reported_by.empty() ? "" : ind.reported_by[s];
      r.period = period;
      r.days_overdue = as_of_ - period.due;
      out.push_back(std::move(r));
    }
  }
  return out;
}

std::vector<OwedReport> Filings::missing(const Indicator& ind) const {
  return owed(ind, Date::from_days(INT32_MIN / 2), as_of_.add_days(-1));
}

std::vector<OwedReport> Filings::upcoming(const Indicator& ind, int days) const {
  return owed(ind, as_of_, as_of_.add_days(days));
}

}  // namespace plan
