// The reporting cycle on the shipped project (plans/ and records/): the
// schedule of the plan file, expected figures read at the end of the last
// reporting period that is due, and `unreported` once a due report is
// missing. Figures are worked by hand from the record lines (quoted below).
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "digest.h"
#include "digest_render.h"
#include "digest_words.h"
#include "due_report.h"
#include "evaluation.h"
#include "ledger.h"
#include "plan_loader.h"
#include "record_reader.h"
#include "render.h"
#include "schedule.h"
#include "show_report.h"
#include "status_report.h"

using namespace plan;

namespace {

const Plan& shipped() {
  static const Plan p = [] {
    Diagnostics d;
    auto loaded = load_plan(Env::posix(), PLAN_SOURCE_DIR "/plans/wujiang-2018-2020.toml", d);
    REQUIRE(loaded);
    return std::move(*loaded);
  }();
  return p;
}

Date day(const char* s) {
  return *Date::parse(s);
}

// The shipped records at `as_of`, minus the entries `skip` says to leave out
// (a report that did not come in).
Ledger ledger_at(const char* as_of, const std::function<bool(const Entry&)>& skip = {}) {
  Ledger l(shipped(), day(as_of));
  Diagnostics d;
  read_records(PLAN_SOURCE_DIR "/records", shipped(), d, [&](const Entry& e) {
    if (!skip || !skip(e)) l.add(e);
  });
  REQUIRE_FALSE(d.has_errors());
  return l;
}

// A record line of late.rec, read as the ledger reads it.
Entry entry(const char* line) {
  Entry e;
  auto kind = parse_line(line, shipped(), Location{"late.rec", 1, 0}, &e);
  REQUIRE(kind);
  return e;
}

bool is_pingwang_june_reemployed(const Entry& e) {
  return e.id == "jobs.reemployed" && e.tag("by") == "平望镇" && e.date == day("2019-06-30");
}

}  // namespace

TEST_CASE("the shipped plan's schedule follows the src= tags of the sample records") {
  const Plan& p = shipped();
  auto freq = [&](const char* id) { return p.find(id)->schedule.frequency; };
  CHECK(freq("jobs.urban_new") == Frequency::monthly);               // src=月报
  CHECK(freq("jobs.public_welfare_posts") == Frequency::quarterly);  // src=季报
  CHECK(freq("startup.communities") == Frequency::half_yearly);      // src=半年报
  CHECK(freq("graduates.employment_rate") == Frequency::yearly);
  CHECK(freq("masters.technical_experts") == Frequency::ad_hoc);  // awarded in batches
  CHECK(freq("hr.portal_online") == Frequency::ad_hoc);           // a milestone
  CHECK(p.find("jobs.urban_new")->schedule.due_day == 10);
  // Reporters: jobs.urban_new is led by 发改委 etc. but filed by 人社局; the
  // towns' flows by the eight towns of the group 各区镇, in [[reporter]] order.
  CHECK(p.find("jobs.urban_new")->reported_by == std::vector<std::string>{"人社局"});
  const auto& towns = p.find("jobs.reemployed")->reported_by;
  REQUIRE(towns.size() == 8);
  CHECK(towns.front() == "吴江开发区");
  CHECK(towns.back() == "七都镇");
  CHECK(p.find_reporter("平望镇")->folder == "towns/pingwang");
  CHECK(p.find_reporter("人社局")->folder == "hrss");
  // Default: the lead unit, when it reports.
  CHECK(p.find("skills.new")->reported_by == std::vector<std::string>{"人社局"});
}

TEST_CASE("monthly indicators do not flap while June's report is not yet due") {
  // June's monthly report is due 2019-07-10: from 2019-06-11 to 2019-07-10
  // every monthly indicator is judged at 31 May, so its status and expected
  // figure are the same on 30 June, 1 July, 5 July and 10 July.
  Ledger l30 = ledger_at("2019-06-30"), l01 = ledger_at("2019-07-01"),
         l05 = ledger_at("2019-07-05"), l10 = ledger_at("2019-07-10");
  int monthly = 0;
  for (const Indicator& ind : shipped().indicators) {
    if (ind.schedule.frequency != Frequency::monthly) continue;
    ++monthly;
    INFO(ind.id);
    IndicatorStatus s30 = evaluate(l30, ind), s01 = evaluate(l01, ind), s05 = evaluate(l05, ind),
                    s10 = evaluate(l10, ind);
    CHECK(s01.judged_at == day("2019-05-31"));
    CHECK(s01.judged_period == "2019-05");
    CHECK(s30.status == s01.status);
    CHECK(s01.status == s05.status);
    CHECK(s05.status == s10.status);
    CHECK(*s30.expected == doctest::Approx(*s05.expected));
    CHECK(*s01.expected == doctest::Approx(*s10.expected));
    CHECK(s05.missing.empty());
    CHECK(s05.status != Status::unreported);
  }
  CHECK(monthly == 10);
}

