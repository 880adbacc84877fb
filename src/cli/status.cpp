#include <fmt/format.h>

#include "cli.h"
#include "status_report.h"

namespace plan::cli {

void setup_status(CLI::App& sub, Globals& g) {
  struct Options {
    std::string as_of, area, unit, format;
    int year = 0;
    std::vector<std::string> statuses, fail_on;
    bool bom = false;
    std::string file;
  };
  auto o = std::make_shared<Options>();
  add_as_of_option(sub, o->as_of);
  sub.add_option("--year", o->year, "Judge each indicator against this year's own target")
      ->type_name("YEAR");
  sub.add_option("--area", o->area, "Only this area (主要任务), by id or name")->type_name("AREA");
  sub.add_option("--unit", o->unit, "Only indicators this unit leads, partners or reports")
      ->type_name("UNIT");
  sub.add_option("--status", o->statuses, "Only these statuses (comma-separated)")
      ->type_name("STATUS")
      ->delimiter(',')
      ->check(status_validator());
  add_fail_on_option(sub, o->fail_on,
                     "Exit 3 when a shown indicator has one of these statuses, e.g. behind,missed");
  add_table_format_options(sub, o->format, o->bom, o->file);
  sub.footer(
      "Statuses: flows (total, range) are achieved, on_track or behind the\n"
      "expected line drawn from the plan's yearly splits; levels (floor, cap) are\n"
      "met, missed or no_data by their latest reading; milestones are done,\n"
      "pending or overdue. A scheduled indicator is judged at the end of its last\n"
      "reporting period that is due, and is unreported while a due report is\n"
      "missing (plan due lists them). With --unit the figures stay every unit's,\n"
      "and a column beside them shows the unit's own (its by= figures).\n"
      "Examples:\n"
      "  plan status\n"
      "  plan status --as-of 2019-06-30 --unit 人社局\n"
      "  plan status --year 2019 --status behind,missed\n"
      "  plan status --format csv --bom > status.csv\n"
      "  plan status --fail-on behind,missed --format md  # for cron: exit 3 on trouble");
  sub.callback([o, &g, &sub] {
    auto project = open_project(g);
    if (!project) return;
    const Plan& plan = project->plan;
    Date as_of = as_of_date(o->as_of);
    StatusFilter f;
    if (sub.count("--year")) {
      if (o->year < plan.start.year() || o->year > plan.end.year()) {
        fail(g, make_usage_error(Message{fmt::format("--year {} is outside the plan period {}–{}",
                                                     o->year, plan.start.year(), plan.end.year()),
                                         fmt::format("--year {} 不在计划期 {}–{} 年之内", o->year,
                                                     plan.start.year(), plan.end.year())}));
        return;
      }
      f.year = o->year;
    }
    f.area = o->area;
    f.unit = o->unit;
    f.statuses = parse_statuses(o->statuses);
    if (!f.area.empty()) {
      bool known = false;
      for (const auto& a : plan.areas) known = known || a.id == f.area || a.name == f.area;
      if (!known) {
        // Tables show an area by its name, so each id comes with it; a part
        // of a name (就业 of 坚持就业优先战略) narrows the list to the
        // areas it could mean.
        std::vector<const Area*> like;
        for (const auto& a : plan.areas)
          if (a.id.find(f.area) != std::string::npos || a.name.find(f.area) != std::string::npos)
            like.push_back(&a);
        if (like.empty())
          for (const auto& a : plan.areas) like.push_back(&a);
        std::string names, names_zh;
        for (const Area* a : like) {
          names += (names.empty() ? "" : ", ") + a->id + " " + a->name;
          names_zh += (names_zh.empty() ? "" : "、") + a->id + " " + a->name;
        }
        const bool some = like.size() < plan.areas.size();
        fail(g, make_usage_error(Message{"unknown area '" + f.area + "' (" +
                                             (some ? "did you mean: " : "areas: ") + names + ")",
                                         "未知的主要任务“" + f.area + "”（" +
                                             (some ? "是否是：" : "全部主要任务：") + names_zh +
                                             "）"}));
        return;
      }
    }
    if (!f.unit.empty() && !known_unit(g, plan, f.unit)) return;
    Ledger ledger(plan, as_of);
    std::vector<Ledger*> ledgers{&ledger};
    // A unit's own figures beside every unit's, in the same pass; no second
    // ledger to set up without --unit.
    std::optional<Ledger> own;
    if (!f.unit.empty()) {
      own.emplace(plan, as_of);
      own->only_by(f.unit);
      ledgers.push_back(&*own);
    }
    if (!read_ledger(g, *project, ledgers)) return;
    StatusReport report = build_status(ledger, f, own ? &*own : nullptr);
    Table table = status_table(report);
    output(
        g, o->format, o->file, table, table, [&] { return status_json(report); }, o->bom,
        one_sheet(plan, as_of, "Status", "完成情况"));
    if (g.exit_code == kExitOk && any_status(report, parse_statuses(o->fail_on)))
      g.exit_code = kExitFailOn;
  });
}

}  // namespace plan::cli
