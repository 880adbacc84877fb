// The workbook's bytes. Its cells are read back by an independent reader
// (openpyxl) in tests/cli/xlsx.sh; here: that the bytes are a zip archive,
// that they depend on the inputs only (never the clock), and the errors.
#include "render_xlsx.h"

#include <doctest/doctest.h>
#include <xlsxwriter.h>

#include <string>

#include "table_fixture.h"

namespace plan {
namespace {

XlsxBook book_of(const Table& t, Date as_of) {
  XlsxBook b;
  b.title = "测试计划";
  b.as_of = as_of;
  b.sheets.push_back({"Status", "完成情况", &t, std::nullopt});
  return b;
}

TEST_CASE("render_xlsx: a zip archive, the same bytes for the same inputs") {
  Table t = testing::sample();
  t.rows.front().cells[1] = Cell::of_text("=1+1");  // a note that looks like a formula
  Date d = *Date::parse("2019-06-30");
  auto first = render_xlsx(book_of(t, d));
  REQUIRE(first.ok());
  CHECK(first->substr(0, 4) == std::string("PK\x03\x04", 4));  // a zip local file header
  auto second = render_xlsx(book_of(t, d));
  REQUIRE(second.ok());
  CHECK(*first == *second);
  // The as-of date is the document's creation time: another date, other bytes.
  auto later = render_xlsx(book_of(t, *Date::parse("2019-07-01")));
  REQUIRE(later.ok());
  CHECK(*later != *first);
}

TEST_CASE("render_xlsx: a chart sheet and Chinese names render") {
  Table t = testing::sample();
  XlsxBook b = book_of(t, *Date::parse("2020-06-30"));
  b.zh = true;
  b.sheets.front().chart = XlsxChart{"完成率", 1, {3}};
  auto bytes = render_xlsx(b);
  REQUIRE(bytes.ok());
  CHECK(bytes->size() > 1000);
}

TEST_CASE("render_xlsx: a sheet name Excel refuses is an error, not a crash") {
  Table t = testing::sample();
  XlsxBook b = book_of(t, *Date::parse("2020-06-30"));
  b.sheets.front().name = "a/b";  // '/' is not allowed in a sheet name
  auto bytes = render_xlsx(b);
  REQUIRE_FALSE(bytes.ok());
  CHECK(bytes.error().message == "cannot name an Excel sheet 'a/b'");
  CHECK(bytes.error().message_zh == "Excel 不接受工作表名“a/b”");
}

TEST_CASE("xlsx_reason: libxlsxwriter's reasons in both languages") {
  // The English is the library's own words, without their full stop.
  const Message tmp = xlsx_reason(LXW_ERROR_CREATING_TMPFILE);
  CHECK(tmp.en + "." == lxw_strerror(LXW_ERROR_CREATING_TMPFILE));
  CHECK(tmp.zh == "生成文件时无法创建临时文件");
  CHECK(xlsx_reason(LXW_ERROR_ZIP_CLOSE).zh == "写入 xlsx 压缩包时出错");
  // A reason a person does not meet keeps its English in both.
  const Message other = xlsx_reason(LXW_ERROR_IMAGE_DIMENSIONS);
  CHECK(other.en + "." == lxw_strerror(LXW_ERROR_IMAGE_DIMENSIONS));
  CHECK(other.zh == other.en);
}

}  // namespace
}  // namespace plan
