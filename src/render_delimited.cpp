// CSV and TSV for spreadsheets. The text is written as it is in the data (no
// sanitizing: a spreadsheet is not a terminal, and the export must round-trip);
// the only changes to text are the formula guard below and the project's
// policy for bytes that are not UTF-8 (valid_utf8(): "\xNN", as everywhere). Cell::suffix is not
// written: numbers stay numbers, and the unit has a column of its own.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
bool starts_like_formula(std::string_view s) {
  if (s.empty() || is_plain_number(s)) return false;
  switch (s.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
  }
  return false;
}

std::string neutralise(std::string_view s) {
  return starts_like_formula(s) ? "'" + std::string(s) : std::string(s);
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

// Whether s holds the separator, a quote or a line break: sixteen bytes at
// a time with SSE2, then eight (bytes_equal, text.h), then one at a time.
// find_first_of's memchr per byte, and then a test a byte at a time, cost
// more than the rest of a long listing's CSV.
bool needs_quotes(std::string_view s, char sep) {
  const auto has = [](std::uint64_t w, char b) {
    return bytes_equal(w, static_cast<unsigned char>(b));
  };
  std::size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const auto eq = [&](char b) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(b)); };
    if (_mm_movemask_epi8(
            _mm_or_si128(_mm_or_si128(eq(sep), eq('"')), _mm_or_si128(eq('\r'), eq('\n')))))
      return true;
  }
#endif
  for (; i + 8 <= s.size(); i += 8) {
    const std::uint64_t w = load_u64(s.data() + i);
    if (has(w, sep) | has(w, '"') | has(w, '\r') | has(w, '\n')) return true;
  }
  for (; i < s.size(); ++i)
    if (s[i] == sep || s[i] == '"' || s[i] == '\r' || s[i] == '\n') return true;
  return false;
}

// RFC 4180: a field holding the separator, a quote or a line break is
// quoted, with the quotes inside doubled. Appended to `out`.
void append_csv_field(std::string& out, std::string_view s, char sep) {
  if (!needs_quotes(s, sep)) {
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
void append_tsv_field(std::string& out, std::string_view s) {
  const std::size_t at = out.size();
  out += s;
  for (std::size_t i = at; i < out.size(); ++i)
    if (out[i] == '\t' || out[i] == '\r' || out[i] == '\n') out[i] = ' ';
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
    if (sep != '\t' && s.empty() && cols.size() == 1)
      out += "\"\"";  // a bare empty line is skipped by many readers
    else
      append_delimited_plain(out, s, sep);
  }
  end_delimited_row(out, sep);
}

}  // namespace

void append_delimited_plain(std::string& out, std::string_view text, char sep) {
  if (sep == '\t')
    append_tsv_field(out, text);
  else
    append_csv_field(out, text, sep);
}

void append_delimited_text(std::string& out, std::string_view text, char sep) {
  // The common text, valid UTF-8 that starts like no formula, as it is.
  // (valid_utf8 changes no ASCII, so text that starts like a formula still
  // does once mended, and text that does not, does not.)
  if (starts_like_formula(text) || find_invalid_utf8(text))
    append_delimited_plain(out, neutralise(valid_utf8(text)), sep);
  else
    append_delimited_plain(out, text, sep);
}

void end_delimited_row(std::string& out, char sep) {
  out += sep == '\t' ? "\n" : "\r\n";
}

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
