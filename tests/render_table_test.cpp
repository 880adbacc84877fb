#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "render.h"
#include "table_fixture.h"
#include "text.h"

namespace plan {
namespace {

using testing::sample;

Decimal dec(const char* s) {
  return *Decimal::parse(s);
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t nl; (nl = s.find('\n', start)) != std::string::npos; start = nl + 1)
    out.push_back(s.substr(start, nl - start));
  if (start < s.size()) out.push_back(s.substr(start));  // would be a bug: no final newline
  return out;
}

// Drops ANSI SGR sequences ("\x1b[…m").
std::string strip_sgr(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\x1b' && i + 1 < s.size() && s[i + 1] == '[') {
      i = s.find('m', i);
      continue;
    }
    out += s[i];
  }
  return out;
}

std::string rule(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += "─";
  return s;
}

TEST_CASE("render_table: golden output with groups, CJK, truncation and footer") {
  // Fitted to 43 columns. Widths: ID 4 ("2.10"), Target 8 ("12,345.6"),
  // Done 6 ("100.0%"), Status 8 ("achieved"): 26 + 4×2 = 34, leaving 9 for
  // Indicator (外贸进出… is 4×2+1).
  std::string expected =
      "Status\n"
      "ID    Indicator    Target    Done  Status\n" +
      rule(43) +
      "\n"
      "经济\n"
      "1.1   外贸进出…    51,000   45.3%  behind\n"
      "1.2   GDP          -1,200          achieved\n"
      "\n"
      "Trade\n"
      "2.10  跨境电商   12,345.6  100.0%\n"
      "1 behind\n"
      "数据截至 2019-06-30\n";
  RenderOptions o;
  o.width = 43;
  CHECK(render_table(sample(), o) == expected);
}

TEST_CASE("render_table: without a width nothing is cut") {
  // 外贸进出口额 whole: Indicator is 12 wide, the rule 46.
  auto lines = lines_of(render_table(sample(), {}));
  REQUIRE(lines.size() >= 5);
  CHECK(lines[2] == rule(46));
  CHECK(lines[4] == "1.1   外贸进出口额    51,000   45.3%  behind");
}

TEST_CASE("render_table: Chinese headers under zh") {
  RenderOptions o;
  o.zh = true;
  o.width = 43;
  // 编号 4, 指标 padded to 9, 目标 right in 8, 完成率 6, 状态 padded to 8.
  auto lines = lines_of(render_table(sample(), o));
  REQUIRE(lines.size() >= 3);
  CHECK(lines[1] == "编号  指标           目标  完成率  状态");
  CHECK(lines[2] == rule(43));
}

TEST_CASE("render_table: a header without a Chinese name falls back to English") {
  Table t;
  t.columns = {{"k", "Name", ""}};
  RenderOptions o;
  o.zh = true;
  CHECK(render_table(t, o) == "Name\n" + rule(4) + "\n");
}

TEST_CASE("render_table: truncation never splits a character and keeps the column aligned") {
  Table t;
  t.columns = {{"n", "N", "", false, true, true, 0, Fit::name}, {"c", "n", "", true}};
  t.rows = {
      {{Cell::of_text("外贸进出口额"), Cell::of_count(1)}, ""},  // 12 wide: 外贸进 + … = 7
      {{Cell::of_text("abcdefgh"), Cell::of_count(22)}, ""},     // exactly 8: kept whole
      {{Cell::of_text("abcdefghi"), Cell::of_count(333)}, ""},   // 9: abcdefg + … = 8
  };
  std::string expected = "N           n\n" + rule(13) +
                         "\n"
                         "外贸进…     1\n"
                         "abcdefgh   22\n"
                         "abcdefg…  333\n";
  RenderOptions o;
  o.width = 13;  // the count column takes 3 + 2: the name gets 8
  CHECK(render_table(t, o) == expected);
}

TEST_CASE("render_table: numbers are never truncated, whatever the width") {
  Table t;
  t.columns = {{"a", "A", "", true, true, true, 2}};
  t.rows = {{{Cell::of_amount(dec("1234567"))}, ""}};
  RenderOptions o;
  o.width = 5;
  CHECK(render_table(t, o) == "        A\n" + rule(9) + "\n1,234,567\n");
}

