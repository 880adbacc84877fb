// Figures checked by hand (and with Python's datetime for day counts): the
// period 2018-01-01 … 2020-12-31 has 365 + 365 + 366 = 1096 days.
#include "evaluation.h"

#include <doctest/doctest.h>

#include "mini_fixture.h"

using namespace plan;
using testing::day;
using testing::dec;

namespace {

// Entries added in order, then evaluated at a date.
struct Fixture {
  testing::Entries entries;
  void add(const char* date, const char* id, const char* value) { entries.add(date, id, value); }
  IndicatorStatus at(const char* as_of, const char* id, std::optional<int> year = {}) {
    Ledger l = entries.ledger(as_of);
    return evaluate(l, *testing::mini_plan().find(id), year);
  }
};

}  // namespace

TEST_CASE("time progress at the edges of the period") {
  Date s = day("2018-01-01"), e = day("2020-12-31");
  CHECK(progress(s, e, day("2017-12-31")) == 0.0);
  CHECK(progress(s, e, day("2018-01-01")) == doctest::Approx(1.0 / 1096));
  CHECK(progress(s, e, day("2020-02-29")) == doctest::Approx(790.0 / 1096));
  CHECK(progress(s, e, day("2020-12-31")) == 1.0);
  CHECK(progress(s, e, day("2021-06-30")) == 1.0);
}

TEST_CASE("a flow before the start is on track with nothing expected") {
  Fixture f;
  auto s = f.at("2017-12-31", "jobs.urban_new");
  CHECK(s.time_progress == 0.0);
  CHECK(*s.actual == Decimal());
  CHECK(*s.expected == 0.0);
  CHECK(*s.completion == 0.0);
  CHECK(s.status == Status::on_track);
  CHECK(*s.needed_per_month == doctest::Approx(51000 / (1096 / kDaysPerMonth)));
  CHECK_FALSE(s.projected);  // no time elapsed: no pace to project
}

TEST_CASE("a flow with no records on the first day is behind") {
  Fixture f;
  auto s = f.at("2018-01-01", "jobs.urban_new");
  // 17000 / 365 = 46.58 on the line: 46 whole people due.
  CHECK(*s.expected == 46);
  CHECK(s.status == Status::behind);
  CHECK(*s.shortfall == dec("51000"));
  CHECK(*s.projected == 0.0);
}

TEST_CASE("expected follows the yearly splits across a leap day and year boundaries") {
  Fixture f;
  CHECK(*f.at("2018-12-31", "jobs.urban_new").expected == doctest::Approx(17000));
  // Counted in people, the line's whole people: 17000 + 17000 / 365 =
  // 17,046.58 and 34000 + 17000 × 60/366 = 36,786.89.
  CHECK(*f.at("2019-01-01", "jobs.urban_new").expected == 17046);
  CHECK(*f.at("2020-02-29", "jobs.urban_new").expected == 36786);
  CHECK(*f.at("2020-12-31", "jobs.urban_new").expected == doctest::Approx(51000));
  CHECK(*f.at("2021-03-01", "jobs.urban_new").expected == doctest::Approx(51000));
}

TEST_CASE("counted in whole things, what is due is whole: never above an on-track actual") {
  // skills.leaders: 3 to 5 人 over the 1096 days, no yearly split. On
  // 2020-12-30 (day 1095) the line stands at 3 × 1095/1096 = 2.997: 2
  // leaders are due, the third on the last day. 2 in is on track with 2
  // expected (it read "expected 3 … on_track"); 1 in is 1 behind.
  Fixture f;
  f.add("2019-03-31", "skills.leaders", "1");
  auto one = f.at("2020-12-30", "skills.leaders");
  CHECK(*one.expected == 2);
  CHECK(*one.behind_by == 1);
  CHECK(one.status == Status::behind);
  f.add("2020-06-30", "skills.leaders", "1");
  auto two = f.at("2020-12-30", "skills.leaders");
  CHECK(*two.expected == 2);
  CHECK(*two.behind_by == 0);
  CHECK(two.status == Status::on_track);
  // On the last day all 3 are due: 2 is missed, 1 short.
  auto end = f.at("2020-12-31", "skills.leaders");
  CHECK(*end.expected == 3);
  CHECK(*end.behind_by == 1);
  CHECK(end.status == Status::missed);
  // 2019-06-30 (day 546): 3 × 546/1096 = 1.49, so 1 is due.
  CHECK(*f.at("2019-06-30", "skills.leaders").expected == 1);
}

