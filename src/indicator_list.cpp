#include "indicator_list.h"

#include <nlohmann/json.hpp>

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
  using json = nlohmann::ordered_json;
  json inds = json::array();
  for (const Indicator& ind : plan.indicators) {
    json years = json::object();
    for (const auto& [y, v] : ind.years) years[std::to_string(y)] = json_number(v);
    bool numeric = ind.kind != Kind::milestone;
    json o = indicator_head(plan, ind);
    o.update(json{
        {"target", numeric ? json_number(ind.target) : json(nullptr)},
        {"target_max", json_number(ind.target_max)},
        {"due", ind.due ? json(ind.due->iso()) : json(nullptr)},
        {"years", years},
        {"lead", ind.lead},
        {"partners", ind.partners},
        {"parent", ind.parent.empty() ? json(nullptr) : json(ind.parent)},
    });
    inds.push_back(std::move(o));
  }
  json doc = {{"plan", plan_json(plan)}, {"indicators", std::move(inds)}};
  return json_text(std::move(doc));
}

}  // namespace plan
