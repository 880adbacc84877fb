// Reads a plan file (TOML, format in man/plan-file.5) into a validated Plan.
// toml++ is used here and nowhere else.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diagnostic.h"
#include "env.h"
#include "plan.h"

namespace plan {

// Every problem found goes to `diags` as FILE:LINE:COLUMN: message, syntax
// and meaning alike (ErrorKind::bad_data; a file that cannot be read,
// ErrorKind::io); the plan is returned only when there are no errors. The
// file is read through `env`.
std::optional<Plan> load_plan(Env& env, const std::string& path, Diagnostics& diags);
std::optional<Plan> load_plan_text(std::string_view toml, const std::string& path,
                                   Diagnostics& diags);

}  // namespace plan
