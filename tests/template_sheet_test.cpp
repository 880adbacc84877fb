#include "template_sheet.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "mini_fixture.h"

namespace plan {
namespace {

using testing::day;
using testing::make_entry;

// tests/fixtures/template.toml (2019): jobs.new (monthly, 人社局), jobs.towns
// (monthly, 镇甲 and 镇乙), train.q (quarterly, 人社局 and 镇甲), rate.h
// (half-yearly, %, 镇甲), grads.y (yearly, 教育局; area b), award (ad hoc).

const Plan& plan() {
  static const Plan p = [] {
    Diagnostics d;
    auto loaded = load_plan(Env::posix(), PLAN_SOURCE_DIR "/tests/fixtures/template.toml", d);
    for (const auto& x : d.items()) MESSAGE(x.to_string());
    REQUIRE(loaded);
    return std::move(*loaded);
  }();
  return p;
}

// "id period date" per row.
std::vector<std::string> rows_of(const TemplateSheet& s) {
  std::vector<std::string> out;
  for (const auto& r : s.rows)
    out.push_back(r.ind->id + " " + period_label(r.period) + " " + r.period.end.iso());
  return out;
}

// Filings in which every report whose period ends by `last` is in, from
// every reporter: a template then asks only for its own period's reports.
Filings filed_until(const char* last) {
  Filings f(plan(), day("9999-12-31"));
  for (const Indicator& ind : plan().indicators)
    for (int p = 0; p < period_count(plan(), ind); ++p) {
      ReportingPeriod rp = period_at(plan(), ind, p);
      if (rp.end > day(last)) break;
      for (const std::string& r : ind.reported_by)
        f.add(make_entry(rp.end.iso().c_str(), ind.id.c_str(), "1", r.c_str()));
    }
  return f;
}

// Rows of periods that ended before the sheet's: reports still owed.
int earlier(const TemplateSheet& s) {
  return static_cast<int>(std::count_if(s.rows.begin(), s.rows.end(), [&](const TemplateRow& r) {
    return r.period.end < s.period.first;
  }));
}

TemplateSheet sheet(const Filings& f, const char* reporter, const char* label) {
  auto p = named_period(label);
  REQUIRE(p);
  return build_template(plan(), f, reporter, *p);
}

TEST_CASE("named_period: first and last day of each kind of label") {
  auto m = named_period("2020-02");
  REQUIRE(m);
  CHECK(m->first == day("2020-02-01"));
  CHECK(m->last == day("2020-02-29"));  // a leap year
  CHECK(named_period("2020Q2")->last == day("2020-06-30"));
  CHECK(named_period("2020H2")->first == day("2020-07-01"));
  CHECK(named_period("2020")->last == day("2020-12-31"));
  CHECK_FALSE(named_period("2020-13"));
  CHECK_FALSE(named_period("June"));
}

TEST_CASE("template: a month takes every report of the reporter whose period ends in it") {
  Filings none = filed_until("2019-05-31");
  // 2019-06 ends June's 月报, 2019Q2 and 2019H1; award is ad hoc.
  CHECK(rows_of(sheet(none, "人社局", "2019-06")) ==
        std::vector<std::string>{"jobs.new 2019-06 2019-06-30", "train.q 2019Q2 2019-06-30"});
  // 镇甲 files jobs.towns (through the group), train.q and rate.h.
  CHECK(rows_of(sheet(none, "镇甲", "2019-06")) ==
        std::vector<std::string>{"jobs.towns 2019-06 2019-06-30", "train.q 2019Q2 2019-06-30",
                                 "rate.h 2019H1 2019-06-30"});
  // May ends no quarter; 镇乙 files only jobs.towns.
  CHECK(rows_of(sheet(filed_until("2019-04-30"), "人社局", "2019-05")) ==
        std::vector<std::string>{"jobs.new 2019-05 2019-05-31"});
  CHECK(rows_of(sheet(none, "镇乙", "2019-06")) ==
        std::vector<std::string>{"jobs.towns 2019-06 2019-06-30"});
}

TEST_CASE("template: a quarter or a year holds every report ending in it") {
  Filings none(plan(), day("9999-12-31"));
  // 2019Q2: April, May and June's 月报, then Q2 (plan order, then period).
  CHECK(rows_of(sheet(filed_until("2019-03-31"), "人社局", "2019Q2")) ==
        std::vector<std::string>{"jobs.new 2019-04 2019-04-30", "jobs.new 2019-05 2019-05-31",
                                 "jobs.new 2019-06 2019-06-30", "train.q 2019Q2 2019-06-30"});
  // 2019: 12 months + 4 quarters; the yearly report is 教育局's.
  TemplateSheet y = sheet(none, "人社局", "2019");
  REQUIRE(y.rows.size() == 12 + 4);
  CHECK(rows_of(y).back() == "train.q 2019Q4 2019-12-31");
  CHECK(rows_of(sheet(none, "教育局", "2019")) ==
        std::vector<std::string>{"grads.y 2019 2019-12-31"});
  TemplateSheet june = sheet(filed_until("2019-05-31"), "教育局", "2019-06");
  CHECK(june.rows.empty());
  CHECK(june.filed == 0);
  // A period outside the plan holds nothing of its own.
  CHECK(sheet(filed_until("2019-12-31"), "人社局", "2020-01").rows.empty());
}

TEST_CASE("template: reports already filed by that reporter are left out and counted") {
  Filings f = filed_until("2019-05-31");
  // 人社局's June report; 镇乙's June report of jobs.towns (not 镇甲's); 镇甲's
  // Q2 training dated in its due window (2019-07-05 reports for Q2).
  f.add(make_entry("2019-06-30", "jobs.new", "10", "人社局"));
  f.add(make_entry("2019-06-30", "jobs.towns", "10", "镇乙"));
  f.add(make_entry("2019-07-05", "train.q", "10", "镇甲"));
  TemplateSheet hr = sheet(f, "人社局", "2019-06");
  CHECK(rows_of(hr) == std::vector<std::string>{"train.q 2019Q2 2019-06-30"});
  CHECK(hr.filed == 1);
  TemplateSheet a = sheet(f, "镇甲", "2019-06");
  CHECK(rows_of(a) ==
        std::vector<std::string>{"jobs.towns 2019-06 2019-06-30", "rate.h 2019H1 2019-06-30"});
  CHECK(a.filed == 1);
  TemplateSheet b = sheet(f, "镇乙", "2019-06");
  CHECK(b.rows.empty());
  CHECK(b.filed == 1);
}

TEST_CASE("template: an explanation files no report, so its row stays") {
  Filings f = filed_until("2019-05-31");
  Entry why = make_entry("2019-07-12", "jobs.new", "0", "人社局");
  why.is_explanation = true;
  why.tags.emplace_back("period", "2019-06");
  f.add(why);
  TemplateSheet hr = sheet(f, "人社局", "2019-06");
  CHECK(rows_of(hr) ==
        std::vector<std::string>{"jobs.new 2019-06 2019-06-30", "train.q 2019Q2 2019-06-30"});
  CHECK(hr.filed == 0);
}

TEST_CASE("template table: headers import reads, in either language, and the rows' cells") {
  Filings none = filed_until("2019-05-31");
  TemplateSheet s = sheet(none, "镇甲", "2019-06");
  Table en = template_table(s, false);
  std::vector<std::string> keys;
  for (const auto& c : en.columns) keys.push_back(c.key);
  CHECK(keys ==
        std::vector<std::string>{"id", "name", "unit", "period", "date", "value", "note", "by"});
  Table zh = template_table(s, true);
  keys.clear();
  for (const auto& c : zh.columns) keys.push_back(c.key);
  // 计量单位, not 单位: import reads 单位 alone as by=.
  CHECK(keys == std::vector<std::string>{"指标代码", "指标名称", "计量单位", "报送期", "日期",
                                         "数值", "备注", "填报单位"});
  REQUIRE(en.rows.size() == 3);
  const auto& r = en.rows[2].cells;  // rate.h 2019H1
  CHECK(r[0].text == "rate.h");
  CHECK(r[2].text == "%");
  CHECK(r[3].text == "2019H1");
  CHECK(r[4].type == CellType::date);
  CHECK(r[4].date == day("2019-06-30"));
  CHECK(r[5].type == CellType::empty);
  CHECK(r[6].type == CellType::empty);
  CHECK(r[7].text == "镇甲");
  CHECK(en.columns[5].xlsx_blank == "#,##0.00");
  CHECK(en.columns[6].xlsx_blank == "@");
}

TEST_CASE("template: a report of an earlier period not in the ledger is asked for again") {
  // 人社局 left May's jobs.new empty: June's sheet asks for it again, in
  // its indicator's place before June's; 镇甲 owes every report of 2019 so
  // far, the first quarter's train.q too.
  TemplateSheet hr = sheet(filed_until("2019-04-30"), "人社局", "2019-06");
  CHECK(rows_of(hr) == std::vector<std::string>{"jobs.new 2019-05 2019-05-31",
                                                "jobs.new 2019-06 2019-06-30",
                                                "train.q 2019Q2 2019-06-30"});
  CHECK(earlier(hr) == 1);
  CHECK(hr.filed == 0);
  Filings none(plan(), day("9999-12-31"));
  TemplateSheet a = sheet(none, "镇甲", "2019-06");
  REQUIRE(a.rows.size() == 6 + 2 + 1);  // jobs.towns Jan-Jun, train.q Q1-Q2, rate.h H1
  CHECK(earlier(a) == 5 + 1);
  CHECK(rows_of(a)[6] == "train.q 2019Q1 2019-03-31");
  // Filed later (a May report dated in July), it leaves the sheet.
  Filings f = filed_until("2019-04-30");
  Entry may = make_entry("2019-07-03", "jobs.new", "10", "人社局");
  may.tags.emplace_back("period", "2019-05");
  f.add(may);
  CHECK(earlier(sheet(f, "人社局", "2019-06")) == 0);
}

TEST_CASE("template file names keep Chinese names and escape path characters") {
  auto p = named_period("2020-06");
  CHECK(template_file_name(*p, "平望镇", "xlsx") == "2020-06-平望镇.xlsx");
  CHECK(template_file_name(*p, "a/b c", "csv") == "2020-06-a%2Fb%20c.csv");
}

}  // namespace
}  // namespace plan
