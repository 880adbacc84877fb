#include "gb18030.h"

#include <doctest/doctest.h>

#include <cerrno>

using namespace plan;

TEST_CASE("from_gb18030: GB2312, GBK and four-byte characters to UTF-8") {
  // 人社局 in GB2312: 人 C8 CB, 社 C9 E7, 局 BE D6.
  Gb18030Text t = from_gb18030("by=\xc8\xcb\xc9\xe7\xbe\xd6");
  CHECK(t.error == 0);
  CHECK(t.utf8 == "by=人社局");
  CHECK(t.read == 9);
  // (The codes below as Python's own codec writes them, independently of
  // glibc: '€'.encode('gb18030') and so on.) € is A2 E3; 㐀 (U+3400, the
  // first of CJK Extension A), outside GBK, the four bytes 81 39 EE 39.
  CHECK(from_gb18030("\xa2\xe3").utf8 == "€");
  CHECK(from_gb18030("\x81\x39\xee\x39").utf8 == "\xe3\x90\x80");  // U+3400 in UTF-8
  // A lead byte with no trail: cut short at the end (EINVAL), the text
  // before it converted.
  Gb18030Text cut = from_gb18030("ab\xc8");
  CHECK(cut.error == EINVAL);
  CHECK(cut.utf8 == "ab");
  CHECK(cut.read == 2);
  // 0x80 leads nothing in GB18030.
  CHECK(from_gb18030("a\x80z").error == EILSEQ);
}

TEST_CASE("reads_as_gb18030: GBK text yes; ASCII, Latin-1 and damaged UTF-8 no") {
  CHECK(reads_as_gb18030("\xd6\xd0\xce\xc4"));  // 中文
  CHECK(reads_as_gb18030("2019-03-31  jobs.urban_new  5  by=\xc8\xcb\xc9\xe7\xbe\xd6"));
  CHECK_FALSE(reads_as_gb18030("2019-03-31  jobs.urban_new  5"));  // nothing outside ASCII
  CHECK_FALSE(reads_as_gb18030("caf\xe9"));                        // Latin-1: E9 leads nothing
  // UTF-8 with a character cut short (E4 BA of 人): GB18030 reads E4 BA as
  // 浜, but the line's other characters are UTF-8 (社, 局).
  CHECK_FALSE(reads_as_gb18030("by=\xe4\xba \xe7\xa4\xbe\xe5\xb1\x80"));
  // Alone, the cut-short character cannot be told from GB18030.
  CHECK(reads_as_gb18030("by=\xe4\xba"));
  // Beside one whole character (社) it can: its two stray bytes are one run,
  // not two.
  CHECK_FALSE(reads_as_gb18030("\xe7\xa4\xbe\xe4\xba"));
}

TEST_CASE("gb18030_hint: words for text that reads as GB18030, nothing for other text") {
  CHECK(gb18030_hint("by=\xc8\xcb\xc9\xe7\xbe\xd6", NotUtf8::argument).en ==
        "; it looks like GB18030 (GBK): the terminal or script that gave it is not in UTF-8 (a "
        "UTF-8 locale such as zh_CN.UTF-8 is needed)");
  CHECK(gb18030_hint("\xd6\xd0", NotUtf8::file).en.starts_with("; the file looks like GB18030"));
  CHECK(gb18030_hint("\xd6\xd0", NotUtf8::line).zh.starts_with("；这一行看来是 GB18030"));
  // Not GB18030: an empty Message, which + leaves out in both languages.
  const Message none = gb18030_hint("caf\xe9", NotUtf8::line);
  CHECK(none.en.empty());
  CHECK(none.zh.empty());
  const Message joined = Message{"invalid UTF-8", "无效的 UTF-8"} + none;
  CHECK(joined.en == "invalid UTF-8");
  CHECK(joined.zh == "无效的 UTF-8");
}
