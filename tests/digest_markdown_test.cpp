// The Markdown digest on the mini plan (tests/fixtures/mini.toml), from the
// golden ledger of digest_fixture.h; figures as in digest_text_test.cpp.
#include <doctest/doctest.h>

#include "digest_fixture.h"
#include "digest_render.h"

using namespace plan;
using testing::digest_of;
using testing::golden_records;
using testing::period;

TEST_CASE("golden Markdown digest") {
  const Plan& plan = testing::mini_plan();
  Digest d = digest_of(plan, golden_records(), period(PeriodKind::month, "2020-11"));
  // The same figures as the text digest (see there); the units table is
  // units_table's, whose worst gaps are skills.leaders 1/3 = 33.3 % for
  // 人社局 and jobs.urban_new 260/51,000 = 0.5 % for 财政局; 教育局's
  // graduates.rate is met, so it has none. Days overdue would be a count;
  // the reports table is empty until the plan has schedules. Counted in 人,
  // skills.leaders has 2 due (its line at 2.915) and is 1 behind.
  const std::string want = R"(# 测试计划 — monthly report, November 2020

Period 2020-11-01 to 2020-11-30; figures as of 2020-11-30 with the reports filed by 2020-12-01, status compared with 2020-10-31

- Time progress 97.2% (day 1,065 of 1,096)
- 7 indicators: 2 achieved, 1 on track, 3 behind, 1 missed, 0 no data

## Reports missing at 2020-12-01

The plan sets no reporting schedule: nothing is due.

## Newly in trouble since 2020-10-31

| Change        | ID                | Indicator        | Figures at the date                                                            |
|---------------|-------------------|------------------|--------------------------------------------------------------------------------|
| Newly behind  | jobs.urban_new    | 城镇新增就业人数 | on track → behind; 49,300 of 51,000 人 (96.7%), expected 49,560, behind by 260 |
| Caps breached | unemployment.rate | 城镇登记失业率   | met → missed; reading 3.1% on 2020-11-10, target ≤ 3%                          |

## Furthest behind (3 of 3 behind), with the pace now needed

|   # | ID             | Indicator          |    Actual |    Target |  Done | Expected | Behind plan | Of target | Needed a month | Pace so far |
|----:|----------------|--------------------|----------:|----------:|------:|---------:|------------:|----------:|---------------:|------------:|
|   1 | skills.leaders | 姑苏高技能领军人才 |      1 人 |      3 人 | 33.3% |        2 |           1 |     33.3% |           1.96 |        0.03 |
|   2 | skills.total   | 新增技能人才       | 12,500 人 | 18,000 人 | 69.4% |   17,491 |       4,991 |     27.7% |          5,400 |         357 |
|   3 | jobs.urban_new | 城镇新增就业人数   | 49,300 人 | 51,000 人 | 96.7% |   49,560 |         260 |      0.5% |          1,669 |       1,409 |

## Milestones due by 2020-12-31 or overdue

| ID        | Milestone            | Status  | Due                        |
|-----------|----------------------|---------|----------------------------|
| hr.portal | 人力资源市场门户网站 | pending | due 2020-12-31, in 31 days |

## Other status changes since 2020-10-31

| Change         | ID             | Indicator                | Figures at the date                                   |
|----------------|----------------|--------------------------|-------------------------------------------------------|
| Recovered      | graduates.rate | 高校毕业生年末总体就业率 | missed → met; reading 96% on 2020-11-05, target ≥ 95% |
| Newly achieved | skills.high    | 新增高技能人才           | on track → achieved; 6,100 of 6,000 人 (101.7%)       |

## Responsible units

| Unit   | Leads | Partners | Achieved | On track | Behind | Missed | No data | Furthest behind    |   Gap |
|--------|------:|---------:|---------:|---------:|-------:|-------:|--------:|--------------------|------:|
| 人社局 |     7 |        0 |        2 |        1 |      3 |      1 |       0 | 姑苏高技能领军人才 | 33.3% |
| 财政局 |     0 |        1 |        0 |        0 |      1 |      0 |       0 | 城镇新增就业人数   |  0.5% |
| 教育局 |     0 |        1 |        1 |        0 |      0 |      0 |       0 |                    |       |

## Recorded in the period: 6 entries on 5 indicators

| ID                | Indicator                | Entries |  Recorded | Units |
|-------------------|--------------------------|--------:|----------:|------:|
| jobs.urban_new    | 城镇新增就业人数         |       2 | +1,000 人 |     2 |
| unemployment.rate | 城镇登记失业率           |       1 |      3.1% |     1 |
| graduates.rate    | 高校毕业生年末总体就业率 |       1 |       96% |     1 |
| skills.total      | 新增技能人才             |       1 |   +500 人 |     1 |
| skills.high       | 新增高技能人才           |       1 |   +300 人 |     1 |

Achieved counts met levels and done milestones; on track, pending milestones; missed, overdue milestones and flows short of the target at the period's end.

## Appendix: recorded in the period, per reporting unit

| ID                | Indicator                | Reported by | Entries | Recorded                  | Latest note |
|-------------------|--------------------------|-------------|--------:|---------------------------|-------------|
| jobs.urban_new    | 城镇新增就业人数         | 人社局      |       1 | +600 人                   | 十一月快报  |
| jobs.urban_new    | 城镇新增就业人数         | 财政局      |       1 | +400 人                   |             |
| jobs.urban_new    | 城镇新增就业人数         | total       |       2 | +1,000 人                 |             |
| unemployment.rate | 城镇登记失业率           | 人社局      |       1 | reading 3.1% (2020-11-10) |             |
| graduates.rate    | 高校毕业生年末总体就业率 | 教育局      |       1 | reading 96% (2020-11-05)  |             |
| skills.total      | 新增技能人才             | 人社局      |       1 | +500 人                   |             |
| skills.high       | 新增高技能人才           | 人社局      |       1 | +300 人                   |             |
)";
  CHECK(digest_markdown(d, RenderOptions{}) == want);
}

TEST_CASE("Markdown digest: plan and record text can never become HTML or a link") {
  // The mini plan with an indicator name and a note that are markup.
  Plan plan = testing::mini_plan();
  plan.indicators[0].name = "<img src=x onerror=alert(1)>";
  Digest d = digest_of(plan,
                       "2020-11-10  jobs.urban_new  600  by=人社局  "
                       "note=\"<script>x</script>[x](javascript:alert(1))\"\n",
                       period(PeriodKind::month, "2020-11"));
  std::string md = digest_markdown(d, RenderOptions{});
  // Every <, >, [ and ] of the text has a backslash before it (CommonMark's
  // escape for ASCII punctuation): none is left bare.
  CHECK(md.find("\\<img src=x onerror=alert(1)\\>") != std::string::npos);
  CHECK(md.find("\\<script\\>x\\</script\\>\\[x\\](javascript:alert(1))") != std::string::npos);
  // And no markup character anywhere in the digest is left bare.
  for (std::size_t i = 0; i < md.size(); ++i) {
    if (md[i] != '<' && md[i] != '>' && md[i] != '[' && md[i] != ']') continue;
    CAPTURE(md.substr(i < 20 ? 0 : i - 20, 40));
    CHECK(md[i - 1] == '\\');
  }
}
