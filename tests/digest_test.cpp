// The digest of `plan report` on the mini plan (tests/fixtures/mini.toml).
// Figures are worked out by hand in the comments; day counts were checked
// with Python's datetime. The plan period 2018-01-01 … 2020-12-31 has
// 365 + 365 + 366 = 1096 days; a month "per month" is 365.25 / 12 = 30.4375
// days.
#include "digest.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "digest_fixture.h"
#include "digest_words.h"
#include "plan_loader.h"
#include "record_reader.h"

using namespace plan;
using testing::day;
using testing::digest_of;
using testing::period;

namespace {

std::vector<std::string> ids_of(const std::vector<StatusChange>& v) {
  std::vector<std::string> out;
  for (const auto& c : v) out.push_back(c.now.ind->id + ":" + std::string(change_name(c.kind)));
  return out;
}

}  // namespace

TEST_CASE("every status transition has one name, trouble first") {
  using S = Status;
  // A flow's period closed short of its target: missed, named apart from a
  // level's miss.
  CHECK(classify_change(Kind::total, S::behind, S::missed) == Change::closed_short);
  CHECK(classify_change(Kind::range, S::on_track, S::missed) == Change::closed_short);
  CHECK(needs_attention(Change::closed_short));
  CHECK_FALSE(classify_change(Kind::total, S::behind, S::behind));
  CHECK(classify_change(Kind::total, S::on_track, S::behind) == Change::newly_behind);
  CHECK(classify_change(Kind::total, S::achieved, S::behind) == Change::newly_behind);
  CHECK(classify_change(Kind::total, S::behind, S::on_track) == Change::recovered);
  CHECK(classify_change(Kind::total, S::behind, S::achieved) == Change::newly_achieved);
  CHECK(classify_change(Kind::range, S::on_track, S::achieved) == Change::newly_achieved);
  CHECK(classify_change(Kind::total, S::achieved, S::on_track) == Change::reopened);
  CHECK(classify_change(Kind::cap, S::met, S::missed) == Change::breached);
  CHECK(classify_change(Kind::cap, S::no_data, S::missed) == Change::breached);
  CHECK(classify_change(Kind::floor, S::met, S::missed) == Change::newly_missed);
  CHECK(classify_change(Kind::floor, S::no_data, S::missed) == Change::newly_missed);
  CHECK(classify_change(Kind::cap, S::missed, S::met) == Change::recovered);
  CHECK(classify_change(Kind::floor, S::no_data, S::met) == Change::first_reading);
  CHECK(classify_change(Kind::milestone, S::pending, S::overdue) == Change::newly_overdue);
  CHECK(classify_change(Kind::milestone, S::done, S::overdue) == Change::newly_overdue);
  CHECK(classify_change(Kind::milestone, S::overdue, S::done) == Change::newly_achieved);
  CHECK(classify_change(Kind::milestone, S::done, S::pending) == Change::reopened);
  // A report falling due and missing is trouble of its own; filing it is
  // recovering, whatever the figure then says short of trouble.
  CHECK(classify_change(Kind::total, S::on_track, S::unreported) == Change::newly_unreported);
  CHECK(classify_change(Kind::total, S::behind, S::unreported) == Change::newly_unreported);
  CHECK(classify_change(Kind::cap, S::met, S::unreported) == Change::newly_unreported);
  CHECK(classify_change(Kind::total, S::unreported, S::on_track) == Change::recovered);
  CHECK(classify_change(Kind::total, S::unreported, S::behind) == Change::newly_behind);
  CHECK(classify_change(Kind::total, S::unreported, S::achieved) == Change::newly_achieved);
  CHECK(needs_attention(Change::newly_unreported));
  CHECK(Change::newly_behind < Change::breached);
  CHECK(Change::breached < Change::recovered);
}

