#include "plan.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace plan {
namespace {

Indicator ind(std::string id, std::size_t task, std::string parent = {}) {
  Indicator i;
  i.id = std::move(id);
  i.task = task;
  i.parent = std::move(parent);
  return i;
}

// Two areas whose indicators alternate in file order, so that grouping by
// area has to move them.
Plan two_areas() {
  Plan p;
  p.start = *Date::parse("2018-01-01");
  p.end = *Date::parse("2020-12-31");
  p.areas = {{"jobs", "就业"}, {"skills", "技能"}};
  p.tasks = {{"skills.t", "培训", 1}, {"jobs.t", "新增就业", 0}};  // task 0 is in area 1
  p.indicators = {ind("skills.total", 0), ind("jobs.new", 1), ind("skills.high", 0, "skills.total"),
                  ind("jobs.old", 1), ind("skills.mid", 0, "skills.total")};
  p.build_index();
  return p;
}

std::vector<std::string> ids(const std::vector<const Indicator*>& v) {
  std::vector<std::string> out;
  for (const Indicator* i : v) out.push_back(i->id);
  return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("kind names round-trip") {
  for (Kind k : {Kind::total, Kind::range, Kind::floor, Kind::cap, Kind::milestone})
    CHECK(parse_kind(kind_name(k)) == k);
  CHECK(kind_name(Kind::cap) == "cap");
  CHECK_FALSE(parse_kind("Total"));
  CHECK_FALSE(parse_kind(""));
  CHECK(is_flow(Kind::range));
  CHECK_FALSE(is_flow(Kind::floor));
  CHECK(is_level(Kind::cap));
  CHECK_FALSE(is_level(Kind::milestone));
}

TEST_CASE("edit_distance") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "abc") == 0);
  CHECK(edit_distance("kitten", "sitting") == 3);  // k->s, e->i, +g
  CHECK(edit_distance("sitting", "kitten") == 3);
  CHECK(edit_distance("flaw", "lawn") == 2);  // -f, +n
  // A transposition is two edits in Levenshtein's measure.
  CHECK(edit_distance("jobs.urban_new", "jobs.urban_nwe") == 2);
  CHECK(edit_distance("jobs.new", "jobs.news") == 1);
  CHECK(edit_distance("ab", "ba") == 2);
}

TEST_CASE("find and index_of") {
  Plan p = two_areas();
  REQUIRE(p.find("jobs.old") != nullptr);
  CHECK(p.find("jobs.old") == &p.indicators[3]);
  CHECK(p.index_of("skills.total") == 0u);
  CHECK(p.find("jobs") == nullptr);
  CHECK_FALSE(p.index_of("JOBS.NEW"));
}

TEST_CASE("suggest: close ids first, at most max") {
  Plan p = two_areas();
  // "jobs.nex" (8 bytes, limit 2): jobs.new 1 (x->w); jobs.old 3 (nex -> old,
  // no letter in common).
  CHECK(p.suggest("jobs.nex") == Ids{"jobs.new"});
  // "jobs.ol" (7 bytes, limit 2): jobs.old 1 (+d); jobs.new 3 (o->n, l->e, +w).
  CHECK(p.suggest("jobs.ol") == Ids{"jobs.old"});
  // "skills.hig" (10 bytes, limit 3): skills.high 1 (+h), skills.mid 2
  // (h->m, g->d), skills.total 5.
  CHECK(p.suggest("skills.hig") == Ids{"skills.high", "skills.mid"});
  // "jobs.nld": jobs.old 1 (n->o), jobs.new 2 (l->e, d->w). Distance decides,
  // not file order (jobs.new comes first in the file).
  CHECK(p.suggest("jobs.nld") == Ids{"jobs.old", "jobs.new"});
  CHECK(p.suggest("jobs.nld", 1) == Ids{"jobs.old"});
  CHECK(p.suggest("jobs.nld", 0).empty());
  CHECK(p.suggest("zzz").empty());
  // An exact id is its own best suggestion.
  CHECK(p.suggest("jobs.new").front() == "jobs.new");
  // An id cut short, or a part of one, is held by the ids it may mean:
  // "skills.t" (8 bytes, limit 2) is 4 insertions from skills.total, past
  // the limit, and 3 from skills.mid, which does not hold it; "total" is
  // 7 from skills.total.
  CHECK(p.suggest("skills.t") == Ids{"skills.total"});
  CHECK(p.suggest("total") == Ids{"skills.total"});
  // Under three bytes nothing is held: "jo" is in every jobs id.
  CHECK(p.suggest("jo").empty());
}

