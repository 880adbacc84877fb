// Lint for a plan that loaded: things that are legal but probably wrong.
#pragma once

#include "diagnostic.h"
#include "plan.h"

namespace plan {

// Warnings, at the indicator's [[indicator]] table:
//  - per-year targets of a flow that do not add up to its target;
//  - an "of which" (其中) child whose target is above its parent's;
//  - a lead or partner unit not listed in [plan].units (when that list is given).
void check_plan(const Plan& plan, Diagnostics& diags);

}  // namespace plan
