// The shapes shared by the reports' JSON (SPEC §6), written as they are
// made (json_writer.h): plain numbers, null where a value is undefined,
// whole amounts as integers (12000, not 12000.0).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "evaluation.h"
#include "explanation.h"
#include "json_writer.h"
#include "plan.h"
#include "record.h"

namespace plan {

// {"id","title","start","end"}: the "plan" object of every report.
void write_plan(JsonWriter& w, const Plan& plan);
// A report's document, ending in a newline: {"plan": …, "as_of": …, then
// the members `members(w)` writes}.
template <class Members>
std::string report_document(const Plan& plan, Date as_of, Members members) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("plan");
  write_plan(w, plan);
  w.member("as_of", as_of.iso());
  members(w);
  w.end_object();
  out += '\n';
  return out;
}
// "actual","actual_date","completion","expected","shortfall","behind_by",
// "status": where an indicator stands (IndicatorStatus), as status and
// show write it.
void write_standing(JsonWriter& w, const IndicatorStatus& s);
// "id","name","area","task","unit","kind": how every report's JSON starts
// an indicator, as members of an object the caller has begun.
void write_indicator_head(JsonWriter& w, const Plan& plan, const Indicator& ind);
// [{"reporter","period","due","days_overdue"}, …]: the reports an indicator
// owes (IndicatorStatus::missing); reporter null when any unit may file.
void write_missing(JsonWriter& w, const std::vector<OwedReport>& missing);
// {"date","by","period","note","measures","file","line"}: an explanation
// (explanation.h); by, period and measures null when absent.
void write_explanation(JsonWriter& w, const Explanation& x);
void write_explanations(JsonWriter& w, const std::vector<Explanation>& list);
// [{"year","target","actual","completion","status","change"}, …], each
// with "change_kind" last when `change_kind` is not empty (plan yoy).
void write_years(JsonWriter& w, const std::vector<YearFigures>& years,
                 std::string_view change_kind = {});
// An entry's value: its amount as a number, or "done" / "undone" / "explain".
void write_entry_value(JsonWriter& w, const Entry& e);
// An entry's tags as an object, {"by": "人社局", "note": …}. (A record line
// has each key once: parse_line refuses a repeated one.)
void write_entry_tags(JsonWriter& w, const Entry& e);

}  // namespace plan