TEST_CASE("render_table: every cell type") {
  Table t;
  t.columns = {{"n1", "n1", "", true}, {"n2", "n2", "", true}, {"c", "c", "", true},
               {"d", "d", ""},         {"e", "e", ""},         {"r", "r", "", true}};
  t.rows = {{{Cell::of_number(1234.567), Cell::of_number(2, 1), Cell::of_count(12345),
              Cell::of_date(Date::from_ymd(2019, 6, 30)), Cell::none(), Cell::of_ratio(-0.02)},
             ""}};
  // n1 "1,234.57" 8, n2 "2.0" 3, c "12,345" 6, d 10, e 1 (header), r "-2.0%" 5:
  // 33 + 5×2 = 43.
  std::string expected = "      n1   n2       c  d           e      r\n" + rule(43) +
                         "\n"
                         "1,234.57  2.0  12,345  2019-06-30     -2.0%\n";
  CHECK(render_table(t, {}) == expected);
}

TEST_CASE("render_table: a suffix is part of the cell's width, and sanitized") {
  Table t;
  t.columns = {{"a", "A", "", true}};
  Cell pct = Cell::of_amount(dec("2.1"));
  pct.suffix = "%";
  Cell odd = Cell::of_amount(dec("1200"));
  odd.suffix = "\x1b[5m";
  t.rows = {{{pct}, ""}, {{odd}, ""}};
  std::string expected = "           A\n" + rule(12) +
                         "\n"
                         "        2.1%\n"
                         "1,200\\x1b[5m\n";
  CHECK(render_table(t, {}) == expected);
}

TEST_CASE("render_table: rows before the first group, missing cells, hidden columns") {
  Table t;
  t.columns = {{"a", "A", ""}, {"h", "Hidden", "", false, false, true}, {"b", "B", "", true}};
  t.rows = {
      {{Cell::of_text("x"), Cell::of_text("secret"), Cell::of_count(1)}, ""},
      {{Cell::of_text("y")}, "G"},  // short row: the missing cells are blank
  };
  std::string expected = "A  B\n" + rule(4) +
                         "\n"
                         "x  1\n"
                         "\n"
                         "G\n"
                         "y\n";
  CHECK(render_table(t, {}) == expected);
}

TEST_CASE("render_table: an empty table is its header, or its footer when it has one") {
  Table t;
  t.columns = {{"a", "Alpha", ""}};
  CHECK(render_table(t, {}) == "Alpha\n" + rule(5) + "\n");
  // A footer that says why there are no rows ("No report is missing")
  // stands alone under the title: headings over nothing only get in its way.
  t.title = "T";
  t.footer = {"none"};
  CHECK(render_table(t, {}) == "T\nnone\n");
  t.rows = {{{Cell::of_text("x")}, ""}};
  CHECK(render_table(t, {}) == "T\nAlpha\n" + rule(5) + "\nx\nnone\n");

  Table bare;
  bare.title = "T";
  bare.footer = {"f"};
  bare.rows = {{{Cell::of_text("x")}, "G"}};
  CHECK(render_table(bare, {}) == "T\nf\n");
}

TEST_CASE("render_table and Markdown: the footer in Chinese under --lang zh, else English") {
  Table t;
  t.columns = {{"a", "Alpha", "甲"}};
  t.footer = {"none"};
  t.footer_zh = {"无"};
  RenderOptions zh;
  zh.zh = true;
  CHECK(render_table(t, zh) == "无\n");
  CHECK(render_table(t, {}) == "none\n");
  CHECK(render_markdown(t, zh).ends_with("\n无\n"));
  // Without a Chinese footer the English one stands in.
  t.footer_zh.clear();
  CHECK(render_table(t, zh) == "none\n");
}

TEST_CASE("render_table: bars are 11 columns, the marker between cells") {
  Table t;
  t.columns = {{"p", "P", ""}};
  t.rows = {
      {{Cell::of_bar(0, 0)}, ""},
      {{Cell::of_bar(1, 1)}, ""},
      {{Cell::of_bar(0.4534, 0.6)}, ""},        // 36 eighths: 4 full + ▌; marker after cell 6
      {{Cell::of_bar(0.6, 0.6)}, ""},           // on pace: the fill ends at the marker
      {{Cell::of_bar(1.5, -0.2)}, ""},          // clamped
      {{Cell::of_bar(std::nan(""), 0.5)}, ""},  // not a number: nothing filled
      {{Cell::of_bar(0.0625, 0.04)}, ""},       // 5 eighths: ▋; marker rounds to 0
  };
  std::string expected = "P\n" + rule(11) +
                         "\n"
                         "┃░░░░░░░░░░\n"
                         "██████████┃\n"
                         "████▌░┃░░░░\n"
                         "██████┃░░░░\n"
                         "┃██████████\n"
                         "░░░░░┃░░░░░\n"
                         "┃▋░░░░░░░░░\n";
  CHECK(render_table(t, {}) == expected);
  RenderOptions o;
  o.color = true;
  CHECK(render_table(t, o) == expected);  // bars are never coloured
}

