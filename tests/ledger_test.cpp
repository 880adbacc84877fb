#include "ledger.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <map>
#include <string>

#include "mini_fixture.h"

namespace plan {

using testing::day;
using testing::dec;
using testing::Entries;
using testing::make_entry;
using testing::mini_plan;

namespace {

// by_month's key for a month: year * 12 + month - 1.
int month_key(int y, int m) {
  return y * 12 + m - 1;
}

const IndicatorTotals& totals_of(const Ledger& l, const char* id) {
  const Indicator* ind = l.plan().find(id);
  REQUIRE(ind != nullptr);
  return l.totals(*ind);
}

}  // namespace

TEST_CASE("a flow is summed per year and per month") {
  Entries e;
  e.add("2018-03-31", "jobs.urban_new", "4210")
      .add("2018-07-15", "jobs.urban_new", "-120")
      .add("2018-12-31", "jobs.urban_new", "12000")
      .add("2019-06-30", "jobs.urban_new", "9000")
      .add("2019-06-01", "jobs.urban_new", "500.5")
      .add("2019-06-30", "skills.total", "3000");
  Ledger l = e.ledger("2020-12-31");
  const IndicatorTotals& t = totals_of(l, "jobs.urban_new");
  // 4210 - 120 + 12000 = 16090 in 2018; 9000 + 500.5 = 9500.5 in 2019.
  CHECK(t.actual == dec("25590.5"));
  CHECK(t.by_year.size() == 2);
  CHECK(t.by_year.at(2018) == dec("16090"));
  CHECK(t.by_year.at(2019) == dec("9500.5"));
  CHECK(t.by_month.size() == 4);
  CHECK(t.by_month.at(month_key(2018, 3)) == dec("4210"));
  CHECK(t.by_month.at(month_key(2018, 7)) == dec("-120"));
  CHECK(t.by_month.at(month_key(2018, 12)) == dec("12000"));
  CHECK(t.by_month.at(month_key(2019, 6)) == dec("9500.5"));
  CHECK(t.entries == 5);
  CHECK(*t.first == day("2018-03-31"));
  CHECK(*t.last == day("2019-06-30"));
  CHECK_FALSE(t.latest);  // flows keep no readings
  // Other indicators are apart.
  CHECK(totals_of(l, "skills.total").actual == dec("3000"));
  CHECK(totals_of(l, "skills.high").entries == 0);
  CHECK(totals_of(l, "skills.high").actual == Decimal());
}

TEST_CASE("entries after the as-of date are ignored") {
  Entries e;
  e.add("2019-06-14", "jobs.urban_new", "100")
      .add("2019-06-15", "jobs.urban_new", "20")  // on the as-of date: counted
      .add("2019-06-16", "jobs.urban_new", "3")
      .add("2020-01-01", "jobs.urban_new", "4000")
      .add("2019-06-16", "unemployment.rate", "9");
  Ledger l = e.ledger("2019-06-15");
  const IndicatorTotals& t = totals_of(l, "jobs.urban_new");
  CHECK(t.actual == dec("120"));
  CHECK(t.entries == 2);
  CHECK(*t.last == day("2019-06-15"));
  CHECK(t.by_year.count(2020) == 0);
  const IndicatorTotals& rate = totals_of(l, "unemployment.rate");
  CHECK(rate.entries == 0);
  CHECK_FALSE(rate.latest);
  CHECK(rate.latest_by_year.empty());
}

TEST_CASE("flows dated outside the period are entries but count toward no figure") {
  Entries e;
  e.add("2017-12-31", "jobs.urban_new", "1000")
      .add("2018-01-01", "jobs.urban_new", "7")
      .add("2020-12-31", "jobs.urban_new", "8")
      .add("2021-01-01", "jobs.urban_new", "50");
  Ledger l = e.ledger("2021-06-30");
  const IndicatorTotals& t = totals_of(l, "jobs.urban_new");
  CHECK(t.actual == dec("15"));  // 7 + 8: the first and last days are inside
  CHECK(t.entries == 4);
  CHECK(t.by_year.count(2017) == 0);
  CHECK(t.by_year.count(2021) == 0);
  CHECK(t.by_year.at(2018) == dec("7"));
  CHECK(t.by_year.at(2020) == dec("8"));
  CHECK(t.by_month.size() == 2);
  CHECK(*t.first == day("2017-12-31"));
  CHECK(*t.last == day("2021-01-01"));
}

TEST_CASE("the latest reading: greatest date, ties to the one read last") {
  Entries e;
  e.add("2018-12-31", "unemployment.rate", "2.1")     // f.rec:1
      .add("2019-06-30", "unemployment.rate", "1.9")  // f.rec:2
      .add("2019-06-30", "unemployment.rate", "2")    // f.rec:3 same date, read later: wins
      .add("2019-03-31", "unemployment.rate", "5")    // f.rec:4 earlier date read later: loses
      .add("2019-01-15", "unemployment.rate", "4");   // f.rec:5
  Ledger l = e.ledger("2020-12-31");
  const IndicatorTotals& t = totals_of(l, "unemployment.rate");
  REQUIRE(t.latest);
  CHECK(t.latest->value == dec("2"));
  CHECK(t.latest->date == day("2019-06-30"));
  CHECK(t.latest->where.to_string() == "f.rec:3:1");
  CHECK(t.entries == 5);
  CHECK(t.actual == Decimal());  // levels are not summed
  CHECK(t.by_year.empty());
  // Per year the same rule applies within the year.
  REQUIRE(t.latest_by_year.size() == 2);
  CHECK(t.latest_by_year.at(2018).value == dec("2.1"));
  CHECK(t.latest_by_year.at(2019).value == dec("2"));
  CHECK(t.latest_by_year.at(2019).where.line == 3);
}

TEST_CASE("the latest reading at an earlier as-of date") {
  Entries e;
  e.add("2018-12-31", "graduates.rate", "96.5")
      .add("2019-12-31", "graduates.rate", "94")
      .add("2019-06-30", "graduates.rate", "95.5");
  Ledger l = e.ledger("2019-07-01");
  const IndicatorTotals& t = totals_of(l, "graduates.rate");
  REQUIRE(t.latest);
  CHECK(t.latest->value == dec("95.5"));
  CHECK(t.latest->where.line == 3);  // the third entry read, though the second was ignored
  CHECK(t.latest_by_year.at(2018).value == dec("96.5"));
  CHECK(t.latest_by_year.at(2019).value == dec("95.5"));
  CHECK(t.entries == 2);
}

TEST_CASE("level readings outside the period are kept per year (a baseline for the first year)") {
  Entries e;
  e.add("2017-12-31", "unemployment.rate", "2.4");
  Ledger l = e.ledger("2018-06-30");
  const IndicatorTotals& t = totals_of(l, "unemployment.rate");
  REQUIRE(t.latest);
  CHECK(t.latest->value == dec("2.4"));
  CHECK(t.latest_by_year.at(2017).value == dec("2.4"));
}

TEST_CASE("readings of any year are kept, far before the period too") {
  Entries e;
  e.add("2015-06-30", "unemployment.rate", "3.1")      // f.rec:1
      .add("2015-03-31", "unemployment.rate", "3.3")   // f.rec:2: earlier, read later: loses
      .add("2016-12-31", "unemployment.rate", "2.9");  // f.rec:3
  Ledger l = e.ledger("2018-06-30");
  const IndicatorTotals& t = totals_of(l, "unemployment.rate");
  REQUIRE(t.latest_by_year.size() == 2);
  CHECK(t.latest_by_year.at(2015).value == dec("3.1"));
  CHECK(t.latest_by_year.at(2015).where.line == 1);
  CHECK(t.latest_by_year.at(2016).value == dec("2.9"));
  CHECK(t.latest->where.to_string() == "f.rec:3:1");
}

TEST_CASE("totals asked for between entries follow the entries") {
  Entries e;
  e.add("2019-01-10", "jobs.urban_new", "5");
  Ledger l = e.ledger("2020-12-31");
  CHECK(totals_of(l, "jobs.urban_new").actual == dec("5"));
  l.add(make_entry("2019-02-10", "jobs.urban_new", "7"));
  // 5 + 7 = 12, and February now has a month of its own.
  CHECK(totals_of(l, "jobs.urban_new").actual == dec("12"));
  CHECK(totals_of(l, "jobs.urban_new").by_month.at(month_key(2019, 2)) == dec("7"));
}

TEST_CASE("milestone state: done, undone, ties") {
  Entries e;
  e.add("2019-05-01", "hr.portal", "done").add("2019-08-01", "hr.portal", "undone");
  {
    Ledger l = e.ledger("2019-06-30");
    const IndicatorTotals& t = totals_of(l, "hr.portal");
    REQUIRE(t.latest);
    CHECK(t.latest->value == dec("1"));
    CHECK(t.latest->date == day("2019-05-01"));
  }
  {
    Ledger l = e.ledger("2020-12-31");
    const IndicatorTotals& t = totals_of(l, "hr.portal");
    CHECK(t.latest->value == Decimal());
    CHECK(t.entries == 2);
  }
  Entries same;
  same.add("2020-03-01", "hr.portal", "undone").add("2020-03-01", "hr.portal", "done");
  CHECK(totals_of(same.ledger("2020-12-31"), "hr.portal").latest->value == dec("1"));
}

TEST_CASE("an overflowing sum is an error at the entry, and the entry is not counted") {
  Entries e;
  // Sums are limited to 4,611,686,018,427.387903 (kMaxFigureUnits, half
  // the 64-bit range), so that a shortfall always fits.
  e.add("2018-01-10", "jobs.urban_new", "4500000000000")     // f.rec:1
      .add("2018-02-10", "jobs.urban_new", "150000000000")   // f.rec:2: 4.65e12 > 4.61e12
      .add("2018-03-10", "jobs.urban_new", "4500000000000")  // f.rec:3: overflows too
      .add("2018-04-10", "jobs.urban_new", "5");             // f.rec:4: fine
  Ledger l = e.ledger("2020-12-31");
  REQUIRE(l.error());
  // The first overflow is the one reported.
  CHECK(l.error()->headline() == "f.rec:2:1: the sum of jobs.urban_new overflows");
  CHECK(l.error()->severity == Severity::error);
  const IndicatorTotals& t = totals_of(l, "jobs.urban_new");
  CHECK(t.actual == dec("4500000000005"));
  CHECK(t.entries == 2);
  CHECK(t.by_year.at(2018) == dec("4500000000005"));
  // Neither month of the refused entries appears.
  CHECK(t.by_month.size() == 2);
  CHECK(t.by_month.count(month_key(2018, 2)) == 0);
  CHECK(*t.last == day("2018-04-10"));
}

TEST_CASE("a month can overflow while the total does not: nothing changes") {
  // 4.5e12 in January, -4.5e12 in February (total 0), 4.5e12 more in
  // January: the total would be 4.5e12, within the limit of 4.61e12, but
  // January 9e12.
  Entries e;
  e.add("2019-01-10", "skills.total", "4500000000000")
      .add("2019-02-10", "skills.total", "-4500000000000")
      .add("2019-01-20", "skills.total", "4500000000000");
  Ledger l = e.ledger("2020-12-31");
  REQUIRE(l.error());
  CHECK(l.error()->headline() == "f.rec:3:1: the sum of skills.total overflows");
  const IndicatorTotals& t = totals_of(l, "skills.total");
  CHECK(t.actual == Decimal());
  CHECK(t.by_year.at(2019) == Decimal());
  CHECK(t.by_month.at(month_key(2019, 1)) == dec("4500000000000"));
  CHECK(t.entries == 2);
}

TEST_CASE("an overflow in a new year leaves no empty year behind") {
  Entries e;
  e.add("2018-01-10", "jobs.urban_new", "9000000000000")
      .add("2019-01-10", "jobs.urban_new", "9000000000000");
  Ledger l = e.ledger("2020-12-31");
  REQUIRE(l.error());
  const IndicatorTotals& t = totals_of(l, "jobs.urban_new");
  CHECK(t.by_year.count(2019) == 0);
  CHECK(t.by_month.count(month_key(2019, 1)) == 0);
}

TEST_CASE("sums near the figure limit: each entry counted or refused as the plain rule says") {
  // Random increments of up to the figure limit, both signs, dated across
  // the period and past the as-of date, against the rule in its plainest
  // form: an entry is refused when any of its sums (total, year, month,
  // same period) would pass the limit, in 128 bits; the first refusal is
  // the error. Totals stay far from the limit for a while and then meet
  // it, so both ways of adding up (ledger.cpp) are put to work.
  std::uint64_t seed = 3;
  auto next = [&](std::uint64_t n) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (seed >> 33) % n;
  };
  const __int128 limit = kMaxFigureUnits;
  int refused = 0, rounds_with_error = 0;
  for (int round = 0; round < 300; ++round) {
    Entries e;
    std::map<int, __int128> years, months, same;
    __int128 total = 0;
    std::size_t counted = 0;
    std::string first_error;
    const int scale = 9 + static_cast<int>(next(4));  // 1..5 times 10^scale
    for (int n = static_cast<int>(next(40)); n > 0; --n) {
      const int y = 2018 + static_cast<int>(next(3)), m = 1 + static_cast<int>(next(12)),
                d = 1 + static_cast<int>(next(28));
      std::int64_t units = static_cast<std::int64_t>(1 + next(5));
      for (int k = 0; k < scale; ++k) units *= 10;
      units *= Decimal::kScale;  // whole numbers: up to 5e12, the limit being 4.6e12
      if (next(3) == 0) units = -units;
      const std::string date = fmt::format("{}-{:02}-{:02}", y, m, d);
      e.add(date.c_str(), "jobs.urban_new", Decimal::from_units(units).to_string().c_str());
      if (date > "2020-06-15") continue;
      const bool in_same = std::pair(m, d) <= std::pair(6, 15);
      const __int128 v = units;
      if (total + v > limit || total + v < -limit || years[y] + v > limit ||
          years[y] + v < -limit || months[month_key(y, m)] + v > limit ||
          months[month_key(y, m)] + v < -limit || same[y] + v > limit || same[y] + v < -limit) {
        if (first_error.empty())
          first_error =
              fmt::format("f.rec:{}:1: the sum of jobs.urban_new overflows", e.list.size());
        ++refused;
        continue;
      }
      total += v;
      years[y] += v;
      months[month_key(y, m)] += v;
      if (in_same) same[y] += v;
      ++counted;
    }
    Ledger l = e.ledger("2020-06-15");
    const IndicatorTotals& t = totals_of(l, "jobs.urban_new");
    REQUIRE(static_cast<bool>(l.error()) == !first_error.empty());
    if (l.error()) {
      CHECK(l.error()->headline() == first_error);
      ++rounds_with_error;
    }
    CHECK(t.entries == counted);
    CHECK(t.actual.units() == static_cast<std::int64_t>(total));
    for (const auto& [y, sum] : years)
      if (sum != 0) CHECK(t.by_year.at(y).units() == static_cast<std::int64_t>(sum));
    for (const auto& [k, sum] : months)
      if (sum != 0) CHECK(t.by_month.at(k).units() == static_cast<std::int64_t>(sum));
    for (const auto& [y, sum] : same)
      if (sum != 0) CHECK(t.same_period_by_year.at(y).units() == static_cast<std::int64_t>(sum));
  }
  CHECK(refused > 100);
  CHECK(rounds_with_error > 30);
  CHECK(rounds_with_error < 270);
}

