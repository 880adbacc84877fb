#include "record.h"

#include <doctest/doctest.h>

#include <cstdio>

#include "gb18030.h"
#include "record_fixture.h"
#include "text.h"

using namespace std::string_literals;
using namespace std::string_view_literals;

namespace plan {
namespace {

const Plan& test_plan() {
  static const Plan p = testing::record_test_plan();
  return p;
}

const Location kWhere{"r.rec", 7, 0};

Decimal dec(const char* s) {
  return *Decimal::parse(s);
}

// The entry a valid line gives.
Entry entry_of(std::string_view line) {
  Entry e;
  auto r = parse_line(line, test_plan(), kWhere, &e);
  INFO("line: ", std::string(line));
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error().headline()));
  REQUIRE(*r == LineKind::entry);
  return e;
}

// The one-line error an invalid line gives: "FILE:LINE:COL: message".
std::string error_of(std::string_view line, const Plan& plan = test_plan()) {
  Entry e;
  auto r = parse_line(line, plan, kWhere, &e);
  INFO("line: ", std::string(line));
  REQUIRE(!r.ok());
  CHECK(r.error().source_line == line);
  CHECK(r.error().severity == Severity::error);
  return r.error().headline();
}

// What an invalid UTF-8 message adds when the line reads as GB18030.
constexpr std::string_view kLineIsGb18030 =
    "; the line looks like GB18030 (GBK), as Notepad on older Chinese Windows saves text: save the "
    "file as UTF-8 (iconv -f gb18030 -t utf-8 converts a file that is all GB18030)";

// Prefix of a jobs.urban_new entry: its value starts at column 27.
constexpr std::string_view kJobs = "2019-03-31 jobs.urban_new ";
// Prefix with a value: the first tag starts at column 29.
std::string tagged(std::string_view tags) {
  return std::string(kJobs) + "5 " + std::string(tags);
}

TEST_CASE("indicator_index trusts e.indicator only when it names e.id") {
  const Plan& p = test_plan();
  auto jobs = p.index_of("jobs.urban_new");
  REQUIRE(jobs);
  Entry e = entry_of("2019-03-31 jobs.urban_new 5");
  CHECK(e.indicator == *jobs);  // set by parse_line
  CHECK(indicator_index(p, e) == jobs);
  Entry by_hand;  // no index: found by id
  by_hand.id = "jobs.urban_new";
  CHECK(indicator_index(p, by_hand) == jobs);
  by_hand.indicator = p.indicators.size() + 5;  // out of range: looked up
  CHECK(indicator_index(p, by_hand) == jobs);
  by_hand.indicator = *jobs == 0 ? 1 : 0;  // another indicator's index: looked up
  CHECK(indicator_index(p, by_hand) == jobs);
  by_hand.id = "no.such_id";
  CHECK_FALSE(indicator_index(p, by_hand));
}

TEST_CASE("Entry::ymd follows the date however it was set") {
  Entry e;
  CHECK(e.ymd().year == 1970);  // the default date, 1970-01-01
  // The reader sets the fields with the date.
  e.set_date(Date::from_ymd(2020, 2, 29), Ymd{2020, 2, 29});
  CHECK(e.ymd().month == 2);
  CHECK(e.ymd().day == 29);
  // A date assigned directly: its fields are worked out, not the old ones kept.
  e.date = Date::from_ymd(2019, 12, 31);
  CHECK(e.ymd().year == 2019);
  CHECK(e.ymd().month == 12);
  CHECK(e.ymd().day == 31);
  // Back to 1970-01-01, whose days (0) the cache starts with.
  e.date = Date();
  CHECK(e.ymd().year == 1970);
  CHECK(e.ymd().day == 1);
}

TEST_CASE("blank and comment lines are blank and leave the entry alone") {
  for (std::string_view line : {""sv, "   "sv, "\t \t"sv, "#"sv, "# comment 注释"sv,
                                "   # indented comment"sv, "\t#2019-03-31 bogus"sv}) {
    Entry e;
    e.id = "untouched";
    auto r = parse_line(line, test_plan(), kWhere, &e);
    REQUIRE(r.ok());
    CHECK(*r == LineKind::blank);
    CHECK(e.id == "untouched");
  }
}

