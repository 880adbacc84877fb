#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render.h"

namespace plan {
namespace {

Decimal dec(const char* s) {
  return *Decimal::parse(s);
}

Table one_column(std::vector<Cell> cells) {
  Table t;
  t.columns = {{"v", "V", ""}};
  for (Cell& c : cells) t.rows.push_back({{std::move(c)}, ""});
  return t;
}

// The body lines of a one-column CSV, without the header.
std::string csv_body(std::vector<Cell> cells) {
  std::string out = render_delimited(one_column(std::move(cells)), ',', {});
  return out.substr(out.find("\r\n") + 2);
}

// A strict RFC 4180 reader written for this test: records end in CRLF,
// fields are separated by commas, a quoted field may hold commas, CR, LF and
// doubled quotes. Fails the test on anything else.
std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '"') {
      ++i;
      for (;;) {
        REQUIRE(i < s.size());  // an unterminated quoted field
        if (s[i] == '"') {
          if (i + 1 < s.size() && s[i + 1] == '"') {
            field += '"';
            i += 2;
          } else {
            ++i;
            break;
          }
        } else {
          field += s[i++];
        }
      }
    } else {
      while (i < s.size() && s[i] != ',' && s[i] != '\r' && s[i] != '\n') {
        REQUIRE(s[i] != '"');  // a quote inside an unquoted field
        field += s[i++];
      }
    }
    REQUIRE(i < s.size());  // the last record ends in CRLF too
    if (s[i] == ',') {
      row.push_back(field);
      field.clear();
      ++i;
    } else {
      REQUIRE(s.compare(i, 2, "\r\n") == 0);
      row.push_back(field);
      field.clear();
      rows.push_back(row);
      row.clear();
      i += 2;
    }
  }
  return rows;
}

Table sample() {
  Table t;
  t.title = "Status";
  t.columns = {
      {"id", "ID", "编号"},
      {"name", "Indicator", "指标", false, true, true, 3},
      {"target", "Target", "目标", true},
      {"done", "Done", "完成率", true},
      {"status", "Status", "状态"},
      {"bar", "Progress", "进度", false, true, false},
      {"area", "Area", "领域", false, false, true},
  };
  t.rows = {
      {{Cell::of_text("1.1"), Cell::of_text("外贸进出口额"), Cell::of_amount(dec("51000")),
        Cell::of_ratio(0.4534), Cell::of_status("behind"), Cell::of_bar(0.4534, 0.6),
        Cell::of_text("经济")},
       "经济"},
      {{Cell::of_text("1.2"), Cell::of_text("GDP"), Cell::of_amount(dec("-1200")), Cell::none(),
        Cell::of_status("achieved"), Cell::of_bar(1, 0.6), Cell::of_text("经济")},
       "经济"},
      {{Cell::of_text("2.10"), Cell::of_text("跨境电商"), Cell::of_amount(dec("1.9")),
        Cell::of_ratio(1.0), Cell::none(), Cell::of_bar(1, 0.6), Cell::of_text("Trade")},
       "Trade"},
  };
  t.footer = {"1 behind"};
  return t;
}

TEST_CASE("render_delimited: CSV golden: keys, plain numbers, CRLF, no groups, titles or footers") {
  // The bar column (csv=false) is gone, the area column (table=false) is
  // here, the name is not truncated, the headers are not translated.
  RenderOptions o;
  o.zh = true;
  o.color = true;
  CHECK(render_delimited(sample(), ',', o) ==
        "id,name,target,done,status,area\r\n"
        "1.1,外贸进出口额,51000,0.4534,behind,经济\r\n"
        "1.2,GDP,-1200,,achieved,经济\r\n"
        "2.10,跨境电商,1.9,1,,Trade\r\n");
}

TEST_CASE("render_delimited: TSV golden: LF line ends") {
  CHECK(render_delimited(sample(), '\t', {}) ==
        "id\tname\ttarget\tdone\tstatus\tarea\n"
        "1.1\t外贸进出口额\t51000\t0.4534\tbehind\t经济\n"
        "1.2\tGDP\t-1200\t\tachieved\t经济\n"
        "2.10\t跨境电商\t1.9\t1\t\tTrade\n");
}

