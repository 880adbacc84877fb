// The digest of `plan report` on the mini plan (tests/fixtures/mini.toml).
// Figures are worked out by hand in the comments; day counts were checked
// with Python's datetime. The plan period 2018-01-01 … 2020-12-31 has
// 365 + 365 + 366 = 1096 days; a month "per month" is 365.25 / 12 = 30.4375
// days.
#include "report.h"

#include <doctest/doctest.h>

#include "report_fixture.h"
#include "text.h"

using namespace plan;
using testing::day;
using testing::digest_of;

namespace {

std::vector<std::string> ids_of(const std::vector<StatusChange>& v) {
  std::vector<std::string> out;
  for (const auto& c : v) out.push_back(c.now.ind->id + ":" + std::string(change_name(c.kind)));
  return out;
}

}  // namespace

TEST_CASE("a week is seven days; a month is the same day of the next month, clamped") {
  CHECK(period_back(day("2019-07-07"), Period::week) == day("2019-06-30"));
  CHECK(period_ahead(day("2019-07-07"), Period::week) == day("2019-07-14"));
  CHECK(period_back(day("2020-03-31"), Period::month) == day("2020-02-29"));
  CHECK(period_back(day("2020-01-15"), Period::month) == day("2019-12-15"));
  CHECK(period_ahead(day("2020-01-31"), Period::month) == day("2020-02-29"));
  CHECK(period_ahead(day("2020-12-15"), Period::month) == day("2021-01-15"));
  CHECK(parse_period("week") == Period::week);
  CHECK(parse_period("month") == Period::month);
  CHECK_FALSE(parse_period("year"));
}

TEST_CASE("recorded in the period: (D - period, D], per indicator and reporting unit") {
  const Plan& plan = testing::mini_plan();
  // D = 2019-07-07, a week: the window is 2019-07-01 … 2019-07-07.
  const char* records =
      "2019-06-30  jobs.urban_new  1  by=人社局\n"                   // D - 7: out
      "2019-07-01  jobs.urban_new  20  by=人社局  note=\"first\"\n"  // D - 6: in
      "2019-07-07  jobs.urban_new  300  by=人社局  note=\"last\"\n"  // D: in
      "2019-07-07  jobs.urban_new  -5  by=人社局  note=\"same day, read later\"\n"
      "2019-07-08  jobs.urban_new  4000  by=人社局\n"  // D + 1: out
      "2019-07-03  jobs.urban_new  50000\n"            // no by=: its own group
      "2019-07-02  jobs.urban_new  600  by=财政局\n"
      "2019-07-05  unemployment.rate  2.9%  by=人社局\n"
      "2019-07-02  unemployment.rate  3.4%  by=人社局\n"  // read later, but older
      "2019-07-04  hr.portal  done  by=人社局\n"
      "2019-07-06  hr.portal  undone  by=人社局\n";
  Digest d = digest_of(plan, records, "2019-07-07", Period::week);
  CHECK(d.since == day("2019-06-30"));
  CHECK(d.next == day("2019-07-14"));
  // In: 20, 300, -5, 50000, 600 (jobs), 2.9, 3.4 (unemployment), done, undone.
  CHECK(d.recorded_entries == 9);
  REQUIRE(d.recorded.size() == 3);  // plan order: jobs, unemployment, hr.portal

  const RecordedIndicator& jobs = d.recorded[0];
  CHECK(jobs.ind->id == "jobs.urban_new");
  CHECK(jobs.entries == 5);
  CHECK(jobs.sum == *Decimal::parse("50915"));  // 20 + 300 - 5 + 50000 + 600
  REQUIRE(jobs.units.size() == 3);
  CHECK(jobs.units[0].unit == "");  // "" sorts first, then byte-wise
  CHECK(jobs.units[0].sum == *Decimal::parse("50000"));
  CHECK(jobs.units[1].unit == "人社局");
  CHECK(jobs.units[1].entries == 3);
  CHECK(jobs.units[1].sum == *Decimal::parse("315"));  // 20 + 300 - 5
  CHECK(jobs.units[1].latest_date == day("2019-07-07"));
  CHECK(jobs.units[1].note == "same day, read later");  // ties: the one read last
  CHECK(jobs.units[2].unit == "财政局");
  CHECK(jobs.units[2].sum == *Decimal::parse("600"));

  const RecordedIndicator& rate = d.recorded[1];
  CHECK(rate.ind->id == "unemployment.rate");
  REQUIRE(rate.units.size() == 1);
  CHECK(rate.units[0].latest_date == day("2019-07-05"));  // the greatest date wins
  CHECK(rate.units[0].latest_value == *Decimal::parse("2.9"));
  CHECK(digest_words::recorded_value(*rate.ind, rate.units[0], false) ==
        "reading 2.9% (2019-07-05)");

  const RecordedIndicator& portal = d.recorded[2];
  CHECK(portal.units[0].latest_done == false);
  CHECK(digest_words::recorded_value(*portal.ind, portal.units[0], false) == "undone (2019-07-06)");
  CHECK(digest_words::recorded_value(*jobs.ind, jobs.units[1], false) == "+315 人");
}

