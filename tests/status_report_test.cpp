// The status report's data on tests/fixtures (see mini_fixture.h for the
// entries). Worked by hand at 2019-06-30: 2018 is whole (365 days) and 2019
// has run 181 days (31+28+31+30+31+30) of 365; the period 546 of 1096.
//   jobs.urban_new  actual 4210-120+12000+9000 = 25090;
//                   expected 17000 + 17000*181/365 = 25430.137 -> behind
//   unemployment.rate latest 1.9 (2019-06-30) <= 3 -> met
//   graduates.rate  latest 96.5 (2018-12-31) >= 95 -> met
//   skills.leaders  3 >= 3 -> achieved
//   skills.total    6500+3000 = 9500 >= 6000 + 6000*181/365 = 8975.342 -> on_track
//   skills.high     1900+1000 = 2900 <  2000 + 2000*181/365 = 2991.781 -> behind
//   hr.portal       nothing recorded, due 2020-12-31 -> pending
#include "status_report.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "csv.h"
#include "mini_fixture.h"
#include "render.h"

namespace plan {

using testing::day;
using testing::dec;
using testing::fixture_records;

namespace {

using Ids = std::vector<std::string>;

Ids ids(const StatusReport& r) {
  Ids out;
  for (const auto& s : r.rows) out.push_back(s.ind->id);
  return out;
}

const IndicatorStatus& row(const StatusReport& r, const char* id) {
  for (const auto& s : r.rows)
    if (s.ind->id == id) return s;
  FAIL("no row " << id);
  throw 0;
}

StatusReport status_at(const char* as_of, const StatusFilter& f = {}) {
  static const testing::Entries records = fixture_records();
  Ledger l = records.ledger(as_of);
  REQUIRE_FALSE(l.error());
  return build_status(l, f);
}

}  // namespace

TEST_CASE("status: every indicator, grouped by area, with the figures worked by hand") {
  StatusReport r = status_at("2019-06-30");
  // Area jobs (就业) first: its indicators in plan order, hr.portal last of
  // them although it is last in the file; then area skills.
  CHECK(ids(r) == Ids{"jobs.urban_new", "unemployment.rate", "graduates.rate", "hr.portal",
                      "skills.leaders", "skills.total", "skills.high"});
  CHECK(r.as_of == day("2019-06-30"));
  CHECK(r.time_progress == doctest::Approx(546.0 / 1096));
  CHECK_FALSE(r.year);

  const auto& jobs = row(r, "jobs.urban_new");
  CHECK(*jobs.actual == dec("25090"));
  // The line at 17000 + 17000 × 181/365 = 25,430.14: 25,430 people due.
  CHECK(*jobs.expected == 25430);
  CHECK(*jobs.behind_by == 25430 - 25090);
  CHECK(*jobs.shortfall == dec("25910"));
  CHECK(jobs.status == Status::behind);

  CHECK(row(r, "unemployment.rate").status == Status::met);
  CHECK(*row(r, "unemployment.rate").actual == dec("1.9"));
  CHECK(*row(r, "unemployment.rate").actual_date == day("2019-06-30"));
  CHECK(row(r, "graduates.rate").status == Status::met);
  CHECK(*row(r, "graduates.rate").actual == dec("96.5"));
  CHECK(row(r, "skills.leaders").status == Status::achieved);
  CHECK(row(r, "skills.total").status == Status::on_track);
  CHECK(*row(r, "skills.total").actual == dec("9500"));
  CHECK(row(r, "skills.high").status == Status::behind);
  // The line at 2000 + 2000 × 181/365 = 2,991.78: 2,991 due.
  CHECK(*row(r, "skills.high").behind_by == 2991 - 2900);
  CHECK(row(r, "hr.portal").status == Status::pending);
}

TEST_CASE("status at the end of 2019: the cap is missed by 0.2") {
  StatusReport r = status_at("2019-12-31");
  const auto& rate = row(r, "unemployment.rate");
  CHECK(rate.status == Status::missed);
  CHECK(*rate.actual == dec("3.2"));
  CHECK(*rate.shortfall == dec("0.2"));
  // 25090 + 8000 = 33090 against 34000 expected.
  CHECK(row(r, "jobs.urban_new").status == Status::behind);
  CHECK(*row(r, "jobs.urban_new").behind_by == doctest::Approx(910));
}

TEST_CASE("status --area by id and by name") {
  StatusFilter by_id;
  by_id.area = "jobs";
  Ids jobs{"jobs.urban_new", "unemployment.rate", "graduates.rate", "hr.portal"};
  CHECK(ids(status_at("2019-06-30", by_id)) == jobs);
  StatusFilter by_name;
  by_name.area = "就业";
  CHECK(ids(status_at("2019-06-30", by_name)) == jobs);
  StatusFilter skills;
  skills.area = "技能";
  CHECK(ids(status_at("2019-06-30", skills)) ==
        Ids{"skills.leaders", "skills.total", "skills.high"});
  StatusFilter none;
  none.area = "job";  // no prefix matching
  CHECK(status_at("2019-06-30", none).rows.empty());
  // A task id is not an area.
  none.area = "jobs.new";
  CHECK(status_at("2019-06-30", none).rows.empty());
}

TEST_CASE("status --unit keeps lead and partner indicators") {
  StatusFilter f;
  f.unit = "教育局";  // partner of graduates.rate only
  CHECK(ids(status_at("2019-06-30", f)) == Ids{"graduates.rate"});
  f.unit = "财政局";  // partner of jobs.urban_new only
  CHECK(ids(status_at("2019-06-30", f)) == Ids{"jobs.urban_new"});
  f.unit = "人社局";  // leads all
  CHECK(status_at("2019-06-30", f).rows.size() == 7);
  f.unit = "人社";
  CHECK(status_at("2019-06-30", f).rows.empty());
}

TEST_CASE("status --unit with the unit's own figures beside every unit's") {
  // 人社局 (lead of every indicator of the mini plan) and a town report
  // jobs.urban_new and the rate. The rows' figures are theirs together,
  // 人社局's own figures its alone: 100 + 300 + 50 of 100 + 300 + 50 + 700
  // + 20 (2019 alone: 350 of 1070); its latest rate 2.5 (2019-06-30) where
  // the latest of all is 震泽镇's 2.8 (read later, same day).
  testing::Entries e;
  e.add("2018-12-31", "jobs.urban_new", "100", "人社局")
      .add("2019-03-31", "jobs.urban_new", "300", "人社局")
      .add("2019-03-31", "jobs.urban_new", "700", "震泽镇")
      .add("2019-06-30", "jobs.urban_new", "50", "人社局")
      .add("2019-06-30", "jobs.urban_new", "20", "震泽镇")
      .add("2019-03-31", "unemployment.rate", "2.0", "人社局")
      .add("2019-06-30", "unemployment.rate", "2.5", "人社局")
      .add("2019-06-30", "unemployment.rate", "2.8", "震泽镇")
      .add("2019-05-01", "hr.portal", "done", "人社局")
      .add("2020-01-31", "jobs.urban_new", "9", "人社局");  // after the as-of date
  Ledger all = e.ledger("2019-12-31");
  Ledger own(testing::mini_plan(), day("2019-12-31"));
  own.only_by("人社局");
  for (const Entry& x : e.list) own.add(x);
  StatusFilter f;
  f.unit = "人社局";
  StatusReport r = build_status(all, f, &own);
  CHECK(r.by == "人社局");
  REQUIRE(r.by_actual.size() == r.rows.size());
  auto by_actual = [&](const char* id) {
    for (std::size_t i = 0; i < r.rows.size(); ++i)
      if (r.rows[i].ind->id == id) return r.by_actual[i];
    FAIL("no row " << id);
    return std::optional<Decimal>();
  };
  CHECK(*row(r, "jobs.urban_new").actual == dec("1170"));
  CHECK(*by_actual("jobs.urban_new") == dec("450"));
  CHECK(*row(r, "unemployment.rate").actual == dec("2.8"));
  CHECK(*by_actual("unemployment.rate") == dec("2.5"));
  CHECK(row(r, "hr.portal").status == Status::done);
  CHECK_FALSE(by_actual("hr.portal"));     // a milestone: no figure of its own
  CHECK_FALSE(by_actual("skills.total"));  // nothing reported by the unit
  // --year 2019 too: the year's own figures.
  f.year = 2019;
  r = build_status(all, f, &own);
  CHECK(*row(r, "jobs.urban_new").actual == dec("1070"));
  CHECK(*by_actual("jobs.urban_new") == dec("350"));
  // A year with nothing of the unit's yet: blank, not 0.
  f.year = 2020;
  r = build_status(all, f, &own);
  CHECK_FALSE(by_actual("jobs.urban_new"));
  CHECK_FALSE(by_actual("unemployment.rate"));
  f.year = 2019;
  r = build_status(all, f, &own);

  // The table names the unit over its column and says whose figures are
  // whose under the rows; CSV ends with by and by_actual.
  Table t = status_table(r);
  auto col = std::find_if(t.columns.begin(), t.columns.end(),
                          [](const Column& c) { return c.key == "by_actual_shown"; });
  REQUIRE(col != t.columns.end());
  CHECK(col->en == "人社局 own");
  CHECK(col->zh == "人社局报送");
  CHECK(col->table);
  // No footer in CSV and workbooks: the heading says the figure is a part;
  // a milestone's own figure is the day the unit marked it done, its last
  // column (人社局's hr.portal: 2019-05-01).
  const std::size_t n = t.columns.size();
  CHECK(t.columns[n - 2].key == "by_actual");
  CHECK(t.columns[n - 2].zh == "本单位自报数");
  CHECK(t.columns[n - 2].en == "Own figure");
  CHECK(t.columns.back().key == "by_done_date");
  CHECK(t.columns.back().zh == "本单位完成日期");
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    const Cell& done = t.rows[i].cells.back();
    if (r.rows[i].ind->id == "hr.portal")
      CHECK((done.type == CellType::date && done.date == day("2019-05-01")));
    else
      CHECK(done.type == CellType::empty);
  }
  auto actual = std::find_if(t.columns.begin(), t.columns.end(),
                             [](const Column& c) { return c.key == "actual"; });
  REQUIRE(actual != t.columns.end());
  CHECK(actual->zh == "全区完成");
  CHECK(t.columns[t.columns.size() - 3].key == "by");
  REQUIRE(t.footer.size() == 1);
  CHECK(t.footer[0] == "Figures are the district's; 人社局 own: what it reported itself.");
  CHECK(t.footer_zh[0] == "除“人社局报送”外均为全区数；“人社局报送”为其自报数。");
  auto json = nlohmann::json::parse(status_json(r));
  CHECK(json["by"] == "人社局");
  CHECK(json["indicators"][0]["id"] == "jobs.urban_new");
  CHECK(json["indicators"][0]["by_actual"] == 350);

