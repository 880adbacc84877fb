#include "ledger_sink.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "mini_fixture.h"
#include "record_check.h"
#include "temp_dir.h"

namespace plan {

using testing::day;
using testing::mini_plan;
using testing::spit;
using testing::TempDir;

namespace {

// Everything a ledger holds for one indicator, as one comparable string.
std::string describe(const Ledger& l, const Indicator& ind) {
  const IndicatorTotals& t = l.totals(ind);
  std::string s = ind.id + " n=" + std::to_string(t.entries) + " actual=" + t.actual.to_string();
  for (const auto& [k, v] : t.by_year) s += " y" + std::to_string(k) + "=" + v.to_string();
  for (const auto& [k, v] : t.by_month) s += " m" + std::to_string(k) + "=" + v.to_string();
  for (const auto& [k, v] : t.same_period_by_year)
    s += " s" + std::to_string(k) + "=" + v.to_string();
  auto reading = [](const Reading& r) {
    return r.date.iso() + ":" + r.value.to_string() + "@" + r.where.to_string();
  };
  if (t.latest) s += " latest=" + reading(*t.latest);
  for (const auto& [y, r] : t.latest_by_year) s += " L" + std::to_string(y) + "=" + reading(r);
  if (t.first) s += " first=" + t.first->iso() + " last=" + t.last->iso();
  for (const auto& e : l.explanations(ind))
    s += " explain " + e.date.iso() + " " + e.note + "@" + e.where.to_string();
  return s;
}

struct Read {
  std::vector<std::string> totals;  // describe() of every indicator
  std::vector<std::string> diags;   // every diagnostic, in order
  std::string error;                // the ledger's error, if any
  ReadStats stats;
};

Read read_ledger_with(const std::filesystem::path& dir, unsigned threads, const char* as_of) {
  Ledger l(mini_plan(), day(as_of));
  LedgerSink sink({&l});
  Diagnostics diags;
  Read r;
  r.stats = read_records(Env::posix(), dir, mini_plan(), diags, sink, threads);
  for (const auto& ind : mini_plan().indicators) r.totals.push_back(describe(l, ind));
  for (const auto& d : diags.items()) r.diags.push_back(d.to_string());
  if (l.error()) r.error = l.error()->headline();
  return r;
}

// Ten files of a small ledger: flows spread over files, readings of equal
// dates in different files, explanations, and a bad line.
void write_ledger(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir / "towns");
  spit(dir / "a.rec",
       "2018-03-31  jobs.urban_new  4210  by=人社局\n"
       "2019-06-30  unemployment.rate  3.1%\n");
  spit(dir / "b.rec",
       "2018-07-15  jobs.urban_new  -120\n"
       "2019-06-30  unemployment.rate  2.9%\n"
       "2019-07-12  jobs.urban_new  explain  by=人社局  note=first\n");
  spit(dir / "c.rec",
       "2018-13-01  jobs.urban_new  5\n"
       "2018-12-31  jobs.urban_new  12000\n");
  spit(dir / "d.rec", "2019-06-30  jobs.urban_new  9000\n");
  spit(dir / "e.rec",
       "2019-07-12  jobs.urban_new  explain  by=人社局  note=second\n"
       "2020-05-01  hr.portal  done\n");
  spit(dir / "towns" / "f.rec", "2019-06-30  unemployment.rate  3.4%\n");
  spit(dir / "towns" / "g.rec", "2019-06-01  skills.total  3000\n2021-01-01  skills.total  1\n");
  spit(dir / "h.rec", "2019-06-30  graduates.rate  96%\nnot a line\n");
  spit(dir / "i.rec", "2018-01-01  skills.high  7\n");
  spit(dir / "j.rec", "2019-06-30  graduates.rate  97%");  // no newline: a warning
}

}  // namespace

TEST_CASE("parallel reading gives the figures and diagnostics of a sequential read") {
  TempDir tmp("ledger-sink");
  write_ledger(tmp.path);
  Read one = read_ledger_with(tmp.path, 1, "2020-12-31");
  for (unsigned threads : {2u, 3u, 4u, 10u, 16u}) {
    CAPTURE(threads);
    Read many = read_ledger_with(tmp.path, threads, "2020-12-31");
    CHECK(many.totals == one.totals);
    CHECK(many.diags == one.diags);
    CHECK(many.stats.files == one.stats.files);
    CHECK(many.stats.lines == one.stats.lines);
    CHECK(many.stats.entries == one.stats.entries);
  }
  // And the sequential figures are the right ones, worked out by hand.
  Ledger l(mini_plan(), day("2020-12-31"));
  LedgerSink sink({&l});
  Diagnostics diags;
  read_records(Env::posix(), tmp.path, mini_plan(), diags, sink, 4);
  // 4210 - 120 + 12000 + 9000 (c.rec's first line is bad: not counted).
  CHECK(l.totals(*mini_plan().find("jobs.urban_new")).actual.to_string() == "25090");
  // Three readings dated 2019-06-30 (a, b, towns/f): the one read last wins,
  // and towns/f.rec sorts after b.rec ('t' > 'b').
  const auto& rate = l.totals(*mini_plan().find("unemployment.rate"));
  REQUIRE(rate.latest);
  CHECK(rate.latest->value.to_string() == "3.4");
  CHECK(rate.latest->where.to_string() == (tmp.path / "towns/f.rec").generic_string() + ":1:1");
  // Two explanations of the same day, period and by=: e.rec's, read last.
  auto ex = l.explanations(*mini_plan().find("jobs.urban_new"));
  REQUIRE(ex.size() == 1);
  CHECK(ex[0].note == "second");
  // Errors: c.rec:1 (month 13) and h.rec:2, in file order, then j.rec's warning.
  std::vector<std::string> where;
  for (const auto& d : diags.items())
    where.push_back(d.where.file.substr(tmp.path.string().size()));
  CHECK(where == std::vector<std::string>{"/c.rec", "/h.rec", "/j.rec"});
}

