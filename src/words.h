// Display words and cells shared by the reports and their renderers: how a
// status or a target reads to people, in English or Chinese. One home below
// every report (it includes none of them) and above the computation
// (evaluation.h), which carries no display words.
#pragma once

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
// "due 2020-12-31".
std::string readable_target(const Indicator& ind, Decimal target);

}  // namespace plan
