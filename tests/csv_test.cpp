#include "csv.h"

#include <doctest/doctest.h>

using plan::CsvRecord;
using plan::parse_csv;
using plan::to_utf8;

namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows fields_of(const std::vector<CsvRecord>& recs) {
  Rows out;
  for (const auto& r : recs) out.push_back(r.fields);
  return out;
}

std::vector<int> lines_of(const std::vector<CsvRecord>& recs) {
  std::vector<int> out;
  for (const auto& r : recs) out.push_back(r.line);
  return out;
}

// The headline of the parse error of `text`, or "" when it parsed.
std::string parse_error(std::string_view text) {
  auto r = parse_csv(text, "x.csv");
  return r.ok() ? "" : r.error().headline();
}

}  // namespace

TEST_CASE("csv: plain fields and lines") {
  auto r = parse_csv("date,id,value\n2019-03-31,jobs.urban_new,4210\n", "x.csv");
  REQUIRE(r.ok());
  CHECK(fields_of(*r) == Rows{{"date", "id", "value"}, {"2019-03-31", "jobs.urban_new", "4210"}});
  CHECK(lines_of(*r) == std::vector<int>{1, 2});
}

TEST_CASE("csv: quoted fields hold commas, quotes and line breaks") {
  auto r = parse_csv(
      "a,b,c\r\n"
      "\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n"
      "\"\",plain,\"\"\"\"\r\n",
      "x.csv");
  REQUIRE(r.ok());
  CHECK(fields_of(*r) ==
        Rows{{"a", "b", "c"}, {"x, y", "say \"hi\"", "two\nlines"}, {"", "plain", "\""}});
  // The record with the embedded line break starts on line 2; the next on 4.
  CHECK(lines_of(*r) == std::vector<int>{1, 2, 4});
}

TEST_CASE("csv: embedded LF stays LF") {
  auto r = parse_csv("\"a\nb\",c\n", "x.csv");
  REQUIRE(r.ok());
  CHECK(fields_of(*r) == Rows{{"a\nb", "c"}});
}

TEST_CASE("csv: BOM, CR LF and a missing final newline") {
  auto r = parse_csv("\xEF\xBB\xBF日期,值\r\n2019-01-01,5", "x.csv");
  REQUIRE(r.ok());
  CHECK(fields_of(*r) == Rows{{"日期", "值"}, {"2019-01-01", "5"}});
}

