// The year-on-year split on tests/fixtures (entries in mini_fixture.h).
// Per year: jobs.urban_new 2018 4210-120+12000 = 16090, 2019 9000(+8000 by
// year end); skills.total 6500, 3000; skills.high 1900, 1000;
// unemployment.rate latest 2.1 (2018), 1.9 mid-2019, 3.2 at 2019's end.
#include "yoy_report.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "mini_fixture.h"
#include "render.h"

namespace plan {

using testing::dec;
using testing::Entries;
using testing::fixture_records;

namespace {

YoyReport yoy_at(const char* as_of, const std::vector<std::string>& ids = {}) {
  static const Entries records = fixture_records();
  Ledger l = records.ledger(as_of);
  return build_yoy(l, ids);
}

const IndicatorStatus& row(const YoyReport& r, const char* id) {
  for (const auto& s : r.rows)
    if (s.ind->id == id) return s;
  FAIL("no row " << id);
  throw 0;
}

}  // namespace

TEST_CASE("yoy covers every indicator but milestones, in plan order") {
  YoyReport r = yoy_at("2019-12-31");
  std::vector<std::string> ids;
  for (const auto& s : r.rows) ids.push_back(s.ind->id);
  CHECK(ids == std::vector<std::string>{"jobs.urban_new", "unemployment.rate", "graduates.rate",
                                        "skills.leaders", "skills.total", "skills.high"});
  for (const auto& s : r.rows) CHECK(s.years.size() == 3);
}

TEST_CASE("yoy for one id") {
  YoyReport r = yoy_at("2019-12-31", {"unemployment.rate"});
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].ind->id == "unemployment.rate");
}

TEST_CASE("flows change by a growth rate") {
  YoyReport r = yoy_at("2019-12-31");
  const auto& y = row(r, "jobs.urban_new").years;
  CHECK(y[0].year == 2018);
  CHECK(*y[0].actual == dec("16090"));
  CHECK(*y[0].target == dec("17000"));
  CHECK(*y[0].completion == doctest::Approx(16090.0 / 17000));
  // 2018 closed at 2018-12-31 with 16090 of 17000: missed (未完成).
  CHECK(*y[0].status == Status::missed);
  CHECK_FALSE(y[0].change);  // no year before the period for flows
  CHECK(*y[1].actual == dec("17000"));
  CHECK(*y[1].status == Status::achieved);
  CHECK(*y[1].change == doctest::Approx(17000.0 / 16090 - 1));  // +5.66 %
  // 2020 has not begun: a target, nothing else.
  CHECK(*y[2].target == dec("17000"));
  CHECK_FALSE(y[2].actual);
  CHECK_FALSE(y[2].status);
  CHECK_FALSE(y[2].change);

  const auto& total = row(r, "skills.total").years;
  CHECK(*total[0].status == Status::achieved);  // 6500 >= 6000
  CHECK(*total[1].status == Status::missed);    // 3000 < 6000, and 2019 closed on the as-of day
  CHECK(*total[1].change == doctest::Approx(3000.0 / 6500 - 1));  // -53.8 %
}

TEST_CASE("a year is judged at the as-of date while it runs") {
  YoyReport r = yoy_at("2019-06-30");
  const auto& y = row(r, "jobs.urban_new").years;
  // 9000 against 17000 * 181/365 = 8430.1 by 2019-06-30.
  CHECK(*y[1].actual == dec("9000"));
  CHECK(*y[1].status == Status::on_track);
  // Growth against the same period of 2018 (同比): January to June 30 of
  // 2018 holds only the 4210 of 2018-03-31 (the -120 is dated 2018-07-15).
  CHECK(*y[1].change == doctest::Approx(9000.0 / 4210 - 1));
  const auto& high = row(r, "skills.high").years;
  // skills.high's 2018 entry is dated 2018-12-31: no same period, no rate.
  CHECK(*high[1].actual == dec("1000"));
  CHECK_FALSE(high[1].change);
}

TEST_CASE("a whole year compares with the whole year before") {
  // At 2019-12-31 the year is complete: 17000 against all of 2018's 16090.
  YoyReport r = yoy_at("2019-12-31");
  CHECK(*row(r, "jobs.urban_new").years[1].change == doctest::Approx(17000.0 / 16090 - 1));
}

