// Fitting terminal tables to a width: what gives way first, that figures are
// never cut, and, for every listing built from the shipped plan and records,
// that no line is wider than the terminal and no two indicators read the same.
#include "table_fit.h"

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "due_report.h"
#include "indicator_list.h"
#include "ledger.h"
#include "log_report.h"
#include "plan_loader.h"
#include "record_reader.h"
#include "render.h"
#include "status_report.h"
#include "table_fixture.h"
#include "text.h"
#include "units_report.h"
#include "yoy_report.h"

namespace plan {
namespace {

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t nl; (nl = s.find('\n', start)) != std::string::npos; start = nl + 1)
    out.push_back(s.substr(start, nl - start));
  return out;
}

int widest_line(const std::string& s) {
  int w = 0;
  for (const std::string& l : lines_of(s)) w = std::max(w, text_width(l));
  return w;
}

std::vector<std::string> shown_headers(const Table& t, bool zh) {
  std::vector<std::string> out;
  for (const Column& c : t.columns)
    if (c.table) out.push_back(zh && !c.zh.empty() ? c.zh : c.en);
  return out;
}

// ID 4, Name 26 (13 characters; two names that differ only at the end),
// Count 6 ("12,345"), a bar 11: 4 + 26 + 6 + 11 + 3×2 = 53 columns.
Table sample() {
  Table t;
  t.title = "Sample";
  t.columns = {{"id", "ID", "代码", false, true, true, 0, Fit::id},
               {"name", "Name", "名称", false, true, true, 0, Fit::name},
               {"n", "Count", "数量", true},
               {"bar", "Bar", "进度", false, true, false, 0, Fit::drop}};
  t.rows = {{{Cell::of_text("a.1"), Cell::of_text("离校未就业高校毕业生登记率"),
              Cell::of_count(12345), Cell::of_bar(0.5, 0.5)},
             ""},
            {{Cell::of_text("a.22"), Cell::of_text("离校未就业高校毕业生服务率"), Cell::of_count(7),
              Cell::of_bar(1, 0.5)},
             ""}};
  return t;
}

TEST_CASE("cut_middle keeps the head and the tail") {
  // 离校未就业 is 10 columns, … 1, 登记率 6: 17.
  CHECK(cut_middle("离校未就业高校毕业生登记率", 17, 10) == "离校未就业…登记率");
  CHECK(cut_middle("abcdefghij", 6, 2) == "ab…hij");
  CHECK(cut_middle("abc", 6, 2) == "abc");  // fits: whole
  // An odd width: the tail takes the last 2-column character that fits.
  CHECK(cut_middle("一二三四五", 6, 2) == "一…五");
}

TEST_CASE("fit_table: wide enough, nothing changes") {
  Table t = fit_table(sample(), 53, false);
  CHECK(shown_headers(t, false) == std::vector<std::string>{"ID", "Name", "Count", "Bar"});
  CHECK(t.rows[0].cells[1].text == "离校未就业高校毕业生登记率");
  CHECK(fit_table(sample(), 0, false).rows[1].cells[1].text == "离校未就业高校毕业生服务率");
}

TEST_CASE("fit_table: the bar goes first, then the id, and the name takes what is left") {
  // 52: without the bar, 4 + 26 + 6 + 2×2 = 40 fits whole.
  Table t = fit_table(sample(), 52, false);
  CHECK(shown_headers(t, false) == std::vector<std::string>{"ID", "Name", "Count"});
  CHECK(t.rows[0].cells[1].text == "离校未就业高校毕业生登记率");
  // 30: the id and count take 4 + 6 + 2×2 = 14, leaving 16 ≥ 16 for the name:
  // the id stays and the names are cut, in the middle since their ends differ.
  t = fit_table(sample(), 30, false);
  CHECK(shown_headers(t, false) == std::vector<std::string>{"ID", "Name", "Count"});
  // They share 离校未就业高校毕业生; what follows (登记率, 6 columns) is kept:
  // 16 - 6 - 1 = 9 columns of head, which hold 4 characters.
  CHECK(t.rows[0].cells[1].text == "离校未就…登记率");
  CHECK(t.rows[1].cells[1].text == "离校未就…服务率");
  // 25: the id and count take 14, leaving 11 < 16: the id goes, never the
  // name too, and the name gets 25 - 6 - 2 = 17.
  t = fit_table(sample(), 25, false);
  CHECK(shown_headers(t, false) == std::vector<std::string>{"Name", "Count"});
  CHECK(text_width(t.rows[0].cells[1].text) <= 25 - 6 - 2);
  CHECK(t.rows[0].cells[1].text != t.rows[1].cells[1].text);
  // Figures are never cut: at 10 columns the count stays whole.
  t = fit_table(sample(), 10, false);
  CHECK(format_cell(t.rows[0].cells[2]) == "12,345");
}

