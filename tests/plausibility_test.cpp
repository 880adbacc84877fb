#include "plausibility.h"

#include <doctest/doctest.h>

#include "mini_fixture.h"

namespace plan {

using testing::make_entry;
using testing::mini_plan;

namespace {

// The English words of a verdict (the Chinese are checked apart).
std::optional<std::string> en(const std::optional<Message>& m) {
  return m ? std::optional(m->en) : std::nullopt;
}

// make_entry leaves the indicator index unset; the ranges look the id up.
std::optional<std::string> doubt(const FigureRanges& r, const char* id, const char* value) {
  return en(r.doubt(make_entry("2019-06-30", id, value)));
}

}  // namespace

TEST_CASE("percent_doubt: a % reading outside 0 to 100") {
  const Plan& p = mini_plan();
  const Indicator& rate = *p.find("unemployment.rate");
  CHECK_FALSE(percent_doubt(make_entry("2019-06-30", "unemployment.rate", "0"), rate));
  CHECK_FALSE(percent_doubt(make_entry("2019-06-30", "unemployment.rate", "100"), rate));
  CHECK(en(percent_doubt(make_entry("2019-06-30", "unemployment.rate", "100.5"), rate)) ==
        "value 100.5 of unemployment.rate is outside 0 to 100 and it is a percentage");
  CHECK(percent_doubt(make_entry("2019-06-30", "unemployment.rate", "100.5"), rate)->zh ==
        "unemployment.rate 的数值 100.5 不在 0 到 100 之间，而它是百分数");
  CHECK(percent_doubt(make_entry("2019-06-30", "unemployment.rate", "-1"), rate));
  // Not a percentage: anything.
  const Indicator& jobs = *p.find("jobs.urban_new");
  CHECK_FALSE(percent_doubt(make_entry("2019-06-30", "jobs.urban_new", "4210"), jobs));
}

TEST_CASE("FigureRanges: a level 20 times outside its readings") {
  FigureRanges r(mini_plan());
  CHECK_FALSE(doubt(r, "unemployment.rate", "0.026"));  // nothing to compare with yet
  r.add(make_entry("2019-03-31", "unemployment.rate", "1.8"));
  r.add(make_entry("2019-06-30", "unemployment.rate", "0"));  // zeros say nothing
  r.add(make_entry("2019-09-30", "unemployment.rate", "2.1"));
  // Range 1.8 … 2.1. 0.026 × 20 = 0.52 ≤ 1.8: refused; 1.8 / 0.026 = 69.2.
  CHECK(doubt(r, "unemployment.rate", "0.026") ==
        "value 0.026 of unemployment.rate is 69 times smaller than the smallest of its other "
        "entries (1.8 to 2.1 %); is it in another unit (a fraction for a percent, 万 left out)?");
  // 0.09 × 20 = 1.8 ≤ 1.8: refused (the bound is in); 0.091 × 20 = 1.82: fine.
  CHECK(doubt(r, "unemployment.rate", "0.09"));
  CHECK_FALSE(doubt(r, "unemployment.rate", "0.091"));
  // 2.1 × 20 = 42: 42 is refused, 41.9 is not.
  CHECK(doubt(r, "unemployment.rate", "42") ==
        "value 42 of unemployment.rate is 20 times the largest of its other entries (1.8 to "
        "2.1 %); is it in another unit?");
  CHECK_FALSE(doubt(r, "unemployment.rate", "41.9"));
  CHECK_FALSE(doubt(r, "graduates.rate", "0.95"));  // ranges are per indicator
}

TEST_CASE("FigureRanges: a flow 100 times outside its positive increments") {
  FigureRanges r(mini_plan());
  r.add(make_entry("2019-03-31", "jobs.urban_new", "4210"));
  r.add(make_entry("2019-06-30", "jobs.urban_new", "-3"));  // a correction: not counted
  r.add(make_entry("2019-09-30", "jobs.urban_new", "300"));
  // Range 300 … 4210. 1.2 (万 left out) × 100 = 120 ≤ 300; 300 / 1.2 = 250.
  CHECK(doubt(r, "jobs.urban_new", "1.2") ==
        "value 1.2 of jobs.urban_new is 250 times smaller than the smallest of its other "
        "entries (300 to 4,210 人); is it in another unit (a fraction for a percent, 万 left "
        "out)?");
  CHECK_FALSE(doubt(r, "jobs.urban_new", "3.5"));  // 350 > 300
  CHECK_FALSE(doubt(r, "jobs.urban_new", "-1"));   // corrections are not judged
  CHECK(doubt(r, "jobs.urban_new", "421000"));     // 421000 = 100 × 4210
  // Figures grouped as the reports show them; the value as it was written.
  // 52,630,000 / 4,210 = 12,501.2.
  CHECK(doubt(r, "jobs.urban_new", "52630000") ==
        "value 52630000 of jobs.urban_new is 12,501 times the largest of its other entries (300 "
        "to 4,210 人); is it in another unit?");
  CHECK_FALSE(doubt(r, "jobs.urban_new", "420999"));
  CHECK_FALSE(doubt(r, "hr.portal", "done"));  // milestones carry no figure
  // The same in Chinese: "to" is 至, 250 times smaller is 250 分之一.
  CHECK(r.doubt(make_entry("2019-06-30", "jobs.urban_new", "52630000"))->zh ==
        "jobs.urban_new 的数值 52630000 是其他数据中最大值的 12,501 倍（300 至 4,210 人）；"
        "是不是用了别的单位？");
  CHECK(r.doubt(make_entry("2019-06-30", "jobs.urban_new", "1.2"))->zh ==
        "jobs.urban_new 的数值 1.2 只有其他数据中最小值的 250 分之一（300 至 4,210 人）；"
        "是不是用了别的单位（百分数写成了小数，或漏了“万”）？");
  // check judges against the file's entries so far, and says so.
  FigureRanges file(mini_plan(), {"its entries before it in this file", "本文件在它之前的数据"});
  file.add(make_entry("2019-03-31", "jobs.urban_new", "4210"));
  CHECK(file.doubt(make_entry("2019-06-30", "jobs.urban_new", "421000"))->zh ==
        "jobs.urban_new 的数值 421000 是本文件在它之前的数据中最大值的 100 倍（4,210 人）；"
        "是不是用了别的单位？");
}

}  // namespace plan