  // A unit with no figures of its own in the year: no column of blanks in
  // the terminal, a line instead; CSV keeps its columns (blank).
  f.year = 2020;
  r = build_status(all, f, &own);
  CHECK_FALSE(r.any_own());
  t = status_table(r);
  col = std::find_if(t.columns.begin(), t.columns.end(),
                     [](const Column& c) { return c.key == "by_actual_shown"; });
  REQUIRE(col != t.columns.end());
  CHECK_FALSE(col->table);
  CHECK(t.columns.back().key == "by_done_date");
  REQUIRE(t.footer.size() == 1);
  CHECK(t.footer[0] == "Figures are the district's; 人社局 reported none of these in 2020 itself.");
  CHECK(t.footer_zh[0] == "均为全区数；表中指标2020年无人社局自报数。");
  f.year = 2019;

  // Without a unit's ledger nothing of the kind.
  r = build_status(all, f);
  CHECK(r.by.empty());
  t = status_table(r);
  CHECK(t.footer.empty());
  col = std::find_if(t.columns.begin(), t.columns.end(),
                     [](const Column& c) { return c.key == "by_actual_shown"; });
  REQUIRE(col != t.columns.end());
  CHECK_FALSE(col->table);
  CHECK(t.columns.back().key == "due");
  CHECK_FALSE(nlohmann::json::parse(status_json(r)).contains("by"));
}

