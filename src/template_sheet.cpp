#include "template_sheet.h"

#include <algorithm>

#include "text.h"

namespace plan {

std::optional<NamedPeriod> named_period(std::string_view label) {
  auto parsed = parse_period_label(label);
  if (!parsed) return std::nullopt;
  auto [frequency, first] = *parsed;
  return NamedPeriod{std::string(label), first,
                     first.add_months(months_per_period(frequency)).add_days(-1)};
}

TemplateSheet build_template(const Plan& plan, const Filings& filings, std::string_view reporter,
                             const NamedPeriod& period) {
  TemplateSheet out;
  out.plan = &plan;
  out.reporter = std::string(reporter);
  out.period = period;
  for (const Indicator* ind : plan.by_area()) {
    const auto& by = ind->reported_by;
    auto slot = std::find(by.begin(), by.end(), reporter);
    if (slot == by.end()) continue;  // ad hoc indicators name no reporter here either
    auto i = static_cast<std::size_t>(ind - plan.indicators.data());
    auto s = static_cast<std::size_t>(slot - by.begin());
    int n = period_count(plan, *ind);
    for (int p = 0; p < n; ++p) {
      ReportingPeriod rp = period_at(plan, *ind, p);
      if (rp.end > period.last) break;
      if (filings.filed(i, s, p)) {
        if (rp.end >= period.first) ++out.filed;
        continue;
      }
      // A report of an earlier period that never came in is still owed:
      // asked for again, until it is in the ledger.
      out.rows.push_back(TemplateRow{ind, rp});
    }
  }
  return out;
}

Table template_table(const TemplateSheet& s, bool zh) {
  Table t;
  t.title = s.reporter + ": reports for " + s.period.label +
            " (fill in value, and note if needed; leave the other columns as they are)";
  t.title_zh = s.reporter + " " + s.period.label + " 报表（填写数值，可加备注；其余列请勿改动）";
  auto column = [&](const char* en, const char* zh_word) {
    Column c;
    c.key = zh ? zh_word : en;
    c.en = en;
    c.zh = zh_word;
    return c;
  };
  Column value = column("value", "数值");
  value.right = true;
  value.xlsx_blank = "#,##0.00";
  value.xlsx_width = 14;
  Column note = column("note", "备注");
  note.xlsx_blank = "@";  // typed text stays text: "=…" is no formula
  note.xlsx_width = 30;
  t.columns = {column("id", "指标代码"),
               column("name", "指标名称"),
               column("unit", "计量单位"),
               column("period", "报送期"),
               column("date", "日期"),
               value,
               note,
               column("by", "填报单位")};
  for (const TemplateRow& r : s.rows) {
    Row row;
    row.cells = {Cell::of_text(r.ind->id),
                 Cell::of_text(r.ind->name),
                 Cell::of_text(r.ind->unit),
                 Cell::of_text(period_label(r.period)),
                 Cell::of_date(r.period.end),
                 Cell::none(),
                 Cell::none(),
                 Cell::of_text(s.reporter)};
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string template_file_name(const NamedPeriod& p, std::string_view reporter,
                               std::string_view ext) {
  return p.label + "-" + file_name_part(reporter) + "." + std::string(ext);
}

}  // namespace plan
