#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <sstream>

#include "cli.h"
#include "file_replace.h"
#include "gb18030.h"
#include "ledger_sink.h"
#include "plan_loader.h"
#include "record_journal.h"
#include "text.h"

namespace plan::cli {

std::optional<ProjectPaths> locate(Globals& g) {
  // The working folder may have been deleted under the shell (getcwd fails).
  std::error_code ec;
  std::filesystem::path cwd = std::filesystem::current_path(ec);
  if (ec) {
    fail(g, make_io_error({}, Message{"cannot find the current folder: ", "找不到当前文件夹："} +
                                  system_reason(ec)));
    return std::nullopt;
  }
  auto paths = locate_project(Env::posix(), cwd, g.plan_file, g.records_dir);
  if (!paths) {
    fail(g, paths.error());
    return std::nullopt;
  }
  return *paths;
}

std::optional<Project> open_project(Globals& g) {
  auto paths = locate(g);
  if (!paths) return std::nullopt;
  Diagnostics diags;
  auto loaded = load_plan(Env::posix(), paths->plan_file.string(), diags);
  if (!loaded) {
    for (const auto& d : diags.items())
      if (d.severity == Severity::error) fail(g, d);
    return std::nullopt;
  }
  g.plan_lang = loaded->settings.lang;
  return Project{*paths, std::move(*loaded)};
}

Date today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

int exit_code_for(ErrorKind k) {
  switch (k) {
    case ErrorKind::usage:
      return kExitUsage;
    case ErrorKind::bad_data:
    case ErrorKind::io:
    case ErrorKind::not_found:
      return kExitData;
  }
  return kExitData;
}

void print_message(const std::string& text) {
  std::string line = "plan: " + text + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

namespace {

class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter() { column_width(kNameColumns); }
  // CLI11 puts "Needs: --output-dir Excludes: --week --month …" after the
  // option's name, where nothing wraps and a flag reads as taking an
  // argument: it is said after the description instead.
  std::string make_option_opts(const CLI::Option* opt) const override {
    std::string opts = CLI::Formatter::make_option_opts(opt);
    return opts.substr(0, std::min(opts.find(" " + get_label("Needs") + ":"),
                                   opts.find(" " + get_label("Excludes") + ":")));
  }
  std::string make_option_desc(const CLI::Option* opt) const override {
    std::string desc = CLI::Formatter::make_option_desc(opt);
    for (const CLI::Option* other : opt->get_needs())
      if (desc.find(other->get_name()) == std::string::npos)
        desc += " (needs " + other->get_name() + ")";
    if (!opt->get_excludes().empty()) {
      desc += " (not with";
      for (const CLI::Option* other : opt->get_excludes()) desc += " " + other->get_name();
      desc += ")";
    }
    return wrapped(desc);
  }
  std::string make_subcommand(const CLI::App* sub) const override {
    std::stringstream out;
    CLI::detail::format_help(out, sub->get_display_name(true), wrapped(sub->get_description()),
                             column_width_);
    return out.str();
  }

 private:
  static constexpr int kNameColumns = 26;
  // CLI11 indents each line after a '\n' to the column itself.
  static std::string wrapped(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = std::min(text.find('\n', start), text.size());
      if (start > 0) out += '\n';
      out += wrap_to_width(std::string_view(text).substr(start, end - start),
                           kHelpColumns - kNameColumns, 0);
      start = end + 1;
    }
    return out;
  }
};

}  // namespace

std::shared_ptr<CLI::Formatter> help_formatter() {
  return std::make_shared<HelpFormatter>();
}

void print_diagnostic(const Globals& g, const Diagnostic& d) {
  print_message(d.to_string(use_chinese(g)));
}

void fail(Globals& g, const Diagnostic& d) {
  print_diagnostic(g, d);
  g.exit_code = exit_code_for(d.kind);
}

