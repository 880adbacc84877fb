#include "due_report.h"

#include <algorithm>

#include "report_json.h"

namespace plan {

DueReport build_due(const Ledger& ledger, const DueFilter& f) {
  const Plan& plan = ledger.plan();
  DueReport out;
  out.plan = &plan;
  out.as_of = ledger.as_of();
  out.within = f.within;
  std::vector<DueRow> missing, upcoming;
  auto owes = [&](const OwedReport& r) {
    return f.reporter.empty() || plan.reporter_is(r.reporter, f.reporter);
  };
  for (const Indicator& ind : plan.indicators) {
    if (!ind.scheduled()) continue;
    const std::vector<Explanation> explained = ledger.explanations(ind);
    auto row = [&](OwedReport r, bool is_missing) {
      DueRow d{std::move(r), is_missing, std::nullopt};
      if (const Explanation* x = explanation_for(explained, d.report)) d.explanation = *x;
      return d;
    };
    for (auto& r : ledger.filings().missing(ind))
      if (owes(r)) missing.push_back(row(std::move(r), true));
    for (auto& r : ledger.filings().upcoming(ind, f.within))
      if (owes(r)) upcoming.push_back(row(std::move(r), false));
  }
  auto rank = [&](const std::string& name) {
    auto i = plan.reporter_index(name);
    return i ? *i : plan.reporters.size();
  };
  auto order = [&](const DueRow& a, const DueRow& b) {
    std::size_t ra = rank(a.report.reporter), rb = rank(b.report.reporter);
    if (ra != rb) return ra < rb;
    if (a.report.period.due != b.report.period.due)
      return a.report.period.due < b.report.period.due;
    return a.report.ind < b.report.ind;  // plan order: indicators live in one vector
  };
  std::stable_sort(missing.begin(), missing.end(), order);
  std::stable_sort(upcoming.begin(), upcoming.end(), order);
  out.rows = std::move(missing);
  out.rows.insert(out.rows.end(), upcoming.begin(), upcoming.end());
  return out;
}

bool any_missing(const DueReport& r) {
  return std::any_of(r.rows.begin(), r.rows.end(), [](const DueRow& d) { return d.missing; });
}

Table due_table(const DueReport& r) {
  Table t;
  t.title = "Reports due at " + r.as_of.iso() + " (missing, and due within " +
            std::to_string(r.within) + " days)";
  t.title_zh = r.as_of.iso() + " 报送情况（未报送，及 " + std::to_string(r.within) + " 天内到期）";
  // The reporter is each group's heading: tables and Markdown do without
  // the column, CSV and TSV (no headings) keep it.
  t.columns = {{"reporter", "Reporter", "报送单位", false, false, true},
               {"state", "State", "状态"},
               {"id", "ID", "指标代码", false, true, true, 0, Fit::id},
               {"name", "Indicator", "指标", false, true, true, 0, Fit::name},
               {"period", "Period", "报送期"},
               {"due", "Due", "截止日期"},
               {"days_overdue", "Days overdue", "逾期天数", true},
               {"explanation", "Explanation", "情况说明", false, true, true, 24, Fit::cut}};
  for (const DueRow& d : r.rows) {
    const OwedReport& o = d.report;
    Row row;
    Cell state = d.missing ? Cell::of_status("unreported") : Cell::of_text("due_soon");
    state.text_zh = d.missing ? "未报送" : "即将到期";
    Cell reporter = Cell::of_text(o.reporter.empty() ? "—" : o.reporter);
    row.cells = {reporter,
                 state,
                 Cell::of_text(o.ind->id),
                 Cell::of_text(o.ind->name),
                 Cell::of_text(period_label(o.period)),
                 Cell::of_date(o.period.due),
                 Cell::of_count(o.days_overdue),
                 Cell::of_text(d.explanation ? d.explanation->note : "")};
    row.group = o.reporter.empty() ? "—" : o.reporter;
    t.rows.push_back(std::move(row));
  }
  if (r.rows.empty()) {
    t.footer.push_back("No report is missing or falling due.");
    t.footer_zh.push_back("无未报送或即将到期的报告。");
  }
  return t;
}

std::string due_json(const DueReport& r) {
  const auto list = [&](JsonWriter& w, bool missing) {
    w.begin_array();
    for (const DueRow& d : r.rows) {
      if (d.missing != missing) continue;
      const OwedReport& o = d.report;
      w.begin_object();
      w.member_or_null("reporter", o.reporter);
      w.member("id", o.ind->id);
      w.member("name", o.ind->name);
      w.member("frequency", frequency_name(o.ind->schedule.frequency));
      w.member("period", period_label(o.period));
      w.member("period_start", o.period.start.iso());
      w.member("period_end", o.period.end.iso());
      w.member("due", o.period.due.iso());
      w.member("days_overdue", o.days_overdue);
      w.key("explanation");
      if (d.explanation) {
        write_explanation(w, *d.explanation);
      } else {
        w.null();
      }
      w.end_object();
    }
    w.end_array();
  };
  return report_document(*r.plan, r.as_of, [&](JsonWriter& w) {
    w.member("within_days", r.within);
    w.key("missing");
    list(w, true);
    w.key("upcoming");
    list(w, false);
  });
}

}  // namespace plan
