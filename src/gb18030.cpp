#include "gb18030.h"

#include <iconv.h>

#include <cerrno>
#include <string>

#include "text.h"

namespace plan {

Gb18030Text from_gb18030(std::string_view bytes) {
  Gb18030Text out;
  iconv_t cd = ::iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    out.error = errno;
    out.cannot_convert = true;
    return out;
  }
  // A GB18030 character of 1, 2 or 4 bytes is at most 4 bytes of UTF-8.
  out.utf8.resize(bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write
  std::size_t in_left = bytes.size(), done = 0;
  while (in_left > 0) {
    char* dst = out.utf8.data() + done;
    std::size_t dst_left = out.utf8.size() - done;
    const std::size_t rc = ::iconv(cd, &in, &in_left, &dst, &dst_left);
    done = out.utf8.size() - dst_left;
    if (rc != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) {
      out.utf8.resize(out.utf8.size() * 2);
      continue;
    }
    out.error = errno;
    break;
  }
  ::iconv_close(cd);
  out.utf8.resize(done);
  out.read = bytes.size() - in_left;
  return out;
}

bool reads_as_gb18030(std::string_view bytes) {
  std::size_t utf8 = 0, other = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
    } else if (const std::size_t n = utf8_sequence(bytes, i)) {
      ++utf8;
      i += n;
    } else {
      ++other;
      ++i;
    }
  }
  return other > utf8 && from_gb18030(bytes).error == 0;
}

Message gb18030_hint(NotUtf8 what) {
  if (what == NotUtf8::argument)
    return {
        "; it reads as GB18030 (GBK): the terminal or script that gave it is not in UTF-8 "
        "(a UTF-8 locale such as zh_CN.UTF-8 is needed)",
        "；按 GB18030（GBK）能读通：输入它的终端或脚本不是 UTF-8 编码（需要 zh_CN.UTF-8 "
        "这样的 UTF-8 区域设置）"};
  const bool file = what == NotUtf8::file;
  return {std::string(file ? "; the file" : "; the line") +
              " reads as GB18030 (GBK), as Notepad on Chinese Windows saves text: save the file "
              "as UTF-8, or convert it with iconv -f gb18030 -t utf-8",
          std::string(file ? "；这个文件" : "；这一行") +
              "按 GB18030（GBK）能读通，是中文 Windows 记事本默认的编码：请把文件另存为 "
              "UTF-8，或用 iconv -f gb18030 -t utf-8 转换"};
}

}  // namespace plan
