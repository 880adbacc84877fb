#include "toml_words.h"

#include <doctest/doctest.h>

#include <string>

using namespace plan;

namespace {

std::string zh(std::string_view what) {
  return toml_message(what).zh;
}
std::string en(std::string_view what) {
  return toml_message(what).en;
}

const std::string kLead = "Error while parsing ";

}  // namespace

TEST_CASE("toml++'s messages read in Chinese: the scope, then the detail") {
  // "expected X, saw Y": a quoted character, a phrase, a field's range.
  CHECK(zh(kLead + "key-value pair: expected '=', saw '\"'") ==
        "TOML 语法错误（键值对）：应为“=”，实际为“\"”");
  CHECK(zh(kLead + "table header: expected ']', saw '\\n'") ==
        "TOML 语法错误（表头）：应为“]”，实际为换行");
  CHECK(zh(kLead + "key-value pair: expected a comment or whitespace, saw ','") ==
        "TOML 语法错误（键值对）：应为空白或注释，实际为“,”");
  CHECK(zh(kLead + "array: expected value or closing ']', saw comma") ==
        "TOML 语法错误（数组）：应为值或“]”，实际为逗号");
  CHECK(zh(kLead + "inline table: expected key-value pair, saw closing '}' (dangling comma)") ==
        "TOML 语法错误（内联表）：应为键值对，实际为“}”（前面多了一个逗号）");
  CHECK(zh(kLead + "root table: expected keys, tables, whitespace or comments, saw '='") ==
        "TOML 语法错误（顶层）：应为键、表头、空白或注释，实际为“=”");
  CHECK(zh(kLead + "date: expected month between 1 and 12 (inclusive), saw 13") ==
        "TOML 语法错误（日期）：应为 1 至 12 之间的月份，实际为 13");
  // toml++ refuses an hour above 23 but says "0 to 59": the Chinese says
  // what it refuses.
  CHECK(zh(kLead + "time: expected hour between 0 to 59 (inclusive), saw 25") ==
        "TOML 语法错误（时间）：应为 0 至 23 之间的小时数，实际为 25");
  CHECK(zh(kLead + "date-time offset: expected hour between 0 and 23 (inclusive), saw 25") ==
        "TOML 语法错误（时区）：应为 0 至 23 之间的小时数，实际为 25");
  // A digit of the base the scope names.
  CHECK(zh(kLead + "binary integer: expected digit, saw '2'") ==
        "TOML 语法错误（二进制整数）：应为二进制数字，实际为“2”");
  CHECK(zh(kLead + "decimal integer: expected digit, saw 'a'") ==
        "TOML 语法错误（整数）：应为数字，实际为“a”");
  CHECK(zh(kLead + "date: expected 2-digit month, saw '-'") ==
        "TOML 语法错误（日期）：应为两位数的月份，实际为“-”");
  CHECK(zh(kLead + "boolean: expected 'true', saw 'tru\\x0a'") ==
        "TOML 语法错误（布尔值）：应为“true”，实际为“tru\\x0a”");
  CHECK(zh(kLead + "floating-point: expected decimal digit, saw ' '") ==
        "TOML 语法错误（小数）：应为数字，实际为空格");
  // Redefinitions: a key, a table, a value made a table.
  CHECK(zh(kLead + "key-value pair: cannot redefine existing integer 'x'") ==
        "TOML 语法错误（键值对）：整数“x”已定义，不能重复定义");
  CHECK(zh(kLead + "table header: cannot redefine existing table 'plan'") ==
        "TOML 语法错误（表头）：表“plan”已定义，不能重复定义");
  CHECK(zh(kLead + "table header: cannot redefine existing integer 'plan.x' as table") ==
        "TOML 语法错误（表头）：已有整数“plan.x”，不能再定义为表");
  CHECK(zh(kLead + "table header: cannot redefine existing array 'area' as array-of-tables") ==
        "TOML 语法错误（表头）：已有数组“area”，不能再定义为表数组");
  CHECK(zh(kLead + "key-value pair: cannot redefine existing table as dotted key-value pair") ==
        "TOML 语法错误（键值对）：已有的表不能再用带点的键重新定义");
  // A key's quote inside the key survives: only the last "' as " splits.
  CHECK(zh(kLead + "table header: cannot redefine existing table 'a' as b' as table") ==
        "TOML 语法错误（表头）：已有表“a' as b”，不能再定义为表");
  // Sentences, and sentences around a value.
  CHECK(zh(kLead + "string: encountered end-of-file") == "TOML 语法错误（字符串）：文件意外结束");
  CHECK(zh(kLead + "decimal integer: leading zeroes are prohibited") ==
        "TOML 语法错误（整数）：数字不能以 0 开头");
  CHECK(zh(kLead + "value: exceeded maximum nested value depth of 256 (TOML_MAX_NESTED_VALUES)") ==
        "TOML 语法错误（值）：嵌套超过 256 层");
  CHECK(zh(kLead + "floating-point: exceeds length limit of 128 digits (consider using exponent "
                   "notation)") == "TOML 语法错误（小数）：超过 128 位数字");
  // An escape toml++ refuses, most likely a Windows path: how to write a
  // backslash, in both languages.
  const std::string escape = kLead + "string: unknown escape sequence '\\d'";
  CHECK(zh(escape) ==
        "TOML 语法错误（字符串）：不支持的转义序列“\\d”（反斜杠要写成 \\\\，或把文字放在"
        "单引号内）");
  CHECK(en(escape) ==
        escape + " (a backslash is written \\\\, or the text goes in 'single quotes')");
  const std::string x_escape =
      kLead + "string: escape sequence '\\x' is not supported in TOML 1.0.0 and earlier";
  CHECK(zh(x_escape) ==
        "TOML 语法错误（字符串）：不支持的转义序列“\\x”（反斜杠要写成 \\\\，或把文字"
        "放在单引号内）");
  CHECK(zh(kLead + "decimal integer: '99999999999999999999' is not representable in 64 bits") ==
        "TOML 语法错误（整数）：“99999999999999999999”超出了 64 位整数的范围");
  CHECK(zh(kLead + "table header: cannot insert 'plan.x.b' into existing inline table") ==
        "TOML 语法错误（表头）：不能向已有的内联表加入“plan.x.b”");
}

