#include "cli.h"
#include "show_report.h"

namespace plan::cli {

void setup_show(CLI::App& sub, Globals& g) {
  struct Options {
    std::string id, as_of, format;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->id,
                 "Indicator id, or its name as the plan gives it (plan list shows them)")
      ->type_name("ID")
      ->required();
  add_as_of_option(sub, o->as_of);
  add_format_option(sub, o->format, "table|json");
  sub.footer(
      "Shows the definition, the per-year split, the projection at the pace so far\n"
      "and the pace now needed, a month-by-month picture of the cumulative actual\n"
      "against the expected line, and every record behind the figure (file:line).\n"
      "Example:\n"
      "  plan show jobs.urban_new --as-of 2019-06-30");
  sub.callback([o, &g] {
    auto project = open_project(g);
    if (!project) return;
    const Plan& plan = project->plan;
    if (!known_id(g, plan, o->id)) return;
    Date as_of = as_of_date(o->as_of);
    Ledger ledger(plan, as_of);
    std::vector<Entry> records;
    if (!read_ledger(g, *project, {&ledger}, [&](const Entry& e) {
          if (e.id == o->id) records.push_back(e);
        }))
      return;
    ShowReport r = build_show(ledger, *plan.find(o->id), std::move(records));
    RenderOptions ro;
    ro.color = use_color(g);
    ro.zh = use_chinese(g);
    ro.width = table_width(g);
    std::string text = o->format == "json" ? show_json(r) : show_text(r, ro);
    emit(g, text);
  });
}

}  // namespace plan::cli
