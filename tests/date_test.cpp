// Day counts worked by hand (and checked against `date -d`): 1970-01-01 is
// day 0; 2000-03-01 is day 11017 (30 years of 365 days + 7 leap days
// 1972…1996 = 10957 for 2000-01-01, then 31 + 29 = 60 days).
#include "date.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

namespace plan {
namespace {

Date day(const char* s) {
  auto d = Date::parse(s);
  REQUIRE(d);
  return *d;
}

}  // namespace

TEST_CASE("leap years follow the Gregorian rule") {
  CHECK(is_leap_year(2020));
  CHECK_FALSE(is_leap_year(2019));
  CHECK_FALSE(is_leap_year(1900));  // divisible by 100, not by 400
  CHECK(is_leap_year(2000));        // divisible by 400
  CHECK(days_in_year(2020) == 366);
  CHECK(days_in_year(2100) == 365);
  CHECK(days_in_month(2019, 2) == 28);
  CHECK(days_in_month(2020, 2) == 29);
  CHECK(days_in_month(2020, 4) == 30);
  CHECK(days_in_month(2020, 12) == 31);
}

TEST_CASE("parse takes real calendar dates only") {
  CHECK_FALSE(Date::parse("2019-02-29"));
  CHECK(Date::parse("2020-02-29"));
  CHECK_FALSE(Date::parse("1900-02-29"));
  CHECK(Date::parse("2000-02-29"));
  CHECK_FALSE(Date::parse("2019-04-31"));
  CHECK_FALSE(Date::parse("2019-13-01"));
  CHECK_FALSE(Date::parse("2019-00-10"));
  CHECK_FALSE(Date::parse("2019-01-00"));
  CHECK_FALSE(Date::parse("0000-01-01"));  // there is no year 0
  CHECK(Date::parse("2019-12-31"));
}

TEST_CASE("parse is strict about the shape YYYY-MM-DD") {
  CHECK_FALSE(Date::parse("2019-1-01"));
  CHECK_FALSE(Date::parse("2019-01-1"));
  CHECK_FALSE(Date::parse("2019-01-01x"));
  CHECK_FALSE(Date::parse(" 2019-01-01"));
  CHECK_FALSE(Date::parse("2019-01-01 "));
  CHECK_FALSE(Date::parse("20190101"));
  CHECK_FALSE(Date::parse("2019/01/01"));
  CHECK_FALSE(Date::parse("2019-0a-01"));
  CHECK_FALSE(Date::parse("+019-01-01"));
  CHECK_FALSE(Date::parse("2019-+1-01"));
  CHECK_FALSE(Date::parse(""));
  CHECK_FALSE(Date::parse("２０１９-01-01"));  // full-width digits
}

TEST_CASE("days since the epoch") {
  CHECK(day("1970-01-01").days_since_epoch() == 0);
  CHECK(day("1970-01-02").days_since_epoch() == 1);
  CHECK(day("1969-12-31").days_since_epoch() == -1);
  CHECK(day("2000-03-01").days_since_epoch() == 11017);
  // 2018-01-01: 48 years, 12 leap days (1972…2016) -> 48 * 365 + 12 = 17532.
  CHECK(day("2018-01-01").days_since_epoch() == 17532);
  CHECK(Date::from_ymd(2018, 1, 1) == day("2018-01-01"));
  CHECK(day("2020-12-31") - day("2018-01-01") == 1095);
}

TEST_CASE("every day 1970-2100 survives iso and parse") {
  Date first = day("1970-01-01"), last = day("2100-12-31");
  int count = 0, bad = 0;
  int y = 1970, m = 1, d = 1;  // the calendar counted independently
  for (Date x = first; x <= last; x = x.add_days(1)) {
    ++count;
    auto back = Date::parse(x.iso());
    if (!back || *back != x || x.year() != y || x.month() != m || x.day() != d) {
      if (++bad <= 5) FAIL_CHECK("day " << x.days_since_epoch() << " is " << x.iso());
    }
    if (++d > days_in_month(y, m)) {
      d = 1;
      if (++m > 12) {
        m = 1;
        ++y;
      }
    }
  }
  CHECK(bad == 0);
  // 131 years, 32 leap days (1972…2096; 2100 is not leap): 131 * 365 + 32.
  CHECK(count == 47847);
  CHECK(last.iso() == "2100-12-31");
}

TEST_CASE("year, month and day") {
  Date d = day("2020-02-29");
  CHECK(d.year() == 2020);
  CHECK(d.month() == 2);
  CHECK(d.day() == 29);
  CHECK(d.add_days(1).iso() == "2020-03-01");
  CHECK(day("2019-12-31").add_days(1).iso() == "2020-01-01");
  CHECK(day("2020-01-01").add_days(-1).iso() == "2019-12-31");
  CHECK(Date::from_days(-1).iso() == "1969-12-31");
  CHECK(day("0001-01-01").iso() == "0001-01-01");
  CHECK(day("9999-12-31").iso() == "9999-12-31");
  // Written by hand in years 0 to 9999; fmt's {:04} outside them.
  for (std::int32_t n = -800000; n < 3000000; n += 997) {
    const Date x = Date::from_days(n);
    REQUIRE(x.iso() == fmt::format("{:04}-{:02}-{:02}", x.year(), x.month(), x.day()));
  }
  CHECK(Date::from_days(-719529).iso() == "-001-12-31");
  CHECK(Date::from_days(2932897).iso() == "10000-01-01");
}

TEST_CASE("add_months clamps to the month's end") {
  CHECK(day("2020-03-31").add_months(-1).iso() == "2020-02-29");
  CHECK(day("2019-03-31").add_months(-1).iso() == "2019-02-28");
  CHECK(day("2019-01-31").add_months(1).iso() == "2019-02-28");
  CHECK(day("2020-01-31").add_months(1).iso() == "2020-02-29");
  CHECK(day("2019-05-31").add_months(1).iso() == "2019-06-30");
  CHECK(day("2019-11-15").add_months(2).iso() == "2020-01-15");
  CHECK(day("2020-01-15").add_months(-1).iso() == "2019-12-15");
  CHECK(day("2020-02-29").add_months(12).iso() == "2021-02-28");
  CHECK(day("2020-02-29").add_months(48).iso() == "2024-02-29");
  CHECK(day("2019-12-01").add_months(-24).iso() == "2017-12-01");
  CHECK(day("2019-06-10").add_months(0).iso() == "2019-06-10");
}

TEST_CASE("add_months crosses year 0 into negative years") {
  // Found by fuzz/ (scalars): a month count below zero indexed the month
  // table at -7. 0001-01-31 is month 1*12 + 0 = 12 counted from year 0;
  // 13 months back is month -1, which floor division puts in year -1,
  // December (12 * -1 + 11 = -1); December has 31 days.
  int y = 0, m = 0, d = 0;
  Date::from_ymd(1, 1, 31).add_months(-13).to_ymd(&y, &m, &d);
  CHECK(y == -1);
  CHECK(m == 12);
  CHECK(d == 31);
  // Month -24 (0001-01 minus 36) is year -2, January.
  Date::from_ymd(1, 1, 15).add_months(-36).to_ymd(&y, &m, &d);
  CHECK(y == -2);
  CHECK(m == 1);
  CHECK(d == 15);
}

TEST_CASE("progress counts days inclusively and clamps") {
  Date s = day("2019-01-01"), e = day("2019-12-31");
  CHECK(progress(s, e, day("2018-12-31")) == 0.0);
  CHECK(progress(s, e, day("2000-01-01")) == 0.0);
  CHECK(progress(s, e, s) == doctest::Approx(1.0 / 365));
  // 2019-07-02 is day 183 of 365 (181 days to June 30, plus 2).
  CHECK(progress(s, e, day("2019-07-02")) == doctest::Approx(183.0 / 365));
  CHECK(progress(s, e, e) == 1.0);
  CHECK(progress(s, e, day("2020-01-01")) == 1.0);
  // A one-day span is complete on that day.
  CHECK(progress(s, s, s) == 1.0);
  CHECK(progress(s, s, day("2018-12-31")) == 0.0);
}

TEST_CASE("dates order by day") {
  CHECK(day("2019-01-01") < day("2019-01-02"));
  CHECK(day("2019-12-31") < day("2020-01-01"));
  CHECK(day("2019-06-30") == day("2019-06-30"));
}

}  // namespace plan