TEST_CASE("the SPEC examples parse to their values and tags") {
  Entry a = entry_of("2019-03-31  jobs.urban_new        4210   by=人社局 note=\"一季度快报\"");
  CHECK(a.date == *Date::parse("2019-03-31"));
  CHECK(a.id == "jobs.urban_new");
  CHECK(a.amount == dec("4210"));
  CHECK_FALSE(a.is_state);
  REQUIRE(a.tags.size() == 2);
  CHECK(a.tags[0] == std::pair<std::string, std::string>("by", "人社局"));
  CHECK(a.tags[1] == std::pair<std::string, std::string>("note", "一季度快报"));
  CHECK(a.where.file == "r.rec");
  CHECK(a.where.line == 7);
  CHECK(a.where.column == 1);

  Entry b = entry_of("2019-06-30  unemployment.rate     1.9%   by=人社局");
  CHECK(b.amount == dec("1.9"));

  Entry c = entry_of("2019-07-15  jobs.urban_new        -120   by=人社局 note=\"更正：重复统计\"");
  CHECK(c.amount == dec("-120"));
  CHECK(c.tag("note") == "更正：重复统计");

  Entry d = entry_of("2019-12-31  skills.high_new       1.2万  src=年报   # trailing comment");
  CHECK(d.amount == dec("12000"));
  REQUIRE(d.tags.size() == 1);
  CHECK(d.tag("src") == "年报");

  Entry e = entry_of("2020-11-30  hr.portal_online      done   by=人社局");
  CHECK(e.is_state);
  CHECK(e.done);
  CHECK(e.amount == Decimal());
}

TEST_CASE("fields are separated by any run of spaces and tabs, leading ones too") {
  Entry e = entry_of("\t 2019-03-31\t\tjobs.urban_new \t 4210\t by=x\t");
  CHECK(e.amount == dec("4210"));
  CHECK(e.tag("by") == "x");
  CHECK(e.tags.size() == 1);
}

