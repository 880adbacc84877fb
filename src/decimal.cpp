#include "decimal.h"

#include <cmath>
#include <limits>

namespace plan {

namespace {
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
}  // namespace

std::optional<Decimal> Decimal::from_int(std::int64_t v) {
  std::int64_t out;
  if (__builtin_mul_overflow(v, kScale, &out)) return std::nullopt;
  return from_units(out);
}

std::optional<Decimal> Decimal::from_double(double v) {
  if (!std::isfinite(v)) return std::nullopt;
  double scaled = std::round(v * static_cast<double>(kScale));
  if (scaled >= 9.2e18 || scaled <= -9.2e18) return std::nullopt;
  return from_units(static_cast<std::int64_t>(scaled));
}

std::optional<Decimal> Decimal::parse(std::string_view s, int shift, Message* why) {
  auto fail = [&](const char* en, const char* zh) -> std::optional<Decimal> {
    if (why) *why = {en, zh};
    return std::nullopt;
  };
  bool negative = false;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  std::size_t int_start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  std::string_view int_part = s.substr(int_start, i - int_start);
  std::string_view frac_part;
  if (i < s.size() && s[i] == '.') {
    std::size_t f = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    frac_part = s.substr(f, i - f);
    if (frac_part.empty())
      return fail("expected digits after the decimal point", "小数点后应有数字");
  }
  if (int_part.empty()) return fail("expected a number", "此处应为数字");
  if (i != s.size()) return fail("unexpected character in number", "数字中有多余的字符");
  // Trailing zeros carry no value; dropping them first lets "1.50000000" pass.
  while (!frac_part.empty() && frac_part.back() == '0') frac_part.remove_suffix(1);
  int places = kPlaces + shift;
  if (static_cast<int>(frac_part.size()) > places)
    return fail("too many decimal places (at most 6)", "小数位数过多（最多 6 位）");
  std::int64_t v = 0;
  auto push = [&](char c) {
    return !__builtin_mul_overflow(v, 10, &v) && !__builtin_add_overflow(v, c - '0', &v);
  };
  for (char c : int_part)
    if (!push(c)) return fail("number too large", "数值过大");
  for (char c : frac_part)
    if (!push(c)) return fail("number too large", "数值过大");
  for (int k = static_cast<int>(frac_part.size()); k < places; ++k)
    if (!push('0')) return fail("number too large", "数值过大");
  return from_units(negative ? -v : v);
}

std::string Decimal::to_string() const {
  // |kMin| does not fit in int64; unsigned arithmetic handles it.
  std::uint64_t mag =
      micros_ < 0 ? 0 - static_cast<std::uint64_t>(micros_) : static_cast<std::uint64_t>(micros_);
  std::string s = std::to_string(mag / kScale);
  std::uint64_t frac = mag % kScale;
  if (frac != 0) {
    std::string f = std::to_string(frac);
    f.insert(0, kPlaces - f.size(), '0');
    while (f.back() == '0') f.pop_back();
    s += '.' + f;
  }
  return micros_ < 0 ? '-' + s : s;
}

bool Decimal::add(Decimal other) {
  std::int64_t out;
  if (__builtin_add_overflow(micros_, other.micros_, &out)) return false;
  micros_ = out;
  return true;
}

Decimal operator+(Decimal a, Decimal b) {
  std::int64_t out;
  if (__builtin_add_overflow(a.units(), b.units(), &out)) out = b.units() > 0 ? kMax : kMin;
  return Decimal::from_units(out);
}

Decimal operator-(Decimal a, Decimal b) {
  std::int64_t out;
  if (__builtin_sub_overflow(a.units(), b.units(), &out)) out = b.units() < 0 ? kMax : kMin;
  return Decimal::from_units(out);
}

}  // namespace plan
