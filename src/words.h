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

// The status word in Chinese (已完成, 进度正常, 滞后, 达标, 未达标, 无数据, 已办结, 推进中, 逾期).
std::string_view status_name_zh(Status s);

// A status word in prose: "on track" / "进度正常".
std::string status_word(Status s, bool zh);

// A status word for tables: English (the --status vocabulary), Chinese
// under --lang zh (已完成, 滞后, …), its terminal colour (Cell::tone) chosen
// from the status itself.
Cell status_cell(Status s);

// A target as people read it: "51,000", "3–5", "≤ 3%", "≥ 95%",
// "due 2020-12-31" (in Chinese "2020-12-31前"; the figures read the same).
std::string readable_target(const Indicator& ind, Decimal target, bool zh = false);
// The same as a table cell, with its Chinese form.
Cell target_cell(const Indicator& ind, Decimal target);

// The report vocabulary: one name per concept and language, used by every
// renderer (tables, txt, Markdown, HTML) and listed in plan(1)'s GLOSSARY.
enum class Word {
  shortfall,        // what remains to the full target: "to target" / "距目标"
  behind_by,        // the gap to the expected (time-progress) line: "behind plan" / "落后序时"
  furthest_behind,  // the indicator with the largest gap: "Furthest behind" / "差距最大"
  expected,         // where the figure should be by now: "expected" / "应完成"
  actual,           // the recorded figure: "actual" / "完成"
  completion,       // actual over target: "done" / "完成率"
  achieved,         // achieved, met or done, counted together: "achieved" / "完成/达标"
  unit,             // a responsible unit: "unit" / "责任单位"
  no_by,            // entries without a by= tag: "(no by=)" / "（未注明单位）"
};
std::string_view word(Word w, bool zh);
// The same as a column heading: "To target", "Behind plan".
std::string heading(Word w, bool zh);

// An expected figure as people read it: whole things (人, 家, …) as whole
// numbers; other figures with one decimal below 100, none above.
std::string format_expected(const Indicator& ind, double v);
Cell expected_cell(const Indicator& ind, std::optional<double> v);

// A kind of indicator in prose: "total" / "总量".
std::string kind_word(Kind k, bool zh);

}  // namespace plan
