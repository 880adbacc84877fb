#include "ledger.h"

#include <fmt/format.h>

namespace plan {

Ledger::Ledger(const Plan& plan, Date as_of)
    : plan_(plan),
      as_of_(as_of),
      as_of_month_day_(as_of.month(), as_of.day()),
      totals_(plan.indicators.size()),
      filings_(plan, as_of) {}

const IndicatorTotals& Ledger::totals(const Indicator& ind) const {
  return totals_[static_cast<std::size_t>(&ind - plan_.indicators.data())];
}

void Ledger::add(const Entry& e) {
  if (e.date > as_of_) return;
  filings_.add(e);
  std::optional<std::size_t> index;
  if (e.indicator < plan_.indicators.size() && plan_.indicators[e.indicator].id == e.id)
    index = e.indicator;
  else
    index = plan_.index_of(e.id);
  if (!index) return;
  const Indicator& ind = plan_.indicators[*index];
  IndicatorTotals& t = totals_[*index];
  const int year = e.date.year(), month = e.date.month();
  if (is_flow(ind.kind)) {
    // Increments outside the period are still entries (check warns about
    // them), but they count toward no figure.
    if (plan_.in_period(e.date)) {
      // Sums are worked out on copies and stored only when all of them fit,
      // so a refused entry leaves no trace (not even an empty year or month).
      const int month_key = year * 12 + month - 1;
      auto sum_in = [](const std::map<int, Decimal>& m, int key) {
        auto it = m.find(key);
        return it == m.end() ? Decimal() : it->second;
      };
      Decimal total = t.actual, year_sum = sum_in(t.by_year, year),
              month_sum = sum_in(t.by_month, month_key),
              same_period = sum_in(t.same_period_by_year, year);
      if (!total.add(e.amount) || !year_sum.add(e.amount) || !month_sum.add(e.amount) ||
          !same_period.add(e.amount)) {
        if (!error_) error_ = make_error(e.where, fmt::format("the sum of {} overflows", ind.id));
        return;
      }
      t.actual = total;
      t.by_year[year] = year_sum;
      t.by_month[month_key] = month_sum;
      // Up to the as-of date's day of the year: the 同比 base of later years.
      if (std::pair(month, e.date.day()) <= as_of_month_day_)
        t.same_period_by_year[year] = same_period;
    }
  } else {
    Decimal value = e.is_state ? Decimal::from_units(e.done ? Decimal::kScale : 0) : e.amount;
    // Equal dates: the entry read last wins, so >=. The reading (with its
    // location) is copied only when it wins.
    if (!t.latest || e.date >= t.latest->date) t.latest = Reading{e.date, value, e.where};
    auto it = t.latest_by_year.find(year);
    if (it == t.latest_by_year.end())
      t.latest_by_year.emplace(year, Reading{e.date, value, e.where});
    else if (e.date >= it->second.date)
      it->second = Reading{e.date, value, e.where};
  }
  ++t.entries;
  if (!t.first || e.date < *t.first) t.first = e.date;
  if (!t.last || e.date > *t.last) t.last = e.date;
}

}  // namespace plan
