// Round axis ticks: the step is the smallest of 1, 2, 2.5, 5 × 10^k that
// needs no more than the intervals allowed; counts get whole steps.
#include "axis.h"

#include <doctest/doctest.h>

#include <vector>

using plan::nice_step;
using plan::nice_ticks;

TEST_CASE("nice_step: the smallest round step within the intervals allowed") {
  // 100 / 5 = 20 = 2 × 10: exactly a round step.
  CHECK(nice_step(100, 5, false) == 20);
  // 843 / 5 = 168.6: 1 × 100 is too small, 2 × 100 fits.
  CHECK(nice_step(843, 5, false) == 200);
  // 25,430 / 5 = 5,086: past 5 × 1,000, so 1 × 10,000.
  CHECK(nice_step(25430, 5, false) == 10000);
  // 12 / 5 = 2.4: 2.5.
  CHECK(nice_step(12, 5, false) == 2.5);
  // 1.49 / 5 = 0.298: 0.5.
  CHECK(nice_step(1.49, 5, false) == 0.5);
  // 0.3 / 4 = 0.075: 0.1 (0.05 is too small).
  CHECK(nice_step(0.3, 4, false) == doctest::Approx(0.1));
}

TEST_CASE("nice_step: whole steps for counts") {
  // 1.49 / 5 = 0.298, but a count steps by at least 1.
  CHECK(nice_step(1.49, 5, true) == 1);
  // 12 / 5 = 2.4: 2.5 is not whole, so 5.
  CHECK(nice_step(12, 5, true) == 5);
  // 24.91 / 5 = 4.98: 5.
  CHECK(nice_step(24.91, 5, true) == 5);
  // 120 / 5 = 24: 25 is whole and allowed.
  CHECK(nice_step(120, 5, true) == 25);
  // Nothing to show: a top of 0 (or less) is treated as 1.
  CHECK(nice_step(0, 5, true) == 1);
  CHECK(nice_step(-3, 5, false) == 0.2);  // 1 / 5
}

TEST_CASE("nice_ticks: from 0 to the first tick at or above the top") {
  CHECK(nice_ticks(843, 5, true) == std::vector<double>{0, 200, 400, 600, 800, 1000});
  CHECK(nice_ticks(100, 5, true) == std::vector<double>{0, 20, 40, 60, 80, 100});
  CHECK(nice_ticks(25430, 5, true) == std::vector<double>{0, 10000, 20000, 30000});
  CHECK(nice_ticks(1.49, 5, true) == std::vector<double>{0, 1, 2});
  CHECK(nice_ticks(1.49, 5, false) == std::vector<double>{0, 0.5, 1, 1.5});
  CHECK(nice_ticks(12, 5, false) == std::vector<double>{0, 2.5, 5, 7.5, 10, 12.5});
  CHECK(nice_ticks(0, 5, true) == std::vector<double>{0, 1});
  // Decimal steps land on the doubles nearest the decimals: 0.3, not
  // 0.30000000000000004 (3 × 0.1).
  std::vector<double> tenths = nice_ticks(0.3, 4, false);
  REQUIRE(tenths.size() == 4);
  CHECK(tenths[3] == 0.3);
  // Every tick is a whole multiple of the step and the axis covers the top,
  // with never more intervals than allowed, for tops across the scales.
  for (double top : {0.07, 0.9, 3.0, 17.0, 99.0, 101.0, 999.0, 4321.0, 1e6 + 1}) {
    for (bool whole : {false, true}) {
      CAPTURE(top);
      CAPTURE(whole);
      std::vector<double> t = nice_ticks(top, 5, whole);
      CHECK(t.back() >= top);
      CHECK(t.size() - 1 <= 5);
      double step = t[1];
      if (whole) CHECK(step == static_cast<long long>(step));
      for (std::size_t i = 0; i < t.size(); ++i) CHECK(t[i] == doctest::Approx(step * i));
    }
  }
}
