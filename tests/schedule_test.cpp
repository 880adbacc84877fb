#include "schedule.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "mini_fixture.h"

namespace plan {
namespace {

using testing::day;

// A 2018-01-01 … 2020-12-31 plan and one indicator of the given schedule.
struct Sched {
  Plan plan;
  Indicator ind;
  Sched(Frequency f, int due_day = 10) {
    plan.start = day("2018-01-01");
    plan.end = day("2020-12-31");
    ind.schedule = {f, due_day};
  }
};

TEST_CASE("reporting periods: count, bounds and due dates per frequency") {
  Sched m(Frequency::monthly);
  CHECK(period_count(m.plan, m.ind) == 36);             // 3 years x 12
  ReportingPeriod june = period_at(m.plan, m.ind, 17);  // 12 of 2018 + 6th month of 2019
  CHECK(june.start == day("2019-06-01"));
  CHECK(june.end == day("2019-06-30"));
  CHECK(june.due == day("2019-07-10"));
  CHECK(period_label(june) == "2019-06");

  Sched q(Frequency::quarterly, 15);
  CHECK(period_count(q.plan, q.ind) == 12);
  ReportingPeriod q4 = period_at(q.plan, q.ind, 3);
  CHECK(q4.end == day("2018-12-31"));
  CHECK(q4.due == day("2019-01-15"));  // across the year end
  CHECK(period_label(q4) == "2018Q4");

  Sched h(Frequency::half_yearly);
  CHECK(period_count(h.plan, h.ind) == 6);
  CHECK(period_label(period_at(h.plan, h.ind, 3)) == "2019H2");

  Sched y(Frequency::yearly, 31);
  CHECK(period_count(y.plan, y.ind) == 3);
  CHECK(period_at(y.plan, y.ind, 2).due == day("2021-01-31"));

  Sched a(Frequency::ad_hoc);
  CHECK(period_count(a.plan, a.ind) == 0);
  CHECK_FALSE(last_due_period(a.plan, a.ind, day("2019-07-15")));
}

TEST_CASE("PeriodIndex: every day's period and count date, against the rule spelt out") {
  // The rule as period_of_entry's comment gives it, worked out the slow way
  // from the periods' bounds: the calendar period of the date's month,
  // unless the date is after the previous period's end and by its due
  // date; none before the first period, or after the last unless in its
  // due window. A figure counts as of min(the period's last day, its date).
  for (Frequency f : {Frequency::monthly, Frequency::quarterly, Frequency::half_yearly,
                      Frequency::yearly, Frequency::ad_hoc})
    for (int due : {1, 10, 31})
      for (auto [start, end] :
           {std::pair("2018-01-01", "2020-12-31"), std::pair("2018-08-15", "2020-11-20")}) {
        Sched m(f, due);
        m.plan.start = day(start);
        m.plan.end = day(end);
        const int n = period_count(m.plan, m.ind);
        std::vector<ReportingPeriod> periods;
        for (int i = 0; i < n; ++i) periods.push_back(period_at(m.plan, m.ind, i));
        const PeriodIndex index(m.plan, m.ind);
        CAPTURE(static_cast<int>(f));
        CAPTURE(due);
        CAPTURE(start);
        for (Date d = day("2016-12-01"); d <= day("2022-03-01"); d = d.add_days(1)) {
          CAPTURE(d.iso());
          std::optional<int> want;
          if (n > 0) {
            const int months = months_per_period(f);
            const Date first = periods[0].end.add_days(1).add_months(-months);  // calendar start
            const int k = (d.year() * 12 + d.month()) - (first.year() * 12 + first.month());
            const int i = k < 0 ? -1 : k / months;
            if (i >= 1 && i <= n && d > periods[static_cast<std::size_t>(i - 1)].end &&
                d <= periods[static_cast<std::size_t>(i - 1)].due)
              want = i - 1;
            else if (i >= 0 && i < n)
              want = i;
          }
          const Date on = want ? std::min(periods[static_cast<std::size_t>(*want)].end, d) : d;
          const PeriodIndex::Dated got = index.dated(d, d.ymd());
          CHECK(got.period == (want ? *want : -1));
          CHECK(got.on == on.days_since_epoch());
          CHECK(index.of(d, d.ymd(), "") == want);
        }
      }
}

TEST_CASE("a due day past the month's end is its last day") {
  Sched m(Frequency::monthly, 31);
  CHECK(period_at(m.plan, m.ind, 0).due == day("2018-02-28"));  // January's report
  CHECK(period_at(m.plan, m.ind, 1).due == day("2018-03-31"));
}

TEST_CASE("a plan starting mid-period clips its first period") {
  Sched q(Frequency::quarterly);
  q.plan.start = day("2018-08-15");
  CHECK(period_count(q.plan, q.ind) == 10);  // 2018Q3 … 2020Q4
  ReportingPeriod first = period_at(q.plan, q.ind, 0);
  CHECK(first.start == day("2018-08-15"));
  CHECK(first.end == day("2018-09-30"));
  CHECK(period_label(first) == "2018Q3");
}

TEST_CASE("the last due period: a report is due once its due day has passed") {
  Sched m(Frequency::monthly);
  // June 2019's report is due 2019-07-10: on that day May is the last due.
  CHECK(last_due_period(m.plan, m.ind, day("2019-07-01"))->end == day("2019-05-31"));
  CHECK(last_due_period(m.plan, m.ind, day("2019-07-10"))->end == day("2019-05-31"));
  CHECK(last_due_period(m.plan, m.ind, day("2019-07-11"))->end == day("2019-06-30"));
  // Before January 2018's report is due, none is.
  CHECK_FALSE(last_due_period(m.plan, m.ind, day("2018-02-10")));
  CHECK(last_due_period(m.plan, m.ind, day("2018-02-11"))->end == day("2018-01-31"));
  // After the plan: December 2020 from 2021-01-11 on, and no later period.
  CHECK(last_due_period(m.plan, m.ind, day("2030-01-01"))->end == day("2020-12-31"));
}

TEST_CASE("the period an entry files") {
  Sched m(Frequency::monthly);
  // Dated in the month: that month (index 17 = 2019-06).
  CHECK(period_of_entry(m.plan, m.ind, day("2019-06-30"), "") == 17);
  CHECK(period_of_entry(m.plan, m.ind, day("2019-06-11"), "") == 17);
  // Dated in May's due window (June 1 … 10): May.
  CHECK(period_of_entry(m.plan, m.ind, day("2019-06-08"), "") == 16);
  CHECK(period_of_entry(m.plan, m.ind, day("2019-06-10"), "") == 16);
  // A period= tag wins; one of another frequency or outside the plan files nothing.
  CHECK(period_of_entry(m.plan, m.ind, day("2019-06-30"), "2019-04") == 15);
  CHECK_FALSE(period_of_entry(m.plan, m.ind, day("2019-06-30"), "2019Q2"));
  CHECK_FALSE(period_of_entry(m.plan, m.ind, day("2019-06-30"), "2021-01"));
  // Before the plan and in January 2021 after its end: nothing, except
  // December 2020's due window.
  CHECK_FALSE(period_of_entry(m.plan, m.ind, day("2017-12-31"), ""));
  CHECK(period_of_entry(m.plan, m.ind, day("2021-01-05"), "") == 35);
  CHECK_FALSE(period_of_entry(m.plan, m.ind, day("2021-01-11"), ""));
}

TEST_CASE("period_files_report: a figure of a scheduled indicator, with a label of its frequency") {
  Sched m(Frequency::monthly);
  CHECK(period_files_report(m.ind, parse_period_label("2019-07"), false));
  // An explanation files no report; nor does a label of another frequency,
  // or one that is no label.
  CHECK_FALSE(period_files_report(m.ind, parse_period_label("2019-07"), true));
  CHECK_FALSE(period_files_report(m.ind, parse_period_label("2019Q3"), false));
  CHECK_FALSE(period_files_report(m.ind, parse_period_label("2019-7"), false));
  Sched q(Frequency::quarterly);
  CHECK(period_files_report(q.ind, parse_period_label("2019Q3"), false));
  CHECK_FALSE(period_files_report(q.ind, parse_period_label("2019-07"), false));
  // Without a schedule nothing is filed.
  Indicator plain;
  plain.id = "hr.portal";
  CHECK_FALSE(plain.scheduled());
  CHECK_FALSE(period_files_report(plain, parse_period_label("2019-07"), false));
}

TEST_CASE("not_a_period_label: the text as written, quoted, cut short and made safe") {
  // 2019 06 is not 2019-06; a pasted paragraph is cut to 40 columns; a
  // line break is shown, not made.
  CHECK(not_a_period_label("2019 06", false).en ==
        "period '2019 06' names no reporting period (2019-06, 2019Q2, 2019H1 or 2019): it files no "
        "report, and the figure counts on its date");
  const Message long_text = not_a_period_label(std::string(100, 'x'), true);
  CHECK(long_text.en == "period '" + std::string(39, 'x') +
                            "…' names no reporting period (2019-06, 2019Q2, 2019H1 or 2019): the "
                            "explanation is of no period");
  CHECK(long_text.zh ==
        "报送期“" + std::string(39, 'x') +
            "…”写法不对（应如 2019-06、2019Q2、2019H1 或 2019）：该情况说明不对应任何报送期");
  CHECK(not_a_period_label("a\nb", false).en.find('\n') == std::string::npos);
}

TEST_CASE("period labels parse back") {
  CHECK(parse_period_label("2019-06") == std::pair(Frequency::monthly, day("2019-06-01")));
  CHECK(parse_period_label("2019Q3") == std::pair(Frequency::quarterly, day("2019-07-01")));
  CHECK(parse_period_label("2019H2") == std::pair(Frequency::half_yearly, day("2019-07-01")));
  CHECK(parse_period_label("2019") == std::pair(Frequency::yearly, day("2019-01-01")));
  for (const char* bad : {"", "19", "2019-13", "2019-00", "2019Q5", "2019H3", "2019-6", "x019"})
    CHECK_MESSAGE(!parse_period_label(bad), bad);
}

}  // namespace
}  // namespace plan