TEST_CASE("fit_table: cut columns give way before the name, down to a few characters") {
  Table t;
  t.columns = {{"name", "Name", "", false, true, true, 0, Fit::name},
               {"note", "Note", "", false, true, true, 10, Fit::cut}};
  t.rows = {
      {{Cell::of_text("Urban employment"), Cell::of_text("reported late by the town office")}, ""}};
  // 16 + 32 + 2 = 50. At 40 the note is cut to its own limit, 10 (9 + …).
  Table f = fit_table(t, 40, false);
  CHECK(f.rows[0].cells[0].text == "Urban employment");
  CHECK(f.rows[0].cells[1].text == "reported …");
  // At 26 the note shrinks further, to 26 - 16 - 2 = 8, before the name
  // (16) gives up anything.
  f = fit_table(t, 26, false);
  CHECK(f.rows[0].cells[0].text == "Urban employment");
  CHECK(f.rows[0].cells[1].text == "reporte…");
  // At 20 the note is at its floor (6, 5 + …) and the name takes 20 - 6 - 2 = 12.
  f = fit_table(t, 20, false);
  CHECK(f.rows[0].cells[0].text == "Urban emplo…");
  CHECK(f.rows[0].cells[1].text == "repor…");
}

TEST_CASE("fit_table: title, group headings and footer are cut to the width") {
  Table t = sample();
  t.title = "A rather long title for a narrow terminal";
  t.title_zh = "一个很长很长很长的标题";
  t.footer = {"a footer line that goes on and on"};
  t.rows[0].group = "a group heading much too long";
  Table f = fit_table(t, 20, false);
  CHECK(f.title == "A rather long title…");
  CHECK(f.footer[0] == "a footer line that …");
  CHECK(f.rows[0].group == "a group heading muc…");
  CHECK(fit_table(t, 20, true).title == "一个很长很长很长的…");  // 18 + 1
}

TEST_CASE("fit_table: a column empty in every row goes before the bar and before any name is cut") {
  Table t = sample();
  t.columns.push_back({"note", "Explanation", "情况说明", false, true, true, 24, Fit::cut});
  for (Row& r : t.rows) r.cells.push_back(Cell::of_text(""));
  // 53 + 2 + 11 ("Explanation") = 66 columns; at 53 the empty column goes
  // and the rest fits whole: the bar and the id stay, no name is cut.
  Table f = fit_table(t, 53, false);
  CHECK(shown_headers(f, false) == std::vector<std::string>{"ID", "Name", "Count", "Bar"});
  CHECK(f.rows[0].cells[1].text == "离校未就业高校毕业生登记率");
  // Once a row says something, the column is kept as long as any other.
  t.rows[1].cells[4] = Cell::of_text("补报");
  f = fit_table(t, 53, false);
  CHECK(shown_headers(f, false) == std::vector<std::string>{"ID", "Name", "Count", "Explanation"});
}

