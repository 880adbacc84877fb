#include "cli.h"
#include "due_report.h"

namespace plan::cli {

void setup_due(CLI::App& sub, Globals& g) {
  struct Options {
    std::string as_of, unit, format;
    int within = 10;
    std::vector<std::string> fail_on;
    bool bom = false;
    std::string file;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("--as-of", o->as_of, "Reports due at this date (default: today)")
      ->type_name("DATE")
      ->check(date_validator());
  sub.add_option("--within", o->within, "Also list reports falling due in the next N days")
      ->type_name("N")
      ->check(CLI::Range(0, 3660))
      ->capture_default_str();
  sub.add_option("--unit,--reporter", o->unit, "Only this reporter (or reporter group)")
      ->type_name("UNIT");
  sub.add_option("--fail-on", o->fail_on, "Exit 3 when a report is missing: unreported")
      ->type_name("STATE")
      ->delimiter(',')
      ->check(CLI::IsMember({"unreported"}));
  add_table_format_options(sub, o->format, o->bom, o->file);
  sub.footer(
      "Per reporter, the scheduled reports due and missing at the date (未报送:\n"
      "indicator, period, due date, days overdue), then those falling due\n"
      "within --within days. A report is due once its due date has passed.\n"
      "Examples:\n"
      "  plan due\n"
      "  plan due --as-of 2019-07-15 --unit 平望镇\n"
      "  plan due --fail-on unreported --format md  # cron: exit 3 when one is missing");
  sub.callback([o, &g] {
    auto project = open_project(g);
    if (!project) return;
    const Plan& plan = project->plan;
    if (!o->unit.empty() && !plan.find_reporter(o->unit)) {
      bool group = false;
      for (const auto& r : plan.reporters) group = group || r.group == o->unit;
      if (!group) {
        fail(
            g,
            make_usage_error(Message{
                "'" + o->unit + "' is not a reporter of the plan" + plan.did_you_mean_unit(o->unit),
                "“" + o->unit + "”不是本计划的报送单位" + plan.did_you_mean_unit(o->unit, true)}));
        return;
      }
    }
    Date as_of = o->as_of.empty() ? today() : parse_date_arg(o->as_of);
    Ledger ledger(plan, as_of);
    if (!read_ledger(g, *project, {&ledger})) return;
    DueFilter f;
    f.reporter = o->unit;
    f.within = o->within;
    DueReport report = build_due(ledger, f);
    Table table = due_table(report);
    output(
        g, o->format, o->file, table, table, [&] { return due_json(report); }, o->bom,
        one_sheet(plan, as_of, "Due", "报送情况"));
    if (g.exit_code == kExitOk && !o->fail_on.empty() && any_missing(report))
      g.exit_code = kExitFailOn;
  });
}

}  // namespace plan::cli