TEST_CASE("jobs.urban_new at 2019-07-01, 07-05 and 07-15: judged at May's, then June's end") {
  const Indicator& ind = *shipped().find("jobs.urban_new");
  // 17,000 a year. At 31 May 2019 the line stands at 17000 + 17000 x
  // 151/365 = 24032.877 (151 = 31+28+31+30+31 days of 2019 by 31 May):
  // 24,032 people due.
  // Actual at 1 and 5 July: 2018's 17650 + 2019's 1393+927+1942+1503+1623+1680
  // (hrss/2019.rec, January to June) = 17650 + 9068 = 26718.
  for (const char* d : {"2019-07-01", "2019-07-05"}) {
    IndicatorStatus s = evaluate(ledger_at(d), ind);
    CHECK(*s.expected == 24032);
    CHECK(s.actual->to_double() == 26718);
    CHECK(s.status == Status::on_track);
  }
  // At 15 July June is due: 17000 + 17000 x 181/365 = 25430.137, 25,430
  // people; the actual
  // takes the 15 July correction of -120: 26598.
  IndicatorStatus s = evaluate(ledger_at("2019-07-15"), ind);
  CHECK(s.judged_at == day("2019-06-30"));
  CHECK(*s.expected == 25430);
  CHECK(s.actual->to_double() == 26598);
  CHECK(s.status == Status::on_track);
}

TEST_CASE("startup.communities (half-yearly) at 2019-07-01 and 07-15") {
  const Indicator& ind = *shipped().find("startup.communities");
  // 60 a year. Until the first half's report is due (2019-07-10) it is
  // judged at 2018-12-31: expected 60. Actual: 64 in 2018 + 27 in the first
  // half of 2019 (towns/*/2018.rec and 2019.rec, dated 2019-06-30) = 91.
  IndicatorStatus early = evaluate(ledger_at("2019-07-01"), ind);
  CHECK(*early.expected == doctest::Approx(60));
  CHECK(early.actual->to_double() == 91);
  CHECK(early.status == Status::on_track);
  // From 11 July the line stands at 60 + 60 x 181/365 = 89.753: 89
  // communities due; 91 is on track.
  IndicatorStatus late = evaluate(ledger_at("2019-07-15"), ind);
  CHECK(*late.expected == 89);
  CHECK(late.status == Status::on_track);
}

TEST_CASE("a missing June report: unreported from 2019-07-11, not before") {
  const Indicator& ind = *shipped().find("jobs.reemployed");
  IndicatorStatus before = evaluate(ledger_at("2019-07-05", is_pingwang_june_reemployed), ind);
  CHECK(before.status == Status::on_track);
  CHECK(before.missing.empty());
  IndicatorStatus on_due_day = evaluate(ledger_at("2019-07-10", is_pingwang_june_reemployed), ind);
  CHECK(on_due_day.status == Status::on_track);
  IndicatorStatus after = evaluate(ledger_at("2019-07-15", is_pingwang_june_reemployed), ind);
  CHECK(after.status == Status::unreported);
  REQUIRE(after.missing.size() == 1);
  CHECK(after.missing[0].reporter == "平望镇");
  CHECK(period_label(after.missing[0].period) == "2019-06");
  CHECK(after.missing[0].period.due == day("2019-07-10"));
  CHECK(after.missing[0].days_overdue == 5);
  // With every report in, the same date is on track.
  CHECK(evaluate(ledger_at("2019-07-15"), ind).status == Status::on_track);
}

