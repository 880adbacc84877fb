#include "plausibility.h"

#include <doctest/doctest.h>

#include "mini_fixture.h"

namespace plan {

using testing::make_entry;
using testing::mini_plan;

namespace {

// make_entry leaves the indicator index unset; the ranges look the id up.
std::optional<std::string> doubt(const FigureRanges& r, const char* id, const char* value) {
  return r.doubt(make_entry("2019-06-30", id, value));
}

}  // namespace

TEST_CASE("percent_doubt: a % reading outside 0 to 100") {
  const Plan& p = mini_plan();
  const Indicator& rate = *p.find("unemployment.rate");
  CHECK_FALSE(percent_doubt(make_entry("2019-06-30", "unemployment.rate", "0"), rate));
  CHECK_FALSE(percent_doubt(make_entry("2019-06-30", "unemployment.rate", "100"), rate));
  CHECK(percent_doubt(make_entry("2019-06-30", "unemployment.rate", "100.5"), rate) ==
        "value 100.5 of unemployment.rate is outside 0 to 100 and it is a percentage");
  CHECK(percent_doubt(make_entry("2019-06-30", "unemployment.rate", "-1"), rate));
  // Not a percentage: anything.
  const Indicator& jobs = *p.find("jobs.urban_new");
  CHECK_FALSE(percent_doubt(make_entry("2019-06-30", "jobs.urban_new", "4210"), jobs));
}

TEST_CASE("FigureRanges: a level 20 times outside its readings") {
  FigureRanges r(mini_plan());
  CHECK_FALSE(doubt(r, "unemployment.rate", "0.026"));  // nothing to compare with yet
  r.add(make_entry("2019-03-31", "unemployment.rate", "1.8"));
  r.add(make_entry("2019-06-30", "unemployment.rate", "0"));  // zeros say nothing
  r.add(make_entry("2019-09-30", "unemployment.rate", "2.1"));
  // Range 1.8 … 2.1. 0.026 × 20 = 0.52 ≤ 1.8: refused; 1.8 / 0.026 = 69.2.
  CHECK(doubt(r, "unemployment.rate", "0.026") ==
        "value 0.026 of unemployment.rate is 69 times smaller than the smallest of its other "
        "entries (1.8 to 2.1 %); is it in another unit (a fraction for a percent, 万 left out)?");
  // 0.09 × 20 = 1.8 ≤ 1.8: refused (the bound is in); 0.091 × 20 = 1.82: fine.
  CHECK(doubt(r, "unemployment.rate", "0.09"));
  CHECK_FALSE(doubt(r, "unemployment.rate", "0.091"));
  // 2.1 × 20 = 42: 42 is refused, 41.9 is not.
  CHECK(doubt(r, "unemployment.rate", "42") ==
        "value 42 of unemployment.rate is 20 times the largest of its other entries (1.8 to "
        "2.1 %); is it in another unit?");
  CHECK_FALSE(doubt(r, "unemployment.rate", "41.9"));
  CHECK_FALSE(doubt(r, "graduates.rate", "0.95"));  // ranges are per indicator
}

TEST_CASE("FigureRanges: a flow 100 times outside its positive increments") {
  FigureRanges r(mini_plan());
  r.add(make_entry("2019-03-31", "jobs.urban_new", "4210"));
  r.add(make_entry("2019-06-30", "jobs.urban_new", "-3"));  // a correction: not counted
  r.add(make_entry("2019-09-30", "jobs.urban_new", "300"));
  // Range 300 … 4210. 1.2 (万 left out) × 100 = 120 ≤ 300; 300 / 1.2 = 250.
  CHECK(doubt(r, "jobs.urban_new", "1.2") ==
        "value 1.2 of jobs.urban_new is 250 times smaller than the smallest of its other "
        "entries (300 to 4210 人); is it in another unit (a fraction for a percent, 万 left out)?");
  CHECK_FALSE(doubt(r, "jobs.urban_new", "3.5"));  // 350 > 300
  CHECK_FALSE(doubt(r, "jobs.urban_new", "-1"));   // corrections are not judged
  CHECK(doubt(r, "jobs.urban_new", "421000"));     // 421000 = 100 × 4210
  CHECK_FALSE(doubt(r, "jobs.urban_new", "420999"));
  CHECK_FALSE(doubt(r, "hr.portal", "done"));  // milestones carry no figure
}

}  // namespace plan