TEST_CASE("every status transition has one name, trouble first") {
  using S = Status;
  CHECK_FALSE(classify_change(Kind::total, S::behind, S::behind));
  CHECK(classify_change(Kind::total, S::on_track, S::behind) == Change::newly_behind);
  CHECK(classify_change(Kind::total, S::achieved, S::behind) == Change::newly_behind);
  CHECK(classify_change(Kind::total, S::behind, S::on_track) == Change::recovered);
  CHECK(classify_change(Kind::total, S::behind, S::achieved) == Change::newly_achieved);
  CHECK(classify_change(Kind::range, S::on_track, S::achieved) == Change::newly_achieved);
  CHECK(classify_change(Kind::total, S::achieved, S::on_track) == Change::reopened);
  CHECK(classify_change(Kind::cap, S::met, S::missed) == Change::breached);
  CHECK(classify_change(Kind::cap, S::no_data, S::missed) == Change::breached);
  CHECK(classify_change(Kind::floor, S::met, S::missed) == Change::newly_missed);
  CHECK(classify_change(Kind::floor, S::no_data, S::missed) == Change::newly_missed);
  CHECK(classify_change(Kind::cap, S::missed, S::met) == Change::recovered);
  CHECK(classify_change(Kind::floor, S::no_data, S::met) == Change::first_reading);
  CHECK(classify_change(Kind::milestone, S::pending, S::overdue) == Change::newly_overdue);
  CHECK(classify_change(Kind::milestone, S::done, S::overdue) == Change::newly_overdue);
  CHECK(classify_change(Kind::milestone, S::overdue, S::done) == Change::newly_achieved);
  CHECK(classify_change(Kind::milestone, S::done, S::pending) == Change::reopened);
  CHECK(Change::newly_behind < Change::breached);
  CHECK(Change::breached < Change::recovered);
}

