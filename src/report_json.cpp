#include "report_json.h"

#include "schedule.h"

namespace plan {

void write_plan(JsonWriter& w, const Plan& plan) {
  w.begin_object();
  w.member("id", plan.id);
  w.member("title", plan.title);
  w.member("start", plan.start.iso());
  w.member("end", plan.end.iso());
  w.end_object();
}

void write_standing(JsonWriter& w, const IndicatorStatus& s) {
  w.member("actual", s.actual);
  w.member("actual_date", s.actual_date);
  w.member("completion", s.completion);
  w.member("expected", s.expected);
  w.member("shortfall", s.shortfall);
  w.member("behind_by", s.behind_by);
  w.member("status", status_name(s.status));
}

void write_indicator_head(JsonWriter& w, const Plan& plan, const Indicator& ind) {
  w.member("id", ind.id);
  w.member("name", ind.name);
  w.member("area", plan.area_of(ind).name);
  w.member("task", plan.task_of(ind).name);
  w.member("unit", ind.unit);
  w.member("kind", kind_name(ind.kind));
}

void write_missing(JsonWriter& w, const std::vector<OwedReport>& missing) {
  w.begin_array();
  for (const OwedReport& r : missing) {
    w.begin_object();
    w.member_or_null("reporter", r.reporter);
    w.member("period", period_label(r.period));
    w.member("due", r.period.due.iso());
    w.member("days_overdue", r.days_overdue);
    w.end_object();
  }
  w.end_array();
}

void write_explanation(JsonWriter& w, const Explanation& x) {
  w.begin_object();
  w.member("date", x.date.iso());
  w.member_or_null("by", x.by);
  w.member_or_null("period", x.period);
  w.member("note", x.note);
  w.member_or_null("measures", x.measures);
  w.member("file", x.where.file);
  w.member("line", x.where.line);
  w.end_object();
}

void write_explanations(JsonWriter& w, const std::vector<Explanation>& list) {
  w.begin_array();
  for (const Explanation& x : list) write_explanation(w, x);
  w.end_array();
}

void write_years(JsonWriter& w, const std::vector<YearFigures>& years,
                 std::string_view change_kind) {
  w.begin_array();
  for (const YearFigures& y : years) {
    w.begin_object();
    w.member("year", y.year);
    w.member("target", y.target);
    w.member("actual", y.actual);
    w.member("completion", y.completion);
    w.key("status");
    if (y.status) {
      w.string(status_name(*y.status));
    } else {
      w.null();
    }
    w.member("change", y.change);
    if (!change_kind.empty()) w.member("change_kind", change_kind);
    w.end_object();
  }
  w.end_array();
}

void write_entry_value(JsonWriter& w, const Entry& e) {
  if (e.is_explanation) return w.string("explain");
  if (e.is_state) return w.string(e.done ? "done" : "undone");
  w.number(e.amount);
}

void write_entry_tags(JsonWriter& w, const Entry& e) {
  w.begin_object();
  for (const auto& [k, v] : e.tags) w.member(k, v);
  w.end_object();
}

}  // namespace plan
