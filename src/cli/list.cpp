#include "cli.h"
#include "indicator_list.h"

namespace plan::cli {

void setup_list(CLI::App& sub, Globals& g) {
  struct Options {
    std::string format;
    bool bom = false;
  };
  auto o = std::make_shared<Options>();
  add_table_format_options(sub, o->format, o->bom);
  sub.footer(
      "One line per indicator: id, name, kind, target, unit, lead units.\n"
      "Examples:\n"
      "  plan list\n"
      "  plan list --format csv > targets.csv");
  sub.callback([o, &g] {
    auto project = open_project(g);
    if (!project) return;
    const Plan& plan = project->plan;
    output(
        g, o->format, list_table(plan), [&] { return list_json(plan); }, o->bom);
  });
}

}  // namespace plan::cli