TEST_CASE("number forms") {
  auto amount = [](std::string line) { return entry_of(line).amount; };
  CHECK(amount(std::string(kJobs) + "+5") == dec("5"));
  CHECK(amount(std::string(kJobs) + "-120") == dec("-120"));
  CHECK(amount(std::string(kJobs) + "0") == Decimal());
  CHECK(amount(std::string(kJobs) + "007") == dec("7"));
  CHECK(amount(std::string(kJobs) + "0.5") == Decimal::from_units(500'000));
  CHECK(amount(std::string(kJobs) + "1.123456") == Decimal::from_units(1'123'456));
  CHECK(amount(std::string(kJobs) + "1.50000000") == Decimal::from_units(1'500'000));
  // 万 is ten thousand: 1.2万 = 12000.
  CHECK(amount(std::string(kJobs) + "1.2万") == Decimal::from_units(12'000'000'000));
  CHECK(amount(std::string(kJobs) + "3万") == Decimal::from_units(30'000'000'000));
  CHECK(amount(std::string(kJobs) + "-0.5万") == Decimal::from_units(-5'000'000'000));
  CHECK(amount(std::string(kJobs) + "0.0001万") == Decimal::from_units(1'000'000));
  CHECK(amount(std::string(kJobs) + "1.0123456789万") == Decimal::from_units(10'123'456'789));
  // A range is a flow: corrections may be negative.
  CHECK(amount("2019-03-31 skills.gusu_leaders -1") == dec("-1"));
}

TEST_CASE("'%' changes nothing on a % indicator and may be left out") {
  CHECK(entry_of("2019-06-30 unemployment.rate 1.9%").amount == Decimal::from_units(1'900'000));
  CHECK(entry_of("2019-06-30 unemployment.rate 1.9").amount == Decimal::from_units(1'900'000));
  CHECK(entry_of("2019-06-30 grad.employment_rate +96.5%").amount == dec("96.5"));
  // A level reading of zero is not negative.
  CHECK(entry_of("2019-06-30 unemployment.rate -0").amount == Decimal());
}

TEST_CASE("milestones take done and undone") {
  Entry done = entry_of("2020-11-30 hr.portal_online done");
  CHECK(done.is_state);
  CHECK(done.done);
  Entry undone = entry_of("2020-12-01 hr.portal_online undone # retracted");
  CHECK(undone.is_state);
  CHECK_FALSE(undone.done);
}

TEST_CASE("explain: an explanation of any indicator, no figure, its text in note=") {
  // Columns: "2019-07-12 " is 11, the id 15 more with its space: explain
  // starts at column 27 (kJobs), at 29 for hr.portal_online (16 + space).
  Entry x = entry_of(
      "2019-07-12 jobs.urban_new explain by=平望镇 period=2019-06 note=\"统计延迟\" "
      "measures=7月15日前补报");
  CHECK(x.is_explanation);
  CHECK_FALSE(x.is_state);
  CHECK(x.amount == Decimal());
  CHECK(x.tag("note") == "统计延迟");
  CHECK(x.tag("measures") == "7月15日前补报");
  CHECK(x.tag("period") == "2019-06");
  // Every kind: a milestone and a rate too.
  CHECK(entry_of("2020-12-01 hr.portal_online explain note=推迟").is_explanation);
  CHECK(entry_of("2020-12-01 unemployment.rate explain note=x").is_explanation);
  CHECK_FALSE(entry_of("2020-12-01 hr.portal_online done").is_explanation);
  CHECK(error_of(std::string(kJobs) + "explain by=x") ==
        "r.rec:7:27: an explanation needs its text in a note= tag");
  CHECK(error_of(std::string(kJobs) + "explain note=\"\"") ==
        "r.rec:7:27: an explanation needs its text in a note= tag");
  CHECK(error_of("2020-12-01 hr.portal_online explain") ==
        "r.rec:7:29: an explanation needs its text in a note= tag");
  // Only the whole word: "explained" is no value.
  CHECK(error_of(std::string(kJobs) + "explained note=x") == "r.rec:7:27: expected a number");
  // A reused entry forgets it was an explanation.
  Entry e = x;
  REQUIRE(parse_line(std::string(kJobs) + "7", test_plan(), kWhere, &e).ok());
  CHECK_FALSE(e.is_explanation);
  // format_entry writes it back as "explain", and that reads back the same.
  std::string line = format_entry(x, *test_plan().find("jobs.urban_new"));
  CHECK(line ==
        "2019-07-12  jobs.urban_new  explain  by=平望镇  period=2019-06  note=统计延迟  "
        "measures=7月15日前补报");
  CHECK(entry_of(line).is_explanation);
}

TEST_CASE("a leap day is a date") {
  CHECK(entry_of("2020-02-29 jobs.urban_new 1").date == Date::from_ymd(2020, 2, 29));
}

TEST_CASE("date errors") {
  CHECK(error_of("2019-3-31 jobs.urban_new 5") == "r.rec:7:1: expected a date (YYYY-MM-DD)");
  CHECK(error_of("abc") == "r.rec:7:1: expected a date (YYYY-MM-DD)");
  CHECK(error_of("2019-03-31x jobs.urban_new 5") == "r.rec:7:1: expected a date (YYYY-MM-DD)");
  CHECK(error_of("2019/03/31 jobs.urban_new 5") == "r.rec:7:1: expected a date (YYYY-MM-DD)");
  CHECK(error_of("  2019-02-30 jobs.urban_new 5") ==
        "r.rec:7:3: 2019-02-30 is not a calendar date");
  CHECK(error_of("2019-02-29 jobs.urban_new 5") == "r.rec:7:1: 2019-02-29 is not a calendar date");
  CHECK(error_of("2019-13-01 jobs.urban_new 5") == "r.rec:7:1: 2019-13-01 is not a calendar date");
  CHECK(error_of("0000-01-01 jobs.urban_new 5") == "r.rec:7:1: 0000-01-01 is not a calendar date");
}

TEST_CASE("id errors") {
  CHECK(error_of("2019-03-31") == "r.rec:7:11: expected an indicator id after the date");
  CHECK(error_of("2019-03-31   ") == "r.rec:7:14: expected an indicator id after the date");
  CHECK(error_of("2019-03-31 # note") == "r.rec:7:12: expected an indicator id after the date");
  CHECK(error_of("2019-03-31 就业 5") ==
        "r.rec:7:12: invalid character '就' in indicator id; ids use A-Z a-z 0-9 _ . -");
  CHECK(error_of("2019-03-31 jobs/urban 5") ==
        "r.rec:7:16: invalid character '/' in indicator id; ids use A-Z a-z 0-9 _ . -");
  // A comment needs whitespace before it.
  CHECK(error_of("2019-03-31 jobs.urban_new# 5") ==
        "r.rec:7:26: invalid character '#' in indicator id; ids use A-Z a-z 0-9 _ . -");
}

TEST_CASE("parse_line's messages in Chinese, at the same column") {
  auto zh = [](std::string_view line) {
    Entry e;
    auto r = parse_line(line, test_plan(), kWhere, &e);
    REQUIRE(!r.ok());
    return r.error().headline(true);
  };
  CHECK(zh("2019-03-31 jobs.urban_nwe 5") ==
        "r.rec:7:12: 未知指标“jobs.urban_nwe”；是否是“jobs.urban_new”？");
  CHECK(zh("2019-03-31 zzz 5") == "r.rec:7:12: 未知指标“zzz”");
  CHECK(zh(tagged("note=\"abc")) == "r.rec:7:34: 引号内的值缺少结束引号");
  CHECK(zh("2019-02-30 jobs.urban_new 5") == "r.rec:7:1: 2019-02-30 不是日历上的日期");
  CHECK(zh(std::string(kJobs) + "1,000") == "r.rec:7:28: 数字中不能用千位分隔符");
  CHECK(zh(std::string(kJobs) + "1.1234567") == "r.rec:7:27: 小数位数过多（最多 6 位）");
  CHECK(zh(tagged("by=a by=b")) == "r.rec:7:34: 标签“by”重复");
  CHECK(zh(std::string(kJobs) + "done") ==
        "r.rec:7:27: “done”只用于节点任务，而 jobs.urban_new 不是节点任务");
}

TEST_CASE("unknown ids name the nearest known ones") {
  CHECK(error_of("2019-03-31 jobs.urban_nwe 5") ==
        "r.rec:7:12: unknown indicator 'jobs.urban_nwe'; did you mean 'jobs.urban_new'?");
  CHECK(error_of("2019-03-31 jobs.ruban_new 5") ==
        "r.rec:7:12: unknown indicator 'jobs.ruban_new'; did you mean 'jobs.urban_new' or "
        "'jobs.rural_new'?");
  CHECK(error_of("2019-03-31 zzz 5") == "r.rec:7:12: unknown indicator 'zzz'");
  // Ids are case-sensitive.
  CHECK(error_of("2019-03-31 JOBS.URBAN_NEW 5") ==
        "r.rec:7:12: unknown indicator 'JOBS.URBAN_NEW'");

  Plan three;
  for (const char* id : {"a1", "a2", "a3"})
    three.indicators.push_back(testing::make_indicator(id, Kind::total, "人", "1"));
  three.build_index();
  CHECK(error_of("2019-03-31 a0 5", three) ==
        "r.rec:7:12: unknown indicator 'a0'; did you mean 'a1', 'a2' or 'a3'?");
}

TEST_CASE("value errors point at the offending character") {
  auto jobs = [](std::string_view value) {
    return error_of(std::string(kJobs) + std::string(value));
  };
  CHECK(error_of("2019-03-31 jobs.urban_new") ==
        "r.rec:7:26: expected a value after the indicator id");
  CHECK(error_of("2019-03-31 jobs.urban_new  # c") ==
        "r.rec:7:28: expected a value after the indicator id");
  CHECK(jobs("abc") == "r.rec:7:27: expected a number");
  CHECK(jobs("+") == "r.rec:7:27: expected a number");
  CHECK(jobs("万") == "r.rec:7:27: expected a number");
  CHECK(jobs(".5") == "r.rec:7:27: expected digits before the decimal point");
  CHECK(jobs("-.5") == "r.rec:7:28: expected digits before the decimal point");
  CHECK(jobs("5.") == "r.rec:7:29: expected digits after the decimal point");
  CHECK(jobs("5.%") == "r.rec:7:29: expected digits after the decimal point");
  CHECK(jobs("1,000") == "r.rec:7:28: thousands separators are not allowed in numbers");
  CHECK(jobs("12a") == "r.rec:7:29: unexpected character 'a' in value");
  CHECK(jobs("4210#x") == "r.rec:7:31: unexpected character '#' in value");
  CHECK(jobs("5万人") == "r.rec:7:29: unexpected character '人' in value");
  CHECK(jobs("1e5") == "r.rec:7:28: unexpected character 'e' in value");
  CHECK(error_of("2019-03-31 unemployment.rate 1.9%%") ==
        "r.rec:7:34: unexpected character '%' in value");
  CHECK(jobs("1.1234567") == "r.rec:7:27: too many decimal places (at most 6)");
  CHECK(jobs("1.12345678901万") == "r.rec:7:27: too many decimal places (at most 10 before 万)");
  CHECK(jobs("10000000000000") == "r.rec:7:27: number too large");
  CHECK(jobs("1000000000万") == "r.rec:7:27: number too large");
}

TEST_CASE("a value the kind does not take is an error, not a guess") {
  CHECK(error_of(std::string(kJobs) + "5%") ==
        "r.rec:7:28: '%' is only for indicators measured in %; jobs.urban_new is measured in 人");
  CHECK(error_of("2019-03-31 startup.jobs_ratio 4%") ==
        "r.rec:7:32: '%' is only for indicators measured in %; startup.jobs_ratio has no unit");
  CHECK(error_of(std::string(kJobs) + "done") ==
        "r.rec:7:27: 'done' is only for milestones; jobs.urban_new is a total");
  CHECK(error_of("2019-03-31 unemployment.rate undone") ==
        "r.rec:7:30: 'undone' is only for milestones; unemployment.rate is a cap");
  CHECK(error_of("2019-03-31 skills.gusu_leaders done") ==
        "r.rec:7:32: 'done' is only for milestones; skills.gusu_leaders is a range");
  CHECK(error_of("2019-03-31 grad.employment_rate done") ==
        "r.rec:7:33: 'done' is only for milestones; grad.employment_rate is a floor");
  CHECK(error_of("2019-03-31 hr.portal_online 5") ==
        "r.rec:7:29: expected done or undone; hr.portal_online is a milestone");
  CHECK(error_of("2019-03-31 hr.portal_online Done") ==
        "r.rec:7:29: expected done or undone; hr.portal_online is a milestone");
  CHECK(error_of("2019-03-31 unemployment.rate -0.1%") ==
        "r.rec:7:30: a reading cannot be negative");
  CHECK(error_of("2019-03-31 startup.jobs_ratio -1") == "r.rec:7:31: a reading cannot be negative");
}

TEST_CASE("tags: quoted values, escapes, comments") {
  Entry e = entry_of(tagged("note=\"a # b\" src=x # real comment \"quoted\""));
  REQUIRE(e.tags.size() == 2);
  CHECK(e.tag("note") == "a # b");
  CHECK(e.tag("src") == "x");

  e = entry_of(tagged(R"(note="say \"hi\" \\ end\n2nd\tcol")"));
  CHECK(e.tag("note") == "say \"hi\" \\ end\n2nd\tcol");

  e = entry_of(tagged("note=\"\" by=\"人社局\""));
  CHECK(e.tag("note") == "");
  CHECK(e.tag("by") == "人社局");

  // Inside quotes a raw tab and a full-width space are text.
  e = entry_of(tagged("note=\"甲\t乙　丙\""));
  CHECK(e.tag("note") == "甲\t乙　丙");

  // Unquoted values run to the next space; '=' and '\' in them are plain text.
  e = entry_of(tagged(R"(src=a=b path=C:\data x_y=人)"));
  CHECK(e.tag("src") == "a=b");
  CHECK(e.tag("path") == "C:\\data");
  CHECK(e.tag("x_y") == "人");
  CHECK(e.tag("absent") == "");
  // Unknown keys are kept, in line order.
  REQUIRE(e.tags.size() == 3);
  CHECK(e.tags[1].first == "path");
}

TEST_CASE("tag errors") {
  CHECK(error_of(tagged("by")) == "r.rec:7:29: expected key=value");
  CHECK(error_of(tagged("一季度快报")) == "r.rec:7:29: expected key=value");
  CHECK(error_of(tagged("=x")) == "r.rec:7:29: expected key=value");
  CHECK(error_of(tagged("6")) == "r.rec:7:29: expected key=value");
  CHECK(error_of(tagged("by=人社局 x")) == "r.rec:7:36: expected key=value");
  CHECK(error_of(tagged("By=x")) == "r.rec:7:29: invalid tag key 'By'; keys use a-z and _");
  CHECK(error_of(tagged("by-unit=x")) ==
        "r.rec:7:29: invalid tag key 'by-unit'; keys use a-z and _");
  CHECK(error_of(tagged("by=")) == "r.rec:7:32: empty value for tag 'by'");
  CHECK(error_of(tagged("by= note=x")) == "r.rec:7:32: empty value for tag 'by'");
  CHECK(error_of(tagged("by=a by=b")) == "r.rec:7:34: duplicate tag 'by'");
  CHECK(error_of(tagged("note=\"abc")) == "r.rec:7:34: unterminated quoted value");
  CHECK(error_of(tagged("note=\"abc\\")) == "r.rec:7:34: unterminated quoted value");
  CHECK(error_of(tagged("note=\"abc\\\"")) == "r.rec:7:34: unterminated quoted value");
  CHECK(error_of(tagged(R"(note="a\qb")")) ==
        R"(r.rec:7:36: unknown escape '\q'; write \\ for a backslash)");
  CHECK(error_of(tagged(R"(note="a\人")")) ==
        R"(r.rec:7:36: unknown escape '\人'; write \\ for a backslash)");
  CHECK(error_of(tagged(R"(note="a"b)")) == "r.rec:7:37: expected a space after the closing quote");
  CHECK(error_of(tagged(R"(note="a"# c)")) ==
        "r.rec:7:37: expected a space after the closing quote");
  CHECK(error_of(tagged(R"(note=a"b")")) ==
        "r.rec:7:35: unexpected '\"' in an unquoted value; quote the whole value");
  CHECK(error_of(tagged("src=年报#3")) ==
        "r.rec:7:35: unexpected '#' in an unquoted value; a comment needs a space before it");
}

TEST_CASE("bytes: CRLF, NUL, control characters, invalid UTF-8") {
  CHECK(error_of(std::string(kJobs) + "5\r") ==
        "r.rec:7:28: carriage return (CRLF line ending); record files use LF");
  CHECK(error_of("\r") == "r.rec:7:1: carriage return (CRLF line ending); record files use LF");
  CHECK(error_of("# 注释\r") ==
        "r.rec:7:5: carriage return (CRLF line ending); record files use LF");
  CHECK(error_of(tagged("note=\"a\0b\""sv)) == "r.rec:7:36: NUL byte");
  CHECK(error_of("# a\0"sv) == "r.rec:7:4: NUL byte");
  CHECK(error_of(tagged("note=\"a\rb\"")) == "r.rec:7:36: control character U+000D");
  CHECK(error_of(tagged("note=\"a\x1b[31mred\"")) == "r.rec:7:36: control character U+001B");
  CHECK(error_of(tagged("note=\"a\x7f\"")) == "r.rec:7:36: control character U+007F");
  CHECK(error_of(tagged("note=\"a\xc2\x9b\"")) == "r.rec:7:36: control character U+009B");
  CHECK(error_of(tagged("note=\"a\xff\"")) == "r.rec:7:36: invalid UTF-8 (byte 0xFF)");
  // A character cut short: the first two bytes of 人 (E4 BA BA). On a line
  // of ASCII otherwise they are also a GB18030 character (浜), so the hint
  // below is given: the bytes cannot tell.
  CHECK(error_of(tagged("note=\"a\xe4\xba\"")) ==
        "r.rec:7:36: invalid UTF-8 (byte 0xE4)" + std::string(kLineIsGb18030));
  // Beside UTF-8 characters, the same is UTF-8 cut short: no hint.
  CHECK(error_of(tagged("by=人社 note=\"a\xe4\xba\"")) == "r.rec:7:42: invalid UTF-8 (byte 0xE4)");
  // Columns count characters, not bytes: 人 is one column.
  CHECK(error_of(tagged("by=人\xff")) == "r.rec:7:33: invalid UTF-8 (byte 0xFF)");
  // An overlong encoding of '/' (and in GB18030 a character).
  CHECK(error_of("\xc0\xaf") ==
        "r.rec:7:1: invalid UTF-8 (byte 0xC0)" + std::string(kLineIsGb18030));
}

TEST_CASE("bytes: a line of GB18030 (GBK) text is said to be one") {
  // by=人社局 in GB2312: 人 C8 CB, 社 C9 E7, 局 BE D6.
  CHECK(error_of(tagged("by=\xc8\xcb\xc9\xe7\xbe\xd6")) ==
        "r.rec:7:32: invalid UTF-8 (byte 0xC8)" + std::string(kLineIsGb18030));
  // Latin-1 (café): E9 then the line's end is no GB18030 character.
  CHECK(error_of(tagged("note=caf\xe9")) == "r.rec:7:37: invalid UTF-8 (byte 0xE9)");
  // In Chinese too.
  Entry e;
  auto r = parse_line(tagged("by=\xc8\xcb\xc9\xe7\xbe\xd6"), test_plan(), kWhere, &e);
  REQUIRE(!r.ok());
  CHECK(r.error().message_zh ==
        "不是有效的 UTF-8（字节 0xC8）；这一行看来是 GB18030（GBK）编码（旧版中文 Windows "
        "记事本的默认编码）：请把文件另存为 UTF-8（整个文件都是 GB18030 时，可用 iconv -f "
        "gb18030 -t utf-8 转换）");
}

TEST_CASE("the UTF-8 check agrees with find_invalid_utf8 on every short byte sequence") {
  // Every lead byte 0x80..0xFF followed by bytes chosen to hit each rule's
  // boundaries (overlong forms, surrogates, > U+10FFFF, cut-short sequences).
  const unsigned char follow[] = {'a', 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0};
  Entry e;
  int checked = 0;
  for (unsigned lead = 0x80; lead <= 0xFF; ++lead) {
    for (unsigned char b1 : follow) {
      for (unsigned char b2 : follow) {
        for (unsigned char b3 : follow) {
          std::string bytes = {static_cast<char>(lead), static_cast<char>(b1),
                               static_cast<char>(b2), static_cast<char>(b3)};
          std::string line = "# " + bytes;
          auto r = parse_line(line, test_plan(), kWhere, &e);
          auto bad = find_invalid_utf8(bytes);
          // U+0080..U+009F are valid UTF-8 but control characters: the
          // first problem on a line is the one reported.
          bool c1 = lead == 0xC2 && b1 < 0xA0 && b1 >= 0x80;
          INFO("bytes: ", static_cast<int>(lead), " ", static_cast<int>(b1), " ",
               static_cast<int>(b2), " ", static_cast<int>(b3));
          if (c1) {
            REQUIRE(!r.ok());
            CHECK(r.error().headline() == "r.rec:7:3: control character U+00" +
                                              std::string(1, "89"[b1 >= 0x90]) +
                                              "0123456789ABCDEF"[b1 & 0xF]);
          } else if (bad) {
            REQUIRE(!r.ok());
            char byte[8];
            std::snprintf(byte, sizeof byte, "%02X", static_cast<unsigned char>(bytes[*bad]));
            // With the hint of the test case above where the line reads as
            // GB18030 (gb18030_test.cpp tests that judgement).
            const std::string hint = reads_as_gb18030(line) ? std::string(kLineIsGb18030) : "";
            CHECK(r.error().message == "invalid UTF-8 (byte 0x" + std::string(byte) + ")" + hint);
            CHECK(r.error().where.column ==
                  3 + static_cast<int>(code_points(std::string_view(bytes).substr(0, *bad))));
          } else {
            CHECK(r.ok());
          }
          ++checked;
        }
      }
    }
  }
  CHECK(checked == 128 * 8 * 8 * 8);
}

TEST_CASE("look-alike characters between fields") {
  CHECK(error_of("2019-03-31　jobs.urban_new 5") ==
        "r.rec:7:11: full-width space (U+3000); separate fields with spaces or tabs");
  CHECK(error_of(tagged("by=人社局　note=x")) ==
        "r.rec:7:35: full-width space (U+3000); separate fields with spaces or tabs");
  CHECK(error_of(tagged("by=　x")) ==
        "r.rec:7:32: full-width space (U+3000); separate fields with spaces or tabs");
  CHECK(error_of(tagged("note=\"x\"　")) ==
        "r.rec:7:37: full-width space (U+3000); separate fields with spaces or tabs");
  CHECK(error_of("\xEF\xBB\xBF"
                 "2019-03-31 jobs.urban_new 5") ==
        "r.rec:7:1: byte order mark (U+FEFF) not at the start of the file");
  // Inside a tag value too, quoted or not (plan-records(5) forbids it
  // anywhere but at the start of a file; it was once taken as text). By
  // hand: tags start at column 29, as for "by=　x" above.
  CHECK(error_of(tagged("by=x\xEF\xBB\xBF")) ==
        "r.rec:7:33: byte order mark (U+FEFF) not at the start of the file");
  CHECK(error_of(tagged("note=\"a\xEF\xBB\xBF\"")) ==
        "r.rec:7:36: byte order mark (U+FEFF) not at the start of the file");
}

TEST_CASE("an error carries the whole line and prints a caret under its column") {
  Entry e;
  std::string line = "2019-03-31 jobs.urban_new 5 by=人社局 x";
  auto r = parse_line(line, test_plan(), kWhere, &e);
  REQUIRE(!r.ok());
  CHECK(r.error().source_line == line);
  // 人社局 is six terminal columns wide: the caret sits under the x.
  CHECK(r.error().to_string() ==
        "r.rec:7:36: expected key=value\n  " + line + "\n  " + std::string(38, ' ') + "^");
}

TEST_CASE("a reused entry keeps nothing from the previous line") {
  Entry e;
  REQUIRE(parse_line(tagged("a=1 b=2 c=\"3\""), test_plan(), kWhere, &e).ok());
  REQUIRE(e.tags.size() == 3);
  auto r = parse_line("2020-01-02 hr.portal_online done by=x", test_plan(), {"s.rec", 9, 0}, &e);
  REQUIRE(r.ok());
  CHECK(e.id == "hr.portal_online");
  CHECK(e.is_state);
  CHECK(e.amount == Decimal());
  REQUIRE(e.tags.size() == 1);
  CHECK(e.tags[0].first == "by");
  CHECK(e.tags[0].second == "x");
  CHECK(e.where.file == "s.rec");
  CHECK(e.where.line == 9);
  REQUIRE(parse_line(std::string(kJobs) + "7", test_plan(), kWhere, &e).ok());
  CHECK_FALSE(e.is_state);
  CHECK_FALSE(e.done);
  CHECK(e.tags.empty());
}

Entry make_entry(const char* date, const char* id, const char* amount,
                 std::vector<std::pair<std::string, std::string>> tags = {}) {
  Entry e;
  e.date = *Date::parse(date);
  e.id = id;
  e.amount = dec(amount);
  e.tags = std::move(tags);
  return e;
}

TEST_CASE("format_entry writes the canonical line") {
  const Plan& p = test_plan();
  Entry a = make_entry("2019-03-31", "jobs.urban_new", "4210",
                       {{"by", "人社局"}, {"note", "一季度快报"}});
  CHECK(format_entry(a, *p.find("jobs.urban_new")) ==
        "2019-03-31  jobs.urban_new  4210  by=人社局  note=一季度快报");
  CHECK(format_entry(make_entry("2019-07-15", "jobs.urban_new", "-120.50"),
                     *p.find("jobs.urban_new")) == "2019-07-15  jobs.urban_new  -120.5");
  CHECK(format_entry(make_entry("2019-06-30", "unemployment.rate", "1.9"),
                     *p.find("unemployment.rate")) == "2019-06-30  unemployment.rate  1.9%");
  Entry m = make_entry("2020-11-30", "hr.portal_online", "0");
  m.is_state = true;
  m.done = true;
  CHECK(format_entry(m, *p.find("hr.portal_online")) == "2020-11-30  hr.portal_online  done");
  m.done = false;
  CHECK(format_entry(m, *p.find("hr.portal_online")) == "2020-11-30  hr.portal_online  undone");
}

TEST_CASE("format_entry quotes tag values that need it") {
  const Indicator& jobs = *test_plan().find("jobs.urban_new");
  auto note = [&](std::string v) {
    std::string line =
        format_entry(make_entry("2019-03-31", "jobs.urban_new", "1", {{"note", v}}), jobs);
    return line.substr(std::string("2019-03-31  jobs.urban_new  1  note=").size());
  };
  CHECK(note("plain") == "plain");
  CHECK(note("a=b") == R"("a=b")");
  CHECK(note("") == R"("")");
  CHECK(note("a b") == R"("a b")");
  CHECK(note("say \"hi\"") == R"("say \"hi\"")");
  CHECK(note("C:\\data") == R"("C:\\data")");
  CHECK(note("x#y") == R"("x#y")");
  CHECK(note("line1\nline2\tz") == R"("line1\nline2\tz")");
  CHECK(note("甲　乙") == "\"甲　乙\"");
}

TEST_CASE("parse_line(format_entry(e)) gives e back") {
  const Plan& p = test_plan();
  std::vector<std::string> notes = {"一季度快报", "更正：重复统计", "",        "a b",
                                    "say \"hi\"", "C:\\data\\",     "\\\"",    "#",
                                    "x # y",      "line1\nline2",   "\t",      "甲　乙",
                                    "=",          "a=b=c",          "\n\n\\n", "😀 emoji"};
  for (const auto& n : notes) {
    for (const char* id : {"jobs.urban_new", "unemployment.rate", "hr.portal_online"}) {
      const Indicator& ind = *p.find(id);
      Entry e = make_entry("2019-03-31", id, ind.kind == Kind::milestone ? "0" : "-1.25");
      if (ind.kind == Kind::milestone) {
        e.is_state = true;
        e.done = true;
      }
      if (ind.kind == Kind::cap) e.amount = dec("1.9");
      e.tags = {{"by", "人社局"}, {"note", n}, {"x_y", n}};
      std::string line = format_entry(e, ind);
      INFO("line: ", line);
      Entry back;
      auto r = parse_line(line, p, kWhere, &back);
      REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error().headline()));
      CHECK(*r == LineKind::entry);
      CHECK(back.date == e.date);
      CHECK(back.id == e.id);
      CHECK(back.amount == e.amount);
      CHECK(back.is_state == e.is_state);
      CHECK(back.done == e.done);
      CHECK(back.tags == e.tags);
      CHECK(format_entry(back, ind) == line);
    }
  }
}

TEST_CASE("a tag value with a control character the format cannot carry is refused on reading") {
  const Indicator& jobs = *test_plan().find("jobs.urban_new");
  std::string line =
      format_entry(make_entry("2019-03-31", "jobs.urban_new", "1", {{"note", "a\x1b[2Jb"}}), jobs);
  CHECK(line == "2019-03-31  jobs.urban_new  1  note=\"a\x1b[2Jb\"");
  CHECK(error_of(line) == "r.rec:7:39: control character U+001B");
}

}  // namespace
}  // namespace plan
