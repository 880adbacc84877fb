#include "plan_loader.h"

#include <doctest/doctest.h>

#include <string>

#include "plan_check.h"

using namespace plan;

namespace {

const char* kHead = R"([plan]
id = "p"
title = "T"
start = 2018-01-01
end = 2020-12-31

[[area]]
id = "a"
name = "A"
  [[area.task]]
  id = "a.t"
  name = "AT"
)";

// Loads kHead + body; returns the diagnostics as "headline" lines.
std::vector<std::string> problems(const std::string& body, bool with_head = true) {
  Diagnostics d;
  load_plan_text((with_head ? std::string(kHead) : "") + body, "p.toml", d);
  std::vector<std::string> out;
  for (const auto& x : d.items()) out.push_back(x.headline());
  return out;
}

// The same in Chinese (headline(true)).
std::vector<std::string> problems_zh(const std::string& body, bool with_head = true) {
  Diagnostics d;
  load_plan_text((with_head ? std::string(kHead) : "") + body, "p.toml", d);
  std::vector<std::string> out;
  for (const auto& x : d.items()) out.push_back(x.headline(true));
  return out;
}

std::string ind(const std::string& extra) {
  return "[[indicator]]\nid = \"x.y\"\nname = \"X\"\nunit = \"人\"\ntask = \"a.t\"\n" + extra;
}

}  // namespace

TEST_CASE("the mini fixture loads with every field") {
  Diagnostics d;
  auto p = load_plan(Env::posix(), PLAN_SOURCE_DIR "/tests/fixtures/mini.toml", d);
  REQUIRE(p);
  CHECK(d.items().empty());
  CHECK(p->id == "mini");
  CHECK(p->issued->iso() == "2018-08-28");
  CHECK(p->start.iso() == "2018-01-01");
  CHECK(p->end.iso() == "2020-12-31");
  CHECK(p->areas.size() == 2);
  CHECK(p->tasks.size() == 2);
  REQUIRE(p->indicators.size() == 7);
  const Indicator* jobs = p->find("jobs.urban_new");
  REQUIRE(jobs);
  CHECK(jobs->target == *Decimal::from_int(51000));
  CHECK(jobs->years.at(2019) == *Decimal::from_int(17000));
  CHECK(jobs->lead == std::vector<std::string>{"人社局"});
  CHECK(jobs->partners == std::vector<std::string>{"财政局"});
  CHECK(p->area_of(*jobs).name == "就业");
  CHECK(jobs->where.line == 27);
  const Indicator* range = p->find("skills.leaders");
  CHECK(range->kind == Kind::range);
  CHECK(*range->target_max == *Decimal::from_int(5));
  CHECK(p->find("hr.portal")->due->iso() == "2020-12-31");
  CHECK(p->find("skills.high")->parent == "skills.total");
  CHECK(p->children_of("skills.total") == std::vector<std::string>{"skills.high"});
  CHECK(p->find("unemployment.rate")->is_percent());
}

TEST_CASE("a TOML syntax error is reported at its line and column") {
  auto v = problems("[[indicator]]\nid = \"x\nname = 1\n");
  REQUIRE(v.size() == 1);
  CHECK(v[0].rfind("p.toml:14:", 0) == 0);
}

TEST_CASE("a missing [plan] table") {
  auto v = problems("[[area]]\nid=\"a\"\nname=\"A\"\n[[area.task]]\nid=\"a.t\"\nname=\"T\"\n" +
                        ind("kind = \"total\"\ntarget = 1\n"),
                    false);
  REQUIRE(v.size() == 1);
  CHECK(v[0] == "p.toml:1:1: missing [plan] table (id, title, issuer, issued, start, end)");
}

TEST_CASE("a missing required key is reported at its table") {
  auto v = problems(ind("kind = \"total\"\n"));
  REQUIRE(v.size() == 1);
  CHECK(v[0] == "p.toml:13:1: indicator 'x.y' is missing required key 'target'");
}

TEST_CASE("a mistyped value is reported at the value") {
  auto v = problems(ind("kind = \"total\"\ntarget = \"51000\"\n"));
  REQUIRE(v.size() == 1);
  CHECK(v[0] == "p.toml:19:10: 'target' must be a number, not a string");
}

