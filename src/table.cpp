#include "table.h"

#include <cmath>
#include <utility>

namespace plan {

// Absent values become empty cells here, once, so that no renderer ever has
// to decide how to print a missing figure. A ratio or number that is not
// finite (0/0 from a zero target) is treated as absent rather than printed
// as "nan%": an empty cell is honest, a "nan" is noise and breaks CSV readers.

Cell Cell::of_text(std::string s) {
  Cell c;
  c.type = CellType::text;
  c.text = std::move(s);
  return c;
}

Cell Cell::of_amount(Decimal d) {
  Cell c;
  c.type = CellType::amount;
  c.amount = d;
  return c;
}

Cell Cell::of_measure(const std::optional<Decimal>& d, std::string_view unit) {
  Cell c = of_amount(d);
  if (d && unit == "%") c.suffix = "%";
  return c;
}

Cell Cell::of_amount(const std::optional<Decimal>& d) {
  return d ? of_amount(*d) : none();
}

Cell Cell::of_ratio(std::optional<double> r) {
  if (!r || !std::isfinite(*r)) return none();
  Cell c;
  c.type = CellType::ratio;
  c.value = *r;
  return c;
}

Cell Cell::of_number(std::optional<double> v, int decimals) {
  if (!v || !std::isfinite(*v)) return none();
  Cell c;
  c.type = CellType::number;
  c.value = *v;
  c.decimals = decimals;
  return c;
}

Cell Cell::of_count(long long n) {
  Cell c;
  c.type = CellType::count;
  c.whole = n;
  return c;
}

Cell Cell::of_date(std::optional<Date> d) {
  if (!d) return none();
  Cell c;
  c.type = CellType::date;
  c.date = *d;
  return c;
}

Cell Cell::of_status(std::string s, Tone tone) {
  Cell c;
  c.type = CellType::status;
  c.text = std::move(s);
  c.tone = tone;
  return c;
}

// Values are kept as given; the renderer clamps when drawing, so a
// completion of 1.3 still reads as 130 % wherever it is printed as a number.
Cell Cell::of_bar(double completion, double time_progress) {
  Cell c;
  c.type = CellType::bar;
  c.value = completion;
  c.marker = time_progress;
  return c;
}

}  // namespace plan