TEST_CASE("status changes between the ends of two periods, at the boundaries") {
  const Plan& plan = testing::mini_plan();
  // The week 2019-W27 ends on E = 2019-07-07 (day 188 of 2019); compared
  // with the end of 2019-W26, 2019-06-30 (day 181).
  const char* records =
      // jobs.urban_new, split 17,000 a year. Expected at 2019-06-30:
      // 17000 + 17000 × 181/365 = 25,430.14; at 2019-07-07: 17000 + 17000 ×
      // 188/365 = 25,756.16: in whole people 25,430 and 25,756 are due. The
      // entry dated exactly D - 7 counts at D - 7: 25,431 ≥ 25,430 is on
      // track then, and behind by 325 at D.
      "2018-12-31  jobs.urban_new  17000\n"
      "2019-06-30  jobs.urban_new  8431\n"
      // skills.total, 6,000 a year. Expected at 2019-06-30: 6000 + 6000 ×
      // 181/365 = 8,975.34 > 8,000: behind. With 1,100 more on 2019-07-01:
      // 9,100 ≥ 6000 + 6000 × 188/365 = 9,090.41: on track again.
      "2018-12-31  skills.total  6000\n"
      "2019-05-31  skills.total  2000\n"
      "2019-07-01  skills.total  1100\n"
      // A cap met (2.5 ≤ 3) and breached on D itself (3.2 > 3).
      "2019-03-31  unemployment.rate  2.5%\n"
      "2019-07-07  unemployment.rate  3.2%\n"
      // The range's lower bound, 3, reached in the period.
      "2019-06-01  skills.leaders  2\n"
      "2019-07-01  skills.leaders  1\n"
      // A floor's first reading, met (96 ≥ 95).
      "2019-07-02  graduates.rate  96%\n"
      // After D: changes nothing.
      "2019-07-08  skills.high  6000\n";
  Digest d = digest_of(plan, records, period(PeriodKind::week, "2019-W27"));
  CHECK(ids_of(d.changes) ==
        std::vector<std::string>{"jobs.urban_new:newly_behind", "unemployment.rate:breached",
                                 "skills.total:recovered", "skills.leaders:newly_achieved",
                                 "graduates.rate:first_reading"});
  CHECK(d.changes[0].before == Status::on_track);
  CHECK(d.changes[0].now.status == Status::behind);
  // The line at 17000 + 17000 × 188/365 = 25,756.16: 25,756 people due.
  CHECK(*d.changes[0].now.behind_by == 25756 - 25431);
  CHECK(digest_words::change_detail(d.changes[0], false) ==
        "on track → behind; 25,431 of 51,000 人 (49.9%), expected 25,756, behind by 325");
  CHECK(digest_words::change_detail(d.changes[1], false) ==
        "met → missed; reading 3.2% on 2019-07-07, target ≤ 3%");
  CHECK(digest_words::change_detail(d.changes[4], false) ==
        "no data → met; reading 96% on 2019-07-02, target ≥ 95%");
  // skills.total's line at D stands at 9,090.41, so 9,090 people are due:
  // 9,100 is on track, nothing behind.
  CHECK(*d.changes[2].now.expected == 9090);
  CHECK(*d.changes[2].now.behind_by == 0);
  CHECK(digest_words::change_detail(d.changes[2], false) ==
        "behind → on track; 9,100 of 18,000 人 (50.6%), expected 9,090");
  // An on-track flow is never said to be behind, even by a fraction (a
  // figure of a fractional count): "on track, behind by 0.41" says both.
  StatusChange close = d.changes[2];
  close.now.expected = 9090.41;
  close.now.actual = testing::dec("9090");
  close.now.completion = 9090.0 / 18000;
  close.now.behind_by = 0.41;
  CHECK(digest_words::change_detail(close, false) ==
        "behind → on track; 9,090 of 18,000 人 (50.5%), expected 9,090");

  // Section 3 takes the first two, section 6 the other three.
  CHECK(needs_attention(d.changes[0].kind));
  CHECK(needs_attention(d.changes[1].kind));
  CHECK_FALSE(needs_attention(d.changes[2].kind));
  CHECK(needs_attention(Change::reopened));
  CHECK_FALSE(needs_attention(Change::first_reading));

  // The 8,431 of 2019-06-30 is recorded in 2019-W26 (its Sunday), not in
  // W27; there it lifts jobs.urban_new from behind at 2019-06-23 (17,000 <
  // 17000 + 17000 × 174/365 = 25,104.11) to on track (recovered).
  Digest w26 = digest_of(plan, records, period(PeriodKind::week, "2019-W26"));
  REQUIRE(!w26.recorded.empty());
  CHECK(w26.recorded[0].ind->id == "jobs.urban_new");
  CHECK(w26.recorded[0].sum == *Decimal::parse("8431"));
  for (const auto& r : d.recorded) CHECK(r.ind->id != "jobs.urban_new");
  CHECK(ids_of(w26.changes)[0] == "jobs.urban_new:recovered");
}

