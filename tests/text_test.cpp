// Byte sequences are spelled out in hex so that the test says exactly what
// it feeds: 中 = E4 B8 AD, 文 = E6 96 87, Ａ (U+FF21) = EF BC A1.
#include "text.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace std::string_literals;

namespace plan {

TEST_CASE("utf8_length") {
  CHECK(utf8_length("a") == 1);
  CHECK(utf8_length("ab") == 1);
  CHECK(utf8_length("\xC3\xA9") == 2);          // é
  CHECK(utf8_length("中文") == 3);              // only the first character
  CHECK(utf8_length("\xF0\x9F\x98\x80") == 4);  // U+1F600
  // Invalid lead bytes, truncated and overlong sequences advance by one.
  CHECK(utf8_length("\x80") == 1);
  CHECK(utf8_length("\xFF") == 1);
  CHECK(utf8_length("\xE4\xB8") == 1);
  CHECK(utf8_length("\xE4\xB8x") == 1);
  CHECK(utf8_length("\xC0\xAF") == 1);
  CHECK(utf8_length("\xE0\x80\xAF") == 1);
}

TEST_CASE("find_invalid_utf8 accepts valid text") {
  CHECK_FALSE(find_invalid_utf8(""));
  CHECK_FALSE(find_invalid_utf8("plain ASCII\t"));
  CHECK_FALSE(find_invalid_utf8("更正：重复统计"));
  // The edges of each sequence length.
  CHECK_FALSE(find_invalid_utf8("\x7F"));              // U+007F
  CHECK_FALSE(find_invalid_utf8("\xC2\x80"));          // U+0080
  CHECK_FALSE(find_invalid_utf8("\xDF\xBF"));          // U+07FF
  CHECK_FALSE(find_invalid_utf8("\xE0\xA0\x80"));      // U+0800
  CHECK_FALSE(find_invalid_utf8("\xED\x9F\xBF"));      // U+D7FF, below the surrogates
  CHECK_FALSE(find_invalid_utf8("\xEE\x80\x80"));      // U+E000, above them
  CHECK_FALSE(find_invalid_utf8("\xEF\xBF\xBF"));      // U+FFFF
  CHECK_FALSE(find_invalid_utf8("\xF0\x90\x80\x80"));  // U+10000
  CHECK_FALSE(find_invalid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST_CASE(
    "find_invalid_utf8 on every three-byte sequence: as Unicode's table of well-formed ones") {
  // Table 3-7 of the Unicode Standard, for leads E0..EF, written out here
  // rather than taken from the code under test (which takes E1..EC and
  // EE..EF on a shorter path): E0 A0..BF 80..BF; E1..EC 80..BF 80..BF;
  // ED 80..9F 80..BF; EE..EF 80..BF 80..BF.
  const auto well_formed = [](unsigned a, unsigned b, unsigned c) {
    const bool cont_c = c >= 0x80 && c <= 0xBF;
    if (a == 0xE0) return b >= 0xA0 && b <= 0xBF && cont_c;
    if (a == 0xED) return b >= 0x80 && b <= 0x9F && cont_c;
    return b >= 0x80 && b <= 0xBF && cont_c;
  };
  int wrong = 0, valid = 0;
  for (unsigned a = 0xE0; a <= 0xEF; ++a)
    for (unsigned b = 0; b < 256; ++b)
      for (unsigned c = 0; c < 256; ++c) {
        // Between ASCII, so that the eight-byte ASCII skip does not hide it.
        const std::string s = {'x', static_cast<char>(a), static_cast<char>(b),
                               static_cast<char>(c), 'y'};
        const bool ok = well_formed(a, b, c);
        valid += ok;
        if (find_invalid_utf8(s) != (ok ? std::nullopt : std::optional<std::size_t>(1))) ++wrong;
      }
  CHECK(wrong == 0);
  CHECK(valid == 16 * 64 * 64 - 2 * 32 * 64);  // E0 and ED each lose half their second bytes
  // Cut short at the end: no third byte to read.
  CHECK(find_invalid_utf8("ab\xE4\xB8") == 2u);
}

TEST_CASE("find_invalid_utf8 gives the offset of the first bad sequence") {
  // Overlong forms of '/' (U+002F) in two, three and four bytes.
  CHECK(find_invalid_utf8("a\xC0\xAF") == 1u);
  CHECK(find_invalid_utf8("\xE0\x80\xAF") == 0u);
  CHECK(find_invalid_utf8("ab\xF0\x80\x80\xAF") == 2u);
  // Overlong U+07FF in three bytes (the smallest three-byte value is U+0800).
  CHECK(find_invalid_utf8("\xE0\x9F\xBF") == 0u);
  // UTF-16 surrogates U+D800 and U+DFFF.
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0u);
  CHECK(find_invalid_utf8("ab\xED\xBF\xBF") == 2u);
  // Truncated: 文 without its last byte, at the end and before ASCII.
  CHECK(find_invalid_utf8("中\xE6\x96") == 3u);
  CHECK(find_invalid_utf8("中\xE6\x96x") == 3u);
  CHECK(find_invalid_utf8("x\xF0\x9F\x98") == 1u);
  // Above U+10FFFF: U+110000 with an F4 lead, and the leads F5..FF.
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);
  CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0u);
  CHECK(find_invalid_utf8("\xF8\x88\x80\x80\x80") == 0u);
  // Stray continuation bytes and bytes that never occur.
  CHECK(find_invalid_utf8("\x80") == 0u);
  CHECK(find_invalid_utf8("ok\xBF") == 2u);
  CHECK(find_invalid_utf8("a\xFF") == 1u);
  CHECK(find_invalid_utf8("a\xFE") == 1u);
  // Only the first is reported.
  CHECK(find_invalid_utf8("中文\x80\xFF") == 6u);
  // After runs of ASCII read eight bytes at a time, and within them.
  CHECK(find_invalid_utf8("0123456789abcdef\xFF") == 16u);
  CHECK(find_invalid_utf8("0123456\xC2") == 7u);
  CHECK(find_invalid_utf8("01234567\xE4\xB8") == 8u);
  CHECK(find_invalid_utf8("0123\x80"
                          "4567890") == 4u);
}

