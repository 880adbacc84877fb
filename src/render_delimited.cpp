// CSV and TSV for spreadsheets. The text is written as it is in the data (no
// sanitizing: a spreadsheet is not a terminal, and the export must round-trip);
// the only changes to text are the formula guard below and the project's
// policy for bytes that are not UTF-8 (valid_utf8(): "\xNN", as everywhere). Cell::suffix is not
// written: numbers stay numbers, and the unit has a column of its own.
#include <fmt/format.h>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "render.h"
#include "text.h"

namespace plan {
namespace {

// "-120", "+5", "3.25": a spreadsheet reads these as numbers, not formulas,
// so they keep their sign.
bool is_plain_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digits) return false;
  if (i < s.size() && s[i] == '.') {
    std::size_t frac = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == frac) return false;
  }
  return i == s.size();
}

// OWASP's advice against CSV injection: a cell that starts like a formula
// gets a leading apostrophe, which spreadsheets show as text and hide.
std::string neutralise(std::string_view s) {
  if (s.empty() || is_plain_number(s)) return std::string(s);
  switch (s.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return "'" + std::string(s);
  }
  return std::string(s);
}

// Shortest decimal that reads back as the same double: 0.4534 -> "0.4534".
std::string plain_double(double v) {
  return std::isfinite(v) ? fmt::format("{}", v) : "";
}

std::string plain_cell(const Cell& c) {
  switch (c.type) {
    case CellType::empty:
      return "";
    case CellType::text:
    case CellType::status:
      return neutralise(valid_utf8(c.text));
    case CellType::amount:
      return c.amount.to_string();
    case CellType::ratio:
    case CellType::number:
    case CellType::bar:  // reports hide bars here (csv=false); if not, the completion
      return plain_double(c.value);
    case CellType::count:
      return std::to_string(c.whole);
    case CellType::date:
      return c.date.iso();
  }
  return "";
}

// RFC 4180: quote a field holding the separator, a quote or a line break,
// doubling the quotes inside.
std::string csv_field(const std::string& s, char sep) {
  const char special[] = {sep, '"', '\r', '\n', '\0'};
  if (s.find_first_of(special) == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

// TSV has no quoting: the characters that would break the grid become spaces.
std::string tsv_field(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\r' || c == '\n') c = ' ';
  return s;
}

}  // namespace

std::string render_delimited(const Table& t, char sep, const RenderOptions& o) {
  const char* eol = sep == '\t' ? "\n" : "\r\n";
  std::vector<std::size_t> cols;
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].csv) cols.push_back(i);
  auto line = [&](std::string& out, auto&& text_of) {
    for (std::size_t k = 0; k < cols.size(); ++k) {
      if (k > 0) out += sep;
      std::string s = text_of(cols[k]);
      if (sep == '\t')
        out += tsv_field(std::move(s));
      else if (s.empty() && cols.size() == 1)
        out += "\"\"";  // a bare empty line is skipped by many readers
      else
        out += csv_field(s, sep);
    }
    out += eol;
  };

  std::string out = o.bom ? std::string(kUtf8Bom) : "";
  line(out, [&](std::size_t i) { return valid_utf8(t.columns[i].key); });
  for (const Row& row : t.rows)
    line(out, [&](std::size_t i) { return i < row.cells.size() ? plain_cell(row.cells[i]) : ""; });
  return out;
}

}  // namespace plan
