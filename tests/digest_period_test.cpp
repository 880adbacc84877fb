// The calendar periods of the `plan report` digest. Dates and ISO weeks
// were checked with Python's datetime (date.isocalendar()).
#include "digest_period.h"

#include <doctest/doctest.h>

#include "mini_fixture.h"

using namespace plan;
using testing::day;

namespace {

CalendarPeriod of(PeriodKind k, const char* label) {
  auto p = parse_calendar_label(k, label);
  REQUIRE_MESSAGE(p, label);
  return *p;
}

}  // namespace

TEST_CASE("weekdays: 1970-01-01 was a Thursday, 2020-06-29 a Monday") {
  CHECK(iso_weekday(day("1970-01-01")) == 3);
  CHECK(iso_weekday(day("1969-12-29")) == 0);  // before the epoch: negative day numbers
  CHECK(iso_weekday(day("2020-06-29")) == 0);
  CHECK(iso_weekday(day("2020-07-05")) == 6);
}

TEST_CASE("the period containing a day, at month, quarter, half and year ends") {
  auto check = [](PeriodKind k, const char* d, const char* first, const char* last) {
    CAPTURE(d);
    CalendarPeriod p = period_containing(k, day(d));
    CHECK(p.first == day(first));
    CHECK(p.last == day(last));
  };
  check(PeriodKind::month, "2020-02-29", "2020-02-01", "2020-02-29");  // leap February
  check(PeriodKind::month, "2019-02-01", "2019-02-01", "2019-02-28");
  check(PeriodKind::month, "2020-12-31", "2020-12-01", "2020-12-31");
  check(PeriodKind::quarter, "2020-03-31", "2020-01-01", "2020-03-31");
  check(PeriodKind::quarter, "2020-04-01", "2020-04-01", "2020-06-30");
  check(PeriodKind::quarter, "2020-12-31", "2020-10-01", "2020-12-31");
  check(PeriodKind::half, "2020-06-30", "2020-01-01", "2020-06-30");
  check(PeriodKind::half, "2020-07-01", "2020-07-01", "2020-12-31");
  check(PeriodKind::year, "2020-02-29", "2020-01-01", "2020-12-31");
  // Weeks run Monday to Sunday, across a month's and a year's end.
  check(PeriodKind::week, "2020-07-01", "2020-06-29", "2020-07-05");
  check(PeriodKind::week, "2021-01-01", "2020-12-28", "2021-01-03");
  check(PeriodKind::week, "2018-12-31", "2018-12-31", "2019-01-06");
}

TEST_CASE("the last complete period ends before the day the digest is made") {
  auto check = [](PeriodKind k, const char* d, const char* first, const char* last) {
    CAPTURE(d);
    CalendarPeriod p = last_complete_period(k, day(d));
    CHECK(p.first == day(first));
    CHECK(p.last == day(last));
  };
  // A cron job on the 1st gets the month just ended; on its last day June is
  // not complete yet, so May.
  check(PeriodKind::month, "2020-07-01", "2020-06-01", "2020-06-30");
  check(PeriodKind::month, "2020-06-30", "2020-05-01", "2020-05-31");
  check(PeriodKind::month, "2020-03-01", "2020-02-01", "2020-02-29");
  check(PeriodKind::month, "2021-01-01", "2020-12-01", "2020-12-31");
  check(PeriodKind::quarter, "2020-07-01", "2020-04-01", "2020-06-30");
  check(PeriodKind::quarter, "2021-01-15", "2020-10-01", "2020-12-31");
  check(PeriodKind::half, "2020-07-01", "2020-01-01", "2020-06-30");
  check(PeriodKind::half, "2020-06-30", "2019-07-01", "2019-12-31");
  check(PeriodKind::year, "2021-01-01", "2020-01-01", "2020-12-31");
  // Monday morning: the week that ended yesterday; on Sunday, the one before.
  check(PeriodKind::week, "2020-07-06", "2020-06-29", "2020-07-05");
  check(PeriodKind::week, "2020-07-05", "2020-06-22", "2020-06-28");
  check(PeriodKind::week, "2021-01-04", "2020-12-28", "2021-01-03");
}

