#include "status_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "render.h"
#include "report_json.h"
#include "words.h"

namespace plan {

StatusReport build_status(const Ledger& ledger, const StatusFilter& f, const Ledger* own) {
  const Plan& plan = ledger.plan();
  StatusReport r;
  r.plan = &plan;
  r.as_of = ledger.as_of();
  r.year = f.year;
  if (own) r.by = f.unit;
  r.time_progress = f.year ? progress(std::max(Date::from_ymd(*f.year, 1, 1), plan.start),
                                      std::min(Date::from_ymd(*f.year, 12, 31), plan.end), r.as_of)
                           : progress(plan.start, plan.end, r.as_of);
  for (const Indicator* p : plan.by_area()) {
    const Indicator& ind = *p;
    const Area& area = plan.area_of(ind);
    if (!f.area.empty() && f.area != area.id && f.area != area.name) continue;
    if (!f.unit.empty() && !plan.concerns(ind, f.unit)) continue;
    IndicatorStatus s = evaluate(ledger, ind, f.year);
    if (!f.statuses.empty() &&
        std::find(f.statuses.begin(), f.statuses.end(), s.status) == f.statuses.end())
      continue;
    // Blank, not 0, where the unit reported nothing (in the year, with a
    // year filter): a figure it never gave is not a zero.
    if (own) {
      const IndicatorTotals& t = own->totals(ind);
      const bool none = ind.kind == Kind::milestone || t.entries == 0 ||
                        (f.year && (is_flow(ind.kind) ? !t.by_year.contains(*f.year)
                                                      : !t.latest_by_year.contains(*f.year)));
      r.by_actual.push_back(none ? std::nullopt : evaluate(*own, ind, f.year).actual);
      // A milestone's own "figure" is the day the unit marked it done.
      std::optional<Date> done;
      if (ind.kind == Kind::milestone && t.entries > 0) {
        const IndicatorStatus m = evaluate(*own, ind, f.year);
        if (m.status == Status::done && m.actual_date &&
            (!f.year || m.actual_date->year() == *f.year))
          done = m.actual_date;
      }
      r.by_done.push_back(done);
    }
    r.rows.push_back(std::move(s));
  }
  return r;
}

bool any_status(const StatusReport& r, const std::vector<Status>& statuses) {
  for (const auto& s : r.rows)
    if (std::find(statuses.begin(), statuses.end(), s.status) != statuses.end()) return true;
  return false;
}

Table status_table(const StatusReport& r) {
  Table t;
  std::string progress_text = format_ratio(r.time_progress);
  if (r.year) {
    t.title = fmt::format("{} — {} as of {} (year progress {})", r.plan->title, *r.year,
                          r.as_of.iso(), progress_text);
    t.title_zh = fmt::format("{} — {}年 截至 {}（年度进度 {}）", r.plan->title, *r.year,
                             r.as_of.iso(), progress_text);
  } else {
    t.title = fmt::format("{} — as of {} (time progress {})", r.plan->title, r.as_of.iso(),
                          progress_text);
    t.title_zh =
        fmt::format("{} — 截至 {}（时间进度 {}）", r.plan->title, r.as_of.iso(), progress_text);
  }
  t.columns = {
      {"id", "ID", "指标代码", false, true, true, 0, Fit::id},
      {"name", "Indicator", "指标", false, true, true, 0, Fit::name},
      {"area", "Area", "主要任务", false, false, true},
      {"task", "Task", "重点任务", false, false, true},
      {"unit", "Unit", "计量单位", false, false, true},
      {"kind", "Kind", "类型", false, false, true},
      {"target_text", "Target", "目标", true, true, false},
      {"target", "Target", "目标", true, false, true},
      {"target_max", "Target max", "目标上限", true, false, true},
      {"actual_shown", "Actual", "完成", true, true, false},
      // With a unit's own figures beside it, workbooks (no footer) say whose.
      {"actual", r.by.empty() ? "Actual" : "District actual", r.by.empty() ? "完成" : "全区完成",
       true, false, true},
      {"by_actual_shown", r.by + " own", r.by + "报送", true, r.any_own(), false},
      {"completion", "Done", "完成率", true},
      {"bar", "Progress", "进度", false, true, false, 0, Fit::drop},
      {"expected", "Expected", "应完成", true, true, true, 0, Fit::spare},
      {"shortfall", heading(Word::shortfall, false), heading(Word::shortfall, true), true, true,
       true, 0, Fit::spare},
      {"behind_by", heading(Word::behind_by, false), heading(Word::behind_by, true), true, false,
       true},
      {"status", "Status", "状态"},
      {"time_progress", "Time progress", "时间进度", true, false, true},
      {"as_of", "As of", "截至", false, false, true},
      {"lead", "Lead", "牵头单位", false, false, true},
      {"partners", "Partners", "配合单位", false, false, true},
      {"done_date", "Done on", "完成日期", false, false, true},
      {"due", "Due", "完成时限", false, false, true},
  };
  // CSV, TSV and workbooks have no footer: their headings say whose the
  // figure is (其中本单位报送数 beside the district's 完成).
  if (!r.by.empty()) {
    t.columns.push_back({"by", "Own figures of", "本单位", false, false, true});
    t.columns.push_back({"by_actual", "Own figure", "本单位自报数", true, false, true});
    // A milestone's own "figure": the day the unit marked it done itself.
    t.columns.push_back({"by_done_date", "Own done on", "本单位完成日期", false, false, true});
  }
  // Said under the figures it explains (a footer of no rows would read as
  // the reason there are none: render_table.cpp).
  if (!r.by.empty() && !r.rows.empty()) {
    const bool group = r.plan->is_group(r.by);
    if (r.any_own()) {
      // Every figure but the unit's column is the district's (the rate and
      // status too); a group's own figures are its reporters'.
      t.footer.push_back(fmt::format("Figures are the district's; {} own: what {}.", r.by,
                                     group ? "its units reported" : "it reported itself"));
      t.footer_zh.push_back(fmt::format("除“{0}报送”外均为全区数；“{0}报送”为{1}自报数。", r.by,
                                        group ? "所属单位" : "其"));
    } else {
      // A column of blanks says nothing a line cannot. Of the rows shown
      // only (--status, --area), and of the year with --year.
      const std::string year = r.year ? fmt::format(" in {}", *r.year) : "";
      const std::string year_zh = r.year ? fmt::format("{}年", *r.year) : "";
      t.footer.push_back(fmt::format("Figures are the district's; {} reported none of these{}{}.",
                                     r.by, year, group ? " through its units" : " itself"));
      t.footer_zh.push_back(fmt::format("均为全区数；表中指标{}无{}{}自报数。", year_zh, r.by,
                                        group ? "所属单位" : ""));
    }
  }
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    const IndicatorStatus& s = r.rows[i];
    const Indicator& ind = *s.ind;
    const std::optional<Decimal> by_actual = r.own_actual(i);
    Row row;
    row.group = r.plan->area_of(ind).name;
    // Whole things as whole numbers; other figures keep a decimal below 100.
    Cell expected = expected_cell(ind, s.expected);
    std::optional<Decimal> actual = s.actual;
    row.cells = {
        Cell::of_text(ind.id),
        Cell::of_text(ind.name),
        Cell::of_text(r.plan->area_of(ind).name),
        Cell::of_text(r.plan->task_of(ind).name),
        Cell::of_text(ind.unit),
        Cell::of_text(std::string(kind_name(ind.kind))),
        s.target || ind.kind == Kind::milestone
            ? target_cell(ind, s.target.value_or(Decimal()),
                          r.year ? TargetOf::year : TargetOf::period)
            : Cell::none(),
        Cell::of_amount(s.target),
        r.year ? Cell::none() : Cell::of_amount(ind.target_max),
        ind.kind == Kind::milestone && s.actual_date ? Cell::of_date(s.actual_date)
                                                     : Cell::of_measure(actual, ind.unit),
        // CSV, TSV and workbooks: numbers only; a milestone's done day and
        // due day are in done_date and due, the last columns.
        ind.kind == Kind::milestone ? Cell::none() : Cell::of_amount(actual),
        ind.kind == Kind::milestone ? Cell::of_date(r.own_done(i))
                                    : Cell::of_measure(by_actual, ind.unit),
        Cell::of_ratio(s.completion),
        s.completion
            ? Cell::of_bar(*s.completion, is_flow(ind.kind) && s.target && !s.target->is_zero()
                                              ? *s.expected / s.target->to_double()
                                              : r.time_progress)
            : Cell::none(),
        expected,
        Cell::of_measure(s.shortfall, ind.unit),
        Cell::of_number(s.behind_by),
        status_cell(s.status, s.ind->kind),
        Cell::of_ratio(r.time_progress),
        Cell::of_date(r.as_of),
        Cell::of_text(join_names(ind.lead)),
        Cell::of_text(join_names(ind.partners)),
        ind.kind == Kind::milestone ? Cell::of_date(s.actual_date) : Cell::none(),
        Cell::of_date(ind.due),
    };
    if (!r.by.empty()) {
      row.cells.push_back(Cell::of_text(r.by));
      row.cells.push_back(Cell::of_amount(by_actual));
      row.cells.push_back(Cell::of_date(r.own_done(i)));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string status_json(const StatusReport& r) {
  // Written as it is made (json_writer.h): a document of every owed report
  // cost more than reading the records of a small ledger.
  return report_document(*r.plan, r.as_of, [&](JsonWriter& w) {
    w.member("time_progress", r.time_progress);
    w.member("year", r.year);
    if (!r.by.empty()) w.member("by", r.by);
    w.key("indicators");
    w.begin_array();
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
      const IndicatorStatus& s = r.rows[i];
      const Indicator& ind = *s.ind;
      w.begin_object();
      write_indicator_head(w, *r.plan, ind);
      w.member("target", s.target);
      // A year's share has no upper bound of its own (status --year).
      if (ind.kind == Kind::range) {
        w.key("target_max");
        if (r.year) {
          w.null();
        } else {
          w.number(ind.target_max);
        }
      }
      write_standing(w, s);
      w.member("frequency", frequency_name(ind.schedule.frequency));
      w.member("judged_at", s.judged_at);
      w.key("missing");
      write_missing(w, s.missing);
      w.key("explanations");
      write_explanations(w, s.explanations);
      w.member("due", ind.due);
      w.member("projected", s.projected);
      w.member("needed_per_month", s.needed_per_month);
      w.member("lead", ind.lead);
      w.member("partners", ind.partners);
      w.key("years");
      write_years(w, s.years);
      if (!r.by.empty()) {
        w.member("by_actual", r.own_actual(i));
        if (s.ind->kind == Kind::milestone) w.member("by_done_date", r.own_done(i));
      }
      w.end_object();
    }
    w.end_array();
  });
}

}  // namespace plan