bool use_color(const Globals& g) {
  if (g.color == "always") return true;
  if (g.color == "never") return false;
  const char* no = std::getenv("NO_COLOR");
  if (no && *no) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return isatty(STDOUT_FILENO);
}

bool use_chinese(const Globals& g) {
  if (!g.lang.empty()) return g.lang == "zh";
  if (!g.plan_lang.empty()) return g.plan_lang == "zh";
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) return std::string(v).rfind("zh", 0) == 0;
  }
  return false;
}

std::string lang_argument(int argc, char** argv) {
  std::string lang;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == "--lang" && i + 1 < argc)
      lang = argv[++i];
    else if (arg.starts_with("--lang="))
      lang = arg.substr(7);
  }
  return lang == "en" || lang == "zh" ? lang : "";
}

int table_width(const Globals& g) {
  if (g.wide) return 0;
  if (g.columns > 0) return g.columns;
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* env = std::getenv("COLUMNS"); env && *env) {
    char* end = nullptr;
    long n = std::strtol(env, &end, 10);
    if (*end == '\0' && n > 0 && n < 100000) return static_cast<int>(n);
  }
  return isatty(STDOUT_FILENO) ? 80 : 0;
}

namespace {

// The format FILE's extension names: the one among `choices`, else the
// first it names at all (which then is none of them), or "" for none.
std::string format_of_file_name(std::string_view file, const std::vector<std::string>& choices) {
  std::string ext = std::filesystem::path(file).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::pair<std::string_view, std::string_view> kNames[] = {
      {".csv", "csv"},
      {".tsv", "tsv"},
      {".tab", "tsv"},
      {".json", "json"},
      {".md", "md"},
      {".markdown", "md"},
      {".xlsx", "xlsx"},
      {".html", "html"},
      {".htm", "html"},
      {".txt", "txt"},
      {".txt", "table"},
      // Formats no command writes, named so that they are refused rather
      // than given text: Excel would not open an .xls of CSV cleanly.
      {".xls", "xls"},
      {".xlsm", "xlsm"},
      {".pdf", "pdf"},
      {".docx", "docx"},
      {".doc", "doc"},
  };
  std::string any;
  for (const auto& [e, f] : kNames) {
    if (ext != e) continue;
    if (std::find(choices.begin(), choices.end(), f) != choices.end()) return std::string(f);
    if (any.empty()) any = f;
  }
  return any;
}

}  // namespace

CLI::Option* add_format_option(CLI::App& sub, std::string& target, std::string choices,
                               const std::string* output) {
  std::vector<std::string> list;
  std::size_t pos = 0;
  while (pos <= choices.size()) {
    std::size_t bar = choices.find('|', pos);
    if (bar == std::string::npos) bar = choices.size();
    list.push_back(choices.substr(pos, bar - pos));
    pos = bar + 1;
  }
  target = list.front();
  CLI::Option* option = sub.add_option("--format,-f", target, "Output format: " + choices)
                            ->type_name("FORMAT")
                            ->check(CLI::IsMember(list))
                            ->capture_default_str();
  if (output) {
    // -o st.xlsx means a workbook: writing the text table into it would
    // leave a file Excel cannot open.
    // -o st.html for a command with no HTML is refused, not written as
    // text into a file a browser would show as one long line.
    sub.parse_complete_callback([option, &target, output, list, &sub] {
      if (output->empty()) return;
      std::string named = format_of_file_name(*output, list);
      if (named.empty() || named == target) return;
      const bool offered = std::find(list.begin(), list.end(), named) != list.end();
      if (option->count() == 0) {
        if (!offered) {
          std::string formats;
          for (const auto& f : list) formats += (formats.empty() ? "" : ", ") + f;
          throw CLI::ValidationError("--output", sub.get_name() + " has no " + named +
                                                     " format for " + sanitize(*output) +
                                                     "; --format chooses one of " + formats);
        }
        target = named;
      } else {
        std::fprintf(stderr, "plan: warning: --format %s into %s, whose extension says %s\n",
                     target.c_str(), sanitize(*output).c_str(), named.c_str());
      }
    });
  }
  return option;
}

