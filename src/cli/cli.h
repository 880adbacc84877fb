// The command layer: CLI11 lives here and only here. Each command is one
// file with a setup_* function that declares its options on a subcommand
// and binds a callback that calls into the core library.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "date.h"
#include "diagnostic.h"
#include "evaluation.h"
#include "file_replace.h"
#include "ledger.h"
#include "period_records.h"
#include "plan.h"
#include "project.h"
#include "record_reader.h"
#include "render.h"
#include "table.h"
#include "workbook_module.h"

namespace plan::cli {

// Exit codes, SPEC §6.
constexpr int kExitOk = 0;
constexpr int kExitData = 1;    // bad plan or records, or a failed write
constexpr int kExitUsage = 2;   // bad command line
constexpr int kExitFailOn = 3;  // --fail-on matched

// Options every command accepts, before or after its name.
struct Globals {
  std::string plan_file;    // --plan, PLAN_FILE
  std::string records_dir;  // --records, PLAN_RECORDS
  std::string color = "auto";
  std::string lang;   // "", "en", "zh"
  bool wide = false;  // --wide: terminal tables never cut
  int columns = 0;    // --columns N: fit terminal tables to N columns (0: the terminal's)
  // The plan's [settings] lang, set when a command opens the project: used
  // when --lang is not given (the command line wins over the plan, the plan
  // over the locale).
  std::string plan_lang;
  int exit_code = kExitOk;
};

// The revision the binary was built from, for --version: "git 1a2b3c4d5e6f",
// "git 1a2b3c4d5e6f, dirty" or "unknown revision". Defined in a source that
// the build writes (cmake/revision.cmake).
const char* build_revision();

// One entry of the command table in main.cpp.
struct Command {
  const char* name;
  const char* summary;
  void (*setup)(CLI::App& sub, Globals& g);
};

// A loaded project: paths and the plan. Loading prints the plan's problems.
struct Project {
  ProjectPaths paths;
  Plan plan;
};

// Locates the project from the current directory and the global options;
// on failure prints why and returns nullopt with g.exit_code set.
std::optional<ProjectPaths> locate(Globals& g);

// Locates and loads the plan; on failure prints why and returns nullopt with
// g.exit_code set.
std::optional<Project> open_project(Globals& g);

// Today's date in local time. The only reader of the clock.
Date today();

// The exit code of an error of kind `k` (SPEC §6): the one place a kind
// becomes an exit code.
int exit_code_for(ErrorKind k);

// Writes "plan: TEXT" and a newline to stderr: every line the command layer
// prints there goes through here.
void print_message(const std::string& text);

// --help within 80 columns: CLI11 2.1 pads names to a column and never wraps
// what follows; this formatter wraps descriptions (by display width) to the
// column. Set on the app before the commands are added: they inherit it.
std::shared_ptr<CLI::Formatter> help_formatter();
// The width --help keeps to.
constexpr int kHelpColumns = 80;

// Prints a diagnostic (with its source line and caret) to stderr.
void print_diagnostic(const Globals& g, const Diagnostic& d);

// Prints an error and sets g.exit_code from its kind.
void fail(Globals& g, const Diagnostic& d);

// Colour and language for this invocation: colour only on a terminal, never
// under NO_COLOR; Chinese headers under a zh locale or --lang zh.
bool use_color(const Globals& g);
bool use_chinese(const Globals& g);
// The value of --lang on the command line (--lang zh, --lang=zh), or "":
// for the messages of a command line that does not parse.
std::string lang_argument(int argc, char** argv);

// The width terminal tables are fitted to (RenderOptions::width): --wide
// gives 0 (never cut), --columns N gives N; otherwise the terminal's width
// (TIOCGWINSZ on stdout), else COLUMNS, else 80 on a terminal and 0 — no
// fitting — when stdout is a pipe or a file, so that scripts get every
// column whole.
int table_width(const Globals& g);

// Adds --format with the given choices ("table|csv|…"); the first is default.
// With `output`, the --output FILE of the command: without --format, FILE's
// extension chooses among the choices (st.xlsx, q.csv, 2020-06.html; .txt
// is the text form), and a --format that its extension contradicts is
// warned about.
CLI::Option* add_format_option(CLI::App& sub, std::string& target, std::string choices,
                               const std::string* output = nullptr);

// The table formats with --bom: --format table|csv|tsv|json|md, and --bom
// for CSV/TSV that Excel opens.
void add_table_format_options(CLI::App& sub, std::string& format, bool& bom);
// The same with xlsx among the formats, and --output FILE.
void add_table_format_options(CLI::App& sub, std::string& format, bool& bom, std::string& file);

// CLI11 check for YYYY-MM-DD.
CLI::Validator date_validator();
Date parse_date_arg(const std::string& s);  // after validation

// --as-of DATE, checked as YYYY-MM-DD; `help` says what the date means.
void add_as_of_option(CLI::App& sub, std::string& target,
                      const std::string& help = "Evaluate at this date (default: today)");
// The date --as-of named, or today when it was not given.
Date as_of_date(const std::string& as_of);

// Writes `text` to stdout (report output). When stdout fails, prints so
// and sets g.exit_code; returns false.
bool emit(Globals& g, std::string_view text);

// Makes the folder --output-dir names, as `mkdir -p` would (a cron line may
// name one that is not there yet). Prints the error and sets g.exit_code
// when it cannot: a file where the folder or one above it should be is
// named as such ("out is a file, not a folder").
bool make_output_folder(Globals& g, const std::filesystem::path& dir);

// A records folder named with --records (or PLAN_RECORDS) must exist: a typo
// would otherwise read as "no records yet". The default records/ may be
// missing. Prints the error and sets g.exit_code when it is not there.
bool records_present(Globals& g, const std::filesystem::path& dir);

// PLAN_THREADS as read_records takes it: 1 to 64 workers, or 0 (unset or
// not such a count) to let the reader decide.
unsigned reader_threads_wanted();

// Streams the project's records once through `ledgers`, then `extra` (each
// entry goes to every one in turn). A ledger with errors is refused: prints the first
// error in one line, points at `plan check`, sets g.exit_code and returns
// false. Ledger overflows are refused the same way. Without `extra` the
// files may be read in parallel (PLAN_THREADS, ledger_sink.h).
bool read_ledger(Globals& g, const Project& p, const std::vector<Ledger*>& ledgers,
                 const EntryCallback& extra = {});
// The same, feeding a digest's tally of the period as well (in parallel too).
bool read_ledger(Globals& g, const Project& p, const std::vector<Ledger*>& ledgers,
                 PeriodRecords* recorded);

// Parses a comma-separated list of status words (--status, --fail-on).
std::vector<Status> parse_statuses(const std::vector<std::string>& words);
CLI::Validator status_validator();
// --fail-on STATUS,… (checked status words); `help` says when exit 3 comes.
void add_fail_on_option(CLI::App& sub, std::vector<std::string>& target, const std::string& help);

// Prints a report in the chosen --format: the Table through the renderers,
// or the report's own JSON. Sets g.exit_code on a failed write.
void output(Globals& g, const std::string& format, const Table& table,
            const std::function<std::string()>& json, bool bom = false);
// The same where CSV/TSV have a flatter shape than the table for people.
void output(Globals& g, const std::string& format, const Table& table, const Table& flat,
            const std::function<std::string()>& json, bool bom = false);

// --output FILE for the table formats: the report replaces FILE atomically
// instead of going to stdout; --format xlsx needs it.
void add_output_option(CLI::App& sub, std::string& file);

// Prints a report in the chosen --format, or writes it to `file` when that
// is not empty (replaced atomically, as report --output). xlsx: `book`, with
// each sheet's table defaulting to `flat`, written to `file`; without a file
// it is refused (exit 2), as a workbook is not for a terminal or a pipe.
void output(Globals& g, const std::string& format, const std::string& file, const Table& table,
            const Table& flat, const std::function<std::string()>& json, bool bom, XlsxBook book);

// A workbook of one sheet named `en` / `zh` (the table: output's `flat`),
// titled with the plan's title, as of `as_of`.
XlsxBook one_sheet(const Plan& plan, Date as_of, const char* en, const char* zh);

// Writes `bytes` to `file` atomically; only a regular file (or none) is
// replaced, never a device, FIFO or link such as /dev/stdout.
bool write_output_file(Globals& g, const std::string& file, const std::string& bytes,
                       std::string_view what = "report");
// The same for bytes made a piece at a time (replace_file, file_replace.h).
bool write_output_file(Globals& g, const std::string& file,
                       const std::function<void(const PieceWriter& write)>& produce,
                       std::string_view what = "report");

// Checks that every id names an indicator, taking an indicator's exact name
// (城镇新增就业人数) for its id; prints "unknown indicator" with a suggestion
// and sets a usage exit code otherwise.
bool known_ids(Globals& g, const Plan& plan, std::vector<std::string>& ids);
bool known_id(Globals& g, const Plan& plan, std::string& id);

// Checks that some indicator has `unit` as lead, partner or reporter, so that a typo in
// --unit is an error (exit 2), not an empty report that passes --fail-on.
bool known_unit(Globals& g, const Plan& plan, const std::string& unit);

// Each command, defined in its own file.
void setup_check(CLI::App& sub, Globals& g);
void setup_list(CLI::App& sub, Globals& g);
void setup_status(CLI::App& sub, Globals& g);
void setup_show(CLI::App& sub, Globals& g);
void setup_yoy(CLI::App& sub, Globals& g);
void setup_units(CLI::App& sub, Globals& g);
void setup_log(CLI::App& sub, Globals& g);
void setup_record(CLI::App& sub, Globals& g);
void setup_import(CLI::App& sub, Globals& g);
void setup_report(CLI::App& sub, Globals& g);
void setup_due(CLI::App& sub, Globals& g);
void setup_template(CLI::App& sub, Globals& g);
void setup_complete(CLI::App& sub, Globals& g);  // hidden

}  // namespace plan::cli