TEST_CASE("a ledger at 30 June known by a later day counts June's reports filed late") {
  // 平望镇's June jobs.reemployed (2019-06-30, 34 人) filed on 12 July
  // instead, after its due day (10 July), or a July figure that day.
  const Indicator& ind = *shipped().find("jobs.reemployed");
  const Entry june = entry("2019-07-12  jobs.reemployed  34  by=平望镇  period=2019-06");
  const Entry july = entry("2019-07-12  jobs.reemployed  40  by=平望镇  period=2019-07");
  auto late = [&](const char* known_by) {
    Ledger l(shipped(), day("2019-06-30"), day(known_by));
    Diagnostics d;
    read_records(PLAN_SOURCE_DIR "/records", shipped(), d, [&](const Entry& e) {
      if (!is_pingwang_june_reemployed(e)) l.add(e);
    });
    l.add(june);
    l.add(july);
    return l;
  };
  const IndicatorTotals on_time = ledger_at("2019-06-30").totals(ind);
  const int june_key = 2019 * 12 + 5;
  // Known by 15 July: June's counts in June, as if on time; July's not.
  Ledger known = late("2019-07-15");
  CHECK(known.totals(ind).actual == on_time.actual);
  CHECK(known.totals(ind).by_month.at(june_key) == on_time.by_month.at(june_key));
  CHECK(known.totals(ind).by_year.at(2019) == on_time.by_year.at(2019));
  IndicatorStatus s = evaluate(known, ind);
  CHECK(s.missing.empty());
  CHECK(s.judged_period == "2019-06");  // due on 10 July, before the 15th
  // Known by 11 July: June's is not in yet, a day overdue.
  Ledger not_yet = late("2019-07-11");
  CHECK(not_yet.totals(ind).actual == on_time.actual - *Decimal::parse("34"));
  IndicatorStatus missing = evaluate(not_yet, ind);
  CHECK(missing.status == Status::unreported);
  REQUIRE(missing.missing.size() == 1);
  CHECK(missing.missing[0].reporter == "平望镇");
  CHECK(missing.missing[0].days_overdue == 1);
  // A plain ledger at 30 June takes nothing dated after it.
  Ledger plain(shipped(), day("2019-06-30"));
  plain.add(june);
  CHECK(plain.totals(ind).entries == 0);
}

TEST_CASE("a report filed after its period counts for it: December's in December and 2019") {
  // 平望镇's December 2019 jobs.reemployed (records/towns/pingwang/2019.rec:81,
  // 2019-12-31, 29 人) filed in January instead: on the 8th, in December's
  // due window (to 10 January), or on the 20th with period=2019-12. And
  // 人社局's 2019Q4 unemployment.rate (records/hrss/2019.rec:122, 1.88) on
  // 8 January. awk over records/: jobs.reemployed comes to 4,235 dated in
  // 2019 and 352 in December 2019.
  const Indicator& reemployed = *shipped().find("jobs.reemployed");
  const Indicator& rate = *shipped().find("unemployment.rate");
  auto moved = [&](const char* as_of, const char* reemployed_line) {
    Ledger l(shipped(), day(as_of));
    Diagnostics d;
    read_records(PLAN_SOURCE_DIR "/records", shipped(), d, [&](const Entry& e) {
      const bool december =
          e.date == day("2019-12-31") &&
          ((e.id == "jobs.reemployed" && e.tag("by") == "平望镇") || e.id == "unemployment.rate");
      if (!december) l.add(e);
    });
    l.add(entry(reemployed_line));
    l.add(entry("2020-01-08  unemployment.rate  1.88%  by=人社局"));
    return l;
  };
  const int december = 2019 * 12 + 11;
  const Decimal in_2020 = ledger_at("2020-06-30").totals(reemployed).by_year.at(2020);
  for (const char* line : {"2020-01-08  jobs.reemployed  29  by=平望镇",
                           "2020-01-20  jobs.reemployed  29  by=平望镇  period=2019-12"}) {
    CAPTURE(line);
    Ledger l = moved("2020-06-30", line);
    const IndicatorTotals& t = l.totals(reemployed);
    CHECK(t.by_year.at(2019) == *Decimal::parse("4235"));
    CHECK(t.by_month.at(december) == *Decimal::parse("352"));
    CHECK(t.by_year.at(2020) == in_2020);
  }
  // Not before it came in: at 2020-01-07 December is 29 short.
  Ledger early = moved("2020-01-07", "2020-01-08  jobs.reemployed  29  by=平望镇");
  CHECK(early.totals(reemployed).by_year.at(2019) == *Decimal::parse("4206"));
  // A reading of 2019Q4 is 2019's year-end reading, not 2020's first.
  Ledger l = moved("2020-01-09", "2020-01-08  jobs.reemployed  29  by=平望镇");
  const IndicatorTotals& r = l.totals(rate);
  CHECK(r.latest_by_year.at(2019).value == *Decimal::parse("1.88"));
  CHECK_FALSE(r.latest_by_year.contains(2020));
  REQUIRE(r.latest);
  CHECK(r.latest->value == *Decimal::parse("1.88"));
  // Corrected on 1 February (period=2019Q4), read before the original (an
  // earlier file): both count as of 2019-12-31, and the one filed later
  // wins, as it did when each counted on its own date.
  Ledger c(shipped(), day("2020-02-05"));
  c.add(entry("2020-02-01  unemployment.rate  1.9%  by=人社局  period=2019Q4"));
  c.add(entry("2020-01-08  unemployment.rate  1.88%  by=人社局"));
  REQUIRE(c.totals(rate).latest);
  CHECK(c.totals(rate).latest->value == *Decimal::parse("1.9"));
  CHECK(c.totals(rate).latest_by_year.at(2019).value == *Decimal::parse("1.9"));
}

