#include "record_fast.h"

#include <cstdint>
#include <cstring>

#include "text.h"

namespace plan {

namespace {

// The code points of `s`, which is valid UTF-8 (the line passed
// valid_line): its bytes less its continuation bytes (10xxxxxx), counted a
// word at a time. code_points() decodes each character, which cost more
// than the rest of the line's parse on every line with a by= tag.
std::size_t valid_code_points(std::string_view s) {
  constexpr std::uint64_t kHigh = 0x8080808080808080;
  const char* p = s.data();
  std::size_t n = s.size(), count = n, i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    // Bit 7 set and bit 6 clear: (w << 1) brings each byte's bit 6 to its
    // bit 7 (the bit carried in from the byte below lands on bit 0).
    // Their count: one bit per byte moved to bit 0, summed by a multiply
    // into the top byte (no popcount instruction in the baseline x86-64).
    const std::uint64_t ones = (w & ~(w << 1) & kHigh) >> 7;
    count -= static_cast<std::size_t>((ones * 0x0101010101010101) >> 56);
  }
  for (; i < n; ++i) count -= (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80;
  return count;
}

constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;

// The helpers of the hot loop are forced inline: at -O2 GCC keeps some of
// them as calls, which costs more than their work.
#define PLAN_HOT [[gnu::always_inline]] inline
#define PLAN_HOT_LAMBDA __attribute__((always_inline))

PLAN_HOT std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// The bytes of w equal to b, flagged in their high bit. A flag may be
// false only above a true one, so the lowest flag always marks a match.
PLAN_HOT std::uint64_t bytes_equal(std::uint64_t w, unsigned char b) {
  std::uint64_t x = w ^ (kOnes * b);
  return (x - kOnes) & ~x & kHigh;
}

// Position of the first byte at or after pos that is one of the `stops`
// (at most three), or n: eight bytes at a time, then one at a time.
template <unsigned char A, unsigned char B = A, unsigned char C = A>
PLAN_HOT std::size_t find_first(const char* p, std::size_t pos, std::size_t n) {
  for (; pos + 8 <= n; pos += 8) {
    std::uint64_t w = load8(p + pos);
    std::uint64_t m = bytes_equal(w, A);
    if constexpr (B != A) m |= bytes_equal(w, B);
    if constexpr (C != A) m |= bytes_equal(w, C);
    if (m) return pos + static_cast<std::size_t>(__builtin_ctzll(m)) / 8;
  }
  while (pos < n && p[pos] != static_cast<char>(A) && p[pos] != static_cast<char>(B) &&
         p[pos] != static_cast<char>(C))
    ++pos;
  return pos;
}

// The id hash: 8-byte words (the last one overlapping), multiplied and
// folded. Ids are short ASCII.
std::uint64_t hash_id(std::string_view id) {
  const char* p = id.data();
  const std::size_t n = id.size();
  std::uint64_t h = n * 0x9E3779B97F4A7C15ull;
  if (n < 8) {
    for (std::size_t i = 0; i < n; ++i)
      h = (h ^ static_cast<unsigned char>(p[i])) * 0x100000001B3ull;
  } else {
    for (std::size_t i = 0; i + 8 < n; i += 8) h = (h ^ load8(p + i)) * 0xBF58476D1CE4E5B9ull;
    h = (h ^ load8(p + n - 8)) * 0x94D049BB133111EBull;
  }
  return h ^ (h >> 31);
}

// Assigns only when the text differs: consecutive lines repeat ids, keys
// and many values, and a comparison is cheaper than a copy.
PLAN_HOT void set(std::string& s, std::string_view v) {
  if (std::string_view(s) != v) s.assign(v);
}

PLAN_HOT bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Bytes an id may hold: A-Z a-z 0-9 _ . -
struct IdChars {
  bool ok[256] = {};
  constexpr IdChars() {
    for (int c = 'a'; c <= 'z'; ++c) ok[c] = ok[c - 'a' + 'A'] = true;
    for (int c = '0'; c <= '9'; ++c) ok[c] = true;
    ok['_'] = ok['.'] = ok['-'] = true;
  }
};
constexpr IdChars kIdChars;

PLAN_HOT bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || c == '_';
}

// Whether every byte of the line is one parse_line accepts without a
// second look: printable ASCII, or valid UTF-8 that is neither a C1
// control, nor a full-width space (U+3000, an error outside quotes), nor a
// byte order mark. Tabs are left to the full parser too.
bool plain_bytes(std::string_view s) {
  const char* p = s.data();
  std::size_t n = s.size(), i = 0;
  for (;;) {
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (!all_printable_ascii(w)) break;
      i += 8;
    }
    if (i == n) return true;
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c >= 0x20 && c < 0x7F) {
      ++i;
      continue;
    }
    if (c < 0x80) return false;  // a control character, tab included
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < n) {
      // Three bytes, as CJK characters are; E0 and ED have narrower
      // second bytes and go the long way below.
      unsigned char c1 = static_cast<unsigned char>(p[i + 1]);
      unsigned char c2 = static_cast<unsigned char>(p[i + 2]);
      if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return false;
      if ((c == 0xE3 && c1 == 0x80 && c2 == 0x80) || (c == 0xEF && c1 == 0xBB && c2 == 0xBF))
        return false;  // U+3000, U+FEFF
      i += 3;
      continue;
    }
    std::size_t len = utf8_sequence(s, i);
    if (len == 0) return false;
    unsigned char c1 = static_cast<unsigned char>(p[i + 1]);
    if (c == 0xC2 && c1 < 0xA0) return false;                                     // C1
    if (c == 0xE3 && c1 == 0x80 && static_cast<unsigned char>(p[i + 2]) == 0x80)  // U+3000
      return false;
    if (c == 0xEF && c1 == 0xBB && static_cast<unsigned char>(p[i + 2]) == 0xBF)  // U+FEFF
      return false;
    i += len;
  }
}

}  // namespace