TEST_CASE("fit_table: a title's plan name is shortened so that what follows it stays whole") {
  Table t = sample();
  t.title = "Employment action plan 2018-2020 — as of 2019-07-15 (time progress 51.2%)";
  t.title_zh = "就业创业与职业技能提升三年行动计划 — 截至 2019-07-15（时间进度 51.2%）";
  // " — as of 2019-07-15 (time progress 51.2%)" is 41 columns: 9 are left for
  // the name, 8 of its characters and the ellipsis.
  CHECK(fit_table(t, 50, false).title == "Employme… — as of 2019-07-15 (time progress 51.2%)");
  // " — 截至 2019-07-15（时间进度 51.2%）" is 3 + 4 + 1 + 10 + 2 + 8 + 6 + 2 = 36
  // columns: 14 are left, six ideographs and the ellipsis (13).
  CHECK(fit_table(t, 50, true).title == "就业创业与职… — 截至 2019-07-15（时间进度 51.2%）");
  // Too narrow for five columns of the name as well (45 - 41 = 4): cut at the
  // end, 44 columns and the ellipsis.
  CHECK(fit_table(t, 45, false).title == "Employment action plan 2018-2020 — as of 201…");
  // A title that fits is left alone.
  CHECK(fit_table(t, 80, false).title == t.title);
}

// The shipped plan and records, read once.
struct Shipped {
  Plan plan;
  std::vector<Entry> entries;
};

const Shipped& shipped() {
  static const Shipped s = [] {
    Shipped x;
    Diagnostics d;
    auto p = load_plan(Env::posix(), PLAN_SOURCE_DIR "/plans/wujiang-2018-2020.toml", d);
    REQUIRE(p);
    x.plan = std::move(*p);
    read_records(PLAN_SOURCE_DIR "/records", x.plan, d,
                 [&](const Entry& e) { x.entries.push_back(e); });
    REQUIRE(d.error_count() == 0);
    REQUIRE(!x.entries.empty());
    return x;
  }();
  return s;
}

// Every listing a person reads in a terminal, at a date inside the plan.
std::map<std::string, Table> every_table(const char* as_of) {
  const Shipped& s = shipped();
  Ledger ledger(s.plan, *Date::parse(as_of));
  for (const Entry& e : s.entries) ledger.add(e);
  std::map<std::string, Table> out;
  out["status"] = status_table(build_status(ledger, {}));
  out["units"] = units_table(build_units(ledger, false));
  out["list"] = list_table(s.plan);
  out["log"] = log_table(s.plan, s.entries);
  out["due"] = due_table(build_due(ledger, {}));
  std::vector<std::string> ids;
  for (const Indicator& ind : s.plan.indicators) ids.push_back(ind.id);
  YoyReport yoy = build_yoy(ledger, ids);
  out["yoy"] = yoy_table(yoy);
  out["show"] = yoy_block(s.plan, yoy.rows.front());
  return out;
}

TEST_CASE("fit_table: a log at 80 columns keeps where each entry is, and drops the unit first") {
  // jobs.urban_new's entries of 2020: "2020-12-31  jobs.urban_new  1,782  人
  // 人社局  月报    records/hrss/2020.rec:110" is 81 columns with its unit (no
  // note, no tags: those blank columns go first), 75 without.
  const Shipped& s = shipped();
  std::vector<Entry> jobs;
  for (const Entry& e : s.entries)
    if (e.id == "jobs.urban_new" && e.date.year() == 2020) {
      jobs.push_back(e);
      // As plan log shows it, from the project's root: records/hrss/2020.rec.
      const std::string root = PLAN_SOURCE_DIR "/";
      REQUIRE(e.where.file.starts_with(root));
      jobs.back().where.file = e.where.file.substr(root.size());
    }
  Table f = fit_table(log_table(s.plan, jobs), 80, false);
  std::set<std::string> shown;
  for (const Column& c : f.columns)
    if (c.table) shown.insert(c.key);
  CHECK(shown == std::set<std::string>{"date", "id", "value", "by", "src", "where"});
  CHECK(widest_line(render_table(log_table(s.plan, jobs), RenderOptions{.width = 80})) <= 80);
}

