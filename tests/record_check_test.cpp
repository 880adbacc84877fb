#include "record_check.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "mini_fixture.h"
#include "plan_loader.h"

namespace plan {

using testing::day;
using testing::make_entry;
using testing::mini_plan;

namespace {

struct Checker {
  Diagnostics diags;
  RecordChecker check;
  explicit Checker(const char* today = "2020-06-30", const Plan& plan = mini_plan())
      : check(plan, day(today), diags) {}
  void add(const char* file, int line, const char* date, const char* id, const char* value,
           const char* by = "") {
    check.add(make_entry(date, id, value, by, {file, line, 1}));
  }
  std::vector<std::string> headlines(bool chinese = false) const {
    std::vector<std::string> out;
    for (const auto& d : diags.items()) out.push_back(d.headline(chinese));
    return out;
  }
};

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a double entry names the first one's line") {
  Checker c;
  c.add("records/a.rec", 3, "2019-06-30", "jobs.urban_new", "9000", "人社局");
  c.add("records/a.rec", 4, "2019-06-30", "jobs.urban_new", "500", "人社局");
  c.add("records/a.rec", 9, "2019-06-30", "jobs.urban_new", "9000", "人社局");
  CHECK(c.headlines() == Lines{"records/a.rec:9:1: warning: same date, id, value and by= as line "
                               "3: entered twice?"});
  CHECK(c.diags.warning_count() == 1);
  CHECK_FALSE(c.diags.has_errors());
}

TEST_CASE("a figure by a unit that does not report the indicator files no report: a warning") {
  // tests/fixtures/template.toml: jobs.towns is reported by 镇甲 and 镇乙 (the
  // group 各区镇); 教育局 is a unit of the plan that reports only grads.y;
  // award is ad hoc, reported by no one.
  Diagnostics loading;
  auto loaded = load_plan(Env::posix(), PLAN_SOURCE_DIR "/tests/fixtures/template.toml", loading);
  REQUIRE(loaded);
  Diagnostics diags;
  RecordChecker check(*loaded, day("2020-06-30"), diags);
  auto add = [&](int line, const char* id, const char* by) {
    Entry e = make_entry("2019-07-03", id, std::to_string(line).c_str(), by, {"r.rec", line, 1});
    check.add(e);
  };
  add(1, "jobs.towns", "镇甲");    // its reporter
  add(2, "jobs.towns", "教育局");  // a unit, not its reporter
  add(3, "jobs.towns", "各区镇");  // the group, not one reporter
  add(4, "jobs.towns", "");        // no by=: a figure of no one's
  add(5, "grads.y", "教育局");     // its reporter
  add(6, "award", "教育局");       // ad hoc: no report is owed
  add(7, "jobs.towns", "教育局");  // named once a file
  check.begin_file(1, "s.rec", diags);
  Entry again = make_entry("2019-07-04", "jobs.towns", "8", "教育局", {"s.rec", 1, 1});
  check.add(again);  // another file: named again
  std::vector<std::string> lines;
  for (const auto& d : diags.items()) lines.push_back(d.headline());
  CHECK(lines ==
        std::vector<std::string>{
            "r.rec:2:1: warning: 教育局 is not a reporter of jobs.towns: the figure counts, "
            "but files no report; plan due still asks 镇甲、镇乙; named once a file",
            "r.rec:3:1: warning: 各区镇 is not a reporter of jobs.towns: the figure counts, "
            "but files no report; plan due still asks 镇甲、镇乙; named once a file",
            "s.rec:1:1: warning: 教育局 is not a reporter of jobs.towns: the figure counts, "
            "but files no report; plan due still asks 镇甲、镇乙; named once a file"});
  CHECK(diags.items().front().headline(true) ==
        "r.rec:2:1: 警告：教育局不是 jobs.towns 的报送单位：数据计入，但不算报送；"
        "plan due 仍向镇甲、镇乙催报（每个文件只提示一次）");
}

TEST_CASE("the same figure for two periods is two reports, not a double entry") {
  Checker c("2020-06-30", testing::cycle_plan());  // monthly reports by 人社局
  Entry may = make_entry("2019-07-04", "jobs.urban_new", "33", "人社局", {"r.rec", 1, 1});
  may.tags.emplace_back("period", "2019-05");
  Entry june = may;
  june.tags.back().second = "2019-06";
  june.where.line = 2;
  Entry june_again = june;
  june_again.where.line = 3;
  c.check.add(may);
  c.check.add(june);
  c.check.add(june_again);
  CHECK(c.headlines() ==
        Lines{"r.rec:3:1: warning: same date, id, value and by= as line 2: entered twice?"});
}

TEST_CASE("double entries are found however many entries a file holds") {
  // 5,000 distinct values fill the fingerprint table past several
  // growths; the copies of the first and the 4,000th entry are then found
  // at their own lines (5,002 and 5,003), naming the originals (1 and 4,000).
  Checker c;
  for (int i = 1; i <= 5000; ++i)
    c.add("r.rec", i, "2019-01-01", "skills.total", std::to_string(i).c_str());
  c.add("r.rec", 5001, "2019-01-01", "skills.total", "5001");
  c.add("r.rec", 5002, "2019-01-01", "skills.total", "1");
  c.add("r.rec", 5003, "2019-01-01", "skills.total", "4000");
  CHECK(c.headlines() ==
        Lines{"r.rec:5002:1: warning: same date, id, value and by= as line 1: entered twice?",
              "r.rec:5003:1: warning: same date, id, value and by= as line 4000: entered twice?"});
}

TEST_CASE("double entries are looked for in a window of a file's last entries") {
  // W = kSeenWindow distinct entries (lines 1..W) fill the newer
  // generation; the copy of line 1 at line W+1 is still found. From line
  // W+2 on, W more distinct entries (W+2 .. 2W+1) push lines 1..W into the
  // older generation; the next new entry (line 2W+2) drops them. So at
  // line 2W+3 a copy of line 2 is no longer found, while one of line W+5
  // still is.
  const int w = static_cast<int>(RecordChecker::kSeenWindow);
  Checker c;
  for (int i = 1; i <= w; ++i)
    c.add("r.rec", i, "2019-01-01", "skills.total", std::to_string(i).c_str());
  c.add("r.rec", w + 1, "2019-01-01", "skills.total", "1");
  for (int i = w + 2; i <= 2 * w + 2; ++i)
    c.add("r.rec", i, "2019-01-01", "skills.total", std::to_string(i).c_str());
  c.add("r.rec", 2 * w + 3, "2019-01-01", "skills.total", "2");
  c.add("r.rec", 2 * w + 4, "2019-01-01", "skills.total", std::to_string(w + 5).c_str());
  CHECK(c.headlines() ==
        Lines{"r.rec:" + std::to_string(w + 1) +
                  ":1: warning: same date, id, value and by= as line 1: entered twice?",
              "r.rec:" + std::to_string(2 * w + 4) + ":1: warning: same date, id, value and by= " +
                  "as line " + std::to_string(w + 5) + ": entered twice?"});
}

TEST_CASE("double entries are looked for within each file") {
  Checker c;
  c.add("records/a.rec", 3, "2019-06-30", "unemployment.rate", "1.9", "人社局");
  c.add("records/b.rec", 7, "2019-06-30", "unemployment.rate", "1.9", "人社局");   // other file
  c.add("records/b.rec", 8, "2019-06-30", "unemployment.rate", "1.90", "人社局");  // = b:7
  c.add("records/b.rec", 9, "2019-12-31", "unemployment.rate", "2", "人社局");
  c.add("records/b.rec", 10, "2019-12-31", "unemployment.rate", "2.0", "人社局");  // = b:9
  CHECK(c.headlines() ==
        Lines{"records/b.rec:8:1: warning: same date, id, value and by= as line 7: entered twice?",
              "records/b.rec:10:1: warning: same date, id, value and by= as line 9: entered "
              "twice?"});
}

TEST_CASE("a third copy is compared with the first") {
  Checker c;
  c.add("r.rec", 1, "2019-01-01", "skills.total", "5");
  c.add("r.rec", 2, "2019-01-01", "skills.total", "5");
  c.add("r.rec", 3, "2019-01-01", "skills.total", "5");
  CHECK(c.headlines() ==
        Lines{"r.rec:2:1: warning: same date, id, value and by= as line 1: entered twice?",
              "r.rec:3:1: warning: same date, id, value and by= as line 1: entered twice?"});
}

TEST_CASE("entries that differ in by, value, date, id or state are not doubles") {
  Checker c;
  c.add("r.rec", 1, "2019-06-30", "jobs.urban_new", "9000", "人社局");
  c.add("r.rec", 2, "2019-06-30", "jobs.urban_new", "9000", "财政局");   // by
  c.add("r.rec", 3, "2019-06-30", "jobs.urban_new", "9000");             // no by
  c.add("r.rec", 4, "2019-06-30", "jobs.urban_new", "-9000", "人社局");  // value
  c.add("r.rec", 5, "2019-07-01", "jobs.urban_new", "9000", "人社局");   // date
  c.add("r.rec", 6, "2019-06-30", "skills.total", "9000", "人社局");     // id
  c.add("r.rec", 7, "2019-06-30", "hr.portal", "done", "人社局");
  c.add("r.rec", 8, "2019-06-30", "hr.portal", "undone", "人社局");  // state
  CHECK(c.headlines().empty());
}

TEST_CASE("other tags do not matter; field boundaries do") {
  Checker c;
  Entry a = make_entry("2019-06-30", "skills.total", "1", "人社局", {"r.rec", 1, 1});
  Entry b = make_entry("2019-06-30", "skills.total", "1", "人社局", {"r.rec", 2, 1});
  b.tags.emplace_back("note", "a note does not matter");
  c.check.add(a);
  c.check.add(b);
  // Value 1 by=2 and value 12 with no by are the same characters in a row;
  // they are not the same entry.
  c.add("r.rec", 3, "2019-06-30", "skills.total", "1", "2");
  c.add("r.rec", 4, "2019-06-30", "skills.total", "12");
  // (by=2 names no unit: warned of, at column 1 as the entry is built by hand.)
  CHECK(c.headlines() ==
        Lines{"r.rec:2:1: warning: same date, id, value and by= as line 1: entered twice?",
              "r.rec:3:1: warning: unknown unit '2'"});
}

TEST_CASE("a flow outside the plan period counts toward no figure") {
  Checker c("2021-06-30");
  c.add("r.rec", 1, "2017-12-31", "jobs.urban_new", "100");
  c.add("r.rec", 2, "2018-01-01", "jobs.urban_new", "100");
  c.add("r.rec", 3, "2020-12-31", "jobs.urban_new", "100");
  c.add("r.rec", 4, "2021-01-01", "skills.leaders", "1");
  CHECK(c.headlines() ==
        Lines{"r.rec:1:1: warning: 2017-12-31 is outside the plan period 2018-01-01 … "
              "2020-12-31; it counts toward no figure of jobs.urban_new",
              "r.rec:4:1: warning: 2021-01-01 is outside the plan period 2018-01-01 … "
              "2020-12-31; it counts toward no figure of skills.leaders"});
}

TEST_CASE("a figure for a period before the plan's counts toward no figure") {
  // The cycle plan (tests/fixtures/cycle.toml) runs through 2019 and its
  // indicators report monthly. period=2018-12 dated 8 January 2019:
  // December 2018's report, filed late; the ledger counts it as of
  // 2018-12-31 (count_date.h). 2019-01 dated in February is the plan's; an
  // explanation of 2018-12 is no figure. A label of another frequency
  // (2018Q4, 2019H1) names no period of the schedule: warned of, and the
  // figure counts on its date (so 2018Q4's is no "before the plan").
  Checker c("2021-06-30", testing::cycle_plan());
  const auto add = [&](int line, const char* date, const char* period, bool explanation) {
    Entry e =
        make_entry(date, "jobs.urban_new", std::to_string(line).c_str(), "", {"r.rec", line, 1});
    e.tags.emplace_back("period", period);
    e.is_explanation = explanation;
    c.check.add(e);
  };
  add(1, "2019-01-08", "2018-12", false);
  add(2, "2019-02-08", "2019-01", false);
  add(3, "2019-01-09", "2018-12", true);
  add(4, "2019-01-10", "2018Q4", false);
  add(5, "2019-07-05", "2019H1", false);
  CHECK(c.headlines() ==
        Lines{"r.rec:1:1: warning: period 2018-12 is before the plan period 2019-01-01 … "
              "2019-12-31; it counts toward no figure of jobs.urban_new",
              "r.rec:4:1: warning: period 2018Q4 is not a monthly reporting period of "
              "jobs.urban_new: it files no report, and the figure counts on its date",
              "r.rec:5:1: warning: period 2019H1 is not a monthly reporting period of "
              "jobs.urban_new: it files no report, and the figure counts on its date"});
}

TEST_CASE("a period= that names no period, or is on an indicator without a schedule") {
  // period=2019-6 (for 2019-06) or foo is no label: the figure files no
  // report and counts on its date, and the report it was meant for stays
  // owed, with nothing said but here. The mini plan's indicators have no
  // schedule: a label on a figure of theirs files nothing either (2017Q4's
  // figure, dated 8 January 2018, counts in 2018), while an explanation may
  // name any period it is about.
  Checker c("2021-06-30", testing::cycle_plan());
  const auto add = [&](Checker& to, int line, const char* period, bool explanation) {
    Entry e = make_entry("2019-07-08", "jobs.urban_new", std::to_string(line).c_str(), "",
                         {"r.rec", line, 1});
    e.tags.emplace_back("period", period);
    e.is_explanation = explanation;
    if (explanation) e.tags.emplace_back("note", "延迟");
    to.check.add(e);
  };
  add(c, 1, "2019-6", false);
  add(c, 2, "foo", true);
  add(c, 3, "2019-06", false);  // the label it meant: nothing to say
  CHECK(c.headlines() ==
        Lines{"r.rec:1:1: warning: period '2019-6' names no reporting period (2019-06, 2019Q2, "
              "2019H1 or 2019): it files no report, and the figure counts on its date",
              "r.rec:2:1: warning: period 'foo' names no reporting period (2019-06, 2019Q2, "
              "2019H1 or 2019): the explanation is of no period"});
  CHECK(c.diags.items()[0].message_zh ==
        "报送期“2019-6”写法不对（应如 2019-06、2019Q2、2019H1 或 "
        "2019）：不计为报送，按填报日期计入");

  Checker m("2021-06-30");
  Entry e = make_entry("2018-01-08", "jobs.urban_new", "5", "", {"m.rec", 1, 1});
  e.tags.emplace_back("period", "2017Q4");
  m.check.add(e);
  add(m, 2, "2019Q2", true);
  add(m, 3, "bar", true);
  CHECK(m.headlines() ==
        Lines{"m.rec:1:1: warning: period 2017Q4 files nothing: jobs.urban_new has no reporting "
              "schedule, and its figure counts on its date",
              "r.rec:3:1: warning: period 'bar' names no reporting period (2019-06, 2019Q2, "
              "2019H1 or 2019): the explanation is of no period"});
}

TEST_CASE("a level or milestone outside the period still counts as the latest entry") {
  // The ledger keeps readings of any date: the latest counts (SPEC §5), and
  // the year before the period is the first year's baseline. Saying "counts
  // toward no figure" would be wrong.
  Checker c("2021-06-30");
  c.add("r.rec", 1, "2017-12-31", "unemployment.rate", "2.4");
  c.add("r.rec", 2, "2021-01-01", "hr.portal", "done");
  CHECK(c.headlines() ==
        Lines{"r.rec:1:1: warning: 2017-12-31 is outside the plan period 2018-01-01 … "
              "2020-12-31; it still counts while it is the latest entry of unemployment.rate",
              "r.rec:2:1: warning: 2021-01-01 is outside the plan period 2018-01-01 … "
              "2020-12-31; it still counts while it is the latest entry of hr.portal"});
}

TEST_CASE("a period= that begins after the entry's date, or is not over on it") {
  // 2019-07 begins on 1 July: a figure for it dated 30 June is a typo in the
  // date or the period; one dated 1 July is a report before its month is
  // over (it would mark July's report in); one dated 12 August, filed after
  // the month, is right. A label that is no period (July) is the next
  // test's. An explanation may come before its period is over.
  // cycle.toml: jobs.urban_new reports monthly in 2019.
  {
    Checker r("2020-06-30", testing::cycle_plan());
    Entry e = make_entry("2019-07-01", "jobs.urban_new", "1", "", {"r.rec", 2, 1});
    e.tags.emplace_back("period", "2019-07");
    r.check.add(e);
    // 2019Q3 is no monthly period: it files nothing, so that it is not over
    // on 1 August is no matter either, and only that is said.
    Entry q = make_entry("2019-08-01", "jobs.urban_new", "2", "", {"r.rec", 3, 1});
    q.tags.emplace_back("period", "2019Q3");
    r.check.add(q);
    CHECK(r.headlines() ==
          Lines{"r.rec:2:1: warning: period 2019-07 is not over on 2019-07-01 "
                "(it ends 2019-07-31); a report is dated after its period",
                "r.rec:3:1: warning: period 2019Q3 is not a monthly reporting period of "
                "jobs.urban_new: it files no report, and the figure counts on its date"});
  }
  // The mini plan's jobs.urban_new has no schedule: its label files no
  // report, so a period not over is no matter (line 2), while one that
  // begins after the date is still a typo.
  Checker c("2020-06-30");
  const auto add = [&](int line, const char* date, const char* period) {
    // Each its own amount: same date and value would be "entered twice?".
    Entry e =
        make_entry(date, "jobs.urban_new", std::to_string(line).c_str(), "", {"r.rec", line, 1});
    e.tags.emplace_back("period", period);
    c.check.add(e);
  };
  add(1, "2019-06-30", "2019-07");
  add(2, "2019-07-01", "2019-07");
  add(3, "2019-08-12", "2019-07");
  add(4, "2019-03-31", "2019Q2");
  add(5, "2019-12-31", "2020");
  add(6, "2019-06-30", "July");
  add(7, "2019-12-31", "2019");  // the year's last day: over
  Entry why = make_entry("2019-07-20", "jobs.urban_new", "0", "", {"r.rec", 8, 1});
  why.is_explanation = true;
  why.tags.emplace_back("note", "延迟");
  why.tags.emplace_back("period", "2019-07");
  c.check.add(why);
  // The mini plan has no schedule, so that each figure's label also "files
  // nothing" (the next test's): left out here.
  Lines dated;
  for (const auto& h : c.headlines())
    if (h.find("files nothing") == std::string::npos) dated.push_back(h);
  CHECK(c.diags.warning_count() == dated.size() + 6);
  CHECK(dated ==
        Lines{"r.rec:1:1: warning: period 2019-07 begins after the date 2019-06-30 (a figure "
              "is dated the day it came in)",
              "r.rec:4:1: warning: period 2019Q2 begins after the date 2019-03-31 (a figure "
              "is dated the day it came in)",
              "r.rec:5:1: warning: period 2020 begins after the date 2019-12-31 (a figure is "
              "dated the day it came in)",
              "r.rec:6:1: warning: period 'July' names no reporting period (2019-06, 2019Q2, "
              "2019H1 or 2019): it files no report, and the figure counts on its date"});
}

TEST_CASE("a date after today") {
  Checker c("2019-06-30");
  c.add("r.rec", 1, "2019-06-30", "jobs.urban_new", "1");  // today itself is fine
  c.add("r.rec", 2, "2019-07-01", "jobs.urban_new", "2");
  CHECK(c.headlines() ==
        Lines{"r.rec:2:1: warning: 2019-07-01 is in the future (today is 2019-06-30)"});
}

TEST_CASE("outside the period and in the future: both warnings, period first") {
  Checker c("2020-06-30");
  c.add("r.rec", 5, "2021-02-01", "jobs.urban_new", "1");
  CHECK(c.headlines() ==
        Lines{"r.rec:5:1: warning: 2021-02-01 is outside the plan period 2018-01-01 … "
              "2020-12-31; it counts toward no figure of jobs.urban_new",
              "r.rec:5:1: warning: 2021-02-01 is in the future (today is 2020-06-30)"});
}

TEST_CASE("check's warnings and errors in Chinese") {
  Checker c("2020-06-30");
  c.add("r.rec", 1, "2017-12-31", "jobs.urban_new", "100");
  c.add("r.rec", 2, "2017-12-31", "unemployment.rate", "2.4");
  c.add("r.rec", 3, "2020-07-01", "jobs.urban_new", "5");
  c.add("r.rec", 4, "2019-06-30", "jobs.urban_new", "9", "人社局");
  c.add("r.rec", 5, "2019-06-30", "jobs.urban_new", "9", "人社局");
  CHECK(c.headlines(true) ==
        Lines{"r.rec:1:1: 警告：2017-12-31 不在计划期 2018-01-01 … 2020-12-31 内；"
              "不计入 jobs.urban_new 的任何合计",
              "r.rec:2:1: 警告：2017-12-31 不在计划期 2018-01-01 … 2020-12-31 内；"
              "在它仍是 unemployment.rate 的最新一条时照样计入",
              "r.rec:3:1: 警告：2020-07-01 晚于今天（今天是 2020-06-30）",
              "r.rec:5:1: 警告：日期、指标、数值和 by= 与第 4 行相同：重复录入？"});

  // Figures beyond the limit (the errors; they are implausible too).
  Checker big("2020-06-30");
  big.add("r.rec", 1, "2019-03-31", "unemployment.rate", "5000000000000");
  big.add("r.rec", 2, "2019-03-31", "jobs.urban_new", "4000000000000");
  big.add("r.rec", 3, "2019-04-30", "jobs.urban_new", "4000000000000");
  Lines errors;
  for (const auto& d : big.diags.items())
    if (d.severity == Severity::error) errors.push_back(d.headline(true));
  CHECK(errors == Lines{"r.rec:1:1: unemployment.rate 的读数过大（最大 4,611,686,018,427.387903）",
                        "r.rec:3:1: jobs.urban_new 的合计可能溢出：各条数据加起来超过 "
                        "4,611,686,018,427.387903"});

  Checker cycle("2021-06-30", testing::cycle_plan());
  Entry before = make_entry("2019-01-08", "jobs.urban_new", "1", "", {"r.rec", 1, 1});
  before.tags.emplace_back("period", "2018-12");
  cycle.check.add(before);
  CHECK(cycle.headlines(true) ==
        Lines{"r.rec:1:1: 警告：报送期 2018-12 在计划期 2019-01-01 … 2019-12-31 之前；"
              "不计入 jobs.urban_new 的任何合计"});
}

namespace {

// Parses each line as the next line of r.rec and feeds it to a checker.
Lines check_lines(const std::vector<std::string>& lines) {
  Checker c;
  int n = 0;
  for (const auto& line : lines) {
    Entry e;
    auto kind = parse_line(line, mini_plan(), Location{"r.rec", ++n, 0}, &e);
    REQUIRE_MESSAGE(kind, line);
    c.check.add(e);
  }
  return c.headlines();
}

}  // namespace

TEST_CASE("an unknown by= is a warning at its value's column, with did you mean") {
  // mini.toml's units are 人社局, 财政局 and 教育局. 人设局 is one character
  // from 人社局 and two from the others (a limit of max(1, 3 / 3) = 1).
  // Line 2, by hand: "2019-06-30" is columns 1-10, two spaces, the id
  // "jobs.urban_new" 13-26, two spaces, "10" 29-30, two spaces, "by=" 33-35:
  // the value starts at column 36.
  // Line 3: "note=补报" is columns 33-39 (seven code points, nine bytes), two
  // spaces, "by=" 42-44: the value starts at 45 (a byte count would say 49).
  // Line 4: quoted, the column is the opening quote's, 36.
  CHECK(check_lines({"2019-06-30  jobs.urban_new  10  by=人社局",
                     "2019-06-30  jobs.urban_new  10  by=人设局",
                     "2019-06-30  jobs.urban_new  11  note=补报  by=人设局",
                     "2019-06-30  jobs.urban_new  12  by=\"某某办\""}) ==
        Lines{"r.rec:2:36: warning: unknown unit '人设局'; did you mean '人社局'?",
              "r.rec:3:45: warning: unknown unit '人设局'; did you mean '人社局'?",
              "r.rec:4:36: warning: unknown unit '某某办'"});
}

TEST_CASE("an implausible figure is named at its value's column") {
  // "2019-06-30" and two spaces are 12 columns, "unemployment.rate" 17 and a
  // tab one: the value at 31; "graduates.rate" is 14, then two spaces: 29.
  CHECK(check_lines({"2019-03-31  unemployment.rate  1.8", "2019-06-30  unemployment.rate\t0.018",
                     "2019-12-31  graduates.rate  952"}) ==
        Lines{"r.rec:2:31: warning: value 0.018 of unemployment.rate is 100 times smaller than "
              "the smallest of its entries before it in this file (1.8 %); is it in another unit "
              "(a fraction for a percent, 万 left out)?",
              "r.rec:3:29: warning: value 952 of graduates.rate is outside 0 to 100 and it is a "
              "percentage"});
}

TEST_CASE("an unknown by= is a warning, not an error: the ledger still computes") {
  Checker c;
  c.add("r.rec", 1, "2019-06-30", "jobs.urban_new", "10", "人设局");
  c.add("r.rec", 2, "2019-06-30", "jobs.urban_new", "10", "财政局");  // a unit, no lead
  CHECK(c.diags.warning_count() == 1);
  CHECK_FALSE(c.diags.has_errors());
}

}  // namespace plan