TEST_CASE("shortfalls: flows behind, largest share of the target first, with the pace needed") {
  const Plan& plan = testing::mini_plan();
  const char* records =
      "2018-12-31  jobs.urban_new  17000\n"
      "2019-06-30  jobs.urban_new  8431\n"
      "2018-12-31  skills.total  9091\n";  // on track at 2019-07-07 (≥ 9,090)
  Digest d = digest_of(plan, records, period(PeriodKind::week, "2019-W27"));
  // Behind at 2019-07-07, in whole people due: jobs.urban_new by 325 (0.64 %
  // of 51,000); skills.high (nothing recorded) by 3,030, its line at 2000 +
  // 2000 × 188/365 = 3,030.14 (50.5 % of 6,000); skills.leaders (range, no
  // splits) by 1, its line at 3 × 553/1096 = 1.51 (33.3 % of 3).
  CHECK(d.behind == 3);
  REQUIRE(d.shortfalls.size() == 3);
  CHECK(d.shortfalls[0].now.ind->id == "skills.high");
  CHECK(d.shortfalls[0].gap == doctest::Approx(3030.0 / 6000));
  CHECK(d.shortfalls[1].now.ind->id == "skills.leaders");
  CHECK(d.shortfalls[1].gap == doctest::Approx(1.0 / 3));
  CHECK(d.shortfalls[2].now.ind->id == "jobs.urban_new");
  // 543 days from 2019-07-07 to 2020-12-31: 543 / 30.4375 = 17.84 months.
  // jobs.urban_new still needs 51,000 - 25,431 = 25,569: 1,433.27 a month.
  CHECK(*d.shortfalls[2].now.needed_per_month == doctest::Approx(25569 / (543 / 30.4375)));
  CHECK(*d.shortfalls[0].now.needed_per_month == doctest::Approx(6000 / (543 / 30.4375)));
  CHECK(digest_words::pace_detail(d.shortfalls[2], plan, false) ==
        // so far: 25,431 over 553 days (2018-01-01 … 2019-07-07) × 30.4375 =
        // 1,399.7 a month.
        "needs 1,433 a month to 2020-12-31, so far 1,400 a month");
  CHECK(digest_words::behind_detail(d.shortfalls[2], false) == "behind by 325, 0.6% of the target");

  // Charts for every flow behind, in the same order, month by month.
  REQUIRE(d.trends.size() == 3);
  CHECK(d.trends[0].ind->id == "skills.high");
  CHECK(d.trends[1].ind->id == "skills.leaders");
  CHECK(d.trends[2].ind->id == "jobs.urban_new");
  const auto& months = d.trends[2].months;
  REQUIRE(months.size() == 19);                              // 2018-01 … 2019-07
  CHECK(months[11].cumulative == *Decimal::parse("17000"));  // 2018-12
  CHECK(months[11].expected == doctest::Approx(17000));
  CHECK(months[18].cumulative == *Decimal::parse("25431"));
  CHECK(months[18].expected == doctest::Approx(17000 + 17000.0 * 188 / 365));  // to D, not 07-31

  // --top keeps the largest; the count of flows behind stays.
  Digest top1 = digest_of(plan, records, period(PeriodKind::week, "2019-W27"), "", 1);
  CHECK(top1.behind == 3);
  REQUIRE(top1.shortfalls.size() == 1);
  CHECK(top1.shortfalls[0].now.ind->id == "skills.high");
  CHECK(top1.trends.size() == 3);  // charts for all three, not only the one listed

  // The week the plan closes (2020-W53: 2020-12-28 to 2021-01-03, against
  // 2020-12-27): a flow short of its target is no longer behind but missed,
  // out of the shortfalls and among the changes that need attention.
  Digest late = digest_of(plan, records, period(PeriodKind::week, "2020-W53"));
  CHECK(late.shortfalls.empty());
  CHECK(late.behind == 0);
  auto changes = ids_of(late.changes);
  CHECK(std::find(changes.begin(), changes.end(), "jobs.urban_new:closed_short") != changes.end());
  CHECK(std::find(changes.begin(), changes.end(), "skills.high:closed_short") != changes.end());
  // After the period end nothing is "needed a month" any more.
  const IndicatorStatus& urban = late.now[0];
  REQUIRE(urban.ind->id == "jobs.urban_new");
  CHECK(urban.status == Status::missed);
  CHECK_FALSE(urban.needed_per_month);
  CHECK(digest_words::pace_detail(Shortfall{urban, 0}, plan, false)
            .starts_with("the plan period is over, so far "));
}