TEST_CASE("a figure for a period before the plan's counts toward none of its flows") {
  // jobs.public_welfare_posts (季报) at 2018-03-31: the eight towns' 2018Q1
  // lines add up to 212 (awk over records/). 吴江开发区's 500 for 2017Q4,
  // filed on 8 January 2018, counts as of 2017-12-31: before the plan. A
  // level's 2017Q4 reading is 2017's, the baseline year's.
  Ledger l = ledger_at("2018-03-31");
  l.add(entry("2018-01-08  jobs.public_welfare_posts  500  by=吴江开发区  period=2017Q4"));
  l.add(entry("2018-01-08  unemployment.rate  2.1%  by=人社局  period=2017Q4"));
  const IndicatorTotals& posts = l.totals(*shipped().find("jobs.public_welfare_posts"));
  CHECK(posts.actual == *Decimal::parse("212"));
  CHECK(posts.by_year.at(2018) == *Decimal::parse("212"));
  const IndicatorTotals& rate = l.totals(*shipped().find("unemployment.rate"));
  REQUIRE(rate.latest_by_year.contains(2017));
  CHECK(rate.latest_by_year.at(2017).value == *Decimal::parse("2.1"));
}

TEST_CASE("period= moves no figure of another frequency, nor an unscheduled one") {
  // Only a label of the indicator's own frequency says which period a
  // figure is for. jobs.reemployed (月报) with period=2019H1, dated
  // 2019-07-05, counts in July; masters.contests (ad hoc; 2019 by date: 12,
  // awk over records/) with period=2019Q4 dated 2020-01-08 counts in 2020;
  // skills.shortage_list_2020 (a milestone due 2020-03-31, done 2020-04-24
  // in records/hrss/2020.rec) marked done with period=2020Q1 is done on
  // the day it says, not at the quarter's end.
  Ledger l =
      ledger_at("2020-12-31", [](const Entry& e) { return e.id == "skills.shortage_list_2020"; });
  const Decimal july = l.totals(*shipped().find("jobs.reemployed")).by_month.at(2019 * 12 + 6);
  const Decimal contests_2019 = l.totals(*shipped().find("masters.contests")).by_year.at(2019);
  CHECK(contests_2019 == *Decimal::parse("12"));
  l.add(entry("2019-07-05  jobs.reemployed  1000  by=平望镇  period=2019H1"));
  l.add(entry("2020-01-08  masters.contests  5  by=人社局  period=2019Q4"));
  l.add(entry("2020-04-24  skills.shortage_list_2020  done  by=人社局  period=2020Q1"));
  CHECK(l.totals(*shipped().find("jobs.reemployed")).by_month.at(2019 * 12 + 6) ==
        july + *Decimal::parse("1000"));
  CHECK(l.totals(*shipped().find("masters.contests")).by_year.at(2019) == contests_2019);
  const IndicatorStatus list = evaluate(l, *shipped().find("skills.shortage_list_2020"));
  REQUIRE(list.actual_date);
  CHECK(*list.actual_date == day("2020-04-24"));
}

