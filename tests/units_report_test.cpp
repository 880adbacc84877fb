// The units report on tests/fixtures (statuses worked by hand in
// status_report_test.cpp). In mini.toml 人社局 leads all seven indicators,
// 财政局 partners jobs.urban_new and 教育局 partners graduates.rate.
#include "units_report.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "mini_fixture.h"

namespace plan {

using testing::Entries;
using testing::fixture_records;

namespace {

UnitsReport units_at(const char* as_of, bool lead_only = false) {
  static const Entries records = fixture_records();
  Ledger l = records.ledger(as_of);
  return build_units(l, lead_only);
}

std::vector<std::string> names(const UnitsReport& r) {
  std::vector<std::string> out;
  for (const auto& u : r.rows) out.push_back(u.unit);
  return out;
}

}  // namespace

TEST_CASE("units mid-2019: counts per unit and the worst gap") {
  UnitsReport r = units_at("2019-06-30");
  REQUIRE(names(r) == std::vector<std::string>{"人社局", "财政局", "教育局"});
  const UnitRow& hrss = r.rows[0];
  CHECK(hrss.led == 7);
  CHECK(hrss.partnered == 0);
  // achieved: unemployment.rate (met), graduates.rate (met), skills.leaders;
  // on track: skills.total, hr.portal (pending); behind: jobs.urban_new, skills.high.
  CHECK(hrss.achieved == 3);
  CHECK(hrss.on_track == 2);
  CHECK(hrss.behind == 2);
  CHECK(hrss.missed == 0);
  CHECK(hrss.no_data == 0);
  // Behind by a share of the target, in whole people due: jobs 340/51000 =
  // 0.67 %, skills.high 91/6000 = 1.52 %: skills.high is worse.
  CHECK(hrss.worst_id == "skills.high");
  CHECK(*hrss.worst_gap == doctest::Approx(91.0 / 6000));

  const UnitRow& finance = r.rows[1];
  CHECK(finance.led == 0);
  CHECK(finance.partnered == 1);
  CHECK(finance.behind == 1);
  CHECK(finance.achieved + finance.on_track + finance.missed + finance.no_data == 0);
  CHECK(finance.worst_id == "jobs.urban_new");
  CHECK(*finance.worst_gap == doctest::Approx((17000 + 17000 * 181.0 / 365 - 25090) / 51000));

  const UnitRow& edu = r.rows[2];
  CHECK(edu.partnered == 1);
  CHECK(edu.achieved == 1);
  CHECK(edu.worst_id.empty());
  CHECK_FALSE(edu.worst_gap);
}

TEST_CASE("units at the end of 2019: a missed level against flows behind") {
  UnitsReport r = units_at("2019-12-31");
  const UnitRow& hrss = r.rows[0];
  // missed: unemployment.rate 3.2 > 3; behind: jobs (33090 < 34000),
  // skills.total (9500 < 12000), skills.high (2900 < 4000).
  CHECK(hrss.missed == 1);
  CHECK(hrss.behind == 3);
  CHECK(hrss.achieved == 2);
  CHECK(hrss.on_track == 1);
  // Gaps: 0.2/3 = 6.7 %, 910/51000 = 1.8 %, 2500/18000 = 13.9 %, 1100/6000 = 18.3 %.
  CHECK(hrss.worst_id == "skills.high");
  CHECK(*hrss.worst_gap == doctest::Approx(1100.0 / 6000));
}

TEST_CASE("units --lead-only counts led indicators only and drops partner-only units") {
  UnitsReport r = units_at("2019-06-30", true);
  CHECK(r.lead_only);
  REQUIRE(names(r) == std::vector<std::string>{"人社局"});
  CHECK(r.rows[0].led == 7);
  CHECK(r.rows[0].partnered == 0);
  CHECK(r.rows[0].behind == 2);
}

TEST_CASE("an overdue milestone is the worst only when nothing else is in trouble") {
  Plan p = testing::mini_plan();
  // hr.portal gets its own unit, so that its row holds only the milestone.
  p.indicators.back().lead = {"信息中心"};
  p.build_index();
  Ledger l(p, testing::day("2021-01-01"));
  UnitsReport r = build_units(l, false);
  // 信息中心 is not in [plan].units: it comes after them, by first use.
  REQUIRE(r.rows.size() == 4);
  CHECK(r.rows[3].unit == "信息中心");
  CHECK(r.rows[3].led == 1);
  CHECK(r.rows[3].missed == 1);  // overdue counts as missed
  CHECK(r.rows[3].worst_id == "hr.portal");
  CHECK_FALSE(r.rows[3].worst_gap);  // named, with no figure
  // 人社局's four flows have nothing recorded: the period closed, each is
  // missed by 100 % of its target; of equal gaps the first in plan order is
  // kept.
  CHECK(r.rows[0].behind == 0);
  CHECK(r.rows[0].missed == 4);
  CHECK(r.rows[0].worst_id == "jobs.urban_new");
  CHECK(*r.rows[0].worst_gap == doctest::Approx(1.0));
  CHECK(r.rows[0].led == 6);
  // No readings: the two levels have no data.
  CHECK(r.rows[0].no_data == 2);
}

TEST_CASE("units JSON") {
  auto j = nlohmann::json::parse(units_json(units_at("2019-06-30")));
  CHECK(j["as_of"] == "2019-06-30");
  CHECK(j["lead_only"] == false);
  REQUIRE(j["units"].size() == 3);
  CHECK(j["units"][0]["unit"] == "人社局");
  CHECK(j["units"][0]["worst"] == "skills.high");
  CHECK(j["units"][2]["worst"].is_null());
  CHECK(j["units"][2]["worst_gap"].is_null());
}

}  // namespace plan