TEST_CASE("an unknown kind") {
  auto v = problems(ind("kind = \"sum\"\ntarget = 1\n"));
  REQUIRE(v.size() == 1);
  CHECK(v[0] == "p.toml:18:8: unknown kind 'sum' (expected total, range, floor, cap or milestone)");
}

TEST_CASE("an unknown key is an error, not silently dropped") {
  auto v = problems(ind("kind = \"total\"\ntarget = 1\npartner = [\"x\"]\n"));
  REQUIRE(v.size() == 1);
  CHECK(v[0].rfind("p.toml:20:11: unknown key 'partner' in [[indicator]] (expected one of: id, "
                   "name,",
                   0) == 0);
}

TEST_CASE("a duplicate indicator id") {
  auto v = problems(ind("kind = \"total\"\ntarget = 1\n") + ind("kind = \"total\"\ntarget = 2\n"));
  REQUIRE(v.size() == 1);
  CHECK(v[0] == "p.toml:21:6: duplicate indicator id 'x.y'");
}

TEST_CASE("per-year targets outside the plan period") {
  auto v = problems(ind("kind = \"total\"\ntarget = 3\nyears = { 2017 = 1, 2018 = 2 }\n"));
  REQUIRE(v.size() == 1);
  CHECK(v[0] == "p.toml:20:18: year 2017 is outside the plan period 2018-01-01 … 2020-12-31");
}

TEST_CASE("a parent that does not exist, with a suggestion") {
  auto v = problems(ind("kind = \"total\"\ntarget = 3\nparent = \"x.z\"\n"));
  REQUIRE(v.size() == 1);
  CHECK(v[0] ==
        "p.toml:20:10: parent 'x.z' is not an indicator of this plan; did you mean "
        "'x.y'?");
}

TEST_CASE("a parent cycle") {
  std::string a =
      "[[indicator]]\nid = \"a.a\"\nname = \"A\"\nunit = \"人\"\ntask = \"a.t\"\n"
      "kind = \"total\"\ntarget = 1\nparent = \"b.b\"\n";
  std::string b =
      "[[indicator]]\nid = \"b.b\"\nname = \"B\"\nunit = \"人\"\ntask = \"a.t\"\n"
      "kind = \"total\"\ntarget = 1\nparent = \"a.a\"\n";
  auto v = problems(a + b);
  REQUIRE(v.size() == 2);
  CHECK(v[0] == "p.toml:20:10: parent chain of 'a.a' loops back to itself");
  CHECK(v[1] == "p.toml:28:10: parent chain of 'b.b' loops back to itself");
}

TEST_CASE("a range whose lower bound exceeds its upper bound") {
  auto v = problems(ind("kind = \"range\"\ntarget = 5\ntarget_max = 3\n"));
  REQUIRE(v.size() == 1);
  CHECK(v[0] == "p.toml:20:14: range upper bound 3 is below its lower bound 5");
}

TEST_CASE("a range needs its upper bound") {
  auto v = problems(ind("kind = \"range\"\ntarget = 5\n"));
  REQUIRE(v.size() == 1);
  CHECK(v[0] == "p.toml:13:1: indicator 'x.y' is missing required key 'target_max'");
}

TEST_CASE("a milestone without a due date") {
  auto v = problems(ind("kind = \"milestone\"\n"));
  REQUIRE(v.size() == 1);
  CHECK(v[0] == "p.toml:13:1: indicator 'x.y' is a milestone but has no 'due' date");
}

TEST_CASE("a milestone due outside the period, and with a target") {
  auto v = problems(ind("kind = \"milestone\"\ndue = 2021-06-30\ntarget = 1\n"));
  REQUIRE(v.size() == 2);
  CHECK(v[0] ==
        "p.toml:19:7: due date 2021-06-30 is outside the plan period 2018-01-01 … "
        "2020-12-31");
  CHECK(v[1] == "p.toml:20:10: a milestone has no 'target'; it is done or not by its due date");
}