TEST_CASE("a flow mid-period: sums with corrections, behind by the expected line") {
  Fixture f;
  f.add("2018-03-31", "jobs.urban_new", "4210");
  f.add("2018-07-15", "jobs.urban_new", "-120");  // correction
  f.add("2018-12-31", "jobs.urban_new", "12000");
  f.add("2019-05-01", "jobs.urban_new", "0");  // a zero entry changes nothing
  f.add("2019-06-30", "jobs.urban_new", "9000");
  f.add("2019-07-01", "jobs.urban_new", "5000");  // after the as-of date
  f.add("2017-12-31", "jobs.urban_new", "777");   // before the period
  auto s = f.at("2019-06-30", "jobs.urban_new");
  CHECK(*s.actual == dec("25090"));
  CHECK(*s.target == dec("51000"));
  CHECK(*s.completion == doctest::Approx(25090.0 / 51000));
  // 17000 + 17000 × 181/365 = 25,430.14 on the line: 25,430 people due,
  // 340 more than the 25,090 in.
  CHECK(*s.expected == 25430);
  CHECK(*s.behind_by == 340);
  CHECK(*s.shortfall == dec("25910"));
  CHECK(s.status == Status::behind);
  // 546 days elapsed; average pace projected over 1096 days.
  CHECK(*s.projected == doctest::Approx(25090.0 / 546 * 1096));
  CHECK(*s.pace_per_month == doctest::Approx(25090.0 / 546 * kDaysPerMonth));
  // 550 days remain after 2019-06-30.
  CHECK(*s.needed_per_month == doctest::Approx(25910 / (550 / kDaysPerMonth)));

  REQUIRE(s.years.size() == 3);
  const YearFigures& y18 = s.years[0];
  CHECK(*y18.actual == dec("16090"));
  CHECK(*y18.target == dec("17000"));
  CHECK(*y18.completion == doctest::Approx(16090.0 / 17000));
  // 2018 closed on 2018-12-31 with 16090 < 17000: missed (未完成), no longer
  // behind.
  CHECK(*y18.status == Status::missed);
  CHECK_FALSE(y18.change);  // 2017 is outside the period
  const YearFigures& y19 = s.years[1];
  CHECK(*y19.actual == dec("9000"));
  CHECK(*y19.status == Status::on_track);  // 9000 >= 17000 * 181/365 = 8430.1
  // 2019 is in progress: compared with 2018 up to 06-30 (4210; the -120 of
  // 07-15 and the 12000 of 12-31 come later in the year), not all of 2018.
  REQUIRE(y19.change);
  CHECK(*y19.change == doctest::Approx(9000.0 / 4210 - 1));
  const YearFigures& y20 = s.years[2];
  CHECK(*y20.target == dec("17000"));
  CHECK_FALSE(y20.actual);  // not begun
  CHECK_FALSE(y20.status);
}

TEST_CASE("a completed year is compared with all of the year before") {
  Fixture f;
  f.add("2018-03-31", "jobs.urban_new", "4210");
  f.add("2018-12-31", "jobs.urban_new", "11880");
  f.add("2019-06-30", "jobs.urban_new", "9000");
  f.add("2019-12-31", "jobs.urban_new", "8000");
  auto s = f.at("2020-01-15", "jobs.urban_new");
  REQUIRE(s.years[1].change);
  CHECK(*s.years[1].change == doctest::Approx(17000.0 / 16090 - 1));
  // 2020 in progress: nothing by 01-15 in either year, so no growth rate.
  CHECK(*s.years[2].actual == Decimal());
  CHECK_FALSE(s.years[2].change);
  // At 2019-12-30 the 12-31 entries of both years are outside the window.
  s = f.at("2019-12-30", "jobs.urban_new");
  REQUIRE(s.years[1].change);
  CHECK(*s.years[1].change == doctest::Approx(9000.0 / 4210 - 1));
}

TEST_CASE("a flow judged against one year's own target") {
  Fixture f;
  f.add("2018-12-31", "jobs.urban_new", "16090");
  f.add("2019-06-30", "jobs.urban_new", "9000");
  auto s = f.at("2019-06-30", "jobs.urban_new", 2019);
  CHECK(*s.target == dec("17000"));
  CHECK(*s.actual == dec("9000"));
  CHECK(s.time_progress == doctest::Approx(181.0 / 365));
  CHECK(*s.expected == 8430);  // 17000 × 181/365 = 8,430.14
  CHECK(s.status == Status::on_track);
  CHECK(*s.shortfall == dec("8000"));
}

