#include "plausibility.h"

#include <algorithm>

namespace plan {

namespace {

constexpr std::int64_t kHundred = 100 * Decimal::kScale;

const Indicator* indicator_of(const Plan& plan, const Entry& e) {
  auto i = indicator_index(plan, e);
  return i ? &plan.indicators[*i] : nullptr;
}

}  // namespace

std::optional<std::string> percent_doubt(const Entry& e, const Indicator& ind) {
  if (!ind.is_percent() || e.is_state || e.is_explanation || ind.kind == Kind::milestone)
    return std::nullopt;
  const std::int64_t v = e.amount.units();
  if (is_flow(ind.kind)) {
    if (v <= kHundred && v >= -kHundred) return std::nullopt;
    return "value " + e.amount.to_string() + " of " + ind.id +
           " is a change of more than 100 percentage points; is it a percentage?";
  }
  if (v >= 0 && v <= kHundred) return std::nullopt;
  return "value " + e.amount.to_string() + " of " + ind.id +
         " is outside 0 to 100 and it is a percentage";
}

FigureRanges::FigureRanges(const Plan& plan) : plan_(plan), ranges_(plan.indicators.size()) {}

std::optional<Decimal> FigureRanges::magnitude(const Entry& e) const {
  if (e.is_state || e.is_explanation || e.amount.is_zero()) return std::nullopt;
  const Indicator* ind = indicator_of(plan_, e);
  if (!ind || ind->kind == Kind::milestone) return std::nullopt;
  if (e.amount.is_negative()) {
    if (is_flow(ind->kind)) return std::nullopt;  // a correction
    return -e.amount;
  }
  return e.amount;
}

void FigureRanges::clear() {
  std::fill(ranges_.begin(), ranges_.end(), Range{});
}

void FigureRanges::add(const Entry& e) {
  auto m = magnitude(e);
  if (!m) return;
  const Indicator* ind = indicator_of(plan_, e);
  Range& r = ranges_[static_cast<std::size_t>(ind - plan_.indicators.data())];
  if (r.hi.is_zero()) {
    r.lo = r.hi = *m;
  } else {
    r.lo = std::min(r.lo, *m);
    r.hi = std::max(r.hi, *m);
  }
}

std::optional<std::string> FigureRanges::doubt(const Entry& e) const {
  auto m = magnitude(e);
  if (!m) return std::nullopt;
  const Indicator* ind = indicator_of(plan_, e);
  const Range& r = ranges_[static_cast<std::size_t>(ind - plan_.indicators.data())];
  if (r.hi.is_zero()) return std::nullopt;
  // In 128 bits: |v| and the range fit 64 bits, F times them may not.
  const __int128 v = m->units(), lo = r.lo.units(), hi = r.hi.units();
  const int f = implausible_factor(ind->kind);
  if (v < f * hi && v * f > lo) return std::nullopt;  // the common case: no words to build
  const std::string range =
      (r.lo == r.hi ? r.lo.to_string() : r.lo.to_string() + " to " + r.hi.to_string()) +
      (ind->unit.empty() ? "" : " " + ind->unit);
  if (v >= f * hi)
    return "value " + e.amount.to_string() + " of " + ind->id + " is " +
           std::to_string(static_cast<long long>(v / hi)) +
           " times the largest of its other entries (" + range + "); is it in another unit?";
  if (v * f <= lo)
    return "value " + e.amount.to_string() + " of " + ind->id + " is " +
           std::to_string(static_cast<long long>(lo / v)) +
           " times smaller than the smallest of its other entries (" + range +
           "); is it in another unit (a fraction for a percent, 万 left out)?";
  return std::nullopt;
}

std::optional<std::string> FigureRanges::judge(const Entry& e) const {
  const Indicator* ind = indicator_of(plan_, e);
  if (!ind) return std::nullopt;
  if (auto percent = percent_doubt(e, *ind)) return percent;
  return doubt(e);
}

int implausible_factor(Kind k) {
  return is_flow(k) ? 100 : 20;
}

}  // namespace plan
