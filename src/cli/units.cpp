#include "cli.h"
#include "units_report.h"

namespace plan::cli {

void setup_units(CLI::App& sub, Globals& g) {
  struct Options {
    std::string as_of, format;
    bool lead_only = false, bom = false;
    std::string file;
  };
  auto o = std::make_shared<Options>();
  add_as_of_option(sub, o->as_of);
  sub.add_flag("--lead-only", o->lead_only, "Count only the indicators a unit leads (★)");
  add_table_format_options(sub, o->format, o->bom, o->file);
  sub.footer(
      "One row per responsible unit: how many indicators it leads and partners,\n"
      "how those stand (achieved counts met and done; missed counts overdue), and\n"
      "the one furthest behind, as a share of its target.\n"
      "Example:\n"
      "  plan units --lead-only --as-of 2019-12-31");
  sub.callback([o, &g] {
    auto project = open_project(g);
    if (!project) return;
    Date as_of = as_of_date(o->as_of);
    Ledger ledger(project->plan, as_of);
    if (!read_ledger(g, *project, {&ledger})) return;
    UnitsReport r = build_units(ledger, o->lead_only);
    Table table = units_table(r);
    output(
        g, o->format, o->file, table, table, [&] { return units_json(r); }, o->bom,
        one_sheet(project->plan, as_of, "Units", "责任单位"));
  });
}

}  // namespace plan::cli
