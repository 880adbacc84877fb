#include "record_fast.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text.h"

namespace plan {

namespace {

// The code points of `s`, which is valid UTF-8 (the line passed
// plain_bytes): its bytes less its continuation bytes (10xxxxxx), counted a
// word at a time. code_points() decodes each character, which cost more
// than the rest of the line's parse on every line with a by= tag.
std::size_t valid_code_points(std::string_view s) {
  constexpr std::uint64_t kHigh = 0x8080808080808080;
  const char* p = s.data();
  std::size_t n = s.size(), count = n, i = 0;
  for (; i + 8 <= n; i += 8) {
    const std::uint64_t w = load_u64(p + i);
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

// Position of the first byte at or after pos that is one of the `stops`
// (at most three), or n: sixteen bytes at a time while `readable` bytes
// from p allow it (the bytes past n are the reader's buffer, never
// answered), then eight, then one at a time.
template <unsigned char A, unsigned char B = A, unsigned char C = A>
PLAN_HOT std::size_t find_first(const char* p, std::size_t pos, std::size_t n,
                                std::size_t readable) {
#if defined(__SSE2__)
  for (; pos < n && pos + 16 <= readable; pos += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos));
    __m128i m = _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(A)));
    if constexpr (B != A)
      m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(B))));
    if constexpr (C != A)
      m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(C))));
    if (const int bits = _mm_movemask_epi8(m))
      return std::min(n,
                      pos + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(bits))));
  }
  if (pos >= n) return n;
#else
  (void)readable;
#endif
  for (; pos + 8 <= n; pos += 8) {
    std::uint64_t w = load_u64(p + pos);
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

// The id hash: the first and last eight bytes (four for short ids) and the
// length, multiplied: no loop, and ids that share a prefix such as "jobs."
// still differ at their end. A product's high bits depend on every bit of
// what was multiplied, its low bits only on the low bits, so a table takes
// its index from the high bits (index_of): from the low ones, ids that
// differ only in their last three bytes ("..._2019", "..._2020") always
// met (found by review). Ids that share both ends meet in the table's
// probing, which compares whole ids.
PLAN_HOT std::uint64_t hash_id(std::string_view id) {
  const char* p = id.data();
  const std::size_t n = id.size();
  std::uint64_t a = 0, b = 0;
  if (n >= 8) {
    a = load_u64(p);
    b = load_u64(p + n - 8);
  } else if (n >= 4) {
    a = load_u32(p);
    b = load_u32(p + n - 4);
  } else if (n > 0) {
    a = static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[n / 2]) << 8 |
        static_cast<unsigned char>(p[n - 1]) << 16;
  }
  return ((a ^ n) * 0x9E3779B97F4A7C15ull) ^ (b * 0xBF58476D1CE4E5B9ull);
}

// The index in a table of 2^bits entries of the hash h (hash_id): its top
// bits. REQUIRES: 0 < bits < 64 (the tables here have 16 entries or more).
PLAN_HOT std::uint64_t index_of(std::uint64_t h, unsigned bits) {
  return h >> (64 - bits);
}

PLAN_HOT bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// How many of the eight bytes at p are ASCII digits before the first one
// that is not (8 if all are), on a little-endian machine. Byte by byte,
// with no carry or borrow reaching a byte before the first non-digit: a
// digit minus '0' is 0..9, and 0..9 plus 0x76 stays below 0x80, while any
// other byte has its high bit set by one of the two.
PLAN_HOT std::size_t leading_digits(const char* p) {
  const std::uint64_t d = load_u64(p) - kOnes * '0';
  const std::uint64_t other = (d | (d + kOnes * 0x76)) & kHigh;
  return other ? static_cast<std::size_t>(__builtin_ctzll(other)) / 8 : 8;
}

