#include "digest.h"

#include <fmt/format.h>

#include <algorithm>

#include "schedule.h"
#include "text.h"

namespace plan {

namespace {

MissingReport missing_report(const OwedReport& r, const std::vector<Explanation>& explained) {
  MissingReport m{r.ind, r.reporter, period_label(r.period), r.period.due, r.days_overdue, {}};
  if (const Explanation* x = explanation_for(explained, r)) m.explanation = *x;
  return m;
}

}  // namespace

void order_owed(const Plan& plan, std::vector<MissingReport>& list) {
  auto rank = [&](const std::string& name) {
    auto i = plan.reporter_index(name);
    return i ? *i : plan.reporters.size();
  };
  std::stable_sort(list.begin(), list.end(), [&](const MissingReport& a, const MissingReport& b) {
    std::size_t ra = rank(a.reporter), rb = rank(b.reporter);
    if (ra != rb) return ra < rb;
    if (a.due != b.due) return a.due < b.due;
    if (a.period != b.period) return a.period < b.period;
    return a.ind < b.ind;  // plan order: indicators live in one vector
  });
}

std::string_view change_name(Change c) {
  switch (c) {
    case Change::newly_behind:
      return "newly_behind";
    case Change::breached:
      return "breached";
    case Change::newly_missed:
      return "newly_missed";
    case Change::closed_short:
      return "closed_short";
    case Change::newly_overdue:
      return "newly_overdue";
    case Change::newly_unreported:
      return "newly_unreported";
    case Change::reopened:
      return "reopened";
    case Change::recovered:
      return "recovered";
    case Change::newly_achieved:
      return "newly_achieved";
    case Change::first_reading:
      return "first_reading";
  }
  return "?";
}

bool needs_attention(Change c) {
  return c <= Change::reopened;
}

std::optional<Change> classify_change(Kind k, Status before, Status now) {
  if (before == now) return std::nullopt;
  // The news a reader acts on comes first: reaching the target beats
  // having been behind, falling into trouble beats having been achieved.
  if (now == Status::achieved || now == Status::done) return Change::newly_achieved;
  if (now == Status::behind) return Change::newly_behind;
  if (now == Status::missed) {
    if (is_flow(k)) return Change::closed_short;
    return k == Kind::cap ? Change::breached : Change::newly_missed;
  }
  if (now == Status::overdue) return Change::newly_overdue;
  if (now == Status::unreported) return Change::newly_unreported;
  if (is_trouble(before) || before == Status::unreported) return Change::recovered;
  if (before == Status::achieved || before == Status::done) return Change::reopened;
  if (before == Status::no_data) return Change::first_reading;
  return std::nullopt;  // e.g. pending -> pending cannot differ; nothing else is news
}

Date day_after(const CalendarPeriod& p) {
  return p.last == Date::from_ymd(9999, 12, 31) ? p.last : p.last.add_days(1);
}

DigestSources::DigestSources(const Plan& plan, const CalendarPeriod& p, Date made)
    : period(p),
      now(plan, p.last, made),
      before(plan, previous_period(p).last, day_after(previous_period(p))),
      recorded(plan, p.first, p.last) {}

void DigestSources::add(const Entry& e) {
  now.add(e);
  before.add(e);
  recorded.add(e);
}

Digest build_digest(const DigestSources& sources, const DigestOptions& o) {
  const Ledger& now = sources.now;
  const Ledger& before = sources.before;
  const Plan& plan = now.plan();
  Digest d;
  d.plan = &plan;
  d.period = sources.period;
  d.previous = previous_period(d.period);
  d.next = next_period(d.period);
  d.as_of = now.as_of();
  d.made = now.known_by();
  d.unit = o.unit;
  d.time_progress = progress(plan.start, plan.end, d.as_of);

  d.reporter = o.reporter;
  auto in_scope = [&](const Indicator& ind) {
    if (!o.reporter.empty())
      return std::find(ind.reported_by.begin(), ind.reported_by.end(), o.reporter) !=
             ind.reported_by.end();
    return o.unit.empty() || plan.concerns(ind, o.unit);
  };
  // A unit sees every report owed on what it leads or partners, and only
  // its own (or its group's) on what it merely reports.
  auto owed_by_scope = [&](const Indicator& ind, const OwedReport& r) {
    if (!o.reporter.empty()) return r.reporter == o.reporter;
    return o.unit.empty() || ind.involves(o.unit) || plan.reporter_is(r.reporter, o.unit);
  };
  // Every indicator is evaluated once at E: the units table counts them all
  // (a unit's row may name indicators outside --unit's scope only when it is
  // not --unit, and then the row is dropped).
  std::vector<IndicatorStatus> all;
  all.reserve(plan.indicators.size());
  for (const Indicator& ind : plan.indicators) all.push_back(evaluate(now, ind));
  for (const IndicatorStatus& s : all) {
    const Indicator& ind = *s.ind;
    if (!in_scope(ind)) continue;
    IndicatorStatus b = evaluate(before, ind);
    d.headline.add(s.status);
    if (auto c = classify_change(ind.kind, b.status, s.status))
      d.changes.push_back({*c, b.status, s});
    if (s.status == Status::behind && s.behind_by && s.target && !s.target->is_zero()) {
      d.shortfalls.push_back({s, *s.behind_by / s.target->to_double()});
      d.trends.push_back({&ind, monthly_series(now, ind)});
    }
    if (ind.kind == Kind::milestone && ind.due && s.status != Status::done) {
      if (s.status == Status::overdue) {
        d.milestones.push_back({&ind, *ind.due, s.status, d.as_of - *ind.due, {}});
        if (const Explanation* x = shown_explanation(s)) d.milestones.back().explanation = *x;
      }
      // Due on E is not overdue at E, and still worth a line.
      else if (*ind.due >= d.as_of && *ind.due <= d.next.last) {
        d.milestones.push_back({&ind, *ind.due, s.status, *ind.due - d.as_of, {}});
      }
    }
    if (ind.scheduled()) {
      d.scheduled = true;
      // At D: what a reader of the digest has to chase on the day it is made.
      const std::vector<Explanation> explained = now.explanations(ind);
      // Of the period or before: a digest of June made in August leaves
      // July's reports to July's.
      for (const OwedReport& r : now.filings().missing(ind))
        if (r.period.end <= d.as_of && owed_by_scope(ind, r))
          d.missing.push_back(missing_report(r, explained));
      for (const OwedReport& r : now.filings().upcoming(ind, d.next.last - d.made))
        if (owed_by_scope(ind, r)) d.due_next.push_back(missing_report(r, explained));
    }
    d.now.push_back(s);
  }
  order_owed(plan, d.missing);
  order_owed(plan, d.due_next);

  d.headline.indicators = static_cast<int>(d.now.size());

  for (RecordedIndicator& r : sources.recorded.summary()) {
    if (!in_scope(*r.ind)) continue;
    d.recorded_entries += r.entries;
    d.recorded.push_back(std::move(r));
  }

  // Plan order within a kind is kept by the stable sorts.
  std::stable_sort(d.changes.begin(), d.changes.end(),
                   [](const StatusChange& a, const StatusChange& b) { return a.kind < b.kind; });
  d.behind = d.shortfalls.size();
  // The charts follow the shortfalls' order, so the first charts are the
  // flows furthest behind: sort them together, then cut the list.
  std::vector<std::size_t> order(d.shortfalls.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return d.shortfalls[a].gap > d.shortfalls[b].gap;
  });
  std::vector<Shortfall> shortfalls;
  std::vector<Trend> trends;
  for (std::size_t i : order) {
    shortfalls.push_back(std::move(d.shortfalls[i]));
    trends.push_back(std::move(d.trends[i]));
  }
  d.shortfalls = std::move(shortfalls);
  d.trends = std::move(trends);
  if (d.shortfalls.size() > o.top) d.shortfalls.resize(o.top);
  std::stable_sort(d.milestones.begin(), d.milestones.end(),
                   [](const MilestoneDue& a, const MilestoneDue& b) {
                     bool ao = a.status == Status::overdue, bo = b.status == Status::overdue;
                     if (ao != bo) return ao;
                     return a.due < b.due;
                   });

  d.units = units_of(plan, d.as_of, all, false);
  if (!o.unit.empty())
    std::erase_if(d.units.rows, [&](const UnitRow& r) { return r.unit != o.unit; });
  return d;
}

std::string digest_file_name(const CalendarPeriod& p, std::string_view unit, std::string_view ext) {
  std::string out = calendar_label(p);
  if (!unit.empty()) out += '-' + file_name_part(unit);
  return out + "." + std::string(ext);
}

std::string reporter_digest_file_name(const CalendarPeriod& p, std::string_view reporter,
                                      std::string_view ext) {
  return calendar_label(p) + ".due-" + file_name_part(reporter) + "." + std::string(ext);
}

const Explanation* shown_explanation(const IndicatorStatus& s) {
  if (s.explanations.empty()) return nullptr;
  if (!is_trouble(s.status) && s.status != Status::unreported) return nullptr;
  return &s.explanations.back();
}

bool any_status(const Digest& d, const std::vector<Status>& statuses) {
  for (const IndicatorStatus& s : d.now)
    if (std::find(statuses.begin(), statuses.end(), s.status) != statuses.end()) return true;
  return false;
}

}  // namespace plan
