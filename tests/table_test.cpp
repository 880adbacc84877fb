#include "table.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

namespace plan {
namespace {

TEST_CASE("Cell::none is an empty cell") {
  CHECK(Cell::none().type == CellType::empty);
}

TEST_CASE("Cell::of_text and of_status keep the words as given") {
  Cell t = Cell::of_text("外贸 \x1b[31m");
  CHECK(t.type == CellType::text);
  CHECK(t.text == "外贸 \x1b[31m");  // sanitizing is the terminal renderer's job
  Cell s = Cell::of_status("behind");
  CHECK(s.type == CellType::status);
  CHECK(s.text == "behind");
}

TEST_CASE("Cell::of_amount: a value, or an empty cell when absent") {
  Decimal d = *Decimal::parse("1.9");
  Cell a = Cell::of_amount(d);
  CHECK(a.type == CellType::amount);
  CHECK(a.amount == d);
  Cell b = Cell::of_amount(std::optional<Decimal>(d));
  CHECK(b.type == CellType::amount);
  CHECK(b.amount == d);
  CHECK(Cell::of_amount(std::optional<Decimal>()).type == CellType::empty);
}

TEST_CASE("Cell::of_ratio and of_number: absent or not finite become empty cells") {
  Cell r = Cell::of_ratio(0.4534);
  CHECK(r.type == CellType::ratio);
  CHECK(r.value == 0.4534);
  CHECK(Cell::of_ratio(std::nullopt).type == CellType::empty);
  CHECK(Cell::of_ratio(std::nan("")).type == CellType::empty);
  CHECK(Cell::of_ratio(std::numeric_limits<double>::infinity()).type == CellType::empty);

  Cell n = Cell::of_number(-0.2, 1);
  CHECK(n.type == CellType::number);
  CHECK(n.value == -0.2);
  CHECK(n.decimals == 1);
  CHECK(Cell::of_number(3.5).decimals == -1);
  CHECK(Cell::of_number(std::nullopt).type == CellType::empty);
  CHECK(Cell::of_number(-std::numeric_limits<double>::infinity()).type == CellType::empty);
}

TEST_CASE("Cell::of_count and of_date") {
  Cell c = Cell::of_count(-12);
  CHECK(c.type == CellType::count);
  CHECK(c.whole == -12);
  Cell d = Cell::of_date(Date::from_ymd(2019, 6, 30));
  CHECK(d.type == CellType::date);
  CHECK(d.date == Date::from_ymd(2019, 6, 30));
  CHECK(Cell::of_date(std::nullopt).type == CellType::empty);
}

TEST_CASE("Cell::of_bar keeps completion and time progress unclamped") {
  Cell b = Cell::of_bar(1.3, 0.6);
  CHECK(b.type == CellType::bar);
  CHECK(b.value == 1.3);
  CHECK(b.marker == 0.6);
}

}  // namespace
}  // namespace plan