TEST_CASE("an unknown task") {
  auto v = problems(
      "[[indicator]]\nid = \"x.y\"\nname = \"X\"\nunit = \"人\"\ntask = \"a.u\"\n"
      "kind = \"total\"\ntarget = 1\n");
  REQUIRE(v.size() == 1);
  CHECK(v[0] == "p.toml:17:8: unknown task 'a.u' (tasks are declared under [[area.task]])");
}

TEST_CASE("every problem is reported, not only the first") {
  std::string no_kind =
      "[[indicator]]\nid = \"z.z\"\nname = \"Z\"\nunit = \"人\"\n"
      "task = \"a.t\"\ntarget = 1\n";
  auto v = problems(ind("kind = \"total\"\ntarget = \"x\"\n") + "[[indicator]]\nid = \"bad id\"\n" +
                    no_kind);
  REQUIRE(v.size() == 3);
  CHECK(v[0] == "p.toml:19:10: 'target' must be a number, not a string");
  CHECK(v[1] == "p.toml:21:6: indicator id 'bad id' may only use A-Z a-z 0-9 _ . -");
  CHECK(v[2] == "p.toml:22:1: indicator 'z.z' is missing required key 'kind'");
}

TEST_CASE("an invalid id character") {
  auto v = problems(ind("kind = \"total\"\ntarget = 1\n").replace(20, 3, "x y"));
  REQUIRE(v.size() == 1);
  CHECK(v[0] == "p.toml:14:6: indicator id 'x y' may only use A-Z a-z 0-9 _ . -");
}

TEST_CASE("invalid UTF-8 in the plan file is reported at its place") {
  auto v = problems("# ok\n# bad \xff here\n");
  REQUIRE(v.size() == 1);
  CHECK(v[0] == "p.toml:14:7: invalid UTF-8");
}

TEST_CASE("an unreadable plan file") {
  Diagnostics d;
  CHECK_FALSE(load_plan(Env::posix(), "/nonexistent/p.toml", d));
  CHECK(d.items().at(0).headline() ==
        "/nonexistent/p.toml: cannot read the plan: No such file or "
        "directory");
}

// Each warning points at the value it is about. By hand: [[indicator]] a.a
// is on line 14, so `years = {` is line 21 (column 9, after "years = "),
// `lead = ["人社局"]` line 22 (the string at column 9); a.b starts on line 23,
// `target = 120` is line 29 (column 10, after "target = ") and `partners`
// line 31, where "某局" starts at column 20: `partners = [` is 12
// characters, `"财政局"` 5 (three CJK characters count one each), ", " 2.
TEST_CASE("check_plan warns about splits, children above parents and unknown units") {
  std::string body =
      "[[indicator]]\nid = \"a.a\"\nname = \"A\"\nunit = \"人\"\ntask = \"a.t\"\n"
      "kind = \"total\"\ntarget = 100\nyears = { 2018 = 30, 2019 = 30, 2020 = 30 }\n"
      "lead = [\"人社局\"]\n"
      "[[indicator]]\nid = \"a.b\"\nname = \"B\"\nunit = \"人\"\ntask = \"a.t\"\n"
      "kind = \"total\"\ntarget = 120\nparent = \"a.a\"\npartners = [\"财政局\", \"某局\"]\n";
  Diagnostics d;
  std::string text = std::string(kHead).replace(0, 7, "[plan]\nunits = [\"财政局\"]\n");
  auto p = load_plan_text(text + body, "p.toml", d);
  REQUIRE(p);
  check_plan(*p, d);
  REQUIRE(d.items().size() == 4);
  CHECK(d.items()[0].headline() ==
        "p.toml:21:9: warning: a.a: per-year targets 30 + 30 + 30 = 90 "
        "do not add up to the target 100");
  CHECK(d.items()[1].headline() ==
        "p.toml:22:9: warning: a.a: unit '人社局' is not listed in "
        "[plan].units");
  CHECK(d.items()[2].headline() ==
        "p.toml:29:10: warning: a.b: target 120 is above the target 100 "
        "of 'a.a', which it is part of");
  CHECK(d.items()[3].headline() ==
        "p.toml:31:20: warning: a.b: unit '某局' is not listed in "
        "[plan].units");
  CHECK(d.error_count() == 0);
}

