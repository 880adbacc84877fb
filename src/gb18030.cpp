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
  // Characters of UTF-8, and runs of bytes outside ASCII that are none.
  std::size_t utf8 = 0, other = 0;
  bool in_run = false;
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      in_run = false;
      ++i;
    } else if (const std::size_t n = utf8_sequence(bytes, i)) {
      in_run = false;
      ++utf8;
      i += n;
    } else {
      other += !in_run;
      in_run = true;
      ++i;
    }
  }
  return other > utf8 && from_gb18030(bytes).error == 0;
}

Message gb18030_hint(std::string_view text, NotUtf8 what) {
  if (!reads_as_gb18030(text)) return {};
  switch (what) {
    case NotUtf8::argument:
      return {
          "; it looks like GB18030 (GBK): the terminal or script that gave it is not in "
          "UTF-8 (a UTF-8 locale such as zh_CN.UTF-8 is needed)",
          "；看来是 GB18030（GBK）编码：输入它的终端或脚本不是 UTF-8 编码（需要 "
          "zh_CN.UTF-8 这样的 UTF-8 区域设置）"};
    case NotUtf8::line:
      // Judged on the line alone: the file may hold UTF-8 lines too, which
      // converting the whole file would garble.
      return {
          "; the line looks like GB18030 (GBK), as Notepad on older Chinese Windows saves "
          "text: save the file as UTF-8 (iconv -f gb18030 -t utf-8 converts a file that is "
          "all GB18030)",
          "；这一行看来是 GB18030（GBK）编码（旧版中文 Windows 记事本的默认编码）：请把"
          "文件另存为 UTF-8（整个文件都是 GB18030 时，可用 iconv -f gb18030 -t utf-8 "
          "转换）"};
    case NotUtf8::file:
      break;
  }
  return {
      "; the file looks like GB18030 (GBK), as Notepad on older Chinese Windows saves text: "
      "save it as UTF-8, or convert it with iconv -f gb18030 -t utf-8",
      "；这个文件看来是 GB18030（GBK）编码（旧版中文 Windows 记事本的默认编码）：请另存为 "
      "UTF-8，或用 iconv -f gb18030 -t utf-8 转换"};
}

}  // namespace plan