TEST_CASE("find_invalid_utf8 agrees with utf8_sequence read one character at a time") {
  // Random bytes, mostly ASCII with runs of CJK and bad bytes among them,
  // against the plainest reading of the rule.
  std::uint64_t seed = 1;
  auto next = [&](unsigned n) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<unsigned>(seed >> 33) % n;
  };
  int bad = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (unsigned k = next(40); k > 0; --k) {
      const unsigned pick = next(20);
      if (pick < 14)
        s += static_cast<char>(next(128));
      else if (pick < 18)
        s += "文";
      else
        s += static_cast<char>(0x80 + next(128));
    }
    std::optional<std::size_t> want;
    for (std::size_t i = 0; i < s.size();) {
      const std::size_t len = utf8_sequence(s, i);
      if (len == 0) {
        want = i;
        break;
      }
      i += len;
    }
    REQUIRE(find_invalid_utf8(s) == want);
    bad += want.has_value();
  }
  CHECK(bad > 5000);  // both answers, many times
  CHECK(bad < 18000);
}

TEST_CASE("same_text tells apart texts that differ in any one byte, at any length") {
  // Each length up to 70 (the words it compares overlap differently below
  // 8, up to 16, up to 32 and beyond), each position changed in turn; the
  // texts sit at odd offsets of a longer buffer, as in a record line.
  std::string a(80, 'x'), b(80, 'x');
  for (std::size_t n = 0; n <= 70; ++n) {
    for (std::size_t i = 0; i < n; ++i) {
      a[3 + i] = static_cast<char>('a' + i % 26);
      b[5 + i] = a[3 + i];
    }
    const std::string_view x(a.data() + 3, n), y(b.data() + 5, n);
    CHECK(same_text(x, y));
    CHECK_FALSE(same_text(x, std::string_view(b.data() + 5, n + 1)));  // lengths differ
    for (std::size_t i = 0; i < n; ++i) {
      b[5 + i] ^= 0x20;
      INFO("length " << n << ", byte " << i);
      CHECK_FALSE(same_text(x, y));
      b[5 + i] ^= 0x20;
    }
  }
}

