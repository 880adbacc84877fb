#include "show_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report_json.h"
#include "text.h"
#include "words.h"
#include "yoy_report.h"

namespace plan {

ShowReport build_show(const Ledger& ledger, const Indicator& ind, std::vector<Entry> records) {
  const Plan& plan = ledger.plan();
  ShowReport r;
  r.plan = &plan;
  r.as_of = ledger.as_of();
  r.status = evaluate(ledger, ind);
  sort_by_date(records);
  std::erase_if(records, [&](const Entry& e) { return e.date > r.as_of; });
  for (const Entry& e : records)
    if (e.is_explanation) r.explanations.push_back(explanation_of(plan, ind, e));
  std::erase_if(records, [](const Entry& e) { return e.is_explanation; });
  r.records = std::move(records);
  r.months = monthly_series(ledger, ind);
  if (is_flow(ind.kind)) {
    std::vector<ReporterShare>& shares = r.by_reporter;
    for (const std::string& name : ind.reported_by) shares.push_back({name, {}, {}, 0, {}});
    std::optional<ReporterShare> none;  // figures without by=
    const std::size_t index = static_cast<std::size_t>(&ind - plan.indicators.data());
    r.share_year = std::clamp(r.as_of.year(), plan.start.year(), plan.end.year());
    for (const Entry& e : r.records) {
      // A report counts for its period, as the ledger counts it: December's
      // filed in January is December's and its year's (count_date.h).
      const Date on = ledger.count_dates().of(e, index).on;
      if (!plan.in_period(on)) continue;  // the ledger counts them nowhere
      const std::string_view by = e.tag("by");
      ReporterShare* share = nullptr;
      if (by.empty()) {
        if (!none) none = ReporterShare{};
        share = &*none;
      } else {
        auto it = std::find_if(shares.begin(), shares.end(),
                               [&](const ReporterShare& s) { return s.by == by; });
        share = it != shares.end()
                    ? &*it
                    : &shares.emplace_back(ReporterShare{std::string(by), {}, {}, 0, {}});
      }
      share->total = share->total + e.amount;
      if (on.year() == r.share_year) share->this_year = share->this_year + e.amount;
      ++share->entries;
      share->last = e.date;  // records are by date
    }
    if (none) shares.push_back(*none);
    // One source of every figure says nothing the actual does not.
    if (shares.size() == 1) shares.clear();
  }
  return r;
}

namespace {

// A bar of `width` columns for value/scale in eighths, with a tick where
// the expected line is. The tick is always drawn, over the bar if it must:
// inside the solid part it shows how far ahead the actual is, and in the
// cell of the bar's last eighths (which it replaces) it is still the one
// mark that says where the figure should be.
std::string month_bar(double value, double expected, double scale, int width) {
  auto cols = [&](double v) { return std::clamp(v / scale * width, 0.0, double(width)); };
  double filled = cols(value);
  int full = static_cast<int>(filled);
  int eighth = static_cast<int>((filled - full) * 8);
  int tick = std::min(width - 1, static_cast<int>(cols(expected)));
  std::string out;
  for (int i = 0; i < width; ++i) {
    if (i == tick)
      out += "│";
    else if (i < full)
      out += "█";
    else if (i == full && eighth > 0)
      out += partial_block(eighth);
    else
      out += " ";
  }
  return out;
}

}  // namespace

std::string show_text(const ShowReport& r, const RenderOptions& o) {
  const IndicatorStatus& s = r.status;
  const Indicator& ind = *s.ind;
  const Plan& plan = *r.plan;
  const bool zh = o.zh;
  // A label in the language asked for, padded to line up the values.
  constexpr int kLabelWidth = 10;
  auto label = [&](const char* en, const char* cn) { return pad_right(zh ? cn : en, kLabelWidth); };
  std::string list_sep = zh ? "，" : ", ";
  std::string out;
  // A label and its value, wrapped to the terminal under the value's start:
  // lists of units and sources run long.
  auto field = [&](const std::string& padded_label, const std::string& value) {
    out += wrap_to_width("  " + padded_label + " " + value, o.width, 2 + kLabelWidth + 1) + "\n";
  };
  // A line of the explanations or records, its continuations indented.
  auto wrapped = [&](const std::string& line) { out += wrap_to_width(line, o.width, 4) + "\n"; };
  wrapped(fmt::format("{}  {}", ind.id, sanitize(ind.name)));
  field(label("area", "领域/任务"), plan.area_of(ind).name + " / " + plan.task_of(ind).name);
  if (zh)
    field(label("", "类型"), fmt::format("{}，单位 {}", kind_word(ind.kind, true), ind.unit));
  else
    field(label("kind", ""), fmt::format("{}, unit {}", kind_name(ind.kind), ind.unit));
  field(label("target", "目标"), readable_target(ind, ind.target, zh));
  if (!ind.years.empty()) {
    std::string split;
    for (const auto& [y, v] : ind.years)
      split += (split.empty() ? "" : list_sep) +
               fmt::format(fmt::runtime(zh ? "{}年 {}" : "{} {}"), y, format_amount(v, true));
    field(label("by year", "分年度"), split);
  }
  field(label("lead", "牵头单位"), ind.lead.empty() ? "—" : join_names(ind.lead));
  if (!ind.partners.empty()) field(label("partners", "配合单位"), join_names(ind.partners));
  if (!ind.parent.empty()) field(label("part of", "上级指标"), ind.parent);
  auto children = plan.children_of(ind.id);
  if (!children.empty()) field(label("of which", "其中"), join_names(children));
  if (!ind.note.empty()) field(label("source", "来源"), ind.note);
  out += "\n";

  std::string pct = ind.is_percent() ? "%" : "";
  // The status sentences, each a line wrapped to the terminal.
  wrapped(zh ? fmt::format("截至 {}（时间进度 {}）：{}", r.as_of.iso(),
                           format_ratio(s.time_progress), status_word(s.status, s.ind->kind, true))
             : fmt::format("As of {} (time progress {}): {}", r.as_of.iso(),
                           format_ratio(s.time_progress), status_name(s.status)));
  if (is_flow(ind.kind)) {
    // Paces of a few units a month (3–5 leaders over three years) keep up to
    // two decimals (1 agency in 30 months: 0.03 a month); "0.0 a month" would
    // say nothing.
    auto pace = [](double v) { return format_number(v, std::fabs(v) < 10 ? -1 : 0); };
    std::string done = s.completion ? format_ratio(*s.completion) : "—";
    std::string expected = format_expected(ind, *s.expected);
    std::string shortfall = format_amount(*s.shortfall, true);
    wrapped(zh ? fmt::format("  完成 {}，目标 {}（{}），应完成 {}，{} {}",
                             format_amount(*s.actual, true), format_amount(*s.target, true), done,
                             expected, word(Word::shortfall, true), shortfall)
               : fmt::format("  actual {} of {} ({}), expected by now {}, {} {}",
                             format_amount(*s.actual, true), format_amount(*s.target, true), done,
                             expected, word(Word::shortfall, false), shortfall));
    if (s.projected)
      wrapped(zh ? fmt::format("  按目前进度（每月 {}），到 {} 可达 {}", pace(*s.pace_per_month),
                               plan.end.iso(), format_expected(ind, *s.projected))
                 : fmt::format("  at the pace so far ({} a month) it reaches {} by {}",
                               pace(*s.pace_per_month), format_expected(ind, *s.projected),
                               plan.end.iso()));
    if (s.needed_per_month && *s.needed_per_month > 0)
      wrapped(zh ? fmt::format("  完成目标今后每月需 {}", pace(*s.needed_per_month))
                 : fmt::format("  to reach the target it needs {} a month from now",
                               pace(*s.needed_per_month)));
  } else if (is_level(ind.kind)) {
    if (s.actual)
      wrapped(zh ? fmt::format("  最新数值 {}{}（{}），标准 {}", format_amount(*s.actual, true),
                               pct, s.actual_date->iso(), readable_target(ind, *s.target, true))
                 : fmt::format("  latest reading {}{} on {}, threshold {}",
                               format_amount(*s.actual, true), pct, s.actual_date->iso(),
                               readable_target(ind, *s.target)));
    else
      wrapped(zh ? "  尚无数值" : "  no reading yet");
  } else {
    // An overdue milestone: by how long, as plan due says of a report.
    const int late = s.status == Status::overdue ? r.as_of - *ind.due : 0;
    if (zh)
      wrapped(fmt::format("  {}前完成{}{}", ind.due->iso(),
                          s.actual_date ? fmt::format("，已于 {} 完成", s.actual_date->iso()) : "",
                          late > 0 ? fmt::format("，已逾期 {} 天", late) : ""));
    else
      wrapped(fmt::format(
          "  due {}{}{}", ind.due->iso(),
          s.actual_date ? fmt::format(", done on {}", s.actual_date->iso()) : "",
          late > 0 ? fmt::format(", {} day{} overdue", late, late == 1 ? "" : "s") : ""));
  }
  // Who owes what: per reporter (in the order they first owe), its missing
  // periods, runs of three or more as "first to last", and how late the
  // oldest is (plan due lists them one by one).
  std::vector<std::vector<const OwedReport*>> owing;
  for (const OwedReport& m : s.missing) {
    auto it = std::find_if(owing.begin(), owing.end(),
                           [&](const auto& w) { return w.front()->reporter == m.reporter; });
    if (it == owing.end()) it = owing.emplace(owing.end());
    it->push_back(&m);
  }
  for (const auto& list : owing) {
    std::string periods;
    for (std::size_t a = 0; a < list.size();) {
      std::size_t b = a;  // the run list[a..b] of consecutive periods
      while (b + 1 < list.size() && list[b + 1]->period.index == list[b]->period.index + 1) ++b;
      const bool run = b - a >= 2;
      if (!run) b = a;
      periods += (periods.empty() ? "" : zh ? "、" : ", ") + period_label(list[a]->period);
      if (run) periods += (zh ? " 至 " : " to ") + period_label(list[b]->period);
      a = b + 1;
    }
    const OwedReport& oldest = *list.front();
    const int late = oldest.days_overdue;
    const std::string who = oldest.reporter.empty() ? "" : sanitize(oldest.reporter) + " ";
    const std::size_t n = list.size();
    if (zh)
      wrapped(fmt::format("  未报送：{}{}（{}{}应于 {} 报送，已逾期 {} 天{}）", who, periods,
                          n > 1 ? fmt::format("共 {} 期，", n) : "", n > 1 ? "最早一期" : "",
                          oldest.period.due.iso(), late,
                          oldest.reporter.empty() ? "；任一单位均可报送" : ""));
    else
      wrapped(fmt::format("  unreported: {}{} ({}due {}, {} day{} overdue{})", who, periods,
                          n > 1 ? fmt::format("{} reports, the oldest ", n) : "",
                          oldest.period.due.iso(), late, late == 1 ? "" : "s",
                          oldest.reporter.empty() ? "; any unit may report it" : ""));
  }

  if (ind.kind != Kind::milestone) {
    out += "\n" + render_table(yoy_block(plan, s), o);
  }

  if (!r.by_reporter.empty()) {
    Table t;
    t.title = fmt::format("By reporter, to {}:", r.as_of.iso());
    t.title_zh = fmt::format("分填报单位，截至 {}：", r.as_of.iso());
    const std::string year = std::to_string(r.share_year);
    t.columns = {{"by", "Reporter", "填报单位", false, true, true, 0, Fit::cut},
                 {"year", year, year + "年", true},
                 {"total", "Total", "累计", true},
                 {"share", "Share", "占比", true},
                 {"entries", "Entries", "条数", true},
                 {"last", "Latest", "最近一条", false, true, true, 0, Fit::spare}};
    for (const ReporterShare& share : r.by_reporter) {
      Row row;
      Cell who = Cell::of_text(share.by.empty() ? "(no by=)" : share.by);
      if (share.by.empty()) who.text_zh = "（未注明）";
      const bool counted = s.actual && !s.actual->is_zero();
      row.cells = {
          std::move(who),
          Cell::of_amount(share.this_year),
          Cell::of_amount(share.total),
          Cell::of_ratio(counted ? std::optional(share.total.to_double() / s.actual->to_double())
                                 : std::nullopt),
          Cell::of_count(static_cast<long long>(share.entries)),
          Cell::of_date(share.last)};
      t.rows.push_back(std::move(row));
    }
    out += "\n" + render_table(t, o);
  }

  if (!r.months.empty()) {
    double scale = std::max(ind.target.to_double(), r.months.back().cumulative.to_double());
    if (scale <= 0) scale = 1;
    out += "\n";
    wrapped(zh ? "逐月（█ 累计完成，│ 应完成）："
               : "Month by month (█ cumulative actual, │ expected):");
    // "  2019-06  " (11), the bar, then the two figures, each after two
    // spaces in ten columns, 65 in all. Narrower terminals get figures as
    // wide as they are and a shorter bar (eight columns at least).
    auto expected_text = [](const MonthPoint& m) {
      return format_amount(*Decimal::from_double(std::round(m.expected)), true);
    };
    int figures = 10, bar = 30;
    if (o.width > 0 && o.width < 11 + bar + 2 * (2 + figures)) {
      figures = 1;
      for (const MonthPoint& m : r.months)
        figures = std::max(
            {figures, text_width(format_amount(m.cumulative, true)), text_width(expected_text(m))});
      bar = std::clamp(o.width - 11 - 2 * (2 + figures), 8, 30);
    }
    for (const MonthPoint& m : r.months)
      out += fmt::format("  {}-{:02}  {}  {:>{}}  {:>{}}\n", m.year, m.month,
                         month_bar(m.cumulative.to_double(), m.expected, scale, bar),
                         format_amount(m.cumulative, true), figures, expected_text(m), figures);
  }

  if (!r.explanations.empty()) {
    out += fmt::format(fmt::runtime(zh ? "\n情况说明（{}）：\n" : "\nExplanations ({}):\n"),
                       r.explanations.size());
    for (const Explanation& x : r.explanations) {
      std::string head = x.date.iso();
      if (!x.period.empty()) head += (zh ? "  报送期 " : "  period ") + sanitize(x.period);
      if (!x.by.empty()) head += (zh ? "  填报单位 " : "  by ") + sanitize(x.by);
      wrapped(fmt::format("  {}  {}:{}", head, sanitize(x.where.file), x.where.line));
      wrapped("    " + one_line(x.note));
      if (!x.measures.empty())
        wrapped(fmt::format(fmt::runtime(zh ? "    措施：{}" : "    measures: {}"),
                            one_line(x.measures)));
    }
  }

  out += fmt::format(fmt::runtime(zh ? "\n记录（{}）：\n" : "\nRecords ({}):\n"), r.records.size());
  if (r.records.empty()) out += zh ? "  无\n" : "  none\n";
  for (const Entry& e : r.records) {
    std::string value = e.is_state
                            ? (e.done ? (zh ? "已办结" : "done") : (zh ? "未办结" : "undone"))
                            : format_amount(e.amount, true) + pct;
    std::string tags;
    for (const auto& [k, v] : e.tags) tags += fmt::format("  {}={}", k, sanitize(v));
    wrapped(fmt::format("  {}  {:>10}{}  {}:{}", e.date.iso(), value, tags, sanitize(e.where.file),
                        e.where.line));
  }
  return out;
}

std::string show_json(const ShowReport& r) {
  const IndicatorStatus& s = r.status;
  const Indicator& ind = *s.ind;
  return report_document(*r.plan, r.as_of, [&](JsonWriter& w) {
    w.member("time_progress", s.time_progress);
    write_indicator_head(w, *r.plan, ind);
    w.member("target", s.target);
    w.member("target_max", ind.target_max);
    w.member("due", ind.due);
    w.member("lead", ind.lead);
    w.member("partners", ind.partners);
    w.member_or_null("parent", ind.parent);
    w.member("children", r.plan->children_of(ind.id));
    write_standing(w, s);
    w.key("missing");
    write_missing(w, s.missing);
    w.member("projected", s.projected);
    w.member("pace_per_month", s.pace_per_month);
    w.member("needed_per_month", s.needed_per_month);
    w.key("years");
    write_years(w, s.years);
    w.key("months");
    w.begin_array();
    for (const MonthPoint& m : r.months) {
      w.begin_object();
      w.member("month", fmt::format("{}-{:02}", m.year, m.month));
      w.member("cumulative", m.cumulative);
      w.member("expected", m.expected);
      w.end_object();
    }
    w.end_array();
    w.key("by_reporter");
    w.begin_array();
    for (const ReporterShare& share : r.by_reporter) {
      w.begin_object();
      w.member_or_null("by", share.by);
      w.member("year", r.share_year);
      w.member("this_year", share.this_year);
      w.member("total", share.total);
      w.member("entries", share.entries);
      w.member("last", share.last);
      w.end_object();
    }
    w.end_array();
    w.key("records");
    w.begin_array();
    for (const Entry& e : r.records) {
      w.begin_object();
      w.member("file", e.where.file);
      w.member("line", e.where.line);
      w.member("date", e.date.iso());
      w.key("value");
      write_entry_value(w, e);
      w.key("tags");
      write_entry_tags(w, e);
      w.end_object();
    }
    w.end_array();
    w.key("explanations");
    write_explanations(w, r.explanations);
  });
}

}  // namespace plan