TEST_CASE("suggest: equal distances keep file order") {
  Plan p;
  p.indicators = {ind("rate.b", 0), ind("rate.a", 0), ind("rate.c", 0), ind("rate.d", 0)};
  p.build_index();
  // "rate.x" is one substitution from each; the limit of 3 keeps three.
  CHECK(p.suggest("rate.x") == Ids{"rate.b", "rate.a", "rate.c"});
  CHECK(p.suggest("rate.x", 10) == Ids{"rate.b", "rate.a", "rate.c", "rate.d"});
}

TEST_CASE("suggest: the limit is a third of the id's length, at least 2") {
  Plan p;
  p.indicators = {ind("abcd", 0), ind("abcdefghWXYZ", 0), ind("abcdefgVWXYZ", 0)};
  p.build_index();
  CHECK(p.suggest("ab") == Ids{"abcd"});  // 2 away, limit max(2, 0) = 2
  CHECK(p.suggest("a").empty());          // 3 away
  // 12 bytes: limit 4. abcdefghWXYZ is 4 substitutions away, abcdefgVWXYZ 5.
  CHECK(p.suggest("abcdefghijkl") == Ids{"abcdefghWXYZ"});
}

TEST_CASE("did_you_mean words the suggestions") {
  Plan p;
  p.indicators = {ind("rate.b", 0), ind("rate.a", 0), ind("rate.c", 0), ind("other", 0)};
  p.build_index();
  CHECK(p.did_you_mean("zzzzzzzz") == "");
  CHECK(p.did_you_mean("rate.x", 1) == "; did you mean 'rate.b'?");
  CHECK(p.did_you_mean("rate.x", 2) == "; did you mean 'rate.b' or 'rate.a'?");
  CHECK(p.did_you_mean("rate.x") == "; did you mean 'rate.b', 'rate.a' or 'rate.c'?");
  CHECK(p.did_you_mean("zzzzzzzz", 3, true) == "");
  CHECK(p.did_you_mean("rate.x", 1, true) == "；是否是“rate.b”？");
  CHECK(p.did_you_mean("rate.x", 2, true) == "；是否是“rate.b”或“rate.a”？");
  CHECK(p.did_you_mean("rate.x", 3, true) == "；是否是“rate.b”、“rate.a”或“rate.c”？");
}

TEST_CASE("children_of lists direct children in file order") {
  Plan p = two_areas();
  CHECK(p.children_of("skills.total") == Ids{"skills.high", "skills.mid"});
  CHECK(p.children_of("skills.high").empty());
  CHECK(p.children_of("nothing").empty());
}

TEST_CASE("by_area groups by area order, plan order within an area") {
  Plan p = two_areas();
  // File order: skills.total(A1) jobs.new(A0) skills.high(A1) jobs.old(A0) skills.mid(A1).
  CHECK(ids(p.by_area()) ==
        Ids{"jobs.new", "jobs.old", "skills.total", "skills.high", "skills.mid"});
  CHECK(p.area_of(p.indicators[0]).id == "skills");
  CHECK(p.task_of(p.indicators[1]).id == "jobs.t");
}

TEST_CASE("target_for_year falls back to the overall target") {
  Indicator i;
  i.target = *Decimal::parse("51000");
  i.years = {{2018, *Decimal::parse("17000")}, {2020, *Decimal::parse("18000")}};
  CHECK(i.target_for_year(2018) == *Decimal::parse("17000"));
  CHECK(i.target_for_year(2019) == *Decimal::parse("51000"));
  CHECK(i.target_for_year(2020) == *Decimal::parse("18000"));
}

TEST_CASE("involves and leads") {
  Indicator i;
  i.lead = {"人社局", "教育局"};
  i.partners = {"财政局"};
  CHECK(i.leads("人社局"));
  CHECK(i.leads("教育局"));
  CHECK_FALSE(i.leads("财政局"));
  CHECK(i.involves("财政局"));
  CHECK(i.involves("人社局"));
  CHECK_FALSE(i.involves("人社"));  // whole names only
  CHECK_FALSE(i.involves(""));
  i.unit = "%";
  CHECK(i.is_percent());
}

TEST_CASE("years() and in_period()") {
  Plan p;
  p.start = *Date::parse("2018-07-01");
  p.end = *Date::parse("2020-03-31");
  CHECK(p.years() == std::vector<int>{2018, 2019, 2020});
  CHECK(p.in_period(*Date::parse("2018-07-01")));
  CHECK(p.in_period(*Date::parse("2020-03-31")));
  CHECK_FALSE(p.in_period(*Date::parse("2018-06-30")));
  CHECK_FALSE(p.in_period(*Date::parse("2020-04-01")));
  p.end = *Date::parse("2018-12-31");
  CHECK(p.years() == std::vector<int>{2018});
}