TEST_CASE("a ledger of two as-of dates in one parallel pass") {
  TempDir tmp("ledger-sink2");
  write_ledger(tmp.path);
  Ledger now(mini_plan(), day("2020-12-31")), before(mini_plan(), day("2018-12-31"));
  LedgerSink sink({&now, &before});
  Diagnostics diags;
  read_records(Env::posix(), tmp.path, mini_plan(), diags, sink, 3);
  // 2018 only: 4210 - 120 + 12000 = 16090.
  CHECK(before.totals(*mini_plan().find("jobs.urban_new")).actual.to_string() == "16090");
  CHECK(now.totals(*mini_plan().find("jobs.urban_new")).actual.to_string() == "25090");
}

TEST_CASE("a ledger of one unit's figures, read in parallel") {
  TempDir tmp("ledger-sink-by");
  write_ledger(tmp.path);
  spit(tmp.path / "k.rec", "2019-08-31  jobs.urban_new  35  by=人社局\n");
  for (unsigned threads : {1u, 3u}) {
    CAPTURE(threads);
    Ledger all(mini_plan(), day("2020-12-31")), own(mini_plan(), day("2020-12-31"));
    own.only_by("人社局");
    LedgerSink sink({&all, &own});
    Diagnostics diags;
    read_records(Env::posix(), tmp.path, mini_plan(), diags, sink, threads);
    // a.rec's 4210 and k.rec's 35 are 人社局's; the rest have no by=.
    CHECK(own.totals(*mini_plan().find("jobs.urban_new")).actual.to_string() == "4245");
    CHECK(all.totals(*mini_plan().find("jobs.urban_new")).actual.to_string() == "25125");
    CHECK_FALSE(own.totals(*mini_plan().find("unemployment.rate")).latest);
    CHECK(own.totals(*mini_plan().find("jobs.urban_new")).entries == 2);
  }
}

TEST_CASE("a sum that overflows on the way is found where a sequential read finds it") {
  TempDir tmp("ledger-sink-overflow");
  // 4e12 + 4e12 passes the limit (about 4.61e12) at b.rec, although c.rec
  // brings the total back to 4e12: only the order of reading says so. Each
  // file alone, and any two shards' totals, stay within the limit.
  spit(tmp.path / "a.rec", "2018-03-31  jobs.urban_new  4000000000000\n");
  spit(tmp.path / "b.rec", "2018-04-30  jobs.urban_new  4000000000000\n");
  spit(tmp.path / "c.rec", "2018-05-31  jobs.urban_new  -4000000000000\n");
  for (unsigned threads : {1u, 2u, 3u}) {
    CAPTURE(threads);
    Read r = read_ledger_with(tmp.path, threads, "2020-12-31");
    CHECK(r.error ==
          (tmp.path / "b.rec").generic_string() + ":1:1: the sum of jobs.urban_new overflows");
  }
}

TEST_CASE("check reads in parallel with the diagnostics of a sequential read") {
  TempDir tmp("check-parallel");
  write_ledger(tmp.path);
  // Double entries within a file, and the same line in another file (not
  // one: double entries are looked for per file).
  spit(tmp.path / "k.rec",
       "2019-06-30  jobs.urban_new  10  by=人社局\n"
       "2019-06-30  jobs.urban_new  10  by=人社局\n"
       "2019-06-30  jobs.urban_new  10  by=人社居\n");
  spit(tmp.path / "l.rec", "2019-06-30  jobs.urban_new  10  by=人社局\n");
  auto run = [&](unsigned threads) {
    Diagnostics diags;
    RecordChecker checker(mini_plan(), day("2020-06-30"), diags);
    read_records(Env::posix(), tmp.path, mini_plan(), diags, checker, threads);
    std::vector<std::string> out;
    for (const auto& d : diags.items()) out.push_back(d.headline());
    return out;
  };
  auto one = run(1);
  for (unsigned threads : {2u, 4u, 12u}) CHECK(run(threads) == one);
  auto at = [&](const char* file, int line) {
    std::string prefix = (tmp.path / file).generic_string() + ":" + std::to_string(line) + ":";
    return std::count_if(one.begin(), one.end(),
                         [&](const std::string& h) { return h.starts_with(prefix); });
  };
  CHECK(at("k.rec", 2) == 1);  // entered twice
  CHECK(at("k.rec", 3) == 1);  // unknown unit 人社居
  CHECK(at("l.rec", 1) == 0);  // another file: no suspicion
  // Outside the period, in the future, and implausible: 1 × 100 ≤ 3000, the
  // line before it in the file (plausibility.h).
  CHECK(at("towns/g.rec", 2) == 3);
}

TEST_CASE("reader threads: one file or a small ledger reads in one thread") {
  CHECK(reader_threads(1, 1u << 30, 0) == 1);
  CHECK(reader_threads(1, 10, 8) == 1);
  CHECK(reader_threads(48, kParallelBytes - 1, 0) == 1);
  CHECK(reader_threads(48, 1000, 4) == 4);
  CHECK(reader_threads(3, 1000, 8) == 3);
  CHECK(reader_threads(48, kParallelBytes, 0) >= 1);
  CHECK(reader_threads(48, kParallelBytes, 0) <= 8);
}

}  // namespace plan
