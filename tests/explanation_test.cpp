#include "explanation.h"

#include <doctest/doctest.h>

#include "evaluation.h"
#include "ledger.h"
#include "mini_fixture.h"
#include "plan_loader.h"

namespace plan {
namespace {

using testing::cycle_plan;

using testing::day;

Entry line(const std::string& text, int n = 1) {
  Entry e;
  auto r = parse_line(text, cycle_plan(), Location{"x.rec", n, 0}, &e);
  REQUIRE_MESSAGE(r.ok(), text);
  return e;
}

TEST_CASE("explanation: the period it is about") {
  const Plan& p = cycle_plan();
  const Indicator& jobs = *p.find("jobs.urban_new");
  // June's report is due on 10 July: from that day on, an explanation
  // without period= is about June (the period judged then); the day before,
  // about May (due 10 June).
  CHECK(period_explained(p, jobs, day("2019-07-12"), "") == "2019-06");
  CHECK(period_explained(p, jobs, day("2019-07-10"), "") == "2019-06");
  CHECK(period_explained(p, jobs, day("2019-07-09"), "") == "2019-05");
  // Before January's report is due (10 February): January itself.
  CHECK(period_explained(p, jobs, day("2019-01-20"), "") == "2019-01");
  CHECK(period_explained(p, jobs, day("2019-02-09"), "") == "2019-01");
  // period= wins; a label of another frequency is kept as written.
  CHECK(period_explained(p, jobs, day("2019-07-12"), "2019-03") == "2019-03");
  CHECK(period_explained(p, jobs, day("2019-07-12"), "2019Q2") == "2019Q2");
}

TEST_CASE("explanation: no figure, no filing; the latest per period and by= is kept") {
  const Plan& p = cycle_plan();
  const Indicator& jobs = *p.find("jobs.urban_new");
  Ledger l(p, day("2019-07-31"));
  for (int m = 1; m <= 5; ++m)
    l.add(line("2019-0" + std::to_string(m) + "-28  jobs.urban_new  100  by=人社局", m));
  l.add(line("2019-07-12  jobs.urban_new  explain  by=人社局  note=first", 6));
  l.add(line("2019-07-15  jobs.urban_new  explain  by=人社局  note=second  measures=m", 7));
  l.add(line("2019-07-15  jobs.urban_new  explain  by=人社局  period=2019-05  note=may", 8));
  l.add(line("2019-08-01  jobs.urban_new  explain  by=人社局  note=later", 9));  // after as-of
  // Five figures of 100: the explanations add nothing and count as no entry.
  CHECK(l.totals(jobs).actual == Decimal::from_units(500 * Decimal::kScale));
  CHECK(l.totals(jobs).entries == 5);
  // June (index 5) is still not filed: an explanation files no report.
  CHECK_FALSE(l.filings().filed(0, 0, 5));
  CHECK(l.filings().filed(0, 0, 4));
  std::vector<Explanation> all = l.explanations(jobs);
  REQUIRE(all.size() == 2);  // June's "second" replaced "first"; May's; not August's
  CHECK(all[0].note == "second");
  CHECK(all[0].period == "2019-06");
  CHECK(all[0].measures == "m");
  CHECK(all[0].where.line == 7);
  CHECK(all[1].note == "may");
  CHECK(all[1].period == "2019-05");

  // At 31 July June is due and missing: unreported, and June's explanation is
  // current (missing); May's is history (filed, and before June, the period
  // judged).
  IndicatorStatus s = evaluate(l, jobs);
  CHECK(s.status == Status::unreported);
  CHECK(s.judged_period == "2019-06");
  REQUIRE(s.explanations.size() == 1);
  CHECK(s.explanations[0].note == "second");
}

TEST_CASE("explanation: which one explains an owed report") {
  const Plan& p = cycle_plan();
  const Indicator& re = *p.find("jobs.reemployed");
  Ledger l(p, day("2019-07-31"));
  l.add(line("2019-07-12  jobs.reemployed  explain  by=镇乙  period=2019-06  note=own", 1));
  l.add(line("2019-07-13  jobs.reemployed  explain  by=镇甲  period=2019-06  note=other", 2));
  l.add(line("2019-07-11  jobs.reemployed  explain  by=人社局  period=2019-06  note=lead", 3));
  std::vector<Explanation> all = l.explanations(re);  // by date: lead, own, other
  REQUIRE(all.size() == 3);
  std::vector<OwedReport> missing = l.filings().missing(re);
  // Nothing was filed: January to June for both towns, 6 x 2.
  REQUIRE(missing.size() == 12);
  const OwedReport& june_b = missing[11];
  REQUIRE(june_b.reporter == "镇乙");
  REQUIRE(period_label(june_b.period) == "2019-06");
  // 镇乙's own (12 July) is later than the lead unit's (11 July); 镇甲's is
  // not 镇乙's, though later.
  REQUIRE(explanation_for(all, june_b) != nullptr);
  CHECK(explanation_for(all, june_b)->note == "own");
  // 镇甲's June: its own, the latest.
  CHECK(explanation_for(all, missing[10])->note == "other");
  // May's report: no explanation is about May.
  CHECK(explanation_for(all, missing[9]) == nullptr);
  // Without 镇乙's own, the lead unit (人社局, not a reporter of it) speaks.
  std::vector<Explanation> lead_only = {all[0]};
  CHECK(explanation_for(lead_only, june_b)->note == "lead");
}

TEST_CASE("explanation: current ones at a date") {
  const Plan& p = cycle_plan();
  const Indicator& jobs = *p.find("jobs.urban_new");
  auto x = [](const char* period, const char* note) {
    Explanation e;
    e.period = period;
    e.note = note;
    return e;
  };
  std::vector<Explanation> all = {x("2019-04", "april"), x("2019-05", "may"), x("2019-06", "june"),
                                  x("2019Q2", "odd"), x("2019-07", "ahead")};
  // Judged on June, nothing missing: June and the later July are current.
  std::vector<Explanation> now = current_explanations(jobs, all, {}, "2019-06");
  REQUIRE(now.size() == 2);
  CHECK(now[0].note == "june");
  CHECK(now[1].note == "ahead");
  // April still missing: its explanation is current as well.
  OwedReport april;
  april.ind = &jobs;
  april.period = period_at(p, jobs, 3);
  now = current_explanations(jobs, all, {april}, "2019-06");
  REQUIRE(now.size() == 3);
  CHECK(now[0].note == "april");
  // Nothing due yet: every explanation of the indicator's own frequency.
  CHECK(current_explanations(jobs, all, {}, "").size() == 4);
}

}  // namespace
}  // namespace plan
