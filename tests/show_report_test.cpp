// plan show's data. jobs.urban_new's split is 17000 a year, so the expected
// line at day n of 2018 is 17000 * n / 365; the month ends of 2018 are days
// 31 (Jan), 59 (Feb), 90 (Mar), 120 (Apr).
#include "show_report.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "mini_fixture.h"
#include "plan_loader.h"
#include "text.h"

namespace plan {

using testing::day;
using testing::dec;
using testing::Entries;
using testing::mini_plan;

namespace {

// The ledger gets every entry; build_show gets `id`'s, in read order, as
// the command gives them.
ShowReport show(const Entries& all, const char* id, const char* as_of) {
  Ledger l = all.ledger(as_of);
  std::vector<Entry> mine;
  for (const Entry& e : all.list)
    if (e.id == id) mine.push_back(e);
  return build_show(l, *mini_plan().find(id), mine);
}

std::vector<int> record_lines(const ShowReport& r) {
  std::vector<int> out;
  for (const Entry& e : r.records) out.push_back(e.where.line);
  return out;
}

}  // namespace

TEST_CASE("show: cumulative sums and the expected line at month ends") {
  Entries e;
  e.add("2018-01-10", "jobs.urban_new", "100")      // 1
      .add("2018-03-31", "jobs.urban_new", "4210")  // 2
      .add("2018-02-15", "jobs.urban_new", "50")    // 3
      .add("2018-04-10", "jobs.urban_new", "7")     // 4
      .add("2018-04-20", "jobs.urban_new", "999")   // 5: after the as-of date
      .add("2018-02-15", "jobs.urban_new", "-5")    // 6: same date as 3, read later
      .add("2018-02-01", "skills.total", "77");     // 7: another indicator
  ShowReport r = show(e, "jobs.urban_new", "2018-04-15");
  REQUIRE(r.months.size() == 4);
  // 100; 100 + 50 - 5 = 145; 145 + 4210 = 4355; 4355 + 7 = 4362.
  CHECK(r.months[0].year == 2018);
  CHECK(r.months[0].month == 1);
  CHECK(r.months[0].cumulative == dec("100"));
  CHECK(r.months[1].cumulative == dec("145"));
  CHECK(r.months[2].cumulative == dec("4355"));
  CHECK(r.months[3].month == 4);
  CHECK(r.months[3].cumulative == dec("4362"));
  // The people due at each month's end, as the figure above counts them:
  // the line at 17000 × 31/365 = 1,443.84, × 59/365 = 2,747.95, × 90/365
  // = 4,191.78.
  CHECK(r.months[0].expected == 1443);
  CHECK(r.months[1].expected == 2747);
  CHECK(r.months[2].expected == 4191);
  // The running month ends at the as-of date: day 105 (90 + 15), the line
  // at 4,890.41.
  CHECK(r.months[3].expected == 4890);
  CHECK(r.months[3].expected == *r.status.expected);
  // The figure agrees with the last month.
  CHECK(*r.status.actual == dec("4362"));
  // Records: by date, equal dates in read order, nothing after the as-of date.
  CHECK(record_lines(r) == std::vector<int>{1, 3, 6, 2, 4});
  CHECK(r.as_of == day("2018-04-15"));
}

TEST_CASE("show: months run across the year end") {
  Entries e;
  e.add("2018-12-31", "jobs.urban_new", "1000")
      .add("2019-01-05", "jobs.urban_new", "10")
      .add("2019-02-10", "jobs.urban_new", "20");
  ShowReport r = show(e, "jobs.urban_new", "2019-02-10");
  REQUIRE(r.months.size() == 14);  // 2018-01 … 2019-02
  CHECK(r.months[10].cumulative == Decimal());
  CHECK(r.months[11].month == 12);
  CHECK(r.months[11].cumulative == dec("1000"));
  CHECK(r.months[11].expected == doctest::Approx(17000));
  CHECK(r.months[12].year == 2019);
  CHECK(r.months[12].month == 1);
  CHECK(r.months[12].cumulative == dec("1010"));
  CHECK(r.months[12].expected == 18443);          // 17000 + 17000 × 31/365 = 18,443.84
  CHECK(r.months[13].cumulative == dec("1030"));  // the as-of day itself counts
  CHECK(r.months[13].expected == 18909);          // 17000 + 17000 × 41/365 = 18,909.59
}

TEST_CASE("show: after the period the months stop at its end") {
  Entries e;
  e.add("2020-12-31", "skills.high", "6000").add("2021-01-15", "skills.high", "5");
  ShowReport r = show(e, "skills.high", "2021-03-01");
  REQUIRE(r.months.size() == 36);
  CHECK(r.months.back().year == 2020);
  CHECK(r.months.back().month == 12);
  CHECK(r.months.back().cumulative == dec("6000"));  // 2021's entry counts nowhere
  CHECK(r.months.back().expected == doctest::Approx(6000));
  // It is still a record of the indicator.
  CHECK(r.records.size() == 2);
}

TEST_CASE("show: no months before the start, or for levels and milestones") {
  Entries e;
  e.add("2017-12-01", "jobs.urban_new", "5")
      .add("2018-12-31", "unemployment.rate", "2.1")
      .add("2019-06-30", "unemployment.rate", "1.9")
      .add("2019-03-01", "hr.portal", "done");
  CHECK(show(e, "jobs.urban_new", "2017-12-31").months.empty());
  CHECK(show(e, "jobs.urban_new", "2017-12-31").records.size() == 1);
  ShowReport rate = show(e, "unemployment.rate", "2019-12-31");
  CHECK(rate.months.empty());
  CHECK(record_lines(rate) == std::vector<int>{2, 3});
  CHECK(*rate.status.actual == dec("1.9"));
  ShowReport portal = show(e, "hr.portal", "2019-12-31");
  CHECK(portal.months.empty());
  CHECK(portal.status.status == Status::done);
  CHECK(*portal.status.actual_date == day("2019-03-01"));
}

TEST_CASE("show: an overdue milestone says by how many days") {
  Entries none;
  // Due 2020-12-31: 2021-01-20 is 20 days later; 2021-01-01 one.
  RenderOptions en, zh;
  zh.zh = true;
  CHECK(show_text(show(none, "hr.portal", "2021-01-20"), en)
            .find("\n  due 2020-12-31, 20 days overdue\n") != std::string::npos);
  CHECK(show_text(show(none, "hr.portal", "2021-01-01"), en)
            .find("\n  due 2020-12-31, 1 day overdue\n") != std::string::npos);
  CHECK(show_text(show(none, "hr.portal", "2021-01-20"), zh)
            .find("\n  2020-12-31前完成，已逾期 20 天\n") != std::string::npos);
  // Pending on its due day: no days.
  CHECK(show_text(show(none, "hr.portal", "2020-12-31"), en).find("\n  due 2020-12-31\n") !=
        std::string::npos);
}

TEST_CASE("show: a report anyone may file is owed by no one named") {
  // A monthly schedule and no [[reporter]]: the indicator names no
  // reporter, and any entry files its month. January's is in; February's,
  // due 2019-03-10, is 5 days late at 2019-03-15.
  Diagnostics d;
  auto p = load_plan_text(R"([plan]
id = "p"
title = "t"
start = 2019-01-01
end = 2019-12-31
[schedule]
frequency = "monthly"
due_day = 10
[[area]]
id = "a"
name = "a"
[[area.task]]
id = "a.t"
name = "t"
[[indicator]]
id = "x"
name = "x"
unit = "人"
kind = "total"
target = 120
task = "a.t"
lead = ["局"]
)",
                          "p.toml", d);
  REQUIRE(p);
  REQUIRE(p->find("x")->reported_by.empty());
  Ledger l(*p, day("2019-03-15"));
  l.add(testing::make_entry("2019-01-31", "x", "10", "", {"f.rec", 1, 1}));
  ShowReport r = build_show(l, *p->find("x"), {});
  RenderOptions en, zh;
  zh.zh = true;
  CHECK(show_text(r, en).find(
            "\n  unreported: 2019-02 (due 2019-03-10, 5 days overdue; any unit may report it)\n") !=
        std::string::npos);
  CHECK(show_text(r, zh).find(
            "\n  未报送：2019-02（应于 2019-03-10 报送，已逾期 5 天；任一单位均可报送）\n") !=
        std::string::npos);
}

