#include "axis.h"

#include <algorithm>
#include <cmath>

namespace plan {
namespace {

// m × 10^k, computed so that decimal steps are the doubles nearest to
// them (0.1 × 3 is not 0.3; 3 / 10 is).
double scaled(double m, int k) {
  double p = std::pow(10.0, std::abs(k));
  return k >= 0 ? m * p : m / p;
}

}  // namespace

double nice_step(double top, int max_intervals, bool whole) {
  if (!(top > 0) || !std::isfinite(top)) top = 1;
  double raw = top / std::max(max_intervals, 1);
  int k = static_cast<int>(std::floor(std::log10(raw)));
  double mantissa = raw / std::pow(10.0, k);  // in [1, 10), up to rounding
  for (;; ++k, mantissa /= 10) {
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
      if (mantissa > m * (1 + 1e-9)) continue;
      double step = scaled(m, k);
      if (whole && (step < 1 || (m == 2.5 && k == 0))) continue;
      return step;
    }
  }
}

std::vector<double> nice_ticks(double top, int max_intervals, bool whole) {
  double step = nice_step(top, max_intervals, whole);
  std::vector<double> ticks{0.0};
  // Each tick as i × step: no error piles up from adding.
  for (int i = 1; ticks.size() < 2 || ticks.back() < top * (1 - 1e-9); ++i) {
    int k = static_cast<int>(std::floor(std::log10(step) + 1e-9));
    double m = step / std::pow(10.0, k);
    ticks.push_back(scaled(std::round(m * i * 2) / 2, k));
  }
  return ticks;
}

}  // namespace plan
