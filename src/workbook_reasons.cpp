#include "workbook_reasons.h"

#include <freexl.h>

#include <string>
#include <string_view>
#include <system_error>

#include "message_shapes.h"

namespace plan {

namespace {

struct Reason {
  int key;  // the library's code
  std::string_view zh;
};

// The Chinese of `code` in `reasons`, or "".
template <std::size_t N>
std::string_view chinese(const Reason (&reasons)[N], int code) {
  const Reason* r = find_key(reasons, code);
  return r ? r->zh : std::string_view();
}

// libzip's codes that a workbook being read meets (zip.h; the English is
// zip_error_strerror's).
constexpr Reason kZip[] = {
    {ZIP_ER_MULTIDISK, "不支持分卷 zip 压缩包"},
    {ZIP_ER_SEEK, "定位出错"},
    {ZIP_ER_READ, "读取出错"},
    {ZIP_ER_CRC, "CRC 校验出错"},
    {ZIP_ER_NOENT, "没有该文件"},
    {ZIP_ER_OPEN, "无法打开文件"},
    {ZIP_ER_ZLIB, "解压出错"},
    {ZIP_ER_MEMORY, "内存不足"},
    {ZIP_ER_COMPNOTSUPP, "不支持的压缩方式"},
    {ZIP_ER_EOF, "文件提前结束"},
    {ZIP_ER_NOZIP, "不是 zip 压缩包"},
    {ZIP_ER_INCONS, "zip 压缩包内部不一致"},
    {ZIP_ER_ENCRNOTSUPP, "不支持的加密方式"},
    {ZIP_ER_NOPASSWD, "工作簿设了密码"},
    {ZIP_ER_WRONGPASSWD, "密码错误"},
    {ZIP_ER_COMPRESSED_DATA, "压缩数据无效"},
};

// expat's codes that a damaged part meets (expat.h; the English is
// XML_ErrorString's).
constexpr Reason kXml[] = {
    {XML_ERROR_NO_MEMORY, "内存不足"},
    {XML_ERROR_SYNTAX, "语法错误"},
    {XML_ERROR_NO_ELEMENTS, "没有找到元素（内容为空或被截断）"},
    {XML_ERROR_INVALID_TOKEN, "格式不正确（无效的记号）"},
    {XML_ERROR_UNCLOSED_TOKEN, "记号未闭合（内容被截断？）"},
    {XML_ERROR_PARTIAL_CHAR, "字符不完整"},
    {XML_ERROR_TAG_MISMATCH, "标签不匹配"},
    {XML_ERROR_DUPLICATE_ATTRIBUTE, "属性重复"},
    {XML_ERROR_JUNK_AFTER_DOC_ELEMENT, "文档元素之后有多余内容"},
    {XML_ERROR_UNDEFINED_ENTITY, "未定义的实体"},
    {XML_ERROR_BAD_CHAR_REF, "引用了无效的字符编号"},
    {XML_ERROR_MISPLACED_XML_PI, "XML 声明不在开头"},
    {XML_ERROR_UNKNOWN_ENCODING, "未知的编码"},
    {XML_ERROR_INCORRECT_ENCODING, "XML 声明中的编码不正确"},
    {XML_ERROR_UNCLOSED_CDATA_SECTION, "CDATA 段未闭合"},
    {XML_ERROR_UNBOUND_PREFIX, "未绑定的命名空间前缀"},
    {XML_ERROR_XML_DECL, "XML 声明格式不正确"},
};

struct FreexlReason {
  int key;  // freexl's code
  std::string_view en, zh;
};

// freexl's codes (freexl.h), as the person importing a file meets them:
// a file that is not a workbook, one cut short, one damaged. (It has no
// words of its own for them.)
constexpr FreexlReason kFreexl[] = {
    {FREEXL_FILE_NOT_FOUND, "the file cannot be opened", "无法打开文件"},
    {FREEXL_INSUFFICIENT_MEMORY, "out of memory", "内存不足"},
    {FREEXL_INVALID_CFBF_HEADER, "not an Office file", "不是 Office 文件"},
    {FREEXL_CFBF_READ_ERROR, "the file is cut short or cannot be read",
     "文件不完整（可能被截断）或无法读取"},
    {FREEXL_CFBF_SEEK_ERROR, "the file is cut short", "文件不完整，可能被截断"},
    {FREEXL_CFBF_INVALID_SIGNATURE, "not an Office file", "不是 Office 文件"},
    {FREEXL_CFBF_INVALID_SECTOR_SIZE, "the file is damaged, invalid sector size",
     "文件已损坏，扇区大小无效"},
    {FREEXL_CFBF_EMPTY_FAT_CHAIN, "the file is damaged, invalid allocation table",
     "文件已损坏，分配表无效"},
    {FREEXL_CFBF_ILLEGAL_FAT_ENTRY, "the file is damaged, invalid allocation table",
     "文件已损坏，分配表无效"},
    {FREEXL_BIFF_INVALID_BOF,
     "the file is damaged, the workbook's data does not begin as it should",
     "文件已损坏，工作簿数据的开头无效"},
    {FREEXL_BIFF_INVALID_SST, "the file is damaged, invalid shared string table",
     "文件已损坏，共享字符串表无效"},
    {FREEXL_BIFF_ILLEGAL_SST_INDEX, "the file is damaged, invalid shared string table",
     "文件已损坏，共享字符串表无效"},
    {FREEXL_BIFF_WORKBOOK_NOT_FOUND, "an Office file with no workbook inside, such as a Word file",
     "是 Office 文件但不含工作簿，例如 Word 文档"},
    {FREEXL_INVALID_CHARACTER, "text that cannot be converted to UTF-8",
     "有无法转换为 UTF-8 的文字"},
    {FREEXL_UNSUPPORTED_CHARSET, "text in a character set not supported",
     "文字使用了不支持的字符集"},
    {FREEXL_ILLEGAL_RK_VALUE, "the file is damaged, an invalid number", "文件已损坏，有无效的数值"},
    {FREEXL_INVALID_MINI_STREAM, "the file is damaged, invalid allocation table",
     "文件已损坏，分配表无效"},
    {FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY, "the file is damaged, invalid allocation table",
     "文件已损坏，分配表无效"},
    {FREEXL_CRAFTED_FILE, "the file is badly damaged, perhaps on purpose",
     "文件严重损坏，可能是有意构造的"},
};

}  // namespace

Message freexl_reason(int code) {
  // libfreexl 1.0.6 answers some damaged files, and those saved with a
  // password, with FREEXL_OK and no workbook.
  if (code == FREEXL_OK)
    return {"the file is damaged (freexl read no workbook from it)",
            "文件已损坏（freexl 从中读不出工作簿）"};
  const std::string n = std::to_string(code);
  const FreexlReason* r = find_key(kFreexl, code);
  if (!r) return {"freexl error " + n, "freexl 错误 " + n};
  return {std::string(r->en) + " (freexl error " + n + ")",
          std::string(r->zh) + "（freexl 错误 " + n + "）"};
}

Message zip_reason(zip_error_t* err) {
  std::string en = zip_error_strerror(err);
  const std::string_view zh = chinese(kZip, zip_error_code_zip(err));
  if (zh.empty()) return {en, en};
  std::string zh_text(zh);
  // "Read error: No such file or directory": the system's reason after it.
  if (zip_error_system_type(err) == ZIP_ET_SYS && zip_error_code_system(err) != 0)
    zh_text +=
        "：" +
        system_reason(std::error_code(zip_error_code_system(err), std::generic_category())).zh;
  return {std::move(en), std::move(zh_text)};
}

Message xml_reason(XML_Error code) {
  const XML_LChar* text = XML_ErrorString(code);
  std::string en = text ? text : "XML error " + std::to_string(code);
  const std::string_view zh = chinese(kXml, code);
  if (zh.empty()) return {en, en};
  return {std::move(en), std::string(zh)};
}

}  // namespace plan
