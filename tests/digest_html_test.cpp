// The HTML digest, read as a mail client or browser would: a small tag
// scanner checks that the document is self-contained (no script, no URL),
// well nested, has one <svg> per progress bar and chart, and that text from
// the plan and the records can never become markup.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "digest_fixture.h"
#include "digest_render.h"
#include "html_escape.h"

using namespace plan;
using testing::digest_of;

namespace {

struct Tag {
  std::string name;  // lower case
  bool closing = false;
  bool self_closing = false;
  std::string attrs;  // the raw text after the name
};

// Every tag of the document, in order. The contents of <style> are skipped
// (CSS is not markup); <!DOCTYPE> is skipped. Fails on a '<' that does not
// start a tag, which in escaped text can only come from a bug.
std::vector<Tag> scan(const std::string& html) {
  std::vector<Tag> tags;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    if (html.compare(i, 9, "<!DOCTYPE") == 0) {
      i = html.find('>', i);
      continue;
    }
    std::size_t end = html.find('>', i);
    REQUIRE(end != std::string::npos);
    std::string body = html.substr(i + 1, end - i - 1);
    Tag t;
    std::size_t k = 0;
    if (!body.empty() && body[0] == '/') t.closing = true, k = 1;
    std::size_t name_end = k;
    while (name_end < body.size() && std::isalnum(static_cast<unsigned char>(body[name_end])))
      ++name_end;
    REQUIRE_MESSAGE(name_end > k, (std::string("a < that starts no tag: ") + html.substr(i, 40)));
    t.name = body.substr(k, name_end - k);
    std::transform(t.name.begin(), t.name.end(), t.name.begin(), ::tolower);
    t.attrs = body.substr(name_end);
    t.self_closing = !t.attrs.empty() && t.attrs.back() == '/';
    tags.push_back(t);
    i = end + 1;
    if (t.name == "style" && !t.closing) {
      i = html.find("</style>", i);
      REQUIRE(i != std::string::npos);
    }
  }
  return tags;
}

// The value of attribute `name` in a tag's attribute text, or "".
std::string attr(const Tag& t, const std::string& name) {
  std::string key = " " + name + "=\"";
  std::size_t at = t.attrs.find(key);
  if (at == std::string::npos) return "";
  std::size_t start = at + key.size();
  return t.attrs.substr(start, t.attrs.find('"', start) - start);
}

// The golden ledger (tests/fixtures/digest/golden.rec) plus hostile text: a note and a
// reporting unit that look like markup.
constexpr const char* kRecords =
    "2018-12-31  jobs.urban_new  17000  by=人社局\n"
    "2019-12-31  jobs.urban_new  17000  by=人社局\n"
    "2020-10-31  jobs.urban_new  14300  by=人社局\n"
    "2020-11-01  jobs.urban_new  600  by=人社局  note=\"<b>&\\\"'\"\n"
    "2020-11-30  jobs.urban_new  400  by=\"<i>财政局</i>\"\n"
    "2018-12-31  skills.total  6000\n"
    "2019-12-31  skills.total  4000\n"
    "2020-06-30  skills.total  2000\n"
    "2020-11-01  skills.total  500\n"
    "2018-12-31  skills.high  2000\n"
    "2019-12-31  skills.high  2000\n"
    "2020-10-31  skills.high  1800\n"
    "2020-11-01  skills.high  300\n"
    "2019-05-20  skills.leaders  1\n"
    "2020-09-30  unemployment.rate  2.8%\n"
    "2020-11-10  unemployment.rate  3.1%\n"
    "2020-10-31  graduates.rate  94%\n"
    "2020-11-05  graduates.rate  96%\n";

}  // namespace

TEST_CASE("html_escape: the five characters that matter, one function") {
  CHECK(html_escape("<b>&\"'") == "&lt;b&gt;&amp;&quot;&#39;");
  CHECK(html_escape("城镇 new") == "城镇 new");
  CHECK(html_escape("a\x1b[31mb") == "a\\x1b[31mb");  // control characters made visible
}