TEST_CASE("previous and next periods tile the calendar") {
  CalendarPeriod march = of(PeriodKind::month, "2020-03");
  CHECK(previous_period(march) == of(PeriodKind::month, "2020-02"));
  CHECK(previous_period(march).last == day("2020-02-29"));
  CHECK(next_period(of(PeriodKind::month, "2020-12")) == of(PeriodKind::month, "2021-01"));
  CHECK(previous_period(of(PeriodKind::quarter, "2020Q1")) == of(PeriodKind::quarter, "2019Q4"));
  CHECK(next_period(of(PeriodKind::half, "2020H2")) == of(PeriodKind::half, "2021H1"));
  CHECK(previous_period(of(PeriodKind::week, "2021-W01")) == of(PeriodKind::week, "2020-W53"));
  CHECK(next_period(of(PeriodKind::week, "2020-W53")).first == day("2021-01-04"));
  // Every day from 2017-12-25 to 2021-01-10 is in exactly one week of a
  // chain of next_period, and the chain has no gap.
  CalendarPeriod w = period_containing(PeriodKind::week, day("2017-12-25"));
  for (int i = 0; i < 160; ++i) {
    CalendarPeriod n = next_period(w);
    CHECK(n.first == w.last.add_days(1));
    CHECK(n.last - n.first == 6);
    w = n;
  }
}

TEST_CASE("labels: ISO weeks, months, quarters, halves and years, both ways") {
  CHECK(calendar_label(period_containing(PeriodKind::week, day("2020-07-01"))) == "2020-W27");
  // The ISO year is the year of the week's Thursday.
  CHECK(calendar_label(period_containing(PeriodKind::week, day("2021-01-03"))) == "2020-W53");
  CHECK(calendar_label(period_containing(PeriodKind::week, day("2018-12-31"))) == "2019-W01");
  CHECK(calendar_label(period_containing(PeriodKind::week, day("2024-12-30"))) == "2025-W01");
  CHECK(calendar_label(period_containing(PeriodKind::week, day("2016-01-03"))) == "2015-W53");
  CHECK(calendar_label(period_containing(PeriodKind::month, day("2020-06-15"))) == "2020-06");
  CHECK(calendar_label(period_containing(PeriodKind::quarter, day("2020-06-15"))) == "2020Q2");
  CHECK(calendar_label(period_containing(PeriodKind::half, day("2020-07-01"))) == "2020H2");
  CHECK(calendar_label(period_containing(PeriodKind::year, day("2020-07-01"))) == "2020");

  CalendarPeriod w53 = of(PeriodKind::week, "2020-W53");
  CHECK(w53.first == day("2020-12-28"));
  CHECK(w53.last == day("2021-01-03"));
  CHECK(of(PeriodKind::week, "2019-W01").first == day("2018-12-31"));
  CHECK(of(PeriodKind::week, "2018-W01").first == day("2018-01-01"));
  CHECK(of(PeriodKind::week, "2026-W53").last == day("2027-01-03"));
  CHECK(of(PeriodKind::week, "2020-w27").first == day("2020-06-29"));  // lower case w
  CHECK(of(PeriodKind::quarter, "2020q4").first == day("2020-10-01"));
  CHECK(of(PeriodKind::half, "2020H1").last == day("2020-06-30"));
  CHECK(of(PeriodKind::year, "2020").last == day("2020-12-31"));
  CHECK(of(PeriodKind::month, "2020-02").last == day("2020-02-29"));
  CHECK(of(PeriodKind::month, "2100-02").last == day("2100-02-28"));  // not a leap year

  // 2019 and 2021 have 52 ISO weeks: their week 53 does not exist.
  for (const char* bad : {"2019-W53", "2021-W53", "2020-W00", "2020-W54", "2020-27", "2020W27",
                          "2020-W7", "20-W27", ""})
    CHECK_FALSE(parse_calendar_label(PeriodKind::week, bad));
  for (const char* bad : {"2020-13", "2020-00", "2020-6", "2020/06", "2020-06-01", "0000-01"})
    CHECK_FALSE(parse_calendar_label(PeriodKind::month, bad));
  for (const char* bad : {"2020Q0", "2020Q5", "2020-Q2", "2020Q"})
    CHECK_FALSE(parse_calendar_label(PeriodKind::quarter, bad));
  for (const char* bad : {"2020H0", "2020H3", "2020h"})
    CHECK_FALSE(parse_calendar_label(PeriodKind::half, bad));
  for (const char* bad : {"20", "20201", "year"})
    CHECK_FALSE(parse_calendar_label(PeriodKind::year, bad));
  // A label of one kind is not one of another.
  CHECK_FALSE(parse_calendar_label(PeriodKind::month, "2020Q2"));

  CHECK(parse_period_kind("half") == PeriodKind::half);
  CHECK(parse_period_kind("quarter") == PeriodKind::quarter);
  CHECK_FALSE(parse_period_kind("fortnight"));
}
