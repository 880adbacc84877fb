#include "refiling.h"

#include <doctest/doctest.h>

#include "mini_fixture.h"

namespace plan {
namespace {

using testing::cycle_plan;

Entry line(const std::string& text, const std::string& file = "x.rec", int n = 1) {
  Entry e;
  auto r = parse_line(text, cycle_plan(), Location{file, n, 0}, &e);
  REQUIRE_MESSAGE(r.ok(), text);
  return e;
}

}  // namespace

TEST_CASE("RefilingFinder: the same reporter, indicator and period already in the ledger") {
  std::vector<Entry> rows = {
      // 0: June by 镇甲, dated in June's due window (on or before 10 July).
      line("2019-07-08  jobs.reemployed  33  by=镇甲", "q.csv", 2),
      // 1: June by 镇乙: none of its June figures is in the ledger.
      line("2019-07-08  jobs.reemployed  40  by=镇乙", "q.csv", 3),
      // 2: July by 镇甲 (dated after June's due day: July's own).
      line("2019-07-11  jobs.reemployed  5  by=镇甲", "q.csv", 4),
      // 3: no by=: nobody's report.
      line("2019-07-08  jobs.reemployed  7", "q.csv", 5),
      // 4: June by 人社局, named by period=.
      line("2019-07-20  jobs.urban_new  100  by=人社局  period=2019-06", "q.csv", 6),
  };
  std::vector<const Entry*> fresh;
  for (const auto& e : rows) fresh.push_back(&e);
  RefilingFinder finder(cycle_plan(), fresh);
  Diagnostics d;
  finder.begin_file(0, "towns/a/2019.rec", d);
  // 镇甲's June, dated 30 June, and a June correction named by period=.
  finder.add(line("2019-06-30  jobs.reemployed  31  by=镇甲", "towns/a/2019.rec", 12));
  finder.add(
      line("2019-07-15  jobs.reemployed  -2  by=镇甲  period=2019-06", "towns/a/2019.rec", 13));
  // Not June, another unit's June, an explanation: none of them counts.
  finder.add(line("2019-05-31  jobs.reemployed  29  by=镇甲", "towns/a/2019.rec", 14));
  finder.add(line("2019-06-30  jobs.reemployed  30  by=人社局", "towns/a/2019.rec", 15));
  finder.add(
      line("2019-07-12  jobs.reemployed  explain  by=镇乙  note=停电", "towns/a/2019.rec", 16));
  // 人社局's June, dated 10 July: the due day is still June's.
  finder.add(line("2019-07-10  jobs.urban_new  420  by=人社局", "towns/a/2019.rec", 17));

  const auto& found = finder.found();
  REQUIRE(found.size() == 5);
  REQUIRE(found[0]);
  CHECK(found[0]->first.to_string() == "towns/a/2019.rec:12");
  CHECK(found[0]->count == 2);
  CHECK(found[0]->sum == 29 * Decimal::kScale);  // 31 - 2
  CHECK_FALSE(found[1]);
  CHECK_FALSE(found[2]);
  CHECK_FALSE(found[3]);
  REQUIRE(found[4]);
  CHECK(found[4]->count == 1);
  CHECK(found[4]->sum == 420 * Decimal::kScale);
  // 29 in, and 33 more: 62.
  CHECK(finder.warning(0).en ==
        "镇甲 already reported jobs.reemployed for 2019-06 (2 figures, the first at "
        "towns/a/2019.rec:12; 29 in all): a flow's figures add up, so 2019-06 comes to 62");
  CHECK(finder.warning(4).en ==
        "人社局 already reported jobs.urban_new for 2019-06 (towns/a/2019.rec:17: 420): a flow's "
        "figures add up, so 2019-06 comes to 520");
  // The refusal: 33 replacing the 29 in is +4; added, 62. 100 for 420: -320.
  CHECK(finder.refusal(0).en ==
        "镇甲 already reported jobs.reemployed for 2019-06 (2 figures, the first at "
        "towns/a/2019.rec:12; 29 in all): --replace if 33 replaces them (recorded as the "
        "difference, +4), --add if it adds to them (then 2019-06 comes to 62)");
  CHECK(finder.refusal(4).en ==
        "人社局 already reported jobs.urban_new for 2019-06 (towns/a/2019.rec:17: 420): "
        "--replace if 100 replaces it (recorded as the difference, -320), --add if it adds to "
        "it (then 2019-06 comes to 520)");
  // The same facts in Chinese.
  CHECK(finder.warning(0).zh ==
        "镇甲已报过 jobs.reemployed 的 2019-06（2 个数据，第一个在 towns/a/2019.rec:12；合计 "
        "29）：流量数据逐笔相加，2019-06 合计为 62");
  CHECK(finder.refusal(0).zh ==
        "镇甲已报过 jobs.reemployed 的 2019-06（2 个数据，第一个在 towns/a/2019.rec:12；合计 "
        "29）：如 33 是替换原有各数，用 --replace（按差额 +4 记入）；如是追加，用 --add（则 "
        "2019-06 合计为 62）");
  CHECK(finder.refusal(4).zh ==
        "人社局已报过 jobs.urban_new 的 2019-06（towns/a/2019.rec:17：420）：如 100 是替换原数，"
        "用 --replace（按差额 -320 记入）；如是追加，用 --add（则 2019-06 合计为 520）");
}

TEST_CASE("RefilingFinder: a period given twice in the batch, and the same figure twice") {
  std::vector<Entry> rows = {
      line("2019-06-30  jobs.reemployed  30  by=镇甲", "r.csv", 2),
      line("2019-06-30  jobs.reemployed  35  by=镇甲", "r.csv", 3),  // another figure
      line("2019-06-30  jobs.reemployed  40  by=镇乙", "r.csv", 4),
      line("2019-06-30  jobs.reemployed  40  by=镇乙", "r.csv", 5),  // the same again
      line("2019-06-30  jobs.reemployed  40  by=镇乙", "r.csv", 6),  // and again
      line("2019-06-30  jobs.reemployed  30  by=镇甲", "r.csv", 7),  // 30, 35, 30
      line("2019-06-30  jobs.reemployed  25  by=镇甲", "r.csv", 8),  // 30, 35, 30, 25
      line("2019-06-30  jobs.reemployed  30  by=镇甲", "r.csv", 9),  // … 30: 120 = 4 × 30
  };
  std::vector<const Entry*> fresh;
  for (const auto& e : rows) fresh.push_back(&e);
  RefilingFinder finder(cycle_plan(), fresh);
  CHECK_FALSE(finder.replaced_twice(0));
  CHECK(finder.replaced_twice(1)->en ==
        "镇甲 reports jobs.reemployed for 2019-06 twice in the batch (first at r.csv:2: 30): "
        "with --replace a reporter's period takes one figure");
  CHECK_FALSE(finder.replaced_twice(2));
  CHECK(finder.replaced_twice(3)->en ==
        "镇乙 reports jobs.reemployed for 2019-06 twice in the batch, both 40 (first at "
        "r.csv:4): entered twice? with --replace a reporter's period takes one figure");
  // A third names the first row alone, and is judged against its figure.
  CHECK(finder.replaced_twice(4)->en ==
        "镇乙 reports jobs.reemployed for 2019-06 3 times in the batch, each 40 (first at "
        "r.csv:4): entered twice? with --replace a reporter's period takes one figure");
  // 30, 35, 30: not one figure entered again.
  CHECK(finder.replaced_twice(5)->en ==
        "镇甲 reports jobs.reemployed for 2019-06 3 times in the batch (first at r.csv:2: 30): "
        "with --replace a reporter's period takes one figure");
  // The rows before sum to 4 × the first (30 + 35 + 30 + 25 = 120), yet
  // they are not one figure entered again.
  CHECK(finder.replaced_twice(7)->en ==
        "镇甲 reports jobs.reemployed for 2019-06 5 times in the batch (first at r.csv:2: 30): "
        "with --replace a reporter's period takes one figure");
  // In Chinese: the count with a space before it, 两次 without.
  CHECK(finder.replaced_twice(3)->zh ==
        "镇乙在这批数据中两次报送 jobs.reemployed 的 2019-06，两次都是 40（第一次在 r.csv:4）："
        "重复录入？用 --replace 时每个单位每期只取一个数");
  CHECK(finder.replaced_twice(4)->zh ==
        "镇乙在这批数据中 3 次报送 jobs.reemployed 的 2019-06，每次都是 40（第一次在 r.csv:4）："
        "重复录入？用 --replace 时每个单位每期只取一个数");
  CHECK(finder.replaced_twice(7)->zh ==
        "镇甲在这批数据中 5 次报送 jobs.reemployed 的 2019-06（第一次在 r.csv:2：30）：用 "
        "--replace 时每个单位每期只取一个数");
}

TEST_CASE("RefilingFinder: a sum past the figure limit is left unsaid") {
  // The largest figure a line may hold, 999,999,999,999, four times in the
  // ledger (3,999,999,999,996, under the limit of 4,611,686,018,427.39) and
  // once more (4,999,999,999,995, past it: the ledger would refuse the sum).
  const std::string big = "2019-06-30  jobs.reemployed  999999999999  by=镇甲";
  Entry fresh_row = line(big, "q.csv", 2);
  const std::vector<const Entry*> fresh = {&fresh_row};
  RefilingFinder finder(cycle_plan(), fresh);
  Diagnostics d;
  finder.begin_file(0, "a.rec", d);
  for (int n = 1; n <= 4; ++n) finder.add(line(big, "a.rec", n));
  CHECK(finder.warning(0).en ==
        "镇甲 already reported jobs.reemployed for 2019-06 (4 figures, the first at a.rec:1; "
        "3,999,999,999,996 in all): a flow's figures add up");
  // A fifth in the ledger: its sum is past the limit too, and unsaid.
  finder.add(line(big, "a.rec", 5));
  CHECK(finder.warning(0).en ==
        "镇甲 already reported jobs.reemployed for 2019-06 (5 figures, the first at a.rec:1): a "
        "flow's figures add up");
}

TEST_CASE("RefilingFinder: finders over parts of the ledger fold as one over all of it") {
  std::vector<Entry> rows = {line("2019-07-08  jobs.reemployed  33  by=镇甲", "q.csv", 2)};
  std::vector<const Entry*> fresh = {&rows[0]};
  Diagnostics d;
  // File 0 is read by `second`, file 1 by `first`: file 0's entry is the
  // first in read order, whichever finder saw it.
  RefilingFinder first(cycle_plan(), fresh), second(cycle_plan(), fresh);
  first.begin_file(1, "b.rec", d);
  first.add(line("2019-06-30  jobs.reemployed  31  by=镇甲", "b.rec", 3));
  second.begin_file(0, "a.rec", d);
  second.add(line("2019-06-28  jobs.reemployed  4  by=镇甲", "a.rec", 9));
  first.merge(second);
  REQUIRE(first.found()[0]);
  CHECK(first.found()[0]->first.to_string() == "a.rec:9");
  CHECK(first.found()[0]->count == 2);
  CHECK(first.found()[0]->sum == 35 * Decimal::kScale);
}

TEST_CASE("RefilingFinder: the new figures before one count too, after the ledger's") {
  std::vector<Entry> rows = {
      line("2019-07-08  jobs.reemployed  31  by=镇甲", "q.csv", 2),  // June
      line("2019-07-09  jobs.reemployed  2  by=镇甲", "q.csv", 3),   // June again
      line("2019-07-09  jobs.reemployed  4  by=镇乙", "q.csv", 4),   // another unit
      line("2019-07-10  jobs.reemployed  3  by=镇甲", "q.csv", 5),   // June a third time
  };
  std::vector<const Entry*> fresh;
  for (const auto& e : rows) fresh.push_back(&e);
  {
    // No ledger figure: row 2 is first, named at its row.
    RefilingFinder finder(cycle_plan(), fresh);
    const auto found = finder.found();
    CHECK_FALSE(found[0]);
    REQUIRE(found[1]);
    CHECK(found[1]->first.to_string() == "q.csv:2");
    CHECK(found[1]->count == 1);
    CHECK(found[1]->sum == 31 * Decimal::kScale);
    CHECK_FALSE(found[2]);
    REQUIRE(found[3]);
    CHECK(found[3]->count == 2);
    CHECK(found[3]->sum == 33 * Decimal::kScale);
  }
  // With the ledger's June (10): it is named first, and the rows add on.
  RefilingFinder finder(cycle_plan(), fresh);
  Diagnostics d;
  finder.begin_file(0, "a.rec", d);
  finder.add(line("2019-06-30  jobs.reemployed  10  by=镇甲", "a.rec", 7));
  const auto found = finder.found();
  REQUIRE(found[0]);
  CHECK(found[0]->count == 1);
  REQUIRE(found[3]);
  CHECK(found[3]->first.to_string() == "a.rec:7");
  CHECK(found[3]->count == 3);
  CHECK(found[3]->sum == 43 * Decimal::kScale);  // 10 + 31 + 2
  CHECK(finder.warning(3).en.find("(3 figures, the first at a.rec:7; 43 in all)") !=
        std::string::npos);
  CHECK(finder.warning(3).en.ends_with("so 2019-06 comes to 46"));
}

}  // namespace plan