TEST_CASE("a year whose split is 0 asks for nothing: achieved, by status --year and yoy alike") {
  // skills.leaders (range 3-5) with the split of the shipped plan's
  // hr.agencies_in_park: the whole target falls in 2019.
  Plan p = testing::mini_plan();
  p.indicators[*p.index_of("skills.leaders")].years = {
      {2018, Decimal()}, {2019, dec("3")}, {2020, Decimal()}};
  const Indicator& ind = *p.find("skills.leaders");
  Ledger l(p, day("2019-12-31"));
  l.add(testing::make_entry("2019-05-20", "skills.leaders", "4", "", {"f.rec", 1, 1}));
  auto y2018 = evaluate(l, ind, 2018);
  CHECK(*y2018.target == Decimal());
  CHECK(*y2018.actual == Decimal());
  CHECK_FALSE(y2018.completion);
  CHECK(y2018.status == Status::achieved);
  auto whole = evaluate(l, ind);
  REQUIRE(whole.years.size() == 3);
  CHECK(*whole.years[0].target == Decimal());
  CHECK_FALSE(whole.years[0].completion);
  CHECK(whole.years[0].status == Status::achieved);
  CHECK(*whole.years[1].completion == doctest::Approx(4.0 / 3));
  CHECK(whole.years[1].status == Status::achieved);
  CHECK_FALSE(whole.years[2].status);  // 2020 has not begun
  CHECK(evaluate(l, ind, 2019).status == Status::achieved);
}

TEST_CASE("a flow reaches its target: achieved, nothing more needed") {
  Fixture f;
  f.add("2019-12-31", "skills.leaders", "2");
  f.add("2020-03-31", "skills.leaders", "+2");
  auto s = f.at("2020-06-30", "skills.leaders");
  CHECK(*s.actual == dec("4"));
  CHECK(s.status == Status::achieved);  // a range is reached at its lower bound
  CHECK(*s.shortfall == Decimal());
  CHECK(*s.needed_per_month == 0.0);
  // No yearly split: per-year actuals, but no targets and no statuses.
  CHECK_FALSE(s.years[1].target);
  CHECK(*s.years[1].actual == dec("2"));
  CHECK_FALSE(s.years[1].status);
  CHECK_FALSE(s.years[0].change);  // no previous year
  CHECK_FALSE(s.years[1].change);  // previous year 0: no growth rate
  // 2020 in progress at 06-30 is compared with 2019 up to 06-30, which had
  // nothing (its 2 came on 12-31): no growth rate. (This line once read an
  // empty optional and passed on garbage.)
  CHECK_FALSE(s.years[2].change);
  // At the year's end both years are whole: 2 in 2019, 2 in 2020, change 0.
  s = f.at("2020-12-31", "skills.leaders");
  REQUIRE(s.years[2].change);
  CHECK(*s.years[2].change == 0.0);
}

TEST_CASE("a cap: latest reading, ties go to the one read last") {
  Fixture f;
  f.add("2018-12-31", "unemployment.rate", "2.1");
  f.add("2019-06-30", "unemployment.rate", "1.9");
  f.add("2019-06-30", "unemployment.rate", "3.4");  // same date, read later: wins
  f.add("2019-03-31", "unemployment.rate", "1.0");  // older date read later: loses
  auto s = f.at("2019-12-31", "unemployment.rate");
  CHECK(*s.actual == dec("3.4"));
  CHECK(s.actual_date->iso() == "2019-06-30");
  CHECK(s.status == Status::missed);
  CHECK(*s.shortfall == dec("0.4"));
  CHECK_FALSE(s.completion);
  CHECK(*s.years[0].actual == dec("2.1"));
  CHECK(*s.years[0].status == Status::met);
  REQUIRE(s.years[1].change);
  CHECK(*s.years[1].change == doctest::Approx(1.3));  // percentage points, not a growth rate
}

TEST_CASE("a rate that falls from 2.1 to 1.9 changed by -0.2 points") {
  Fixture f;
  f.add("2018-12-31", "unemployment.rate", "2.1");
  f.add("2019-12-31", "unemployment.rate", "1.9");
  auto s = f.at("2020-01-15", "unemployment.rate");
  REQUIRE(s.years[1].change);
  CHECK(*s.years[1].change == doctest::Approx(-0.2));
  CHECK(s.status == Status::met);
  CHECK(*s.shortfall == Decimal());
  CHECK(*s.years[2].status == Status::no_data);  // 2020 begun, no reading yet
}

TEST_CASE("a floor with no readings has no data") {
  Fixture f;
  auto s = f.at("2019-06-30", "graduates.rate");
  CHECK(s.status == Status::no_data);
  CHECK_FALSE(s.actual);
  f.add("2018-12-31", "graduates.rate", "94.5");
  s = f.at("2019-06-30", "graduates.rate");
  CHECK(s.status == Status::missed);
  CHECK(*s.shortfall == dec("0.5"));
  CHECK(*s.target == dec("95"));
}