TEST_CASE("code_points") {
  CHECK(code_points("") == 0);
  CHECK(code_points("abc") == 3);
  CHECK(code_points("中文a") == 3);
  CHECK(code_points("e\xCC\x81") == 2);  // e + combining acute
}

TEST_CASE("halfwidth: the full-width forms of ASCII as ASCII") {
  // U+FF01 ！ is the first, U+FF5E ～ the last; U+FF10 ０, U+FF21 Ａ,
  // U+FF41 ａ; U+3000 the ideographic space.
  CHECK(halfwidth("！～") == "!~");
  CHECK(halfwidth("２０１９年Ｑ２ａ") == "2019年Q2a");
  CHECK(halfwidth("一\xE3\x80\x80二") == "一 二");
  // Around them: U+FF00 and U+FF5F are no full-width ASCII, and a cut
  // sequence stays as it is.
  CHECK(halfwidth("\xEF\xBC\x80\xEF\xBD\x9F") == "\xEF\xBC\x80\xEF\xBD\x9F");
  CHECK(halfwidth("1\xEF\xBC") == "1\xEF\xBC");
  CHECK(halfwidth("") == "");
}

TEST_CASE("display_width of one character") {
  CHECK(display_width("a") == 1);
  CHECK(display_width(" ") == 1);
  CHECK(display_width("中") == 2);
  CHECK(display_width("\xEF\xBC\xA1") == 2);      // Ａ fullwidth A
  CHECK(display_width("\xF0\x9F\x9A\x80") == 2);  // U+1F680 rocket (transport emoji)
  CHECK(display_width("\xF0\x9F\xAB\x80") == 2);  // U+1FAC0 (symbols and pictographs ext-A)
  CHECK(display_width("\xEF\xBC\x8C") == 2);      // ， fullwidth comma
  CHECK(display_width("。") == 2);                // U+3002
  CHECK(display_width("\xED\x95\x9C") == 2);      // 한 U+D55C, Hangul
  CHECK(display_width("\xF0\x9F\x98\x80") == 2);  // U+1F600
  CHECK(display_width("\xCC\x81") == 0);          // U+0301 combining acute
  CHECK(display_width("\xE2\x80\x8B") == 0);      // U+200B zero width space
  CHECK(display_width("…") == 1);                 // U+2026 is narrow
  CHECK(display_width("\xC3\xA9") == 1);          // é
  CHECK(display_width("\xFF") == 1);              // an invalid byte
}

TEST_CASE("text_width sums the columns") {
  CHECK(text_width("") == 0);
  CHECK(text_width("abc") == 3);
  CHECK(text_width("中文abc") == 7);
  CHECK(text_width("城镇新增就业人数") == 16);
  CHECK(text_width("e\xCC\x81") == 1);
  CHECK(text_width("\xEF\xBC\xA1\xEF\xBC\xA2") == 4);  // ＡＢ
}

TEST_CASE("truncate_to_width leaves text that fits") {
  CHECK(truncate_to_width("abc", 3) == "abc");
  CHECK(truncate_to_width("abc", 10) == "abc");
  CHECK(truncate_to_width("中文", 4) == "中文");
  CHECK(truncate_to_width("", 0) == "");
}

TEST_CASE("truncate_to_width cuts with an ellipsis") {
  CHECK(truncate_to_width("abcd", 3) == "ab…");
  CHECK(truncate_to_width("abcd", 1) == "…");
  CHECK(truncate_to_width("abcd", 0) == "");
  CHECK(truncate_to_width("abcd", -3) == "");
  // 中文字 is 6 columns. At 5, 中文 (4) + … (1) fits; at 4 and 3, 文 would
  // need columns 3-4 and leave no room for the ellipsis, so 中… (3) it is.
  CHECK(truncate_to_width("中文字", 5) == "中文…");
  CHECK(truncate_to_width("中文字", 4) == "中…");
  CHECK(truncate_to_width("中文字", 3) == "中…");
  CHECK(truncate_to_width("中文字", 2) == "…");
  CHECK(truncate_to_width("a中文", 4) == "a中…");
  CHECK(truncate_to_width("a中文", 3) == "a…");
  // A combining mark stays with its base.
  CHECK(truncate_to_width("ab\xCC\x81"
                          "cd",
                          3) == "ab\xCC\x81…");
}

