#include "log_entries.h"

#include <doctest/doctest.h>

#include "mini_fixture.h"

namespace plan {

using testing::day;
using testing::dec;
using testing::fixture_records;
using testing::make_entry;
using testing::mini_plan;

namespace {

// What the log shows of an entry, and what get() promises of the rest.
void check_same(const Entry& got, const Entry& want) {
  CHECK(got.date == want.date);
  CHECK(got.id == want.id);
  CHECK(got.amount == want.amount);
  CHECK(got.done == want.done);
  CHECK(got.is_state == want.is_state);
  CHECK(got.is_explanation == want.is_explanation);
  CHECK(got.tags == want.tags);
  CHECK(got.where.file == want.where.file);
  CHECK(got.where.line == want.where.line);
  CHECK(got.where.column == 1);
  CHECK(got.by_column == 0);
  CHECK(got.value_column == 0);
}

}  // namespace

TEST_CASE("LogEntries gives back what it was given: values, tags, ids, files and lines") {
  std::vector<Entry> given = fixture_records().list;  // as the reader makes them
  REQUIRE(given[0].indicator != Entry::kNoIndicator);
  // Values of every kind, tags with any text, and an id off the plan.
  Entry done = make_entry("2019-03-01", "hr.portal", "done", "人社局", {"x.rec", 7, 1});
  Entry undone = make_entry("2019-03-02", "hr.portal", "undone", "", {"x.rec", 8, 1});
  Entry explain = make_entry("2019-03-03", "jobs.urban_new", "0", "平望镇", {"x.rec", 9, 1});
  explain.is_explanation = true;
  explain.tags.emplace_back("note", "受疫情影响，\"停工\"\n两周");
  explain.tags.emplace_back("measures", "");
  explain.tags.emplace_back("k", std::string("a\0b", 3));
  Entry negative = make_entry("2017-12-31", "jobs.urban_new", "-120.000001", "", {"y.rec", 1, 1});
  Entry unknown = make_entry("2030-01-01", "not.in.plan", "5", "", {"y.rec", 2, 1});
  Entry wrong_index = make_entry("2019-01-01", "skills.total", "5", "", {"y.rec", 3, 1});
  wrong_index.indicator = 0;  // an index that does not name this id: the id is kept
  REQUIRE(mini_plan().indicators[0].id != "skills.total");
  // A file met again after another: the same name back.
  Entry again = make_entry("2019-01-02", "skills.total", "6", "", {"x.rec", 10, 1});
  for (Entry* e : {&done, &undone, &explain, &negative, &unknown, &wrong_index, &again})
    given.push_back(*e);

  LogEntries held(mini_plan());
  for (const Entry& e : given) held.add(e);
  REQUIRE(held.size() == given.size());
  Entry out;  // reused, as the log reuses a batch's entries
  for (std::size_t i = 0; i < given.size(); ++i) {
    CAPTURE(i);
    held.get(i, &out);
    check_same(out, given[i]);
    CHECK(held.date(i) == given[i].date);
  }
  // An entry read from the ledger keeps its indicator's index.
  held.get(0, &out);
  CHECK(out.indicator == given[0].indicator);
  held.get(given.size() - 3, &out);
  CHECK(out.id == "not.in.plan");
  CHECK(out.indicator == Entry::kNoIndicator);
}

TEST_CASE("LogEntries in date order: as sort_by_date orders the entries themselves") {
  std::vector<Entry> given;
  // Dates out of order, many alike, across files: enough entries for an
  // unstable sort to scramble the equal ones.
  for (int i = 0; i < 300; ++i) {
    const std::string date = "2019-0" + std::to_string(1 + (i * 7) % 5) + "-01";
    given.push_back(make_entry(date.c_str(), "jobs.urban_new", std::to_string(i).c_str(), "",
                               {i % 3 ? "a.rec" : "b.rec", i + 1, 1}));
  }
  LogEntries held(mini_plan());
  for (const Entry& e : given) held.add(e);
  held.sort_by_date();
  sort_by_date(given);
  Entry out;
  for (std::size_t i = 0; i < given.size(); ++i) {
    CAPTURE(i);
    held.get(i, &out);
    CHECK(out.where.line == given[i].where.line);
    CHECK(out.amount == given[i].amount);
    CHECK(out.where.file == given[i].where.file);
  }
  CHECK(held.date(0) == day("2019-01-01"));
  CHECK(held.date(299) == day("2019-05-01"));
}

}  // namespace plan
