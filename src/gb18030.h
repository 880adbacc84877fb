// GB18030, the encoding of Chinese Windows' "ANSI" text: what Notepad
// saves by default on older Chinese Windows and what Chinese Excel writes
// as plain CSV (GBK and GB2312 are subsets of it). plan reads UTF-8; a file
// that is not UTF-8 but reads as GB18030 is, nearly always, one of these,
// and the error says so (plan import converts with --encoding gb18030).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "diagnostic.h"

namespace plan {

struct Gb18030Text {
  std::string utf8;      // what was converted, up to the first problem
  std::size_t read = 0;  // bytes of the input converted
  // 0, or the problem's errno: EILSEQ (an invalid sequence at `read`),
  // EINVAL (a character cut short at the end), or iconv_open's when the
  // system cannot convert from GB18030.
  int error = 0;
  bool cannot_convert = false;  // iconv_open failed
};

// Converts `bytes` from GB18030 to UTF-8 (glibc's iconv).
Gb18030Text from_gb18030(std::string_view bytes);

// Whether `bytes`, not UTF-8, are text of a Chinese Windows program: they
// read as GB18030 to their end, and fewer of their runs of bytes outside
// ASCII are UTF-8 characters than are not. (UTF-8 with a character cut
// short may read as GB18030 too, but its other characters are UTF-8.)
bool reads_as_gb18030(std::string_view bytes);

// What the message of invalid UTF-8 in `text` adds when it reads as GB18030
// (reads_as_gb18030): that it does, and what to do: for a plan file or a
// record line, convert the file; for a command-line argument, use a
// terminal in UTF-8. Otherwise nothing (an empty Message, which + leaves
// out).
enum class NotUtf8 { file, line, argument };
Message gb18030_hint(std::string_view text, NotUtf8 what);

}  // namespace plan