TEST_CASE("render_table: colour only when asked, around the word, not the padding") {
  RenderOptions off, on;
  on.color = true;
  std::string plain = render_table(sample(), off);
  std::string coloured = render_table(sample(), on);
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(coloured.find("\x1b[33mbehind\x1b[0m\n") != std::string::npos);
  CHECK(coloured.find("\x1b[32machieved\x1b[0m\n") != std::string::npos);
  CHECK(coloured.find("\x1b[1m经济\x1b[0m\n") != std::string::npos);
  // The codes are the only difference, so widths are untouched.
  CHECK(strip_sgr(coloured) == plain);
}

TEST_CASE("render_table: the colour of each tone, whatever the word says") {
  Table t;
  t.columns = {{"s", "S", ""}};
  const std::pair<const char*, Tone> cells[] = {{"achieved", Tone::good}, {"met", Tone::good},
                                                {"done", Tone::good},     {"on_track", Tone::fine},
                                                {"behind", Tone::warn},   {"overdue", Tone::warn},
                                                {"missed", Tone::bad},    {"no_data", Tone::dim},
                                                {"pending", Tone::plain}, {"other", Tone::plain}};
  for (auto [w, tone] : cells) t.rows.push_back({{Cell::of_status(w, tone)}, ""});
  RenderOptions o;
  o.color = true;
  std::string expected = "S\n" + rule(8) +
                         "\n"
                         "\x1b[32machieved\x1b[0m\n"
                         "\x1b[32mmet\x1b[0m\n"
                         "\x1b[32mdone\x1b[0m\n"
                         "\x1b[36mon_track\x1b[0m\n"
                         "\x1b[33mbehind\x1b[0m\n"
                         "\x1b[33moverdue\x1b[0m\n"
                         "\x1b[31mmissed\x1b[0m\n"
                         "\x1b[2mno_data\x1b[0m\n"
                         "pending\n"
                         "other\n";
  CHECK(render_table(t, o) == expected);
  // The colour comes from the tone, never from the spelling.
  t.rows = {{{Cell::of_status("behind")}, ""}, {{Cell::of_status("滞后", Tone::warn)}, ""}};
  CHECK(render_table(t, o) == "S\n" + rule(6) + "\nbehind\n\x1b[33m滞后\x1b[0m\n");
}

TEST_CASE("render_table: right-aligned coloured status keeps the padding outside") {
  Table t;
  t.columns = {{"s", "Status", "", true}};
  t.rows = {{{Cell::of_status("met", Tone::good)}, ""}};
  RenderOptions o;
  o.color = true;
  CHECK(render_table(t, o) == "Status\n" + rule(6) + "\n   \x1b[32mmet\x1b[0m\n");
}

TEST_CASE("render_table: escape sequences and control characters from records are neutralised") {
  Table t;
  t.title = "T\x1b]0;pwned\x07";
  t.columns = {{"note", "Note", ""}, {"s", "S", ""}};
  t.rows = {{{Cell::of_text("red\x1b[31mX"), Cell::of_status("\x1b[2J")}, "g\x1b[1m"},
            {{Cell::of_text("a\tb\nc\r\x7f"), Cell::none()}, "g\x1b[1m"}};
  t.footer = {
      "\x9b"
      "31m"};  // raw C1 byte: invalid UTF-8 on its own
  std::string out = render_table(t, {});
  CHECK(out.find('\x1b') == std::string::npos);
  // Once visible, "red\x1b[31mX" is 12 columns and the status "\x1b[2J" 7.
  std::string expected =
      "T\\x1b]0;pwned\\x07\n"
      "Note          S\n" +
      rule(21) +
      "\n"
      "g\\x1b[1m\n"
      "red\\x1b[31mX  \\x1b[2J\n"
      "a b c \\x7f\n"
      "\\x9b31m\n";
  CHECK(out == expected);
  // With colour on, the only escape sequences are the renderer's own: the
  // bold group heading; the unknown status word stays uncoloured.
  RenderOptions o;
  o.color = true;
  std::string coloured = render_table(t, o);
  std::size_t escapes = 0;
  for (char c : coloured) escapes += c == '\x1b';
  CHECK(escapes == 2);
  CHECK(coloured.find("\x1b[1mg\\x1b[1m\x1b[0m\n") != std::string::npos);
}

