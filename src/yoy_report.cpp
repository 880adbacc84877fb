#include "yoy_report.h"

#include <fmt/format.h>

#include "report_json.h"
#include "words.h"

namespace plan {

YoyReport build_yoy(const Ledger& ledger, const std::vector<std::string>& ids) {
  YoyReport r;
  r.plan = &ledger.plan();
  r.as_of = ledger.as_of();
  if (ids.empty()) {
    for (const Indicator& ind : r.plan->indicators)
      if (ind.kind != Kind::milestone) r.rows.push_back(evaluate(ledger, ind));
  } else {
    for (const auto& id : ids) r.rows.push_back(evaluate(ledger, *r.plan->find(id)));
  }
  return r;
}

namespace {

// Flows change by a growth rate; levels by a difference in their own unit,
// which for rates is percentage points ("-0.2 pp", never "-9.5%").
Cell change_cell(const Indicator& ind, const std::optional<double>& change, bool for_table) {
  if (!change) return Cell::none();
  if (is_flow(ind.kind)) return Cell::of_ratio(change);
  Cell c = Cell::of_number(change, -1);
  if (for_table) {
    c.suffix = ind.is_percent() ? " pp" : " " + ind.unit;
    if (ind.is_percent()) c.suffix_zh = "个百分点";  // as 统计公报 write it: 下降0.17个百分点
  }
  return c;
}

// The measure, then one column per year of the plan.
std::vector<Column> year_columns(const Plan& plan) {
  std::vector<Column> out{{"measure", "Measure", "项目", false}};
  for (int y : plan.years())
    out.push_back({std::to_string(y), std::to_string(y), fmt::format("{}年", y), true});
  return out;
}

}  // namespace

Table yoy_block(const Plan& plan, const IndicatorStatus& s) {
  Table t;
  t.columns = year_columns(plan);
  const Indicator& ind = *s.ind;
  auto add = [&](const char* en, const char* zh, auto make) {
    Row row;
    Cell label = Cell::of_text(en);
    label.text_zh = zh;
    row.cells.push_back(std::move(label));
    for (const YearFigures& y : s.years) row.cells.push_back(make(y));
    t.rows.push_back(std::move(row));
  };
  add("actual", "完成", [&](const YearFigures& y) { return Cell::of_measure(y.actual, ind.unit); });
  add("target", "目标", [&](const YearFigures& y) { return Cell::of_measure(y.target, ind.unit); });
  if (is_flow(ind.kind))
    add("completion", "完成率", [&](const YearFigures& y) { return Cell::of_ratio(y.completion); });
  add("status", "状态", [&](const YearFigures& y) {
    return y.status ? status_cell(*y.status, ind.kind) : Cell::none();
  });
  add("change", "同比", [&](const YearFigures& y) { return change_cell(ind, y.change, true); });
  return t;
}

Table yoy_table(const YoyReport& r) {
  Table t;
  t.title = fmt::format("{} — year on year, as of {}", r.plan->title, r.as_of.iso());
  t.title_zh = fmt::format("{} — 年度同比，截至 {}", r.plan->title, r.as_of.iso());
  t.columns = year_columns(*r.plan);
  for (const IndicatorStatus& s : r.rows) {
    Table block = yoy_block(*r.plan, s);
    const Indicator& ind = *s.ind;
    std::string group = fmt::format("{}  {} ({})", ind.id, ind.name, ind.unit);
    for (Row& row : block.rows) {
      row.group = group;
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

Table yoy_rows(const YoyReport& r) {
  Table t;
  t.columns = {{"id", "ID", "指标代码", false, true, true, 0, Fit::id},
               {"name", "Indicator", "指标", false, true, true, 0, Fit::name},
               {"unit", "Unit", "计量单位"},
               {"kind", "Kind", "类型"},
               {"year", "Year", "年度", true},
               {"target", "Target", "目标", true},
               {"actual", "Actual", "完成", true},
               {"completion", "Done", "完成率", true},
               {"status", "Status", "状态"},
               {"change", "Change", "同比", true},
               {"change_kind", "", "", false, false, true}};
  for (const IndicatorStatus& s : r.rows) {
    const Indicator& ind = *s.ind;
    for (const YearFigures& y : s.years) {
      Row row;
      row.cells = {Cell::of_text(ind.id),
                   Cell::of_text(ind.name),
                   Cell::of_text(ind.unit),
                   Cell::of_text(std::string(kind_name(ind.kind))),
                   Cell::of_count(y.year),
                   Cell::of_amount(y.target),
                   Cell::of_amount(y.actual),
                   Cell::of_ratio(y.completion),
                   y.status ? status_cell(*y.status, ind.kind) : Cell::none(),
                   change_cell(ind, y.change, false),
                   Cell::of_text(is_flow(ind.kind) ? "growth_rate" : "difference")};
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

Table yoy_wide(const YoyReport& r) {
  const Plan& plan = *r.plan;
  Table t;
  t.title = fmt::format("{} — year on year, as of {}", plan.title, r.as_of.iso());
  t.title_zh = fmt::format("{} — 年度同比，截至 {}", plan.title, r.as_of.iso());
  t.columns = {{"area", "Area", "主要任务"},
               {"task", "Task", "重点任务"},
               {"id", "ID", "指标代码"},
               {"name", "Indicator", "指标名称"},
               {"unit", "Unit", "计量单位"},
               {"lead", "Lead", "牵头单位"},
               {"partners", "Partners", "配合单位"}};
  for (int y : plan.years()) {
    t.columns.push_back({fmt::format("{}_target", y), fmt::format("{} target", y),
                         fmt::format("{}年目标", y), true});
    t.columns.push_back({fmt::format("{}_actual", y), fmt::format("{} actual", y),
                         fmt::format("{}年完成", y), true});
    t.columns.push_back({fmt::format("{}_completion", y), fmt::format("{} done", y),
                         fmt::format("{}年完成率", y), true});
    t.columns.push_back({fmt::format("{}_change", y), fmt::format("{} change", y),
                         fmt::format("{}年同比", y), true});
  }
  t.columns.push_back({"change_kind", "Change is", "同比口径"});
  t.columns.push_back({"status", "Status", "状态"});
  // Grouped as the plan's annex is: by area, then task, in the plan's order.
  for (const Indicator* p : plan.by_area()) {
    for (const IndicatorStatus& s : r.rows) {
      if (s.ind != p) continue;
      const Indicator& ind = *s.ind;
      Row row;
      row.group = plan.area_of(ind).name;
      row.cells = {Cell::of_text(plan.area_of(ind).name),
                   Cell::of_text(plan.task_of(ind).name),
                   Cell::of_text(ind.id),
                   Cell::of_text(ind.name),
                   Cell::of_text(ind.unit),
                   Cell::of_text(join_names(ind.lead)),
                   Cell::of_text(join_names(ind.partners))};
      for (int y : plan.years()) {
        const YearFigures* f = nullptr;
        for (const YearFigures& yf : s.years)
          if (yf.year == y) f = &yf;
        row.cells.push_back(f ? Cell::of_amount(f->target) : Cell::none());
        row.cells.push_back(f ? Cell::of_amount(f->actual) : Cell::none());
        row.cells.push_back(f ? Cell::of_ratio(f->completion) : Cell::none());
        row.cells.push_back(f ? change_cell(ind, f->change, false) : Cell::none());
      }
      row.cells.push_back(Cell::of_text(is_flow(ind.kind) ? "growth_rate" : "difference"));
      row.cells.push_back(status_cell(s.status, ind.kind));
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

std::string yoy_json(const YoyReport& r) {
  return report_document(*r.plan, r.as_of, [&](JsonWriter& w) {
    w.key("indicators");
    w.begin_array();
    for (const IndicatorStatus& s : r.rows) {
      w.begin_object();
      w.member("id", s.ind->id);
      w.member("name", s.ind->name);
      w.member("unit", s.ind->unit);
      w.member("kind", kind_name(s.ind->kind));
      w.key("years");
      // Flows change by a growth rate, levels by a difference in their unit.
      write_years(w, s.years, is_flow(s.ind->kind) ? "growth_rate" : "difference");
      w.end_object();
    }
    w.end_array();
  });
}

}  // namespace plan
