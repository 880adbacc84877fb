// The `plan yoy` report: the year-on-year split of each indicator — per
// year its actual, target, completion and change against the year before.
#pragma once

#include <string>
#include <vector>

#include "evaluation.h"
#include "ledger.h"
#include "table.h"

namespace plan {

struct YoyReport {
  const Plan* plan = nullptr;
  Date as_of;
  std::vector<IndicatorStatus> rows;  // evaluated indicators, years filled
};

// ids empty = every indicator with yearly figures (milestones have none).
YoyReport build_yoy(const Ledger& ledger, const std::vector<std::string>& ids);

// For people: one block per indicator, years as columns, rows actual,
// target, completion, status and change (growth rate for flows, the
// difference in the indicator's unit for levels).
Table yoy_table(const YoyReport& r);

// One indicator's block of that table, without title or group: what `plan
// show` prints under the indicator's figures.
Table yoy_block(const Plan& plan, const IndicatorStatus& s);

// For spreadsheets: one row per indicator and year — id, name, unit, kind,
// year, target, actual, completion, status, change.
Table yoy_rows(const YoyReport& r);

// The annex layout (附件 重点任务分解表): one row per indicator, grouped by
// area and task in the plan's order, with its units, then per year of the
// plan a column group — target, actual, completion, change (a growth rate
// for flows, a difference in the unit for levels: change_kind) — and the
// status at the as-of date. `yoy --wide` in CSV/TSV, and the workbook.
Table yoy_wide(const YoyReport& r);

std::string yoy_json(const YoyReport& r);

}  // namespace plan