TEST_CASE("status changes between D - period and D, at the boundaries") {
  const Plan& plan = testing::mini_plan();
  // D = 2019-07-07 (day 188 of 2019), a week: compared with 2019-06-30 (day 181).
  const char* records =
      // jobs.urban_new, split 17,000 a year. Expected at 2019-06-30:
      // 17000 + 17000 × 181/365 = 25,430.14; at 2019-07-07: 17000 + 17000 ×
      // 188/365 = 25,756.16. The entry dated exactly D - 7 counts at D - 7:
      // 25,431 ≥ 25,430.14 is on track then, and behind by 325.16 at D.
      "2018-12-31  jobs.urban_new  17000\n"
      "2019-06-30  jobs.urban_new  8431\n"
      // skills.total, 6,000 a year. Expected at 2019-06-30: 6000 + 6000 ×
      // 181/365 = 8,975.34 > 8,000: behind. With 1,100 more on 2019-07-01:
      // 9,100 ≥ 6000 + 6000 × 188/365 = 9,090.41: on track again.
      "2018-12-31  skills.total  6000\n"
      "2019-05-31  skills.total  2000\n"
      "2019-07-01  skills.total  1100\n"
      // A cap met (2.5 ≤ 3) and breached on D itself (3.2 > 3).
      "2019-03-31  unemployment.rate  2.5%\n"
      "2019-07-07  unemployment.rate  3.2%\n"
      // The range's lower bound, 3, reached in the period.
      "2019-06-01  skills.leaders  2\n"
      "2019-07-01  skills.leaders  1\n"
      // A floor's first reading, met (96 ≥ 95).
      "2019-07-02  graduates.rate  96%\n"
      // After D: changes nothing.
      "2019-07-08  skills.high  6000\n";
  Digest d = digest_of(plan, records, "2019-07-07", Period::week);
  CHECK(ids_of(d.changes) ==
        std::vector<std::string>{"jobs.urban_new:newly_behind", "unemployment.rate:breached",
                                 "skills.total:recovered", "skills.leaders:newly_achieved",
                                 "graduates.rate:first_reading"});
  CHECK(d.changes[0].before == Status::on_track);
  CHECK(d.changes[0].now.status == Status::behind);
  CHECK(*d.changes[0].now.behind_by == doctest::Approx(17000.0 * 188 / 365 + 17000 - 25431));
  CHECK(digest_words::change_detail(d.changes[0], false) ==
        "on track → behind; 25,431 of 51,000 人 (49.9%), expected 25,756, behind by 325");
  CHECK(digest_words::change_detail(d.changes[1], false) ==
        "met → missed; reading 3.2% on 2019-07-07, target ≤ 3%");
  CHECK(digest_words::change_detail(d.changes[4], false) ==
        "no data → met; reading 96% on 2019-07-02, target ≥ 95%");

  // One day earlier the 8,431 would be inside the window, so the week before
  // (2019-06-29) would show jobs behind already: no change, only still behind.
  Digest earlier = digest_of(plan, records, "2019-07-06", Period::week);
  CHECK(earlier.since == day("2019-06-29"));
  for (const auto& c : earlier.changes) CHECK(c.now.ind->id != "jobs.urban_new");
}

TEST_CASE("shortfalls: flows behind, largest share of the target first, with the pace needed") {
  const Plan& plan = testing::mini_plan();
  const char* records =
      "2018-12-31  jobs.urban_new  17000\n"
      "2019-06-30  jobs.urban_new  8431\n"
      "2018-12-31  skills.total  9091\n";  // on track at 2019-07-07 (≥ 9,090.41)
  Digest d = digest_of(plan, records, "2019-07-07", Period::week);
  // Behind at 2019-07-07: jobs.urban_new by 325.16 (0.64 % of 51,000);
  // skills.high (nothing recorded) by 2000 + 2000 × 188/365 = 3,030.14
  // (50.5 % of 6,000); skills.leaders (range, no splits) by 3 × t where
  // t = (365 + 188) / 1096 = 553/1096, 1.514 (50.46 % of 3).
  CHECK(d.behind == 3);
  REQUIRE(d.shortfalls.size() == 3);
  CHECK(d.shortfalls[0].now.ind->id == "skills.high");
  CHECK(d.shortfalls[0].gap == doctest::Approx((2000 + 2000.0 * 188 / 365) / 6000));
  CHECK(d.shortfalls[1].now.ind->id == "skills.leaders");
  CHECK(d.shortfalls[1].gap == doctest::Approx(553.0 / 1096));
  CHECK(d.shortfalls[2].now.ind->id == "jobs.urban_new");
  // 543 days from 2019-07-07 to 2020-12-31: 543 / 30.4375 = 17.84 months.
  // jobs.urban_new still needs 51,000 - 25,431 = 25,569: 1,433.27 a month.
  CHECK(*d.shortfalls[2].now.needed_per_month == doctest::Approx(25569 / (543 / 30.4375)));
  CHECK(*d.shortfalls[0].now.needed_per_month == doctest::Approx(6000 / (543 / 30.4375)));
  CHECK(digest_words::pace_detail(d.shortfalls[2], plan, false) ==
        // so far: 25,431 over 553 days (2018-01-01 … 2019-07-07) × 30.4375 =
        // 1,399.7 a month.
        "needs 1,433 a month to 2020-12-31, so far 1,400 a month");
  CHECK(digest_words::behind_detail(d.shortfalls[2], false) == "behind by 325, 0.6% of the target");

  // Charts for every flow behind, in the same order, month by month.
  REQUIRE(d.trends.size() == 3);
  CHECK(d.trends[0].ind->id == "skills.high");
  CHECK(d.trends[1].ind->id == "skills.leaders");
  CHECK(d.trends[2].ind->id == "jobs.urban_new");
  const auto& months = d.trends[2].months;
  REQUIRE(months.size() == 19);                              // 2018-01 … 2019-07
  CHECK(months[11].cumulative == *Decimal::parse("17000"));  // 2018-12
  CHECK(months[11].expected == doctest::Approx(17000));
  CHECK(months[18].cumulative == *Decimal::parse("25431"));
  CHECK(months[18].expected == doctest::Approx(17000 + 17000.0 * 188 / 365));  // to D, not 07-31

  // --top keeps the largest; the count of flows behind stays.
  Digest top1 = digest_of(plan, records, "2019-07-07", Period::week, "", 1);
  CHECK(top1.behind == 3);
  REQUIRE(top1.shortfalls.size() == 1);
  CHECK(top1.shortfalls[0].now.ind->id == "skills.high");
  CHECK(top1.trends.size() == 3);  // charts for all three, not only the one listed

  // After the period end nothing is "needed a month" any more.
  Digest late = digest_of(plan, records, "2021-01-10", Period::week);
  REQUIRE(!late.shortfalls.empty());
  CHECK_FALSE(late.shortfalls[0].now.needed_per_month);
  CHECK(digest_words::pace_detail(late.shortfalls[0], plan, false)
            .starts_with("the plan period is over, so far "));
}