TEST_CASE("平望镇's May 2019 figure, dated 8 June within May's due window, files May") {
  Ledger l = ledger_at("2019-07-15");
  const Indicator& ind = *shipped().find("jobs.reemployed");
  CHECK(l.filings().missing(ind).empty());
}

TEST_CASE("the shipped records owe nothing at the end of every month of the plan") {
  // Every scheduled report of the sample is in: no indicator is unreported
  // at any month end, and plan due lists nothing missing.
  int months = 0;
  for (Date first = day("2018-02-01"); first <= day("2021-02-01"); first = first.add_months(1)) {
    Date d = first.add_days(-1);  // the last day of the month before
    INFO(d.iso());
    CHECK_FALSE(any_missing(build_due(ledger_at(d.iso().c_str()), {})));
    ++months;
  }
  CHECK(months == 37);  // 2018-01-31 … 2021-01-31
}

TEST_CASE("plan show breaks a flow the towns report down by reporter") {
  // jobs.reemployed at 2019-06-30: 6,435 人, the eight towns' figures added
  // up. 平望镇's 18 lines (towns/pingwang/2018.rec and 2019.rec, January
  // 2018 to June 2019) add up to 514, 172 of them in 2019 (summed with awk
  // from the files, not by plan).
  const Indicator& ind = *shipped().find("jobs.reemployed");
  std::vector<Entry> records;
  Diagnostics d;
  read_records(PLAN_SOURCE_DIR "/records", shipped(), d, [&](const Entry& e) {
    if (e.id == ind.id) records.push_back(e);
  });
  ShowReport r = build_show(ledger_at("2019-06-30"), ind, std::move(records));
  REQUIRE(r.by_reporter.size() == 8);  // reported_by: the group 各区镇's eight
  Decimal sum;
  for (const ReporterShare& s : r.by_reporter) sum = sum + s.total;
  CHECK(sum == *r.status.actual);
  auto pingwang = std::find_if(r.by_reporter.begin(), r.by_reporter.end(),
                               [](const ReporterShare& s) { return s.by == "平望镇"; });
  REQUIRE(pingwang != r.by_reporter.end());
  CHECK(pingwang->total == *Decimal::parse("514"));
  CHECK(pingwang->this_year == *Decimal::parse("172"));
  CHECK(pingwang->entries == 18);
  CHECK(pingwang->last == day("2019-06-30"));
  // In the plan's [[reporter]] order, 吴江开发区 first; 514 / 6,435 = 8.0 %.
  CHECK(r.by_reporter[0].by == "吴江开发区");
  RenderOptions en;
  en.width = 80;
  CHECK(show_text(r, en).find("\n平望镇       172    514   8.0%       18  2019-06-30\n") !=
        std::string::npos);
  // A level has no breakdown.
  CHECK(build_show(ledger_at("2019-06-30"), *shipped().find("unemployment.rate"), {})
            .by_reporter.empty());
}

TEST_CASE("plan show's per-reporter table counts a late report for its period") {
  // 平望镇's jobs.reemployed by awk over towns/pingwang/*.rec: 816 in 30
  // lines to 2020-06-30, 129 of them in 2020; 987 in 36 lines in all, 300
  // of them in 2020. Its December reports (2019.rec:81, 29; 2020.rec:83,
  // 30) are filed in January instead, in December's due window.
  const Indicator& ind = *shipped().find("jobs.reemployed");
  auto pingwang = [&](const char* as_of, const char* moved_from, const char* late_line) {
    std::vector<Entry> records;
    Ledger l(shipped(), day(as_of));
    Diagnostics d;
    read_records(PLAN_SOURCE_DIR "/records", shipped(), d, [&](const Entry& e) {
      if (e.id == ind.id && e.tag("by") == "平望镇" && e.date == day(moved_from)) return;
      l.add(e);
      if (e.id == ind.id) records.push_back(e);
    });
    const Entry late = entry(late_line);
    l.add(late);
    records.push_back(late);
    ShowReport r = build_show(l, ind, std::move(records));
    auto it = std::find_if(r.by_reporter.begin(), r.by_reporter.end(),
                           [](const ReporterShare& s) { return s.by == "平望镇"; });
    REQUIRE(it != r.by_reporter.end());
    return std::pair(r, *it);
  };
  auto expect = [](const ShowReport& r, const ReporterShare& s, const char* this_year,
                   const char* total, std::size_t entries, const char* last) {
    CHECK(r.share_year == 2020);
    CHECK(s.this_year == *Decimal::parse(this_year));
    CHECK(s.total == *Decimal::parse(total));
    CHECK(s.entries == entries);
    CHECK(s.last == day(last));
  };
  // December 2019's 29 is 2019's: 2020 comes to 129, not 158.
  auto [june, p] =
      pingwang("2020-06-30", "2019-12-31", "2020-01-08  jobs.reemployed  29  by=平望镇");
  expect(june, p, "129", "816", 30, "2020-06-30");
  // After the plan's end, December 2020's 30 filed on 5 January 2021 is in
  // the total and in 2020, the year the table shows then (not 2021).
  auto [after, q] =
      pingwang("2021-01-20", "2020-12-31", "2021-01-05  jobs.reemployed  30  by=平望镇");
  expect(after, q, "300", "987", 36, "2021-01-05");
  RenderOptions en;
  en.width = 80;
  const std::string text = show_text(after, en);
  CHECK(text.find("Reporter    2020  Total") != std::string::npos);
  CHECK(text.find("\n平望镇       300    987") != std::string::npos);
}