// A deterministic stream of choices, so the tables are "random" yet the same
// on every run.
struct Lcg {
  std::uint64_t s;
  unsigned next(unsigned n) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>((s >> 33) % n);
  }
};

TEST_CASE(
    "render_table: every header, rule and row line has the same display width, but for the blanks "
    "cut at its end") {
  const char* texts[] = {"",
                         "a",
                         "外贸进出口额",
                         "Service trade volume",
                         "跨境电商ab",
                         "x\x1b[31my",
                         "tab\there",
                         "line\nbreak",
                         "é combining e\u0301",
                         "ｆｕｌｌ",
                         "🙂 emoji",
                         "很长很长很长很长很长的指标名称"};
  const char* statuses[] = {"achieved", "behind", "no_data", "pending", "未知"};
  const char* groups[] = {"", "Group A", "第二组"};
  Lcg rng{42};
  for (int round = 0; round < 60; ++round) {
    CAPTURE(round);
    Table t;
    std::size_t ncols = 1 + rng.next(6);
    for (std::size_t c = 0; c < ncols; ++c) {
      Column col;
      col.key = "k" + std::to_string(c);
      col.en = rng.next(2) ? "Col" + std::to_string(c) : "";
      col.zh = rng.next(2) ? "列" + std::to_string(c) : "";
      col.right = rng.next(2);
      col.table = rng.next(8) != 0;
      col.max_width = rng.next(2) ? 0 : static_cast<int>(1 + rng.next(10));
      t.columns.push_back(col);
    }
    std::size_t nrows = rng.next(8);
    for (std::size_t r = 0; r < nrows; ++r) {
      Row row;
      row.group = groups[rng.next(3)];
      std::size_t ncells = rng.next(5) ? ncols : rng.next(static_cast<unsigned>(ncols) + 1);
      for (std::size_t c = 0; c < ncells; ++c) {
        switch (rng.next(9)) {
          case 0:
            row.cells.push_back(Cell::none());
            break;
          case 1:
            row.cells.push_back(Cell::of_text(texts[rng.next(12)]));
            break;
          case 2:
            row.cells.push_back(Cell::of_amount(Decimal::from_units(
                static_cast<std::int64_t>(rng.next(2000000000)) * 997 - 10'000'000'000LL)));
            break;
          case 3:
            row.cells.push_back(Cell::of_ratio((rng.next(4000) - 1000.0) / 1000));
            break;
          case 4:
            row.cells.push_back(Cell::of_count(rng.next(5000000)));
            break;
          case 5:
            row.cells.push_back(Cell::of_status(statuses[rng.next(5)]));
            break;
          case 6:
            row.cells.push_back(Cell::of_bar(rng.next(130) / 100.0, rng.next(100) / 100.0));
            break;
          case 7:
            row.cells.push_back(
                Cell::of_number(rng.next(100000) / 7.0, static_cast<int>(rng.next(4)) - 1));
            break;
          default:
            row.cells.push_back(Cell::of_date(Date::from_ymd(2018, 1 + rng.next(12), 1)));
        }
      }
      t.rows.push_back(row);
    }
    for (bool zh : {false, true}) {
      for (bool color : {false, true}) {
        RenderOptions o;
        o.zh = zh;
        o.color = color;
        std::string out = strip_sgr(render_table(t, o));
        if (color) CHECK(out == render_table(t, {false, zh, false}));
        // Trailing blanks are cut: no line ends with one.
        for (const std::string& line : lines_of(out)) CHECK_FALSE(line.ends_with(' '));
        // With a last column that is never blank, every line is as wide
        // as the rule.
        Table ended = t;
        ended.columns.push_back({"end", "|", "|"});
        for (Row& r : ended.rows) {
          r.cells.resize(t.columns.size());
          r.cells.push_back(Cell::of_text("|"));
        }
        std::vector<int> widths;
        for (const std::string& line : lines_of(strip_sgr(render_table(ended, o)))) {
          if (line.empty() || line == "Group A" || line == "第二组") continue;
          widths.push_back(text_width(line));
        }
        CHECK(widths.size() == nrows + 2);
        for (int w : widths) CHECK(w == widths.front());
      }
    }
  }
}

}  // namespace
}  // namespace plan
