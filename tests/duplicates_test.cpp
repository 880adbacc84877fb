#include "duplicates.h"

#include <doctest/doctest.h>

#include "mini_fixture.h"

namespace plan {

using testing::make_entry;

TEST_CASE("same_figure: date, id, value and by decide; other tags do not") {
  Entry a = make_entry("2019-06-30", "jobs.urban_new", "9000", "人社局", {"a.rec", 1});
  Entry b = a;
  b.tags.emplace_back("note", "快报");
  b.where = {"b.csv", 7};
  CHECK(same_figure(a, b));
  CHECK(figure_fingerprint(a) == figure_fingerprint(b));
  CHECK_FALSE(same_figure(a, make_entry("2019-06-30", "jobs.urban_new", "9000", "平望镇")));
  CHECK_FALSE(same_figure(a, make_entry("2019-06-30", "jobs.urban_new", "9000")));
  CHECK_FALSE(same_figure(a, make_entry("2019-07-01", "jobs.urban_new", "9000", "人社局")));
  CHECK_FALSE(same_figure(a, make_entry("2019-06-30", "skills.total", "9000", "人社局")));
  CHECK_FALSE(same_figure(a, make_entry("2019-06-30", "jobs.urban_new", "9001", "人社局")));
  // done is no number: it never equals an amount of 1 (or 0).
  Entry done = make_entry("2020-05-31", "hr.portal", "done");
  Entry one = make_entry("2020-05-31", "hr.portal", "1");
  CHECK_FALSE(same_figure(done, one));
  CHECK(same_figure(done, make_entry("2020-05-31", "hr.portal", "done")));
  CHECK_FALSE(same_figure(done, make_entry("2020-05-31", "hr.portal", "undone")));
}

TEST_CASE("DuplicateFinder: ledger entries and earlier rows of the batch") {
  std::vector<Entry> rows = {
      make_entry("2019-06-30", "jobs.urban_new", "9000", "人社局", {"q2.csv", 2}),
      make_entry("2019-06-30", "jobs.urban_new", "500", "人社局", {"q2.csv", 3}),
      make_entry("2019-06-30", "jobs.urban_new", "500", "人社局", {"q2.csv", 4}),
      make_entry("2019-06-30", "jobs.urban_new", "700", "人社局", {"q2.csv", 5}),
  };
  std::vector<const Entry*> fresh;
  for (const auto& e : rows) fresh.push_back(&e);
  DuplicateFinder finder(fresh);
  // The ledger: row 2's figure twice (the first one is named), another by.
  finder.add(make_entry("2019-06-30", "jobs.urban_new", "9000", "人社局", {"r/2019.rec", 12}));
  finder.add(make_entry("2019-06-30", "jobs.urban_new", "9000", "人社局", {"r/2019.rec", 40}));
  finder.add(make_entry("2019-06-30", "jobs.urban_new", "700", "平望镇", {"r/2019.rec", 41}));
  const auto& found = finder.found();
  REQUIRE(found.size() == 4);
  REQUIRE(found[0]);
  CHECK(found[0]->to_string() == "r/2019.rec:12");
  CHECK_FALSE(finder.within_batch(0));
  CHECK_FALSE(found[1]);
  REQUIRE(found[2]);
  CHECK(found[2]->to_string() == "q2.csv:3:1");  // the earlier row
  CHECK(finder.within_batch(2));
  CHECK_FALSE(found[3]);
}

}  // namespace plan
