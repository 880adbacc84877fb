#include "evaluation.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "schedule.h"

namespace plan {

namespace {

constexpr std::array<std::pair<Status, std::string_view>, 10> kNames{{
    {Status::achieved, "achieved"},
    {Status::on_track, "on_track"},
    {Status::behind, "behind"},
    {Status::met, "met"},
    {Status::missed, "missed"},
    {Status::no_data, "no_data"},
    {Status::done, "done"},
    {Status::pending, "pending"},
    {Status::overdue, "overdue"},
    {Status::unreported, "unreported"},
}};

double ratio(Decimal a, Decimal b) {
  return a.to_double() / b.to_double();
}

Date year_start(int y) {
  return Date::from_ymd(y, 1, 1);
}
Date year_end(int y) {
  return Date::from_ymd(y, 12, 31);
}

// What is due by a day where the expected line stands at `line`: for an
// indicator counted in whole things, the whole things (2.96 家 on the line:
// 2 are due, the third once the line reaches 3). So less than one short of
// the line is not behind, and the expected figure shown beside an actual
// that is on track is never above it.
double due_by_line(const Indicator& ind, double line) {
  return ind.is_whole() ? std::floor(line + 1e-9) : line;
}

// Flow status: reached, or at least what the calendar asks for by now
// (`expected`, already in whole things for an indicator counted in them).
// Once the period is closed (`closed`), short of the target is missed
// (未完成): nothing is left to catch up with.
Status flow_status(Decimal actual, Decimal target, double expected, bool closed) {
  if (actual >= target) return Status::achieved;
  if (closed) return Status::missed;
  if (actual.to_double() > expected - 1e-9) return Status::on_track;
  return Status::behind;
}

// The last reporting period of a scheduled indicator that is due on the day
// the ledger is known by and ended by its as-of date: the one its figures
// are judged at.
std::optional<ReportingPeriod> judged_period(const Ledger& ledger, const Indicator& ind) {
  auto p = last_due_period(ledger.plan(), ind, ledger.known_by());
  while (p && p->end > ledger.as_of())
    p = p->index > 0 ? std::optional(period_at(ledger.plan(), ind, p->index - 1)) : std::nullopt;
  return p;
}

// Where a flow's expected line is read at the ledger's date: the end of the
// judged period, for a scheduled indicator (the day before the plan starts
// when none is due yet); the date itself otherwise.
Date judged_date(const Ledger& ledger, const Indicator& ind) {
  if (!ind.scheduled()) return ledger.as_of();
  auto p = judged_period(ledger, ind);
  return p ? p->end : ledger.plan().start.add_days(-1);
}

// Level status against a threshold; the gap is how far on the wrong side.
Status level_status(const Indicator& ind, Decimal reading, Decimal threshold, Decimal* gap) {
  bool ok = ind.kind == Kind::floor ? reading >= threshold : reading <= threshold;
  *gap = ok ? Decimal() : (ind.kind == Kind::floor ? threshold - reading : reading - threshold);
  return ok ? Status::met : Status::missed;
}

}  // namespace

double expected_by(const Plan& plan, const Indicator& ind, Date d) {
  if (d < plan.start) return 0;
  if (d >= plan.end) return ind.target.to_double();
  if (ind.years.empty()) return ind.target.to_double() * progress(plan.start, plan.end, d);
  double sum = 0;
  for (const auto& [y, v] : ind.years) {
    if (y < d.year()) {
      sum += v.to_double();
    } else if (y == d.year()) {
      Date from = std::max(year_start(y), plan.start), to = std::min(year_end(y), plan.end);
      sum += v.to_double() * progress(from, to, d);
    }
  }
  return sum;
}

namespace {

std::vector<YearFigures> year_split(const Ledger& ledger, const Indicator& ind) {
  const Plan& plan = ledger.plan();
  const IndicatorTotals& t = ledger.totals(ind);
  Date as_of = ledger.as_of();
  Date judged = judged_date(ledger, ind);
  std::vector<YearFigures> out;
  std::optional<Decimal> previous;
  // The year before the period is a baseline for the first year's change
  // (levels only: flows count nothing outside the period).
  if (is_level(ind.kind)) {
    auto it = t.latest_by_year.find(plan.start.year() - 1);
    if (it != t.latest_by_year.end()) previous = it->second.value;
  }
  for (int y : plan.years()) {
    YearFigures f;
    f.year = y;
    Date from = std::max(year_start(y), plan.start), to = std::min(year_end(y), plan.end);
    bool begun = as_of >= from;
    if (is_flow(ind.kind)) {
      auto split = ind.years.find(y);
      if (split != ind.years.end()) f.target = split->second;
      if (begun) {
        auto s = t.by_year.find(y);
        f.actual = s == t.by_year.end() ? Decimal() : s->second;
        // A year asked for nothing (a split of 0) is achieved, as status
        // --year judges it, with no completion to show.
        if (f.target && !f.target->is_zero()) f.completion = ratio(*f.actual, *f.target);
        if (f.target) {
          double line = f.target->to_double() * progress(from, to, std::min(judged, to));
          f.status = flow_status(*f.actual, *f.target, due_by_line(ind, line), judged >= to);
        }
        // A year still in progress is compared with the same part of the
        // year before (同比: January to the as-of day), not with all of it.
        std::optional<Decimal> base = previous;
        if (previous && as_of < year_end(y)) {
          auto same = t.same_period_by_year.find(y - 1);
          base = same == t.same_period_by_year.end() ? Decimal() : same->second;
        }
        if (base && !base->is_zero()) f.change = ratio(*f.actual, *base) - 1;
      }
      previous = f.actual;
    } else if (is_level(ind.kind)) {
      f.target = ind.target_for_year(y);
      if (begun) {
        auto r = t.latest_by_year.find(y);
        if (r != t.latest_by_year.end()) {
          f.actual = r->second.value;
          Decimal gap;
          f.status = level_status(ind, *f.actual, *f.target, &gap);
          if (previous) f.change = (*f.actual - *previous).to_double();
        } else {
          f.status = Status::no_data;
        }
      }
      previous = f.actual;
    }
    out.push_back(f);
  }
  return out;
}

void evaluate_flow(const Ledger& ledger, const Indicator& ind, std::optional<int> year,
                   IndicatorStatus& s) {
  const Plan& plan = ledger.plan();
  const IndicatorTotals& t = ledger.totals(ind);
  Date as_of = ledger.as_of();
  Date judged = judged_date(ledger, ind);
  Date last = plan.end;  // the judged period's last day
  if (year) {
    // Judged against the year's own split, over the part of the year inside
    // the period.
    Date from = std::max(year_start(*year), plan.start), to = std::min(year_end(*year), plan.end);
    last = to;
    s.time_progress = progress(from, to, as_of);
    auto split = ind.years.find(*year);
    if (split == ind.years.end()) {
      s.status = Status::no_data;
      return;
    }
    s.target = split->second;
    auto sum = t.by_year.find(*year);
    s.actual = as_of < from ? Decimal() : (sum == t.by_year.end() ? Decimal() : sum->second);
    s.expected = due_by_line(ind, s.target->to_double() * progress(from, to, judged));
  } else {
    s.target = ind.target;
    s.actual = t.actual;
    s.expected = due_by_line(ind, expected_by(plan, ind, judged));
  }
  if (!s.target->is_zero()) s.completion = ratio(*s.actual, *s.target);
  s.shortfall = std::max(Decimal(), *s.target - *s.actual);
  s.behind_by = std::max(0.0, *s.expected - s.actual->to_double());
  s.status = flow_status(*s.actual, *s.target, *s.expected, judged >= last);
  if (year) return;
  // Projection at the average pace since the start.
  int elapsed = std::min(as_of, plan.end) - plan.start + 1;
  int total_days = plan.end - plan.start + 1;
  if (elapsed > 0) {
    double per_day = s.actual->to_double() / elapsed;
    s.projected = per_day * total_days;
    s.pace_per_month = per_day * kDaysPerMonth;
  }
  if (as_of < plan.end) {
    double remaining_months = (plan.end - std::max(as_of, plan.start.add_days(-1))) / kDaysPerMonth;
    s.needed_per_month = std::max(0.0, s.shortfall->to_double() / remaining_months);
  }
}

void evaluate_level(const Ledger& ledger, const Indicator& ind, std::optional<int> year,
                    IndicatorStatus& s) {
  const IndicatorTotals& t = ledger.totals(ind);
  const Reading* reading = t.latest ? &*t.latest : nullptr;
  if (year) {
    auto r = t.latest_by_year.find(*year);
    reading = r == t.latest_by_year.end() ? nullptr : &r->second;
    s.time_progress = progress(year_start(*year), year_end(*year), ledger.as_of());
  }
  if (!reading) {
    // No reading: judged, when one comes, against the year asked for, else
    // the overall target.
    s.target = year ? ind.target_for_year(*year) : ind.target;
    s.status = Status::no_data;
    return;
  }
  s.actual = reading->value;
  s.actual_date = reading->date;
  // The threshold of the reading's own year applies (SPEC §5).
  s.target = ind.target_for_year(reading->date.year());
  Decimal gap;
  s.status = level_status(ind, *s.actual, *s.target, &gap);
  s.shortfall = gap;
}

void evaluate_milestone(const Ledger& ledger, const Indicator& ind, IndicatorStatus& s) {
  const IndicatorTotals& t = ledger.totals(ind);
  if (t.latest && !t.latest->value.is_zero()) {
    s.status = Status::done;
    s.actual_date = t.latest->date;
  } else if (ind.due && ledger.as_of() > *ind.due) {
    s.status = Status::overdue;
  } else {
    s.status = Status::pending;
  }
}

}  // namespace

std::vector<MonthPoint> monthly_series(const Ledger& ledger, const Indicator& ind) {
  const Plan& plan = ledger.plan();
  std::vector<MonthPoint> out;
  if (!is_flow(ind.kind) || ledger.as_of() < plan.start) return out;
  const IndicatorTotals& t = ledger.totals(ind);
  Decimal running;
  Date last = std::min(ledger.as_of(), plan.end);
  for (Date m = Date::from_ymd(plan.start.year(), plan.start.month(), 1); m <= last;
       m = m.add_months(1)) {
    auto it = t.by_month.find(m.year() * 12 + m.month() - 1);
    if (it != t.by_month.end()) running = running + it->second;
    Date month_end =
        std::min(Date::from_ymd(m.year(), m.month(), days_in_month(m.year(), m.month())), last);
    out.push_back(
        {m.year(), m.month(), running, due_by_line(ind, expected_by(plan, ind, month_end))});
  }
  return out;
}

std::string_view status_name(Status s) {
  for (const auto& [k, n] : kNames)
    if (k == s) return n;
  return "?";
}

std::optional<Status> parse_status(std::string_view s) {
  for (const auto& [k, n] : kNames)
    if (n == s) return k;
  return std::nullopt;
}

void StatusCounts::add(Status s) {
  switch (s) {
    case Status::achieved:
    case Status::met:
    case Status::done:
      ++achieved;
      break;
    case Status::on_track:
    case Status::pending:
      ++on_track;
      break;
    case Status::behind:
      ++behind;
      break;
    case Status::missed:
    case Status::overdue:
      ++missed;
      break;
    case Status::no_data:
      ++no_data;
      break;
    case Status::unreported:
      ++unreported;
      break;
  }
}

bool is_trouble(Status s) {
  return s == Status::behind || s == Status::missed || s == Status::overdue;
}

IndicatorStatus evaluate(const Ledger& ledger, const Indicator& ind, std::optional<int> year) {
  const Plan& plan = ledger.plan();
  IndicatorStatus s;
  s.ind = &ind;
  s.time_progress = progress(plan.start, plan.end, ledger.as_of());
  if (is_flow(ind.kind))
    evaluate_flow(ledger, ind, year, s);
  else if (is_level(ind.kind))
    evaluate_level(ledger, ind, year, s);
  else
    evaluate_milestone(ledger, ind, s);
  if (ind.kind != Kind::milestone) s.years = year_split(ledger, ind);
  if (ind.scheduled()) {
    if (auto p = judged_period(ledger, ind)) {
      s.judged_at = p->end;
      s.judged_period = period_label(*p);
    }
    // Missing on the day the ledger is known by, of a period ended by its
    // as-of date (a digest of June made in August does not judge July).
    for (auto& r : ledger.filings().missing(ind))
      if (r.period.end <= ledger.as_of() && (!year || r.period.end.year() == *year))
        s.missing.push_back(std::move(r));
    // A report due and missing: the figures are incomplete, so neither
    // behind nor on track (nor met or missed) can be told; a flow already
    // achieved stays achieved.
    if (!s.missing.empty() && s.status != Status::achieved) s.status = Status::unreported;
  }
  s.explanations = current_explanations(ind, ledger.explanations(ind), s.missing, s.judged_period);
  return s;
}

}  // namespace plan
