#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "cli.h"
#include "digest.h"
#include "digest_render.h"
#include "file_replace.h"
#include "schedule.h"

namespace plan::cli {
namespace {

// CLI11 check of an explicit period's label (--month 2020-06, …).
CLI::Validator label_validator(PeriodKind k) {
  return CLI::Validator(
      [k](std::string& s) -> std::string {
        if (parse_calendar_label(k, period_label_of(s))) return "";
        return "'" + s + "' is not a " + std::string(period_kind_name(k)) + " (" +
               std::string(calendar_label_form(k)) + ")";
      },
      "");
}

}  // namespace

void setup_report(CLI::App& sub, Globals& g) {
  struct Options {
    std::string period = "month", as_of, format, output, output_dir, unit;
    std::string labels[5];  // --week, --month, --quarter, --half, --year
    bool each_unit = false;
    std::size_t top = 5;
    std::vector<std::string> fail_on;
  };
  auto o = std::make_shared<Options>();
  std::vector<std::string> kinds;
  for (PeriodKind k : kPeriodKinds) kinds.emplace_back(period_kind_name(k));
  auto* period_option =
      sub.add_option("--period", o->period,
                     "The kind of period: the last complete one before the as-of day is covered")
          ->type_name("KIND")
          ->capture_default_str()
          ->check(CLI::IsMember(kinds));
  add_as_of_option(sub, o->as_of,
                   "The day the digest is made (default: today); it covers the last period "
                   "complete before it, or --month etc., with the reports filed by then");
  std::vector<CLI::Option*> explicit_options;
  const struct {
    PeriodKind kind;
    const char *name, *type, *help;
  } kExplicit[] = {
      {PeriodKind::week, "--week", "YYYY-Www", "Cover this ISO week (Monday to Sunday)"},
      {PeriodKind::month, "--month", "YYYY-MM", "Cover this month (or 2020年6月)"},
      {PeriodKind::quarter, "--quarter", "YYYYQn", "Cover this quarter (or 2020年第二季度)"},
      {PeriodKind::half, "--half", "YYYYHn", "Cover this half-year (H1: January-June)"},
      {PeriodKind::year, "--year", "YYYY", "Cover this year"},
  };
  for (const auto& e : kExplicit) {
    auto* opt = sub.add_option(e.name, o->labels[static_cast<int>(e.kind)], e.help)
                    ->type_name(e.type)
                    ->check(label_validator(e.kind))
                    ->excludes(period_option);
    for (CLI::Option* other : explicit_options) opt->excludes(other);
    explicit_options.push_back(opt);
  }
  add_format_option(sub, o->format, "txt|md|html|xlsx", &o->output);
  auto* output =
      sub.add_option("--output,-o", o->output,
                     "Write to FILE (replaced atomically: a reader never sees half a report)")
          ->type_name("FILE");
  auto* output_dir =
      sub.add_option(
             "--output-dir", o->output_dir,
             "Write the digest to DIR/<period>.<format> (atomically; DIR is made if missing)")
          ->type_name("DIR")
          ->excludes(output);
  auto* unit =
      sub.add_option("--unit", o->unit, "Only indicators this unit leads, partners or reports")
          ->type_name("UNIT");
  sub.add_flag("--each-unit", o->each_unit,
               "With --output-dir: also one digest per responsible unit, "
               "DIR/<period>-<unit>.<format>, and one per reporter of the reports it owes, "
               "DIR/<period>.due-<reporter>.<format>")
      ->needs(output_dir)
      ->excludes(unit);
  sub.add_option("--top", o->top, "How many of the flows furthest behind to list")
      ->type_name("N")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  add_fail_on_option(sub, o->fail_on,
                     "After writing the digest, exit 3 when an indicator has one of these "
                     "statuses");
  sub.footer(
      "The digest a cron job mails, for one calendar period: by default the last\n"
      "complete week (Monday-Sunday), month, quarter, half-year or year before the\n"
      "as-of day (run on 2020-07-01, --period month covers 2020-06-01 to 2020-06-30;\n"
      "run on 2020-06-30, May). Every figure is as of the period's last day, with\n"
      "the reports for it filed by the day the digest is made (--as-of; a named\n"
      "period is made the day after it unless --as-of says later), and compared\n"
      "with the last day of the period before; what was recorded is the entries\n"
      "dated in the period, so consecutive digests count each entry once.\n"
      "Action first: time progress and status counts; reports missing; what fell\n"
      "behind, broke a limit or became overdue; the flows furthest behind with the\n"
      "pace per month now needed; milestones due by the end of the next period or\n"
      "overdue; other status changes; the per-unit table; what was recorded, per\n"
      "indicator, and per reporting unit in an appendix. txt fits 80 columns; html\n"
      "is one self-contained file (inline CSS and SVG charts, no scripts); xlsx is a\n"
      "workbook with a sheet per part and a native chart of the flows furthest\n"
      "behind, written only to --output or --output-dir.\n"
      "An indicator behind, missed, overdue or unreported is shown with its latest\n"
      "explanation (情况说明, plan record ID explain), and so is a missing report.\n"
      "--each-unit also writes, per [[reporter]], the reports it owes (missing and\n"
      "falling due by the end of the next period):\n"
      "DIR/<period>.due-<reporter>.<format>.\n"
      "Exit: 0 written; 1 bad data or a failed write; 2 bad usage; 3 --fail-on\n"
      "matched (the digest is written first).\n"
      "Examples:\n"
      "  plan report --period week\n"
      "  plan report --month 2020-06 --format md --unit 人社局\n"
      "  plan report --month 2020-06 --as-of 2020-07-15   (June, made on 15 July)\n"
      "  plan report --quarter 2020Q2 --format html -o 2020Q2.html\n"
      "  plan report --format html --output-dir /srv/www/digests --each-unit\n"
      "  plan report --month 2020-06 --format xlsx -o 2020-06.xlsx\n"
      "crontab (each entry one line in the crontab, folded here; cron's PATH is\n"
      "short: give plan's full path):\n"
      "  0 7 1 * * cd /srv/plan && /usr/local/bin/plan report --period month |\n"
      "      mail -s 'plan monthly' team@example.org\n"
      "  0 7 * * 1 cd /srv/plan && /usr/local/bin/plan report --period week\n"
      "      --format html --output /srv/www/plan-weekly.html\n"
      "      --fail-on behind,missed,overdue || /usr/local/bin/plan report\n"
      "      --period week | mail -s 'plan: needs attention' team@example.org");
  sub.callback([o, &g] {
    // A workbook is not for a terminal or a pipe.
    if (o->format == "xlsx" && o->output.empty() && o->output_dir.empty()) {
      fail(g, make_usage_error(Message{
                  "--format xlsx writes a workbook: give --output FILE.xlsx or "
                  "--output-dir DIR",
                  "--format xlsx 写出工作簿：请给出 --output FILE.xlsx 或 --output-dir DIR"}));
      return;
    }
    auto project = open_project(g);
    if (!project) return;
    const Plan& plan = project->plan;
    if (!o->unit.empty() && !known_unit(g, plan, o->unit)) return;
    std::optional<CalendarPeriod> period;
    for (int k = 0; k < 5; ++k)
      if (!o->labels[k].empty())
        period = parse_calendar_label(static_cast<PeriodKind>(k), period_label_of(o->labels[k]));
    // The day the digest is made: reports filed by then count. A period
    // named without --as-of is made the day after it, as cron makes it.
    Date made;
    if (!period) {
      made = as_of_date(o->as_of);
      period = last_complete_period(*parse_period_kind(o->period), made);
    } else if (o->as_of.empty()) {
      made = day_after(*period);
    } else if (made = as_of_date(o->as_of); made < day_after(*period)) {
      fail(g, make_usage_error(Message{
                  fmt::format("--as-of {}: the digest of {} is made after it ends, from {} on",
                              made.iso(), calendar_label(*period), day_after(*period).iso()),
                  fmt::format("--as-of {}：{} 的报告须在该期结束后生成（{} 起）", made.iso(),
                              calendar_label(*period), day_after(*period).iso())}));
      return;
    }
    // Dates run from 0001-01-01 (Date::is_valid); a digest near it would
    // cover, or compare with, a period that starts in year 0.
    const Date earliest = Date::from_ymd(1, 1, 1);
    if (period->first < earliest || previous_period(*period).first < earliest) {
      fail(g,
           make_usage_error(Message{
               fmt::format("the {} digest at this date would cover or compare with days before "
                           "0001-01-01; give a later --as-of or period",
                           period_kind_name(period->kind)),
               "这个日期的报告会涵盖或比较 0001-01-01 之前的日子；请给出更晚的 --as-of 或报送期"}));
      return;
    }
    // A period outside the plan's, asked for (a label or --as-of), is
    // likelier a mistyped year than meant. Left to today's date, it is the
    // cron job of a plan that has ended: no warning every month.
    const bool asked = !o->as_of.empty() || std::any_of(std::begin(o->labels), std::end(o->labels),
                                                        [](const auto& l) { return !l.empty(); });
    const bool zh = use_chinese(g);
    if (asked && period->last < plan.start)
      print_message(zh ? fmt::format("警告：{} 在计划开始（{}）之前结束：其中没有应报送的报告，"
                                     "也没有计入的数据",
                                     calendar_label(*period), plan.start.iso())
                       : fmt::format("warning: {} ends before the plan begins ({}): nothing in "
                                     "it is due, and no figure counts yet",
                                     calendar_label(*period), plan.start.iso()));
    else if (asked && period->first > plan.end)
      print_message(zh ? fmt::format("警告：{} 在计划结束（{}）之后开始：其数据即计划的最终数据",
                                     calendar_label(*period), plan.end.iso())
                       : fmt::format("warning: {} begins after the plan ended ({}): its "
                                     "figures are the plan's final ones",
                                     calendar_label(*period), plan.end.iso()));
    // One pass over the records feeds both ledgers and the period's tally.
    DigestSources sources(plan, *period, made);
    if (!read_ledger(g, *project, {&sources.now, &sources.before}, &sources.recorded)) return;
    DigestOptions opt;
    opt.unit = o->unit;
    opt.top = o->top;
    Digest digest = build_digest(sources, opt);
    RenderOptions ro;
    ro.zh = use_chinese(g);
    std::string ext = o->format.empty() ? "txt" : o->format;
    // The digest's bytes, or nullopt once the failure is printed (a workbook
    // that cannot be assembled).
    auto render = [&](const Digest& d) -> std::optional<std::string> {
      if (ext == "xlsx") {
        Expected<std::string> bytes = digest_xlsx(d, ro);
        if (!bytes) {
          fail(g, bytes.error());
          return std::nullopt;
        }
        return std::move(*bytes);
      }
      return ext == "html" ? digest_html(d, ro)
             : ext == "md" ? digest_markdown(d, ro)
                           : digest_text(d, ro);
    };
    auto write = [&](const std::filesystem::path& file, const std::optional<std::string>& text) {
      if (!text) return false;
      if (Outcome written = replace_file(Env::posix(), file, *text); !written) {
        fail(g, written.error());
        return false;
      }
      return true;
    };
    if (!o->output_dir.empty()) {
      std::filesystem::path dir = o->output_dir;
      // The folder once the first file is made: a digest that cannot be
      // rendered (no workbook module) leaves no empty folder.
      std::optional<std::string> first = render(digest);
      if (!first || !make_output_folder(g, dir)) return;
      if (!write(dir / digest_file_name(*period, "", ext), first)) return;
      if (o->each_unit) {
        for (const UnitRow& row : digest.units.rows) {
          opt.unit = row.unit;
          if (!write(dir / digest_file_name(*period, row.unit, ext),
                     render(build_digest(sources, opt))))
            return;
        }
        // Every [[reporter]] gets its file, also when it owes nothing: a
        // fixed set of names that a mail script can rely on.
        opt.unit.clear();
        for (const Reporter& r : plan.reporters) {
          opt.reporter = r.name;
          if (!write(dir / reporter_digest_file_name(*period, r.name, ext),
                     render(build_digest(sources, opt))))
            return;
        }
      }
    } else if (!o->output.empty()) {
      std::optional<std::string> text = render(digest);
      if (!text || !write_output_file(g, o->output, *text, "digest")) return;
    } else if (std::optional<std::string> text = render(digest); !text || !emit(g, *text)) {
      return;
    }
    if (any_status(digest, parse_statuses(o->fail_on))) g.exit_code = kExitFailOn;
  });
}

}  // namespace plan::cli