TEST_CASE("plan show names who owes an unreported indicator's reports") {
  // 平望镇's June figure left out: its report, due 2019-07-10, is 5 days
  // late at 2019-07-15; the other towns' are in.
  const Indicator& ind = *shipped().find("jobs.reemployed");
  ShowReport r = build_show(ledger_at("2019-07-15", is_pingwang_june_reemployed), ind, {});
  CHECK(r.status.status == Status::unreported);
  RenderOptions en, zh;
  zh.zh = true;
  CHECK(
      show_text(r, en).find("\n  unreported: 平望镇 2019-06 (due 2019-07-10, 5 days overdue)\n") !=
      std::string::npos);
  CHECK(
      show_text(r, zh).find("\n  未报送：平望镇 2019-06（应于 2019-07-10 报送，已逾期 5 天）\n") !=
      std::string::npos);
  const auto doc = nlohmann::json::parse(show_json(r));
  CHECK(doc["missing"] == nlohmann::json::parse(R"([{"reporter": "平望镇", "period": "2019-06",
      "due": "2019-07-10", "days_overdue": 5}])"));

  // 平望镇's figures of January, February, March and May (filed 2019-06-08
  // within May's window) left out, and 震泽镇's of June: per reporter, in
  // the order they first owe, a run of three as "first to last", and the
  // oldest report's lateness: 2019-02-10 to 2019-07-15 is 18 + 31 + 30 +
  // 31 + 30 + 15 = 155 days.
  auto skip = [](const Entry& e) {
    if (e.id != "jobs.reemployed") return false;
    if (e.tag("by") == "震泽镇") return e.date == day("2019-06-30");
    return e.tag("by") == "平望镇" && (e.date == day("2019-01-31") || e.date == day("2019-02-28") ||
                                       e.date == day("2019-03-31") || e.date == day("2019-06-08"));
  };
  ShowReport two = build_show(ledger_at("2019-07-15", skip), ind, {});
  CHECK(
      show_text(two, en).find("\n  unreported: 平望镇 2019-01 to 2019-03, 2019-05 (4 reports, the "
                              "oldest due 2019-02-10, 155 days overdue)\n  unreported: 震泽镇 "
                              "2019-06 (due 2019-07-10, 5 days overdue)\n") != std::string::npos);
  CHECK(show_text(two, zh).find(
            "\n  未报送：平望镇 2019-01 至 2019-03、2019-05（共 4 期，最早一期应于 "
            "2019-02-10 报送，已逾期 155 天）\n") != std::string::npos);
}