TEST_CASE("check_plan falls back to the indicator's table for a hand-built plan") {
  Plan p;
  p.units = {"人社局"};
  Indicator ind;
  ind.id = "x";
  ind.lead = {"财政局"};
  ind.where = {"p.toml", 5, 1};
  p.indicators.push_back(ind);
  Diagnostics d;
  check_plan(p, d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].headline() ==
        "p.toml:5:1: warning: x: unit '财政局' is not listed in [plan].units");
}

TEST_CASE("a partial split that stays under the total is fine") {
  Diagnostics d;
  auto p = load_plan_text(std::string(kHead) + ind("kind = \"range\"\ntarget = 1\ntarget_max = "
                                                   "2\nyears = { 2019 = 1 }\n"),
                          "p.toml", d);
  REQUIRE(p);
  check_plan(*p, d);
  CHECK(d.items().empty());
}

TEST_CASE("schedule, reporters and settings: defaults, overrides and groups") {
  Diagnostics d;
  auto p = load_plan_text(std::string(kHead) + R"(
[settings]
lang = "zh"
[schedule]
frequency = "monthly"
due_day = 15
[[reporter]]
name = "人社局"
folder = "hrss"
[[reporter]]
name = "平望镇"
folder = "towns/pingwang"
group = "各区镇"
[[reporter]]
name = "七都镇"
group = "各区镇"
[[indicator]]
id = "a.one"
name = "A"
unit = "人"
kind = "total"
target = 10
task = "a.t"
lead = ["人社局"]
[[indicator]]
id = "a.two"
name = "B"
unit = "%"
kind = "floor"
target = 95
task = "a.t"
frequency = "yearly"
due_day = 31
reported_by = ["各区镇"]
[[indicator]]
id = "a.three"
name = "C"
unit = "项"
kind = "milestone"
due = 2019-12-31
task = "a.t"
lead = ["人社局"]
)",
                          "p.toml", d);
  REQUIRE(p);
  CHECK(p->settings.lang == "zh");
  const Indicator& one = p->indicators[0];
  CHECK(one.schedule.frequency == Frequency::monthly);  // the plan's default
  CHECK(one.schedule.due_day == 15);
  CHECK(one.reported_by == std::vector<std::string>{"人社局"});  // its lead, a reporter
  const Indicator& two = p->indicators[1];
  CHECK(two.schedule.frequency == Frequency::yearly);
  CHECK(two.schedule.due_day == 31);
  CHECK(two.reported_by == std::vector<std::string>{"平望镇", "七都镇"});  // the group
  CHECK(p->indicators[2].schedule.frequency == Frequency::ad_hoc);         // milestones always
  CHECK(p->find_reporter("平望镇")->folder == "towns/pingwang");
  CHECK(p->knows_unit("各区镇"));
  CHECK_FALSE(p->knows_unit("人设局"));
  CHECK(p->did_you_mean_unit("人设局") == "; did you mean '人社局'?");
}

