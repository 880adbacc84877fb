#include "parser_words.h"

#include <regex>
#include <string>

namespace plan {

namespace {

// A shape of CLI11's (or a validator's) English and its Chinese, as an
// ECMAScript pattern over the whole message and a format with $1, $2 ...
struct Shape {
  const char* en;
  const char* zh;
};

// Most specific first: the first whose pattern matches the whole message
// gives the Chinese. OPTION is an option's name as CLI11 gives it
// (--as-of, or an argument's name: id).
constexpr Shape kShapes[] = {
    // plan's validators (cli/common.cpp), after CLI11's "OPTION: ".
    {R"((\S+): '(.*)' is not a date \(YYYY-MM-DD\))", "$1：“$2”不是日期（YYYY-MM-DD）"},
    {R"((\S+): '(.*)' is not a status \((.*)\))", "$1：“$2”不是状态（可选：$3）"},
    // CLI::IsMember and CLI::Range.
    {R"((\S+): (.*) not in \{(.*)\})", "$1：“$2”不是可选的值（可选：$3）"},
    {R"((\S+): Value (.*) not in range (\S+) to (\S+))", "$1：“$2”不在 $3 至 $4 之间"},
    // A value missing after an option, or an argument missing.
    {R"((\S+): (\d+) required (\S+) missing)", "$1 后缺少 $3"},
    {R"((\S+) is required)", "缺少 $1"},
    {R"((\S+) requires (\S+))", "$1 需要同时给出 $2"},
    {R"((\S+) excludes (\S+))", "$1 与 $2 不能同时使用"},
    {R"(Could not convert: (\S+) = (.*))", "$1 的值“$2”无法识别"},
    // Words left over.
    {R"(The following arguments? (?:was|were) not expected: (.*))", "多余的参数：$1"},
};

}  // namespace

Message parser_message(std::string_view what) {
  const std::string en(what);
  for (const Shape& s : kShapes) {
    const std::regex pattern(s.en);
    std::smatch m;
    if (std::regex_match(en, m, pattern)) return {en, m.format(s.zh)};
  }
  return {en, en};
}

}  // namespace plan
