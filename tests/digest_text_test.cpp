// The plain-text digest on the mini plan (tests/fixtures/mini.toml), from
// the golden ledger of digest_fixture.h.
// Figures are worked out by hand in the comments; day counts were checked
// with Python's datetime. The plan period 2018-01-01 … 2020-12-31 has
// 365 + 365 + 366 = 1096 days; a month "per month" is 365.25 / 12 = 30.4375
// days.
#include <doctest/doctest.h>

#include "digest_fixture.h"
#include "digest_render.h"
#include "text.h"

using namespace plan;
using testing::digest_of;
using testing::golden_records;
using testing::period;

TEST_CASE("golden text digest, every figure checked by hand") {
  const Plan& plan = testing::mini_plan();
  Digest d = digest_of(plan, golden_records(), period(PeriodKind::month, "2020-11"));
  // Status at 2020-10-31 (day 305 of 2020) → 2020-11-30 (day 335); every
  //  indicator here is counted in 人, so what is due is the whole people
  //  below the expected line:
  //  jobs.urban_new: 48,300 ≥ 34000 + 17000 × 305/366 = 48,166.67 on track →
  //    48,300 + 600 + 400 = 49,300 (96.7 %) < 34000 + 17000 × 335/366 =
  //    49,560.11, 49,560 due: behind (by 260, 0.5 % of 51,000). The 700 of
  //    2020-12-01 is after E: counted nowhere.
  //  unemployment.rate: 2.8 ≤ 3 met → 3.1 > 3 missed (a cap breached).
  //  graduates.rate: 94 < 95 missed → 96 ≥ 95 met (recovered).
  //  skills.high: 5,800 ≥ 4000 + 2000 × 305/366 = 5,666.67 on track →
  //    6,100 ≥ 6,000 achieved (101.7 %).
  //  skills.total: 12,000 < 12000 + 6000 × 305/366 = 17,000 behind →
  //    12,500 < 12000 + 6000 × 335/366 = 17,491.80, 17,491 due: behind (by
  //    4,991, 27.7 % of 18,000): no change.
  //  skills.leaders (no splits): 1 < 2 due, the line at 3 × 1035/1096 =
  //    2.83 and 3 × 1065/1096 = 2.915: behind (by 1, 33.3 % of 3) at both
  //    ends: no change.
  //  hr.portal: pending, due 2020-12-31, 31 days after E, within December
  //    (the next period).
  // Time progress 1065/1096 = 97.2 %. Headline: achieved skills.high and
  // graduates.rate (met); on track hr.portal (pending); behind jobs,
  // skills.total, skills.leaders; missed unemployment.rate.
  // Paces (needed = shortfall / 1.018480; so far = actual / 1065 × 30.4375):
  //  skills.leaders 2 → 1.96, 1 → 0.03;  skills.total 5,500 → 5,400.2,
  //  12,500 → 357.2;  jobs.urban_new 1,700 → 1,669.2, 49,300 → 1,409.0.
  // Recorded 2020-11-01 … 2020-11-30: jobs 600 (人社局) + 400 (财政局) =
  // 1,000 from 2 units; unemployment 3.1 (11-10); graduates 96 (11-05);
  // skills.total 500; skills.high 300: 6 entries on 5 indicators.
  // The title underline is as wide as the title: 测试计划 (8) + " — " (3) +
  // "monthly report, November 2020" (29) = 40 columns.
  const std::string want = R"(测试计划 — monthly report, November 2020
========================================
Period 2020-11-01 to 2020-11-30; figures as of 2020-11-30 with the reports filed
by 2020-12-01, status compared with 2020-10-31

Time progress 97.2% (day 1,065 of 1,096)
7 indicators: 2 achieved, 1 on track, 3 behind, 1 missed, 0 no data

Reports missing at 2020-12-01
-----------------------------
  The plan sets no reporting schedule: nothing is due.

Newly in trouble since 2020-10-31
---------------------------------
  Newly behind
    jobs.urban_new  城镇新增就业人数
      on track → behind; 49,300 of 51,000 人 (96.7%), expected 49,560, behind by
        260
  Caps breached
    unemployment.rate  城镇登记失业率
      met → missed; reading 3.1% on 2020-11-10, target ≤ 3%

Furthest behind (3 of 3 behind), with the pace now needed
---------------------------------------------------------
  1. skills.leaders  姑苏高技能领军人才
     1 of 3 人 (33.3%), expected 2
     behind by 1, 33.3% of the target
     needs 1.96 a month to 2020-12-31, so far 0.03 a month
  2. skills.total  新增技能人才
     12,500 of 18,000 人 (69.4%), expected 17,491
     behind by 4,991, 27.7% of the target
     needs 5,400 a month to 2020-12-31, so far 357 a month
  3. jobs.urban_new  城镇新增就业人数
     49,300 of 51,000 人 (96.7%), expected 49,560
     behind by 260, 0.5% of the target
     needs 1,669 a month to 2020-12-31, so far 1,409 a month

Milestones due by 2020-12-31 or overdue
---------------------------------------
  hr.portal  人力资源市场门户网站
    pending; due 2020-12-31, in 31 days

Other status changes since 2020-10-31
-------------------------------------
  Recovered
    graduates.rate  高校毕业生年末总体就业率
      missed → met; reading 96% on 2020-11-05, target ≥ 95%
  Newly achieved
    skills.high  新增高技能人才
      on track → achieved; 6,100 of 6,000 人 (101.7%)

Responsible units
-----------------
  Unit    Leads  Partners  Achieved  On track  Behind  Missed  No data
  人社局      7         0         2         1       3       1        0
  财政局      0         1         0         0       1       0        0
  教育局      0         1         1         0       0       0        0

Recorded in the period: 6 entries on 5 indicators
-------------------------------------------------
  ID                 Indicator                         Entries   Recorded  Units
  jobs.urban_new     城镇新增就业人数                        2  +1,000 人      2
  unemployment.rate  城镇登记失业率                          1       3.1%      1
  graduates.rate     高校毕业生年末总体就业率                1        96%      1
  skills.total       新增技能人才                            1    +500 人      1
  skills.high        新增高技能人才                          1    +300 人      1

Achieved counts met levels and done milestones; on track, pending milestones;
missed, overdue milestones and flows short of the target at the period's end.

Appendix: recorded in the period, per reporting unit
----------------------------------------------------
  jobs.urban_new  城镇新增就业人数
    人社局     1 entry  +600 人  十一月快报
    财政局     1 entry  +400 人
    total    2 entries  +1,000 人
  unemployment.rate  城镇登记失业率
    人社局     1 entry  reading 3.1% (2020-11-10)
  graduates.rate  高校毕业生年末总体就业率
    教育局     1 entry  reading 96% (2020-11-05)
  skills.total  新增技能人才
    人社局     1 entry  +500 人
  skills.high  新增高技能人才
    人社局     1 entry  +300 人
)";
  std::string got = digest_text(d, RenderOptions{});
  CHECK(got == want);
  // Mail-safe: no line wider than 80 columns, no escape sequences.
  std::size_t start = 0;
  while (start < got.size()) {
    std::size_t end = got.find('\n', start);
    CHECK(text_width(std::string_view(got).substr(start, end - start)) <= 80);
    start = end + 1;
  }
  CHECK(got.find('\x1b') == std::string::npos);
}