TEST_CASE("levels change by a difference in their own unit") {
  // 2.1 % in 2018, 1.9 % by mid-2019: -0.2 percentage points, not -9.5 %.
  YoyReport mid = yoy_at("2019-06-30");
  const auto& rate = row(mid, "unemployment.rate").years;
  CHECK(*rate[0].actual == dec("2.1"));
  CHECK(*rate[0].status == Status::met);
  CHECK_FALSE(rate[0].change);  // no reading in 2017
  CHECK(*rate[1].actual == dec("1.9"));
  CHECK(*rate[1].change == doctest::Approx(-0.2));
  CHECK(*rate[1].target == dec("3"));  // no per-year thresholds: the target
  // By the end of 2019 the latest reading of the year is 3.2: +1.1 points, missed.
  YoyReport end = yoy_at("2019-12-31");
  const auto& later = row(end, "unemployment.rate").years;
  CHECK(*later[1].actual == dec("3.2"));
  CHECK(*later[1].change == doctest::Approx(1.1));
  CHECK(*later[1].status == Status::missed);
  // In tables the difference reads as points: "pp", 个百分点 in Chinese.
  Table t = yoy_block(*mid.plan, row(mid, "unemployment.rate"));
  RenderOptions zh;
  zh.zh = true;
  CHECK(render_table(t, RenderOptions{}).find("-0.2 pp") != std::string::npos);
  std::string cn = render_table(t, zh);
  CHECK(cn.find("-0.2个百分点") != std::string::npos);
  CHECK(cn.find("pp") == std::string::npos);
}

TEST_CASE("a level's first year changes against a reading from the year before") {
  Entries e;
  e.add("2017-12-31", "unemployment.rate", "2.4").add("2018-12-31", "unemployment.rate", "2.1");
  Ledger l = e.ledger("2019-12-31");
  YoyReport r = build_yoy(l, {"unemployment.rate"});
  CHECK(*r.rows[0].years[0].change == doctest::Approx(-0.3));
  // 2019 has begun but has no reading: no data, no change.
  CHECK(*r.rows[0].years[1].status == Status::no_data);
  CHECK_FALSE(r.rows[0].years[1].actual);
  CHECK_FALSE(r.rows[0].years[1].change);
}

TEST_CASE("a growth rate from zero is null") {
  // skills.leaders has nothing in 2018 and 3 in 2019.
  YoyReport r = yoy_at("2019-12-31");
  const auto& y = row(r, "skills.leaders").years;
  CHECK(*y[0].actual == Decimal());
  CHECK(*y[1].actual == dec("3"));
  CHECK_FALSE(y[1].change);
  // No per-year split: no target, completion or status per year.
  CHECK_FALSE(y[1].target);
  CHECK_FALSE(y[1].completion);
  CHECK_FALSE(y[1].status);
}

TEST_CASE("yoy tables: growth as a ratio, levels as a number in points") {
  YoyReport r = yoy_at("2019-06-30", {"jobs.urban_new", "unemployment.rate"});
  Table rows = yoy_rows(r);
  REQUIRE(rows.rows.size() == 6);  // 2 indicators x 3 years
  const std::size_t change = 9;
  REQUIRE(rows.columns[change].key == "change");
  CHECK(rows.rows[1].cells[change].type == CellType::ratio);
  CHECK(rows.rows[1].cells[change].value == doctest::Approx(9000.0 / 4210 - 1));
  CHECK(rows.rows[4].cells[change].type == CellType::number);
  CHECK(rows.rows[4].cells[change].value == doctest::Approx(-0.2));
  CHECK(rows.rows[4].cells[change].suffix.empty());  // CSV: no unit in the cell

  Table t = yoy_table(r);
  // Per indicator: actual, target, (completion for flows), status, change.
  REQUIRE(t.rows.size() == 5 + 4);
  CHECK(t.rows[4].cells[0].text == "change");
  CHECK(t.rows[8].cells[0].text == "change");
  CHECK(t.rows[8].cells[2].suffix == " pp");
  CHECK(t.rows[8].cells[2].value == doctest::Approx(-0.2));
}

TEST_CASE("yoy block: one indicator's rows of the table, with no title and no group") {
  YoyReport r = yoy_at("2019-06-30", {"jobs.urban_new", "unemployment.rate"});
  Table t = yoy_table(r);
  Table b = yoy_block(*r.plan, r.rows[1]);  // unemployment.rate: a level, 4 rows
  CHECK(b.title.empty());
  CHECK(b.title_zh.empty());  // `plan show --lang zh` printed the table's Chinese title
  REQUIRE(b.columns.size() == t.columns.size());
  REQUIRE(b.rows.size() == 4);
  for (std::size_t i = 0; i < b.rows.size(); ++i) {
    CHECK(b.rows[i].group.empty());
    CHECK(t.rows[5 + i].group == "unemployment.rate  城镇登记失业率 (%)");
    CHECK(b.rows[i].cells[0].text == t.rows[5 + i].cells[0].text);
    CHECK(format_cell(b.rows[i].cells[2]) == format_cell(t.rows[5 + i].cells[2]));
  }
}

TEST_CASE("yoy JSON names the kind of change") {
  auto j = nlohmann::json::parse(yoy_json(yoy_at("2019-06-30")));
  REQUIRE(j["indicators"].size() == 6);
  CHECK(j["indicators"][0]["years"][1]["change_kind"] == "growth_rate");
  CHECK(j["indicators"][1]["years"][1]["change_kind"] == "difference");
  CHECK(j["indicators"][1]["years"][1]["change"].get<double>() == doctest::Approx(-0.2));
  CHECK(j["indicators"][0]["years"][2]["actual"].is_null());
}

}  // namespace plan
