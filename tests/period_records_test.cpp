// What was recorded in the digest's period, on the mini plan
// (tests/fixtures/mini.toml).
#include "period_records.h"

#include <doctest/doctest.h>

#include "digest_fixture.h"
#include "digest_words.h"

using namespace plan;
using testing::day;
using testing::digest_of;

TEST_CASE("recorded in the period: its first to its last day, per indicator and reporting unit") {
  const Plan& plan = testing::mini_plan();
  // The ISO week 2019-W27: Monday 2019-07-01 … Sunday 2019-07-07.
  const char* records =
      "2019-06-30  jobs.urban_new  1  by=人社局\n"                   // the Sunday before: out
      "2019-07-01  jobs.urban_new  20  by=人社局  note=\"first\"\n"  // Monday: in
      "2019-07-07  jobs.urban_new  300  by=人社局  note=\"last\"\n"  // Sunday: in
      "2019-07-07  jobs.urban_new  -5  by=人社局  note=\"same day, read later\"\n"
      "2019-07-08  jobs.urban_new  4000  by=人社局\n"  // next Monday: out
      "2019-07-03  jobs.urban_new  50000\n"            // no by=: its own group
      "2019-07-02  jobs.urban_new  600  by=财政局\n"
      "2019-07-05  unemployment.rate  2.9%  by=人社局\n"
      "2019-07-02  unemployment.rate  3.4%  by=人社局\n"  // read later, but older
      "2019-07-04  hr.portal  done  by=人社局\n"
      "2019-07-06  hr.portal  undone  by=人社局\n";
  Digest d = digest_of(plan, records, testing::period(PeriodKind::week, "2019-W27"));
  CHECK(d.as_of == day("2019-07-07"));
  CHECK(d.previous.last == day("2019-06-30"));
  CHECK(d.next.last == day("2019-07-14"));
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

  // Over all units: a flow's sum, a level's latest reading, a milestone's
  // latest state, without dates.
  CHECK(digest_words::recorded_total(jobs, false) == "+50,915 人");
  CHECK(digest_words::recorded_total(rate, false) == "2.9%");
  CHECK(digest_words::recorded_total(portal, true) == "撤销办结");
}

TEST_CASE("a level's latest reading over all units: greatest date, then read last") {
  const Plan& plan = testing::mini_plan();
  const char* records =
      "2019-07-05  unemployment.rate  2.9%  by=财政局\n"
      "2019-07-05  unemployment.rate  3.1%  by=人社局\n"  // same day, read later: wins
      "2019-07-03  unemployment.rate  2.0%  by=教育局\n";
  Digest d = digest_of(plan, records, testing::period(PeriodKind::week, "2019-W27"));
  REQUIRE(d.recorded.size() == 1);
  CHECK(d.recorded[0].units.size() == 3);
  CHECK(d.recorded[0].latest().unit == "人社局");
  CHECK(digest_words::recorded_total(d.recorded[0], false) == "3.1%");
}
