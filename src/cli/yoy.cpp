#include "cli.h"
#include "render.h"
#include "yoy_report.h"

namespace plan::cli {

void setup_yoy(CLI::App& sub, Globals& g) {
  struct Options {
    std::vector<std::string> ids;
    std::string as_of, format;
    bool bom = false, wide = false;
    std::string file;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("ids", o->ids,
                 "Indicator ids or names (default: every indicator with yearly figures)")
      ->type_name("ID");
  add_as_of_option(sub, o->as_of);
  add_table_format_options(sub, o->format, o->bom, o->file);
  sub.add_flag("--wide", o->wide,
               "CSV/TSV in the annex layout: one row per indicator, a column group per year; "
               "the table: never cut (as the global --wide)");
  sub.footer(
      "Years as columns: each year's actual, its own target, completion, status and\n"
      "the change against the year before — a growth rate (同比) for flows, a\n"
      "difference in the indicator's unit for levels (percentage points for rates).\n"
      "CSV/TSV have one row per indicator and year; with --wide, and in the xlsx\n"
      "workbook, one row per indicator grouped by area and task with its units, and\n"
      "per year target, actual, completion and change (the annex layout).\n"
      "Examples:\n"
      "  plan yoy jobs.urban_new unemployment.rate\n"
      "  plan yoy --format csv > yoy.csv");
  sub.callback([o, &g] {
    // This command's --wide shadows the global one, which help says may
    // come before or after the command, so that `plan yoy --wide` and
    // `plan --wide yoy` agree: for the terminal table it means what the
    // global one means (names never cut), for CSV/TSV the annex layout.
    // Only after the command is it refused where it means nothing: before
    // it (a shell alias, say) it is left to the formats it serves.
    const Format f = *parse_format(o->format);
    if (o->wide && f != Format::table && f != Format::csv && f != Format::tsv) {
      fail(g, make_usage_error(
                  Message{"--wide is for the table, --format csv or tsv (xlsx is always wide)",
                          "--wide 只用于表格和 --format csv、tsv（xlsx 总是完整的）"}));
      return;
    }
    if (o->wide && f == Format::table) g.wide = true;
    const bool annex = (o->wide || g.wide) && (f == Format::csv || f == Format::tsv);
    auto project = open_project(g);
    if (!project) return;
    const Plan& plan = project->plan;
    if (!known_ids(g, plan, o->ids)) return;
    Date as_of = as_of_date(o->as_of);
    Ledger ledger(plan, as_of);
    if (!read_ledger(g, *project, {&ledger})) return;
    YoyReport r = build_yoy(ledger, o->ids);
    Table wide = yoy_wide(r);
    XlsxBook book = one_sheet(plan, as_of, "Year on year", "年度同比");
    book.sheets.front().table = &wide;
    output(
        g, o->format, o->file, yoy_table(r), annex ? wide : yoy_rows(r),
        [&] { return yoy_json(r); }, o->bom, book);
  });
}

}  // namespace plan::cli
