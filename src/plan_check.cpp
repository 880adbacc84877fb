#include "plan_check.h"

#include <fmt/format.h>

#include <algorithm>

namespace plan {

void check_plan(const Plan& plan, Diagnostics& diags) {
  for (const Indicator& ind : plan.indicators) {
    if (is_flow(ind.kind) && !ind.years.empty()) {
      Decimal sum;
      std::string parts;
      for (const auto& [year, v] : ind.years) {
        sum = sum + v;
        parts += (parts.empty() ? "" : " + ") + v.to_string();
      }
      // A split that covers only some years may sum to less; it must not
      // exceed the total, and a full split must match it.
      bool full = ind.years.size() == plan.years().size();
      if ((full && sum != ind.target) || sum > ind.target)
        diags.warning(ind.where,
                      fmt::format("{}: per-year targets {} = {} do not add up to the "
                                  "target {}",
                                  ind.id, parts, sum.to_string(), ind.target.to_string()));
    }
    if (!ind.parent.empty()) {
      const Indicator* parent = plan.find(ind.parent);
      if (parent && is_flow(ind.kind) && is_flow(parent->kind) && ind.target > parent->target)
        diags.warning(
            ind.where,
            fmt::format("{}: target {} is above the target {} of '{}', which it is "
                        "part of",
                        ind.id, ind.target.to_string(), parent->target.to_string(), parent->id));
    }
    if (!plan.units.empty()) {
      auto check_unit = [&](const std::string& u) {
        if (std::find(plan.units.begin(), plan.units.end(), u) == plan.units.end())
          diags.warning(ind.where,
                        fmt::format("{}: unit '{}' is not listed in [plan].units", ind.id, u));
      };
      for (const auto& u : ind.lead) check_unit(u);
      for (const auto& u : ind.partners) check_unit(u);
    }
  }
}

}  // namespace plan