TEST_CASE("milestones due from E to the end of the next period, or overdue at E") {
  const Plan& plan = testing::mini_plan();  // hr.portal is due 2020-12-31
  auto listed = [&](PeriodKind k, const char* label, const char* records = "") {
    return digest_of(plan, records, period(k, label)).milestones;
  };
  // 2020-W51 ends 2020-12-20; the next week ends 2020-12-27 < 2020-12-31.
  CHECK(listed(PeriodKind::week, "2020-W51").empty());
  // 2020-W52 ends 2020-12-27; the next week, 2020-W53, ends 2021-01-03.
  auto soon = listed(PeriodKind::week, "2020-W52");
  REQUIRE(soon.size() == 1);
  CHECK(soon[0].status == Status::pending);
  CHECK(soon[0].days == 4);
  CHECK(digest_words::milestone_detail(soon[0], false) == "due 2020-12-31, in 4 days");
  // Due on E, December's last day: not overdue at E.
  auto last_day = listed(PeriodKind::month, "2020-12");
  REQUIRE(last_day.size() == 1);
  CHECK(last_day[0].status == Status::pending);
  CHECK(digest_words::milestone_detail(last_day[0], false) ==
        "due 2020-12-31, the period's last day");
  // 2020-W53 ends 2021-01-03: three days overdue at E.
  auto late = listed(PeriodKind::week, "2020-W53");
  REQUIRE(late.size() == 1);
  CHECK(late[0].status == Status::overdue);
  CHECK(digest_words::milestone_detail(late[0], false) == "due 2020-12-31, 3 days overdue");
  // Years late, the days are grouped as every count is: 2024-12-31 is
  // 365 + 365 + 365 + 366 = 1,461 days after 2020-12-31 (2021 to 2024).
  auto years = listed(PeriodKind::year, "2024");
  REQUIRE(years.size() == 1);
  CHECK(digest_words::milestone_detail(years[0], false) == "due 2020-12-31, 1,461 days overdue");
  MissingReport owed{nullptr, "平望镇", "2019-06", *Date::parse("2019-07-10"), 2700, {}};
  CHECK(digest_words::missing_detail(owed, false) ==
        "平望镇: 2019-06, due 2019-07-10, 2,700 days overdue");
  CHECK(listed(PeriodKind::week, "2020-W52", "2020-12-01  hr.portal  done\n").empty());
  CHECK(listed(PeriodKind::month, "2021-02", "2021-02-01  hr.portal  done\n").empty());
  auto retracted = listed(PeriodKind::month, "2021-02",
                          "2020-12-01  hr.portal  done\n2021-02-01  hr.portal  undone\n");
  REQUIRE(retracted.size() == 1);
  CHECK(retracted[0].days == 59);  // 2020-12-31 → 2021-02-28: 31 (Jan) + 28 (Feb)
  // A year ahead: due in the next year's digest window only from its start.
  CHECK(listed(PeriodKind::year, "2018").empty());  // next year ends 2019-12-31
  CHECK(listed(PeriodKind::year, "2019").size() == 1);
}

TEST_CASE("headline counts, and --unit restricting every section") {
  const Plan& plan = testing::mini_plan();
  const char* records =
      "2018-12-31  jobs.urban_new  20000  by=人社局\n"
      "2019-07-01  jobs.urban_new  100  by=人社局\n"
      "2019-07-01  graduates.rate  96%  by=教育局  note=\"年报\"\n"
      "2019-07-01  unemployment.rate  3.5%  by=人社局\n";
  Digest all = digest_of(plan, records, period(PeriodKind::week, "2019-W27"));
  // jobs: 20,100 < 25,756: behind. skills.total, skills.high, skills.leaders:
  // nothing recorded: behind. unemployment 3.5 > 3: missed. graduates: met.
  // hr.portal: pending.
  CHECK(all.headline.indicators == 7);
  CHECK(all.headline.achieved == 1);
  CHECK(all.headline.on_track == 1);
  CHECK(all.headline.behind == 4);
  CHECK(all.headline.missed == 1);
  CHECK(all.headline.no_data == 0);
  // The groups hide the statuses: graduates is met, hr.portal pending.
  auto with = [&](Status st) {
    return std::count_if(all.now.begin(), all.now.end(),
                         [&](const IndicatorStatus& s) { return s.status == st; });
  };
  CHECK(with(Status::met) == 1);
  CHECK(with(Status::pending) == 1);
  CHECK(digest_words::counts_line(all, false) ==
        "7 indicators: 1 achieved, 1 on track, 4 behind, 1 missed, 0 no data");
  CHECK(digest_words::time_line(all, false) == "Time progress 50.5% (day 553 of 1,096)");
  CHECK(all.recorded_entries == 3);
  CHECK(all.units.rows.size() == 3);
  CHECK(any_status(all, {Status::missed}));
  CHECK_FALSE(any_status(all, {Status::overdue, Status::no_data}));

  // 教育局 partners graduates.rate only.
  Digest edu = digest_of(plan, records, period(PeriodKind::week, "2019-W27"), "教育局");
  CHECK(edu.headline.indicators == 1);
  CHECK(edu.headline.achieved == 1);
  CHECK(edu.recorded_entries == 1);
  REQUIRE(edu.recorded.size() == 1);
  CHECK(edu.recorded[0].ind->id == "graduates.rate");
  CHECK(edu.shortfalls.empty());
  CHECK(edu.trends.empty());
  CHECK(edu.milestones.empty());
  REQUIRE(edu.units.rows.size() == 1);
  CHECK(edu.units.rows[0].unit == "教育局");
  CHECK_FALSE(any_status(edu, {Status::missed, Status::behind}));
  CHECK(digest_words::window(edu, false) ==
        "Period 2019-07-01 to 2019-07-07; figures as of 2019-07-07 with the reports filed by "
        "2019-07-08, status compared with 2019-06-30; only indicators 教育局 leads, partners or "
        "reports");
}

