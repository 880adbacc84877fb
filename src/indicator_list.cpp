#include "indicator_list.h"

#include "render.h"
#include "report_json.h"
#include "words.h"

namespace plan {

Table list_table(const Plan& plan) {
  Table t;
  t.columns = {
      {"id", "ID", "指标代码", false, true, true, 0, Fit::id},
      {"name", "Indicator", "指标", false, true, true, 0, Fit::name},
      {"kind", "Kind", "类型"},
      {"target_text", "Target", "目标", true, true, false},
      {"target", "Target", "目标", true, false, true},
      {"target_max", "Target max", "目标上限", true, false, true},
      {"due", "Due", "完成时限", false, false, true},
      {"unit", "Unit", "计量单位"},
      {"area", "Area", "主要任务", false, false, true},
      {"task", "Task", "重点任务", false, false, true},
      {"lead", "Lead", "牵头单位", false, true, true, 24, Fit::cut},
      {"partners", "Partners", "配合单位", false, false, true},
      {"parent", "Parent", "上级指标", false, false, true},
  };
  for (const Indicator* p : plan.by_area()) {
    const Indicator& ind = *p;
    Row r;
    r.group = plan.area_of(ind).name;
    bool numeric = ind.kind != Kind::milestone;
    r.cells = {
        Cell::of_text(ind.id),
        Cell::of_text(ind.name),
        [&] {
          Cell c = Cell::of_text(std::string(kind_name(ind.kind)));
          c.text_zh = kind_word(ind.kind, true);
          return c;
        }(),
        target_cell(ind, ind.target),
        numeric ? Cell::of_amount(ind.target) : Cell::none(),
        Cell::of_amount(ind.target_max),
        Cell::of_date(ind.due),
        Cell::of_text(ind.unit),
        Cell::of_text(plan.area_of(ind).name),
        Cell::of_text(plan.task_of(ind).name),
        Cell::of_text(join_names(ind.lead)),
        Cell::of_text(join_names(ind.partners)),
        Cell::of_text(ind.parent),
    };
    t.rows.push_back(std::move(r));
  }
  return t;
}

std::string list_json(const Plan& plan) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("plan");
  write_plan(w, plan);
  w.key("indicators");
  w.begin_array();
  for (const Indicator& ind : plan.indicators) {
    w.begin_object();
    write_indicator_head(w, plan, ind);
    w.key("target");
    if (ind.kind != Kind::milestone) {
      w.number(ind.target);
    } else {
      w.null();
    }
    w.member("target_max", ind.target_max);
    w.member("due", ind.due);
    w.key("years");
    w.begin_object();
    for (const auto& [y, v] : ind.years) w.member(std::to_string(y), v);
    w.end_object();
    w.member("lead", ind.lead);
    w.member("partners", ind.partners);
    w.member_or_null("parent", ind.parent);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace plan