TEST_CASE("csv: empty lines and trailing empty lines are skipped") {
  auto r = parse_csv("a,b\n\n1,2\r\n\r\n\n", "x.csv");
  REQUIRE(r.ok());
  CHECK(fields_of(*r) == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(lines_of(*r) == std::vector<int>{1, 3});
  auto empty = parse_csv("", "x.csv");
  REQUIRE(empty.ok());
  CHECK(empty->empty());
  auto bom_only = parse_csv("\xEF\xBB\xBF", "x.csv");
  REQUIRE(bom_only.ok());
  CHECK(bom_only->empty());
}

TEST_CASE("csv: the spreadsheet row of each record") {
  // A quoted line break stays in its cell; an empty line is an empty row.
  auto r = parse_csv("a,b\n\"x\ny\",1\n\n2,3\r\n\"p\r\nq\r\nr\",4\n5,6", "x.csv");
  REQUIRE(r.ok());
  CHECK(lines_of(*r) == std::vector<int>{1, 2, 5, 6, 9});
  std::vector<int> rows;
  for (const auto& rec : *r) rows.push_back(rec.row);
  CHECK(rows == std::vector<int>{1, 2, 4, 5, 6});
}

TEST_CASE("csv: empty fields at both ends") {
  auto r = parse_csv(",a,\n,\n\"\"", "x.csv");
  REQUIRE(r.ok());
  CHECK(fields_of(*r) == Rows{{"", "a", ""}, {"", ""}, {""}});
}

TEST_CASE("csv: fields are not trimmed") {
  auto r = parse_csv(" a , b \n", "x.csv");
  REQUIRE(r.ok());
  CHECK(fields_of(*r) == Rows{{" a ", " b "}});
}

TEST_CASE("csv: where each field starts, in characters") {
  // Line 1: 日期 (2 characters) at 1, its comma at 3, the quoted "a,b" at 4
  // (to its closing quote at 8), its comma at 9, 数值 at 10. The quoted
  // field opening at line 2, column 1 holds a line break; on line 3 come y
  // at 1, the closing quote at 2 and a comma at 3, so "2" starts at 4; after
  // its comma at 5 the empty last field starts at 6.
  auto r = parse_csv("日期,\"a,b\",数值\n\"x\ny\",2,\n", "x.csv");
  REQUIRE(r.ok());
  REQUIRE(r->size() == 2);
  using Start = CsvRecord::Start;
  auto starts = [](const CsvRecord& rec) {
    std::vector<std::pair<int, int>> out;
    for (const Start& s : rec.starts) out.emplace_back(s.line, s.column);
    return out;
  };
  CHECK(starts((*r)[0]) == std::vector<std::pair<int, int>>{{1, 1}, {1, 4}, {1, 10}});
  CHECK(starts((*r)[1]) == std::vector<std::pair<int, int>>{{2, 1}, {3, 4}, {3, 6}});
  CHECK((*r)[1].fields == std::vector<std::string>{"x\ny", "2", ""});
}

TEST_CASE("csv: field starts stay right along a long row and on the next line") {
  // 1,000 fields "一," then a second line "x,yz": field k of the first line
  // starts at column 2k + 1 (一 and its comma are a character each).
  std::string text;
  for (int k = 0; k < 1000; ++k) text += "一,";
  text += "\nx,yz\n";
  auto r = parse_csv(text, "x.csv");
  REQUIRE(r.ok());
  REQUIRE(r->size() == 2);
  const auto& first = (*r)[0].starts;
  REQUIRE(first.size() == 1001);  // the last comma ends in an empty field
  for (int k = 0; k <= 1000; ++k) {
    CHECK(first[static_cast<std::size_t>(k)].line == 1);
    CHECK(first[static_cast<std::size_t>(k)].column == 2 * k + 1);
  }
  CHECK((*r)[1].starts[0].column == 1);
  CHECK((*r)[1].starts[1].column == 3);
}

TEST_CASE("csv: unterminated quote is reported where it opens") {
  CHECK(parse_error("a,b\n1,\"never\nclosed,2\n") == "x.csv:2:3: quoted field is never closed");
}

TEST_CASE("csv: quote inside an unquoted field") {
  CHECK(parse_error("a,b\r\n1,4\"2\r\n") ==
        "x.csv:2:4: quote inside an unquoted field; quote the whole field and double the quotes "
        "inside it (\"\")");
}

TEST_CASE("csv: text after a closing quote") {
  // Columns count characters, not bytes: 备注 is six bytes, two characters.
  CHECK(parse_error("a,b\n\"备注\"x,1\n") ==
        "x.csv:2:5: text after the closing quote of a field; a quote inside a quoted field is "
        "written twice (\"\")");
  // After a quoted line break the column counts from the new line.
  CHECK(parse_error("\"a\nbc\"d\n") ==
        "x.csv:2:4: text after the closing quote of a field; a quote inside a quoted field is "
        "written twice (\"\")");
}

TEST_CASE("UTF-8: passes through when valid") {
  auto r = to_utf8("日期,值\n", "UTF-8", "x.csv");
  REQUIRE(r.ok());
  CHECK(*r == "日期,值\n");
  CHECK(to_utf8("a", "utf8", "x.csv").ok());
}

TEST_CASE("UTF-8: invalid byte is reported at its line and column") {
  // "日期" in GB18030 read as UTF-8: C8 is a lead byte, D5 is no continuation.
  auto r = to_utf8("date,id\n2019,\xC8\xD5\xC6\xDA\n", "utf-8", "x.csv");
  REQUIRE_FALSE(r.ok());
  // The file reads as GB18030 to its end: said so, in both languages.
  CHECK(r.error().headline() ==
        "x.csv:2:6: not valid UTF-8 (byte 13: C8); the file looks like GB18030 (GBK), as Chinese "
        "Excel saves CSV: add --encoding gb18030");
  CHECK(r.error().message_zh ==
        "不是有效的 UTF-8（字节 13：C8）；文件看来是 GB18030（GBK）编码（中文版 Excel 保存 CSV "
        "所用）：请加 --encoding gb18030");
  // Latin-1 (café): E9 and the line's end are no GB18030 either.
  auto latin = to_utf8("date,note\n2019,caf\xE9\n", "utf-8", "x.csv");
  REQUIRE_FALSE(latin.ok());
  CHECK(latin.error().headline() ==
        "x.csv:2:9: not valid UTF-8 (byte 18: E9); a Chinese Excel export may need --encoding "
        "gb18030");
  CHECK(latin.error().message_zh ==
        "不是有效的 UTF-8（字节 18：E9）；中文版 Excel 导出的 CSV 可能要加 --encoding gb18030");
}

TEST_CASE("GB18030: converts to UTF-8") {
  // 日期 is C8D5 C6DA in GB2312/GBK/GB18030 (区位 4053 and 3858); 😀 (U+1F600)
  // is a four-byte GB18030 sequence, 94 39 FC 36.
  auto r = to_utf8("\xC8\xD5\xC6\xDA,id\r\n\x94\x39\xFC\x36,x\r\n", "GB18030", "x.csv");
  REQUIRE(r.ok());
  CHECK(*r == "日期,id\r\n😀,x\r\n");
}

TEST_CASE("GB18030: invalid byte is reported at its line and column") {
  auto r = to_utf8("\xC8\xD5,b\n\xC6\xDA,\xFF\n", "gb18030", "x.csv");
  REQUIRE_FALSE(r.ok());
  // Byte 8 of the input is on line 2, the third character there.
  CHECK(r.error().headline() == "x.csv:2:3: not valid GB18030 (byte 8: FF)");
}

TEST_CASE("GB18030: character cut at the end") {
  auto r = to_utf8("a,\xC8", "gb18030", "x.csv");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().headline() == "x.csv:1:3: incomplete GB18030 character at the end (byte 2: C8)");
}

TEST_CASE("unknown encoding is refused") {
  auto r = to_utf8("a", "latin1", "x.csv");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().headline() ==
        "x.csv: unknown encoding 'latin1' (use utf-8 or gb18030, which also reads gbk and gb2312)");
  // The names of GB18030's subsets read as it: 日期 is C8D5 C6DA in each.
  for (const char* name : {"GBK", "gb2312", "cp936"}) {
    auto sub = to_utf8("\xC8\xD5\xC6\xDA", name, "x.csv");
    REQUIRE_MESSAGE(sub.ok(), name);
    CHECK(*sub == "日期");
  }
}