TEST_CASE("the HTML digest is self-contained, well nested, and escapes all text") {
  Plan plan = testing::mini_plan();  // a copy: some cases change names
  plan.title = "<script>alert(1)</script> & 计划";
  plan.indicators[0].name = "城镇新增就业人数 <em>";
  Digest d = digest_of(plan, kRecords, testing::period(PeriodKind::month, "2020-11"));
  std::string html = digest_html(d, RenderOptions{});
  std::vector<Tag> tags = scan(html);

  // Self-contained: no script, nothing fetched, no URL of any scheme.
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http:") == std::string::npos);
  CHECK(html.find("https:") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  for (const Tag& t : tags) {
    CAPTURE(t.name);
    CHECK(t.name != "script");
    CHECK(t.name != "link");
    CHECK(t.name != "img");
    CHECK(t.name != "iframe");
    CHECK(t.name != "object");
    CHECK(t.name != "embed");
    CHECK(attr(t, "src").empty());
    CHECK(attr(t, "href").empty());
    CHECK(t.attrs.find("//") == std::string::npos);
    CHECK(t.attrs.find(" on") == std::string::npos);  // no event handlers
  }

  // UTF-8 declared first in <head>, and a viewport for phones.
  REQUIRE(tags.size() > 4);
  CHECK(tags[0].name == "html");
  CHECK(tags[1].name == "head");
  CHECK(tags[2].name == "meta");
  CHECK(attr(tags[2], "charset") == "utf-8");
  CHECK(html.find(R"(<meta name="viewport" content="width=device-width, initial-scale=1">)") !=
        std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);

  // Well nested: every element opened is closed, in order; only void
  // elements (meta, br) and self-closed SVG shapes stand alone.
  std::vector<std::string> stack;
  std::map<std::string, int> opened;
  for (const Tag& t : tags) {
    if (t.self_closing || t.name == "meta" || t.name == "br") continue;
    if (!t.closing) {
      stack.push_back(t.name);
      opened[t.name]++;
      continue;
    }
    REQUIRE_MESSAGE(!stack.empty(), (std::string("</") + t.name + "> closes nothing"));
    CHECK_MESSAGE(stack.back() == t.name,
                  (std::string("</") + t.name + "> closes <" + stack.back() + ">"));
    stack.pop_back();
  }
  CHECK(stack.empty());
  for (const char* name : {"html", "head", "body", "table", "tr", "td", "svg", "div"}) {
    CAPTURE(name);
    CHECK(opened[name] > 0);
  }

  // One <svg> per picture: a bar per flow listed (shortfalls, and flows in
  // the changes table), a chart per flow behind, and the time bar.
  std::size_t flow_changes = 0;
  for (const StatusChange& c : d.changes) flow_changes += c.now.completion ? 1 : 0;
  std::map<std::string, std::size_t> svgs;
  for (const Tag& t : tags)
    if (t.name == "svg" && !t.closing) svgs[attr(t, "class")]++;
  CHECK(d.shortfalls.size() == 3);
  CHECK(flow_changes == 2);  // jobs.urban_new newly behind, skills.high newly achieved
  CHECK(svgs["bar"] == d.shortfalls.size() + flow_changes);
  CHECK(svgs["chart"] == d.trends.size());
  CHECK(d.trends.size() == 3);
  CHECK(svgs["timebar"] == 1);
  CHECK(svgs.size() == 3);
  // Each chart draws the actual and the expected line.
  std::size_t polylines = 0;
  for (const Tag& t : tags) polylines += t.name == "polyline" ? 1 : 0;
  CHECK(polylines == 2 * d.trends.size());

  // Text from the records and the plan never becomes markup: only the
  // digest's own elements occur, and the hostile strings appear escaped.
  const std::vector<std::string> own = {
      "html",  "head",  "meta",     "title",  "style",  "body",       "div",     "h1",
      "thead", "tbody", "h2",       "h3",     "p",      "span",       "table",   "tr",
      "th",    "td",    "code",     "br",     "b",      "i",          "svg",     "rect",
      "line",  "text",  "polyline", "circle", "figure", "figcaption", "details", "summary"};
  for (const Tag& t : tags) {
    CAPTURE(t.name);
    CHECK(std::find(own.begin(), own.end(), t.name) != own.end());
  }
  CHECK(html.find("<b>&") == std::string::npos);
  CHECK(html.find("<i>财政局") == std::string::npos);
  CHECK(html.find("<em>") == std::string::npos);
  CHECK(html.find("&lt;b&gt;&amp;&quot;&#39;") != std::string::npos);  // the note
  CHECK(html.find("&lt;i&gt;财政局&lt;/i&gt;") != std::string::npos);  // the by= tag
  CHECK(html.find("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 计划") != std::string::npos);
  CHECK(html.find("城镇新增就业人数 &lt;em&gt;") != std::string::npos);
}

TEST_CASE("the HTML digest folds the detail away: per-unit records, charts beyond --top") {
  const Plan& plan = testing::mini_plan();
  Digest d = digest_of(plan, kRecords, testing::period(PeriodKind::month, "2020-11"), "", 1);
  std::string html = digest_html(d, RenderOptions{});
  // The order of the sections: action first, what was recorded last.
  std::size_t missing = html.find("<h2>Reports missing at 2020-12-01</h2>"),
              attention = html.find("<h2>Newly in trouble since 2020-10-31</h2>"),
              behind = html.find("<h2>Furthest behind (1 of 3 behind)"),
              milestones = html.find("<h2>Milestones due by 2020-12-31"),
              progress = html.find("<h2>Other status changes"),
              units = html.find("<h2>Responsible units</h2>"),
              recorded = html.find("<h2>Recorded in the period: 6 entries on 5 indicators</h2>");
  CHECK(missing < attention);
  CHECK(attention < behind);
  CHECK(behind < milestones);
  CHECK(milestones < progress);
  CHECK(progress < units);
  CHECK(units < recorded);
  CHECK(recorded != std::string::npos);
  // One chart shown (the one flow listed); the other two behind folded.
  std::size_t fold = html.find("<summary>The other 2 flows behind</summary>");
  REQUIRE(fold != std::string::npos);
  CHECK(html.find("<svg class=\"chart\"") < fold);
  CHECK(html.find("<svg class=\"chart\"", html.find("<svg class=\"chart\"") + 1) > fold);
  // The per-unit rows (6: jobs by two units, four indicators by one; the
  // total row is not counted) sit in
  // a <details> after the one-row-per-indicator table.
  std::size_t detail =
      html.find("<summary>Appendix: recorded in the period, per reporting unit (6 rows)</summary>");
  REQUIRE(detail != std::string::npos);
  CHECK(detail > recorded);
  CHECK(html.find("十一月快报") == std::string::npos);  // kRecords has another note
  CHECK(html.find("&lt;i&gt;财政局&lt;/i&gt;") > detail);

  // Reports falling due: ten shown under their heading, eleven folded with
  // their count, the table inside the fold.
  const Indicator& jobs = *plan.find("jobs.urban_new");
  d.scheduled = true;
  d.due_next.assign(10, {&jobs, "人社局", "2020-11", testing::day("2020-12-10"), -10, {}});
  html = digest_html(d, RenderOptions{});
  CHECK(html.find("<h3>Falling due by 2020-12-31, not yet in</h3>") != std::string::npos);
  CHECK(html.find("(10 reports)") == std::string::npos);
  d.due_next.push_back(d.due_next.front());
  html = digest_html(d, RenderOptions{});
  std::size_t due =
      html.find("<details>\n<summary>Falling due by 2020-12-31, not yet in (11 reports)</summary>");
  REQUIRE(due != std::string::npos);
  CHECK(html.find("<h3>Falling due by") == std::string::npos);
  CHECK(html.find("</details>", due) > html.find("2020-12-10", due));
  CHECK(html.find("2020-12-10") > due);
}

TEST_CASE("an empty period still gives a complete document") {
  Plan plan = testing::mini_plan();  // a copy: some cases change names
  Digest d = digest_of(plan, "", testing::period(PeriodKind::week, "2019-W03"));
  std::string html = digest_html(d, RenderOptions{});
  CHECK(html.find("Nothing was recorded in the period.") != std::string::npos);
  CHECK(html.ends_with("</body>\n</html>\n"));
  std::size_t svg = 0;
  for (const Tag& t : scan(html)) svg += t.name == "svg" && !t.closing ? 1 : 0;
  // Behind on 2019-01-15 with nothing recorded: jobs.urban_new, skills.leaders,
  // skills.total, skills.high: 4 bars and 4 charts, and the time bar.
  CHECK(d.shortfalls.size() == 4);
  CHECK(svg == 9);
}

namespace {

// What a reader sees of the body when the <style> block is gone (web mail):
// the text, with the breaks that block elements and table cells make
// turned into " | ", and inline elements (b, span, code) adding nothing.
// Entities are decoded for the few the digest writes.
std::string unstyled_text(const std::string& html) {
  std::string body = html.substr(html.find("<body>"));
  std::string out;
  const std::vector<std::string> inline_tags = {"b", "span", "code", "i", "em", "title"};
  for (std::size_t i = 0; i < body.size();) {
    if (body[i] != '<') {
      out += body[i++];
      continue;
    }
    std::size_t end = body.find('>', i);
    std::size_t k = i + 1 + (body[i + 1] == '/' ? 1 : 0), n = k;
    while (n < end && std::isalnum(static_cast<unsigned char>(body[n]))) ++n;
    std::string name = body.substr(k, n - k);
    if (name == "svg") {  // a picture: its title is a tooltip, not text
      end = body.find("</svg>", i) + 5;
      out += " | ";
    } else if (std::find(inline_tags.begin(), inline_tags.end(), name) == inline_tags.end()) {
      out += " | ";
    }
    i = end + 1;
  }
  for (auto [entity, c] : {std::pair{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}}) {
    for (std::size_t at; (at = out.find(entity)) != std::string::npos;)
      out.replace(at, std::string(entity).size(), c);
  }
  // Runs of white space and breaks as one break or one space.
  std::string clean;
  for (char c : out) {
    if (c == '\n') c = ' ';
    if (c == ' ' && (clean.empty() || clean.back() == ' ')) continue;
    if (c == '|' && clean.size() >= 2 && clean.ends_with("| ")) continue;
    clean += c;
  }
  return clean;
}

// The header labels of each table of class "data", in order, and the
// data-label and class of every cell of its body, row by row.
struct DataTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::pair<std::string, std::string>>> rows;  // (data-label, class)
};

std::vector<DataTable> data_tables(const std::string& html) {
  std::vector<DataTable> out;
  std::vector<Tag> tags = scan(html);
  // The text of each <th>: the scan drops it, so look for the tag's end.
  std::size_t th_from = 0;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const Tag& t = tags[i];
    if (t.name == "table" && !t.closing) {
      REQUIRE(attr(t, "class") == "data");
      REQUIRE(i + 2 < tags.size());
      CHECK(tags[i + 1].name == "thead");  // the header row repeats on each printed page
      out.emplace_back();
    } else if (t.name == "th" && !t.closing && !out.empty() && attr(t, "colspan").empty()) {
      std::size_t open = th_from;
      while ((open = html.find("<th", open + 1)) != std::string::npos && html[open + 3] != '>' &&
             html[open + 3] != ' ') {
      }
      std::size_t start = html.find('>', open) + 1;
      th_from = html.find("</th>", start);
      out.back().header.push_back(html.substr(start, th_from - start));
    } else if (t.name == "th" && !t.closing) {
      th_from = html.find("</th>", html.find("<th ", th_from) + 1);
    } else if (t.name == "tr" && !t.closing && !out.empty()) {
      out.back().rows.emplace_back();
    } else if (t.name == "td" && !t.closing && attr(t, "colspan").empty()) {
      out.back().rows.back().emplace_back(attr(t, "data-label"), attr(t, "class"));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the HTML digest on paper: A4, headers on every page, nothing broken apart") {
  Digest d =
      digest_of(testing::mini_plan(), kRecords, testing::period(PeriodKind::month, "2020-11"));
  std::string html = digest_html(d, RenderOptions{});
  std::size_t print = html.find("@media print");
  REQUIRE(print != std::string::npos);
  CHECK(html.find("@page{size:A4;") != std::string::npos);
  std::string css = html.substr(print, html.find("</style>") - print);
  CHECK(css.find("thead{display:table-header-group}") != std::string::npos);
  CHECK(css.find("td.unit,") != std::string::npos);  // in the rule that keeps units whole
  CHECK(css.find("white-space:nowrap;word-break:keep-all") != std::string::npos);
  CHECK(css.find("figure,") != std::string::npos);  // charts are not split
  CHECK(css.find("break-inside:avoid") != std::string::npos);

  // Every table has a header; every cell of its body names its column (the
  // card label on a phone) in the header's words.
  std::vector<DataTable> tables = data_tables(html);
  CHECK(tables.size() >= 6);
  std::size_t unit_cells = 0;
  for (const DataTable& t : tables) {
    REQUIRE(!t.header.empty());
    for (const auto& row : t.rows) {
      CHECK(row.size() <= t.header.size());
      for (std::size_t c = 0; c < row.size(); ++c) {
        CAPTURE(t.header[c]);
        CHECK(row[c].first == t.header[c]);
        unit_cells += row[c].second.find("unit") != std::string::npos ? 1 : 0;
      }
    }
  }
  // Unit names: one missing report (jobs.urban_new's, by 人社局: see the
  // golden digest), 3 rows of the units table (人社局, 财政局, 教育局), 6 rows
  // of the appendix.
  CHECK(unit_cells >= 3 + 6);
}

TEST_CASE("the HTML digest on a phone: one card per row, each figure labelled") {
  Digest d =
      digest_of(testing::mini_plan(), kRecords, testing::period(PeriodKind::month, "2020-11"));
  std::string html = digest_html(d, RenderOptions{});
  std::size_t phone = html.find("@media (max-width:600px){");
  REQUIRE(phone != std::string::npos);
  std::string css = html.substr(phone, html.find("\n@", phone + 1) - phone);
  // The header row gives way to a label over each figure (the data-label
  // every cell carries: see the test on paper), and rows become blocks.
  CHECK(css.find("table.data thead{display:none}") != std::string::npos);
  CHECK(css.find("content:attr(data-label)") != std::string::npos);
  CHECK(css.find("table.data tr{display:grid;") != std::string::npos);
  // Nothing in the cards forces the page wider than the phone: no cell
  // keeps its text on one line there.
  CHECK(css.find("table.data td,table.data tr.group th{display:block;border:0;padding:0;"
                 "text-align:left;white-space:normal;min-width:0}") != std::string::npos);
}

TEST_CASE("the HTML digest without its style (web mail) still reads") {
  Digest d =
      digest_of(testing::mini_plan(), kRecords, testing::period(PeriodKind::month, "2020-11"));
  const Headline& h = d.headline;
  for (bool zh : {false, true}) {
    RenderOptions o;
    o.zh = zh;
    std::string text = unstyled_text(digest_html(d, o));
    CAPTURE(text.substr(0, 600));
    // The tiles read as one line of counts, words apart.
    std::string tiles = zh ? fmt::format("{} 已完成 · {} 正常 · {} 滞后 · {} 未完成", h.achieved,
                                         h.on_track, h.behind, h.missed)
                           : fmt::format("{} achieved · {} on track · {} behind · {} missed",
                                         h.achieved, h.on_track, h.behind, h.missed);
    CHECK(text.find(tiles) != std::string::npos);
    // No count runs into a word anywhere ("15achieved").
    if (!zh) {
      for (std::size_t i = 1; i < text.size(); ++i) {
        bool run = std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
                   std::islower(static_cast<unsigned char>(text[i]));
        CHECK_MESSAGE(!run, text.substr(i < 30 ? 0 : i - 30, 60));
      }
    }
  }
}

TEST_CASE("Chinese text under English headings is marked lang=zh-CN") {
  Digest d =
      digest_of(testing::mini_plan(), kRecords, testing::period(PeriodKind::month, "2020-11"));
  std::string en = digest_html(d, RenderOptions{});
  RenderOptions zh_options;
  zh_options.zh = true;
  std::string zh = digest_html(d, zh_options);
  CHECK(en.find("<html lang=\"en\">") != std::string::npos);
  CHECK(zh.find("<html lang=\"zh-CN\">") != std::string::npos);
  // Every name of an indicator or unit shown in the body of the English
  // digest is inside a span marked Chinese (the last tag before it opens
  // that span); the Chinese digest needs none.
  std::string body = en.substr(en.find("<body>"));
  const std::string mark = "<span lang=\"zh-CN\">";
  for (const char* name : {"城镇新增就业人数", "人社局", "财政局"}) {
    CAPTURE(name);
    std::size_t seen = 0;
    for (std::size_t at = 0; (at = body.find(name, at)) != std::string::npos; ++at, ++seen)
      CHECK(body.compare(body.rfind('<', at), mark.size(), mark) == 0);
    CHECK(seen >= 2);  // as an indicator: the missing, changes, shortfalls tables;
                       // as a unit: the units table and the appendix
  }
  // The plan's title opens the heading; the English rest is not marked.
  CHECK(body.find("<h1><span lang=\"zh-CN\">" + d.plan->title + "</span> — monthly report") !=
        std::string::npos);
  CHECK(zh.find("<span lang=") == std::string::npos);
}

TEST_CASE("chart axes: round ticks, whole for counts") {
  // Nothing recorded by 2019-01-15 (see "an empty period" above): the chart
  // of jobs.urban_new (人, 17,000 a year) runs from 2018-01 to 2019-01; its
  // expected line reaches 17,000 at 2018-12 and at most 17,000 + 17,000 ×
  // 31 / 365 = 18,444 in 2019-01. Four intervals at most: 18,444 / 4 =
  // 4,611, so steps of 5,000 up to 20,000.
  Digest d = digest_of(testing::mini_plan(), "", testing::period(PeriodKind::week, "2019-W03"));
  std::string html = digest_html(d, RenderOptions{});
  std::size_t chart = html.find("aria-label=\"jobs.urban_new: cumulative");
  REQUIRE(chart != std::string::npos);
  std::string svg = html.substr(chart, html.find("</svg>", chart) - chart);
  std::vector<std::string> labels;
  const std::string open = R"(text-anchor="end" fill="#616e7c">)";
  for (std::size_t at = 0; (at = svg.find(open, at)) != std::string::npos;) {
    at += open.size();
    labels.push_back(svg.substr(at, svg.find('<', at) - at));
  }
  // The last label is the end of the month axis (2019-01), not a tick.
  REQUIRE(!labels.empty());
  CHECK(labels.back() == "2019-01");
  labels.pop_back();
  CHECK(labels == std::vector<std::string>{"0", "5,000", "10,000", "15,000", "20,000"});
}