TEST_CASE("milestones due in [D, D + period] or overdue") {
  const Plan& plan = testing::mini_plan();  // hr.portal is due 2020-12-31
  auto listed = [&](const char* as_of, const char* records = "") {
    return digest_of(plan, records, as_of, Period::week).milestones;
  };
  CHECK(listed("2020-12-23").empty());  // due 2020-12-31 > 2020-12-30
  auto soon = listed("2020-12-24");     // 2020-12-31 is D + 7
  REQUIRE(soon.size() == 1);
  CHECK(soon[0].status == Status::pending);
  CHECK(soon[0].days == 7);
  CHECK(digest_words::milestone_detail(soon[0], false) == "due 2020-12-31, in 7 days");
  auto today = listed("2020-12-31");
  REQUIRE(today.size() == 1);
  CHECK(digest_words::milestone_detail(today[0], false) == "due 2020-12-31, today");
  auto late = listed("2021-01-01");
  REQUIRE(late.size() == 1);
  CHECK(late[0].status == Status::overdue);
  CHECK(digest_words::milestone_detail(late[0], false) == "due 2020-12-31, 1 day overdue");
  CHECK(listed("2020-12-24", "2020-12-01  hr.portal  done\n").empty());  // done: not listed
  CHECK(listed("2021-03-01", "2021-02-01  hr.portal  done\n").empty());
  auto retracted =
      listed("2021-03-01", "2020-12-01  hr.portal  done\n2021-02-01  hr.portal  undone\n");
  REQUIRE(retracted.size() == 1);
  CHECK(retracted[0].days == 60);  // 2020-12-31 → 2021-03-01: 31 (Jan) + 28 (Feb) + 1
}