void add_table_format_options(CLI::App& sub, std::string& format, bool& bom) {
  add_format_option(sub, format, "table|csv|tsv|json|md");
  sub.add_flag("--bom", bom, "Start CSV/TSV with a UTF-8 byte order mark (for Excel)");
}

void add_table_format_options(CLI::App& sub, std::string& format, bool& bom, std::string& file) {
  add_format_option(sub, format, "table|csv|tsv|json|md|xlsx", &file);
  sub.add_flag("--bom", bom, "Start CSV/TSV with a UTF-8 byte order mark (for Excel)");
  add_output_option(sub, file);
}

void add_output_option(CLI::App& sub, std::string& file) {
  sub.add_option("--output,-o", file,
                 "Write to FILE instead of stdout (replaced atomically; needed by xlsx)")
      ->type_name("FILE");
}

void add_as_of_option(CLI::App& sub, std::string& target, const std::string& help) {
  sub.add_option("--as-of", target, help)->type_name("DATE")->check(date_validator());
}

Date as_of_date(const std::string& as_of) {
  return as_of.empty() ? today() : parse_date_arg(as_of);
}

void add_fail_on_option(CLI::App& sub, std::vector<std::string>& target, const std::string& help) {
  sub.add_option("--fail-on", target, help)
      ->type_name("STATUS")
      ->delimiter(',')
      ->check(status_validator());
}

CLI::Validator date_validator() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        return Date::parse(s) ? "" : "'" + s + "' is not a date (YYYY-MM-DD)";
      },
      "");
}

Date parse_date_arg(const std::string& s) {
  return *Date::parse(s);
}

bool emit(Globals& g, std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return true;
  fail(g, make_io_error({}, Message{"cannot write the output", "无法写出结果"}));
  return false;
}

void output(Globals& g, const std::string& format, const Table& table,
            const std::function<std::string()>& json, bool bom) {
  output(g, format, table, table, json, bom);
}

bool known_id(Globals& g, const Plan& plan, std::string& id) {
  if (plan.find(id)) return true;
  if (const Indicator* named = plan.find_by_name(id)) {
    id = named->id;
    return true;
  }
  // A name typed in a terminal in GBK: no name can match, and the reason is
  // the terminal's.
  if (Message hint = gb18030_hint(id, NotUtf8::argument); !hint.en.empty()) {
    fail(g, make_usage_error(Message{"unknown indicator '" + sanitize(id) + "'",
                                     "未知指标“" + sanitize(id) + "”"} +
                             hint));
    return false;
  }
  // Ids are ASCII: anything else was meant as a name.
  bool ascii = std::all_of(id.begin(), id.end(), [](char c) { return (c & 0x80) == 0; });
  fail(g, make_usage_error(Message{
              "unknown indicator '" + sanitize(id) + "'" +
                  (ascii ? plan.did_you_mean(id) : plan.did_you_mean_name(id)) +
                  " (plan list shows them all)",
              "未知指标“" + sanitize(id) + "”" +
                  (ascii ? plan.did_you_mean(id, 3, true) : plan.did_you_mean_name(id, true)) +
                  "（plan list 列出全部指标）"}));
  return false;
}

bool known_ids(Globals& g, const Plan& plan, std::vector<std::string>& ids) {
  for (auto& id : ids)
    if (!known_id(g, plan, id)) return false;
  return true;
}

bool known_unit(Globals& g, const Plan& plan, const std::string& unit) {
  for (const auto& ind : plan.indicators)
    if (plan.concerns(ind, unit)) return true;
  const std::string hint = plan.did_you_mean_unit(unit),
                    hint_zh = plan.did_you_mean_unit(unit, true);
  fail(g,
       make_usage_error(Message{"no indicator has '" + unit + "' as lead, partner or reporter" +
                                    (hint.empty() ? " (plan units lists them)" : hint),
                                "没有哪个指标以“" + unit + "”为牵头、参与或报送单位" +
                                    (hint_zh.empty() ? "（plan units 列出全部单位）" : hint_zh)}));
  return false;
}