TEST_CASE("Chinese wording") {
  const Plan& plan = testing::mini_plan();
  Digest d = digest_of(plan, golden_records(), period(PeriodKind::month, "2020-11"));
  RenderOptions zh;
  zh.zh = true;
  std::string text = digest_text(d, zh);
  CHECK(text.starts_with("测试计划 — 2020年11月月报\n"));
  CHECK(
      // 71 columns to the second date; the rest would pass 80.
      text.find("\n本期 2020-11-01 至 2020-11-30，数据截至 2020-11-30（计入截至 2020-12-01\n"
                "报送的数据），状态与 2020-10-31 比较\n") != std::string::npos);
  CHECK(text.find("\n指标 7 项：已完成 2，正常 1，滞后 3，未完成 1，无数据 0\n") !=
        std::string::npos);
  CHECK(text.find("\n  突破上限\n") != std::string::npos);
  CHECK(text.find("     此后每月需完成 1.96（至 2020-12-31），此前平均每月 0.03\n") !=
        std::string::npos);
  CHECK(text.find("      未达标 → 达标；读数 96%（2020-11-05），目标 ≥ 95%\n") !=
        std::string::npos);
}

TEST_CASE("text digest: record text stays on its line and long notes wrap within 80 columns") {
  const Plan& plan = testing::mini_plan();
  // \t and \n are the escapes a quoted tag value may carry (SPEC §4).
  std::string records =
      "2020-12-01  jobs.urban_new  5  by=\"人社\\t局\"  note=\"红色\\n第二行 "
      "a long note that goes on and on past the edge of any reasonable mail window\"\n";
  Digest d = digest_of(plan, records, testing::period(PeriodKind::month, "2020-12"));
  std::string got = digest_text(d, RenderOptions{});
  // 4 + 7 (人社 局) + 2 + 10 + 2 + 5 (+5 人) + 2 + 48 (the note up to "past") = 80.
  CHECK(got.find("\n    人社 局     1 entry  +5 人  红色 第二行 a long note that goes on and on "
                 "past\n      the edge of any reasonable mail window\n") != std::string::npos);
  std::size_t start = 0;
  while (start < got.size()) {
    std::size_t end = got.find('\n', start);
    CHECK(text_width(std::string_view(got).substr(start, end - start)) <= 80);
    start = end + 1;
  }
}

TEST_CASE("text digest: a heading wider than 80 columns wraps, underlined as its widest line") {
  const Plan& plan = testing::mini_plan();
  Digest d = digest_of(plan, golden_records(), period(PeriodKind::month, "2020-11"));
  // As --unit would leave it for a long-named unit leading 1 of 7
  // indicators and only reporting the other 6.
  d.unit = "吴江区总工会职工服务中心";  // 12 characters, 24 columns
  REQUIRE(d.headline.indicators == 7);
  d.units.rows.resize(1);
  d.units.rows[0].unit = d.unit;
  d.units.rows[0].led = 1;
  d.units.rows[0].partnered = 0;
  // "Responsible units (" 19 + 24 + " leads or partners 1; the other 6 it"
  // 36 = 79 columns; "only" would make 84.
  CHECK(digest_text(d, RenderOptions{})
            .find("\nResponsible units (吴江区总工会职工服务中心 leads or partners 1; the other 6 "
                  "it\nonly reports)\n" +
                  std::string(79, '-') + "\n") != std::string::npos);
}