TEST_CASE("status --unit: a milestone the unit marked done is its own, by its day") {
  // 人社局's only entries are hr.portal's: done on 2019-05-01, undone on
  // 2019-06-01 (a mistake found), done again on 2020-02-01.
  testing::Entries e;
  e.add("2019-05-01", "hr.portal", "done", "人社局")
      .add("2019-06-01", "hr.portal", "undone", "人社局")
      .add("2020-02-01", "hr.portal", "done", "人社局")
      .add("2019-03-31", "jobs.urban_new", "700", "震泽镇");
  auto at = [&](const char* as_of, std::optional<int> year = std::nullopt) {
    Ledger all = e.ledger(as_of);
    Ledger own(testing::mini_plan(), day(as_of));
    own.only_by("人社局");
    for (const Entry& x : e.list) own.add(x);
    StatusFilter f;
    f.unit = "人社局";
    f.year = year;
    StatusReport r = build_status(all, f, &own);
    for (std::size_t i = 0; i < r.rows.size(); ++i)
      if (r.rows[i].ind->id == "hr.portal") return std::pair(r, r.own_done(i));
    FAIL("no row hr.portal");
    return std::pair(r, std::optional<Date>());
  };
  auto [r, done] = at("2019-05-15");
  CHECK(done == day("2019-05-01"));
  CHECK(r.any_own());
  Table t = status_table(r);
  REQUIRE(t.footer.size() == 1);
  CHECK(t.footer[0] == "Figures are the district's; 人社局 own: what it reported itself.");
  auto json = nlohmann::json::parse(status_json(r));
  bool found = false;
  for (const auto& ind : json["indicators"])
    if (ind["id"] == "hr.portal") {
      found = true;
      CHECK(ind["by_done_date"] == "2019-05-01");
      CHECK(ind["by_actual"].is_null());
    }
  CHECK(found);
  // Undone: nothing done of its own, so the one line.
  auto [r2, done2] = at("2019-06-15");
  CHECK_FALSE(done2);
  CHECK_FALSE(r2.any_own());
  REQUIRE(status_table(r2).footer.size() == 1);
  CHECK(status_table(r2).footer[0] ==
        "Figures are the district's; 人社局 reported none of these itself.");
  // With --year, a done of that year only.
  CHECK(at("2020-06-30").second == day("2020-02-01"));
  CHECK(at("2020-06-30", 2020).second == day("2020-02-01"));
  CHECK_FALSE(at("2019-05-15", 2018).second);
}