TEST_CASE("plan due at 2019-07-15 when two reporters skip June") {
  auto skip = [](const Entry& e) {
    return is_pingwang_june_reemployed(e) ||
           (e.id == "training.migrant_workers" && e.date == day("2019-06-30"));
  };
  DueFilter f;
  f.within = 0;
  DueReport r = build_due(ledger_at("2019-07-15", skip), f);
  // 太培中心 (listed before the towns in [[reporter]]) then 平望镇.
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].report.reporter == "太培中心");
  CHECK(r.rows[0].report.ind->id == "training.migrant_workers");
  CHECK(r.rows[1].report.reporter == "平望镇");
  CHECK(r.rows[1].report.ind->id == "jobs.reemployed");
  for (const auto& row : r.rows) {
    CHECK(row.missing);
    CHECK(period_label(row.report.period) == "2019-06");
    CHECK(row.report.days_overdue == 5);  // due 10 July
  }
  f.reporter = "各区镇";  // a group filters to its reporters
  CHECK(build_due(ledger_at("2019-07-15", skip), f).rows.size() == 1);

  // The table heads each reporter's rows with its name, once; CSV, which has
  // no headings, names it on each row.
  RenderOptions o;
  const std::string table = render_table(due_table(r), o);
  CHECK(table.find("Reporter") == std::string::npos);
  CHECK(table.find("\n太培中心\nunreported  training.migrant_workers  ") != std::string::npos);
  CHECK(table.find("\n平望镇\nunreported  jobs.reemployed  ") != std::string::npos);
  const std::string csv = render_delimited(due_table(r), ',', o);
  CHECK(csv.starts_with("reporter,state,id,"));
  CHECK(csv.find("\n平望镇,unreported,jobs.reemployed,") != std::string::npos);
}

TEST_CASE("plan due lists what falls due within the next days") {
  // At 2019-07-05, June's monthly reports fall due on 10 July (5 days on)
  // and so do the second quarter's and the first half's: with every entry
  // dated 30 June already in, nothing is left to fall due.
  DueFilter f;
  f.within = 10;
  CHECK(build_due(ledger_at("2019-07-05"), f).rows.empty());
  // Leave out 平望镇's June figure: it is due in 5 days (days_overdue -5).
  DueReport r = build_due(ledger_at("2019-07-05", is_pingwang_june_reemployed), f);
  REQUIRE(r.rows.size() == 1);
  CHECK_FALSE(r.rows[0].missing);
  CHECK(r.rows[0].report.days_overdue == -5);
}

TEST_CASE("--unit takes in what a unit reports: a town, and the group 各区镇") {
  const Plan& p = shipped();
  const Indicator& reemployed = *p.find("jobs.reemployed");  // lead 人社局, partner 财政局
  CHECK(p.reporter_is("平望镇", "平望镇"));
  CHECK(p.reporter_is("平望镇", "各区镇"));
  CHECK_FALSE(p.reporter_is("人社局", "各区镇"));
  CHECK(p.reports(reemployed, "各区镇"));
  CHECK(p.reports(reemployed, "震泽镇"));
  CHECK_FALSE(p.reports(reemployed, "人社局"));
  CHECK(p.concerns(reemployed, "财政局"));
  CHECK_FALSE(p.concerns(reemployed, "教育局"));

  // 各区镇 partners 3 indicators (startup.communities, .self_employed,
  // .rural) and reports 4 more (jobs.reemployed, .hardship_employed,
  // .public_welfare_posts, graduates.posts); 14 name it in lead or
  // partners only: 21 in all (counted from the plan file).
  StatusFilter f;
  f.unit = "各区镇";
  CHECK(build_status(ledger_at("2019-07-31"), f).rows.size() == 21);
  f.unit = "平望镇";  // leads nothing; reports those 7
  CHECK(build_status(ledger_at("2019-07-31"), f).rows.size() == 7);

  // The July 2019 digest with 平望镇's June jobs.reemployed left out: the
  // group and the town see the town's missing report, and so do the lead
  // and the partner; another town reports the indicator too, but does not
  // owe this report; 教育局 has nothing to do with it.
  auto digest = [&](const char* unit) {
    DigestSources sources(p, *parse_calendar_label(PeriodKind::month, "2019-07"));
    Diagnostics d;
    read_records(PLAN_SOURCE_DIR "/records", p, d, [&](const Entry& e) {
      if (!is_pingwang_june_reemployed(e)) sources.add(e);
    });
    DigestOptions o;
    o.unit = unit;
    return build_digest(sources, o);
  };
  auto missing = [&](const char* unit) {
    std::vector<std::string> out;
    for (const MissingReport& r : digest(unit).missing)
      out.push_back(r.reporter + " " + r.ind->id + " " + r.period);
    return out;
  };
  const std::vector<std::string> pingwang = {"平望镇 jobs.reemployed 2019-06"};
  CHECK(missing("各区镇") == pingwang);
  CHECK(missing("平望镇") == pingwang);
  CHECK(missing("人社局") == pingwang);
  CHECK(missing("财政局") == pingwang);
  CHECK(missing("震泽镇").empty());
  CHECK(missing("教育局").empty());
  // 震泽镇 owes nothing, but jobs.reemployed, which it reports, is
  // unreported: its empty section says whose reports it waits on.
  Digest zhenze = digest("震泽镇");
  CHECK(zhenze.headline.unreported == 1);
  CHECK(digest_words::nothing(zhenze, digest_words::Section::missing, false) ==
        "Every report 震泽镇 owes by 2019-08-01 for the periods to 2019-07-31 is in; its "
        "indicators waiting on other reporters: 1 (plan due lists them).");
  CHECK(digest_words::nothing(digest("教育局"), digest_words::Section::missing, false) ==
        "Every report due before 2019-08-01 for the periods to 2019-07-31 is in.");

  // The units table counts what a unit leads or partners; the headline
  // also what it only reports. 各区镇: 17 of its 21 (3 + 14 above), and the
  // 4 it only reports; 平望镇 leads and partners none of its 7.
  using digest_words::Section;
  Digest group = digest("各区镇");
  CHECK(digest_words::heading(group, Section::units, false) ==
        "Responsible units (各区镇 leads or partners 17; the other 4 it only reports)");
  CHECK(digest_words::heading(group, Section::units, true) ==
        "责任单位（各区镇 牵头或参与 17 项，另 4 项仅负责报送）");
  Digest town = digest("平望镇");
  CHECK(town.units.rows.empty());
  CHECK(digest_words::nothing(town, Section::units, false) ==
        "平望镇 leads and partners none of the 7 indicators above; it reports them.");
  // The text digest's headline, wider than 80 columns, breaks between
  // counts, never inside one ("0 no" / "data"). jobs.reemployed, on track
  // with the shipped records (3, 17, 0, 1, 0, 0), is unreported here.
  CHECK(digest_text(group, RenderOptions{})
            .find("21 indicators: 3 achieved, 16 on track, 0 behind, 1 missed, 1 unreported,\n"
                  "  0 no data\n") != std::string::npos);
  // A unit counted whole by the table: the heading as without --unit.
  CHECK(digest_words::heading(digest("财政局"), Section::units, false) == "Responsible units");
}

