// Reads a plan file (TOML, format in man/plan-file.5) into a validated Plan.
// toml++ is used here and nowhere else.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diagnostic.h"
#include "plan.h"

namespace plan {

// Every problem found goes to `diags` as FILE:LINE:COLUMN: message, syntax
// and meaning alike; the plan is returned only when there are no errors.
std::optional<Plan> load_plan(const std::string& path, Diagnostics& diags);
std::optional<Plan> load_plan_text(std::string_view toml, const std::string& path,
                                   Diagnostics& diags);

}  // namespace plan