// The number the first k (0..8) bytes at p spell, all of them digits, on a
// little-endian machine: shifted so that the digits fill the word's top
// bytes (zeros before them are leading zeros; in two steps, so that k = 0
// shifts all out), then pairs, quads and halves combined by multiplying (no
// lane overflows into the next).
PLAN_HOT std::uint64_t digits_value(const char* p, std::size_t k) {
  std::uint64_t x = ((load_u64(p) - kOnes * '0') << (4 * (8 - k))) << (4 * (8 - k));
  x = (x * 10 + (x >> 8)) & 0x00FF00FF00FF00FFull;
  x = (x * 100 + (x >> 16)) & 0x0000FFFF0000FFFFull;
  return (x * 10000 + (x >> 32)) & 0xFFFFFFFFull;
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

// The position of the first byte at or after pos that is not a key
// character, or n: sixteen at a time where `readable` allows (keys are
// short: one block mostly does).
PLAN_HOT std::size_t skip_key_chars(const char* p, std::size_t pos, std::size_t n,
                                    std::size_t readable) {
#if defined(__SSE2__)
  for (; pos < n && pos + 16 <= readable; pos += 16) {
    // Signed compares: bytes 80..FF are negative, below 'a'.
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos));
    const __m128i lower = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('a' - 1)),
                                        _mm_cmplt_epi8(x, _mm_set1_epi8('z' + 1)));
    const auto key = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(lower, _mm_cmpeq_epi8(x, _mm_set1_epi8('_')))));
    if (key != 0xFFFF) return std::min(n, pos + static_cast<std::size_t>(__builtin_ctz(~key)));
  }
  if (pos >= n) return n;  // the bytes after the line were key characters too
#else
  (void)readable;
#endif
  while (pos < n && is_key_char(p[pos])) ++pos;
  return pos;
}

// The bytes of a line parse_line accepts without a second look, as a
// byte-at-a-time automaton: printable ASCII, and valid UTF-8 (as
// utf8_sequence in text.h decides) that is neither a C1 control (C2 80..9F),
// nor a full-width space (U+3000, E3 80 80: an error outside quotes), nor a
// byte order mark (U+FEFF, EF BB BF). Tabs and other controls are left to
// the full parser too. State 0 is "between characters"; kReject is a sink.
class Utf8Automaton {
 public:
  enum State : std::uint8_t {
    kStart,
    kReject,
    kCont1,    // one continuation byte to go: 80..BF
    kCont2,    // two to go
    kCont3,    // three to go
    kAfterC2,  // A0..BF (80..9F would be a C1 control)
    kAfterE0,  // A0..BF, then one more (no overlong forms)
    kAfterE3,  // 80 may begin U+3000
    kAfterE380,
    kAfterED,  // 80..9F, then one more (no surrogates)
    kAfterEF,  // BB may begin U+FEFF
    kAfterEFBB,
    kAfterF0,  // 90..BF, then two more
    kAfterF4,  // 80..8F, then two more (nothing above U+10FFFF)
    kStates
  };

  constexpr Utf8Automaton() {
    auto to = [&](State from, int lo, int hi, State next) {
      for (int c = lo; c <= hi; ++c) next_[from][c] = next;
    };
    for (auto& row : next_)
      for (auto& cell : row) cell = kReject;
    to(kStart, 0x20, 0x7E, kStart);
    to(kStart, 0xC2, 0xC2, kAfterC2);
    to(kStart, 0xC3, 0xDF, kCont1);
    to(kStart, 0xE0, 0xE0, kAfterE0);
    to(kStart, 0xE1, 0xEC, kCont2);
    to(kStart, 0xE3, 0xE3, kAfterE3);
    to(kStart, 0xED, 0xED, kAfterED);
    to(kStart, 0xEE, 0xEE, kCont2);
    to(kStart, 0xEF, 0xEF, kAfterEF);
    to(kStart, 0xF0, 0xF0, kAfterF0);
    to(kStart, 0xF1, 0xF3, kCont3);
    to(kStart, 0xF4, 0xF4, kAfterF4);
    to(kCont1, 0x80, 0xBF, kStart);
    to(kCont2, 0x80, 0xBF, kCont1);
    to(kCont3, 0x80, 0xBF, kCont2);
    to(kAfterC2, 0xA0, 0xBF, kStart);
    to(kAfterE0, 0xA0, 0xBF, kCont1);
    to(kAfterE3, 0x80, 0x80, kAfterE380);
    to(kAfterE3, 0x81, 0xBF, kCont1);
    to(kAfterE380, 0x81, 0xBF, kStart);
    to(kAfterED, 0x80, 0x9F, kCont1);
    to(kAfterEF, 0x80, 0xBA, kCont1);
    to(kAfterEF, 0xBB, 0xBB, kAfterEFBB);
    to(kAfterEF, 0xBC, 0xBF, kCont1);
    to(kAfterEFBB, 0x80, 0xBE, kStart);
    to(kAfterF0, 0x90, 0xBF, kCont2);
    to(kAfterF4, 0x80, 0x8F, kCont2);
  }

