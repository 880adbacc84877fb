#include "ledger.h"

#include <fmt/format.h>

namespace plan {

Ledger::Ledger(const Plan& plan, Date as_of)
    : plan_(plan), as_of_(as_of), totals_(plan.indicators.size()) {}

const IndicatorTotals& Ledger::totals(const Indicator& ind) const {
  return totals_[static_cast<std::size_t>(&ind - plan_.indicators.data())];
}

void Ledger::add(const Entry& e) {
  ++seq_;
  if (e.date > as_of_) return;
  std::optional<std::size_t> index;
  if (e.indicator < plan_.indicators.size() && plan_.indicators[e.indicator].id == e.id)
    index = e.indicator;
  else
    index = plan_.index_of(e.id);
  if (!index) return;
  const Indicator& ind = plan_.indicators[*index];
  IndicatorTotals& t = totals_[*index];
  if (is_flow(ind.kind)) {
    // Increments outside the period are still entries (check warns about
    // them), but they count toward no figure.
    if (plan_.in_period(e.date)) {
      Decimal total = t.actual, year = t.by_year[e.date.year()];
      Decimal& month = t.by_month[e.date.year() * 12 + e.date.month() - 1];
      Decimal new_month = month;
      if (!total.add(e.amount) || !year.add(e.amount) || !new_month.add(e.amount)) {
        if (!error_) error_ = make_error(e.where, fmt::format("the sum of {} overflows", ind.id));
        return;
      }
      t.actual = total;
      t.by_year[e.date.year()] = year;
      month = new_month;
    }
  } else {
    Reading r{e.date, e.is_state ? Decimal::from_units(e.done ? 1 : 0) : e.amount, seq_, e.where};
    // Equal dates: the entry read last wins, so >=.
    if (!t.latest || r.date >= t.latest->date) t.latest = r;
    auto [it, inserted] = t.latest_by_year.try_emplace(e.date.year(), r);
    if (!inserted && r.date >= it->second.date) it->second = r;
  }
  ++t.entries;
  if (!t.first || e.date < *t.first) t.first = e.date;
  if (!t.last || e.date > *t.last) t.last = e.date;
}

}  // namespace plan
