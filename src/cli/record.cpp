#include <fmt/format.h>

#include <algorithm>

#include "admission.h"
#include "cli.h"
#include "new_entry.h"
#include "record_writer.h"
#include "refiling.h"
#include "render.h"
#include "schedule.h"
#include "text.h"

namespace plan::cli {

void setup_record(CLI::App& sub, Globals& g) {
  struct Options {
    std::string id, value, date, by, note, src, file, period, measures;
    bool force = false, allow_duplicates = false, add = false, replace = false;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->id,
                 "Indicator id, e.g. jobs.urban_new, or its name as plan list gives it")
      ->type_name("ID")
      ->required();
  sub.add_option("value", o->value,
                 "An increment (flows), a reading (levels), done/undone (milestones), or "
                 "explain (an explanation, any kind; needs --note)")
      ->type_name("VALUE")
      ->required();
  sub.add_option("--date,-d", o->date, "Date the figure belongs to (default: today)")
      ->type_name("DATE")
      ->check(date_validator());
  sub.add_option("--by", o->by, "Reporting unit, e.g. 人社局: a reporter or unit of the plan")
      ->type_name("UNIT");
  sub.add_option("--note", o->note, "Free text; quotes, line breaks and tabs are escaped")
      ->type_name("TEXT");
  sub.add_option("--src", o->src, "Where the figure comes from, e.g. 年报")->type_name("REF");
  sub.add_option("--period", o->period,
                 "The reporting period the entry is for: 2019-06, 2019Q2, 2019H1 or 2019 "
                 "(or 2019年6月, 2019年第二季度, 2019年上半年, 2019年)")
      ->type_name("PERIOD");
  sub.add_option("--measures", o->measures,
                 "With explain: the corrective measures (整改措施); escaped as --note")
      ->type_name("TEXT");
  sub.add_option("--file", o->file,
                 "Append here instead of the reporter's <records>/<folder>/<year>.rec")
      ->type_name("FILE");
  sub.add_flag("--allow-duplicates", o->allow_duplicates,
               "Append even when the ledger already holds the same date, id, value, by and period");
  sub.add_flag("--force", o->force,
               "Accept a date outside the plan period or after today, a period not over, or an "
               "implausible figure (the figure is said in a warning)");
  auto* add = sub.add_flag("--add", o->add,
                           "The reporter already has a figure for the period: this one adds to it");
  sub.add_flag("--replace", o->replace,
               "The reporter already has a figure for the period: this one replaces it (the "
               "difference is recorded, with a note)")
      ->excludes(add);
  sub.footer(
      "Checks the entry exactly as `plan check` would read it (known id, a value the\n"
      "indicator's kind takes), then appends one line under a lock, so that runs at\n"
      "the same time never mix their lines. Prints the line and the file it went to.\n"
      "\n"
      "--by must name a reporter or unit of the plan (an unknown one is refused with\n"
      "\"did you mean\", exit 2). The line goes to the reporter's own file,\n"
      "<records>/<folder>/<year of date>.rec ([[reporter]] folder), or to\n"
      "<records>/<year of date>.rec for a unit that is not a reporter or no --by.\n"
      "A unit that does not report the indicator gets a warning: the figure counts,\n"
      "but files no report, and plan due still asks the indicator's reporters.\n"
      "\n"
      "Values: flows (total, range) take increments, negative to correct: 4210, -120,\n"
      "1.2万 (= 12000). Levels (floor, cap) take readings: 1.9% or 1.9 for a rate.\n"
      "Milestones take done, or undone to retract. Nothing is ever rewritten: a\n"
      "correction is a new line.\n"
      "\n"
      "Refused unless --allow-duplicates: the same date, id, value, by and period as\n"
      "an entry of the ledger. Refused unless --force: a percentage outside 0-100,\n"
      "or a value 100 times or more away from the indicator's other entries (0.026\n"
      "for 2.6%, 1.2 for 1.2万). Refused until --period says which period it is: a\n"
      "figure dated before its period's end whose reporter has not reported the\n"
      "period before (June's report recorded on 12 July, past its due day, would\n"
      "count for July). Refused unless --add or --replace: a flow's figure whose\n"
      "reporter already has one for the period (--add: it adds to it; --replace: it\n"
      "replaces it, and the difference is written, with a note; a negative figure is\n"
      "refused, as the figure is what the period comes to).\n"
      "\n"
      "explain records an explanation (情况说明) of any indicator for a reporting\n"
      "period (--period, else the last one due at --date): --note says why it is\n"
      "behind, missed or unreported, --measures what is done about it. It is no\n"
      "figure and files no report; digests, plan due, show and status show it.\n"
      "\n"
      "Examples:\n"
      "  plan record jobs.urban_new 4210 --date 2019-03-31 --by 人社局 --note 快报\n"
      "  plan record 城镇新增就业人数 4210 --date 2019-03-31 --by 人社局\n"
      "  plan record jobs.urban_new -80 --date 2019-08-12 --by 人社局 \\\n"
      "      --note \"更正：重复统计\"\n"
      "  plan record unemployment.rate 1.9% --date 2019-06-30 --by 人社局\n"
      "  plan record hr.portal done --by 人社局\n"
      "  plan record jobs.reemployed explain --by 平望镇 --period 2019-06 \\\n"
      "      --note 6月企业用工统计延迟 --measures 7月15日前补报\n"
      "  plan record jobs.urban_new 300 --by 人社局 --file records/2019/q1.rec\n"
      "A figure of a scheduled indicator without --by, or by a unit that is not\n"
      "its reporter, counts but files no report: it is written, with a warning;\n"
      "so is a --period on an indicator without a schedule, which files nothing.");
  sub.callback([o, &g] {
    auto project = open_project(g);
    if (!project) return;
    const Plan& plan = project->plan;
    const Date now = today();
    const Date date = o->date.empty() ? now : parse_date_arg(o->date);
    // An id is ASCII: anything else names the indicator (城镇新增就业人数),
    // and the line written holds its id.
    if (std::any_of(o->id.begin(), o->id.end(), [](char c) { return (c & 0x80) != 0; }) &&
        !known_id(g, plan, o->id))
      return;
    EntryInput in{date.iso(), o->id, o->value, o->by, o->note, o->src, period_label_of(o->period),
                  o->measures};
    auto made = make_new_entry(in, plan, Location{}, now, o->force);
    if (!made) {
      Diagnostic& error = made.error();
      // The date the user did not type is the likeliest surprise.
      if (o->date.empty() && error.message.starts_with("date ")) {
        error.message += " (no --date given: today's date was used)";
        if (!error.message_zh.empty()) error.message_zh += "（未给 --date：用的是今天的日期）";
      }
      fail(g, error);
      return;
    }
    if (!o->file.empty()) {
      if (auto bad = project->paths.check_record_file(o->file)) {
        fail(g, *bad);
        return;
      }
    }
    AdmissionOptions options{o->allow_duplicates, o->force, "", reader_threads_wanted()};
    options.add = o->add;
    options.replace = o->replace;
    Admission admitted = admit(Env::posix(), project->paths.records_dir, plan,
                               {NewFigure{&made->entry, Location{}}}, options);
    const Diagnostics& judged = admitted.diags;
    if (const Diagnostic* refused = judged.first_error()) {
      fail(g, *refused);
      return;
    }
    if (const auto& earlier = admitted.replaces[0]) {
      std::optional<Entry> replacement = as_replacement(made->entry, *earlier);
      const Indicator& ind = plan.indicators[*indicator_index(plan, made->entry)];
      if (!replacement) {
        // A replacement is of a scheduled flow's period (refiling.h).
        auto period = period_of_entry(plan, ind, made->entry.date, made->entry.tag("period"));
        emit(g, fmt::format("nothing written: {} has {} for {} of {} already\n",
                            sanitize(made->entry.tag("by")), format_amount(*earlier, true),
                            period ? period_label(period_at(plan, ind, *period)) : "the period",
                            ind.id));
        return;
      }
      made->entry = std::move(*replacement);
      made->line = format_entry(made->entry, ind);
    }
    std::filesystem::path file = o->file.empty()
                                     ? project->paths.default_record_file(plan, o->by, date.year())
                                     : std::filesystem::path(o->file);
    if (Outcome written =
            append_lines(Env::posix(), project->paths.records_dir, file, {made->line});
        !written) {
      fail(g, written.error());
      return;
    }
    emit(g, sanitize(file.string()) + ": " + sanitize(made->line) + "\n");
    if (!made->warning.en.empty()) print_diagnostic(g, make_warning({}, made->warning));
    if (!made->period_warning.en.empty())
      print_diagnostic(g, make_warning({}, made->period_warning));
    for (const auto& d : judged.items())
      if (d.severity == Severity::warning) print_diagnostic(g, d);
  });
}

}  // namespace plan::cli
