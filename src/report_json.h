// Pieces shared by the reports' JSON (SPEC §6): plain numbers, null where a
// value is undefined, whole amounts as integers (12000, not 12000.0). Only
// the forward declarations of nlohmann-json here: the files that build JSON
// include <nlohmann/json.hpp> themselves.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "decimal.h"
#include "evaluation.h"
#include "explanation.h"
#include "plan.h"
#include "record.h"

namespace plan {

// A report's JSON document as text, indented by two, ending in a newline.
// Text that is not valid UTF-8 (file names from a Windows share) is written
// by the one policy of valid_utf8() (text.h), each invalid byte as "\xNN":
// nlohmann-json would otherwise throw on it.
std::string json_text(nlohmann::ordered_json doc);
// `value` as json_text writes it (without the final newline) at `depth`
// levels of nesting: each of its lines after 2 × depth spaces, appended to
// `out`. For a document written a piece at a time (plan log).
void append_json(std::string& out, nlohmann::ordered_json value, int depth);

nlohmann::ordered_json json_number(Decimal d);
nlohmann::ordered_json json_number(const std::optional<Decimal>& d);  // null when absent
nlohmann::ordered_json json_number(const std::optional<double>& d);   // null when absent

// {"id","title","start","end"}: the "plan" object of every report.
nlohmann::ordered_json plan_json(const Plan& plan);

// {"id","name","area","task","unit","kind"}: how every report's JSON starts
// an indicator.
nlohmann::ordered_json indicator_head(const Plan& plan, const Indicator& ind);

// [{"reporter","period","due","days_overdue"}, …]: the reports an indicator
// owes (IndicatorStatus::missing).
nlohmann::ordered_json missing_json(const std::vector<OwedReport>& missing);
// [{"date","by","period","note","measures","file","line"}, …]: explanations
// (explanation.h); by, period and measures null when absent.
nlohmann::ordered_json explanations_json(const std::vector<Explanation>& list);
nlohmann::ordered_json explanation_json(const Explanation& x);
// An entry's value: its amount as a number, or "done" / "undone" / "explain".
nlohmann::ordered_json entry_value_json(const Entry& e);
// An entry's tags as an object, {"by": "人社局", "note": …}.
nlohmann::ordered_json entry_tags_json(const Entry& e);

// [{"year","target","actual","completion","status","change"}, …]
nlohmann::ordered_json years_json(const std::vector<YearFigures>& years);

}  // namespace plan
