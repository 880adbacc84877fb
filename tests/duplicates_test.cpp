#include "duplicates.h"

#include <doctest/doctest.h>

#include "mini_fixture.h"

namespace plan {

using testing::make_entry;
using testing::mini_plan;

TEST_CASE("same_figure: date, id, value, by and period decide; other tags do not") {
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
  // A late May and a June filed the same day with the same figure are two
  // reports; the same period twice is one entered twice.
  Entry may = a, june = a;
  may.tags.emplace_back("period", "2019-05");
  june.tags.emplace_back("period", "2019-06");
  CHECK_FALSE(same_figure(may, june));
  CHECK(figure_fingerprint(may) != figure_fingerprint(june));
  CHECK_FALSE(same_figure(a, june));
  CHECK(figure_fingerprint(a) != figure_fingerprint(june));
  Entry june_again = june;
  june_again.where = {"c.csv", 3};
  CHECK(same_figure(june, june_again));
  CHECK(figure_fingerprint(june) == figure_fingerprint(june_again));
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
  DuplicateFinder finder(mini_plan(), fresh);
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

namespace {

// What each fresh entry repeats, the plainest way: the first equal earlier
// fresh entry (a row entered twice is named as such, whether or not the
// ledger holds it too), else the first equal ledger entry in read order.
std::vector<std::optional<Location>> plainly_found(const std::vector<const Entry*>& fresh,
                                                   const std::vector<Entry>& ledger) {
  std::vector<std::optional<Location>> out(fresh.size());
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    for (std::size_t j = 0; j < i && !out[i]; ++j)
      if (same_figure(*fresh[j], *fresh[i])) out[i] = fresh[j]->where;
    for (std::size_t k = 0; k < ledger.size() && !out[i]; ++k)
      if (same_figure(*fresh[i], ledger[k]))
        out[i] = Location{ledger[k].where.file, ledger[k].where.line, 0};
  }
  return out;
}

}  // namespace

TEST_CASE("DuplicateFinder: views, explanations, and finders that read parts of the ledger") {
  // Random ledgers of few distinct figures (so that repeats abound) in four
  // files, and random batches; one finder reads every file, as entries and
  // as views, and finders that each read some of the files are folded in
  // either order. All must find what plainly_found finds.
  const Plan& p = mini_plan();
  const char* ids[] = {"jobs.urban_new", "skills.total", "hr.portal", "unemployment.rate"};
  const char* bys[] = {"", "人社局", "平望镇"};
  std::uint64_t seed = 99;
  auto next = [&](std::uint64_t n) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (seed >> 33) % n;
  };
  auto random_entry = [&](const std::string& file, int line) {
    const char* id = ids[next(4)];
    const std::string date = "2019-06-" + std::to_string(10 + next(2));
    std::string value = std::to_string(next(2));
    if (std::string(id) == "hr.portal") value = next(2) ? "done" : "undone";
    Entry e = make_entry(date.c_str(), id, value.c_str(), bys[next(3)], {file, line});
    if (next(8) == 0) {  // an explanation: its note decides, not its value
      e.is_explanation = true;
      e.amount = Decimal();
      e.is_state = e.done = false;
      e.tags.emplace_back("note", next(2) ? "迟报" : "");
    }
    if (next(2)) e.indicator = *p.index_of(e.id);  // as parse_line sets it, or not
    return e;
  };
  int named_in_ledger = 0, named_in_batch = 0;
  for (int round = 0; round < 200; ++round) {
    std::vector<Entry> ledger, batch;
    std::vector<std::size_t> file_of;
    for (int f = 0; f < 4; ++f)
      for (int line = 1, n = static_cast<int>(next(12)); line <= n; ++line) {
        ledger.push_back(random_entry("r/" + std::to_string(f) + ".rec", line));
        file_of.push_back(static_cast<std::size_t>(f));
      }
    for (int row = 2, n = 2 + static_cast<int>(next(9)); row < n; ++row)
      batch.push_back(random_entry("q.csv", row));
    std::vector<const Entry*> fresh;
    for (const auto& e : batch) fresh.push_back(&e);
    const auto want = plainly_found(fresh, ledger);

    Diagnostics d;
    auto feed = [&](DuplicateFinder& finder, bool views, auto&& wanted_file) {
      std::size_t file = SIZE_MAX;
      for (std::size_t k = 0; k < ledger.size(); ++k) {
        if (!wanted_file(file_of[k])) continue;
        if (file_of[k] != file) finder.begin_file(file = file_of[k], ledger[k].where.file, d);
        if (views && !ledger[k].is_explanation)
          finder.add_view(view_of(ledger[k], *p.index_of(ledger[k].id)));
        else
          finder.add(ledger[k]);
      }
    };
    for (bool views : {false, true}) {
      DuplicateFinder one(p, fresh);
      feed(one, views, [](std::size_t) { return true; });
      DuplicateFinder folded(p, fresh), even(p, fresh), odd(p, fresh);
      feed(even, views, [](std::size_t f) { return f % 2 == 0; });
      feed(odd, views, [](std::size_t f) { return f % 2 == 1; });
      folded.merge(odd);  // the later files first: read order still decides
      folded.merge(even);
      for (const DuplicateFinder* finder : {&one, &folded}) {
        const auto got = finder->found();
        REQUIRE(got.size() == want.size());
        for (std::size_t i = 0; i < want.size(); ++i) {
          REQUIRE(got[i].has_value() == want[i].has_value());
          if (!want[i]) continue;
          CHECK(got[i]->to_string() == want[i]->to_string());
          CHECK(finder->within_batch(i) == (want[i]->file == "q.csv"));
        }
      }
    }
    for (const auto& w : want)
      if (w) ++(w->file == "q.csv" ? named_in_batch : named_in_ledger);
  }
  // Both kinds of repeat were met, many times.
  CHECK(named_in_ledger > 100);
  CHECK(named_in_batch > 20);
}

}  // namespace plan
