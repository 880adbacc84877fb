// The `plan list` report: one row per indicator of the plan, its definition.
#pragma once

#include <string>

#include "plan.h"
#include "table.h"

namespace plan {

// Columns: id, name, kind, target (as people read it: "51,000", "3–5",
// "≤ 3", "≥ 95", "due 2020-12-31"), unit, lead; CSV gets the plain
// target, target_max and due instead of the readable target, plus area, task,
// partners and parent.
Table list_table(const Plan& plan);

// {"plan": {...}, "indicators": [{"id", "name", "area", "task", "unit", "kind",
//  "target", "target_max", "due", "years": {"2018": n, ...}, "lead", "partners",
//  "parent"}]} with null for what does not apply.
std::string list_json(const Plan& plan);

}  // namespace plan
