#include "workbook_reasons.h"

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

}  // namespace

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
