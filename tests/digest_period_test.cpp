// The week and month of the `plan report` digest; dates checked with
// Python's datetime.
#include "digest_period.h"

#include <doctest/doctest.h>

#include "mini_fixture.h"

using namespace plan;
using testing::day;

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
