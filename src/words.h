// Display words and cells shared by the reports and their renderers: how a
// status or a target reads to people, in English or Chinese. One home below
// every report (it includes none of them) and above the computation
// (evaluation.h), which carries no display words.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "decimal.h"
#include "evaluation.h"
#include "plan.h"
#include "table.h"

namespace plan {

// The status word in Chinese (已完成, 进度正常, 滞后, 未完成, 达标, 未达标, 无数据,
// 已办结, 推进中, 逾期, 未报送) of an indicator of kind `k`: `missed` reads
// 未完成 for a flow (its period closed short of the target) and 未达标 for a
// level (a reading on the wrong side of its threshold).
std::string_view status_name_zh(Status s, Kind k);

// A status word in prose: "on track" / "进度正常".
std::string status_word(Status s, Kind k, bool zh);

// A status word for tables: English (the --status vocabulary), Chinese
// under --lang zh (已完成, 滞后, …), its terminal colour (Cell::tone) chosen
// from the status itself.
Cell status_cell(Status s, Kind k);

// A target as people read it: "51,000", "3–5", "≤ 3%", "≥ 95%",
// "due 2020-12-31" (in Chinese "2020-12-31前"; the figures read the same).
// A year's share of a range (status --year) is a number: the plan's bounds
// are the whole period's.
enum class TargetOf { period, year };
std::string readable_target(const Indicator& ind, Decimal target, bool zh = false,
                            TargetOf of = TargetOf::period);
// The same as a table cell, with its Chinese form.
Cell target_cell(const Indicator& ind, Decimal target, TargetOf of = TargetOf::period);

// The report vocabulary: one name per concept and language, used by every
// renderer (tables, txt, Markdown, HTML) and listed in plan(1)'s GLOSSARY.
enum class Word {
  shortfall,        // what remains to the full target: "to target" / "距目标"
  behind_by,        // the gap to the expected (time-progress) line: "behind plan" / "落后序时"
  of_target,        // that gap as a share of the target: "of target" / "占目标"
  furthest_behind,  // the indicator with the largest gap: "Furthest behind" / "差距最大"
  gap,              // that indicator's gap as a share of its target: "gap" / "差距"
  expected,         // where the figure should be by now: "expected" / "应完成"
  actual,           // the recorded figure: "actual" / "完成"
  target,           // what the plan asks for: "target" / "目标"
  completion,       // actual over target: "done" / "完成率"
  needed,           // the pace per month now needed: "needed a month" / "每月需完成"
  pace,             // the average pace per month so far: "pace so far" / "此前月均"
  progress,         // the progress bar: "progress" / "进度"
  indicator,        // "indicator" / "指标"
  id,               // an indicator's id: "ID" / "指标代码"
  milestone,        // "milestone" / "节点任务"
  status,           // "status" / "状态"
  change,           // a status change's kind: "change" / "变化"
  figures_at,       // the figures at the digest's date: "figures at the date" / "截至本期"
  // The status groups of headline counts and unit rows (StatusCounts):
  achieved,       // achieved, met or done: "achieved" / "已完成"
  on_track,       // on track or pending: "on track" / "正常"
  behind,         // "behind" / "滞后"
  missed,         // missed or overdue: "missed" / "未完成"
  no_data,        // "no data" / "无数据"
  unreported,     // "unreported" / "未报送"
  unit,           // a responsible unit: "unit" / "责任单位"
  leads,          // indicators a unit leads: "leads" / "牵头"
  partners,       // indicators a unit partners: "partners" / "参与"
  reporter,       // who owes a report: "reporter" / "报送单位"
  any_unit,       // a report any unit may file: "(any unit)" / "（任一单位）"
  report_period,  // the period a report covers: "period" / "报送期"
  due,            // a report's due date: "due" / "截止日期"
  days_left,      // "days left" / "剩余天数"
  days_overdue,   // "days overdue" / "逾期天数"
  recorded,       // what was recorded in the digest's period: "recorded" / "填报"
  entries,        // how many entries: "entries" / "条数"
  units_count,    // how many reporting units: "units" / "填报单位数"
  reported_by,    // the by= of entries: "reported by" / "填报单位"
  no_by,          // entries without a by= tag: "(no by=)" / "（未注明单位）"
  latest_note,    // "latest note" / "最新备注"
  total,          // the sum over reporting units: "total" / "合计"
};
std::string_view word(Word w, bool zh);
// The same as a column heading: "To target", "Behind plan".
std::string heading(Word w, bool zh);

// An expected figure as people read it: none from 100 up; below, whole
// things (人, 家, …) whole (what is due of them is whole, evaluation.h;
// only a fractional actual, 1.5 家, leaves a tenth below 10 in the
// behind-by), other figures with one decimal (95.3).
int expected_decimals(const Indicator& ind, double v);
std::string format_expected(const Indicator& ind, double v);
Cell expected_cell(const Indicator& ind, std::optional<double> v);
// Expected and behind-by side by side (behind = expected - actual): the
// decimals the more precise of the two needs, for both, so that the actual
// plus the shortfall shown reads as the expected shown ("expected 95.3,
// behind by 0.8" for 94.5, not "expected 95, behind by 0.8"): for
// format_number and Cell::of_number.
int expected_decimals(const Indicator& ind, std::optional<double> expected,
                      std::optional<double> behind);

// A kind of indicator in prose: "total" / "总量".
std::string kind_word(Kind k, bool zh);

}  // namespace plan