FastLineParser::FastLineParser(const Plan& plan) : plan_(plan) {
  std::size_t size = 16;
  while (size < 4 * plan.indicators.size()) size *= 2;
  slots_.assign(size, 0);
  mask_ = size - 1;
  for (std::size_t i = 0; i < plan.indicators.size(); ++i) {
    const std::string& id = plan.indicators[i].id;
    // Only ids a record line can spell, so that finding the id between two
    // spaces also proves its characters valid; a duplicate id: the first
    // one, as Plan::find.
    bool spellable = !id.empty();
    for (char c : id) spellable = spellable && kIdChars.ok[static_cast<unsigned char>(c)];
    if (!spellable || find(id) >= 0) continue;
    std::uint64_t h = hash_id(id) & mask_;
    while (slots_[h] != 0) h = (h + 1) & mask_;
    slots_[h] = static_cast<std::uint32_t>(i + 1);
  }
}

std::int64_t FastLineParser::find(std::string_view id) const {
  for (std::uint64_t h = hash_id(id) & mask_;; h = (h + 1) & mask_) {
    std::uint32_t s = slots_[h];
    if (s == 0) return -1;
    if (plan_.indicators[s - 1].id == id) return s - 1;
  }
}

std::optional<LineKind> FastLineParser::parse(std::string_view line, const Location& where,
                                              Entry* entry) const {
  if (!plain_bytes(line)) return std::nullopt;
  const char* p = line.data();
  const std::size_t n = line.size();
  if (n == 0 || p[0] == '#') return LineKind::blank;

  // DATE, then at least one space.
  if (n < 11 || p[4] != '-' || p[7] != '-' || p[10] != ' ') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_digit(p[i])) return std::nullopt;
  auto num = [&](std::size_t i, std::size_t len) PLAN_HOT_LAMBDA {
    int v = 0;
    for (std::size_t k = i; k < i + len; ++k) v = v * 10 + (p[k] - '0');
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (!Date::is_valid(y, m, d)) return std::nullopt;
  std::size_t pos = 10;
  auto skip_spaces = [&]() PLAN_HOT_LAMBDA {
    while (pos < n && p[pos] == ' ') ++pos;
  };
  skip_spaces();

  // ID, then at least one space.
  std::size_t start = pos;
  pos = find_first<' '>(p, pos, n);
  if (pos == start || pos == n) return std::nullopt;
  std::int64_t index = find(line.substr(start, pos - start));
  if (index < 0) return std::nullopt;
  const Indicator& ind = plan_.indicators[static_cast<std::size_t>(index)];
  skip_spaces();

  // VALUE: done/undone, or [+-]digits[.digits][%] with at most 12 digits
  // before the point and 6 after, so that the micros fit with room to spare.
  start = pos;
  pos = find_first<' '>(p, pos, n);
  std::string_view v = line.substr(start, pos - start);
  if (v.empty() || v[0] == '#') return std::nullopt;
  bool is_state = v == "done" || v == "undone";
  // `explain` (an explanation, rare) is neither a state nor a number, so it
  // goes to parse_line below like any other unusual value.
  if ((ind.kind == Kind::milestone) != is_state) return std::nullopt;
  std::int64_t micros = 0;
  if (!is_state) {
    std::size_t i = 0;
    bool negative = false;
    if (v[0] == '+' || v[0] == '-') negative = v[i++] == '-';
    std::size_t digits = i;
    // Reads at most one digit more than allowed, so that a long run of
    // digits is refused before it overflows (found by fuzz/, records).
    while (i < v.size() && is_digit(v[i]) && i - digits <= 12)
      micros = micros * 10 + (v[i++] - '0');
    if (i == digits || i - digits > 12) return std::nullopt;
    std::int64_t scale = Decimal::kScale;
    if (i < v.size() && v[i] == '.') {
      std::size_t frac = ++i;
      std::int64_t f = 0;
      while (i < v.size() && is_digit(v[i]) && i - frac <= 6) f = f * 10 + (v[i++] - '0');
      if (i == frac || i - frac > 6) return std::nullopt;
      for (std::size_t k = frac; k < i; ++k) scale /= 10;
      micros = micros * Decimal::kScale + f * scale;
    } else {
      micros *= Decimal::kScale;
    }
    if (i < v.size() && v[i] == '%' && ind.is_percent()) ++i;
    if (i != v.size()) return std::nullopt;
    if (negative) micros = -micros;
    if (micros < 0 && is_level(ind.kind)) return std::nullopt;
  }

  // *TAG [COMMENT]
  std::size_t ntags = 0;
  entry->by_column = 0;
  for (;;) {
    skip_spaces();
    if (pos == n || p[pos] == '#') break;
    start = pos;
    while (pos < n && is_key_char(p[pos])) ++pos;
    if (pos == start || pos == n || p[pos] != '=') return std::nullopt;
    std::string_view key = line.substr(start, pos - start);
    for (std::size_t t = 0; t < ntags; ++t)
      if (entry->tags[t].first == key) return std::nullopt;
    ++pos;  // '='
    if (key == "by")
      entry->by_column = static_cast<int>(valid_code_points(line.substr(0, pos))) + 1;
    std::string_view value;
    if (pos < n && p[pos] == '"') {
      start = ++pos;
      pos = find_first<'"', '\\'>(p, pos, n);
      if (pos == n || p[pos] == '\\') return std::nullopt;
      value = line.substr(start, pos - start);
      ++pos;  // the closing quote
      if (pos < n && p[pos] != ' ') return std::nullopt;
    } else {
      start = pos;
      pos = find_first<' ', '"', '#'>(p, pos, n);
      if (pos == start || (pos < n && p[pos] != ' ')) return std::nullopt;
      value = line.substr(start, pos - start);
    }
    if (ntags == entry->tags.size()) entry->tags.emplace_back();
    set(entry->tags[ntags].first, key);
    set(entry->tags[ntags].second, value);
    ++ntags;
  }

  entry->tags.resize(ntags);
  entry->date = Date::from_ymd(y, m, d);
  set(entry->id, ind.id);
  entry->indicator = static_cast<std::size_t>(index);
  entry->is_state = is_state;
  entry->is_explanation = false;
  entry->done = v == "done";
  entry->amount = Decimal::from_units(micros);
  set(entry->where.file, where.file);
  entry->where.line = where.line;
  entry->where.column = 1;
  return LineKind::entry;
}

}  // namespace plan
