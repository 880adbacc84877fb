#include "units_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "report_json.h"
#include "words.h"

namespace plan {

namespace {

// How far an indicator in trouble is from where it should be, as a share of
// its target; -1 for an overdue milestone (no figure); nullopt when it is not
// in trouble.
std::optional<double> gap_of(const IndicatorStatus& s) {
  if (s.status == Status::behind && s.behind_by && s.target && !s.target->is_zero())
    return *s.behind_by / s.target->to_double();
  if (s.status == Status::missed && s.shortfall && s.target && !s.target->is_zero())
    return s.shortfall->to_double() / s.target->to_double();
  if (s.status == Status::overdue) return -1.0;  // named, but after any figure
  return std::nullopt;
}

}  // namespace

std::vector<std::pair<Word, int>> unit_counts(const UnitRow& u, bool scheduled) {
  std::vector<std::pair<Word, int>> out = {
      {Word::leads, u.led},         {Word::partners, u.partnered}, {Word::achieved, u.achieved},
      {Word::on_track, u.on_track}, {Word::behind, u.behind},      {Word::missed, u.missed}};
  if (scheduled) out.emplace_back(Word::unreported, u.unreported);
  out.emplace_back(Word::no_data, u.no_data);
  return out;
}

UnitsReport build_units(const Ledger& ledger, bool lead_only) {
  std::vector<IndicatorStatus> statuses;
  for (const Indicator& ind : ledger.plan().indicators) statuses.push_back(evaluate(ledger, ind));
  return units_of(ledger.plan(), ledger.as_of(), statuses, lead_only);
}

UnitsReport units_of(const Plan& plan, Date as_of, const std::vector<IndicatorStatus>& statuses,
                     bool lead_only) {
  UnitsReport r;
  r.plan = &plan;
  r.as_of = as_of;
  r.lead_only = lead_only;
  r.scheduled = std::any_of(plan.indicators.begin(), plan.indicators.end(),
                            [](const Indicator& i) { return i.scheduled(); });
  std::vector<std::string> names = plan.units;
  auto note = [&](const std::string& u) {
    if (std::find(names.begin(), names.end(), u) == names.end()) names.push_back(u);
  };
  for (const Indicator& ind : plan.indicators) {
    for (const auto& u : ind.lead) note(u);
    for (const auto& u : ind.partners) note(u);
  }
  for (const auto& name : names) {
    UnitRow row;
    row.unit = name;
    for (const IndicatorStatus& s : statuses) {
      bool leads = s.ind->leads(name);
      bool partners = !leads && s.ind->involves(name);
      if (leads) row.led++;
      if (partners && !lead_only) row.partnered++;
      if (!leads && (lead_only || !partners)) continue;
      row.add(s.status);
      auto gap = gap_of(s);
      if (gap && (!row.worst_gap || *gap > *row.worst_gap)) {
        row.worst_gap = gap;
        row.worst_id = s.ind->id;
      }
    }
    if (row.worst_gap && *row.worst_gap < 0) row.worst_gap.reset();  // a milestone: no figure
    if (row.led + row.partnered > 0) r.rows.push_back(std::move(row));
  }
  return r;
}

Table units_table(const UnitsReport& r) {
  Table t;
  t.title = fmt::format("{} — responsible units{}, as of {}", r.plan->title,
                        r.lead_only ? " (lead only)" : "", r.as_of.iso());
  t.title_zh = fmt::format("{} — 责任单位{}，截至 {}", r.plan->title,
                           r.lead_only ? "（仅牵头）" : "", r.as_of.iso());
  auto h = [](Word w) { return std::pair{heading(w, false), heading(w, true)}; };
  auto col = [&](const char* key, Word w, bool right, Fit fit = Fit::keep) {
    auto [en, zh] = h(w);
    return Column{key, en, zh, right, true, true, 0, fit};
  };
  // A long unit name (人民银行吴江支行) is cut before a count is dropped.
  Column unit = col("unit", Word::unit, false, Fit::cut);
  unit.max_width = 10;
  t.columns = {unit,
               col("led", Word::leads, true, Fit::spare),
               col("partnered", Word::partners, true, Fit::spare),
               col("achieved", Word::achieved, true, Fit::spare),
               col("on_track", Word::on_track, true, Fit::spare),
               col("behind", Word::behind, true),
               col("missed", Word::missed, true),
               col("unreported", Word::unreported, true),
               col("no_data", Word::no_data, true, Fit::spare),
               // People read the indicator's name; scripts get its id (and a
               // workbook, under the same heading).
               {"worst", heading(Word::furthest_behind, false),
                heading(Word::furthest_behind, true), false, false, true},
               {"worst_name", heading(Word::furthest_behind, false),
                heading(Word::furthest_behind, true), false, true, false, 0, Fit::name},
               col("worst_gap", Word::gap, true)};
  for (const UnitRow& u : r.rows) {
    Row row;
    row.cells = {Cell::of_text(u.unit),
                 Cell::of_count(u.led),
                 Cell::of_count(u.partnered),
                 Cell::of_count(u.achieved),
                 Cell::of_count(u.on_track),
                 Cell::of_count(u.behind),
                 Cell::of_count(u.missed),
                 Cell::of_count(u.unreported),
                 Cell::of_count(u.no_data),
                 Cell::of_text(u.worst_id),
                 Cell::of_text(u.worst_id.empty() ? std::string() : r.plan->find(u.worst_id)->name),
                 Cell::of_ratio(u.worst_gap)};
    t.rows.push_back(std::move(row));
  }
  if (r.lead_only) {  // partners are not counted: the column would be all zeros
    t.columns[2].table = t.columns[2].csv = false;
  }
  // Without a reporting schedule nothing is unreported: the terminal keeps
  // its width for the other counts (CSV, JSON and workbooks keep the column).
  if (!r.scheduled)
    for (Column& c : t.columns)
      if (c.key == "unreported") c.table = false;
  return t;
}

std::string units_json(const UnitsReport& r) {
  return report_document(*r.plan, r.as_of, [&](JsonWriter& w) {
    w.member("lead_only", r.lead_only);
    w.key("units");
    w.begin_array();
    for (const UnitRow& u : r.rows) {
      w.begin_object();
      w.member("unit", u.unit);
      w.member("led", u.led);
      w.member("partnered", u.partnered);
      w.member("achieved", u.achieved);
      w.member("on_track", u.on_track);
      w.member("behind", u.behind);
      w.member("missed", u.missed);
      w.member("unreported", u.unreported);
      w.member("no_data", u.no_data);
      w.member_or_null("worst", u.worst_id);
      w.member("worst_gap", u.worst_gap);
      w.end_object();
    }
    w.end_array();
  });
}

}  // namespace plan