TEST_CASE("head_within and tail_within keep whole characters within the width") {
  CHECK(head_within("abc", 2) == "ab");
  CHECK(head_within("abc", 5) == "abc");
  CHECK(head_within("中文字", 3) == "中");  // 中 is 2 columns; 文 would make 4
  CHECK(head_within("中文字", 4) == "中文");
  CHECK(head_within("中文字", 1) == "");
  CHECK(tail_within("abc", 2) == "bc");
  CHECK(tail_within("中文字", 3) == "字");
  CHECK(tail_within("a中文", 5) == "a中文");
  CHECK(tail_within("a中文", 4) == "中文");
  CHECK(tail_within("", 4) == "");
  CHECK(head_within("abc", 0) == "");
  CHECK(tail_within("abc", -1) == "");
}

TEST_CASE("truncate_to_width never splits and stays within the width") {
  const std::string s = "就业a优先b战略cc技能人才";  // 10 wide + 4 narrow = 24 columns
  REQUIRE(text_width(s) == 24);
  for (int w = 1; w < 24; ++w) {
    CAPTURE(w);
    std::string t = truncate_to_width(s, w);
    CHECK_FALSE(find_invalid_utf8(t));
    CHECK(t.ends_with("…"));
    CHECK(text_width(t) <= w);
    CHECK(text_width(t) >= w - 1);  // at most one column lost to a wide character
    // What is kept is a prefix of the original.
    CHECK(s.starts_with(t.substr(0, t.size() - std::string("…").size())));
  }
}

TEST_CASE("pad_left and pad_right count columns, not bytes") {
  CHECK(pad_right("ab", 4) == "ab  ");
  CHECK(pad_left("ab", 4) == "  ab");
  CHECK(pad_right("中", 4) == "中  ");
  CHECK(pad_left("中文", 5) == " 中文");
  CHECK(pad_right("abcde", 3) == "abcde");  // never cuts
  CHECK(pad_left("abcde", 3) == "abcde");
  CHECK(pad_right("", 2) == "  ");
  CHECK(pad_left("e\xCC\x81", 3) == "  e\xCC\x81");
}

TEST_CASE("sanitize neutralises terminal controls") {
  CHECK(sanitize("plain") == "plain");
  CHECK(sanitize("a\x1b[31mred") == "a\\x1b[31mred");
  CHECK(sanitize("a\tb") == "a\tb");  // tab is kept
  CHECK(sanitize("a\nb") == "a\\x0ab");
  CHECK(sanitize("a\rb") == "a\\x0db");
  CHECK(sanitize("\x7f") == "\\x7f");
  CHECK(sanitize("a\0b"s) == "a\\x00b");
  // C1 controls: U+0085 (NEL) and U+009B (CSI); U+00A0 is printable.
  CHECK(sanitize("\xC2\x85") == "\\x85");
  CHECK(sanitize("x\xC2\x9B"
                 "2J") == "x\\x9b2J");
  CHECK(sanitize("\xC2\xA0") == "\xC2\xA0");
  CHECK(sanitize("\xC2\x9F") == "\\x9f");
}

TEST_CASE("sanitize escapes invalid bytes and keeps CJK") {
  CHECK(sanitize("更正：重复统计") == "更正：重复统计");
  CHECK(sanitize("\xFF") == "\\xff");
  CHECK(sanitize("a\xE4\xB8") == "a\\xe4\\xb8");         // truncated 中
  CHECK(sanitize("\xC0\xAF") == "\\xc0\\xaf");           // overlong '/'
  CHECK(sanitize("\xED\xA0\x80") == "\\xed\\xa0\\x80");  // surrogate
  CHECK(sanitize("中\x80文") == "中\\x80文");
  // The result is always valid UTF-8 with no controls.
  CHECK_FALSE(find_invalid_utf8(sanitize("\xF0\x9F\x98\x1b\xC3")));
  CHECK(sanitize("\xF0\x9F\x98\x1b\xC3") == "\\xf0\\x9f\\x98\\x1b\\xc3");
}

