#include "render.h"

#include <doctest/doctest.h>

#include <climits>
#include <cmath>
#include <cstdint>

namespace plan {
namespace {

Decimal dec(const char* s) {
  return *Decimal::parse(s);
}

TEST_CASE("parse_format knows the five format names and nothing else") {
  CHECK(parse_format("table") == Format::table);
  CHECK(parse_format("csv") == Format::csv);
  CHECK(parse_format("tsv") == Format::tsv);
  CHECK(parse_format("json") == Format::json);
  CHECK(parse_format("md") == Format::md);
  CHECK_FALSE(parse_format("CSV"));
  CHECK_FALSE(parse_format("html"));
  CHECK_FALSE(parse_format(""));
}

TEST_CASE("format_amount groups thousands in the integer part only") {
  CHECK(format_amount(dec("51000"), true) == "51,000");
  CHECK(format_amount(dec("-1200"), true) == "-1,200");
  CHECK(format_amount(dec("12345.6"), true) == "12,345.6");
  CHECK(format_amount(dec("1234567.125"), true) == "1,234,567.125");
  CHECK(format_amount(dec("999"), true) == "999");
  CHECK(format_amount(dec("-999"), true) == "-999");
  CHECK(format_amount(dec("1000"), true) == "1,000");
  CHECK(format_amount(dec("1.9"), true) == "1.9");
  CHECK(format_amount(dec("-0.25"), true) == "-0.25");
  CHECK(format_amount(dec("0"), true) == "0");
  CHECK(format_amount(Decimal::from_units(INT64_MAX), true) == "9,223,372,036,854.775807");
  CHECK(format_amount(Decimal::from_units(INT64_MIN), true) == "-9,223,372,036,854.775808");
}

TEST_CASE("format_amount without thousands is Decimal's plain form") {
  CHECK(format_amount(dec("12345.6"), false) == "12345.6");
  CHECK(format_amount(dec("-1200"), false) == "-1200");
}

TEST_CASE("format_ratio: one decimal, half away from zero, on the decimal digits") {
  CHECK(format_ratio(0.4534) == "45.3%");
  CHECK(format_ratio(1.0) == "100.0%");
  CHECK(format_ratio(0) == "0.0%");
  CHECK(format_ratio(-0.125) == "-12.5%");
  CHECK(format_ratio(0.12) == "12.0%");
  // 0.4535 is 0.45349999… in binary; people reading 0.4535 expect 45.4.
  CHECK(format_ratio(0.4535) == "45.4%");
  CHECK(format_ratio(-0.4535) == "-45.4%");
  CHECK(format_ratio(0.0005) == "0.1%");
  CHECK(format_ratio(0.00049) == "0.0%");
  CHECK(format_ratio(-0.0004) == "0.0%");   // rounds to zero: no "-0.0%"
  CHECK(format_ratio(0.9996) == "100.0%");  // the carry ripples through
  CHECK(format_ratio(0.99949) == "99.9%");
  CHECK(format_ratio(12.345) == "1,234.5%");
  CHECK(format_ratio(1e20) == "10,000,000,000,000,000,000,000.0%");
  CHECK(format_ratio(1e-300) == "0.0%");
  CHECK(format_ratio(std::nan("")) == "");
  CHECK(format_ratio(INFINITY) == "");
}

TEST_CASE("format_number: fixed decimals, or at most two with trailing zeros dropped") {
  CHECK(format_number(1234.5, -1) == "1,234.5");
  CHECK(format_number(1234.567, -1) == "1,234.57");
  CHECK(format_number(2, -1) == "2");
  CHECK(format_number(2, 1) == "2.0");
  CHECK(format_number(1.005, -1) == "1.01");
  CHECK(format_number(0.125, 2) == "0.13");
  CHECK(format_number(-0.125, 2) == "-0.13");
  CHECK(format_number(1234567.891, 0) == "1,234,568");
  CHECK(format_number(12.3456, 3) == "12.346");
  CHECK(format_number(-0.2, 1) == "-0.2");
  CHECK(format_number(0.001, -1) == "0");
  CHECK(format_number(-0.001, -1) == "0");
  CHECK(format_number(-0.001, 2) == "0.00");
  CHECK(format_number(std::nan(""), 2) == "");
}

TEST_CASE("format_cell: each cell type as people read it") {
  CHECK(format_cell(Cell::none()) == "");
  CHECK(format_cell(Cell::of_text("a|b\n")) == "a|b\n");  // escaping is the renderer's job
  CHECK(format_cell(Cell::of_status("behind")) == "behind");
  CHECK(format_cell(Cell::of_amount(dec("-51000.5"))) == "-51,000.5");
  CHECK(format_cell(Cell::of_ratio(0.4534)) == "45.3%");
  CHECK(format_cell(Cell::of_number(1234.5)) == "1,234.5");
  CHECK(format_cell(Cell::of_number(-0.2, 2)) == "-0.20");
  CHECK(format_cell(Cell::of_count(1234567)) == "1,234,567");
  CHECK(format_cell(Cell::of_count(-1234)) == "-1,234");
  CHECK(format_cell(Cell::of_count(LLONG_MIN)) == "-9,223,372,036,854,775,808");
  CHECK(format_cell(Cell::of_date(Date::from_ymd(2019, 6, 30))) == "2019-06-30");
  CHECK(format_cell(Cell::of_bar(0.4534, 0.6)) == "45.3% (t 60.0%)");
}

TEST_CASE("format_cell: the suffix follows any value, but not a bar or an empty cell") {
  Cell a = Cell::of_amount(dec("2.1"));
  a.suffix = "%";
  CHECK(format_cell(a) == "2.1%");
  Cell n = Cell::of_number(-1234.5, 1);
  n.suffix = " 万元";
  CHECK(format_cell(n) == "-1,234.5 万元");
  Cell e = Cell::none();
  e.suffix = "%";
  CHECK(format_cell(e) == "");
  Cell b = Cell::of_bar(0.5, 0.5);
  b.suffix = "%";
  CHECK(format_cell(b) == "50.0% (t 50.0%)");
}

}  // namespace
}  // namespace plan
