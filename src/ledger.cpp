#include "ledger.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>

namespace plan {

Ledger::Ledger(const Plan& plan, Date as_of) : Ledger(plan, as_of, as_of) {}

Ledger::Ledger(const Plan& plan, Date as_of, Date known_by)
    : plan_(plan),
      as_of_(as_of),
      known_by_(known_by),
      as_of_month_day_(as_of.month(), as_of.day()),
      period_first_month_(month_key(plan.start.year(), plan.start.month())),
      period_first_year_(plan.start.year()),
      // Readings of the year before the period are the baseline of year-on-
      // year changes; later than the period, readings count up to as-of.
      first_year_(plan.start.year() - 1),
      last_year_(std::max(plan.end.year(), as_of.year())),
      acc_(plan.indicators.size()),
      filings_(plan, known_by),
      explanations_(plan, known_by),
      count_dates_(plan) {
  const int months = month_key(plan.end.year(), plan.end.month()) - period_first_month_ + 1;
  const int years = plan.end.year() - plan.start.year() + 1;
  for (std::size_t i = 0; i < acc_.size(); ++i) {
    if (is_flow(plan.indicators[i].kind)) {
      acc_[i].flow = true;
      acc_[i].by_month.resize(static_cast<std::size_t>(std::max(months, 0)));
      acc_[i].by_year.resize(static_cast<std::size_t>(std::max(years, 0)));
      acc_[i].same_period.resize(static_cast<std::size_t>(std::max(years, 0)));
    } else {
      acc_[i].latest_by_year.resize(static_cast<std::size_t>(last_year_ - first_year_ + 1));
    }
  }
}

void Ledger::add(const Entry& e) {
  if (e.date > known_by_) return;
  if (!takes(e.tag("by"))) return;
  if (e.is_explanation) {
    explanations_.add(e);
    return;
  }
  if (auto found = indicator_index(plan_, e)) add(view_of(e, *found));
}

void Ledger::count_as_of(const EntryView& e, Date end) {
  EntryView dated = e;
  dated.date = end;
  dated.ymd = end.ymd();
  count(dated, e.date.days_since_epoch());
}

void Ledger::count(const EntryView& e, std::int32_t filed) {
  const std::size_t index = e.indicator;
  const Indicator& ind = plan_.indicators[index];
  Acc& a = acc_[index];
  const int year = e.ymd.year;
  if (a.flow) {
    // Increments outside the period are still entries (check warns about
    // them), but they count toward no figure.
    if (plan_.in_period(e.date)) {
      if (count_in_period(a, e)) return;
      // Near the figure limit: sums are worked out first and stored only
      // when all of them fit, so a refused entry leaves no trace (not even
      // an empty year or month).
      const FlowSums sums = flow_sums(a, e.ymd);
      const std::int64_t v = e.amount.units();
      std::int64_t magnitude;
      if (__builtin_add_overflow(a.magnitude, v < 0 ? -v : v, &magnitude)) magnitude = INT64_MAX;
      std::int64_t total, year_sum, month_sum, same_sum;
      if (__builtin_add_overflow(a.actual, v, &total) ||
          __builtin_add_overflow(sums.year.micros, v, &year_sum) ||
          __builtin_add_overflow(sums.month.micros, v, &month_sum) ||
          __builtin_add_overflow(sums.same.micros, v, &same_sum) || !within_figure_limit(total) ||
          !within_figure_limit(year_sum) || !within_figure_limit(month_sum) ||
          !within_figure_limit(same_sum)) {
        if (!error_)
          error_ = make_error(e.where(), Message{fmt::format("the sum of {} overflows", ind.id),
                                                 fmt::format("{} 的合计溢出", ind.id)});
        return;
      }
      a.actual = total;
      a.magnitude = magnitude;
      sums.year = {year_sum, true};
      sums.month = {month_sum, true};
      if (sums.same_period) sums.same = {same_sum, true};
    }
  } else {
    if (!e.is_state && !within_figure_limit(e.amount.units())) {
      if (!error_)
        error_ =
            make_error(e.where(), Message{fmt::format("the reading of {} is too large", ind.id),
                                          fmt::format("{} 的读数过大", ind.id)});
      return;
    }
    take_reading(a, e, year, e.is_state ? (e.done ? Decimal::kScale : 0) : e.amount.units(), filed);
  }
  counted(a, e.date.days_since_epoch());
}

std::vector<Explanation> Ledger::explanations(const Indicator& ind) const {
  return explanations_.of(static_cast<std::size_t>(&ind - plan_.indicators.data()));
}

void Ledger::take_reading(Acc& a, const EntryView& e, int year, std::int64_t value,
                          std::int32_t filed) {
  const std::int32_t d = e.date.days_since_epoch();
  Latest* in_year;
  if (year >= first_year_ && year <= last_year_)
    in_year = &a.latest_by_year[static_cast<std::size_t>(year - first_year_)];
  else
    in_year = &a.latest_elsewhen[year];
  // Equal dates: the one filed later (two late readings of one period,
  // both counted as of its last day: the correction wins), then the entry
  // read last, so >=.
  auto later = [&](const Latest& l) {
    return !l.set || d > l.date || (d == l.date && filed >= l.filed);
  };
  bool overall = later(a.latest);
  bool yearly = later(*in_year);
  if (!overall && !yearly) return;
  if (files_.empty() || files_.back() != *e.file) files_.push_back(*e.file);
  Latest r{d, filed, value, static_cast<std::uint32_t>(files_.size() - 1), e.line, e.column, true};
  if (overall) a.latest = r;
  if (yearly) *in_year = r;
}

bool Ledger::can_merge(const std::vector<const Ledger*>& parts) {
  if (parts.empty()) return true;
  const std::size_t n = parts.front()->acc_.size();
  for (const Ledger* p : parts)
    if (p->error_ || p->acc_.size() != n) return false;
  for (std::size_t i = 0; i < n; ++i) {
    std::int64_t m = 0;
    for (const Ledger* p : parts)
      if (__builtin_add_overflow(m, p->acc_[i].magnitude, &m)) return false;
    if (!within_figure_limit(m)) return false;
  }
  return true;
}

bool Ledger::read_later(const Latest& r, const Ledger& from, const Latest& l) const {
  if (r.date != l.date) return r.date > l.date;
  if (r.filed != l.filed) return r.filed > l.filed;
  const std::string& rf = from.files_[r.file];
  const std::string& lf = files_[l.file];
  if (rf != lf) return rf > lf;
  return r.line > l.line;
}

Ledger::Latest Ledger::adopt(const Latest& r, const Ledger& from) {
  const std::string& name = from.files_[r.file];
  auto it = std::find(files_.begin(), files_.end(), name);
  if (it == files_.end()) it = files_.insert(files_.end(), name);
  Latest out = r;
  out.file = static_cast<std::uint32_t>(it - files_.begin());
  return out;
}

void Ledger::merge_reading(Latest& into, const Latest& r, const Ledger& from) {
  if (!r.set) return;
  if (!into.set || read_later(r, from, into)) into = adopt(r, from);
}

void Ledger::merge(const std::vector<const Ledger*>& parts) {
  auto add = [](Sum& into, const Sum& s) {
    into.micros += s.micros;  // can_merge: no sum can overflow
    into.touched = into.touched || s.touched;
  };
  for (const Ledger* p : parts) {
    for (std::size_t i = 0; i < acc_.size(); ++i) {
      Acc& a = acc_[i];
      const Acc& b = p->acc_[i];
      if (b.entries == 0) continue;
      a.first = std::min(a.first, b.first);
      a.last = std::max(a.last, b.last);
      a.entries += b.entries;
      a.actual += b.actual;
      a.magnitude += b.magnitude;
      for (std::size_t k = 0; k < a.by_month.size(); ++k) add(a.by_month[k], b.by_month[k]);
      for (std::size_t k = 0; k < a.by_year.size(); ++k) add(a.by_year[k], b.by_year[k]);
      for (std::size_t k = 0; k < a.same_period.size(); ++k)
        add(a.same_period[k], b.same_period[k]);
      merge_reading(a.latest, b.latest, *p);
      for (std::size_t k = 0; k < a.latest_by_year.size(); ++k)
        merge_reading(a.latest_by_year[k], b.latest_by_year[k], *p);
      for (const auto& [year, l] : b.latest_elsewhen) merge_reading(a.latest_elsewhen[year], l, *p);
    }
    filings_.merge(p->filings_);
    explanations_.merge(p->explanations_);
  }
  stale_ = true;
}

void Ledger::publish() const {
  totals_.assign(acc_.size(), IndicatorTotals());
  auto reading = [&](const Latest& l) {
    return Reading{Date::from_days(l.date), Decimal::from_units(l.value),
                   Location{files_[l.file], l.line, l.column}};
  };
  for (std::size_t i = 0; i < acc_.size(); ++i) {
    const Acc& a = acc_[i];
    IndicatorTotals& t = totals_[i];
    t.entries = a.entries;
    t.actual = Decimal::from_units(a.actual);
    for (std::size_t k = 0; k < a.by_month.size(); ++k)
      if (a.by_month[k].touched)
        t.by_month[period_first_month_ + static_cast<int>(k)] =
            Decimal::from_units(a.by_month[k].micros);
    for (std::size_t k = 0; k < a.by_year.size(); ++k) {
      int year = period_first_year_ + static_cast<int>(k);
      if (a.by_year[k].touched) t.by_year[year] = Decimal::from_units(a.by_year[k].micros);
      if (a.same_period[k].touched)
        t.same_period_by_year[year] = Decimal::from_units(a.same_period[k].micros);
    }
    if (a.latest.set) t.latest = reading(a.latest);
    for (std::size_t k = 0; k < a.latest_by_year.size(); ++k)
      if (a.latest_by_year[k].set)
        t.latest_by_year.emplace(first_year_ + static_cast<int>(k), reading(a.latest_by_year[k]));
    for (const auto& [year, l] : a.latest_elsewhen) t.latest_by_year.emplace(year, reading(l));
    if (a.entries > 0) {
      t.first = Date::from_days(a.first);
      t.last = Date::from_days(a.last);
    }
  }
  stale_ = false;
}

const IndicatorTotals& Ledger::totals(std::size_t indicator) const {
  if (stale_) publish();
  return totals_[indicator];
}

const IndicatorTotals& Ledger::totals(const Indicator& ind) const {
  return totals(static_cast<std::size_t>(&ind - plan_.indicators.data()));
}

}  // namespace plan
