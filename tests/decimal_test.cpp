// A Decimal is a count of millionths in an int64: INT64_MAX micros is
// 9223372036854.775807, the largest amount there is.
#include "decimal.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

namespace plan {
namespace {

constexpr std::int64_t kMaxUnits = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMinUnits = std::numeric_limits<std::int64_t>::min();

Decimal dec(const char* s, int shift = 0) {
  auto d = Decimal::parse(s, shift);
  REQUIRE_MESSAGE(d, s);
  return *d;
}

// The message parse gives for `s`, or "ok" when it parses.
std::string why(const char* s, int shift = 0) {
  Message w{"(not set)", ""};
  if (Decimal::parse(s, shift, &w)) return "ok";
  return w.en;
}

}  // namespace

TEST_CASE("parse is exact") {
  CHECK(dec("0.1").units() == 100000);
  CHECK(dec("12000").units() == 12'000'000'000);
  CHECK(dec("1.000001").units() == 1'000'001);
  Decimal sum = dec("0.1");
  REQUIRE(sum.add(dec("0.2")));
  CHECK(sum == dec("0.3"));  // in binary floating point 0.1 + 0.2 != 0.3
  CHECK(sum.to_string() == "0.3");
}

TEST_CASE("parse with a shift reads 万") {
  CHECK(dec("1.2", 4) == dec("12000"));
  CHECK(dec("1.23456789", 4).to_string() == "12345.6789");
  CHECK(dec("3", 4) == dec("30000"));
  CHECK(dec("0.0001", 4) == dec("1"));
  // 10 places are allowed with a shift of 4: the 10th is the last millionth.
  CHECK(dec("0.0000000001", 4) == Decimal::from_units(1));
  CHECK(why("0.00000000001", 4) == "too many decimal places (at most 6)");
}

TEST_CASE("trailing zeros carry no value") {
  CHECK(dec("1.50000000") == dec("1.5"));
  CHECK(dec("2.000000000000") == dec("2"));
  CHECK(dec("007") == dec("7"));
  CHECK(why("1.0000001") == "too many decimal places (at most 6)");
  CHECK(why("1.0000000") == "ok");
}

TEST_CASE("signs") {
  CHECK(dec("-120").units() == -120'000'000);
  CHECK(dec("+120") == dec("120"));
  CHECK(dec("-0.25").to_string() == "-0.25");
  CHECK(dec("-0") == Decimal());
  CHECK(dec("-0").to_string() == "0");
  CHECK(dec("-1.2", 4) == dec("-12000"));
  CHECK(dec("-1").is_negative());
  CHECK_FALSE(dec("0").is_negative());
  CHECK(dec("0").is_zero());
  CHECK(-dec("2.5") == dec("-2.5"));
}

TEST_CASE("parse errors say why") {
  CHECK(why("") == "expected a number");
  CHECK(why("-") == "expected a number");
  CHECK(why("+") == "expected a number");
  CHECK(why(".5") == "expected a number");
  CHECK(why("1.") == "expected digits after the decimal point");
  CHECK(why("1.x") == "expected digits after the decimal point");
  CHECK(why("1x") == "unexpected character in number");
  CHECK(why("1.5.") == "unexpected character in number");
  CHECK(why("1,000") == "unexpected character in number");
  CHECK(why("1e5") == "unexpected character in number");
  CHECK(why(" 1") == "expected a number");
  CHECK(why("1 ") == "unexpected character in number");
  CHECK(why("--1") == "expected a number");
  CHECK(why("1%") == "unexpected character in number");
  // No message pointer: still fails, no crash.
  CHECK_FALSE(Decimal::parse("abc"));
}

TEST_CASE("parse detects overflow") {
  CHECK(dec("9223372036854.775807").units() == kMaxUnits);
  CHECK(why("9223372036854.775808") == "number too large");
  CHECK(why("9223372036855") == "number too large");
  CHECK(why("99999999999999999999999") == "number too large");
  // 922337203.6854775807万 is the largest shifted amount; one more micro is not.
  CHECK(dec("922337203.6854775807", 4).units() == kMaxUnits);
  CHECK(why("922337203.6854775808", 4) == "number too large");
  CHECK(dec("-9223372036854.775807").units() == -kMaxUnits);
}

TEST_CASE("add returns false and leaves the value unchanged on overflow") {
  Decimal big = Decimal::from_units(kMaxUnits - 5);
  CHECK_FALSE(big.add(Decimal::from_units(6)));
  CHECK(big.units() == kMaxUnits - 5);
  CHECK(big.add(Decimal::from_units(5)));
  CHECK(big.units() == kMaxUnits);

  Decimal low = Decimal::from_units(kMinUnits + 1);
  CHECK_FALSE(low.add(Decimal::from_units(-2)));
  CHECK(low.units() == kMinUnits + 1);
  CHECK(low.add(Decimal::from_units(-1)));
  CHECK(low.units() == kMinUnits);

  Decimal x = dec("4210");
  CHECK(x.add(dec("-120")));
  CHECK(x == dec("4090"));
}

TEST_CASE("to_string gives the minimal form") {
  CHECK(Decimal().to_string() == "0");
  CHECK(dec("12000").to_string() == "12000");
  CHECK(dec("1.9").to_string() == "1.9");
  CHECK(dec("0.000001").to_string() == "0.000001");
  CHECK(dec("-0.000001").to_string() == "-0.000001");
  CHECK(dec("-0.5").to_string() == "-0.5");
  CHECK(dec("-3").to_string() == "-3");
  CHECK(dec("10.05").to_string() == "10.05");
  CHECK(dec("100.1").to_string() == "100.1");
  CHECK(Decimal::from_units(kMaxUnits).to_string() == "9223372036854.775807");
  // |INT64_MIN| does not fit in an int64; the text must still be right.
  CHECK(Decimal::from_units(kMinUnits).to_string() == "-9223372036854.775808");
}

TEST_CASE("from_int") {
  CHECK(Decimal::from_int(17000) == dec("17000"));
  CHECK(Decimal::from_int(-3) == dec("-3"));
  CHECK(Decimal::from_int(9223372036854)->to_string() == "9223372036854");
  CHECK_FALSE(Decimal::from_int(9223372036855));
  CHECK_FALSE(Decimal::from_int(kMinUnits));
}

TEST_CASE("from_double rounds to six places") {
  CHECK(Decimal::from_double(0.1) == dec("0.1"));
  CHECK(Decimal::from_double(1.0000004) == dec("1"));
  CHECK(Decimal::from_double(1.0000006) == dec("1.000001"));
  CHECK(Decimal::from_double(-2.5) == dec("-2.5"));
  CHECK(Decimal::from_double(-1.0000006) == dec("-1.000001"));
  CHECK(Decimal::from_double(12345.678) == dec("12345.678"));
  CHECK(Decimal::from_double(0.0) == Decimal());
  CHECK_FALSE(Decimal::from_double(NAN));
  CHECK_FALSE(Decimal::from_double(INFINITY));
  CHECK_FALSE(Decimal::from_double(-INFINITY));
  CHECK_FALSE(Decimal::from_double(1e13));  // 1e19 micros > INT64_MAX
  CHECK_FALSE(Decimal::from_double(-1e13));
  CHECK(Decimal::from_double(1e12) == dec("1000000000000"));
}

TEST_CASE("to_double") {
  CHECK(dec("1.5").to_double() == 1.5);
  CHECK(dec("-0.25").to_double() == -0.25);
}

TEST_CASE("operator+ and operator- saturate instead of wrapping") {
  CHECK(dec("3") + dec("-1.5") == dec("1.5"));
  CHECK(dec("3") - dec("4.25") == dec("-1.25"));
  Decimal max = Decimal::from_units(kMaxUnits), min = Decimal::from_units(kMinUnits);
  CHECK((max + dec("1")).units() == kMaxUnits);
  CHECK((min + dec("-1")).units() == kMinUnits);
  CHECK((max - dec("-1")).units() == kMaxUnits);
  CHECK((min - dec("1")).units() == kMinUnits);
  CHECK((dec("0") - min).units() == kMaxUnits);  // 0 - INT64_MIN does not fit
  CHECK((max + min).units() == -1);
}

TEST_CASE("comparison") {
  CHECK(dec("1.9") < dec("2"));
  CHECK(dec("-1") < dec("0"));
  CHECK(dec("2.10") == dec("2.1"));
}

}  // namespace plan