namespace plan {

TEST_CASE("as_replacement: the difference, with a note that says what it replaces") {
  auto e = [](const char* text) {
    Entry entry;
    REQUIRE(parse_line(text, testing::cycle_plan(), Location{"x.rec", 1, 0}, &entry).ok());
    return entry;
  };
  // 33 sent after 31: +2, the note first, then the reporter's own.
  auto r = as_replacement(e("2019-07-05  jobs.reemployed  33  by=镇甲  note=重报"),
                          *Decimal::parse("31"));
  REQUIRE(r);
  CHECK(r->amount == *Decimal::parse("2"));
  CHECK(r->tag("note") == "更正：原报 31，改为 33；重报");
  CHECK(r->tag("by") == "镇甲");
  // Lower than what is in: a negative difference; no note of its own.
  r = as_replacement(e("2019-07-05  jobs.reemployed  1.5万  by=镇甲"), *Decimal::parse("15300"));
  REQUIRE(r);
  CHECK(r->amount == *Decimal::parse("-300"));
  CHECK(r->tag("note") == "更正：原报 15300，改为 15000");
  // Equal: nothing to record.
  CHECK_FALSE(as_replacement(e("2019-07-05  jobs.reemployed  31  by=镇甲"), *Decimal::parse("31")));
}

}  // namespace plan