TEST_CASE("status filtered by statuses, alone and with an area") {
  StatusFilter f;
  f.statuses = {Status::behind};
  CHECK(ids(status_at("2019-06-30", f)) == Ids{"jobs.urban_new", "skills.high"});
  f.statuses = {Status::met, Status::achieved};
  CHECK(ids(status_at("2019-06-30", f)) ==
        Ids{"unemployment.rate", "graduates.rate", "skills.leaders"});
  f.area = "skills";
  CHECK(ids(status_at("2019-06-30", f)) == Ids{"skills.leaders"});
  f.statuses = {Status::overdue};
  f.area.clear();
  CHECK(status_at("2019-06-30", f).rows.empty());
  // The milestone is overdue once its due date has passed with nothing done.
  CHECK(ids(status_at("2021-01-01", f)) == Ids{"hr.portal"});
}

TEST_CASE("status --year judges each flow against that year's split") {
  StatusFilter f;
  f.year = 2019;
  StatusReport r = status_at("2019-06-30", f);
  CHECK(r.year == 2019);
  CHECK(r.time_progress == doctest::Approx(181.0 / 365));
  // 2019 alone: 9000 >= 17000*181/365 = 8430.1, 1000 >= 991.8, 3000 >= 2975.3.
  const auto& jobs = row(r, "jobs.urban_new");
  CHECK(*jobs.target == dec("17000"));
  CHECK(*jobs.actual == dec("9000"));
  CHECK(jobs.status == Status::on_track);
  CHECK(row(r, "skills.high").status == Status::on_track);
  CHECK(row(r, "skills.total").status == Status::on_track);
  // A flow with no split for the year has nothing to be judged against.
  CHECK(row(r, "skills.leaders").status == Status::no_data);
  // A level judged on that year's readings: 2019 has 1.9.
  CHECK(*row(r, "unemployment.rate").actual == dec("1.9"));
  // graduates.rate has no 2019 reading yet.
  CHECK(row(r, "graduates.rate").status == Status::no_data);
}

TEST_CASE("status --year shows a range's share of the year as one number, with no target_max") {
  // skills.leaders (range 3-5) with its whole target in 2019, as the shipped
  // plan's hr.agencies_in_park has it: 2018 asked for 0, not for "0-5".
  Plan p = testing::mini_plan();
  p.indicators[*p.index_of("skills.leaders")].years = {
      {2018, Decimal()}, {2019, dec("3")}, {2020, Decimal()}};
  Ledger l(p, day("2018-12-31"));
  StatusFilter f;
  f.year = 2018;
  StatusReport r = build_status(l, f);
  CHECK(row(r, "skills.leaders").status == Status::achieved);
  // The indicator's row of a table, and of the JSON.
  auto cells = [](const Table& t) {
    for (const Row& x : t.rows)
      if (x.cells[0].text == "skills.leaders") return x.cells;
    FAIL("no row");
    throw 0;
  };
  auto object = [](const StatusReport& rep) {
    const auto doc = nlohmann::json::parse(status_json(rep));
    for (const auto& o : doc["indicators"])
      if (o["id"] == "skills.leaders") return o;
    FAIL("no object");
    throw 0;
  };
  auto year = cells(status_table(r));
  CHECK(year[6].text == "0");               // target, as read
  CHECK(year[7].type == CellType::amount);  // target, the number
  CHECK(year[7].amount == Decimal());
  CHECK(year[8].type == CellType::empty);  // target_max
  CHECK(object(r)["target"] == 0);
  CHECK(object(r)["target_max"].is_null());
  // Without --year, the period's bounds.
  StatusReport whole = build_status(l, StatusFilter{});
  CHECK(cells(status_table(whole))[6].text == "3–5");
  CHECK(cells(status_table(whole))[8].amount == dec("5"));
  CHECK(object(whole)["target_max"] == 5);
}

