// Lint for a plan that loaded: things that are legal but probably wrong.
#pragma once

#include "diagnostic.h"
#include "plan.h"

namespace plan {

// Warnings, each at the value it is about (the [[indicator]] table when the
// plan does not say where the value is):
//  - per-year targets of a flow that do not add up to its target (at years);
//  - an "of which" (其中) child whose target is above its parent's (at the
//    child's target);
//  - a lead or partner unit not listed in [plan].units, when that list is
//    given (at the unit's string in lead or partners).
void check_plan(const Plan& plan, Diagnostics& diags);

}  // namespace plan
