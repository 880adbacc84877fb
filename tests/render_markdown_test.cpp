#include <doctest/doctest.h>

#include <algorithm>
#include <span>
#include <string>

#include "render.h"
#include "table_fixture.h"

namespace plan {
namespace {

using testing::sample;

Decimal dec(const char* s) {
  return *Decimal::parse(s);
}

TEST_CASE("render_markdown: one padded pipe table per group, never truncated") {
  // Widths: ID 4, Indicator 12 (外贸进出口额), Target 8, Done 6, Status 8.
  const char* head =
      "| ID   | Indicator    |   Target |   Done | Status   |\n"
      "|------|--------------|---------:|-------:|----------|\n";
  std::string expected = std::string("Status\n\n### 经济\n\n") + head +
                         "| 1.1  | 外贸进出口额 |   51,000 |  45.3% | behind   |\n"
                         "| 1.2  | GDP          |   -1,200 |        | achieved |\n"
                         "\n"
                         "### Trade\n"
                         "\n" +
                         head +
                         "| 2.10 | 跨境电商     | 12,345.6 | 100.0% |          |\n"
                         "\n"
                         "1 behind\n"
                         "\n"
                         "数据截至 2019-06-30\n";
  CHECK(render_markdown(sample(), {}) == expected);
  RenderOptions o;
  o.color = true;  // Markdown has no colour
  CHECK(render_markdown(sample(), o) == expected);
}

TEST_CASE("render_markdown: Chinese headers, without groups a single table and no heading") {
  Table t;
  t.columns = {{"a", "Name", "名称"}, {"b", "N", "", true}};
  t.rows = {{{Cell::of_text("x"), Cell::of_count(1234)}, ""},
            {{Cell::of_text("y"), Cell::of_count(5)}, ""}};
  RenderOptions o;
  o.zh = true;
  // GFM wants three dashes at least, so narrow columns are three wide.
  CHECK(render_markdown(t, o) ==
        "| 名称 |     N |\n"
        "|------|------:|\n"
        "| x    | 1,234 |\n"
        "| y    |     5 |\n");
}

TEST_CASE("render_markdown: escapes pipes, backslashes and line breaks; neutralises escapes") {
  Table t;
  t.columns = {{"n", "Note|s", ""}};
  t.rows = {{{Cell::of_text("a|b")}, ""},
            {{Cell::of_text("x\\|y")}, ""},
            {{Cell::of_text("l1\nl2\r\nl3\rl4")}, ""},
            {{Cell::of_text("\x1b[31mred")}, ""}};
  CHECK(render_markdown(t, {}) ==
        "| Note\\|s              |\n"
        "|----------------------|\n"
        "| a\\|b                 |\n"
        "| x\\\\\\|y               |\n"
        "| l1<br>l2<br>l3<br>l4 |\n"
        "| \\x1b\\[31mred         |\n");  // [ escaped: it could open a link
}

TEST_CASE("render_markdown: bars as text, hidden columns dropped, group headings on one line") {
  Table t;
  t.columns = {{"p", "Progress", ""}, {"h", "H", "", false, false, true}};
  t.rows = {{{Cell::of_bar(0.4534, 0.6), Cell::of_text("hidden")}, "A\nB"}};
  CHECK(render_markdown(t, {}) ==
        "### A B\n"
        "\n"
        "| Progress        |\n"
        "|-----------------|\n"
        "| 45.3% (t 60.0%) |\n");
}

TEST_CASE("render_markdown: a suffix is shown") {
  Table t;
  t.columns = {{"a", "Actual", "", true}};
  Cell pct = Cell::of_amount(dec("2.1"));
  pct.suffix = "%";
  t.rows = {{{pct}, ""}};
  CHECK(render_markdown(t, {}) == "| Actual |\n|-------:|\n|   2.1% |\n");
}

TEST_CASE("render_markdown: an empty table is its header") {
  Table t;
  t.columns = {{"a", "A", ""}};
  CHECK(render_markdown(t, {}) == "| A   |\n|-----|\n");
}

}  // namespace
TEST_CASE("render_markdown: markup in any cell, heading, title or footer stays text") {
  Table t;
  t.title = "<b>T</b>";
  t.columns = {{"n", "N", ""}};
  t.rows = {{{Cell::of_text("<script>alert(1)</script>")}, "[g](javascript:x)"},
            {{Cell::of_text("<img src=x onerror=alert(1)>")}, "[g](javascript:x)"},
            {{Cell::of_text("[x](javascript:alert(1)) *b* `c` ~~d~~ a&amp; _e_ jobs.urban_new")},
             "[g](javascript:x)"}};
  t.footer = {"![i](http://x/y.png)"};
  // By hand: each of \ | ` * [ ] < > & ~ gets a backslash; _ too, except
  // between two letters or digits (urban_new). Widths: the longest cell,
  // the third, is 26 + 6 + 6 + 10 + 8 + 6 + 15 = 77 characters.
  CHECK(render_markdown(t, {}) ==
        "\\<b\\>T\\</b\\>\n"
        "\n"
        "### \\[g\\](javascript:x)\n"
        "\n"
        "| N                                                                             |\n"
        "|-------------------------------------------------------------------------------|\n"
        "| \\<script\\>alert(1)\\</script\\>                                                 |\n"
        "| \\<img src=x onerror=alert(1)\\>                                                |\n"
        "| \\[x\\](javascript:alert(1)) \\*b\\* \\`c\\` \\~\\~d\\~\\~ a\\&amp; \\_e\\_ "
        "jobs.urban_new |\n"
        "\n"
        "!\\[i\\](http://x/y.png)\n");
}

TEST_CASE("MarkdownWriter: a batch of rows at a time is render_markdown's bytes") {
  // plan log writes its Markdown so. Batches cut inside a group must not
  // start its table twice; a column's widest cell may be in any batch.
  Table grouped = sample();
  grouped.rows.push_back(
      {{Cell::of_text("3.1"), Cell::of_text("一个很长很长的指标名称")}, "Trade"});
  Table empty = sample();
  empty.rows.clear();
  Table bare = empty;
  bare.title.clear();
  bare.footer.clear();
  for (const Table* t : {&grouped, &empty, &bare})
    for (bool zh : {false, true})
      for (std::size_t batch : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
        CAPTURE(zh);
        CAPTURE(batch);
        RenderOptions o;
        o.zh = zh;
        const std::span<const Row> rows(t->rows);
        MarkdownWriter w(*t, o);
        for (std::size_t i = 0; i < rows.size(); i += batch)
          w.measure(rows.subspan(i, std::min(batch, rows.size() - i)));
        std::string text = w.begin();
        for (std::size_t i = 0; i < rows.size(); i += batch)
          text += w.rows(rows.subspan(i, std::min(batch, rows.size() - i)));
        text += w.end();
        CHECK(text == render_markdown(*t, o));
      }
}

}  // namespace plan