TEST_CASE("milestones: pending, done, retracted, overdue") {
  Fixture f;
  CHECK(f.at("2020-06-30", "hr.portal").status == Status::pending);
  CHECK(f.at("2021-01-01", "hr.portal").status == Status::overdue);
  f.add("2020-11-30", "hr.portal", "done");
  CHECK(f.at("2020-11-29", "hr.portal").status == Status::pending);
  CHECK(f.at("2020-11-30", "hr.portal").status == Status::done);
  CHECK(f.at("2021-01-01", "hr.portal").status == Status::done);
  f.add("2020-12-01", "hr.portal", "undone");
  CHECK(f.at("2020-12-15", "hr.portal").status == Status::pending);
  CHECK(f.at("2021-01-01", "hr.portal").status == Status::overdue);
  CHECK(f.at("2020-11-30", "hr.portal").status == Status::done);
}

TEST_CASE("after the end of the period a flow short of its target is missed") {
  Fixture f;
  f.add("2020-12-31", "skills.total", "17999");
  f.add("2021-01-05", "skills.total", "5");  // after the period: not counted
  auto s = f.at("2021-02-01", "skills.total");
  CHECK(*s.actual == dec("17999"));
  CHECK(s.status == Status::missed);
  CHECK(*s.shortfall == dec("1"));
  CHECK_FALSE(s.needed_per_month);  // the period is over
  CHECK(*s.projected == doctest::Approx(17999));
}

TEST_CASE("a closed period: behind the day before the end, missed on the end day") {
  // skills.total: 18000 over the plan, 6000 a year; 17000 recorded in all.
  Fixture f;
  f.add("2018-12-31", "skills.total", "6000");
  f.add("2019-12-31", "skills.total", "6000");
  f.add("2020-06-30", "skills.total", "5000");
  // 2020-12-30: the line at 12000 + 6000 x 365/366 = 17983.6, so 17,983
  // people are due; 17000 is behind.
  auto before = f.at("2020-12-30", "skills.total");
  CHECK(*before.expected == 17983);
  CHECK(before.status == Status::behind);
  // 2020-12-31, the plan's last day: the period is closed; 1000 short is
  // missed, with the same shortfall and behind_by as before it closed.
  auto end = f.at("2020-12-31", "skills.total");
  CHECK(end.status == Status::missed);
  CHECK(*end.shortfall == dec("1000"));
  CHECK(*end.behind_by == doctest::Approx(1000));
  // The last year closes with the plan: 5000 of 6000 in 2020.
  CHECK(*end.years[2].status == Status::missed);
  CHECK(*before.years[2].status == Status::behind);  // 5000 < 6000 x 365/366 = 5983.6
  // Under --year 2019 the year closed on 2019-12-31: 6000 of 6000 achieved;
  // under --year 2020 it closes with the plan.
  CHECK(f.at("2019-12-31", "skills.total", 2019).status == Status::achieved);
  CHECK(f.at("2020-12-30", "skills.total", 2020).status == Status::behind);
  CHECK(f.at("2020-12-31", "skills.total", 2020).status == Status::missed);
  // Achieved stays achieved at and after the close.
  f.add("2020-12-31", "skills.total", "1000");
  CHECK(f.at("2020-12-31", "skills.total").status == Status::achieved);
  CHECK(f.at("2021-03-01", "skills.total").status == Status::achieved);
}

TEST_CASE("a year closes on its 31 December: missed in the split, behind before") {
  // skills.high: 2000 a year; 1500 in 2018.
  Fixture f;
  f.add("2018-06-30", "skills.high", "1500");
  // 2018-12-30: expected 2000 x 364/365 = 1994.5; 1500 is behind.
  CHECK(f.at("2018-12-30", "skills.high", 2018).status == Status::behind);
  CHECK(*f.at("2018-12-30", "skills.high").years[0].status == Status::behind);
  // 2018-12-31: the year is closed, in `status --year 2018` and in the split.
  CHECK(f.at("2018-12-31", "skills.high", 2018).status == Status::missed);
  CHECK(*f.at("2018-12-31", "skills.high").years[0].status == Status::missed);
  // The whole plan is not closed: 1500 of 6000 against 2000 expected is
  // behind, not missed.
  CHECK(f.at("2018-12-31", "skills.high").status == Status::behind);
  // A level keeps its rules: met or missed by the reading, closed or not.
  f.add("2020-12-31", "graduates.rate", "96");
  CHECK(f.at("2020-12-31", "graduates.rate").status == Status::met);
}

TEST_CASE("status names round-trip") {
  for (Status st : {Status::achieved, Status::on_track, Status::behind, Status::met, Status::missed,
                    Status::no_data, Status::done, Status::pending, Status::overdue})
    CHECK(parse_status(status_name(st)) == st);
  CHECK_FALSE(parse_status("late"));
}
