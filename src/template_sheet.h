// The fill-in sheet of `plan template`: for one reporter and one calendar
// period, the scheduled reports it still owes, as rows a department fills in
// and `plan import` takes back unchanged. Who files what and for which
// reporting period is the schedule's and the reporters' (schedule.h,
// Indicator::reported_by), and what has come in is the ledger's filings
// (filings.h) — the same three that `plan due` reads, so a template holds
// exactly the reports `plan due` would chase for that period.
//
// The rows: every report of the reporter whose reporting period ends within
// the named period, in the order of the plan's areas, then by period. For
// 2020-06 that is June's 月报 and, for indicators reported less often, the
// 2020Q2 季报 and the 2020H1 半年报, all due on the same day in July; for
// 2020Q2 it is also April's and May's 月报. Reports already in the ledger
// are left out: a flow filled in twice would count twice. Reports of
// earlier periods that are not in the ledger are still owed, and asked for
// again (a row left empty last month is this month's row too), each in its
// indicator's place before the period's own.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date.h"
#include "filings.h"
#include "plan.h"
#include "schedule.h"
#include "table.h"

namespace plan {

// A calendar period named by its label: 2020-06, 2020Q2, 2020H1 or 2020.
struct NamedPeriod {
  std::string label;
  Date first;
  Date last;
};

// The period `label` names (parse_period_label), or nullopt.
std::optional<NamedPeriod> named_period(std::string_view label);

struct TemplateRow {
  const Indicator* ind = nullptr;
  ReportingPeriod period;  // the report's own period: its end is the row's date
};

struct TemplateSheet {
  const Plan* plan = nullptr;
  std::string reporter;
  NamedPeriod period;
  std::vector<TemplateRow> rows;
  int filed = 0;  // reports of the period already in the ledger, left out
};

// REQUIRES: `reporter` is a [[reporter]] of the plan; `filings` has seen
// every entry of the ledger (at an as-of date no earlier than the period's
// last report) and belongs to the same plan.
TemplateSheet build_template(const Plan& plan, const Filings& filings, std::string_view reporter,
                             const NamedPeriod& period);

// The sheet as a Table for the CSV and xlsx renderers. Columns, headed in
// the language asked for (the CSV header is the column key, so the key is
// that language's word too): id 指标代码, name 指标名称, unit 计量单位,
// period 报送期, date 日期 (the report's period end), value 数值 (empty; in a
// workbook a number-formatted cell), note 备注 (empty; a text cell), by
// 填报单位 (the reporter). Every header is one `plan import` reads, unchanged.
Table template_table(const TemplateSheet& s, bool zh);

// "2020-06-平望镇.xlsx": the file of `plan template --each-unit`, the name as
// file_name_part (text.h) writes it.
std::string template_file_name(const NamedPeriod& p, std::string_view reporter,
                               std::string_view ext);

}  // namespace plan