TEST_CASE("headline counts, and --unit restricting every section") {
  const Plan& plan = testing::mini_plan();
  const char* records =
      "2018-12-31  jobs.urban_new  20000  by=人社局\n"
      "2019-07-01  jobs.urban_new  100  by=人社局\n"
      "2019-07-01  graduates.rate  96%  by=教育局  note=\"年报\"\n"
      "2019-07-01  unemployment.rate  3.5%  by=人社局\n";
  Digest all = digest_of(plan, records, "2019-07-07", Period::week);
  // jobs: 20,100 < 25,756: behind. skills.total, skills.high, skills.leaders:
  // nothing recorded: behind. unemployment 3.5 > 3: missed. graduates: met.
  // hr.portal: pending.
  CHECK(all.headline.indicators == 7);
  CHECK(all.headline.achieved == 1);
  CHECK(all.headline.on_track == 1);
  CHECK(all.headline.behind == 4);
  CHECK(all.headline.missed == 1);
  CHECK(all.headline.no_data == 0);
  CHECK(all.counts[static_cast<std::size_t>(Status::met)] == 1);
  CHECK(all.counts[static_cast<std::size_t>(Status::pending)] == 1);
  CHECK(digest_words::counts_line(all, false) ==
        "7 indicators: 1 achieved, 1 on track, 4 behind, 1 missed, 0 no data");
  CHECK(digest_words::time_line(all, false) == "Time progress 50.5% (day 553 of 1,096)");
  CHECK(all.recorded_entries == 3);
  CHECK(all.units.rows.size() == 3);
  CHECK(any_status(all, {Status::missed}));
  CHECK_FALSE(any_status(all, {Status::overdue, Status::no_data}));

  // 教育局 partners graduates.rate only.
  Digest edu = digest_of(plan, records, "2019-07-07", Period::week, "教育局");
  CHECK(edu.headline.indicators == 1);
  CHECK(edu.headline.achieved == 1);
  CHECK(edu.recorded_entries == 1);
  REQUIRE(edu.recorded.size() == 1);
  CHECK(edu.recorded[0].ind->id == "graduates.rate");
  CHECK(edu.shortfalls.empty());
  CHECK(edu.trends.empty());
  CHECK(edu.milestones.empty());
  REQUIRE(edu.units.rows.size() == 1);
  CHECK(edu.units.rows[0].unit == "教育局");
  CHECK_FALSE(any_status(edu, {Status::missed, Status::behind}));
  CHECK(digest_words::window(edu, false) ==
        "Period 2019-07-01 to 2019-07-07, status compared with 2019-06-30; only indicators "
        "教育局 leads or partners");
}

namespace {

// The golden ledger: a monthly digest as of 2020-12-15, compared with
// 2020-11-15. 2020-12-15 is day 350 of 2020 and day 1080 of the period
// (365 + 365 + 350); 2020-11-15 is day 320 of 2020. 16 days remain to
// 2020-12-31: 16 / 30.4375 = 0.525667 months.
constexpr const char* kGoldenRecords =
    "2018-12-31  jobs.urban_new  17000  by=人社局\n"
    "2019-12-31  jobs.urban_new  17000  by=人社局\n"
    "2020-11-15  jobs.urban_new  15000  by=人社局\n"  // D - 1 month: before the window
    "2020-11-16  jobs.urban_new  600  by=人社局  note=\"十一月快报\"\n"
    "2020-12-15  jobs.urban_new  400  by=财政局\n"
    "2020-12-20  jobs.urban_new  700  by=人社局\n"  // after D: nowhere
    "2018-12-31  skills.total  6000  by=人社局\n"
    "2019-12-31  skills.total  4000  by=人社局\n"
    "2020-06-30  skills.total  2000  by=人社局\n"
    "2020-12-01  skills.total  500  by=人社局\n"
    "2018-12-31  skills.high  2000  by=人社局\n"
    "2019-12-31  skills.high  2000  by=人社局\n"
    "2020-10-31  skills.high  1800  by=人社局\n"
    "2020-12-01  skills.high  300  by=人社局\n"
    "2019-05-20  skills.leaders  1  by=人社局\n"
    "2020-09-30  unemployment.rate  2.8%  by=人社局\n"
    "2020-12-10  unemployment.rate  3.1%  by=人社局\n"
    "2020-10-31  graduates.rate  94%  by=教育局\n"
    "2020-12-05  graduates.rate  96%  by=教育局\n";

}  // namespace

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