TEST_CASE("fit_table: every listing of the shipped plan fits 60 to 250 columns, names apart") {
  for (const char* as_of : {"2019-06-30", "2020-12-31"}) {
    for (const auto& [named, table] : every_table(as_of)) {
      const std::string& command = named;  // CAPTURE takes no structured binding (clang)
      for (bool zh : {false, true}) {
        for (int width = 60; width <= 250; ++width) {
          CAPTURE(command);
          CAPTURE(as_of);
          CAPTURE(zh);
          CAPTURE(width);
          RenderOptions o;
          o.zh = zh;
          o.width = width;
          CHECK(widest_line(render_table(table, o)) <= width);

          // Visible names: each visible form stands for one full name.
          Table f = fit_table(table, width, zh);
          for (std::size_t c = 0; c < f.columns.size(); ++c) {
            if (!f.columns[c].table || f.columns[c].fit != Fit::name) continue;
            std::map<std::string, std::set<std::string>> meant;
            for (std::size_t r = 0; r < f.rows.size(); ++r)
              meant[f.rows[r].cells[c].text].insert(table_cell_text(table.rows[r].cells[c], zh));
            for (const auto& [visible, names] : meant) {
              const std::string& shown = visible;  // as above
              CAPTURE(shown);
              CHECK(names.size() == 1);
            }
          }
          // Never both the id and the name gone.
          bool id = false, name = false, had_name = false;
          for (const Column& col : f.columns) {
            id = id || (col.table && col.fit == Fit::id);
            name = name || (col.table && col.fit == Fit::name);
          }
          for (const Column& col : table.columns) had_name = had_name || col.fit == Fit::name;
          if (had_name) CHECK((id || name));
        }
      }
    }
  }
}

TEST_CASE("TableWriter: a batch of rows at a time, every listing is render_table's bytes") {
  // plan log writes its terminal table so. The batches are cut anywhere:
  // inside a group, so that the heading must not come twice; and a
  // column's widest cell, or the text that is cut, may be in any batch.
  const Table grouped = testing::sample();
  for (const auto& [named, table] : every_table("2020-12-31")) {
    const std::string& command = named;  // CAPTURE takes no structured binding (clang)
    for (const Table* t : {&table, &grouped})
      for (bool zh : {false, true})
        for (int width : {0, 24, 43, 60, 80, 120})
          for (std::size_t batch : {std::size_t{1}, std::size_t{3}, std::size_t{64}}) {
            CAPTURE(command);
            CAPTURE(zh);
            CAPTURE(width);
            CAPTURE(batch);
            RenderOptions o;
            o.zh = zh;
            o.color = width == 43;
            o.width = width;
            const std::span<const Row> rows(t->rows);
            auto batches = [&](auto&& f) {
              for (std::size_t i = 0; i < rows.size(); i += batch)
                f(rows.subspan(i, std::min(batch, rows.size() - i)));
            };
            TableWriter w(*t, o);
            batches([&](std::span<const Row> b) { w.measure(b); });
            if (w.looks_again()) batches([&](std::span<const Row> b) { w.measure_again(b); });
            std::string text = w.begin();
            batches([&](std::span<const Row> b) { text += w.rows(b); });
            text += w.end();
            CHECK(text == render_table(*t, o));
          }
  }
}

TEST_CASE("TableWriter: the widest text of a column cut at its end is in the rows, found again") {
  // A note column cut to 8 columns: an all-CJK note cut there shows 7
  // ("一二三…"), so the column is 7 wide unless a row shows 8.
  Table t;
  t.columns = {{"d", "D", "D"}, {"note", "Note", "备注", false, true, true, 8, Fit::cut}};
  t.rows = {{{Cell::of_text("x"), Cell::of_text("一二三四五六七八九十")}, ""}};
  RenderOptions o;
  o.width = 11;  // "x" 1 + 2 + the note
  TableWriter w(t, o);
  w.measure(t.rows);
  REQUIRE(w.looks_again());
  w.measure_again(t.rows);
  std::string text = w.begin();  // first: the pieces come in order
  text += w.rows(t.rows);
  text += w.end();
  CHECK(text == "D  Note\n──────────\nx  一二三…\n");
  CHECK(text == render_table(t, o));
}

}  // namespace
}  // namespace plan