TEST_CASE("any_status for --fail-on") {
  StatusReport r = status_at("2019-06-30");
  CHECK(any_status(r, {Status::behind}));
  CHECK(any_status(r, {Status::missed, Status::pending}));
  CHECK_FALSE(any_status(r, {Status::missed, Status::overdue}));
  CHECK_FALSE(any_status(r, {}));
}

TEST_CASE("status JSON carries the data, null where it does not apply") {
  auto j = nlohmann::json::parse(status_json(status_at("2019-06-30")));
  CHECK(j["as_of"] == "2019-06-30");
  CHECK(j["year"].is_null());
  REQUIRE(j["indicators"].size() == 7);
  const auto& jobs = j["indicators"][0];
  CHECK(jobs["id"] == "jobs.urban_new");
  CHECK(jobs["actual"] == 25090);
  CHECK(jobs["target"] == 51000);
  CHECK(jobs["status"] == "behind");
  CHECK_FALSE(jobs.contains("target_max"));
  const auto& portal = j["indicators"][3];
  CHECK(portal["id"] == "hr.portal");
  CHECK(portal["target"].is_null());
  CHECK(portal["actual"].is_null());
  CHECK(portal["due"] == "2020-12-31");
  CHECK(portal["status"] == "pending");
  CHECK(j["indicators"][4]["target_max"] == 5);  // skills.leaders, a range
}

}  // namespace plan

namespace plan {

// The CSV of status, read back by the project's RFC 4180 reader (the one
// `plan import` uses), holds exactly the report's values: the spreadsheet
// sees the same figures as the program.
TEST_CASE("status CSV read back equals the report values") {
  StatusReport r = status_at("2019-06-30");
  RenderOptions o;
  auto csv = parse_csv(render_delimited(status_table(r), ',', o), "status.csv");
  REQUIRE(csv);
  REQUIRE(csv->size() == r.rows.size() + 1);
  const std::vector<std::string>& header = csv->front().fields;
  // SPEC §6: the scalar fields of the JSON, in that order, first.
  std::vector<std::string> spec = {"id",       "name",      "area",       "task",   "unit",
                                   "kind",     "target",    "target_max", "actual", "completion",
                                   "expected", "shortfall", "behind_by",  "status"};
  REQUIRE(header.size() >= spec.size());
  CHECK(std::vector<std::string>(header.begin(), header.begin() + spec.size()) == spec);
  auto col = [&](const char* key) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), key) - header.begin());
  };
  auto as_decimal = [](const std::string& s) { return *Decimal::parse(s); };
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    const IndicatorStatus& s = r.rows[i];
    const std::vector<std::string>& f = (*csv)[i + 1].fields;
    CAPTURE(s.ind->id);
    CHECK(f[col("id")] == s.ind->id);
    CHECK(f[col("name")] == s.ind->name);
    CHECK(f[col("status")] == status_name(s.status));
    if (s.target)
      CHECK(as_decimal(f[col("target")]) == *s.target);
    else
      CHECK(f[col("target")].empty());
    if (s.actual)
      CHECK(as_decimal(f[col("actual")]) == *s.actual);
    else
      CHECK(f[col("actual")].empty());
    if (s.shortfall)
      CHECK(as_decimal(f[col("shortfall")]) == *s.shortfall);
    else
      CHECK(f[col("shortfall")].empty());
    // Ratios and expectations are doubles printed in shortest round-trip form.
    for (auto [key, v] : {std::pair{"completion", s.completion},
                          {"expected", s.expected},
                          {"behind_by", s.behind_by}}) {
      if (v)
        CHECK(std::stod(f[col(key)]) == *v);
      else
        CHECK(f[col(key)].empty());
    }
  }
}

}  // namespace plan