TEST_CASE("consecutive digests of the shipped project partition its entries exactly") {
  Diagnostics diags;
  auto loaded = load_plan(Env::posix(), PLAN_SOURCE_DIR "/plans/wujiang-2018-2020.toml", diags);
  REQUIRE(loaded);
  const Plan& plan = *loaded;
  const std::string records = PLAN_SOURCE_DIR "/records";
  // The whole ledger: every entry counted once, and a flow's sum over the
  // plan period.
  Ledger all(plan, day("2099-12-31"));
  std::size_t entries = 0;
  read_records(records, plan, diags, [&](const Entry& e) {
    all.add(e);
    ++entries;
  });
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(entries > 1000);  // 1855 lines at the time of writing

  // Consecutive periods of one kind from the one containing 2018-01-01 to
  // the one containing 2020-12-31 (every entry of the sample is dated in the
  // plan period): summed, their "recorded" sections must be the ledger.
  for (PeriodKind k : kPeriodKinds) {
    CAPTURE(period_kind_name(k));
    std::size_t counted = 0, digests = 0;
    std::vector<std::size_t> per_indicator(plan.indicators.size());
    std::vector<Decimal> sums(plan.indicators.size());
    for (CalendarPeriod p = period_containing(k, plan.start); p.first <= plan.end;
         p = next_period(p)) {
      DigestSources sources(plan, p);
      read_records(records, plan, diags, [&](const Entry& e) { sources.add(e); });
      Digest d = build_digest(sources, DigestOptions{});
      CHECK(d.previous.last.add_days(1) == p.first);
      counted += d.recorded_entries;
      ++digests;
      for (const RecordedIndicator& r : d.recorded) {
        std::size_t i = static_cast<std::size_t>(r.ind - plan.indicators.data());
        per_indicator[i] += r.entries;
        sums[i] = sums[i] + r.sum;
      }
    }
    CHECK(counted == entries);
    // 2018-01-01 is a Monday and 2021-01-03 a Sunday: ISO weeks 2018-W01 …
    // 2020-W53 are 52 + 52 + 53 = 157.
    std::size_t want_digests = k == PeriodKind::week      ? 157
                               : k == PeriodKind::month   ? 36
                               : k == PeriodKind::quarter ? 12
                               : k == PeriodKind::half    ? 6
                                                          : 3;
    CHECK(digests == want_digests);
    for (std::size_t i = 0; i < plan.indicators.size(); ++i) {
      CAPTURE(plan.indicators[i].id);
      CHECK(per_indicator[i] == all.totals(i).entries);
      if (is_flow(plan.indicators[i].kind)) CHECK(sums[i] == all.totals(i).actual);
    }
  }
}

TEST_CASE("digest file names: the period's label, then the unit, safe and distinct") {
  CalendarPeriod june = period(PeriodKind::month, "2020-06");
  CHECK(digest_file_name(june, "", "html") == "2020-06.html");
  CHECK(digest_file_name(june, "人社局", "html") == "2020-06-人社局.html");
  CHECK(digest_file_name(period(PeriodKind::quarter, "2020Q2"), "各区镇", "md") ==
        "2020Q2-各区镇.md");
  CHECK(digest_file_name(period(PeriodKind::week, "2020-W53"), "HR office", "txt") ==
        "2020-W53-HR%20office.txt");
  // A separator, a parent folder, a control character and the escape
  // character itself cannot get through, and different names stay different.
  CHECK(digest_file_name(june, "a/b", "txt") == "2020-06-a%2Fb.txt");
  CHECK(digest_file_name(june, "a%2Fb", "txt") == "2020-06-a%252Fb.txt");
  CHECK(digest_file_name(june, "..", "txt") == "2020-06-...txt");
  CHECK(digest_file_name(june, "a\\b\nc", "txt") == "2020-06-a%5Cb%0Ac.txt");
}
