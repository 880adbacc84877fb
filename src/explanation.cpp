#include "explanation.h"

#include <algorithm>
#include <tuple>

#include "schedule.h"

namespace plan {

std::string period_explained(const Plan& plan, const Indicator& ind, Date date,
                             std::string_view period_tag) {
  if (!period_tag.empty()) {
    auto i = period_of_entry(plan, ind, date, period_tag);
    return i ? period_label(period_at(plan, ind, *i)) : std::string(period_tag);
  }
  if (!ind.scheduled()) return "";
  // Due on or before `date`: last_due_period counts due dates before its day.
  if (auto p = last_due_period(plan, ind, date.add_days(1))) return period_label(*p);
  // Before any report is due: the first, the one that falls due next.
  return period_count(plan, ind) > 0 ? period_label(period_at(plan, ind, 0)) : "";
}

Explanation explanation_of(const Plan& plan, const Indicator& ind, const Entry& e) {
  Explanation x;
  x.date = e.date;
  x.by = e.tag("by");
  x.period = period_explained(plan, ind, e.date, e.tag("period"));
  x.note = e.tag("note");
  x.measures = e.tag("measures");
  x.where = e.where;
  return x;
}

Explanations::Explanations(const Plan& plan, Date as_of)
    : plan_(plan), as_of_(as_of), kept_(plan.indicators.size()) {}

void Explanations::add(const Entry& e) {
  if (!e.is_explanation || e.date > as_of_) return;
  auto found = indicator_index(plan_, e);
  if (!found) return;
  std::size_t i = *found;
  keep(i, Kept{explanation_of(plan_, plan_.indicators[i], e), ++read_});
}

namespace {

// Read order: files are read in byte-wise path order, lines in file order;
// `read` orders entries fed without a file (tests).
std::tuple<Date, const std::string&, int, std::size_t> read_key(const Explanation& e,
                                                                std::size_t read) {
  return {e.date, e.where.file, e.where.line, read};
}

}  // namespace

void Explanations::keep(std::size_t i, Kept k) {
  for (Kept& old : kept_[i]) {
    if (old.e.period != k.e.period || old.e.by != k.e.by) continue;
    // Equal dates: the one read last wins, as readings do.
    if (read_key(k.e, k.read) >= read_key(old.e, old.read)) old = std::move(k);
    return;
  }
  kept_[i].push_back(std::move(k));
}

void Explanations::merge(const Explanations& other) {
  for (std::size_t i = 0; i < kept_.size() && i < other.kept_.size(); ++i)
    for (const Kept& k : other.kept_[i]) keep(i, k);
}

std::vector<Explanation> Explanations::of(std::size_t indicator) const {
  std::vector<Kept> kept = kept_[indicator];
  std::sort(kept.begin(), kept.end(), [](const Kept& a, const Kept& b) {
    return read_key(a.e, a.read) < read_key(b.e, b.read);
  });
  std::vector<Explanation> out;
  out.reserve(kept.size());
  for (Kept& k : kept) out.push_back(std::move(k.e));
  return out;
}

std::vector<Explanation> current_explanations(const Indicator& ind,
                                              const std::vector<Explanation>& all,
                                              const std::vector<OwedReport>& missing,
                                              const std::string& judged_period) {
  if (!ind.scheduled()) return all;
  std::vector<Explanation> out;
  for (const Explanation& x : all) {
    bool owed = std::any_of(missing.begin(), missing.end(), [&](const OwedReport& r) {
      return period_label(r.period) == x.period;
    });
    // Labels of one frequency order as their periods do ("2019-06" <
    // "2019-07", "2019Q2" < "2019Q3"); one of another frequency is never
    // current.
    auto label = parse_period_label(x.period);
    bool recent = label && label->first == ind.schedule.frequency && x.period >= judged_period;
    if (owed || recent) out.push_back(x);
  }
  return out;
}

const Explanation* explanation_for(const std::vector<Explanation>& list, const OwedReport& r) {
  std::string label = period_label(r.period);
  const auto& reporters = r.ind->reported_by;
  const Explanation* best = nullptr;
  for (const Explanation& x : list) {
    if (x.period != label) continue;
    bool speaks = x.by.empty() || r.reporter.empty() || x.by == r.reporter ||
                  std::find(reporters.begin(), reporters.end(), x.by) == reporters.end();
    if (speaks) best = &x;  // `list` is by date: the last match is the latest
  }
  return best;
}

}  // namespace plan
