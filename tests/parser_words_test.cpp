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
  CHECK(zh("--format: xyz not in {table,csv}") == "--format：“xyz”不是可选的值（可选：table,csv）");
  CHECK(zh("--columns: Value 5 not in range 20 to 10000") == "--columns：“5”不在 20 至 10000 之间");
  // Missing and left over.
  CHECK(zh("--as-of: 1 required DATE missing") == "--as-of 后缺少 DATE");
  CHECK(zh("id is required") == "缺少 id");
  CHECK(zh("--by requires --file") == "--by 需要同时给出 --file");
  CHECK(zh("--add excludes --force") == "--add 与 --force 不能同时使用");
  CHECK(zh("Could not convert: --columns = abc") == "--columns 的值“abc”无法识别");
  CHECK(zh("The following argument was not expected: --nosuch") == "多余的参数：--nosuch");
  CHECK(zh("The following arguments were not expected: b a") == "多余的参数：b a");
}

TEST_CASE("a parser message of another shape keeps its English, in both languages") {
  const Message m = parser_message("Something CLI11 says that plan has not met");
  CHECK(m.en == "Something CLI11 says that plan has not met");
  CHECK(m.zh == m.en);
  // The English is never changed.
  CHECK(parser_message("id is required").en == "id is required");
}