TEST_CASE("reports missing: the section the reporting schedules fill") {
  const Plan& plan = testing::mini_plan();
  Digest d = digest_of(plan, golden_records(), period(PeriodKind::month, "2020-11"));
  CHECK_FALSE(d.scheduled);  // the mini plan sets no schedule
  CHECK(d.missing.empty());
  // Filled as the schedules will fill it: October's report of jobs.urban_new,
  // due 2020-11-10, is 21 days overdue on the day the digest is made, D =
  // 2020-12-01 (20 days of November left after the 10th, and 1); November's,
  // due 2020-12-10, falls due in 9 days.
  const Indicator& jobs = *plan.find("jobs.urban_new");
  d.scheduled = true;
  d.missing.push_back({&jobs, "人社局", "2020-10", testing::day("2020-11-10"), 21, {}});
  d.due_next.push_back({&jobs, "", "2020-11", testing::day("2020-12-10"), -9, {}});
  std::string text = digest_text(d, RenderOptions{});
  CHECK(text.find("Reports missing at 2020-12-01 (1)\n"
                  "---------------------------------\n"
                  "  人社局: 2020-10, due 2020-11-10, 21 days overdue\n"
                  "    jobs.urban_new  城镇新增就业人数\n"
                  "  Falling due by 2020-12-31, not yet in\n"
                  "    (any unit): 2020-11, due 2020-12-10, in 9 days\n"
                  "      jobs.urban_new\n") != std::string::npos);
  RenderOptions zh;
  zh.zh = true;
  CHECK(digest_text(d, zh).find("  人社局：2020-10，2020-11-10 到期，已逾期 21 天\n"
                                "    jobs.urban_new  城镇新增就业人数\n") != std::string::npos);
  // Falling due, many: one line per reporter and period, then the ids it
  // owes (the list comes in reporter, due date, plan order).
  const Indicator& skills = *plan.find("skills.high");
  d.due_next = {{&jobs, "人社局", "2020-11", testing::day("2020-12-10"), -10, {}},
                {&skills, "人社局", "2020-11", testing::day("2020-12-10"), -10, {}},
                {&jobs, "人社局", "2020-12", testing::day("2021-01-10"), -41, {}},
                {&jobs, "镇甲", "2020-11", testing::day("2020-12-10"), -10, {}}};
  CHECK(digest_text(d, RenderOptions{})
            .find("  Falling due by 2020-12-31, not yet in\n"
                  "    人社局: 2020-11, due 2020-12-10, in 10 days\n"
                  "      jobs.urban_new, skills.high\n"
                  "    人社局: 2020-12, due 2021-01-10, in 41 days\n"
                  "      jobs.urban_new\n"
                  "    镇甲: 2020-11, due 2020-12-10, in 10 days\n"
                  "      jobs.urban_new\n\n") != std::string::npos);
  CHECK(digest_text(d, zh).find("    人社局：2020-11，2020-12-10 到期，还有 10 天\n"
                                "      jobs.urban_new、skills.high\n") != std::string::npos);
  // Reports of different periods due the same day are put in period order
  // by build_digest (order_owed), so that each period is one group.
  const Indicator& total = *plan.find("skills.total");
  std::vector<MissingReport> kept = d.due_next;
  d.due_next = {{&jobs, "人社局", "2020-11", testing::day("2020-12-10"), -10, {}},
                {&skills, "人社局", "2020Q3", testing::day("2020-12-10"), -10, {}},
                {&total, "人社局", "2020-11", testing::day("2020-12-10"), -10, {}}};
  order_owed(plan, d.due_next);
  CHECK(digest_text(d, RenderOptions{})
            .find("    人社局: 2020-11, due 2020-12-10, in 10 days\n"
                  "      jobs.urban_new, skills.total\n"
                  "    人社局: 2020Q3, due 2020-12-10, in 10 days\n"
                  "      skills.high\n\n") != std::string::npos);
  d.due_next = kept;
  // An explanation of a report not yet due says which indicator it is of.
  d.due_next[1].explanation =
      Explanation{testing::day("2020-11-28"), "人社局", "2020-11", "系统升级", "", {}};
  CHECK(
      digest_text(d, RenderOptions{})
          .find("      jobs.urban_new, skills.high\n"
                "      skills.high: Explanation by 人社局 for 2020-11 (2020-11-28): 系统升级\n") !=
      std::string::npos);
  d.due_next.resize(1);
  // Before the first report falls due: nothing missing, and it says so.
  d.missing.clear();
  CHECK(digest_text(d, RenderOptions{})
            .find("  Every report due before 2020-12-01 for the periods to 2020-11-30 is in.\n") !=
        std::string::npos);
}
