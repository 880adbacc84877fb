#include "filings.h"

#include <algorithm>

#include "text.h"

namespace plan {

Filings::Filings(const Plan& plan, Date as_of)
    : plan_(plan), as_of_(as_of), flags_(plan.indicators.size()) {
  period_index_.reserve(plan.indicators.size());
  std::size_t size = 0;
  for (std::size_t i = 0; i < plan.indicators.size(); ++i) {
    period_index_.emplace_back(plan, plan.indicators[i]);
    Flags& f = flags_[i];
    f.offset = size;
    f.periods = period_index_[i].count();
    f.by_reporter = !plan.indicators[i].reported_by.empty();
    size += slots(i) * static_cast<std::size_t>(f.periods);
  }
  filed_.assign(size, 0);
}

std::size_t Filings::slots(std::size_t indicator) const {
  return std::max<std::size_t>(1, plan_.indicators[indicator].reported_by.size());
}

void Filings::add(const Entry& e) {
  if (e.is_explanation) return;
  if (auto found = indicator_index(plan_, e)) add(view_of(e, *found));
}

void Filings::add(const EntryView& e) {
  add(e, period_index_[e.indicator].of(e.date, e.ymd, e.period));
}

void Filings::find_slot(std::size_t indicator, std::string_view by) {
  const std::vector<std::string>& reporters = plan_.indicators[indicator].reported_by;
  auto it = std::find_if(reporters.begin(), reporters.end(),
                         [&](const std::string& r) { return same_text(r, by); });
  Flags& f = flags_[indicator];
  f.last_by.assign(by);
  f.last_slot = it == reporters.end() ? kNone : it - reporters.begin();
}

void Filings::merge(const Filings& other) {
  for (std::size_t k = 0; k < filed_.size() && k < other.filed_.size(); ++k)
    filed_[k] |= other.filed_[k];
}

bool Filings::filed(std::size_t indicator, std::size_t slot, int period) const {
  const Flags& f = flags_[indicator];
  return filed_[f.offset + slot * static_cast<std::size_t>(f.periods) +
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
