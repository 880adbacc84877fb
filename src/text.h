// UTF-8 text as a terminal shows it: code points, display widths (CJK
// characters take two columns), and neutralising control characters from
// untrusted text (record notes) before it reaches a terminal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace plan {

// Length of the valid UTF-8 sequence at s[i]: 1 for ASCII, 2 to 4 for a
// well-formed multi-byte character; 0 when invalid (bad lead byte, truncated,
// overlong, a surrogate, above U+10FFFF). The one validity rule of the
// project; inline because the record reader runs it on every non-ASCII
// character.
inline std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  auto cont = [&](std::size_t k) { return (b(k) & 0xC0) == 0x80; };
  unsigned c = b(0);
  if (i < s.size() && c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if ((c == 0xE0 && b(1) < 0xA0) || (c == 0xED && b(1) >= 0xA0)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if ((c == 0xF0 && b(1) < 0x90) || (c == 0xF4 && b(1) >= 0x90)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

// Whether all 8 bytes of w (loaded from memory in any byte order) are
// printable ASCII (0x20..0x7E): the word-at-a-time test with which readers
// skip the plain runs of a line.
inline bool all_printable_ascii(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101, kHigh = 0x8080808080808080;
  std::uint64_t del = w ^ (kOnes * 0x7F);
  return ((w | ((w - kOnes * 0x20) & ~w) | ((del - kOnes) & ~del)) & kHigh) == 0;
}

// The 8 bytes at p as one word, in the machine's byte order: how readers
// look at a line a word at a time.
[[gnu::always_inline]] inline std::uint64_t load_u64(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// The same for 4 bytes.
[[gnu::always_inline]] inline std::uint32_t load_u32(const char* p) {
  std::uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}

// The bytes of w equal to b, flagged in their high bit. A flag may be
// false only above a true one, so the lowest flag always marks a match, and
// the word is zero exactly when no byte is b.
[[gnu::always_inline]] inline std::uint64_t bytes_equal(std::uint64_t w, unsigned char b) {
  constexpr std::uint64_t kOnes = 0x0101010101010101, kHigh = 0x8080808080808080;
  const std::uint64_t x = w ^ (kOnes * b);
  return (x - kOnes) & ~x & kHigh;
}

// Whether a and b hold the same bytes, compared a word at a time inline
// (the last word overlapping), so that the short strings of record lines --
// ids, tag keys and values -- cost no call to memcmp.
[[gnu::always_inline]] inline bool same_text(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char *x = a.data(), *y = b.data();
  if (n >= 8 && n <= 32) {
    // Four words, overlapping, with no loop: a loop's exit, at a length
    // that changes from one id or tag to the next, is mispredicted.
    const std::size_t i = n >= 16 ? 8 : n - 8, j = n >= 16 ? n - 16 : 0;
    return ((load_u64(x) ^ load_u64(y)) | (load_u64(x + i) ^ load_u64(y + i)) |
            (load_u64(x + j) ^ load_u64(y + j)) | (load_u64(x + n - 8) ^ load_u64(y + n - 8))) == 0;
  }
  if (n > 32) {
    for (std::size_t i = 0; i + 8 < n; i += 8)
      if (load_u64(x + i) != load_u64(y + i)) return false;
    return load_u64(x + n - 8) == load_u64(y + n - 8);
  }
  if (n >= 4) return load_u32(x) == load_u32(y) && load_u32(x + n - 4) == load_u32(y + n - 4);
  // One to three bytes: the first, middle and last cover them all.
  if (n == 0) return true;
  return (x[0] == y[0]) & (x[n / 2] == y[n / 2]) & (x[n - 1] == y[n - 1]);
}

// Byte length of the UTF-8 sequence that starts `s` (1 for an invalid lead
// byte, so that loops always advance). s must not be empty.
std::size_t utf8_length(std::string_view s);

// Byte offset of the first invalid UTF-8 sequence (bad lead byte, truncated or
// overlong sequence, surrogate, > U+10FFFF), or nullopt when `s` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// s with the full-width forms of ASCII (U+FF01 to U+FF5E: ２０１９, Ｑ, －),
// as a Chinese input method types them, as ASCII, and the ideographic
// space (U+3000) as a space; everything else as it is.
std::string halfwidth(std::string_view s);

// Number of code points in s (s assumed valid UTF-8).
std::size_t code_points(std::string_view s);

// Columns a terminal uses for the code point starting s: 2 for East Asian
// wide/fullwidth characters, 0 for combining marks, 1 otherwise.
int display_width(std::string_view s);

// Sum of display_width over the code points of s.
int text_width(std::string_view s);

// s cut to at most `width` columns, ending in "…" when cut; never splits a
// character, so the result may be one column narrower than asked.
std::string truncate_to_width(std::string_view s, int width);
// s as lines of at most `width` columns joined by '\n' (no final newline),
// every line after the first starting with `indent` spaces; width <= 0: s
// as it is. A line breaks after a space or a Chinese list mark (、，；：。)
// in its second half, else between any two characters (Chinese has no
// spaces to break at) but never before a closing mark (）， 。”): the
// character before it comes down too. A character is never split, and a
// line always takes at least one.
std::string wrap_to_width(std::string_view s, int width, int indent);
// s's first (last) whole characters filling at most `width` columns.
std::string head_within(std::string_view s, int width);
std::string tail_within(std::string_view s, int width);

// s padded with spaces to `width` columns (left- or right-aligned).
std::string pad_right(std::string_view s, int width);
std::string pad_left(std::string_view s, int width);

// The one policy for bytes that are not UTF-8 (a GBK file name from a
// Windows share, say) on their way to any output: each invalid byte becomes
// the four characters "\xNN", everything else is kept as it is. Every
// renderer applies it (sanitize() below includes it), and so does the JSON
// writer (json_writer.h), so that no output is invalid UTF-8.
std::string valid_utf8(std::string_view s);

// Control characters (C0 except tab, DEL, C1) become visible escapes such as
// "\x1b", so that text from records can never move the cursor or change the
// terminal's colours. Invalid UTF-8 bytes become "\xNN" too. Characters that
// are invisible yet change how a line reads — bidirectional overrides and
// isolates (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F, U+061C), the
// zero-width space and joiners (U+200B..U+200D, U+2060), the byte order mark
// (U+FEFF) and the line and paragraph separators (U+2028, U+2029) — are
// shown as "<U+202E>", so that a note cannot make a line look like another.
std::string sanitize(std::string_view s);

// Text from the plan or the records on one line: tabs and line breaks
// become spaces, then sanitize(). What a terminal line, a heading or a
// plain-text digest shows.
std::string one_line(std::string_view s);

// The UTF-8 byte order mark (U+FEFF), which Excel writes at the start of
// "CSV UTF-8" and which readers skip.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// ASCII letters in lower case; other bytes (UTF-8 included) unchanged.
std::string ascii_lower(std::string_view s);

// A unit's name as one safe path component (the files of --each-unit):
// ASCII letters, digits, ".", "_", "-" and non-ASCII text (bytes 0x80 and
// above: 人社局) are kept and every other byte is written %XX (upper-case
// hex), so that "a/b" gives "a%2Fb", "a%b" "a%25b" and "HR office"
// "HR%20office", and two names never give the same component.
std::string file_name_part(std::string_view name);

// A block filled `eighths` eighths from the left (1 to 7: "▏" … "▉"; "" for
// 0): the partial cell at the end of a bar of "█".
std::string_view partial_block(int eighths);

}  // namespace plan
