#include "parser_words.h"

#include <doctest/doctest.h>

using namespace plan;

namespace {

std::string zh(std::string_view what) {
  return parser_message(what).zh;
}

}  // namespace

TEST_CASE("the parser's messages a person meets read in Chinese") {
  // plan's own validators, after CLI11's "OPTION: ".
  CHECK(zh("--as-of: '2020-13-01' is not a date (YYYY-MM-DD)") ==
        "--as-of：“2020-13-01”不是日期（YYYY-MM-DD）");
  CHECK(zh("--fail-on: 'foo' is not a status (achieved, behind)") ==
        "--fail-on：“foo”不是状态（可选：achieved, behind）");
  // CLI::IsMember, CLI::Range.
  CHECK(zh("--format: xyz not in {table,csv}") == "--format：“xyz”无效（可选值：table,csv）");
  CHECK(zh("--columns: Value 5 not in range 20 to 10000") == "--columns：“5”不在 20 至 10000 之间");
  CHECK(zh("--columns: Value -5 not in range 20 to 10000") ==
        "--columns：“-5”不在 20 至 10000 之间");
  CHECK(zh("--columns: Value abc not in range 20 to 10000") ==
        "--columns：“abc”不是整数（应在 20 至 10000 之间）");
  // Missing and left over.
  CHECK(zh("--as-of: 1 required DATE missing") == "--as-of 后缺少 DATE");
  CHECK(zh("id is required") == "缺少参数 id");
  CHECK(zh("--by requires --file") == "--by 需要同时给出 --file");
  CHECK(zh("--add excludes --force") == "--add 与 --force 不能同时使用");
  CHECK(zh("Could not convert: --columns = abc") == "--columns 的值“abc”无法识别");
  CHECK(zh("The following argument was not expected: --nosuch") ==
        "未知的选项或多余的参数：--nosuch");
  CHECK(zh("The following arguments were not expected: b a") == "未知的选项或多余的参数：b a");
  CHECK(zh("--since: At Most 1 required but received 2") ==
        "--since 最多只能给 1 个值，收到了 2 个");
  // plan's own: a period's label, a file name whose format the command lacks.
  CHECK(zh("--month: '2020-13' is not a month (YYYY-MM, such as 2020-06 or 2020年6月)") ==
        "--month：“2020-13”不是月份（YYYY-MM，如 2020-06 或 2020年6月）");
  CHECK(zh("--week: 'x' is not a week (YYYY-Www, an ISO week such as 2020-W27)") ==
        "--week：“x”不是周（YYYY-Www，ISO 周，如 2020-W27）");
  CHECK(zh("--output: status has no html format for y.html; --format chooses one of table, csv") ==
        "--output：status 没有 html 格式（y.html）；--format 可选：table, csv");
}

TEST_CASE("a parser message of another shape keeps its English, in both languages") {
  const Message m = parser_message("Something CLI11 says that plan has not met");
  CHECK(m.en == "Something CLI11 says that plan has not met");
  CHECK(m.zh == m.en);
  // The English is never changed.
  CHECK(parser_message("id is required").en == "id is required");
  // Near misses of the shapes.
  CHECK(zh("two words is required") == "two words is required");
  CHECK(zh("--as-of: x required DATE missing") == "--as-of: x required DATE missing");
  CHECK(zh("--x y: 'a' is not a date (YYYY-MM-DD)") == "--x y: 'a' is not a date (YYYY-MM-DD)");
}

TEST_CASE("a value of any length on the command line is worded, not a crash") {
  // std::regex, used first, recursed once per character and overflowed the
  // stack on an argument of 100,000 characters.
  const std::string long_value(200'000, 'A');
  CHECK(zh("--as-of: '" + long_value + "' is not a date (YYYY-MM-DD)") ==
        "--as-of：“" + long_value + "”不是日期（YYYY-MM-DD）");
  CHECK(zh("The following argument was not expected: " + long_value) ==
        "未知的选项或多余的参数：" + long_value);
}
