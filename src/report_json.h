// Pieces shared by the reports' JSON (SPEC §6): plain numbers, null where a
// value is undefined, whole amounts as integers (12000, not 12000.0).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "decimal.h"
#include "evaluation.h"

namespace plan {

inline nlohmann::json json_number(Decimal d) {
  if (d.units() % Decimal::kScale == 0) return nlohmann::json(d.units() / Decimal::kScale);
  return nlohmann::json(d.to_double());
}
inline nlohmann::json json_number(const std::optional<Decimal>& d) {
  return d ? json_number(*d) : nlohmann::json(nullptr);
}
inline nlohmann::json json_number(const std::optional<double>& d) {
  return d ? nlohmann::json(*d) : nlohmann::json(nullptr);
}

// [{"year","target","actual","completion","status","change"}, …]
nlohmann::json years_json(const std::vector<YearFigures>& years);

}  // namespace plan