  PLAN_HOT State next(State s, char c) const { return next_[s][static_cast<unsigned char>(c)]; }

 private:
  State next_[kStates][256] = {};
};
constexpr Utf8Automaton kUtf8;

// Whether every byte of the line is one parse_line accepts without a second
// look (Utf8Automaton); `*ascii` is set to a length of the line's start that
// is plain ASCII (bytes before it need no UTF-8 decoding to count columns).
// Printable ASCII goes eight bytes at a time.
bool plain_bytes_slow(const char* p, std::size_t n, std::size_t* ascii) {
  std::size_t i = 0;
  while (i + 8 <= n && all_printable_ascii(load_u64(p + i))) i += 8;
  *ascii = i;
  Utf8Automaton::State state = Utf8Automaton::kStart;
  while (i < n) {
    if (state == Utf8Automaton::kStart && static_cast<unsigned char>(p[i]) < 0x80 && i + 8 <= n &&
        all_printable_ascii(load_u64(p + i))) {
      i += 8;
      continue;
    }
    state = kUtf8.next(state, p[i++]);
  }
  return state == Utf8Automaton::kStart;
}

#if defined(__SSE2__)
// The same sixteen bytes at a time for the lines nearly every ledger is made
// of: printable ASCII and three-byte characters with lead bytes E1..EF but
// ED (all of CJK's ideographs, E4..E9, its punctuation, E2, E3 and EF; ED
// would need its second byte looked at, for surrogates). A line with any
// other byte is handed to the automaton, which judges it exactly. `readable` bytes
// from p may be loaded (at least n); past n they are masked out.
PLAN_HOT bool plain_bytes(const char* p, std::size_t n, std::size_t readable, std::size_t* ascii) {
  const __m128i del = _mm_set1_epi8(0x7F), below_space = _mm_set1_epi8(0x1F),
                cont_end = _mm_set1_epi8(-64),                     // 0xC0
      lead_lo = _mm_set1_epi8(-32), lead_hi = _mm_set1_epi8(-16),  // E0, F0
      e3 = _mm_set1_epi8(static_cast<char>(0xE3)), ed = _mm_set1_epi8(static_cast<char>(0xED)),
                ef = _mm_set1_epi8(static_cast<char>(0xEF));
  std::uint32_t carry = 0;  // continuation bytes owed at the block's positions 0 and 1
  std::size_t first_other = n;
  // Whole blocks of the line first, with no check of their length: the
  // line's first bytes are ASCII (a date, an id, a value), and a block of
  // nothing else costs one compare.
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    if (_mm_movemask_epi8(
            _mm_andnot_si128(_mm_cmpeq_epi8(x, del), _mm_cmpgt_epi8(x, below_space))) != 0xFFFF)
      break;  // the loop below looks at this block again
  }
  for (; i < n; i += 16) {
    __m128i x;
    if (i + 16 <= readable) {
      x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    } else {
      alignas(16) char tail[16] = {};
      std::memcpy(tail, p + i, n - i);
      x = _mm_load_si128(reinterpret_cast<const __m128i*>(tail));
    }
    const std::uint32_t valid = n - i >= 16 ? 0xFFFF : (1u << (n - i)) - 1;
    const auto mask = [](__m128i m) PLAN_HOT_LAMBDA {
      return static_cast<std::uint32_t>(_mm_movemask_epi8(m));
    };
    // Signed compares: bytes 80..FF are negative.
    const std::uint32_t printable =
        mask(_mm_andnot_si128(_mm_cmpeq_epi8(x, del), _mm_cmpgt_epi8(x, below_space))) & valid;
    if (printable == valid) {
      if (carry) return plain_bytes_slow(p, n, ascii);
      continue;
    }
    if (first_other == n) first_other = i + static_cast<std::size_t>(__builtin_ctz(~printable));
    const std::uint32_t cont = mask(_mm_cmplt_epi8(x, cont_end)) & valid;
    const std::uint32_t lead =
        mask(_mm_andnot_si128(_mm_cmpeq_epi8(x, ed), _mm_and_si128(_mm_cmpgt_epi8(x, lead_lo),
                                                                   _mm_cmplt_epi8(x, lead_hi)))) &
        valid;
    // Each lead byte owes the two bytes after it, which must be exactly the
    // continuation bytes.
    const std::uint32_t owed = (lead << 1) | (lead << 2) | carry;
    if ((printable | cont | lead) != valid || (owed & 0xFFFF) != cont || (owed & lead) != 0)
      return plain_bytes_slow(p, n, ascii);
    carry = owed >> 16;
    // E3 and EF lead the full-width punctuation of Chinese text (、。 and
    // ，：（）), and two characters of theirs are refused: the full-width
    // space U+3000 (E3 80 80) and the byte order mark U+FEFF (EF BB BF),
    // looked for byte by byte after those leads only.
    for (std::uint32_t special =
             lead & mask(_mm_or_si128(_mm_cmpeq_epi8(x, e3), _mm_cmpeq_epi8(x, ef)));
         special != 0; special &= special - 1) {
      const std::size_t j = i + static_cast<std::size_t>(__builtin_ctz(special));
      if (j + 2 >= n) return plain_bytes_slow(p, n, ascii);  // cut short: refused
      const auto second = static_cast<unsigned char>(p[j + 1]),
                 third = static_cast<unsigned char>(p[j + 2]);
      if (p[j] == '\xE3' ? second == 0x80 && third == 0x80 : second == 0xBB && third == 0xBF)
        return plain_bytes_slow(p, n, ascii);
    }
  }
  if (carry) return plain_bytes_slow(p, n, ascii);
  *ascii = first_other;
  return true;
}
#else
PLAN_HOT bool plain_bytes(const char* p, std::size_t n, std::size_t /*readable*/,
                          std::size_t* ascii) {
  return plain_bytes_slow(p, n, ascii);
}
#endif