void output(Globals& g, const std::string& format, const Table& table, const Table& flat,
            const std::function<std::string()>& json, bool bom) {
  output(g, format, "", table, flat, json, bom, XlsxBook{});
}

bool write_output_file(Globals& g, const std::string& file, const std::string& bytes,
                       std::string_view what) {
  return write_output_file(
      g, file, [&](const PieceWriter& write) { write(bytes); }, what);
}

bool write_output_file(Globals& g, const std::string& file,
                       const std::function<void(const PieceWriter& write)>& produce,
                       std::string_view what) {
  // The bytes go to a temporary file renamed over FILE: a device
  // (/dev/full), a FIFO or a link such as /dev/stdout would be replaced by
  // a regular file, so only a regular file (or none) is.
  std::error_code ec;
  auto st = std::filesystem::symlink_status(file, ec);
  if (std::filesystem::exists(st) && !std::filesystem::is_regular_file(st)) {
    fail(g,
         make_usage_error(Message{"--output " + file + ": not a regular file; the " +
                                      std::string(what) + " replaces the file it names",
                                  "--output " + file + "：不是普通文件；结果会替换它所指的文件"}));
    return false;
  }
  if (Outcome written = replace_file(Env::posix(), file, produce); !written) {
    fail(g, written.error());
    return false;
  }
  return true;
}

XlsxBook one_sheet(const Plan& plan, Date as_of, const char* en, const char* zh) {
  XlsxBook book;
  book.title = plan.title;
  book.as_of = as_of;
  XlsxSheet sheet;
  sheet.name = en;
  sheet.name_zh = zh;
  book.sheets.push_back(std::move(sheet));
  return book;
}

void output(Globals& g, const std::string& format, const std::string& file, const Table& table,
            const Table& flat, const std::function<std::string()>& json, bool bom, XlsxBook book) {
  const Format f = *parse_format(format);
  if (f == Format::xlsx && file.empty()) {
    fail(g, make_usage_error(Message{"--format xlsx writes a workbook: give --output FILE.xlsx",
                                     "--format xlsx 写出工作簿：请给出 --output FILE.xlsx"}));
    return;
  }
  RenderOptions o;
  o.zh = use_chinese(g);
  o.bom = bom;
  std::string text;
  switch (f) {
    case Format::table:
      // Colour and fitting are for a terminal; a file gets the whole table.
      if (file.empty()) {
        o.color = use_color(g);
        o.width = table_width(g);
      }
      text = render_table(table, o);
      break;
    case Format::csv:
      text = render_delimited(flat, ',', o);
      break;
    case Format::tsv:
      text = render_delimited(flat, '\t', o);
      break;
    case Format::md:
      text = render_markdown(table, o);
      break;
    case Format::json:
      text = json();
      break;
    case Format::xlsx: {
      book.zh = o.zh;
      for (XlsxSheet& s : book.sheets)
        if (!s.table) s.table = &flat;
      Expected<std::string> bytes = workbook_module().render_xlsx(book);
      if (!bytes) {
        fail(g, bytes.error());
        return;
      }
      text = std::move(*bytes);
      break;
    }
  }
  if (file.empty())
    emit(g, text);
  else
    write_output_file(g, file, text);
}

unsigned reader_threads_wanted() {
  const char* v = std::getenv("PLAN_THREADS");
  if (!v || !*v) return 0;
  char* end = nullptr;
  errno = 0;
  unsigned long n = std::strtoul(v, &end, 10);
  // Anything but a count from 1 to 64 leaves the choice to the reader.
  if (errno || *end || *v == '-' || n < 1 || n > 64) return 0;
  return static_cast<unsigned>(n);
}

