#include "report_json.h"

namespace plan {

nlohmann::ordered_json years_json(const std::vector<YearFigures>& years) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const YearFigures& y : years)
    out.push_back({{"year", y.year},
                   {"target", json_number(y.target)},
                   {"actual", json_number(y.actual)},
                   {"completion", json_number(y.completion)},
                   {"status", y.status ? nlohmann::ordered_json(status_name(*y.status))
                                       : nlohmann::ordered_json(nullptr)},
                   {"change", json_number(y.change)}});
  return out;
}

}  // namespace plan
