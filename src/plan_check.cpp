#include "plan_check.h"

#include <fmt/format.h>

#include <algorithm>

namespace plan {

namespace {

// `where` when the loader recorded it, else the indicator's table.
const Location& place(const Location& where, const Indicator& ind) {
  return where.file.empty() ? ind.where : where;
}

}  // namespace

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
        diags.warning(place(ind.years_where, ind),
                      fmt::format("{}: per-year targets {} = {} do not add up to the "
                                  "target {}",
                                  ind.id, parts, sum.to_string(), ind.target.to_string()));
    }
    if (!ind.parent.empty()) {
      const Indicator* parent = plan.find(ind.parent);
      if (parent && is_flow(ind.kind) && is_flow(parent->kind) && ind.target > parent->target)
        diags.warning(
            place(ind.target_where, ind),
            fmt::format("{}: target {} is above the target {} of '{}', which it is "
                        "part of",
                        ind.id, ind.target.to_string(), parent->target.to_string(), parent->id));
    }
    if (!plan.units.empty()) {
      auto check_units = [&](const std::vector<std::string>& units,
                             const std::vector<Location>& places) {
        for (std::size_t i = 0; i < units.size(); ++i) {
          const std::string& u = units[i];
          if (std::find(plan.units.begin(), plan.units.end(), u) != plan.units.end()) continue;
          diags.warning(place(i < places.size() ? places[i] : Location{}, ind),
                        fmt::format("{}: unit '{}' is not listed in [plan].units", ind.id, u));
        }
      };
      check_units(ind.lead, ind.lead_where);
      check_units(ind.partners, ind.partners_where);
    }
  }
}

}  // namespace plan