TEST_CASE("join_names uses the Chinese enumeration comma") {
  CHECK(join_names({}) == "");
  CHECK(join_names({"人社局"}) == "人社局");
  CHECK(join_names({"人社局", "财政局", "教育局"}) == "人社局、财政局、教育局");
}

TEST_CASE("files_report: only a scheduled indicator's reporters file its reports") {
  Indicator towns = ind("jobs.towns", 0);
  towns.reported_by = {"镇甲", "镇乙"};
  CHECK(files_report(towns, "镇甲"));  // ad hoc: no report is owed, by anyone
  CHECK(files_report(towns, "教育局"));
  towns.schedule.frequency = Frequency::monthly;
  CHECK(files_report(towns, "镇乙"));
  CHECK_FALSE(files_report(towns, "教育局"));
  CHECK_FALSE(files_report(towns, "各区镇"));  // a group's name is no reporter
  CHECK_FALSE(files_report(towns, ""));
  Indicator nobody = ind("award", 0);
  nobody.schedule.frequency = Frequency::yearly;
  CHECK(files_report(nobody, "教育局"));  // no reporters: nobody is chased
}

TEST_CASE("not_a_reporter names up to three reporters, else two and a count") {
  Indicator i = ind("jobs.towns", 0);
  i.schedule.frequency = Frequency::monthly;
  i.reported_by = {"人社局"};
  CHECK(not_a_reporter(i, "教育局").en ==
        "教育局 is not a reporter of jobs.towns: the figure counts, but files no report; plan due "
        "still asks 人社局");
  i.reported_by = {"镇甲", "镇乙", "镇丙"};
  CHECK(not_a_reporter(i, "各区镇", true).en ==
        "各区镇 is not a reporter of jobs.towns: the explanation is kept, but answers for no "
        "report; plan due still asks 镇甲、镇乙、镇丙");
  i.reported_by = {"镇甲", "镇乙", "镇丙", "镇丁"};
  CHECK(not_a_reporter(i, "教\x1b育局").en.ends_with("still asks 镇甲、镇乙 and 2 more"));
  CHECK(not_a_reporter(i, "教\x1b育局").en.starts_with("教\\x1b育局 is not"));  // sanitized
}

TEST_CASE("not_a_reporter in Chinese says the same") {
  Indicator i = ind("jobs.towns", 0);
  i.schedule.frequency = Frequency::monthly;
  i.reported_by = {"人社局"};
  CHECK(not_a_reporter(i, "教育局").zh ==
        "教育局不是 jobs.towns 的报送单位：数据计入，但不算报送；plan due 仍向人社局催报");
  CHECK(not_a_reporter(i, "").zh ==
        "未注明 jobs.towns 的报送单位（by=）：数据计入，但不算报送；plan due 仍向人社局催报");
  i.reported_by = {"镇甲", "镇乙", "镇丙"};
  CHECK(not_a_reporter(i, "各区镇", true).zh ==
        "各区镇不是 jobs.towns 的报送单位：说明已记下，但不算任何一期的报送；plan due 仍向"
        "镇甲、镇乙、镇丙催报");
  // Four: two named, and the whole count (English says "and 2 more").
  i.reported_by = {"镇甲", "镇乙", "镇丙", "镇丁"};
  CHECK(not_a_reporter(i, "教育局").zh.ends_with("仍向镇甲、镇乙等 4 个单位催报"));
  CHECK(not_a_reporter(i, "教\x1b育局").zh.starts_with("教\\x1b育局不是"));  // sanitized
}

TEST_CASE("reporters_as: a reporter is itself, a group is its members") {
  Plan p;
  p.reporters = {
      {"人社局", "hrss", "", {}}, {"镇甲", "a", "各区镇", {}}, {"镇乙", "b", "各区镇", {}}};
  CHECK(p.is_group("各区镇"));
  CHECK_FALSE(p.is_group("镇甲"));
  CHECK_FALSE(p.is_group(""));  // reporters of no group do not make "" one
  CHECK(p.reporters_as("各区镇") == std::vector<std::string>{"各区镇", "镇甲", "镇乙"});
  CHECK(p.reporters_as("镇甲") == std::vector<std::string>{"镇甲"});
  // What reporter_is says, name by name.
  for (const char* by : {"人社局", "镇甲", "镇乙", "各区镇", "教育局"})
    for (const char* unit : {"人社局", "镇甲", "各区镇"}) {
      auto as = p.reporters_as(unit);
      CHECK(p.reporter_is(by, unit) == (std::find(as.begin(), as.end(), by) != as.end()));
    }
}

}  // namespace plan