TEST_CASE("toml++'s likely mistakes are said in both languages") {
  // Text not in quotes, and a string not closed: the English says so too.
  const std::string type = kLead + "value: could not determine value type";
  CHECK(en(type) == type + " (text goes in quotes)");
  CHECK(zh(type) == "TOML 语法错误（值）：无法确定值的类型（文字要放在引号内）");
  const std::string control =
      kLead +
      "string: unescaped control characters other than TAB (U+0009) are explicitly prohibited";
  CHECK(en(control) == control + " (a closing quote missing?)");
  CHECK(zh(control) ==
        "TOML 语法错误（字符串）：字符串中不能有未转义的控制字符（制表符除外）；少了结尾的引号？");
  // Any other message's English is toml++'s, unchanged.
  const std::string other = kLead + "key-value pair: expected '=', saw '\"'";
  CHECK(en(other) == other);
}

TEST_CASE("toml++'s messages of other shapes keep their English") {
  // An unknown scope and an unknown detail: each kept where it stands.
  CHECK(zh(kLead + "frobnicator: expected '=', saw 'x'") ==
        "TOML 语法错误（frobnicator）：应为“=”，实际为“x”");
  CHECK(zh(kLead + "string: something new happened") ==
        "TOML 语法错误（字符串）：something new happened");
  CHECK(zh(kLead + "date: expected fortnight between 1 and 26 (inclusive), saw 30") ==
        "TOML 语法错误（日期）：expected fortnight between 1 and 26 (inclusive), saw 30");
  CHECK(zh(kLead + "table header: cannot redefine existing widget 'x'") ==
        "TOML 语法错误（表头）：cannot redefine existing widget 'x'");
  // Not toml++'s frame at all, or cut short.
  CHECK(zh("something else") == "TOML 语法错误：something else");
  CHECK(zh("Error while parsing ") == "TOML 语法错误：Error while parsing ");
  CHECK(zh(kLead + "key-value pair: expected , saw ") ==
        "TOML 语法错误（键值对）：expected , saw ");
  CHECK(zh("") == "TOML 语法错误：");
  // Any length: one long line of quotes and separators.
  std::string huge = kLead + "key: expected '";
  for (int i = 0; i < 100'000; ++i) huge += "', saw '";
  CHECK(zh(huge).starts_with("TOML 语法错误（键）："));
}
