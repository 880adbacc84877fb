#include "cli.h"
#include "indicator_list.h"

namespace plan::cli {

void setup_list(CLI::App& sub, Globals& g) {
  struct Options {
    std::string format;
    bool bom = false;
    std::string file;
  };
  auto o = std::make_shared<Options>();
  add_table_format_options(sub, o->format, o->bom, o->file);
  sub.footer(
      "One line per indicator: id, name, kind, target, unit, lead units.\n"
      "Examples:\n"
      "  plan list\n"
      "  plan list --format csv > targets.csv");
  sub.callback([o, &g] {
    auto project = open_project(g);
    if (!project) return;
    const Plan& plan = project->plan;
    Table table = list_table(plan);
    XlsxBook book = one_sheet(plan, plan.start, "Indicators", "指标");
    book.show_as_of = false;
    output(
        g, o->format, o->file, table, table, [&] { return list_json(plan); }, o->bom, book);
  });
}

}  // namespace plan::cli
