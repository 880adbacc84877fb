// Exact decimal amounts. Figures are summed over thousands of records and
// compared with targets; binary floating point would turn 0.1 + 0.2 into a
// wrong digit. A Decimal is a count of millionths in 64 bits: six decimal
// places, magnitudes up to about 9.2e12, overflow detected, never wrapped.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "diagnostic.h"

namespace plan {

class Decimal {
 public:
  static constexpr int kPlaces = 6;
  static constexpr std::int64_t kScale = 1'000'000;

  constexpr Decimal() = default;
  static constexpr Decimal from_units(std::int64_t micros) {
    Decimal d;
    d.micros_ = micros;
    return d;
  }
  // nullopt when |v| does not fit.
  static std::optional<Decimal> from_int(std::int64_t v);
  // Rounded to six places; nullopt when not finite or too large.
  static std::optional<Decimal> from_double(double v);

  // Parses "[+-]digits[.digits]" exactly, scaled by 10^shift (shift 4 reads
  // "1.2" as 12000, for 万). Errors: why, in a few words (and in Chinese),
  // in *why.
  static std::optional<Decimal> parse(std::string_view s, int shift = 0, Message* why = nullptr);

  std::int64_t units() const { return micros_; }
  double to_double() const { return static_cast<double>(micros_) / kScale; }
  bool is_zero() const { return micros_ == 0; }
  bool is_negative() const { return micros_ < 0; }

  // Plain notation with no trailing zeros: "12000", "1.9", "-0.25".
  std::string to_string() const;

  // false (and *this unchanged) on overflow.
  [[nodiscard]] bool add(Decimal other);

  friend Decimal operator-(Decimal a) { return from_units(-a.micros_); }
  friend auto operator<=>(Decimal a, Decimal b) = default;

 private:
  std::int64_t micros_ = 0;
};

// The largest magnitude of a figure the reports work with — a target, a
// level's reading, a flow's sum — in units: half the 64-bit range,
// 4,611,686,018,427.387903, so that the difference of any two (a shortfall,
// a gap) fits and the saturating operators below never act. The ledger and
// the plan loader refuse more, `plan check` too (record_check.h).
inline constexpr std::int64_t kMaxFigureUnits = INT64_MAX / 2;
inline bool within_figure_limit(std::int64_t units) {
  return units <= kMaxFigureUnits && units >= -kMaxFigureUnits;
}

// Saturating arithmetic for derived figures (targets minus actuals); inputs
// come from checked sums, so saturation only guards against absurd plans.
Decimal operator+(Decimal a, Decimal b);
Decimal operator-(Decimal a, Decimal b);

}  // namespace plan
