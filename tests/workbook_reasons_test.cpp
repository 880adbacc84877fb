#include "workbook_reasons.h"

#include <doctest/doctest.h>
#include <expat.h>
#include <freexl.h>
#include <zip.h>

#include <cerrno>

using namespace plan;

namespace {

Message zip_code(int code, int system = 0) {
  zip_error_t err;
  zip_error_init(&err);
  zip_error_set(&err, code, system);
  Message m = zip_reason(&err);
  zip_error_fini(&err);
  return m;
}

}  // namespace

TEST_CASE("libzip's reasons: its English, and Chinese for those a damaged file meets") {
  CHECK(zip_code(ZIP_ER_NOZIP).en == "Not a zip archive");
  CHECK(zip_code(ZIP_ER_NOZIP).zh == "不是 zip 压缩包");
  CHECK(zip_code(ZIP_ER_CRC).zh == "CRC 校验出错");
  CHECK(zip_code(ZIP_ER_ENCRNOTSUPP).zh == "不支持的加密方式");
  // A code with the system's error: its reason follows, in each language.
  const Message read = zip_code(ZIP_ER_READ, EACCES);
  CHECK(read.en == "Read error: Permission denied");
  CHECK(read.zh == "读取出错：没有权限");
  // A code no workbook being read meets: libzip's English in both.
  const Message rename = zip_code(ZIP_ER_RENAME, ENOENT);
  CHECK(rename.en == "Renaming temporary file failed: No such file or directory");
  CHECK(rename.zh == rename.en);
}

TEST_CASE("expat's reasons: its English, and Chinese for those a damaged part meets") {
  CHECK(xml_reason(XML_ERROR_INVALID_TOKEN).en == "not well-formed (invalid token)");
  CHECK(xml_reason(XML_ERROR_INVALID_TOKEN).zh == "格式不正确（无效的记号）");
  CHECK(xml_reason(XML_ERROR_TAG_MISMATCH).en == "mismatched tag");
  CHECK(xml_reason(XML_ERROR_TAG_MISMATCH).zh == "标签不匹配");
  CHECK(xml_reason(XML_ERROR_NO_ELEMENTS).zh == "没有找到元素（内容为空或被截断）");
  // One plan has no Chinese for, and one expat has no words for.
  CHECK(xml_reason(XML_ERROR_PUBLICID).zh == xml_reason(XML_ERROR_PUBLICID).en);
  // (63: within the enumeration's range, past its last code.)
  const auto unknown = static_cast<XML_Error>(63);
  CHECK(xml_reason(unknown).en == "XML error 63");
  CHECK(xml_reason(unknown).zh == "XML error 63");
}

TEST_CASE("freexl's reasons: what the code means to the person importing, with the code") {
  CHECK(freexl_reason(FREEXL_CFBF_READ_ERROR).en ==
        "the file is cut short or cannot be read (freexl error -8)");
  CHECK(freexl_reason(FREEXL_CFBF_READ_ERROR).zh ==
        "文件不完整（可能被截断）或无法读取（freexl 错误 -8）");
  CHECK(freexl_reason(FREEXL_BIFF_WORKBOOK_NOT_FOUND).en ==
        "an Office file with no workbook inside, such as a Word file (freexl error -17)");
  // Codes that share a meaning share its words.
  CHECK(freexl_reason(FREEXL_CFBF_EMPTY_FAT_CHAIN).zh ==
        "文件已损坏，分配表无效（freexl 错误 -12）");
  CHECK(freexl_reason(FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY).zh ==
        "文件已损坏，分配表无效（freexl 错误 -25）");
  // FREEXL_OK with no workbook: damaged, and no code to give.
  CHECK(freexl_reason(FREEXL_OK).en == "the file is damaged (freexl read no workbook from it)");
  CHECK(freexl_reason(FREEXL_OK).zh == "文件已损坏（freexl 从中读不出工作簿）");
  CHECK(freexl_reason(FREEXL_BIFF_INVALID_SST).zh ==
        "文件已损坏，共享字符串表无效（freexl 错误 -15）");
  // A code freexl may add later: the number alone, in either language.
  CHECK(freexl_reason(-99).en == "freexl error -99");
  CHECK(freexl_reason(-99).zh == "freexl 错误 -99");
}