// Assigns only when the text differs: consecutive lines repeat ids, keys
// and many values, and a comparison is cheaper than a copy. Clear and
// append: within the string's capacity a plain copy, where assign() would
// first work out whether the two overlap.
PLAN_HOT void set(std::string& s, std::string_view v) {
  if (same_text(s, v)) return;
  s.clear();
  s.append(v.data(), v.size());
}

}  // namespace

FastLineParser::FastLineParser(const Plan& plan) : plan_(plan) {
  // As if a line of 1970-01-01 had been read: a date a line may repeat.
  std::memcpy(&last_date_.word, "1970-01-01", 8);
  std::memcpy(&last_date_.tail, "1970-01-01" + 8, 2);
  last_date_.date = Date::from_ymd(1970, 1, 1);
  last_date_.ymd = Ymd{1970, 1, 1};
  std::size_t size = 16;
  while (size < 4 * plan.indicators.size()) size *= 2;
  slots_.assign(size, Slot{});
  mask_ = size - 1;
  bits_ = static_cast<unsigned>(std::countr_zero(size));
  for (std::size_t i = 0; i < plan.indicators.size(); ++i) {
    const std::string& id = plan.indicators[i].id;
    // Only ids a record line can spell, so that finding the id between two
    // spaces also proves its characters valid; a duplicate id: the first
    // one, as Plan::find.
    bool spellable = !id.empty();
    for (char c : id) spellable = spellable && kIdChars.ok[static_cast<unsigned char>(c)];
    if (!spellable || find(id, 0) >= 0) continue;
    std::uint64_t h = index_of(hash_id(id), bits_);
    while (slots_[h].index != 0) h = (h + 1) & mask_;
    Slot& slot = slots_[h];
    slot.index = static_cast<std::uint32_t>(i + 1);
    slot.size = static_cast<std::uint32_t>(id.size());
    if (id.size() <= kSlotText) std::memcpy(slot.text, id.data(), id.size());
  }
}