bool make_output_folder(Globals& g, const std::filesystem::path& dir) {
  std::error_code ec;
  if (std::filesystem::create_directories(dir, ec) || !ec) return true;
  // "Not a directory" says too little: which of the names is a file.
  Message why = system_reason(ec);
  for (std::filesystem::path p = dir; !p.empty(); p = p.parent_path()) {
    std::error_code ignored;
    const auto st = std::filesystem::status(p, ignored);
    if (std::filesystem::exists(st)) {
      if (!std::filesystem::is_directory(st))
        why = {p.string() + " is a file, not a folder", p.string() + " 是文件，不是文件夹"};
      break;
    }
    if (p == p.parent_path()) break;
  }
  fail(g, make_io_error({dir.string()},
                        Message{"cannot make the folder: ", "无法创建文件夹："} + why));
  return false;
}

bool records_present(Globals& g, const std::filesystem::path& dir) {
  std::error_code ec;
  if (g.records_dir.empty() || std::filesystem::exists(dir, ec)) return true;
  fail(g, make_not_found({dir.string()}, Message{"no such records folder", "没有这个记录文件夹"}));
  return false;
}

namespace {

bool read_figures(Globals& g, const Project& p, const std::vector<Ledger*>& ledgers,
                  const EntryCallback& extra, PeriodRecords* recorded) {
  if (!records_present(g, p.paths.records_dir)) return false;
  Diagnostics diags;
  if (extra) {
    struct Sink : EntrySink {
      const std::vector<Ledger*>& ledgers;
      const EntryCallback& extra;
      Sink(const std::vector<Ledger*>& l, const EntryCallback& x) : ledgers(l), extra(x) {}
      void add(const Entry& e) override {
        for (Ledger* l : ledgers) l->add(e);
        extra(e);
      }
    } sink(ledgers, extra);
    read_records(p.paths.records_dir, p.plan, diags, sink);
  } else {
    LedgerSink sink(ledgers, recorded);
    read_records(Env::posix(), p.paths.records_dir, p.plan, diags, sink, reader_threads_wanted());
  }
  // The one warning every reader shows: a write that could not be rolled
  // back is being left out.
  for (const auto& d : diags.items())
    if (d.severity == Severity::warning && d.where.file.ends_with(kJournalFileName))
      print_diagnostic(g, d);
  const Diagnostic* bad = diags.first_error();
  for (Ledger* l : ledgers)
    if (!bad && l->error()) bad = &*l->error();
  if (!bad) return true;
  // One line: the first error without its source line, and how many more.
  Diagnostic shown = *bad;
  shown.source_line.clear();
  std::size_t n = diags.error_count();
  // In Chinese the count goes after the Chinese message, or after the
  // English one when the message has none.
  if (use_chinese(g))
    (shown.message_zh.empty() ? shown.message : shown.message_zh) +=
        fmt::format("（记录中共 {} 个错误，`plan check` 逐一列出）", std::max<std::size_t>(n, 1));
  else
    shown.message += fmt::format(" ({} error{} in the records; `plan check` lists them)",
                                 std::max<std::size_t>(n, 1), n > 1 ? "s" : "");
  fail(g, shown);
  return false;
}

}  // namespace

bool read_ledger(Globals& g, const Project& p, const std::vector<Ledger*>& ledgers,
                 const EntryCallback& extra) {
  return read_figures(g, p, ledgers, extra, nullptr);
}

bool read_ledger(Globals& g, const Project& p, const std::vector<Ledger*>& ledgers,
                 PeriodRecords* recorded) {
  return read_figures(g, p, ledgers, {}, recorded);
}

std::vector<Status> parse_statuses(const std::vector<std::string>& words) {
  std::vector<Status> out;
  for (const auto& w : words)
    if (auto s = parse_status(w)) out.push_back(*s);
  return out;
}

CLI::Validator status_validator() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        if (parse_status(s)) return "";
        return "'" + s +
               "' is not a status (achieved, on_track, behind, met, missed, no_data, done, "
               "pending, overdue, unreported)";
      },
      "");
}

}  // namespace plan::cli