TEST_CASE("render_delimited: numbers are plain and exact") {
  CHECK(csv_body({Cell::of_amount(dec("12345.6")), Cell::of_amount(dec("-0.000001")),
                  Cell::of_ratio(0.4534), Cell::of_ratio(-0.02), Cell::of_number(1234.5678, 1),
                  Cell::of_number(3), Cell::of_count(-1234567),
                  Cell::of_date(Date::from_ymd(2020, 2, 29)), Cell::of_bar(0.25, 0.5)}) ==
        "12345.6\r\n-0.000001\r\n0.4534\r\n-0.02\r\n1234.5678\r\n3\r\n-1234567\r\n"
        "2020-02-29\r\n0.25\r\n");
}

TEST_CASE("render_delimited: no suffix in CSV: the number stays a number") {
  Cell pct = Cell::of_amount(dec("2.1"));
  pct.suffix = "%";
  Cell r = Cell::of_ratio(0.5);
  r.suffix = " of target";
  CHECK(csv_body({pct, r}) == "2.1\r\n0.5\r\n");
}

TEST_CASE("render_delimited: RFC 4180 quoting") {
  CHECK(csv_body({Cell::of_text("a,b"), Cell::of_text("say \"hi\""), Cell::of_text("l1\nl2"),
                  Cell::of_text("cr\rhere"), Cell::of_text("plain text"),
                  Cell::of_text("中文，逗号")}) ==
        "\"a,b\"\r\n"
        "\"say \"\"hi\"\"\"\r\n"
        "\"l1\nl2\"\r\n"
        "\"cr\rhere\"\r\n"
        "plain text\r\n"
        "中文，逗号\r\n");  // a full-width comma is only text
}

TEST_CASE("render_delimited: a separator, quote or line break is found wherever it is") {
  // The test looks at sixteen bytes at a time (SSE2), then eight, then one:
  // each character at every place of texts of 1 to 40 bytes (two blocks of
  // sixteen, then a word, then single bytes), among characters that must
  // not set it off (bytes just below and above them, and a high byte of
  // Chinese text).
  for (char special : {',', '"', '\r', '\n'}) {
    for (std::size_t size = 1; size <= 40; ++size) {
      for (std::size_t at = 0; at < size; ++at) {
        std::string s;
        for (std::size_t i = 0; i < size; ++i) s += "+-.!\x0b\x0c#\xe4"[i % 8];
        s[at] = special;
        std::string want = "\"";
        for (char c : s) want += c == '"' ? std::string("\"\"") : std::string(1, c);
        want += '"';
        std::string out;
        append_delimited_plain(out, s, ',');
        CAPTURE(size);
        CAPTURE(at);
        CHECK(out == want);
      }
      std::string plain;
      for (std::size_t i = 0; i < size; ++i) plain += "+-.!\x0b\x0c#\xe4"[i % 8];
      std::string out;
      append_delimited_plain(out, plain, ',');
      CHECK(out == plain);
    }
  }
  // TSV quotes nothing: a comma is only text there.
  std::string out;
  append_delimited_plain(out, "a,b \"c\"", '\t');
  CHECK(out == "a,b \"c\"");
}

TEST_CASE("render_delimited: a lone empty field is quoted so the line is not blank") {
  CHECK(csv_body({Cell::none(), Cell::of_text("")}) == "\"\"\r\n\"\"\r\n");
  // With two columns the comma already shows the record.
  Table t;
  t.columns = {{"a", "", ""}, {"b", "", ""}};
  t.rows = {{{Cell::none(), Cell::none()}, ""}};
  CHECK(render_delimited(t, ',', {}) == "a,b\r\n,\r\n");
}

TEST_CASE("render_delimited: formula-like text is neutralised with an apostrophe") {
  CHECK(csv_body({Cell::of_text("=1+1"), Cell::of_text("+1+1"), Cell::of_text("-x"),
                  Cell::of_text("@SUM(A1)"), Cell::of_text("\tfoo"), Cell::of_text("\rfoo"),
                  Cell::of_text("="), Cell::of_text("-"), Cell::of_status("=HYPERLINK(\"x\")"),
                  Cell::of_text("=a,b")}) ==
        "'=1+1\r\n"
        "'+1+1\r\n"
        "'-x\r\n"
        "'@SUM(A1)\r\n"
        "'\tfoo\r\n"
        "\"'\rfoo\"\r\n"
        "'=\r\n"
        "'-\r\n"
        "\"'=HYPERLINK(\"\"x\"\")\"\r\n"
        "\"'=a,b\"\r\n");
}

