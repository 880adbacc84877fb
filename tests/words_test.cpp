// Display words and cells shared by the reports.
#include "words.h"

#include <doctest/doctest.h>

#include "mini_fixture.h"
#include "render.h"

using namespace plan;
using testing::dec;
using testing::mini_plan;

TEST_CASE("readable targets for each kind") {
  const Plan& p = mini_plan();
  CHECK(readable_target(*p.find("jobs.urban_new"), p.find("jobs.urban_new")->target) == "51,000");
  CHECK(readable_target(*p.find("unemployment.rate"), dec("3")) == "≤ 3%");
  CHECK(readable_target(*p.find("graduates.rate"), dec("95")) == "≥ 95%");
  CHECK(readable_target(*p.find("skills.leaders"), dec("3")) == "3–5");
  CHECK(readable_target(*p.find("hr.portal"), Decimal()) == "due 2020-12-31");
  // The target passed in is used (a year's threshold), not the indicator's.
  CHECK(readable_target(*p.find("graduates.rate"), dec("96.5")) == "≥ 96.5%");
  CHECK(readable_target(*p.find("jobs.urban_new"), dec("17000")) == "17,000");
  // A range's share of one year is a number: its bounds are the period's.
  CHECK(readable_target(*p.find("skills.leaders"), dec("1"), false, TargetOf::year) == "1");
  CHECK(target_cell(*p.find("skills.leaders"), dec("0"), TargetOf::year).text == "0");
  CHECK(target_cell(*p.find("skills.leaders"), dec("3")).text == "3–5");
}

TEST_CASE("status words in English and Chinese") {
  CHECK(status_word(Status::on_track, Kind::total, false) == "on track");
  CHECK(status_word(Status::no_data, Kind::floor, false) == "no data");
  CHECK(status_word(Status::on_track, Kind::total, true) == "进度正常");
  CHECK(status_word(Status::overdue, Kind::milestone, true) == "逾期");
}

TEST_CASE("missed reads 未完成 for a flow whose period closed short, 未达标 for a level") {
  // The --status word is the same for both; only the Chinese differs.
  CHECK(status_word(Status::missed, Kind::total, false) == "missed");
  CHECK(status_word(Status::missed, Kind::floor, false) == "missed");
  CHECK(status_word(Status::missed, Kind::total, true) == "未完成");
  CHECK(status_word(Status::missed, Kind::range, true) == "未完成");
  CHECK(status_word(Status::missed, Kind::floor, true) == "未达标");
  CHECK(status_word(Status::missed, Kind::cap, true) == "未达标");
  CHECK(status_cell(Status::missed, Kind::total).text == "missed");
  CHECK(status_cell(Status::missed, Kind::total).text_zh == "未完成");
}

TEST_CASE("the report vocabulary: one word per concept, headings capitalised") {
  CHECK(word(Word::shortfall, false) == "to target");
  CHECK(word(Word::behind_by, true) == "落后序时");
  CHECK(heading(Word::achieved, false) == "Achieved");
  CHECK(heading(Word::achieved, true) == "已完成");
  CHECK(heading(Word::missed, true) == "未完成");
  CHECK(heading(Word::no_by, false) == "(no by=)");  // no letter to capitalise first
  CHECK(heading(Word::id, false) == "ID");
  // The group of achieved statuses is not the word for the actual figure.
  CHECK(word(Word::achieved, true) != word(Word::actual, true));
}

TEST_CASE("status cells: the --status word, its Chinese, and a colour chosen from the status") {
  Cell behind = status_cell(Status::behind, Kind::total);
  CHECK(behind.type == CellType::status);
  CHECK(behind.text == "behind");
  CHECK(behind.text_zh == "滞后");
  CHECK(format_cell(behind, true) == "滞后");
  const std::pair<Status, Tone> tones[] = {
      {Status::achieved, Tone::good}, {Status::met, Tone::good},    {Status::done, Tone::good},
      {Status::on_track, Tone::fine}, {Status::behind, Tone::warn}, {Status::overdue, Tone::warn},
      {Status::missed, Tone::bad},    {Status::no_data, Tone::dim}, {Status::pending, Tone::plain}};
  for (const auto& [s, tone] : tones) {
    const Status status = s;  // CHECK_MESSAGE takes no structured binding (clang)
    CHECK_MESSAGE(status_cell(status, Kind::total).tone == tone, status_name(status));
  }
  // Under --lang zh the Chinese word is coloured as the English one was.
  Table t;
  t.columns = {{"s", "S", "状态"}};
  t.rows = {{{status_cell(Status::missed, Kind::floor)}, ""}};
  RenderOptions o;
  o.color = o.zh = true;
  CHECK(render_table(t, o).ends_with("\x1b[31m未达标\x1b[0m\n"));
}

TEST_CASE("expected figures: whole things keep a tenth below ten, unless it is .0") {
  const Plan& p = mini_plan();
  const Indicator& leaders = *p.find("skills.leaders");  // 人: whole things
  const Indicator& rate = *p.find("graduates.rate");     // %: not whole
  REQUIRE(leaders.is_whole());
  REQUIRE_FALSE(rate.is_whole());
  // Half of three leaders by mid-plan is 1.5, not a rounded 1 or 2 that
  // disagrees with the bar's tick at half.
  CHECK(format_expected(leaders, 3.0 * 547 / 1096) == "1.5");
  CHECK(format_expected(leaders, 0.496) == "0.5");
  CHECK(format_expected(leaders, 0.04) == "0");  // rounds to 0.0: no ".0"
  CHECK(format_expected(leaders, 1.96) == "2");  // rounds to 2.0
  CHECK(format_expected(leaders, 9.94) == "9.9");
  CHECK(format_expected(leaders, 10.4) == "10");  // from ten up, whole
  CHECK(format_expected(leaders, 17491.8) == "17,492");
  CHECK(format_expected(rate, 2.0) == "2.0");  // other figures: a tenth below 100
  CHECK(format_expected(rate, 95.34) == "95.3");
  CHECK(format_expected(rate, 100.4) == "100");
  CHECK(expected_cell(leaders, 1.497).decimals == 1);
  // Side by side, expected and behind share their decimals: 11 of 15 家
  // with 12.486 expected is 1.486 behind, read as 12.5 and 1.5 (11 + 1.5),
  // not as 12 beside 1.5.
  const int d = expected_decimals(leaders, 12.486, 1.486);
  CHECK(d == 1);
  CHECK(format_number(12.486, d) == "12.5");
  CHECK(format_number(1.486, d) == "1.5");
  CHECK(expected_decimals(leaders, 17491.8, 2491.8) == 0);  // 17,492 and 2,492
  CHECK(expected_decimals(leaders, 12.486, std::nullopt) == 0);
  CHECK(expected_decimals(rate, 100.4, 0.4) == 1);  // 100.4 and 0.4, not 100 and 0.4
  CHECK(expected_cell(leaders, 2.0).decimals == 0);
  CHECK(expected_cell(leaders, std::nullopt).type == CellType::empty);
}
