#include "report_json.h"

namespace plan {

nlohmann::json years_json(const std::vector<YearFigures>& years) {
  nlohmann::json out = nlohmann::json::array();
  for (const YearFigures& y : years)
    out.push_back(
        {{"year", y.year},
         {"target", json_number(y.target)},
         {"actual", json_number(y.actual)},
         {"completion", json_number(y.completion)},
         {"status", y.status ? nlohmann::json(status_name(*y.status)) : nlohmann::json(nullptr)},
         {"change", json_number(y.change)}});
  return out;
}

}  // namespace plan