TEST_CASE("render_delimited: plain numbers and inner signs are not formulas") {
  CHECK(csv_body({Cell::of_text("-120"), Cell::of_text("+5"), Cell::of_text("-1.5"),
                  Cell::of_text("1-2"), Cell::of_text("a=b"), Cell::of_text("-1e5"),
                  Cell::of_text("-1."), Cell::of_text("-.5")}) ==
        "-120\r\n+5\r\n-1.5\r\n1-2\r\na=b\r\n'-1e5\r\n'-1.\r\n'-.5\r\n");
  // Numeric cells are numbers, never formulas.
  CHECK(csv_body({Cell::of_amount(dec("-120")), Cell::of_ratio(-0.5), Cell::of_number(-3),
                  Cell::of_count(-7)}) == "-120\r\n-0.5\r\n-3\r\n-7\r\n");
}

TEST_CASE("render_delimited: TSV turns tabs and line breaks into spaces, and does not quote") {
  Table t = one_column({Cell::of_text("a\tb"), Cell::of_text("l1\r\nl2"), Cell::of_text("\"q\",c"),
                        Cell::of_text("\tfoo"), Cell::of_text("=1+1"), Cell::of_text("-120")});
  CHECK(render_delimited(t, '\t', {}) ==
        "v\n"
        "a b\n"
        "l1  l2\n"
        "\"q\",c\n"
        "' foo\n"
        "'=1+1\n"
        "-120\n");
}

TEST_CASE("render_delimited: bytes that are not UTF-8 are written as \\xNN, controls kept") {
  Table t = one_column({Cell::of_text("records/\xB9\xE3.rec"), Cell::of_text("a\x1b")});
  CHECK(render_delimited(t, ',', {}) == "v\r\nrecords/\\xb9\\xe3.rec\r\na\x1b\r\n");
}

TEST_CASE("render_delimited: the UTF-8 BOM only when asked") {
  RenderOptions o;
  o.bom = true;
  Table t = one_column({Cell::of_text("中")});
  CHECK(render_delimited(t, ',', o) == "\xEF\xBB\xBFv\r\n中\r\n");
  CHECK(render_delimited(t, '\t', o) == "\xEF\xBB\xBFv\n中\n");
  CHECK(render_delimited(t, ',', {}) == "v\r\n中\r\n");
}

TEST_CASE("render_delimited in parts: the header (after the BOM), then the rows, each part alone") {
  RenderOptions o;
  o.bom = true;
  Table t = sample();
  CHECK(render_delimited_header(t, ',', o) == "\xEF\xBB\xBFid,name,target,done,status,area\r\n");
  CHECK(render_delimited_header(t, '\t', {}) == "id\tname\ttarget\tdone\tstatus\tarea\n");
  // Rows only, with no header: as a batch of a long listing is written.
  Table batch = t;
  batch.rows.erase(batch.rows.begin(), batch.rows.begin() + 2);
  CHECK(render_delimited_rows(batch, ',') == "2.10,跨境电商,1.9,1,,Trade\r\n");
  batch.rows.clear();
  CHECK(render_delimited_rows(batch, ',').empty());
  for (char sep : {',', '\t'})
    CHECK(render_delimited_header(t, sep, o) + render_delimited_rows(t, sep) ==
          render_delimited(t, sep, o));
}

TEST_CASE("render_delimited: CSV reads back to the same cells") {
  Table t;
  t.columns = {{"name", "", ""}, {"note", "", ""}, {"value", "", "", true}};
  t.rows = {
      {{Cell::of_text("外贸, 进出口"), Cell::of_text("he said \"go\"\r\nthen left"),
        Cell::of_amount(dec("1.9"))},
       "g"},
      {{Cell::of_text("\"\""), Cell::of_text(",\n,"), Cell::none()}, ""},
      {{Cell::of_text("=cmd|' /C calc'!A0"), Cell::of_text("-120"), Cell::of_ratio(0.4534)}, ""},
      {{Cell::of_text("")}, ""},  // short row: the missing cells are empty fields
  };
  std::vector<std::vector<std::string>> expected = {
      {"name", "note", "value"},
      {"外贸, 进出口", "he said \"go\"\r\nthen left", "1.9"},
      {"\"\"", ",\n,", ""},
      {"'=cmd|' /C calc'!A0", "-120", "0.4534"},
      {"", "", ""},
  };
  CHECK(parse_csv(render_delimited(t, ',', {})) == expected);
}

}  // namespace
}  // namespace plan