TEST_CASE("the plan's last reports, filed after its end, count for their periods") {
  // 人社局's December 2020 jobs.urban_new (records/hrss/2020.rec:110, 1,782)
  // filed on 5 January 2021, in December's due window (by the 10th). The
  // shipped figures come to 51,930 (awk over the records' 2018-2020 lines),
  // so without it 50,148.
  auto december = [](const Entry& e) {
    return e.id == "jobs.urban_new" && e.date == day("2020-12-31");
  };
  auto filed = [&](const char* as_of, const char* date, const char* period) {
    Ledger l(shipped(), day(as_of));
    Diagnostics d;
    read_records(PLAN_SOURCE_DIR "/records", shipped(), d, [&](const Entry& e) {
      if (!december(e)) l.add(e);
    });
    Entry late;
    late.date = day(date);
    late.id = "jobs.urban_new";
    late.amount = Decimal::from_units(1782 * Decimal::kScale);
    late.tags = {{"by", "人社局"}};
    if (*period) late.tags.emplace_back("period", period);
    l.add(late);
    return l.totals(*shipped().find("jobs.urban_new"));
  };
  // Counted for December, as of its last day.
  IndicatorTotals t = filed("2021-01-20", "2021-01-05", "");
  CHECK(t.actual.to_string() == "51930");
  CHECK(t.by_year.at(2020).to_string() ==
        filed("2021-01-20", "2020-12-31", "").by_year.at(2020).to_string());
  CHECK(t.by_month.at(2020 * 12 + 11).to_string() == "1782");
  CHECK(*t.last == day("2020-12-31"));
  // Not yet filed at 2020-12-31 or on 4 January.
  CHECK(filed("2020-12-31", "2021-01-05", "").actual.to_string() == "50148");
  CHECK(filed("2021-01-04", "2021-01-05", "").actual.to_string() == "50148");
  // After December's due window it is no report of a plan period, unless
  // period= says which.
  CHECK(filed("2021-03-01", "2021-02-15", "").actual.to_string() == "50148");
  CHECK(filed("2021-03-01", "2021-02-15", "2020-12").actual.to_string() == "51930");
}
