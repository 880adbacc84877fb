#include "render.h"

#include <charconv>
#include <cmath>
#include <string>

namespace plan {
namespace {

// |v| * 10^shift rounded half away from zero to `places` decimals, as plain
// digits with a point ("45.3"), preceded by '-' when v < 0 and the result is
// not zero. Works on the shortest round-trip decimal digits of v rather than
// on v * 10^k in binary: 0.4535 * 1000 is 453.49999… in binary, yet every
// reader of "0.4535" expects 45.4 %. String arithmetic also means no
// magnitude can overflow.
std::string round_decimal(double v, int shift, int places) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));  // "4.534e-01"
  std::size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e))
    if (c != '.') digits += c;
  std::string_view exp_text = sci.substr(e + 1);
  bool exp_negative = exp_text.front() == '-';
  int exp = 0;
  std::from_chars(exp_text.data() + 1, exp_text.data() + exp_text.size(), exp);
  if (exp_negative) exp = -exp;

  // |v| = 0.d1d2…dn × 10^(exp+1), so the first `keep` digits are the integer
  // |v| × 10^(shift+places) before rounding.
  int keep = exp + 1 + shift + places;
  std::string n;
  bool up = false;
  if (keep >= static_cast<int>(digits.size())) {
    n = digits + std::string(static_cast<std::size_t>(keep) - digits.size(), '0');
  } else if (keep >= 0) {
    n = digits.substr(0, static_cast<std::size_t>(keep));
    up = digits[static_cast<std::size_t>(keep)] >= '5';
  }
  if (up) {
    int i = static_cast<int>(n.size()) - 1;
    while (i >= 0 && n[static_cast<std::size_t>(i)] == '9') n[static_cast<std::size_t>(i--)] = '0';
    if (i >= 0)
      ++n[static_cast<std::size_t>(i)];
    else
      n.insert(n.begin(), '1');
  }
  std::size_t first = n.find_first_not_of('0');
  bool zero = first == std::string::npos;
  n.erase(0, zero ? n.size() : first);
  if (n.size() < static_cast<std::size_t>(places) + 1)
    n.insert(0, static_cast<std::size_t>(places) + 1 - n.size(), '0');
  if (places > 0) n.insert(n.size() - static_cast<std::size_t>(places), 1, '.');
  return (v < 0 && !zero) ? "-" + n : n;
}

std::string drop_trailing_zeros(std::string s) {
  if (s.find('.') == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

std::string group_thousands(std::string plain) {
  std::size_t start = (!plain.empty() && plain[0] == '-') ? 1 : 0;
  std::size_t end = plain.find('.');
  if (end == std::string::npos) end = plain.size();
  for (std::size_t i = end; i > start + 3; i -= 3) plain.insert(i - 3, 1, ',');
  return plain;
}

std::optional<Format> parse_format(std::string_view s) {
  if (s == "table") return Format::table;
  if (s == "csv") return Format::csv;
  if (s == "tsv") return Format::tsv;
  if (s == "json") return Format::json;
  if (s == "md") return Format::md;
  if (s == "xlsx") return Format::xlsx;
  return std::nullopt;
}

std::string format_amount(Decimal d, bool thousands) {
  return thousands ? group_thousands(d.to_string()) : d.to_string();
}

std::string format_ratio(double r) {
  if (!std::isfinite(r)) return "";
  return group_thousands(round_decimal(r, 2, 1)) + "%";
}

std::string format_number(double v, int decimals) {
  if (!std::isfinite(v)) return "";
  if (decimals >= 0) return group_thousands(round_decimal(v, 0, decimals));
  return group_thousands(drop_trailing_zeros(round_decimal(v, 0, 2)));
}

std::string format_cell(const Cell& c, bool zh) {
  const std::string& suffix = zh && !c.suffix_zh.empty() ? c.suffix_zh : c.suffix;
  switch (c.type) {
    case CellType::empty:
      return "";
    case CellType::text:
    case CellType::status:
      return (zh && !c.text_zh.empty() ? c.text_zh : c.text) + suffix;
    case CellType::amount:
      return format_amount(c.amount, true) + suffix;
    case CellType::ratio:
      return format_ratio(c.value) + suffix;
    case CellType::number:
      return format_number(c.value, c.decimals) + suffix;
    case CellType::count:
      return group_thousands(std::to_string(c.whole)) + suffix;
    case CellType::date:
      return c.date.iso() + suffix;
    case CellType::bar:
      return format_ratio(c.value) + " (t " + format_ratio(c.marker) + ")";
  }
  return "";
}

}  // namespace plan