TEST_CASE("schedule and reporter errors are located") {
  CHECK(problems("[schedule]\nfrequency = \"weekly\"\n" + ind("kind = \"total\"\ntarget = 1\n")) ==
        std::vector<std::string>{"p.toml:14:13: unknown frequency 'weekly' (expected monthly, "
                                 "quarterly, half-yearly, yearly or ad-hoc)"});
  CHECK(problems("[schedule]\ndue_day = 32\n" + ind("kind = \"total\"\ntarget = 1\n")) ==
        std::vector<std::string>{"p.toml:14:11: 'due_day' must be a day of the month, 1 to 31"});
  CHECK(problems("[settings]\nlang = \"fr\"\n" + ind("kind = \"total\"\ntarget = 1\n")) ==
        std::vector<std::string>{"p.toml:14:8: unknown lang 'fr' (expected en or zh)"});
  CHECK(problems("[settings]\ncolour = 1\n" + ind("kind = \"total\"\ntarget = 1\n")) ==
        std::vector<std::string>{
            "p.toml:14:10: unknown key 'colour' in [settings] (expected one of: lang)"});
  CHECK(problems("[[reporter]]\nname = \"人社局\"\n" +
                 ind("kind = \"total\"\ntarget = 1\nreported_by = [\"人设局\"]\n")) ==
        std::vector<std::string>{"p.toml:22:16: '人设局' is not a reporter or reporter group of "
                                 "this plan ([[reporter]]); did you mean '人社局'?"});
  CHECK(problems("[[reporter]]\nname = \"x\"\nfolder = \"../up\"\n" +
                 ind("kind = \"total\"\ntarget = 1\n")) ==
        std::vector<std::string>{"p.toml:15:10: folder '../up' must be a relative path below the "
                                 "records folder, without . or .. parts"});
  CHECK(problems(ind("kind = \"milestone\"\ndue = 2019-12-31\nfrequency = \"monthly\"\n")) ==
        std::vector<std::string>{
            "p.toml:20:13: a milestone is reported when done: its frequency can only be "
            "\"ad-hoc\""});
}

// Debian's toml++ 3.3.0 reaches __builtin_unreachable when it asks whether
// U+00BF (and other code points) is whitespace (marzer/tomlplusplus#295);
// the loader's own check refuses these texts before toml++ sees them. Run
// under UBSan, each of these once stopped at unicode_autogenerated.h:44.
TEST_CASE("texts that toml++ 3.3.0 cannot read are refused before it sees them, located") {
  CHECK(problems("\xC2\xBF", false) ==
        std::vector<std::string>{"p.toml:1:1: unexpected character '\xC2\xBF' (U+00BF); outside "
                                 "strings and comments TOML is ASCII (text goes in quotes)"});
  // Line 13, after kHead's 12 lines.
  CHECK(problems("x = 1 \xE3\x80\x81\n") ==
        std::vector<std::string>{"p.toml:13:7: unexpected character '\xE3\x80\x81' (U+3001); "
                                 "outside strings and comments TOML is ASCII (text goes in "
                                 "quotes)"});
  // marzer/tomlplusplus#190: a line-ending backslash, then U+00A7 (§).
  CHECK(problems("s = \"\"\"\\\n\xC2\xA7\"\"\"\n", false) ==
        std::vector<std::string>{
            "p.toml:2:1: '\xC2\xA7' (U+00A7) after a line-ending backslash: the TOML reader "
            "(toml++ 3.3.0) cannot read it there; start the line with another character"});
  CHECK(problems("s = \"\\\xC2\xBF\"\n", false) ==
        std::vector<std::string>{"p.toml:1:7: invalid escape \\'\xC2\xBF' (U+00BF)"});
  CHECK(problems("s = \"\"\"\\\xC2\xBF\"\"\"\n", false) ==
        std::vector<std::string>{"p.toml:1:9: invalid escape \\'\xC2\xBF' (U+00BF)"});
}

TEST_CASE("the pre-check leaves strings, comments and safe continuations to toml++") {
  // In strings and comments anything goes, and a continued line may start
  // with a Chinese character (U+4E2D is one toml++ classifies).
  for (std::string text :
       {"# \xC2\xBF \xE3\x80\x81\n", "[plan]\nname = \"\xC2\xBF\\\"\xE3\x80\x81\"\n",
        "a = '\xC2\xBF'\nb = '''\n\xC2\xBF'''\n", "a = \"\"\"\\\n  中\"\"\"\n",
        "a = \"\"\"x\"\"\"\"\nb = '#\xC2\xBF'\n"}) {
    CAPTURE(text);
    auto v = problems(text, false);
    REQUIRE_FALSE(v.empty());  // not a plan, but toml++ read it:
    CHECK(v[0].find("unexpected character") == std::string::npos);
    CHECK(v[0].find("after a line-ending backslash") == std::string::npos);
    CHECK(v[0].find("invalid escape") == std::string::npos);
  }
}