namespace plan {

namespace {

// judge_and_add on ranges holding one entry, `first`, of `id`; and what
// judge() says of the same entry, which must be the same.
std::optional<std::string> after_one(const char* id, const char* first, const char* value) {
  FigureRanges r(mini_plan());
  r.add(make_entry("2019-03-31", id, first));
  Entry e = make_entry("2019-06-30", id, value);
  auto judged = r.judge(e);
  auto index = mini_plan().index_of(id);
  REQUIRE(index);
  auto got = r.judge_and_add(view_of(e, *index), *index);
  CHECK(en(got) == en(judged));
  CHECK((got ? got->zh : "") == (judged ? judged->zh : ""));
  return en(got);
}

}  // namespace

TEST_CASE("judge_and_add: the bounds of the magnitude rule, exactly") {
  // A range of 1.000001 (% level, F = 20). Too small: 0.05 × 20 = 1 ≤
  // 1.000001, and 1.000001 / 0.05 = 20.00002, worded 20; 0.050001 × 20 =
  // 1.00002 is above it. Too large: 20 × 1.000001 = 20.00002 and more.
  CHECK(after_one("unemployment.rate", "1.000001", "0.05") ==
        "value 0.05 of unemployment.rate is 20 times smaller than the smallest of its other "
        "entries (1.000001 %); is it in another unit (a fraction for a percent, 万 left out)?");
  CHECK_FALSE(after_one("unemployment.rate", "1.000001", "0.050001"));
  CHECK(after_one("unemployment.rate", "1.000001", "20.00002") ==
        "value 20.00002 of unemployment.rate is 20 times the largest of its other entries "
        "(1.000001 %); is it in another unit?");
  CHECK_FALSE(after_one("unemployment.rate", "1.000001", "20.000019"));
  // The percent rule first: 100.5 is out of 0 … 100 before any range.
  CHECK(after_one("unemployment.rate", "50", "100.5") ==
        "value 100.5 of unemployment.rate is outside 0 to 100 and it is a percentage");
  // Flows (F = 100): 9 × 100 = 900 ≤ 901 is too small, 9.02 × 100 = 902 is
  // not; 100 × 901 = 90100 is too large; negative increments pass.
  CHECK(after_one("jobs.urban_new", "901", "9"));
  CHECK_FALSE(after_one("jobs.urban_new", "901", "9.02"));
  CHECK(after_one("jobs.urban_new", "901", "90100"));
  CHECK_FALSE(after_one("jobs.urban_new", "901", "90099.999999"));
  CHECK_FALSE(after_one("jobs.urban_new", "901", "-90100"));
  // A range so large that F times it is past 64 bits: nothing above it.
  CHECK_FALSE(after_one("skills.leaders", "900000000000", "4000000000000"));
  CHECK(after_one("skills.leaders", "900000000000", "0.000001"));
}

TEST_CASE("judge_and_add: the rules of plausibility.h, on random entries") {
  // Random entries of every indicator, over twelve orders of magnitude and
  // both signs, with zeros, states and a clear now and then, judged by
  // judge_and_add and by the rules as plausibility.h states them, worked
  // out here in the plainest way (a smallest and a largest magnitude per
  // indicator, products in 128 bits). judge() must agree too.
  const Plan& p = mini_plan();
  FigureRanges ranges(p);
  struct Plain {
    __int128 lo = 0, hi = 0;  // of the magnitudes counted; hi 0: none yet
  };
  std::vector<Plain> plain(p.indicators.size());
  std::uint64_t seed = 12345;
  auto next = [&] {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return seed >> 33;
  };
  int doubts = 0;
  for (int n = 0; n < 20000; ++n) {
    const std::size_t index = next() % p.indicators.size();
    const Indicator& ind = p.indicators[index];
    Entry e;
    e.date = Date::from_days(17600 + static_cast<int>(next() % 1000));
    e.id = ind.id;
    std::int64_t units = 0;
    if (ind.kind == Kind::milestone) {
      e.is_state = true;
      e.done = next() % 2;
    } else {
      units = static_cast<std::int64_t>(next() % 1000);
      for (auto k = next() % 13; k > 0; --k) units *= 10;
      if (next() % 4 == 0) units = -units;
      e.amount = Decimal::from_units(units);
    }
    if (next() % 3 == 0) e.indicator = index;  // set as the reader sets it, or not
    // The rules, plainly.
    bool doubt = false;
    const bool flow = is_flow(ind.kind);
    const __int128 hundred = 100 * Decimal::kScale;
    if (ind.is_percent() && !e.is_state)
      doubt = flow ? units > hundred || units < -hundred : units < 0 || units > hundred;
    __int128 m = units < 0 ? (flow ? 0 : -__int128{units}) : units;
    Plain& r = plain[index];
    const int f = flow ? 100 : 20;
    if (!doubt && m != 0 && r.hi != 0) doubt = m >= f * r.hi || m * f <= r.lo;
    if (!doubt && m != 0) {
      r.lo = r.hi == 0 ? m : std::min(r.lo, m);
      r.hi = std::max(r.hi, m);
    }
    REQUIRE(ranges.judge(e).has_value() == doubt);
    REQUIRE(ranges.judge_and_add(view_of(e, index), index).has_value() == doubt);
    if (doubt) ++doubts;
    if (next() % 500 == 0) {
      ranges.clear();
      std::fill(plain.begin(), plain.end(), Plain{});
    }
  }
  CHECK(doubts > 1000);  // the rules were put to work, not only passed
}

TEST_CASE("FigureRanges::merge: ranges folded from parts judge as one range fed everything") {
  // Random entries dealt to three parts at random; the parts folded into an
  // empty FigureRanges must judge every probe as the one that took all the
  // entries, as Entries or as views.
  const Plan& p = mini_plan();
  std::uint64_t seed = 7;
  auto next = [&](std::uint64_t n) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (seed >> 33) % n;
  };
  auto random_entry = [&] {
    const Indicator& ind = p.indicators[next(p.indicators.size())];
    Entry e;
    e.date = Date::from_days(18000);
    e.id = ind.id;
    if (ind.kind == Kind::milestone) {
      e.is_state = true;
      e.done = next(2);
    } else {
      std::int64_t units = static_cast<std::int64_t>(next(1000));
      for (auto k = next(12); k > 0; --k) units *= 10;
      if (next(4) == 0) units = -units;
      e.amount = Decimal::from_units(units);
    }
    return e;
  };
  int doubts = 0;
  for (int round = 0; round < 50; ++round) {
    FigureRanges all(p), folded(p);
    std::vector<FigureRanges> parts(3, FigureRanges(p));
    for (int n = static_cast<int>(next(60)); n > 0; --n) {
      const Entry e = random_entry();
      all.add(e);
      FigureRanges& part = parts[next(3)];
      if (next(2))
        part.add(e);
      else
        part.add_view(view_of(e, *p.index_of(e.id)));
    }
    for (const auto& part : parts) folded.merge(part);
    for (int probe = 0; probe < 40; ++probe) {
      const Entry e = random_entry();
      const auto want = all.judge(e);
      const auto got = folded.judge(e);
      REQUIRE(got.has_value() == want.has_value());
      if (want) {
        CHECK(got->en == want->en);  // the same range in the words
        CHECK(got->zh == want->zh);
        ++doubts;
      }
    }
  }
  CHECK(doubts > 100);
}

}  // namespace plan