TEST_CASE("show in Chinese: status words mean statuses only") {
  // 已完成 and 未完成 are the statuses achieved and missed: the actual figure
  // is 完成 (as in the digest), a milestone's entries 已办结 and 未办结 (as
  // its status done is 已办结).
  Entries e;
  e.add("2018-12-31", "jobs.urban_new", "17000")
      .add("2019-03-01", "hr.portal", "done")
      .add("2019-04-01", "hr.portal", "undone");
  RenderOptions zh;
  zh.zh = true;
  std::string jobs = show_text(show(e, "jobs.urban_new", "2019-06-30"), zh);
  CHECK(jobs.find("\n  完成 17,000，目标 51,000") != std::string::npos);
  CHECK(jobs.find("\n  已完成") == std::string::npos);  // the yoy block's 2018 is 已完成, a status
  std::string portal = show_text(show(e, "hr.portal", "2019-12-31"), zh);
  CHECK(portal.find("已办结") != std::string::npos);
  CHECK(portal.find("未办结") != std::string::npos);
  CHECK(portal.find("已完成") == std::string::npos);
  CHECK(portal.find("未完成") == std::string::npos);
}

TEST_CASE("show: the year-on-year block has no title of its own, in either language") {
  Entries e;
  e.add("2018-12-31", "jobs.urban_new", "17000");
  ShowReport r = show(e, "jobs.urban_new", "2019-06-30");
  RenderOptions zh;
  zh.zh = true;
  std::string cn = show_text(r, zh);
  CHECK(cn.find("年度同比") == std::string::npos);  // yoy's title used to slip through here
  CHECK(cn.find("\n\n项目") != std::string::npos);  // the block starts with its header
  std::string en = show_text(r, RenderOptions{});
  CHECK(en.find("year on year") == std::string::npos);
  CHECK(en.find("\n\nMeasure") != std::string::npos);
}

