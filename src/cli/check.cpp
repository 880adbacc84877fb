#include <fmt/format.h>

#include <cstdio>

#include "cli.h"
#include "plan_check.h"
#include "plan_loader.h"

namespace plan::cli {

void setup_check(CLI::App& sub, Globals& g) {
  struct Options {
    bool strict = false;
    bool quiet = false;
  };
  auto o = std::make_shared<Options>();
  sub.add_flag("--strict", o->strict, "Exit 1 on warnings too");
  sub.add_flag("-q,--quiet", o->quiet, "Print nothing when all is well");
  sub.footer(
      "Reports every problem, not only the first, as FILE:LINE:COLUMN: message.\n"
      "Errors (the data cannot be used) exit 1; warnings (probably wrong: per-year\n"
      "targets that do not add up, an \"of which\" child above its parent, a unit\n"
      "not in [plan].units) exit 0 unless --strict.");
  sub.callback([o, &g] {
    auto paths = locate_project(std::filesystem::current_path(), g.plan_file, g.records_dir);
    if (!paths) {
      print_diagnostic(paths.error());
      g.exit_code = kExitData;
      return;
    }
    Diagnostics diags;
    auto plan = load_plan(paths->plan_file.string(), diags);
    if (plan) check_plan(*plan, diags);
    for (const auto& d : diags.items()) print_diagnostic(d);
    std::size_t errors = diags.error_count(), warnings = diags.warning_count();
    if (!o->quiet || errors || warnings)
      std::fputs(fmt::format("{}: {} indicators, {} error{}, {} warning{}\n",
                             paths->plan_file.string(), plan ? plan->indicators.size() : 0, errors,
                             errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s")
                     .c_str(),
                 stderr);
    if (errors || (o->strict && warnings)) g.exit_code = kExitData;
  });
}

}  // namespace plan::cli