TEST_CASE("no error without overflow") {
  Entries e;
  e.add("2018-01-10", "jobs.urban_new", "5");
  CHECK_FALSE(e.ledger("2020-12-31").error());
}

TEST_CASE("the indicator index from the parser is used, and checked") {
  const Plan& p = mini_plan();
  Ledger l(p, day("2020-12-31"));
  Entry right = make_entry("2019-01-01", "skills.high", "10");
  right.indicator = *p.index_of("skills.high");
  l.add(right);
  // A stale index (another plan's) must not send the amount elsewhere.
  Entry stale = make_entry("2019-01-01", "skills.high", "1");
  stale.indicator = *p.index_of("jobs.urban_new");
  l.add(stale);
  Entry out_of_range = make_entry("2019-01-01", "skills.high", "100");
  out_of_range.indicator = 999;
  l.add(out_of_range);
  CHECK(l.totals(*p.find("skills.high")).actual == dec("111"));
  CHECK(l.totals(*p.find("jobs.urban_new")).entries == 0);
  // An id the plan does not know is ignored.
  l.add(make_entry("2019-01-01", "no.such", "5"));
  std::size_t all = 0;
  for (std::size_t i = 0; i < p.indicators.size(); ++i) all += l.totals(i).entries;
  CHECK(all == 3);
}

TEST_CASE("totals by indicator and by index agree") {
  Entries e;
  e.add("2019-01-01", "graduates.rate", "97");
  Ledger l = e.ledger("2020-12-31");
  const Plan& p = mini_plan();
  CHECK(&l.totals(p.indicators[2]) == &l.totals(2));
  CHECK(l.as_of() == day("2020-12-31"));
  CHECK(&l.plan() == &p);
}

}  // namespace plan
