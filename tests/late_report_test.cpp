#include "late_report.h"

#include <doctest/doctest.h>

#include "mini_fixture.h"
#include "record_reader.h"

namespace plan {
namespace {

using testing::cycle_plan;
using testing::day;

Entry line(const std::string& text) {
  Entry e;
  auto r = parse_line(text, cycle_plan(), Location{"new.rec", 1, 0}, &e);
  REQUIRE_MESSAGE(r.ok(), text);
  return e;
}

// The filings of tests/fixtures/cycle on every date: 镇甲 filed January to
// June 2019, 镇乙 and 人社局 January to May and July, not June.
const Filings& cycle_filings() {
  static const Filings f = [] {
    Filings filings(cycle_plan(), day("9999-12-31"));
    Diagnostics d;
    read_records(PLAN_SOURCE_DIR "/tests/fixtures/cycle", cycle_plan(), d,
                 [&](const Entry& e) { filings.add(e); });
    REQUIRE_FALSE(d.has_errors());
    return filings;
  }();
  return f;
}

std::vector<std::optional<std::string>> judge(const std::vector<Entry>& rows,
                                              const LateReportWords& words = {}) {
  std::vector<const Entry*> fresh;
  for (const auto& e : rows) fresh.push_back(&e);
  std::vector<std::optional<std::string>> out;
  for (const auto& m : late_reports(cycle_plan(), cycle_filings(), fresh, words))
    out.push_back(m ? std::optional(m->en) : std::nullopt);
  return out;
}

// The same in Chinese.
std::optional<std::string> judge_zh(const Entry& row, const LateReportWords& words = {}) {
  const std::vector<const Entry*> fresh{&row};
  auto got = late_reports(cycle_plan(), cycle_filings(), fresh, words)[0];
  return got ? std::optional(got->zh) : std::nullopt;
}

}  // namespace

TEST_CASE("late_reports: the sentences in Chinese") {
  CHECK(judge_zh(line("2019-08-12  jobs.reemployed  12  by=镇甲")) ==
        "镇甲尚未报送 jobs.reemployed 的 2019-07（2019-08-10 截止），这个数据的日期是 "
        "2019-08-12，将计入 2019-08，而 2019-08 尚未结束：如是迟报的 2019-07 报送，用 "
        "--period 2019-07；如是 2019-08 截至目前的数，用 --period 2019-08 --force");
  CHECK(
      judge_zh(line("2019-08-12  jobs.reemployed  12  by=镇甲"), {"报送期", false, true, true})
          ->ends_with("如是迟报的 2019-07 报送，在报送期一列填 2019-07；如是 2019-08 截至目前的数，"
                      "在报送期一列填 2019-08 并加 --force；如是 2019-07 的报送，也可改好表中的"
                      "错行"));
  CHECK(judge_zh(line("2019-07-12  jobs.reemployed  12  by=镇乙")) ==
        "镇乙尚未报送 jobs.reemployed 的 2019-06（2019-07-10 截止），这个数据的日期是 "
        "2019-07-12，将计入 2019-07，而 2019-07 已有镇乙的报送：如是迟报的 2019-06 报送，"
        "用 --period 2019-06");
}

TEST_CASE("late_reports: 镇甲's July, due 10 August, recorded on 12 August without a period") {
  auto got = judge({line("2019-08-12  jobs.reemployed  12  by=镇甲")});
  REQUIRE(got[0]);
  CHECK(*got[0] ==
        "镇甲 has not reported jobs.reemployed for 2019-07 (due 2019-08-10), and this figure, "
        "dated 2019-08-12, would count for 2019-08, which is not over: --period 2019-07 if it "
        "is the late 2019-07 report, --period 2019-08 --force if it is 2019-08's so far");
  // A sheet's rows name the column instead.
  CHECK(judge({line("2019-08-12  jobs.reemployed  12  by=镇甲")}, {"报送期", false, false, true})[0]
            ->ends_with("报送期 2019-07 if it is the late 2019-07 report, 报送期 2019-08 and "
                        "--force if it is "
                        "2019-08's so far"));
}

TEST_CASE("late_reports: 镇乙's June recorded on 12 July, when its July is in already") {
  // 镇乙 filed July (31 July) but not June: a figure dated 12 July is no
  // "July so far", which would count July twice; only June is offered.
  auto got = judge({line("2019-07-12  jobs.reemployed  12  by=镇乙")});
  REQUIRE(got[0]);
  CHECK(*got[0] ==
        "镇乙 has not reported jobs.reemployed for 2019-06 (due 2019-07-10), and this figure, "
        "dated 2019-07-12, would count for 2019-07, which has 镇乙's report already: --period "
        "2019-06 if it is the late 2019-06 report");
  // So for 镇甲's August when the batch holds an August figure of 镇甲's too.
  got = judge({line("2019-08-12  jobs.reemployed  12  by=镇甲"),
               line("2019-08-31  jobs.reemployed  15  by=镇甲")});
  REQUIRE(got[0]);
  CHECK(
      got[0]->ends_with("would count for 2019-08, which has 镇甲's report already: --period "
                        "2019-07 if it is the late 2019-07 report"));
  CHECK_FALSE(got[1]);  // dated on August's last day: August's
  // 人社局 skipped June of jobs.urban_new as well, and filed July.
  CHECK(judge({line("2019-07-20  jobs.urban_new  100  by=人社局")})[0] ==
        "人社局 has not reported jobs.urban_new for 2019-06 (due 2019-07-10), and this figure, "
        "dated 2019-07-20, would count for 2019-07, which has 人社局's report already: --period "
        "2019-06 if it is the late 2019-06 report");
  // With --add or --replace the figure may join July's: both ways out.
  CHECK(judge({line("2019-07-12  jobs.reemployed  12  by=镇乙")}, {"--period", true})[0]->ends_with(
      ", which is not over: --period 2019-06 if it is the late 2019-06 report, --period 2019-07 "
      "--force if it is 2019-07's so far"));
}

TEST_CASE("late_reports: a sheet with bad rows may hold the period before among them") {
  CHECK(judge({line("2019-08-12  jobs.reemployed  12  by=镇甲")}, {"报送期", false, true, true})[0]
            ->ends_with("报送期 2019-08 and --force if it is 2019-08's so far; or mend the sheet's "
                        "bad row if it is the 2019-07 report"));
}

TEST_CASE("late_reports: what is not a late report filed as the next period's") {
  std::vector<Entry> rows = {
      // The period said: the late June report, or July's so far (which
      // plan record takes only with --force, July not being over:
      // period_date_problem).
      line("2019-07-12  jobs.reemployed  12  by=镇乙  period=2019-06"),
      line("2019-07-12  jobs.reemployed  12  by=镇乙  period=2019-07"),
      // Dated on July's last day: July's report.
      line("2019-07-31  jobs.reemployed  12  by=镇乙"),
      // In June's due window (by 10 July): June's report, on time.
      line("2019-07-10  jobs.reemployed  12  by=镇乙"),
      // 镇甲 filed June (30 June): a mid-July figure is July's.
      line("2019-07-12  jobs.reemployed  12  by=镇甲"),
      // An explanation is no figure.
      line("2019-07-12  jobs.reemployed  explain  by=镇乙  note=\"延迟\""),
      // Not one of the indicator's reporters: nobody's report.
      line("2019-07-12  jobs.reemployed  12  by=人社局"),
      line("2019-07-12  jobs.reemployed  12"),
      // A correction is no report.
      line("2019-07-12  jobs.reemployed  -2  by=镇乙  note=更正"),
      // The plan's first period has none before it.
      line("2019-01-15  jobs.reemployed  12  by=镇乙"),
  };
  for (const auto& verdict : judge(rows)) CHECK_FALSE(verdict);
}

TEST_CASE("late_reports: June's report among the new figures answers for July's") {
  auto got = judge({line("2019-07-12  jobs.reemployed  12  by=镇乙"),
                    line("2019-06-30  jobs.reemployed  11  by=镇乙")});
  CHECK_FALSE(got[0]);
  CHECK_FALSE(got[1]);
  // Another reporter's June does not.
  got = judge({line("2019-07-12  jobs.reemployed  12  by=镇乙"),
               line("2019-06-30  jobs.urban_new  11  by=人社局")});
  CHECK(got[0]);
}

}  // namespace plan