TEST_CASE("golden Markdown digest") {
  const Plan& plan = testing::mini_plan();
  Digest d = digest_of(plan, kGoldenRecords, "2020-12-15", Period::month);
  // The same figures as the text digest (see there); the units table is
  // units_table's, whose worst gaps are skills.leaders 1.956/3 = 65.2 % for
  // 人社局 and jobs.urban_new 256.83/51,000 = 0.5 % for 财政局; 教育局's
  // graduates.rate is met, so it has none.
  const std::string want = R"(# 测试计划 — monthly report as of 2020-12-15

Period 2020-11-16 to 2020-12-15, status compared with 2020-11-15

- Time progress 98.5% (day 1,080 of 1,096)
- 7 indicators: 2 achieved, 1 on track, 3 behind, 1 missed, 0 no data

## Recorded in the period: 6 entries on 5 indicators

| ID                | Indicator                | Reported by | Entries | Recorded                  | Latest note |
|-------------------|--------------------------|-------------|--------:|---------------------------|-------------|
| jobs.urban_new    | 城镇新增就业人数         | 人社局      |       1 | +600 人                   | 十一月快报  |
| jobs.urban_new    | 城镇新增就业人数         | 财政局      |       1 | +400 人                   |             |
| jobs.urban_new    | 城镇新增就业人数         | total       |       2 | +1,000 人                 |             |
| unemployment.rate | 城镇登记失业率           | 人社局      |       1 | reading 3.1% (2020-12-10) |             |
| graduates.rate    | 高校毕业生年末总体就业率 | 教育局      |       1 | reading 96% (2020-12-05)  |             |
| skills.total      | 新增技能人才             | 人社局      |       1 | +500 人                   |             |
| skills.high       | 新增高技能人才           | 人社局      |       1 | +300 人                   |             |

## Status changes since 2020-11-15

| Change         | ID                | Indicator                | Figures at the date                                                            |
|----------------|-------------------|--------------------------|--------------------------------------------------------------------------------|
| Newly behind   | jobs.urban_new    | 城镇新增就业人数         | on track → behind; 50,000 of 51,000 人 (98.0%), expected 50,257, behind by 257 |
| Caps breached  | unemployment.rate | 城镇登记失业率           | met → missed; reading 3.1% on 2020-12-10, target ≤ 3%                          |
| Recovered      | graduates.rate    | 高校毕业生年末总体就业率 | missed → met; reading 96% on 2020-12-05, target ≥ 95%                          |
| Newly achieved | skills.high       | 新增高技能人才           | on track → achieved; 6,100 of 6,000 人 (101.7%)                                |

## Largest shortfalls (3 of 3 behind)

|   # | ID             | Indicator          |    Actual |    Target |  Done | Expected | Behind by | Of target | Needed a month | Pace so far |
|----:|----------------|--------------------|----------:|----------:|------:|---------:|----------:|----------:|---------------:|------------:|
|   1 | skills.leaders | 姑苏高技能领军人才 |      1 人 |      3 人 | 33.3% |     2.96 |      1.96 |     65.2% |            3.8 |        0.03 |
|   2 | skills.total   | 新增技能人才       | 12,500 人 | 18,000 人 | 69.4% |   17,738 |     5,238 |     29.1% |         10,463 |         352 |
|   3 | jobs.urban_new | 城镇新增就业人数   | 50,000 人 | 51,000 人 | 98.0% |   50,257 |       257 |      0.5% |          1,902 |       1,409 |

## Responsible units

| Unit   | Leads | Partners | Achieved | On track | Behind | Missed | No data | Worst          |   Gap |
|--------|------:|---------:|---------:|---------:|-------:|-------:|--------:|----------------|------:|
| 人社局 |     7 |        0 |        2 |        1 |      3 |      1 |       0 | skills.leaders | 65.2% |
| 财政局 |     0 |        1 |        0 |        0 |      1 |      0 |       0 | jobs.urban_new |  0.5% |
| 教育局 |     0 |        1 |        1 |        0 |      0 |      0 |       0 |                |       |

## Milestones due by 2021-01-15 or overdue

| ID        | Milestone            | Status  | Due                        |
|-----------|----------------------|---------|----------------------------|
| hr.portal | 人力资源市场门户网站 | pending | due 2020-12-31, in 16 days |

Achieved counts met levels and done milestones; on track, pending milestones; missed, overdue milestones.
)";
  CHECK(digest_markdown(d, RenderOptions{}) == want);
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