namespace plan {

TEST_CASE("implausible figures are warnings, judged against the entries read before") {
  Checker c;
  c.add("records/a.rec", 1, "2019-03-31", "unemployment.rate", "1.8");
  c.add("records/a.rec", 2, "2019-06-30", "unemployment.rate", "0.018");  // 1.8 / 0.018 = 100
  c.add("records/a.rec", 3, "2019-09-30", "unemployment.rate", "2.0");
  c.add("records/a.rec", 4, "2019-12-31", "graduates.rate", "952");  // a % above 100
  // The doubtful 0.018 did not join the range: 0.1 × 20 = 2 > 1.8 passes.
  c.add("records/a.rec", 5, "2020-03-31", "unemployment.rate", "0.1");
  CHECK(c.headlines() ==
        Lines{"records/a.rec:2:1: warning: value 0.018 of unemployment.rate is 100 times smaller "
              "than the smallest of its entries before it in this file (1.8 %); is it in another "
              "unit (a fraction "
              "for a percent, 万 left out)?",
              "records/a.rec:4:1: warning: value 952 of graduates.rate is outside 0 to 100 and it "
              "is a percentage"});
}

}  // namespace plan

namespace plan {

TEST_CASE("double entries as exact keys would find them, across files and windows") {
  // Entries of three files fed as the reader feeds them (begin_file, then
  // the file's entries), many of them copies of an earlier entry of the
  // same file at distances around the window's bounds (W and 2W entries
  // remembered, as the window test above describes; some 3W lines, as
  // about a third of the lines are copies that add nothing) or of another file. The warnings must
  // be those of the same two generations kept as exact (date, id, value, by) keys: what the
  // fingerprints and their table could get wrong (a collision, a slot lost in growing or clearing,
  // a file's keys left for the next) would show here. Values stay within 100 … 999 of one unit and
  // dates in the period, so no other warning comes but unknown units.
  const Plan& p = mini_plan();
  const std::size_t w = RecordChecker::kSeenWindow;
  Diagnostics diags;
  RecordChecker check(p, day("2020-12-31"), diags);
  std::vector<std::string> expected;
  std::uint64_t seed = 99;
  auto next = [&] {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return seed >> 33;
  };
  const char* ids[] = {"jobs.urban_new", "skills.leaders", "skills.total", "skills.high",
                       "hr.portal"};
  const char* bys[] = {"人社局", "财政局", "", "某某办", "教育局", "人设局"};
  using Key = std::tuple<int, std::string, std::string, std::string>;  // date, id, value, by
  std::vector<Entry> previous_file;
  int from_older = 0, forgotten = 0;  // copies found in the older generation, or no longer
  for (int file = 0; file < 3; ++file) {
    const std::string name = "r" + std::to_string(file) + ".rec";
    Diagnostics file_diags;
    check.begin_file(static_cast<std::size_t>(file), name, file_diags);
    std::map<Key, int> newer, older;
    std::set<Key> in_file;
    std::vector<Entry> entries;
    const int count = file == 1 ? static_cast<int>(4 * w) : 3000;
    for (int line = 1; line <= count; ++line) {
      Entry e;
      const auto pick = next() % 10;
      if (pick < 3 && !entries.empty()) {
        // A copy from a distance around 1, W or 2W back, or anywhere.
        static const std::size_t offsets[] = {1, 2, 3};
        std::size_t back;
        switch (next() % 4) {
          case 0:
            back = offsets[next() % 3];
            break;
          case 1:
            back = w - 2 + next() % 5;
            break;
          case 2:
            back = 2 * w - 2 + next() % 5;
            break;
          default:
            back = 1 + next() % entries.size();
            break;
        }
        e = entries[entries.size() - std::min(back, entries.size())];
      } else if (pick == 3 && !previous_file.empty()) {
        e = previous_file[next() % previous_file.size()];  // the same figure, another file
      } else {
        const char* id = ids[next() % 5];
        const std::string value = std::string(id) == "hr.portal"
                                      ? (next() % 2 ? "done" : "undone")
                                      : std::to_string(100 + next() % 900);
        e = make_entry("2019-01-01", id, value.c_str(), bys[next() % 6]);
        e.date = Date::from_days(e.date.days_since_epoch() + static_cast<int>(next() % 700));
        if (next() % 2) e.indicator = *p.index_of(e.id);
      }
      e.where = Location{name, line, 1};
      entries.push_back(e);
      // The reference: exact keys, the same two generations.
      const std::string by(e.tag("by"));
      if (!by.empty() && !p.knows_unit(by))
        expected.push_back(name + ":" + std::to_string(line) + ":1: warning: unknown unit '" + by +
                           "'" + p.did_you_mean_unit(by));
      Key key{e.date.days_since_epoch(), e.id,
              e.is_state ? (e.done ? "done" : "undone") : e.amount.to_string(), by};
      std::optional<int> first;
      if (auto it = older.find(key); it != older.end()) {
        first = it->second;
        ++from_older;
      }
      if (auto it = newer.find(key); it != newer.end()) first = it->second;
      if (!first && !in_file.insert(key).second) ++forgotten;
      if (first) {
        expected.push_back(name + ":" + std::to_string(line) +
                           ":1: warning: same date, id, value and by= as line " +
                           std::to_string(*first) + ": entered twice?");
      } else {
        if (newer.size() == w) {
          older = std::move(newer);
          newer.clear();
        }
        newer.emplace(key, line);
      }
      check.add(e);
    }
    for (const auto& d : file_diags.items()) diags.add(d);
    previous_file = std::move(entries);
  }
  std::vector<std::string> got;
  for (const auto& d : diags.items()) got.push_back(d.headline());
  CHECK(got.size() == expected.size());
  for (std::size_t i = 0; i < std::min(got.size(), expected.size()); ++i)
    REQUIRE_MESSAGE(got[i] == expected[i], i);
  // The cases the test is for did come up: doubles beyond the window, and
  // repeats in the second generation.
  auto count = [&](const char* needle) {
    return std::count_if(got.begin(), got.end(),
                         [&](const std::string& h) { return h.find(needle) != h.npos; });
  };
  CHECK(count("entered twice") > 10000);
  CHECK(from_older > 1000);
  CHECK(forgotten > 1000);
  CHECK(count("unknown unit") > 1000);
}

}  // namespace plan

