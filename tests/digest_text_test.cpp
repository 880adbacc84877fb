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
using testing::kGoldenRecords;

TEST_CASE("golden text digest, every figure checked by hand") {
  const Plan& plan = testing::mini_plan();
  Digest d = digest_of(plan, kGoldenRecords, "2020-12-15", Period::month);
  // Status at 2020-11-15 → 2020-12-15:
  //  jobs.urban_new: 49,000 ≥ 34000 + 17000 × 320/366 = 48,863.39 on track →
  //    50,000 < 34000 + 17000 × 350/366 = 50,256.83 behind (by 256.83).
  //  unemployment.rate: 2.8 ≤ 3 met → 3.1 > 3 missed (a cap breached).
  //  graduates.rate: 94 < 95 missed → 96 ≥ 95 met (recovered).
  //  skills.high: 5,800 ≥ 4000 + 2000 × 320/366 = 5,748.63 on track →
  //    6,100 ≥ 6,000 achieved.
  //  skills.total: 12,000 behind → 12,500 < 12000 + 6000 × 350/366 =
  //    17,737.70 behind (by 5,237.70, 29.1 % of 18,000): no change.
  //  skills.leaders: 1 < 3 × 1080/1096 = 2.956 behind (by 1.956, 65.2 % of 3).
  //  hr.portal: pending, due 2020-12-31, 16 days after D.
  // Paces (needed = shortfall / 0.525667; so far = actual / 1080 × 30.4375):
  //  skills.leaders 2 → 3.80, 1 → 0.028;  skills.total 5,500 → 10,462.9,
  //  12,500 → 352.3;  jobs.urban_new 1,000 → 1,902.3, 50,000 → 1,409.1.
  // The title underline is as wide as the title: 测试计划 (8) + " — " (3) +
  // "monthly report as of 2020-12-15" (31) = 42 columns.
  const std::string want = R"(测试计划 — monthly report as of 2020-12-15
==========================================
Period 2020-11-16 to 2020-12-15, status compared with 2020-11-15

Time progress 98.5% (day 1,080 of 1,096)
7 indicators: 2 achieved, 1 on track, 3 behind, 1 missed, 0 no data

Recorded in the period: 6 entries on 5 indicators
-------------------------------------------------
  jobs.urban_new  城镇新增就业人数
    人社局     1 entry  +600 人  十一月快报
    财政局     1 entry  +400 人
    total    2 entries  +1,000 人
  unemployment.rate  城镇登记失业率
    人社局     1 entry  reading 3.1% (2020-12-10)
  graduates.rate  高校毕业生年末总体就业率
    教育局     1 entry  reading 96% (2020-12-05)
  skills.total  新增技能人才
    人社局     1 entry  +500 人
  skills.high  新增高技能人才
    人社局     1 entry  +300 人

Status changes since 2020-11-15
-------------------------------
  Newly behind
    jobs.urban_new  城镇新增就业人数
      on track → behind; 50,000 of 51,000 人 (98.0%), expected 50,257, behind by
        257
  Caps breached
    unemployment.rate  城镇登记失业率
      met → missed; reading 3.1% on 2020-12-10, target ≤ 3%
  Recovered
    graduates.rate  高校毕业生年末总体就业率
      missed → met; reading 96% on 2020-12-05, target ≥ 95%
  Newly achieved
    skills.high  新增高技能人才
      on track → achieved; 6,100 of 6,000 人 (101.7%)

Largest shortfalls (3 of 3 behind)
----------------------------------
  1. skills.leaders  姑苏高技能领军人才
     1 of 3 人 (33.3%), expected 2.96
     behind by 1.96, 65.2% of the target
     needs 3.8 a month to 2020-12-31, so far 0.03 a month
  2. skills.total  新增技能人才
     12,500 of 18,000 人 (69.4%), expected 17,738
     behind by 5,238, 29.1% of the target
     needs 10,463 a month to 2020-12-31, so far 352 a month
  3. jobs.urban_new  城镇新增就业人数
     50,000 of 51,000 人 (98.0%), expected 50,257
     behind by 257, 0.5% of the target
     needs 1,902 a month to 2020-12-31, so far 1,409 a month

Responsible units
-----------------
  Unit    Leads  Partners  Achieved  On track  Behind  Missed  No data
  人社局      7         0         2         1       3       1        0
  财政局      0         1         0         0       1       0        0
  教育局      0         1         1         0       0       0        0

Milestones due by 2021-01-15 or overdue
---------------------------------------
  hr.portal  人力资源市场门户网站
    pending; due 2020-12-31, in 16 days

Achieved counts met levels and done milestones; on track, pending milestones;
missed, overdue milestones.
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
  Digest d = digest_of(plan, kGoldenRecords, "2020-12-15", Period::month);
  RenderOptions zh;
  zh.zh = true;
  std::string text = digest_text(d, zh);
  CHECK(text.starts_with("测试计划 — 月报（截至 2020-12-15）\n"));
  CHECK(text.find("\n指标 7 项：完成 2，正常 1，滞后 3，未达标 1，无数据 0\n") !=
        std::string::npos);
  CHECK(text.find("\n  突破上限\n") != std::string::npos);
  CHECK(text.find("     此后每月需完成 3.8（至 2020-12-31），此前平均每月 0.03\n") !=
        std::string::npos);
  CHECK(text.find("      未达标 → 达标；读数 96%（2020-12-05），目标 ≥ 95%\n") !=
        std::string::npos);
}

TEST_CASE("text digest: record text stays on its line and long notes wrap within 80 columns") {
  const Plan& plan = testing::mini_plan();
  // \t and \n are the escapes a quoted tag value may carry (SPEC §4).
  std::string records =
      "2020-12-01  jobs.urban_new  5  by=\"人社\\t局\"  note=\"红色\\n第二行 "
      "a long note that goes on and on past the edge of any reasonable mail window\"\n";
  Digest d = digest_of(plan, records, "2020-12-15", Period::month);
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
