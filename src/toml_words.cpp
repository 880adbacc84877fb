#include "toml_words.h"

#include <string>

#include "message_shapes.h"

namespace plan {

namespace {

struct Word {
  std::string_view key, zh;
};

// The Chinese of `en` in `words`, or "".
template <std::size_t N>
std::string_view word(const Word (&words)[N], std::string_view en) {
  const Word* w = find_key(words, en);
  return w ? w->zh : std::string_view();
}

// What toml++ was reading (push_parse_scope in toml++/impl/parser.inl).
constexpr Word kScopes[] = {
    {"root table", "顶层"},
    {"table header", "表头"},
    {"key-value pair", "键值对"},
    {"key", "键"},
    {"value", "值"},
    {"string", "字符串"},
    {"literal string", "字面字符串"},
    {"unicode scalar sequence", "Unicode 转义"},
    {"comment", "注释"},
    {"boolean", "布尔值"},
    {"floating-point", "小数"},
    {"hexadecimal floating-point", "十六进制小数"},
    {"decimal integer", "整数"},
    {"hexadecimal integer", "十六进制整数"},
    {"octal integer", "八进制整数"},
    {"binary integer", "二进制整数"},
    {"date", "日期"},
    {"time", "时间"},
    {"date-time", "日期时间"},
    {"date-time offset", "时区"},
    {"array", "数组"},
    {"inline table", "内联表"},
};

// A value's type (node_type_friendly_names in toml++), and what a table
// header makes.
constexpr Word kTypes[] = {
    {"table", "表"},
    {"array", "数组"},
    {"string", "字符串"},
    {"integer", "整数"},
    {"floating-point", "小数"},
    {"boolean", "布尔值"},
    {"date", "日期"},
    {"time", "时间"},
    {"date-time", "日期时间"},
    {"array-of-tables", "表数组"},
};

// X in "expected X, saw Y", but a quoted character ('=').
constexpr Word kExpected[] = {
    {"value", "值"},
    {"a comment or whitespace", "空白或注释"},
    {"keys, tables, whitespace or comments", "键、表头、空白或注释"},
    {"bare key starting character or string delimiter", "键名或引号"},
    {"key-value pair", "键值对"},
    {"key-value pair or closing '}'", "键值对或“}”"},
    {"key or closing '}'", "键或“}”"},
    {"comma or closing '}'", "逗号或“}”"},
    {"comma or closing ']'", "逗号或“]”"},
    {"value or closing ']'", "值或“]”"},
    {"value-terminator", "值的结尾"},
    {"space or tab", "空格或制表符"},
    {"space, 'T' or 't'", "空格、“T”或“t”"},
    {"digit", "数字"},
    {"decimal digit", "数字"},
    {"decimal digit or '.'", "数字或“.”"},
    {"decimal digit or exponent", "数字或指数"},
    {"exponent digit", "指数的数字"},
    {"exponent decimal digit or sign", "指数的数字或正负号"},
    {"exponent digit or sign", "指数的数字或正负号"},
    {"fractional digits", "小数部分的数字"},
    {"hex digit", "十六进制数字"},
    {"hexadecimal digit", "十六进制数字"},
    {"hexadecimal digit or '.'", "十六进制数字或“.”"},
    {"hexadecimal digit or exponent", "十六进制数字或指数"},
    {"4-digit year", "四位数的年份"},
    {"2-digit month", "两位数的月份"},
    {"2-digit day", "两位数的日期"},
    {"2-digit hour", "两位数的小时"},
    {"2-digit minute", "两位数的分钟"},
    {"2-digit second", "两位数的秒数"},
};

// The fields of a date or time, in "expected month between 1 and 12
// (inclusive), saw 13".
constexpr Word kFields[] = {
    {"month", "月份"},    {"day", "日期"},    {"hour", "小时数"},
    {"minute", "分钟数"}, {"second", "秒数"},
};

// Details that are whole sentences. Where the Chinese names the likely
// mistake, `hint` says it after toml++'s English.
struct Sentence {
  std::string_view key, zh, hint = {};
};
constexpr Sentence kSentences[] = {
    {"encountered end-of-file", "文件意外结束"},
    {"could not determine value type", "无法确定值的类型（文字要放在引号内）",
     " (text goes in quotes)"},
    {"leading zeroes are prohibited", "数字不能以 0 开头"},
    {"underscores may only follow digits", "下划线只能跟在数字之后"},
    {"underscores must be followed by digits", "下划线之后必须是数字"},
    {"values may not begin with underscores", "值不能以下划线开头"},
    {"tables with blank bare keys are explicitly prohibited", "表名不能为空"},
    {"unescaped control characters other than TAB (U+0009) are explicitly prohibited",
     "字符串中不能有未转义的控制字符（制表符除外）；少了结尾的引号？",
     " (a closing quote missing?)"},
    {"control characters other than TAB (U+0009) are explicitly prohibited",
     "字符串中不能有控制字符（制表符除外）；少了结尾的引号？", " (a closing quote missing?)"},
    {"unexpected control character", "意外的控制字符"},
    {"missing exponent", "缺少指数"},
    {"values greater than U+10FFFF are invalid", "不能大于 U+10FFFF"},
    {"unicode surrogates (U+D800 - U+DFFF) are explicitly prohibited",
     "不能是代理码位（U+D800 至 U+DFFF）"},
    {"[[array-of-table]] brackets must be contiguous (i.e. [ [ this ] ] is prohibited)",
     "表数组的两层方括号之间不能有空格（应写作 [[名称]]）"},
    {"multi-line strings are prohibited in keys", "键不能是多行字符串"},
    {"multi-line strings are prohibited in dotted keys", "键不能是多行字符串"},
};

// After an escape toml++ refuses, most likely a Windows path ("C:\data"):
// the hint in English and in Chinese.
constexpr std::string_view kBackslashEn =
    " (a backslash is written \\\\, or the text goes in 'single quotes')";
constexpr std::string_view kBackslashZh = "（反斜杠要写成 \\\\，或把文字放在单引号内）";

std::string str(std::string_view v) {
  return std::string(v);
}

// 'c' (one character or an escape such as '\n') as a Chinese reader sees it.
std::string quoted(std::string_view inner) {
  if (inner == "\\n") return "换行";
  if (inner == "\\r") return "回车";
  if (inner == "\\t") return "制表符";
  if (inner == " ") return "空格";
  return "“" + str(inner) + "”";
}

// `s` after Chinese: a space before a number or a Latin letter, as
// elsewhere in plan's Chinese ("不在 20 至 10000 之间").
std::string spaced(std::string s) {
  const char c = s.empty() ? ' ' : s[0];
  const bool latin = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return latin ? " " + s : s;
}

// A digit of the integers of `scope` (an integer's scope names its base).
constexpr Word kDigits[] = {
    {"binary integer", "二进制数字"},
    {"octal integer", "八进制数字"},
    {"hexadecimal integer", "十六进制数字"},
};

// X of "expected X" while reading `scope`, or "" when unknown.
std::string expected(std::string_view x, std::string_view scope) {
  std::string_view inner, field, a, b, c;
  if (x.size() >= 3 && between(x, "'", "'", &inner) && inner.find('\'') == std::string_view::npos)
    return quoted(inner);
  // "expected digit, saw '2'" of 0b12: a binary digit.
  if (x == "digit")
    if (auto zh = word(kDigits, scope); !zh.empty()) return str(zh);
  if (auto zh = word(kExpected, x); !zh.empty()) return str(zh);
  // "month between 1 and 12 (inclusive)". A time's hour is refused above
  // 23, but toml++ words it "hour between 0 to 59".
  if (split_first(x, " between ", &field, &c) && between(c, "", " (inclusive)", &c)) {
    if (field == "hour" && c == "0 to 59") c = "0 and 23";
    if (split_first(c, " and ", &a, &b))
      if (auto zh = word(kFields, field); !zh.empty())
        return str(a) + " 至 " + str(b) + " 之间的" + str(zh);
  }
  return "";
}

// Y of "saw Y": a character, a word, a number.
std::string saw(std::string_view y) {
  std::string_view inner;
  if (y == "comma") return "逗号";
  if (y == "EOF") return "文件结尾";
  if (y == "closing '}' (dangling comma)") return "“}”（前面多了一个逗号）";
  if (y.size() >= 2 && between(y, "'", "'", &inner)) return quoted(inner);
  return str(y);
}

// The Chinese of DETAIL while reading `scope`, or "" when its shape is not
// one plan knows; `*hint`: what to say after the English too, if anything.
std::string detail_zh(std::string_view d, std::string_view scope, std::string_view* hint) {
  std::string_view a, b, c;
  if (const Sentence* s = find_key(kSentences, d)) {
    *hint = s->hint;
    return str(s->zh);
  }
  if (split_last(d, ", saw ", &a, &b) && between(a, "expected ", "", &a)) {
    std::string x = expected(a, scope);
    if (!x.empty()) return "应为" + spaced(x) + "，实际为" + spaced(saw(b));
    return "";
  }
  // "cannot redefine existing TYPE 'KEY'", "... 'KEY' as table",
  // "... TYPE as dotted key-value pair".
  if (between(d, "cannot redefine existing ", "", &c)) {
    if (between(c, "", " as dotted key-value pair", &a))
      if (auto type = word(kTypes, a); !type.empty())
        return "已有的" + str(type) + "不能再用带点的键重新定义";
    std::string_view as;
    if (split_last(c, "' as ", &c, &as))
      c = std::string_view(c.data(), c.size() + 1);  // keep the closing quote
    if (split_first(c, " '", &a, &b) && between(b, "", "'", &b)) {
      auto type = word(kTypes, a), made = word(kTypes, as);
      if (!type.empty() && as.empty()) return str(type) + "“" + str(b) + "”已定义，不能重复定义";
      if (!type.empty() && !made.empty())
        return "已有" + str(type) + "“" + str(b) + "”，不能再定义为" + str(made);
    }
    return "";
  }
  if (between(d, "cannot insert '", "' into existing inline table", &a))
    return "不能向已有的内联表加入“" + str(a) + "”";
  if (between(d, "unknown escape sequence '", "'", &a) ||
      between(d, "escape sequence '", "' is not supported in TOML 1.0.0 and earlier", &a)) {
    *hint = kBackslashEn;
    return "不支持的转义序列“" + str(a) + "”" + str(kBackslashZh);
  }
  if (between(d, "'", "' is not representable in 64 bits", &a))
    return "“" + str(a) + "”超出了 64 位整数的范围";
  if (between(d, "exceeds length limit of ", " digits", &a) ||
      between(d, "exceeds length limit of ", " digits (consider using exponent notation)", &a))
    return "超过 " + str(a) + " 位数字";
  if (between(d, "fractional component exceeds maximum precision of ", "", &a))
    return "小数部分超过 " + str(a) + " 位";
  if (between(d, "exceeded maximum nested value depth of ", "", &a)) {
    split_first(a, " ", &a, &b);  // "256 (TOML_MAX_NESTED_VALUES)"
    return "嵌套超过 " + str(a) + " 层";
  }
  if (between(d, "numeric value too long to identify type - cannot exceed ", " characters", &a))
    return "数值太长（不能超过 " + str(a) + " 个字符）";
  return "";
}

}  // namespace

Message toml_message(std::string_view description) {
  std::string en(description);
  std::string_view scope, detail;
  if (between(description, "Error while parsing ", "", &scope) &&
      split_first(scope, ": ", &scope, &detail)) {
    std::string_view hint;
    std::string zh = detail_zh(detail, scope, &hint);
    if (zh.empty()) zh = detail;
    // What the Chinese says of the likely mistake, the English says too.
    en += hint;
    std::string_view scope_zh = word(kScopes, scope);
    return {en, "TOML 语法错误（" + str(scope_zh.empty() ? scope : scope_zh) + "）：" + zh};
  }
  return {en, "TOML 语法错误：" + en};
}

}  // namespace plan