TEST_CASE("a years key of many digits is refused, not added up (once a signed overflow)") {
  auto v = problems(ind("kind = \"total\"\ntarget = 3\nyears = { 12345678901234 = 5 }\n"));
  REQUIRE(v.size() == 1);
  // `years = { ` is 10 characters: the value 5 is at column 28 (10 + 14
  // digits + " = " 3 + 1) of line 20 (kHead 12 lines, ind()'s 5, kind, target).
  CHECK(v[0] == "p.toml:20:28: 'years' keys must be four-digit years, not '12345678901234'");
}

TEST_CASE("plan file messages read in Chinese, at the same place") {
  using V = std::vector<std::string>;
  // A mistyped key, kind and frequency: each names the table or the value
  // and what was expected.
  CHECK(problems_zh("[settings]\ncolour = 1\n" + ind("kind = \"total\"\ntarget = 1\n")) ==
        V{"p.toml:14:10: [settings] 表中有未知的键“colour”（应为以下之一：lang）"});
  CHECK(problems_zh(ind("kind = \"totl\"\ntarget = 1\n")) ==
        V{"p.toml:18:8: 未知的类型“totl”（应为 total、range、floor、cap 或 milestone）"});
  CHECK(
      problems_zh("[schedule]\nfrequency = \"weekly\"\n" + ind("kind = \"total\"\ntarget = 1\n")) ==
      V{"p.toml:14:13: 未知的报送频次“weekly”（应为 monthly、quarterly、half-yearly、yearly 或 "
        "ad-hoc）"});
  // A missing key names the indicator; a wrong type says what it is.
  CHECK(problems_zh(ind("kind = \"total\"\n")) == V{"p.toml:13:1: 指标“x.y”缺少必填键“target”"});
  CHECK(problems_zh(ind("kind = \"total\"\ntarget = \"12\"\n")) ==
        V{"p.toml:19:10: “target”应为数值，而不是字符串"});
  CHECK(problems_zh(ind("kind = \"total\"\ntarget = -5\n")) ==
        V{"p.toml:19:10: total 类指标的目标不能为负（-5）"});
  CHECK(problems_zh(ind("kind = \"total\"\ntarget = 1\nyears = { 2017 = 1 }\n")) ==
        V{"p.toml:20:18: 2017 年不在计划期 2018-01-01 至 2020-12-31 之内"});
  CHECK(problems_zh(ind("kind = \"total\"\ntarget = 1\nparent = \"x.z\"\n")) ==
        V{"p.toml:20:10: parent“x.z”不是本计划的指标；是否是“x.y”？"});
  // Before toml++ reads the text, and toml++'s own words after a Chinese
  // lead.
  CHECK(problems_zh("title = 标题\n", false) ==
        V{"p.toml:1:9: 意外的字符 “标”（U+6807）；在字符串和注释之外，TOML 只用 ASCII "
          "字符（文字要放在"
          "引号内）"});
  // toml++'s, in Chinese (toml_words.h): a table header not closed, text
  // not in quotes, a second [plan], a string not closed.
  CHECK(problems_zh("[plan\n", false) ==
        V{"p.toml:1:6: TOML 语法错误（表头）：应为“]”，实际为换行"});
  CHECK(problems_zh("[plan]\ntitle = plan\n", false) ==
        V{"p.toml:2:9: TOML 语法错误（值）：无法确定值的类型（文字要放在引号内）"});
  CHECK(problems_zh("[plan]\n[plan]\n", false) ==
        V{"p.toml:2:1: TOML 语法错误（表头）：表“plan”已定义，不能重复定义"});
  CHECK(problems_zh("[plan]\ntitle = \"计划\n", false) ==
        V{"p.toml:2:12: TOML "
          "语法错误（字符串）：字符串中不能有未转义的控制字符（制表符除外）；少了结尾的"
          "引号？"});
  CHECK(problems("[plan]\ntitle = plan\n", false) ==
        V{"p.toml:2:9: Error while parsing value: could not determine value type (text goes in "
          "quotes)"});
  // English stays as it was.
  CHECK(problems(ind("kind = \"total\"\n")) ==
        V{"p.toml:13:1: indicator 'x.y' is missing required key 'target'"});
}
