// Pieces shared by the reports' JSON (SPEC §6): plain numbers, null where a
// value is undefined, whole amounts as integers (12000, not 12000.0).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "decimal.h"
#include "evaluation.h"
#include "plan.h"

namespace plan {

inline nlohmann::ordered_json json_number(Decimal d) {
  if (d.units() % Decimal::kScale == 0) return nlohmann::ordered_json(d.units() / Decimal::kScale);
  return nlohmann::ordered_json(d.to_double());
}
inline nlohmann::ordered_json json_number(const std::optional<Decimal>& d) {
  return d ? json_number(*d) : nlohmann::ordered_json(nullptr);
}
inline nlohmann::ordered_json json_number(const std::optional<double>& d) {
  return d ? nlohmann::ordered_json(*d) : nlohmann::ordered_json(nullptr);
}

// {"id","title","start","end"}: the "plan" object of every report.
nlohmann::ordered_json plan_json(const Plan& plan);

// {"id","name","area","task","unit","kind"}: how every report's JSON starts
// an indicator.
nlohmann::ordered_json indicator_head(const Plan& plan, const Indicator& ind);

// [{"reporter","period","due","days_overdue"}, …]: the reports an indicator
// owes (IndicatorStatus::missing).
nlohmann::ordered_json missing_json(const std::vector<OwedReport>& missing);

// [{"year","target","actual","completion","status","change"}, …]
nlohmann::ordered_json years_json(const std::vector<YearFigures>& years);

}  // namespace plan
