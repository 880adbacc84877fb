// CSV and TSV for spreadsheets. The text is written as it is in the data (no
// sanitizing: a spreadsheet is not a terminal, and the export must round-trip);
// the only changes to text are the formula guard below and the project's
// policy for bytes that are not UTF-8 (valid_utf8(): "\xNN", as everywhere). Cell::suffix is not
// written: numbers stay numbers, and the unit has a column of its own.
#include <fmt/format.h>

#include <algorithm>
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

// RFC 4180: a field holding the separator, a quote or a line break is
// quoted, with the quotes inside doubled. Appended to `out`, and tested a
// byte at a time: find_first_of's memchr per byte cost more than the rest
// of a long listing's CSV.
void append_csv_field(std::string& out, std::string_view s, char sep) {
  const bool quoted = std::any_of(
      s.begin(), s.end(), [sep](char c) { return c == sep || c == '"' || c == '\r' || c == '\n'; });
  if (!quoted) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// TSV has no quoting: the characters that would break the grid become spaces.
std::string tsv_field(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\r' || c == '\n') c = ' ';
  return s;
}

// The columns written, and a line of them: the header's keys or a row's
// cells.
std::vector<std::size_t> delimited_columns(const Table& t) {
  std::vector<std::size_t> cols;
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].csv) cols.push_back(i);
  return cols;
}

template <class TextOf>
void delimited_line(std::string& out, const std::vector<std::size_t>& cols, char sep,
                    TextOf&& text_of) {
  for (std::size_t k = 0; k < cols.size(); ++k) {
    if (k > 0) out += sep;
    std::string s = text_of(cols[k]);
    if (sep == '\t')
      out += tsv_field(std::move(s));
    else if (s.empty() && cols.size() == 1)
      out += "\"\"";  // a bare empty line is skipped by many readers
    else
      append_csv_field(out, s, sep);
  }
  out += sep == '\t' ? "\n" : "\r\n";
}

}  // namespace

std::string render_delimited_header(const Table& t, char sep, const RenderOptions& o) {
  std::string out = o.bom ? std::string(kUtf8Bom) : "";
  delimited_line(out, delimited_columns(t), sep,
                 [&](std::size_t i) { return valid_utf8(t.columns[i].key); });
  return out;
}

std::string render_delimited_rows(const Table& t, char sep) {
  const std::vector<std::size_t> cols = delimited_columns(t);
  std::string out;
  for (const Row& row : t.rows)
    delimited_line(out, cols, sep, [&](std::size_t i) {
      return i < row.cells.size() ? plain_cell(row.cells[i]) : "";
    });
  return out;
}

std::string render_delimited(const Table& t, char sep, const RenderOptions& o) {
  return render_delimited_header(t, sep, o) + render_delimited_rows(t, sep);
}

}  // namespace plan
