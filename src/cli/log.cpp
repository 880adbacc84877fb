#include "cli.h"
#include "log_report.h"

namespace plan::cli {

void setup_log(CLI::App& sub, Globals& g) {
  struct Options {
    std::string id, since, until, by, format;
    bool bom = false;
    std::string file;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->id, "Only this indicator")->type_name("ID");
  sub.add_option("--since", o->since, "Only entries dated on or after this day")
      ->type_name("DATE")
      ->check(date_validator());
  // --as-of too: the other commands' word for "up to this day", so a user
  // who types it gets what they mean instead of a parse error.
  sub.add_option("--until,--as-of", o->until, "Only entries dated on or before this day")
      ->type_name("DATE")
      ->check(date_validator());
  sub.add_option("--by", o->by, "Only entries with this by= reporting unit")->type_name("UNIT");
  add_table_format_options(sub, o->format, o->bom, o->file);
  sub.footer(
      "The entries as recorded, in date order (same-day entries in file order),\n"
      "with the file and line each came from.\n"
      "Examples:\n"
      "  plan log jobs.urban_new --since 2019-01-01\n"
      "  plan log --by 人社局 --format csv > hrss.csv");
  sub.callback([o, &g] {
    auto project = open_project(g);
    if (!project) return;
    const Plan& plan = project->plan;
    if (!o->id.empty() && !known_id(g, plan, o->id)) return;
    LogFilter f;
    f.id = o->id;
    f.by = o->by;
    if (!o->since.empty()) f.since = parse_date_arg(o->since);
    if (!o->until.empty()) f.until = parse_date_arg(o->until);
    std::vector<Entry> entries;
    if (!read_ledger(g, *project, {}, [&](const Entry& e) {
          if (f.keeps(e)) entries.push_back(e);
        }))
      return;
    sort_by_date(entries);
    Table table = log_table(plan, entries);
    // The workbook is dated by its latest entry (or --until): no clock.
    Date last = f.until ? *f.until : entries.empty() ? plan.start : entries.back().date;
    output(
        g, o->format, o->file, table, table, [&] { return log_json(plan, entries); }, o->bom,
        one_sheet(plan, last, "Log", "填报记录"));
  });
}

}  // namespace plan::cli