TEST_CASE("show: lines are wrapped to the terminal, continuations indented") {
  Entries e;
  e.add("2018-12-31", "jobs.urban_new", "17000", "人社局");
  e.list.back().tags.emplace_back("note",
                                  "含各镇区补报数据，经人社局与统计局联合核对后确认，另附说明材料");
  ShowReport r = show(e, "jobs.urban_new", "2019-06-30");
  RenderOptions o;
  o.width = 80;
  const std::string text = show_text(r, o);
  std::size_t start = 0;
  for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
    CHECK(text_width(std::string_view(text).substr(start, nl - start)) <= 80);
  // The record's line is 2 + 10 + 2 + 10 columns to its value, then
  // "  by=人社局" (11) and "  note=" (7) and the note's 36 characters (72
  // columns), then its file:line: it goes on, 4 columns in, with the
  // file:line last.
  CHECK(text.find("\n    ") != std::string::npos);
  CHECK(text.find("f.rec:1\n") != std::string::npos);
  // No width (a pipe): one line each, as before.
  const std::string whole = show_text(r, RenderOptions{});
  CHECK(
      whole.find("  2018-12-31      17,000  by=人社局  note=含各镇区补报数据，经人社局与统计局联合"
                 "核对后确认，另附说明材料  f.rec:1\n") != std::string::npos);
}

TEST_CASE("show: the expected tick is drawn over the bar, ahead or in the same cell") {
  // The bar is 30 columns for the 51,000 target: 1,700 a column. March's
  // expected line is 17000 * 90 / 365 = 4,191.8, column 2.47: the tick is in
  // column 2 (the third), whatever the bar does there.
  Entries ahead;
  ahead.add("2018-03-31", "jobs.urban_new", "10200");  // 6 whole columns
  std::string text = show_text(show(ahead, "jobs.urban_new", "2018-03-31"), RenderOptions{});
  CHECK(text.find("  2018-03  ██│███" + std::string(24, ' ') + "  ") != std::string::npos);
  // January and February have nothing yet: the tick alone, at 17000 * 31 /
  // 365 = 1,443.8 (column 0.85) and 17000 * 59 / 365 = 2,747.9 (1.62).
  CHECK(text.find("  2018-01  │" + std::string(29, ' ') + "  ") != std::string::npos);
  CHECK(text.find("  2018-02   │" + std::string(28, ' ') + "  ") != std::string::npos);

  // 4,200 is column 2.47 too: two full blocks and 3/8 of the third, the
  // tick's cell. The tick wins it, so the mark is never lost.
  Entries level;
  level.add("2018-03-31", "jobs.urban_new", "4200");
  text = show_text(show(level, "jobs.urban_new", "2018-03-31"), RenderOptions{});
  CHECK(text.find("  2018-03  ██│" + std::string(27, ' ') + "  ") != std::string::npos);
}