PLAN_HOT std::int64_t FastLineParser::find(std::string_view id, std::size_t readable) const {
  const std::size_t n = id.size();
  for (std::uint64_t h = index_of(hash_id(id), bits_);; h = (h + 1) & mask_) {
    const Slot& s = slots_[h];
    if (s.index == 0) return -1;
    if (s.size != n) continue;
#if defined(__SSE2__)
    if (n <= kSlotText && readable >= kSlotText) {
      // The id's bytes against the slot's, 32 at once; the bytes after the
      // id (a space, then the value) are not asked.
      const auto* a = reinterpret_cast<const __m128i*>(id.data());
      const auto* b = reinterpret_cast<const __m128i*>(s.text);
      const auto same = [](const __m128i* x, const __m128i* y) PLAN_HOT_LAMBDA {
        return static_cast<std::uint64_t>(static_cast<unsigned>(
            _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(x), _mm_loadu_si128(y)))));
      };
      const std::uint64_t want = (std::uint64_t{1} << n) - 1;
      if (((same(a, b) | same(a + 1, b + 1) << 16) & want) == want) return s.index - 1;
      continue;
    }
#else
    (void)readable;
#endif
    if (same_text(plan_.indicators[s.index - 1].id, id)) return s.index - 1;
  }
}

template <class Out>
std::optional<LineKind> FastLineParser::read(std::string_view line, const Location& where, Out* out,
                                             std::size_t readable) const {
  const char* p = line.data();
  const std::size_t n = line.size();
  readable = std::max(readable, n);
  std::size_t ascii;  // p[0, ascii) is printable ASCII
  if (n == 0 || p[0] == '#') {
    if (!plain_bytes(p, n, readable, &ascii)) return std::nullopt;
    return LineKind::blank;
  }
  // An entry's bytes are checked as it is read: the date, id and value
  // only by being what they must be (digits, an id of the plan, a number),
  // which are printable ASCII; the tags, where any text may be, in one
  // pass (plain_bytes) before they are read.

  // DATE, then at least one space. Most lines repeat the date of the line
  // before (a unit files a period's figures together), which is then not
  // read again.
  if (n < 11 || p[10] != ' ') return std::nullopt;
  const std::uint64_t date_word = load_u64(p);
  std::uint16_t date_tail;
  std::memcpy(&date_tail, p + 8, 2);
  if (date_word != last_date_.word || date_tail != last_date_.tail) {
    if (!is_digit(p[8]) || !is_digit(p[9])) return std::nullopt;
    if constexpr (std::endian::native == std::endian::little) {
      // "YYYY-MM-" as one word: bytes 0-3 and 5-6 digits (high nibble 3,
      // and still 3 after adding 6), bytes 4 and 7 '-'.
      constexpr std::uint64_t kDigits = 0x00FFFF00FFFFFFFFull, kNibbles = 0xF0F0F0F0F0F0F0F0ull;
      constexpr std::uint64_t kThrees = 0x3030303030303030ull & kDigits & kNibbles;
      const std::uint64_t w = date_word;
      if ((w & ~kDigits) != 0x2D00002D00000000ull || (w & kDigits & kNibbles) != kThrees ||
          ((w + 0x0606060606060606ull) & kDigits & kNibbles) != kThrees)
        return std::nullopt;
    } else {
      if (p[4] != '-' || p[7] != '-') return std::nullopt;
      for (std::size_t i : {0, 1, 2, 3, 5, 6})
        if (!is_digit(p[i])) return std::nullopt;
    }
    const int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
    const int m = (p[5] - '0') * 10 + (p[6] - '0');
    const int d = (p[8] - '0') * 10 + (p[9] - '0');
    if (!Date::is_valid(y, m, d)) return std::nullopt;
    last_date_ = {date_word, date_tail, Date::from_ymd(y, m, d), Ymd{y, m, d}};
  }
  std::size_t pos = 10;
  // Runs of spaces, eight bytes at a time where the buffer allows.
  auto skip_spaces = [&]() PLAN_HOT_LAMBDA {
    // Fields are mostly two spaces apart, as plan writes them.
    if (pos + 2 < n && p[pos] == ' ' && p[pos + 1] == ' ' && p[pos + 2] != ' ') {
      pos += 2;
      return;
    }
    for (;;) {
      if (pos >= n) {
        pos = n;
        return;
      }
      if (pos + 8 > readable) {
        while (pos < n && p[pos] == ' ') ++pos;
        return;
      }
      // The first byte that is not a space, in memory order.
      if (const std::uint64_t other = load_u64(p + pos) ^ (kOnes * ' ')) {
        const int bits = std::endian::native == std::endian::little ? __builtin_ctzll(other)
                                                                    : __builtin_clzll(other);
        pos = std::min(n, pos + static_cast<std::size_t>(bits) / 8);
        return;
      }
      pos += 8;
    }
  };
  skip_spaces();

  // ID, then at least one space.
  std::size_t start = pos;
  pos = find_first<' '>(p, pos, n, readable);
  if (pos == start || pos == n) return std::nullopt;
  std::int64_t index = find(std::string_view(p + start, pos - start), readable - start);
  if (index < 0) return std::nullopt;
  const Indicator& ind = plan_.indicators[static_cast<std::size_t>(index)];
  skip_spaces();

  // VALUE: done/undone, or [+-]digits[.digits][%] with at most 12 digits
  // before the point and 6 after, so that the micros fit with room to spare.
  start = pos;
  // Every byte before the value is ASCII (date, spaces, id): its column is
  // its offset.
  const int value_column = static_cast<int>(start) + 1;
  pos = find_first<' '>(p, pos, n, readable);
  const char* v = p + start;
  const std::size_t vn = pos - start;
  if (vn == 0 || v[0] == '#') return std::nullopt;
  // A milestone's value is a state, anything else's a number: a state
  // where a number belongs fails to read as one, below. `explain` (an
  // explanation, rare) is neither, so it goes to parse_line like any other
  // unusual value.
  bool done = false, is_state = false;
  if (ind.kind == Kind::milestone) {
    const std::string_view value_text(v, vn);
    done = same_text(value_text, "done");
    is_state = done || same_text(value_text, "undone");
    if (!is_state) return std::nullopt;
  }
  std::int64_t micros = 0;
  if (std::endian::native == std::endian::little && !is_state && vn <= 8 && start + 8 <= readable &&
      leading_digits(v) >= vn) {
    // The common value: up to eight digits and nothing else, a whole
    // number of any kind of indicator.
    micros = static_cast<std::int64_t>(digits_value(v, vn)) * Decimal::kScale;
  } else if (!is_state) {
    std::size_t i = 0;
    bool negative = false;
    if (v[0] == '+' || v[0] == '-') negative = v[i++] == '-';
    const std::size_t digits = i;
    bool read = false;  // the digits and decimals, by words
    if constexpr (std::endian::native == std::endian::little) {
      if (start + vn + 8 <= readable) {
        // Up to eight digits as one word and up to six decimals as
        // another, with no loop: a loop's exit, at a length that changes
        // from line to line, is mispredicted.
        std::size_t k = std::min(leading_digits(v + i), vn - i);
        micros = static_cast<std::int64_t>(digits_value(v + i, k));
        i += k;
        // More than eight digits, one at a time. Reads at most one digit
        // more than allowed, so that a long run of digits is refused
        // before it overflows (found by fuzz/, records).
        if (k == 8)
          while (i < vn && is_digit(v[i]) && i - digits <= 12)
            micros = micros * 10 + (v[i++] - '0');
        if (i == digits || i - digits > 12) return std::nullopt;
        micros *= Decimal::kScale;
        if (i < vn && v[i] == '.') {
          ++i;
          k = std::min(leading_digits(v + i), vn - i);
          if (k == 0 || k > 6) return std::nullopt;
          // k decimals are units of 10^-k: scaled to millionths.
          static constexpr std::int64_t kScaleBy[7] = {0, 100'000, 10'000, 1'000, 100, 10, 1};
          static_assert(Decimal::kScale == 1'000'000);
          micros += static_cast<std::int64_t>(digits_value(v + i, k)) * kScaleBy[k];
          i += k;
        }
        read = true;
      }
    }
    if (!read) {
      // One at a time (always on big-endian machines), with the same limits.
      while (i < vn && is_digit(v[i]) && i - digits <= 12) micros = micros * 10 + (v[i++] - '0');
      if (i == digits || i - digits > 12) return std::nullopt;
      std::int64_t scale = Decimal::kScale;
      if (i < vn && v[i] == '.') {
        std::size_t frac = ++i;
        std::int64_t f = 0;
        while (i < vn && is_digit(v[i]) && i - frac <= 6) f = f * 10 + (v[i++] - '0');
        if (i == frac || i - frac > 6) return std::nullopt;
        for (std::size_t k = frac; k < i; ++k) scale /= 10;
        micros = micros * Decimal::kScale + f * scale;
      } else {
        micros *= Decimal::kScale;
      }
    }
    if (i < vn && v[i] == '%' && ind.is_percent()) ++i;
    if (i != vn) return std::nullopt;
    if (negative) micros = -micros;
    if (micros < 0 && is_level(ind.kind)) return std::nullopt;
  }

  // *TAG [COMMENT]
  constexpr bool kEntry = std::is_same_v<Out, Entry>;
  skip_spaces();
  const std::size_t tags_start = pos;
  // For a view, tags read before: what they were read as depends on their
  // text alone (the bytes before them are ASCII, so they start at a
  // character, and by='s column is theirs plus a byte a column before).
  SeenTags* seen = nullptr;
  if constexpr (!kEntry) {
    if (tags_start < n && n - tags_start <= kSeenTagsBytes) {
      const std::string_view text(p + tags_start, n - tags_start);
      const std::size_t set = index_of(hash_id(text), std::countr_zero(kSeenSets));
      SeenTags* ways = seen_tags_[set];
      const auto same = [&](const SeenTags& s) PLAN_HOT_LAMBDA {
        return s.size == text.size() && same_text({s.text, s.size}, text);
      };
      const int hit = same(ways[0]) ? 0 : same(ways[1]) ? 1 : -1;
      // Missed: the slot hit less lately takes this line's tags, below.
      const int way = hit >= 0 ? hit : 1 - seen_recent_[set];
      seen_recent_[set] = static_cast<std::uint8_t>(way);
      seen = &ways[way];
      if (hit >= 0) {
        fill_view(out, index, micros, is_state, done, where);
        out->value_column = value_column;
        out->by = seen->by;
        out->period = seen->period;
        out->note = seen->note;
        out->by_column =
            seen->by_points < 0 ? 0 : static_cast<int>(tags_start) + seen->by_points + 1;
        return LineKind::entry;
      }
    }
  }
  if (!plain_bytes(p + tags_start, n - tags_start, readable - tags_start, &ascii))
    return std::nullopt;
  ascii += tags_start;
  // The tags' keys so far, for duplicates: left uninitialized (a
  // string_view array would be cleared for every line).
  struct Key {
    const char* p;
    std::size_t n;
  } keys[kMaxTags];
  std::size_t ntags = 0;
  int by_column = 0;
  std::string_view by, period, note;  // views: the values an EntryView holds
  bool decoded_value[3] = {};         // by, period, note: a view of decoded_, not of the line
  for (;;) {
    skip_spaces();
    if (pos == n || p[pos] == '#') break;
    start = pos;
    pos = skip_key_chars(p, pos, n, readable);
    if (pos == start || pos == n || p[pos] != '=' || ntags == kMaxTags) return std::nullopt;
    const std::string_view key(p + start, pos - start);
    for (std::size_t t = 0; t < ntags; ++t)
      if (same_text({keys[t].p, keys[t].n}, key)) return std::nullopt;
    keys[ntags] = {key.data(), key.size()};
    ++pos;  // '='
    const bool is_by = same_text(key, "by");
    if (is_by) {
      // The value's column in code points: the ASCII start of the line
      // counts a column a byte.
      std::size_t points = pos <= ascii ? pos : ascii + valid_code_points({p + ascii, pos - ascii});
      by_column = static_cast<int>(points) + 1;
    }
    // Where a value with escapes is decoded to: the entry's tag, or for a
    // view the parser's own string for that key.
    std::string* decoded;
    std::string_view* view = nullptr;
    std::size_t k = 3;  // for a view: by, period, note, or a key no view holds
    if constexpr (kEntry) {
      if (ntags == out->tags.size()) out->tags.emplace_back();
      set(out->tags[ntags].first, key);
      decoded = &out->tags[ntags].second;
    } else {
      if (is_by)
        k = 0, view = &by;
      else if (same_text(key, "period"))
        k = 1, view = &period;
      else if (same_text(key, "note"))
        k = 2, view = &note;
      decoded = &decoded_[k];
    }
    std::string_view value;
    bool escaped = false;
    if (pos < n && p[pos] == '"') {
      start = ++pos;
      pos = find_first<'"', '\\'>(p, pos, n, readable);
      if (pos == n) return std::nullopt;
      if (p[pos] == '"') {
        value = {p + start, pos - start};
      } else {
        // Escapes, decoded as parse_line decodes them (unescaped, record.h);
        // an unknown one is an error, for parse_line to word.
        escaped = true;
        decoded->assign(p + start, pos - start);
        while (p[pos] == '\\') {
          const char c = pos + 1 < n ? unescaped(p[pos + 1]) : 0;
          if (c == 0) return std::nullopt;
          *decoded += c;
          start = pos + 2;
          pos = find_first<'"', '\\'>(p, start, n, readable);
          if (pos == n) return std::nullopt;
          decoded->append(p + start, pos - start);
        }
      }
      ++pos;  // the closing quote
      if (pos < n && p[pos] != ' ') return std::nullopt;
    } else {
      start = pos;
      pos = find_first<' ', '"', '#'>(p, pos, n, readable);
      if (pos == start || (pos < n && p[pos] != ' ')) return std::nullopt;
      value = {p + start, pos - start};
    }
    if constexpr (kEntry) {
      if (!escaped) set(*decoded, value);
    } else if (view) {
      *view = escaped ? std::string_view(*decoded) : value;
      decoded_value[k] = escaped;
    }
    ++ntags;
  }

  if constexpr (kEntry) {
    out->tags.resize(ntags);
    out->set_date(last_date_.date, last_date_.ymd);
    if (!same_text(out->id, ind.id)) out->id = ind.id;
    out->indicator = static_cast<std::size_t>(index);
    out->is_state = is_state;
    out->is_explanation = false;
    out->done = done;
    out->amount = Decimal::from_units(micros);
    out->by_column = by_column;
    out->value_column = value_column;
    assert(out->where.file == where.file);  // set by the caller (record_fast.h)
    out->where.line = where.line;
    out->where.column = 1;
  } else {
    fill_view(out, index, micros, is_state, done, where);
    out->value_column = value_column;
    out->by = by;
    out->period = period;
    out->note = note;
    out->by_column = by_column;
    if (seen) {
      const char* tags = p + tags_start;
      seen->size = n - tags_start;
      std::memcpy(seen->text, tags, seen->size);
      // A value read from the line is at the same place in the text kept;
      // one with escapes is kept decoded.
      const auto keep = [&](std::string_view value, std::size_t k) PLAN_HOT_LAMBDA {
        if (value.empty()) return std::string_view();
        if (!decoded_value[k])
          return std::string_view(seen->text + (value.data() - tags), value.size());
        seen->escaped[k].assign(value);
        return std::string_view(seen->escaped[k]);
      };
      seen->by = keep(by, 0);
      seen->period = keep(period, 1);
      seen->note = keep(note, 2);
      seen->by_points = by_column == 0 ? -1 : by_column - 1 - static_cast<int>(tags_start);
    }
  }
  return LineKind::entry;
}

void FastLineParser::fill_view(EntryView* out, std::int64_t index, std::int64_t micros,
                               bool is_state, bool done, const Location& where) const {
  out->indicator = static_cast<std::size_t>(index);
  out->date = last_date_.date;
  out->ymd = last_date_.ymd;
  out->amount = Decimal::from_units(micros);
  out->is_state = is_state;
  out->done = done;
  assert(out->file == &where.file);  // set by the caller (record_fast.h)
  out->line = where.line;
  out->column = 1;
}

std::optional<LineKind> FastLineParser::parse(std::string_view line, const Location& where,
                                              Entry* entry, std::size_t readable) const {
  return read(line, where, entry, readable);
}

std::optional<LineKind> FastLineParser::parse(std::string_view line, const Location& where,
                                              EntryView* view, std::size_t readable) const {
  return read(line, where, view, readable);
}

}  // namespace plan