TEST_CASE("period_label_of: a period as people write it in Chinese, as its label") {
  CHECK(plan::period_label_of("2019年6月") == "2019-06");
  CHECK(plan::period_label_of("2019年06月") == "2019-06");
  CHECK(plan::period_label_of("2019年12月") == "2019-12");
  CHECK(plan::period_label_of("2019年第2季度") == "2019Q2");
  CHECK(plan::period_label_of("2019年2季度") == "2019Q2");
  CHECK(plan::period_label_of("2019年第二季度") == "2019Q2");
  CHECK(plan::period_label_of("2019年四季度") == "2019Q4");
  CHECK(plan::period_label_of("2019年上半年") == "2019H1");
  CHECK(plan::period_label_of("2019年下半年") == "2019H2");
  CHECK(plan::period_label_of("2019年") == "2019");
  CHECK(plan::period_label_of("2019年度") == "2019");
  // Months in numerals, as 月报 titles write them, and full-width digits.
  CHECK(plan::period_label_of("2019年五月") == "2019-05");
  CHECK(plan::period_label_of("2019年九月") == "2019-09");
  CHECK(plan::period_label_of("2019年十月") == "2019-10");
  CHECK(plan::period_label_of("2019年十一月") == "2019-11");
  CHECK(plan::period_label_of("2019年十二月") == "2019-12");
  CHECK(plan::period_label_of("２０１９年６月") == "2019-06");
  CHECK(plan::period_label_of("２０１９年第２季度") == "2019Q2");
  // Labels typed in full-width forms: digits, －, Ｑ, Ｈ (U+FF0D, U+FF31,
  // U+FF28).
  CHECK(plan::period_label_of("２０１９－０６") == "2019-06");
  CHECK(plan::period_label_of("２０１９Ｑ２") == "2019Q2");
  CHECK(plan::period_label_of("２０１９Ｈ１") == "2019H1");
  CHECK(plan::period_label_of("２０１９") == "2019");
  // Labels, and what is neither, come back as they are.
  CHECK(plan::period_label_of("2019-06") == "2019-06");
  CHECK(plan::period_label_of("2019年13月") == "2019年13月");
  CHECK(plan::period_label_of("2019年第5季度") == "2019年第5季度");
  CHECK(plan::period_label_of("2019年6") == "2019年6");
  CHECK(plan::period_label_of("19年6月") == "19年6月");
  CHECK(plan::period_label_of("") == "");
  // 第 numbers quarters; 十三月 and 第五季度 are no periods.
  CHECK(plan::period_label_of("2019年第6月") == "2019年第6月");
  CHECK(plan::period_label_of("2019年十三月") == "2019年十三月");
  CHECK(plan::period_label_of("2019年第五季度") == "2019年第五季度");
  CHECK(plan::period_label_of("２０１９年１３月") == "２０１９年１３月");
}
