#include "indicator_list.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "mini_fixture.h"

namespace plan {

using testing::dec;
using testing::mini_plan;

namespace {

std::size_t column(const Table& t, const char* key) {
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].key == key) return i;
  FAIL("no column " << key);
  return 0;
}

}  // namespace

TEST_CASE("list table: by area, plan order within an area") {
  Table t = list_table(mini_plan());
  REQUIRE(t.rows.size() == 7);
  std::size_t id = column(t, "id");
  std::vector<std::string> ids, groups;
  for (const auto& r : t.rows) {
    ids.push_back(r.cells[id].text);
    groups.push_back(r.group);
  }
  CHECK(ids == std::vector<std::string>{"jobs.urban_new", "unemployment.rate", "graduates.rate",
                                        "hr.portal", "skills.leaders", "skills.total",
                                        "skills.high"});
  CHECK(groups == std::vector<std::string>{"就业", "就业", "就业", "就业", "技能", "技能", "技能"});
}

TEST_CASE("list table cells: plain values for CSV, readable ones for people") {
  Table t = list_table(mini_plan());
  const auto& jobs = t.rows[0].cells;
  CHECK(jobs[column(t, "target_text")].text == "51,000");
  CHECK(jobs[column(t, "target")].amount == dec("51000"));
  CHECK(jobs[column(t, "target_max")].type == CellType::empty);
  CHECK(jobs[column(t, "due")].type == CellType::empty);
  CHECK(jobs[column(t, "lead")].text == "人社局");
  CHECK(jobs[column(t, "partners")].text == "财政局");
  CHECK(jobs[column(t, "area")].text == "就业");
  CHECK(jobs[column(t, "task")].text == "新增就业");
  CHECK(jobs[column(t, "kind")].text == "total");
  const auto& portal = t.rows[3].cells;
  CHECK(portal[column(t, "target")].type == CellType::empty);  // milestones have no amount
  CHECK(portal[column(t, "due")].date.iso() == "2020-12-31");
  const auto& leaders = t.rows[4].cells;
  CHECK(leaders[column(t, "target_max")].amount == dec("5"));
  CHECK(t.rows[6].cells[column(t, "parent")].text == "skills.total");
}

TEST_CASE("list JSON: plan order, nulls where a field does not apply") {
  auto j = nlohmann::json::parse(list_json(mini_plan()));
  CHECK(j["plan"]["id"] == "mini");
  CHECK(j["plan"]["start"] == "2018-01-01");
  CHECK(j["plan"]["end"] == "2020-12-31");
  const auto& inds = j["indicators"];
  REQUIRE(inds.size() == 7);
  // JSON keeps the file order (hr.portal last), unlike the grouped table.
  CHECK(inds[6]["id"] == "hr.portal");

  const auto& jobs = inds[0];
  CHECK(jobs["target"] == 51000);
  CHECK(jobs["target_max"].is_null());
  CHECK(jobs["due"].is_null());
  CHECK(jobs["years"] == nlohmann::json{{"2018", 17000}, {"2019", 17000}, {"2020", 17000}});
  CHECK(jobs["lead"] == nlohmann::json{"人社局"});
  CHECK(jobs["partners"] == nlohmann::json{"财政局"});
  CHECK(jobs["parent"].is_null());
  CHECK(jobs["area"] == "就业");
  CHECK(jobs["task"] == "新增就业");

  const auto& portal = inds[6];
  CHECK(portal["kind"] == "milestone");
  CHECK(portal["target"].is_null());
  CHECK(portal["target_max"].is_null());
  CHECK(portal["due"] == "2020-12-31");
  CHECK(portal["years"].empty());

  CHECK(inds[1]["target"] == 3);
  CHECK(inds[1]["unit"] == "%");
  CHECK(inds[1]["partners"].empty());
  CHECK(inds[3]["target_max"] == 5);
  CHECK(inds[5]["parent"] == "skills.total");
}

}  // namespace plan