TEST_CASE("show JSON: months, records and relations") {
  Entries e;
  e.add("2018-01-10", "skills.total", "100").add("2018-02-10", "skills.total", "20");
  auto j = nlohmann::json::parse(show_json(show(e, "skills.total", "2018-02-28")));
  CHECK(j["id"] == "skills.total");
  CHECK(j["children"] == nlohmann::json{"skills.high"});
  CHECK(j["parent"].is_null());
  REQUIRE(j["months"].size() == 2);
  CHECK(j["months"][0]["month"] == "2018-01");
  CHECK(j["months"][1]["month"] == "2018-02");
  CHECK(j["months"][1]["cumulative"] == 120);
  CHECK(j["months"][1]["expected"] == 969);  // 6000 × 59/365 = 969.86 people
  REQUIRE(j["records"].size() == 2);
  CHECK(j["records"][1]["value"] == 20);
  CHECK(j["records"][1]["line"] == 2);
  CHECK(j["actual"] == 120);
}

TEST_CASE("show: small counts: whole people due, fractions of pace and projection") {
  // skills.leaders: 3 人 over 1096 days, no yearly split. At 2019-06-30
  // (day 365 + 181 = 546) the line stands at 3 × 546/1096 = 1.49: 1 leader
  // is due, and the one in is on track; the pace of the one leader so far is 1 / (546 / 30.4375)
  // = 0.056 a month → 0.06 (it read "0.1"); at that pace it reaches
  // 1 × 1096/546 = 2.007 → 2 (a count: not "2.01"); the 2 still needed over
  // the 550 days left (18.07 months) are 0.111 a month → 0.11.
  Entries e;
  e.add("2018-12-31", "skills.leaders", "1");
  const std::string text = show_text(show(e, "skills.leaders", "2019-06-30"), RenderOptions{});
  CHECK(text.find("actual 1 of 3 (33.3%), expected by now 1, to target 2\n") != std::string::npos);
  CHECK(text.find("at the pace so far (0.06 a month) it reaches 2 by 2020-12-31\n") !=
        std::string::npos);
  CHECK(text.find("it needs 0.11 a month from now\n") != std::string::npos);
}

TEST_CASE("show: every line fits a narrow terminal, the month chart too") {
  Entries e;
  e.add("2018-03-31", "jobs.urban_new", "10200", "人社局");
  e.add("2019-06-30", "jobs.urban_new", "16000", "人社局");
  ShowReport r = show(e, "jobs.urban_new", "2019-06-30");
  for (bool zh : {false, true}) {
    for (int width = 36; width <= 80; ++width) {
      RenderOptions o;
      o.zh = zh;
      o.width = width;
      const std::string text = show_text(r, o);
      std::size_t start = 0;
      for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1) {
        std::string_view line = std::string_view(text).substr(start, nl - start);
        INFO("width ", width, ": ", line);
        CHECK(text_width(line) <= width);
      }
    }
  }
  // At 65 columns and up the chart is as in a pipe: a 30-column bar and
  // figures in ten columns. At 40 the figures take their own width (6,
  // "26,200") and the bar what is left: 40 - 11 - 2 × (2 + 6) = 13.
  RenderOptions o;
  o.width = 65;
  CHECK(show_text(r, o).find("  2018-03  ██│███" + std::string(24, ' ') + "      10,200") !=
        std::string::npos);
  o.width = 40;
  // 10,200 of 51,000 is 2.6 of 13 columns (two blocks and 4/8 of the third);
  // 4,191 people expected (the line at 4,191.8) is 1.07: the tick in column 1.
  CHECK(show_text(r, o).find("  2018-03  █│▌" + std::string(10, ' ') + "  10,200   4,191\n") !=
        std::string::npos);
}

}  // namespace plan