namespace plan {

TEST_CASE("an entry's indicator index is trusted only when it names the entry's id") {
  // graduates.rate with the index of jobs.urban_new (a stale index, as in
  // an Entry reused by hand): judged as the % indicator it names, and its
  // copy is a double of it, not of the jobs.urban_new entry.
  Checker c;
  const std::size_t jobs = *mini_plan().index_of("jobs.urban_new");
  c.add("r.rec", 1, "2019-06-30", "jobs.urban_new", "952");
  Entry e = make_entry("2019-06-30", "graduates.rate", "952", "", {"r.rec", 2, 1});
  e.indicator = jobs;
  c.check.add(e);
  e.where.line = 3;
  c.check.add(e);
  CHECK(c.headlines() ==
        Lines{"r.rec:2:1: warning: value 952 of graduates.rate is outside 0 to 100 and it is a "
              "percentage",
              "r.rec:3:1: warning: value 952 of graduates.rate is outside 0 to 100 and it is a "
              "percentage",
              "r.rec:3:1: warning: same date, id, value and by= as line 2: entered twice?"});
}

TEST_CASE("entries of an id the plan lacks are compared by the id's text") {
  // Built by hand (the reader refuses such ids): no figure check applies,
  // and doubles are still found.
  Checker c;
  c.add("r.rec", 1, "2019-06-30", "no.such", "5");
  c.add("r.rec", 2, "2019-06-30", "no.suck", "5");
  c.add("r.rec", 3, "2019-06-30", "no.such", "5");
  CHECK(c.headlines() ==
        Lines{"r.rec:3:1: warning: same date, id, value and by= as line 1: entered twice?"});
}

}  // namespace plan
