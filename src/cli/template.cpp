#include <fmt/format.h>

#include "cli.h"
#include "file_replace.h"
#include "filings.h"
#include "schedule.h"
#include "template_sheet.h"
#include "text.h"

namespace plan::cli {

namespace {

// Why `name` cannot have a template: not a reporter (with "did you mean"),
// a group of them, or a unit that files nothing. Empty when it is a reporter.
Message not_a_reporter(const Plan& plan, const std::string& name) {
  if (plan.find_reporter(name)) return {};
  const std::string shown = sanitize(name);
  std::vector<std::string> members;
  for (const Reporter& r : plan.reporters)
    if (r.group == name) members.push_back(r.name);
  if (!members.empty())
    return {fmt::format("'{}' is a group of {} reporters ({}): a template is one reporter's; "
                        "name one, or use --each-unit",
                        shown, members.size(), join_names(members)),
            fmt::format("“{}”是 {} 个报送单位的统称（{}）：报表模板按单个报送单位生成；请指明其中"
                        "一个，或用 --each-unit",
                        shown, members.size(), join_names(members))};
  if (plan.knows_unit(name))
    return {"'" + shown + "' files no reports: it is not a [[reporter]] of the plan (plan due " +
                "lists who reports what)",
            "“" + shown + "”不报送任何数据：它不是本计划的报送单位（[[reporter]]；plan due " +
                "列出谁报送什么）"};
  return {"'" + shown + "' is not a reporter of the plan" + plan.did_you_mean_unit(name),
          "“" + shown + "”不是本计划的报送单位" + plan.did_you_mean_unit(name, true)};
}

}  // namespace

void setup_template(CLI::App& sub, Globals& g) {
  struct Options {
    std::string unit, period, format, file, dir;
    bool each_unit = false, bom = false;
  };
  auto o = std::make_shared<Options>();
  auto* unit = sub.add_option("--unit,--reporter", o->unit, "The reporter whose sheet to write")
                   ->type_name("REPORTER");
  sub.add_option("--period", o->period,
                 "The period: a month 2020-06, quarter 2020Q2, half-year 2020H1 or year 2020 "
                 "(or 2020年6月, 2020年第二季度, 2020年上半年, 2020年)")
      ->type_name("PERIOD")
      ->required();
  add_format_option(sub, o->format, "xlsx|csv", &o->file);
  sub.add_flag("--bom", o->bom, "Start the CSV with a UTF-8 byte order mark (for Excel)");
  auto* output =
      sub.add_option("--output,-o", o->file, "Write to FILE (replaced atomically; needed by xlsx)")
          ->type_name("FILE");
  auto* dir = sub.add_option("--output-dir", o->dir,
                             "Write DIR/<period>-<reporter>.<format> (DIR is made if missing)")
                  ->type_name("DIR")
                  ->excludes(output);
  sub.add_flag("--each-unit", o->each_unit,
               "With --output-dir: one sheet per reporter that owes a report of the period")
      ->needs(dir)
      ->excludes(unit);
  sub.footer(
      "The sheet a reporter fills in and sends back: one row per report it owes\n"
      "whose reporting period ends within --period (for 2020-06: June's 月报, and\n"
      "the 2020Q2 季报 and 2020H1 半年报 of indicators reported less often),\n"
      "reports already in the ledger left out, and those of earlier periods not in\n"
      "it asked for again. Columns id, name, unit, period,\n"
      "date (the period's last day), value (empty), note (empty), by (the\n"
      "reporter); headed in --lang, each a column plan import reads. Filled in\n"
      "and returned, it imports unchanged; rows left without a value are skipped\n"
      "by the import and stay owed. A reporter that owes nothing for the period\n"
      "gets no sheet: said on stderr, exit 1 (nothing written).\n"
      "Examples:\n"
      "  plan template --unit 平望镇 --period 2020-06 -o 平望镇-2020-06.xlsx\n"
      "  plan template --each-unit --period 2020Q2 --output-dir out/\n"
      "  plan template --unit 人社局 --period 2020 --format csv --bom > 人社局.csv");
  sub.callback([o, &g] {
    if (o->unit.empty() && !o->each_unit) {
      fail(g, make_usage_error(Message{"name the reporter: --unit REPORTER, or --each-unit",
                                       "请指明报送单位：--unit REPORTER，或 --each-unit"}));
      return;
    }
    auto project = open_project(g);
    if (!project) return;
    const Plan& plan = project->plan;
    auto period = named_period(period_label_of(o->period));
    if (!period) {
      fail(g, make_usage_error(Message{"--period '" + o->period +
                                           "' is not a period: 2020-06, 2020Q2, 2020H1 or 2020 (or "
                                           "2020年6月, 2020年第二季度, 2020年上半年, 2020年)",
                                       "--period“" + o->period +
                                           "”不是报送期：应为 2020-06、2020Q2、2020H1 或 2020（或 "
                                           "2020年6月、2020年第二季度、2020年上半年、2020年）"}));
      return;
    }
    if (period->last < plan.start || period->first > plan.end) {
      fail(g,
           make_usage_error(Message{fmt::format("period {} is outside the plan ({} to {})",
                                                period->label, plan.start.iso(), plan.end.iso()),
                                    fmt::format("报送期 {} 不在计划期（{} 至 {}）之内",
                                                period->label, plan.start.iso(), plan.end.iso())}));
      return;
    }
    if (plan.reporters.empty()) {
      fail(g, make_usage_error(Message{
                  "the plan names no [[reporter]]: a template follows who reports "
                  "what (plan-file(5))",
                  "计划没有列出 [[reporter]]：填报模板按谁报送什么生成（见 plan-file(5)）"}));
      return;
    }
    if (!o->unit.empty()) {
      if (Message why = not_a_reporter(plan, o->unit); !why.en.empty()) {
        fail(g, make_usage_error(why));
        return;
      }
    }
    const bool xlsx = o->format == "xlsx";
    if (xlsx && o->file.empty() && o->dir.empty()) {
      fail(g, make_usage_error(Message{
                  "--format xlsx writes a workbook: give --output FILE.xlsx (or --output-dir DIR)",
                  "--format xlsx 写出工作簿：请给出 --output FILE.xlsx（或 --output-dir DIR）"}));
      return;
    }
    // Every entry counts as filed, whatever its date: the as-of date is past
    // any report's.
    Filings filings(plan, Date::from_ymd(9999, 12, 31));
    if (!read_ledger(g, *project, {}, [&](const Entry& e) { filings.add(e); })) return;

    const bool zh = use_chinese(g);
    auto render = [&](const TemplateSheet& s) -> std::optional<std::string> {
      Table t = template_table(s, zh);
      if (!xlsx) {
        RenderOptions ro;
        ro.bom = o->bom;
        return render_delimited(t, ',', ro);
      }
      // The document time is the period's last day: the same bytes every run.
      XlsxBook book = one_sheet(plan, period->last, period->label.c_str(), period->label.c_str());
      book.show_as_of = false;  // a row of two cells above the header would read as one
      book.zh = zh;
      book.sheets[0].table = &t;
      Expected<std::string> bytes = workbook_module().render_xlsx(book);
      if (!bytes) {
        fail(g, bytes.error());
        return std::nullopt;
      }
      return std::move(*bytes);
    };
    auto nothing = [&](const TemplateSheet& s) {
      if (zh)
        return s.filed == 0 ? fmt::format("{} 在 {} 无须报送：其报告的报送期都不在此期结束",
                                          s.reporter, s.period.label)
                            : fmt::format("{} 在 {} 无须报送：{} 份报告均已入账", s.reporter,
                                          s.period.label, s.filed);
      return s.filed == 0 ? fmt::format("{} owes no report for {}: none of its reports ends in it",
                                        s.reporter, s.period.label)
                          : fmt::format("{} owes no report for {}: its {} {} in the ledger",
                                        s.reporter, s.period.label, s.filed,
                                        s.filed == 1 ? "report is already" : "reports are all");
    };
    const std::string ext = xlsx ? "xlsx" : "csv";
    // Made before the first file is written, not before: a run that writes
    // none (nothing owed, no workbook module) leaves no empty folder.
    const std::filesystem::path folder = o->dir;
    bool folder_made = false;
    auto folder_ready = [&] {
      return folder_made || (folder_made = make_output_folder(g, folder));
    };

    if (!o->each_unit) {
      TemplateSheet s = build_template(plan, filings, o->unit, *period);
      if (s.rows.empty()) {
        fail(g, make_error({}, nothing(s)));
        return;
      }
      auto bytes = render(s);
      if (!bytes) return;
      if (!o->dir.empty()) {
        if (folder_ready())
          write_output_file(g, (folder / template_file_name(*period, o->unit, ext)).string(),
                            *bytes);
      } else if (!o->file.empty())
        write_output_file(g, o->file, *bytes);
      else
        emit(g, *bytes);
      return;
    }
    std::string written, idle;
    int files = 0;
    for (const Reporter& r : plan.reporters) {
      TemplateSheet s = build_template(plan, filings, r.name, *period);
      if (s.rows.empty()) {
        idle += (idle.empty() ? "" : "、") + r.name;
        continue;
      }
      auto bytes = render(s);
      if (!bytes) return;
      std::filesystem::path file = folder / template_file_name(*period, r.name, ext);
      if (!folder_ready() || !write_output_file(g, file.string(), *bytes)) return;
      written += fmt::format("{} ({} report{})\n", sanitize(file.string()), s.rows.size(),
                             s.rows.size() == 1 ? "" : "s");
      ++files;
    }
    if (!idle.empty())
      print_message(fmt::format("no report owed for {} by {}", period->label, idle));
    if (files == 0) {
      fail(g, make_error(
                  {}, "no reporter owes a report for " + period->label + ": no template written"));
      return;
    }
    emit(g, written);
  });
}

}  // namespace plan::cli
