#include <algorithm>

#include "cli.h"
#include "digest.h"
#include "digest_render.h"
#include "file_replace.h"

namespace plan::cli {

void setup_report(CLI::App& sub, Globals& g) {
  struct Options {
    std::string period, as_of, format, output, unit;
    std::size_t top = 5;
    std::vector<std::string> fail_on;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("--period", o->period, "The period the digest covers, ending on the as-of day")
      ->type_name("PERIOD")
      ->required()
      ->check(CLI::IsMember({"week", "month"}));
  add_as_of_option(sub, o->as_of, "Last day of the period (default: today)");
  add_format_option(sub, o->format, "txt|md|html");
  sub.add_option("--output,-o", o->output,
                 "Write to FILE (replaced atomically: a reader never sees half a report)")
      ->type_name("FILE");
  sub.add_option("--unit", o->unit, "Only indicators this unit leads or partners")
      ->type_name("UNIT");
  sub.add_option("--top", o->top, "How many of the largest shortfalls to list")
      ->type_name("N")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  add_fail_on_option(sub, o->fail_on,
                     "After writing the digest, exit 3 when an indicator has one of these "
                     "statuses");
  sub.footer(
      "The digest a cron job mails: time progress and status counts; what was\n"
      "recorded in the period (per indicator and reporting unit); what changed\n"
      "status since one period earlier (newly behind, breached caps, recovered,\n"
      "newly achieved, ...); the largest shortfalls with the pace per month now\n"
      "needed; the per-unit table; milestones due in the next period or overdue.\n"
      "A week is the 7 days ending on the as-of day; a month runs from the same\n"
      "day of the previous month (exclusive). txt fits 80 columns; html is one\n"
      "self-contained file (inline CSS and SVG charts, no scripts, no network).\n"
      "Exit: 0 written; 1 bad data or a failed write; 2 bad usage; 3 --fail-on\n"
      "matched (the digest is written first).\n"
      "Examples:\n"
      "  plan report --period week\n"
      "  plan report --period month --as-of 2019-12-31 --format md --unit 人社局\n"
      "  plan report --period week | mail -s 'plan weekly' team@example.org\n"
      "  plan report --period week --format html -o weekly.html &&\n"
      "    mutt -e 'set content_type=text/html' -s 'plan weekly' team@example.org < weekly.html\n"
      "crontab, Monday 07:00 (one line each; cron's PATH is short: give plan's full path):\n"
      "  0 7 * * 1 cd /srv/plan && /usr/local/bin/plan report --period week | mail -s 'plan "
      "weekly' team@example.org\n"
      "  0 7 * * 1 cd /srv/plan && /usr/local/bin/plan report --period week --format html "
      "--output /srv/www/plan-weekly.html --fail-on behind,missed,overdue || "
      "/usr/local/bin/plan report --period week | mail -s 'plan: needs attention' "
      "team@example.org");
  sub.callback([o, &g] {
    auto project = open_project(g);
    if (!project) return;
    const Plan& plan = project->plan;
    if (!o->unit.empty() && !known_unit(g, plan, o->unit)) return;
    DigestOptions opt;
    opt.period = *parse_period(o->period);
    opt.unit = o->unit;
    opt.top = o->top;
    Date as_of = as_of_date(o->as_of);
    Date since = period_back(as_of, opt.period);
    // One pass over the records feeds both ledgers and the period's tally.
    Ledger now(plan, as_of), before(plan, since);
    PeriodRecords recorded(plan, since, as_of);
    if (!read_ledger(g, *project, {&now, &before}, [&](const Entry& e) { recorded.add(e); }))
      return;
    Digest digest = build_digest(now, before, recorded, opt);
    RenderOptions ro;
    ro.zh = use_chinese(g);
    std::string text = o->format == "html" ? digest_html(digest, ro)
                       : o->format == "md" ? digest_markdown(digest, ro)
                                           : digest_text(digest, ro);
    if (o->output.empty()) {
      if (!emit(g, text)) return;
    } else if (Outcome written = replace_file(Env::posix(), o->output, text); !written) {
      fail(g, written.error());
      return;
    }
    if (any_status(digest, parse_statuses(o->fail_on))) g.exit_code = kExitFailOn;
  });
}

}  // namespace plan::cli
