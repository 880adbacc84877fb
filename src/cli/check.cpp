#include <fmt/format.h>

#include "cli.h"
#include "plan_check.h"
#include "plan_loader.h"
#include "record_check.h"
#include "record_reader.h"

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
      "Checks the plan, then every record file, and reports every problem, not\n"
      "only the first, as FILE:LINE:COLUMN: message.\n"
      "Errors (the data cannot be used: bad syntax, unknown ids, values the kind\n"
      "does not take, invalid UTF-8) exit 1. Warnings (probably wrong: per-year\n"
      "targets that do not add up, an \"of which\" child above its parent, a unit\n"
      "not in [plan].units, suspected double entries, implausible figures (a % outside\n"
      "0-100, a value 20 or 100 times away from earlier entries in its file),\n"
      "dates outside the period or in the future, a period= that files nothing, a\n"
      "last line without its newline)\n"
      "exit 0 unless --strict.");
  sub.callback([o, &g] {
    // Not open_project(): check reports the plan's warnings too, and goes on
    // to the records' problems when the plan loads.
    auto paths = locate(g);
    if (!paths) return;
    Diagnostics diags;
    auto plan = load_plan(Env::posix(), paths->plan_file.string(), diags);
    ReadStats stats;
    if (!records_present(g, paths->records_dir)) return;
    if (plan) {
      g.plan_lang = plan->settings.lang;  // as open_project() does: [settings] lang
      check_plan(*plan, diags);
      RecordChecker checker(*plan, today(), diags);
      stats = read_records(Env::posix(), paths->records_dir, *plan, diags, checker,
                           reader_threads_wanted());
    }
    for (const auto& d : diags.items()) print_diagnostic(g, d);
    std::size_t errors = diags.error_count(), warnings = diags.warning_count();
    auto plural = [](std::size_t n, const char* one, const char* many) {
      return fmt::format("{} {}", n, n == 1 ? one : many);
    };
    const std::size_t indicators = plan ? plan->indicators.size() : 0;
    if (!o->quiet || errors || warnings)
      print_message(
          use_chinese(g)
              ? fmt::format("{}：指标 {} 项；{}：{} 个文件，记录 {} 条；错误 {} 个，警告 {} 个",
                            paths->plan_file.string(), indicators, paths->records_dir.string(),
                            stats.files, stats.entries, errors, warnings)
              : fmt::format("{}: {}; {}: {} in {}; {}, {}", paths->plan_file.string(),
                            plural(indicators, "indicator", "indicators"),
                            paths->records_dir.string(), plural(stats.entries, "entry", "entries"),
                            plural(stats.files, "file", "files"), plural(errors, "error", "errors"),
                            plural(warnings, "warning", "warnings")));
    // Under --strict a warning counts as bad data.
    if (const Diagnostic* first = diags.first_error())
      g.exit_code = exit_code_for(first->kind);
    else if (o->strict && warnings)
      g.exit_code = exit_code_for(ErrorKind::bad_data);
  });
}

}  // namespace plan::cli