TEST_CASE("valid_utf8: the one policy for bytes that are not UTF-8, each as \\xNN") {
  CHECK(valid_utf8("records/中.rec") == "records/中.rec");
  // 广 and 中 in GBK (B9E3, D6D0), as a Windows share names files.
  CHECK(valid_utf8("records/\xB9\xE3/\xD6\xD0.rec") == "records/\\xb9\\xe3/\\xd6\\xd0.rec");
  CHECK(valid_utf8("a\xE4\xB8") == "a\\xe4\\xb8");  // truncated 中
  // Unlike sanitize(), controls are left alone: JSON and CSV quote them.
  CHECK(valid_utf8("a\nb\x1b") == "a\nb\x1b");
  CHECK_FALSE(find_invalid_utf8(valid_utf8("\xF0\x9F\x98\xC3\xFF")));
}

TEST_CASE("sanitize shows invisible reordering characters by their code point") {
  // U+202E RIGHT-TO-LEFT OVERRIDE (E2 80 AE) would show "abc" reversed.
  CHECK(sanitize("x\xE2\x80\xAE"
                 "cba") == "x<U+202E>cba");
  CHECK(sanitize("\xE2\x81\xA6"
                 "a\xE2\x81\xA9") == "<U+2066>a<U+2069>");  // isolates
  CHECK(sanitize("a\xE2\x80\x8B"
                 "b") == "a<U+200B>b");  // zero-width space
  CHECK(sanitize("a\xE2\x80\x8F"
                 "b") == "a<U+200F>b");  // RLM
  CHECK(sanitize("a\xEF\xBB\xBF"
                 "b") == "a<U+FEFF>b");  // BOM
  CHECK(sanitize("a\xD8\x9C"
                 "b") == "a<U+061C>b");  // Arabic letter mark
  CHECK(sanitize("a\xE2\x80\xA8"
                 "b") == "a<U+2028>b");  // line separator
  // Neighbours that are ordinary text stay: U+202F narrow no-break space,
  // U+2010 hyphen, U+3000 ideographic space.
  CHECK(sanitize("\xE2\x80\xAF\xE2\x80\x90\xE3\x80\x80") == "\xE2\x80\xAF\xE2\x80\x90\xE3\x80\x80");
}

TEST_CASE("wrap_to_width breaks at spaces and list marks, else between characters") {
  // Fits, or no limit: as it is.
  CHECK(wrap_to_width("abc def", 7, 2) == "abc def");
  CHECK(wrap_to_width("abc def ghi", 0, 2) == "abc def ghi");
  // 11 columns at 7: "abc def" fills the first line; the space after it goes.
  CHECK(wrap_to_width("abc def ghi", 7, 2) == "abc def\n  ghi");
  // Ideographs are 2 columns: 财政局、商务局、 is 16; the next line, after a
  // 4-column indent, breaks after the 、 that ends its first half.
  CHECK(wrap_to_width("财政局、商务局、人社局、民政局", 16, 4) ==
        "财政局、商务局、\n    人社局、\n    民政局");
  // No break to be had: between characters, never inside one (5 columns
  // hold two ideographs).
  CHECK(wrap_to_width("一二三四五六", 5, 0) == "一二\n三四\n五六");
  // A closing mark never starts a line: the character before it comes down
  // too: at 11 columns "（合计5.1万" fills the line and "）" is next.
  CHECK(wrap_to_width("（合计5.1万）", 11, 0) == "（合计5.1\n万）");
  CHECK(wrap_to_width("一二三）四", 6, 0) == "一二\n三）四");
  // ...unless it would leave the line empty: then it stays.
  CHECK(wrap_to_width("一）", 2, 0) == "一\n）");
  // Every line within the width, and nothing lost but the spaces at breaks.
  const std::string text = "总体目标：新增城镇就业5.1万人；正文二（一）3：到2020年 and more words";
  for (int w = 3; w < 40; ++w) {
    std::string wrapped = wrap_to_width(text, w, 2), joined;
    std::size_t start = 0;
    for (std::size_t nl; start <= wrapped.size(); start = nl + 1) {
      nl = wrapped.find('\n', start);
      if (nl == std::string::npos) nl = wrapped.size();
      std::string_view line(wrapped.data() + start, nl - start);
      CHECK(text_width(line) <= w);
      joined += line;
    }
    auto no_spaces = [](std::string t) {
      t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
      return t;
    };
    CHECK(no_spaces(joined) == no_spaces(text));
  }
}

}  // namespace plan
