// plan: a command-line indicator ledger. This file only wires CLI11 to the
// commands; every command lives in src/cli/, every computation in the core.
#include <csignal>
#include <string>
#include <string_view>

#include "cli/cli.h"
#include "parser_words.h"

namespace {

using plan::cli::Command;

const Command kCommands[] = {
    {"status", "Every indicator at a date: completion, status, gaps", plan::cli::setup_status},
    {"show", "One indicator in full: years, projection, records", plan::cli::setup_show},
    {"yoy", "Year on year: each year's actual, target, change", plan::cli::setup_yoy},
    {"units", "Per responsible unit: what it leads and what is behind", plan::cli::setup_units},
    {"record", "Append one actual figure to the records, checked first", plan::cli::setup_record},
    {"import", "Append a spreadsheet's rows: all of them or none", plan::cli::setup_import},
    {"list", "The plan's indicators and their targets", plan::cli::setup_list},
    {"report", "Digest of a week, month, quarter, half or year", plan::cli::setup_report},
    {"due", "Per reporter: reports missing (未报送) or due soon", plan::cli::setup_due},
    {"template", "The sheet a reporter fills in for a period", plan::cli::setup_template},
    {"log", "The entries as recorded, by date, with file:line", plan::cli::setup_log},
    {"check", "Lint the plan and the records; exit 1 on errors", plan::cli::setup_check},
};

}  // namespace

int main(int argc, char** argv) {
  // A write past `ulimit -f` would kill the process mid-write; ignored, it
  // fails with EFBIG instead, and the writer cuts the file back.
  std::signal(SIGXFSZ, SIG_IGN);
  plan::cli::Globals g;
  CLI::App app{
      "plan — track a government action plan's targets against recorded actuals.\n"
      "Targets live in plans/*.toml, actual figures in records/**/*.rec; see plan(1)."};
  app.formatter(plan::cli::help_formatter());
  app.set_version_flag("--version",
                       std::string("plan " PLAN_VERSION " (") + plan::cli::build_revision() + ")");
  app.require_subcommand(1);
  // One line, as plan's own errors read ("plan: ..."), naming the help that
  // says more: not CLI11's two lines "input is required / Run with --help".
  // Set before the commands are added: they inherit it.
  // In Chinese as the rest of plan is: --lang as typed (the parse that
  // failed may not have read it), else the locale.
  plan::cli::Globals words = g;
  words.lang = plan::cli::lang_argument(argc, argv);
  app.failure_message([&words](const CLI::App* top, const CLI::Error& e) {
    std::string help = "plan";
    for (const CLI::App* sub = top; sub && !sub->get_subcommands().empty();) {
      sub = sub->get_subcommands().front();
      help += " " + sub->get_name();
    }
    plan::Message what = plan::parser_message(e.what());
    if (top->get_subcommands().empty() && what.en == "A subcommand is required") {
      std::string names;
      for (const auto& c : kCommands) names += (names.empty() ? "" : " ") + std::string(c.name);
      what = {"a command is required: " + names, "需要一个命令：" + names};
    }
    if (plan::cli::use_chinese(words)) return "plan: " + what.zh + "；见 " + help + " --help\n";
    return "plan: " + what.en + " (" + help + " --help)\n";
  });
  app.fallthrough();  // global options may follow the command name
  app.add_option("--plan", g.plan_file, "Plan file (default: the one .toml in plans/)")
      ->type_name("FILE")
      ->envname("PLAN_FILE");
  app.add_option("--records", g.records_dir, "Records folder (default: records/)")
      ->type_name("DIR")
      ->envname("PLAN_RECORDS");
  app.add_option("--color", g.color, "Colour: auto|always|never (NO_COLOR turns auto off)")
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--lang", g.lang, "Header language: en|zh (default: from the locale)")
      ->type_name("LANG")
      ->check(CLI::IsMember({"en", "zh"}));
  app.add_flag("--wide", g.wide, "Terminal tables: never cut or drop a column");
  app.add_option("--columns", g.columns,
                 "Terminal tables: fit to N columns (default: the terminal's width)")
      ->type_name("N")
      ->check(CLI::Range(20, 10000));
  for (const auto& c : kCommands) {
    CLI::App& sub = *app.add_subcommand(c.name, c.summary);
    c.setup(sub, g);
    // CLI11 lists only a command's own options; the global ones work here too.
    sub.footer(sub.get_footer() +
               "\n\nGlobal options, accepted before or after the command: --plan FILE,\n"
               "--records DIR, --color auto|always|never, --lang en|zh, --wide, --columns N\n"
               "(see plan --help).");
  }
  // Hidden: the candidates for the shell completion scripts in completion/.
  plan::cli::setup_complete(*app.add_subcommand("complete", "Shell completion candidates"), g);
  // A mistyped command would otherwise read "A subcommand is required".
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.empty() || arg[0] == '-') {
      if (arg == "--plan" || arg == "--records" || arg == "--color" || arg == "--lang" ||
          arg == "--columns")
        ++i;
      continue;
    }
    bool known = arg == "complete";
    for (const auto& c : kCommands) known = known || arg == c.name;
    if (known) break;
    std::string hint, hint_zh;
    for (const auto& c : kCommands) {
      if (plan::edit_distance(arg, c.name) <= 2) {
        hint = std::string("; did you mean '") + c.name + "'?";
        hint_zh = std::string("；是否是“") + c.name + "”？";
      }
    }
    g.lang = words.lang;
    plan::cli::fail(
        g, plan::make_usage_error(plan::Message{
               "unknown command '" + std::string(arg) + "'" + hint + " (plan --help lists them)",
               "未知的命令“" + std::string(arg) + "”" + hint_zh + "（plan --help 列出全部命令）"}));
    return g.exit_code;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : plan::cli::kExitUsage;
  }
  return g.exit_code;
}
