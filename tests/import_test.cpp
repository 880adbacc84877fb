#include "import.h"

#include <doctest/doctest.h>

#include "new_entry.h"
#include "plan_loader.h"

using namespace plan;

namespace {

// tests/fixtures/mini.toml: period 2018-01-01..2020-12-31; jobs.urban_new
// (total, 人), unemployment.rate (cap, %), hr.portal (milestone), …
const Plan& mini() {
  static const Plan plan = [] {
    Diagnostics d;
    auto p = load_plan(Env::posix(), PLAN_SOURCE_DIR "/tests/fixtures/mini.toml", d);
    REQUIRE(p);
    return *p;
  }();
  return plan;
}

const Date kToday = Date::from_ymd(2020, 6, 30);

ImportResult run(std::string_view csv, bool force = false) {
  return import_csv(csv, "x.csv", mini(), kToday, force);
}

std::vector<std::string> lines_of(const ImportResult& r) {
  std::vector<std::string> out;
  for (const auto& row : r.rows) out.push_back(row.line);
  return out;
}

std::vector<std::string> problems(const ImportResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diags.items()) out.push_back(d.headline());
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("import: English header in any order with optional tags") {
  auto r =
      run("value,date,id,by,note,src\n"
          "4210,2019-03-31,jobs.urban_new,人社局,一季度快报,\n"
          "1.9%,2019-06-30,unemployment.rate,,,年报\n"
          "done,2020-05-31,hr.portal,,,\n");
  CHECK(problems(r).empty());
  CHECK(lines_of(r) == Lines{
                           "2019-03-31  jobs.urban_new  4210  by=人社局  note=一季度快报",
                           "2019-06-30  unemployment.rate  1.9%  src=年报",
                           "2020-05-31  hr.portal  done",
                       });
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0].row == 2);
  CHECK(r.rows[2].row == 4);
  CHECK(r.rows[0].entry.amount == Decimal::from_units(4210 * Decimal::kScale));
  CHECK(r.rows[0].entry.where.to_string() == "x.csv:2");
}

TEST_CASE("import: Chinese header with BOM and CR LF") {
  auto r =
      run("\xEF\xBB\xBF 日期 ,指标代码,完成值,填报单位,备注,来源\r\n"
          "2019-03-31,jobs.urban_new,4210,人社局,快报,统计局\r\n");
  CHECK(problems(r).empty());
  CHECK(lines_of(r) == Lines{"2019-03-31  jobs.urban_new  4210  by=人社局  note=快报  src=统计局"});
}

TEST_CASE("import: header names ignore case and spaces") {
  auto r = run(" Date , Indicator ,VALUE,指标ID\n2019-03-31,jobs.urban_new,1,\n");
  // Named as the sheet titles it, with the column of the first.
  CHECK(problems(r) ==
        Lines{"x.csv:1:26: column \"指标ID\" means id, as \"Indicator\" in column B does; keep one "
              "of them"});
  auto ok = run(" Date , Indicator ,VALUE, Source\n2019-03-31,jobs.urban_new,1,x\n");
  CHECK(problems(ok).empty());
  CHECK(lines_of(ok) == Lines{"2019-03-31  jobs.urban_new  1  src=x"});
}

TEST_CASE("import: unknown and missing columns are errors") {
  auto r = run("date,indicatr,value,remark\n2019-03-31,jobs.urban_new,1,x\n");
  CHECK(
      problems(r) ==
      Lines{"x.csv:1:6: unknown column \"indicatr\", \"remark\"; columns are date, id, value, by, "
            "note, src, period, measures (or 日期, 指标, 数值, 填报单位, 备注, 来源, 报送期, "
            "整改措施); informational: 序号, name (指标名称), unit (计量单位)",
            "x.csv:1: missing column id (or 指标, or 指标名称 to name the indicators)"});
  CHECK(r.rows.empty());
  // In Chinese too (--lang zh), with the columns' Chinese names.
  REQUIRE(r.diags.items().size() == 2);
  CHECK(r.diags.items()[0].message_zh ==
        "无法识别的列“indicatr”、“remark”；可用的列：日期、指标、数值、填报单位、备注、来源、"
        "报送期、整改措施（或 date、id、value、by、note、src、period、measures）；仅供核对的列："
        "序号、指标名称（name）、计量单位（unit）");
  CHECK(r.diags.items()[1].message_zh == "缺少“指标”列（或 id）；也可用“指标名称”列按名称指明指标");
}

TEST_CASE("import: empty file and header only") {
  CHECK(problems(run("")) == Lines{"x.csv: no header row (the file is empty)"});
  auto r = run("date,id,value\r\n\r\n");
  CHECK(problems(r) == Lines{"x.csv: warning: no rows to import below the header"});
  CHECK(r.diags.items()[0].message_zh == "表头下没有可导入的行");
  CHECK_FALSE(r.diags.has_errors());
}

TEST_CASE("import: a bad last row makes the import an error; the good rows wait to be judged") {
  auto r =
      run("date,id,value\n"
          "2019-01-31,jobs.urban_new,100\n"
          "2019-02-28,jobs.urban_new,200\n"
          "2019-03-31,jobs.urban_new,300\n"
          "2019-04-30,jobs.urban_nwe,400\n");
  CHECK(problems(r) == Lines{"x.csv:5:12: unknown indicator 'jobs.urban_nwe'; did you mean "
                             "'jobs.urban_new'?"});
  // The three good rows, for the command to judge against the ledger, so
  // that their problems show with this one; it writes none of them.
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[2].line == "2019-03-31  jobs.urban_new  300");
}

TEST_CASE("import: reports every bad row at its starting line") {
  auto r =
      run("date,id,value,note\n"
          "2019-01-31,jobs.urban_new,abc,\n"
          "2019-02-28,jobs.urban_new,1,\"two\nlines\"\n"
          "2019-03-31,hr.portal,5,\n"
          "2019-04-31,jobs.urban_new,1,\n"
          "2019-05-31,unemployment.rate,-1%,\n"
          "2019-06-30,,1,\n"
          "2019-06-30,jobs.urban_new,,\n"
          "2019-06-30,jobs.urban_new,4 210,\n"
          "2019-06-30,jobs.urban_new,12%,\n");
  CHECK(
      problems(r) ==
      Lines{
          "x.csv:2:27: value \"abc\": expected a number",
          "x.csv:5:22: value \"5\": expected done or undone; hr.portal is a milestone",
          "x.csv:6:1: date \"2019-04-31\" is not a real calendar date",
          "x.csv:7:30: value \"-1%\": a reading cannot be negative",
          "x.csv:8:12: missing indicator id",
          "x.csv:10:27: value \"4 210\" is not a single word",
          "x.csv:11:27: value \"12%\": '%' is only for indicators measured in %; jobs.urban_new is "
          "measured in 人",
      });
  // The one good row (line 3, whose note holds a line break); the empty
  // value of line 9 is skipped, and its warning waits for a good sheet.
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].row == 3);
}

TEST_CASE("import: a CSV's problems name their cell as a spreadsheet numbers it") {
  // Rows as Excel or WPS opens the file: the quoted line break of line 3
  // stays in its cell (lines 3-4 are row 3), and the empty line 6 is an
  // empty row (line 7 is row 6).
  auto r =
      run("date,id,value,note\n"
          "2019-01-31,jobs.urban_new,abc,\n"
          "2019-02-28,jobs.urban_new,1,\"two\nlines\"\n"
          "2019-03-31,hr.portal,5,\n"
          "\n"
          "2019-04-31,jobs.urban_new,1,\n");
  Lines cells;
  for (const auto& d : r.diags.items()) cells.push_back(r.cell_at(d.where).value_or("-"));
  CHECK(cells == Lines{"C2", "C4", "A6"});
  CHECK(r.shown(r.diags).items().front().message == "cell C2: value \"abc\": expected a number");
  // A location that is no field's start, or of another file: no cell.
  CHECK_FALSE(r.cell_at(Location{"x.csv", 2, 28}));
  CHECK_FALSE(r.cell_at(Location{"x.csv", 2, 0}));
  CHECK_FALSE(r.cell_at(Location{"y.csv", 2, 27}));
  CHECK(r.cell_at(Location{"x.csv", 4, 1}) == std::nullopt);  // inside row 3's note
  CHECK(r.cell_at(Location{"x.csv", 3, 29}) == "D3");         // the note's opening quote
}

TEST_CASE("import: the note of rows skipped comes after the rows' own, as their summary") {
  // Row 3 has no value: skipped, which import_sheet notes first; the
  // ledger's judgement of rows 2 and 4 comes after it, and is shown first.
  auto r =
      run("date,id,value\n"
          "2019-01-31,jobs.urban_new,1\n"
          "2019-02-28,jobs.urban_new,\n"
          "2019-03-31,jobs.urban_new,2\n");
  REQUIRE(r.rows.size() == 2);
  Diagnostics found = r.diags;
  found.warning(Location{"x.csv", 2, 27}, "about row 2");
  found.warning(Location{"x.csv", 4, 27}, "about row 4");
  Lines shown;
  const Diagnostics ordered = r.shown(found);
  for (const auto& d : ordered.items()) shown.push_back(d.message);
  CHECK(shown == Lines{"cell C2: about row 2", "cell C4: about row 4",
                       "1 row without a value skipped (C3 jobs.urban_new); a report left empty "
                       "is still owed (plan due)"});
}

TEST_CASE("import: a row without a value is skipped, named in one warning, never a zero") {
  // Lines 3 and 5 are reports left empty (a returned template); the others land.
  auto r =
      run("date,id,value,by,note\n"
          "2019-01-31,jobs.urban_new,100,人社局,\n"
          "2019-02-28,jobs.urban_new,,人社局,\n"
          "2019-03-31,unemployment.rate,1.9,,\n"
          "2019-03-31,unemployment.rate, ,,\n");
  // Named by the empty value's cell, as a spreadsheet shows it.
  CHECK(problems(r) == Lines{"x.csv: warning: 2 rows without a value skipped (C3 "
                             "jobs.urban_new, C5 unemployment.rate); a report left empty is "
                             "still owed (plan due)"});
  CHECK(lines_of(r) ==
        Lines{"2019-01-31  jobs.urban_new  100  by=人社局", "2019-03-31  unemployment.rate  1.9%"});

  // Nothing filled in: nothing to import, and no error.
  auto empty = run("date,id,value\n2019-01-31,jobs.urban_new,\n");
  CHECK(problems(empty) == Lines{"x.csv: warning: no row has a value, nothing to import: 1 row "
                                 "without a value skipped (C2 jobs.urban_new); a report left "
                                 "empty is still owed (plan due)"});
  CHECK(empty.rows.empty());
  // A line break inside a quoted note stays in its cell: line 4 is row 3.
  auto broken =
      run("date,id,value,note\n2019-01-31,jobs.urban_new,100,\"a\nb\"\n"
          "2019-02-28,jobs.urban_new,,\n");
  REQUIRE(broken.diags.items().size() == 1);
  CHECK(broken.diags.items()[0].message.find("(C3 jobs.urban_new)") != std::string::npos);

  // More than five are cut short.
  std::string many = "date,id,value\n";
  for (int i = 0; i < 7; ++i) many += "2019-01-31,jobs.urban_new,\n";
  auto seven = run(many);
  REQUIRE(seven.diags.items().size() == 1);
  CHECK(seven.diags.items()[0].message.find("C6 jobs.urban_new, … (2 more)") != std::string::npos);
}

TEST_CASE("import: a note without a value is an error at the value's cell") {
  auto r = run("date,id,value,note\n2019-01-31,jobs.urban_new,,数据待核\n");
  CHECK(problems(r) ==
        Lines{"x.csv:2:27: no value, but a note: give the figure, or the value explain to file the "
              "note as the explanation (情况说明) of a report not made"});
  CHECK(r.rows.empty());
}

TEST_CASE("import: dates as spreadsheets write them") {
  auto r =
      run("date,id,value\n"
          "2019/3/31,jobs.urban_new,1\n"
          "2019-3-1,jobs.urban_new,2\n"
          "2019/03/05,jobs.urban_new,3\n"
          "2019年12月1日,jobs.urban_new,4\n");
  CHECK(problems(r).empty());
  CHECK(lines_of(r) == Lines{"2019-03-31  jobs.urban_new  1", "2019-03-01  jobs.urban_new  2",
                             "2019-03-05  jobs.urban_new  3", "2019-12-01  jobs.urban_new  4"});
}

TEST_CASE("spreadsheet_date refuses other shapes") {
  const Location at{"x.csv", 4, 0};
  for (std::string bad : {"31/3/2019", "2019/3-31", "2019.3.31", "19/3/31", "2019/123/1",
                          "2019-03-31x", "2019年3月31", "",
                          // Once signed overflow (UBSan) in the digit reader:
                          "99999999999/1/1", "2019/99999999999/1", "2019年1月99999999999日"}) {
    CAPTURE(bad);
    auto d = spreadsheet_date(bad, at);
    REQUIRE_FALSE(d);
    CHECK(d.error().headline() ==
          "x.csv:4: date \"" + bad +
              "\" is not a date (YYYY-MM-DD; YYYY/M/D and YYYY年M月D日 are taken too)");
  }
  auto leap = spreadsheet_date("2019/2/29", at);
  REQUIRE_FALSE(leap);
  CHECK(leap.error().headline() == "x.csv:4: date \"2019/2/29\" is not a real calendar date");
  auto good = spreadsheet_date("2020/2/29", at);
  REQUIRE(good);
  CHECK(*good == Date::from_ymd(2020, 2, 29));
}

TEST_CASE("import: thousands separators") {
  auto r =
      run("date,id,value\n"
          "2019-03-31,jobs.urban_new,\"4,210\"\n"
          "2019-03-31,jobs.urban_new,\"-1,234,567.5\"\n"
          "2019-03-31,jobs.urban_new,\"1,5\"\n");
  CHECK(problems(r) ==
        Lines{"x.csv:4:27: value \"1,5\" has a comma that is not a thousands separator"});
  auto ok = run("date,id,value\n2019-03-31,jobs.urban_new,\"4,210\"\n");
  CHECK(lines_of(ok) == Lines{"2019-03-31  jobs.urban_new  4210"});
}

TEST_CASE("strip_thousands only takes groups of three") {
  CHECK(strip_thousands("4210") == "4210");
  CHECK(strip_thousands("4,210") == "4210");
  CHECK(strip_thousands("+12,345.25%") == "+12345.25%");
  CHECK(strip_thousands("1,234,567") == "1234567");
  CHECK(strip_thousands("123,456万") == "123456万");
  for (const char* bad :
       {"1,5", "1234,567", "12,34,567", ",123", "1,234,", "1,234.5,6", "-,123", "1,2345"}) {
    CAPTURE(bad);
    CHECK_FALSE(strip_thousands(bad));
  }
}

TEST_CASE("import: a note with comma, quotes and line break round-trips") {
  auto r =
      run("date,id,value,note\r\n"
          "2019-03-31,jobs.urban_new,10,\"更正, \"\"重复\"\"\r\n第二行\tTab\"\r\n");
  CHECK(problems(r).empty());
  CHECK(lines_of(r) ==
        Lines{"2019-03-31  jobs.urban_new  10  note=\"更正, \\\"重复\\\"\\n第二行\\tTab\""});
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].entry.tag("note") == "更正, \"重复\"\n第二行\tTab");
  // The canonical line parses back to the same note.
  Entry again;
  auto kind = parse_line(r.rows[0].line, mini(), Location{"r.rec", 1, 0}, &again);
  REQUIRE(kind.ok());
  CHECK(again.tag("note") == "更正, \"重复\"\n第二行\tTab");
}

TEST_CASE("import: trims cells and skips blank rows") {
  auto r =
      run("date,id,value,by\n"
          ",,,\n"
          " 2019-03-31 ,\tjobs.urban_new ,\xE3\x80\x80"
          "7\xC2\xA0, 人社局 \n"
          "  ,  ,,\n");
  CHECK(problems(r).empty());
  CHECK(lines_of(r) == Lines{"2019-03-31  jobs.urban_new  7  by=人社局"});
  CHECK(r.rows.at(0).row == 3);
}

TEST_CASE("import: row shape against the header") {
  auto r =
      run("date,id,value,,\n"
          "2019-03-31,jobs.urban_new,1,,\n"        // empty unnamed columns: fine
          "2019-03-31,jobs.urban_new,1\n"          // missing trailing optional cells: fine
          "2019-03-31,jobs.urban_new,1,,,,\n"      // extra empty cells: fine
          "2019-03-31,jobs.urban_new,1,,,x\n"      // extra cell with text
          "2019-03-31,jobs.urban_new,1,,oops\n");  // text under an empty header
  CHECK(problems(r) == Lines{"x.csv:5:31: row has 6 fields, the header 5",
                             "x.csv:6:30: column 5 has a value but no header"});
}

TEST_CASE("import: CSV syntax error stops at its location") {
  auto r = run("date,id,value\n2019-03-31,jobs.urban_new,\"1\n");
  CHECK(problems(r) == Lines{"x.csv:2:27: quoted field is never closed"});
}

TEST_CASE("import: refuses dates outside the period or after today unless forced") {
  const char* csv =
      "date,id,value\n"
      "2017-12-31,jobs.urban_new,1\n"
      "2020-07-01,jobs.urban_new,2\n"
      "2020-06-30,jobs.urban_new,3\n";
  CHECK(
      problems(run(csv)) ==
      Lines{"x.csv:2:1: date 2017-12-31 is outside the plan period (2018-01-01 to 2020-12-31); "
            "use --force if it is right",
            "x.csv:3:1: date 2020-07-01 is after today (2020-06-30); use --force if it is right"});
  auto forced = run(csv, true);
  CHECK(problems(forced).empty());
  CHECK(forced.rows.size() == 3);
}

TEST_CASE("check_entry_date: the period and today bound an entry's date") {
  const Plan& p = mini();
  const Location at{"x.csv", 2, 0};
  CHECK(check_entry_date(p, Date::from_ymd(2018, 1, 1), kToday, false, at));
  CHECK(check_entry_date(p, kToday, kToday, false, at));
  auto outside =
      check_entry_date(p, Date::from_ymd(2021, 1, 1), Date::from_ymd(2022, 1, 1), false, at);
  REQUIRE_FALSE(outside);
  CHECK(outside.error().headline() ==
        "x.csv:2: date 2021-01-01 is outside the plan period (2018-01-01 to 2020-12-31); "
        "--period if it reports for one of the plan's periods (it then counts for it), --force if "
        "the date is right as it is");
  CHECK(outside.error().kind == ErrorKind::bad_data);
  CHECK(check_entry_date(p, Date::from_ymd(2030, 1, 1), kToday, true, at));
}

TEST_CASE("make_new_entry refuses what the line cannot carry") {
  const Location at{"", 0, 0};
  auto with = [&](EntryInput in) { return make_new_entry(in, mini(), at, kToday, false); };
  EntryInput in{"2019-03-31", "jobs.urban_new", "5", "", "", "", "", ""};
  REQUIRE(with(in).ok());
  CHECK(with(in)->line == "2019-03-31  jobs.urban_new  5");

  EntryInput smuggle = in;
  smuggle.value = "5#x";
  CHECK(with(smuggle).error().message == "value \"5#x\" is not a single word");
  EntryInput ctl = in;
  ctl.note = "bell\a";
  CHECK(with(ctl).error().message == "note contains a control character (U+0007)");
  EntryInput cr = in;
  cr.by = "a\rb";
  CHECK(with(cr).error().message == "by contains a control character (U+000D)");
  EntryInput bad_utf8 = in;
  bad_utf8.src = "\xFF";
  CHECK(with(bad_utf8).error().message == "src is not valid UTF-8");
  // From a terminal in GBK: by=人社局 as C8 CB C9 E7 BE D6, said so.
  EntryInput gbk = in;
  gbk.by = "\xC8\xCB\xC9\xE7\xBE\xD6";
  CHECK(with(gbk).error().message ==
        "by is not valid UTF-8; it looks like GB18030 (GBK): the terminal or script that gave it "
        "is not in UTF-8 (a UTF-8 locale such as zh_CN.UTF-8 is needed)");
  CHECK(with(gbk).error().message_zh ==
        "by= 不是有效的 UTF-8；看来是 GB18030（GBK）编码：输入它的终端或脚本不是 UTF-8 编码（需要 "
        "zh_CN.UTF-8 这样的 UTF-8 区域设置）");
  EntryInput gbk_id = in;
  gbk_id.id = "\xD6\xD0";  // 中
  CHECK(with(gbk_id).error().message.starts_with(
      "indicator id is not valid UTF-8; it looks like GB18030"));
  EntryInput tags = in;
  tags.by = "人社局";
  tags.note = "a=b #c";
  tags.src = "x\\y";
  CHECK(with(tags)->line ==
        "2019-03-31  jobs.urban_new  5  by=人社局  note=\"a=b #c\"  src=\"x\\\\y\"");
  EntryInput wan = in;
  wan.value = "1.2万";
  CHECK(with(wan)->line == "2019-03-31  jobs.urban_new  12000");
}

TEST_CASE("make_new_entry refuses a by= that names no unit of the plan") {
  // mini.toml's units: 人社局, 财政局, 教育局. 人设局 is one character from
  // 人社局 (the limit for three characters is one), two from the others.
  const Location at{"", 0, 0};
  EntryInput in{"2019-03-31", "jobs.urban_new", "5", "人设局", "", "", "", ""};
  auto typo = make_new_entry(in, mini(), at, kToday, false);
  REQUIRE_FALSE(typo.ok());
  CHECK(typo.error().message == "unknown unit '人设局'; did you mean '人社局'?");
  // A usage error: for `plan record` it is the command line that is wrong.
  CHECK(typo.error().kind == ErrorKind::usage);
  in.by = "某某办";
  CHECK(make_new_entry(in, mini(), at, kToday, false).error().message == "unknown unit '某某办'");
  // So is an unknown id; a value the indicator cannot take is bad data.
  EntryInput id_typo{"2019-03-31", "jobs.urban_nwe", "5", "", "", "", "", ""};
  auto unknown = make_new_entry(id_typo, mini(), at, kToday, false);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().message ==
        "unknown indicator 'jobs.urban_nwe'; did you mean 'jobs.urban_new'?");
  CHECK(unknown.error().kind == ErrorKind::usage);
  EntryInput bad_value{"2019-03-31", "jobs.urban_new", "done", "", "", "", "", ""};
  auto refused = make_new_entry(bad_value, mini(), at, kToday, false);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == ErrorKind::bad_data);
  in.by = "财政局";  // a unit that leads nothing is still a unit
  CHECK(make_new_entry(in, mini(), at, kToday, false).ok());
}

TEST_CASE("a by= that does not report a scheduled indicator is written with a warning") {
  // tests/fixtures/template.toml: jobs.towns, monthly, is reported by 镇甲 and
  // 镇乙 (the group 各区镇); 教育局 reports grads.y only; award is ad hoc.
  Diagnostics loading;
  auto plan = load_plan(Env::posix(), PLAN_SOURCE_DIR "/tests/fixtures/template.toml", loading);
  REQUIRE(plan);
  const Location at{"", 0, 0};
  auto warning = [&](const char* id, const char* value, const char* by) {
    EntryInput in{"2019-07-03", id, value, by, "", "", "", ""};
    if (std::string_view(value) == "explain") in.period = "2019-06", in.note = "晚报";
    auto made = make_new_entry(in, *plan, at, kToday, false);
    REQUIRE(made.ok());
    return made->warning.en;
  };
  CHECK(warning("jobs.towns", "5", "教育局") ==
        "教育局 is not a reporter of jobs.towns: the figure counts, but files no report; plan due "
        "still asks 镇甲、镇乙");
  CHECK(warning("jobs.towns", "5", "各区镇") ==
        "各区镇 is not a reporter of jobs.towns: the figure counts, but files no report; plan due "
        "still asks 镇甲、镇乙");
  CHECK(warning("jobs.towns", "explain", "教育局") ==
        "教育局 is not a reporter of jobs.towns: the explanation is kept, but answers for no "
        "report; plan due still asks 镇甲、镇乙");
  CHECK(warning("jobs.towns", "5", "镇乙").empty());
  // Nobody named files no report either: plan due still asks the towns.
  CHECK(warning("jobs.towns", "5", "") ==
        "no reporter named (by=) for jobs.towns: the figure counts, but files no report; plan "
        "due still asks 镇甲、镇乙");
  CHECK(warning("award", "5", "镇甲").empty());  // ad hoc: no report owed

  // An import names it at the by cell, once for each indicator and unit.
  auto r = import_csv(
      "date,id,value,by\n"
      "2019-07-03,jobs.towns,1,教育局\n"
      "2019-07-03,jobs.towns,2,镇甲\n"
      "2019-08-03,jobs.towns,3,教育局\n"
      "2019-08-03,jobs.towns,4,人社局\n",
      "t.csv", *plan, kToday, false);
  // Columns: "2019-07-03," 1-11, "jobs.towns," 12-22, "1," 23-24: by at 25.
  CHECK(problems(r) ==
        Lines{"t.csv:2:25: warning: 教育局 is not a reporter of jobs.towns: the figure counts, "
              "but files no report; plan due still asks 镇甲、镇乙",
              "t.csv:5:25: warning: 人社局 is not a reporter of jobs.towns: the figure counts, "
              "but files no report; plan due still asks 镇甲、镇乙"});
  CHECK(r.rows.size() == 4);  // all written
}

TEST_CASE("import: a period on an indicator without a schedule files nothing: a warning") {
  // The mini plan has no schedule: a period cell of its figures is written
  // as asked, and said once a sheet for each indicator, at the cell, to
  // file nothing; an explanation's period says what it explains.
  auto r =
      run("date,id,value,period,note\n"
          "2019-07-03,jobs.urban_new,5,2019-06,\n"
          "2019-07-04,jobs.urban_new,6,2019-06,\n"
          "2019-07-05,jobs.urban_new,explain,2019-06,晚报\n");
  // Columns: "2019-07-03," 1-11, "jobs.urban_new," 12-26, "5," 27-28: period at 29.
  CHECK(problems(r) ==
        Lines{"x.csv:2:29: warning: period 2019-06 files nothing: jobs.urban_new has no reporting "
              "schedule, and its figure counts on its date"});
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[1].entry.tag("period") == "2019-06");
}

TEST_CASE("import: a row whose by names no unit is a bad row") {
  auto r =
      run("date,id,value,by\n"
          "2019-03-31,jobs.urban_new,5,人社局\n"
          "2019-04-30,jobs.urban_new,6,人设局\n");
  CHECK(problems(r) == Lines{"x.csv:3:29: unknown unit '人设局'; did you mean '人社局'?"});
  CHECK(r.rows.size() == 1);  // line 2, the good row, returned with the error
  // 单位 read as the reporting unit, holding units of measure (人 is
  // jobs.urban_new's): said so, not "unknown unit '人'".
  // Beside 填报单位, 单位 is two columns for by: the advice is to retitle it.
  auto both = run("日期,指标,单位,数值,填报单位\n2019-03-31,jobs.urban_new,人,5,人社局\n");
  CHECK(problems(both) ==
        Lines{"x.csv:1:13: column \"填报单位\" means by, as \"单位\" in column C does; if 单位 "
              "holds units of measure (人, 个), title it 计量单位"});
  // The advice once, at the first such cell; later rows point back to it.
  auto measure =
      run("date,id,value,单位\n2019-03-31,jobs.urban_new,5,人\n"
          "2019-06-30,jobs.urban_new,6,人\n");
  CHECK(problems(measure) ==
        Lines{"x.csv:2:29: '人' is a unit of measure, in the column of the reporting unit (by: "
              "填报单位, 单位); title a column of units of measure 计量单位 or unit",
              "x.csv:3:29: '人' is a unit of measure, not a reporting unit (see D2)"});
}

TEST_CASE("import: the id column takes the indicator's exact name") {
  auto r =
      run("日期,指标,数值\n"
          "2019-03-31,城镇新增就业人数,5\n"
          "2019-06-30, 城镇登记失业率 ,1.9\n");
  CHECK(problems(r).empty());
  CHECK(lines_of(r) ==
        Lines{"2019-03-31  jobs.urban_new  5", "2019-06-30  unemployment.rate  1.9%"});
}

TEST_CASE("import: a near-miss name gets did you mean with the id") {
  // 城镇新增就业 is 2 code points short of 城镇新增就业人数 (limit: 6/3 = 2)
  // and inside it; 城镇登记失业率 is 4 edits away.
  auto r = run("date,id,value\n2019-03-31,城镇新增就业,5\n2019-03-31,完全不同的名字,5\n");
  CHECK(problems(r) ==
        Lines{"x.csv:2:12: unknown indicator name '城镇新增就业'; did you mean 'jobs.urban_new' "
              "(城镇新增就业人数)?",
              "x.csv:3:12: unknown indicator name '完全不同的名字'"});
  CHECK(r.diags.items().at(0).kind == ErrorKind::usage);
  // An ASCII id keeps the id suggestion.
  CHECK(problems(run("date,id,value\n2019-03-31,jobs.urban_nwe,5\n")) ==
        Lines{"x.csv:2:12: unknown indicator 'jobs.urban_nwe'; did you mean 'jobs.urban_new'?"});
}

TEST_CASE("import: 序号, name and unit columns are informational") {
  auto r =
      run("序号,指标,指标名称,计量单位,日期,数值\n"
          "1,jobs.urban_new,城镇新增就业人数,人,2019-03-31,5\n"
          "2,unemployment.rate,城镇登记失业率,％,2019-06-30,1.9\n");
  CHECK(problems(r).empty());
  CHECK(lines_of(r) ==
        Lines{"2019-03-31  jobs.urban_new  5", "2019-06-30  unemployment.rate  1.9%"});
  // English spellings, and the name filling an empty id.
  auto en = run("No.,name,unit,date,id,value\n7,城镇新增就业人数,人,2019-03-31,,5\n");
  CHECK(problems(en).empty());
  CHECK(lines_of(en) == Lines{"2019-03-31  jobs.urban_new  5"});
}

TEST_CASE("import: without an id column, the name column names the indicator") {
  // Columns: 日期 A, 指标名称 B, 数值 C; the name starts at column 12.
  auto r = run("日期,指标名称,数值\n2019-03-31,城镇新增就业人数,5\n2019-03-31,城镇新增就业,6\n");
  CHECK(problems(r) ==
        Lines{"x.csv:3:12: unknown indicator name '城镇新增就业'; did you mean 'jobs.urban_new' "
              "(城镇新增就业人数)?"});
  CHECK(run("日期,指标名称,数值\n2019-03-31,城镇新增就业人数,5\n").rows.at(0).line ==
        "2019-03-31  jobs.urban_new  5");
  // A name cell left empty is said as the name it is.
  CHECK(problems(run("日期,指标名称,数值\n2019-03-31,,5\n")) ==
        Lines{"x.csv:2:12: missing indicator name (指标名称)"});
  // Neither column: the id is missing.
  CHECK(problems(run("日期,数值\n2019-03-31,5\n")) ==
        Lines{"x.csv:1: missing column id (or 指标, or 指标名称 to name the indicators)"});
}

TEST_CASE("import: a name or unit that contradicts the id is an error at its cell") {
  auto r =
      run("指标,指标名称,unit,日期,数值\n"
          "jobs.urban_new,城镇登记失业率,,2019-03-31,5\n"
          "jobs.urban_new,,万人,2019-03-31,1.2\n");
  CHECK(
      problems(r) ==
      Lines{
          "x.csv:2:16: name '城镇登记失业率' is not the name of jobs.urban_new (城镇新增就业人数); "
          "correct the id or the name",
          "x.csv:3:17: unit '万人' is not the unit of jobs.urban_new (人); give the value in 人"});
  CHECK(r.rows.empty());
  // In a workbook the message points at the cell: the name is column B.
  Sheet s;
  s.file = "b.xlsx";
  s.cell_prefix = "b.xlsx:填报!";
  s.rows = {{1, {"指标", "指标名称", "日期", "数值"}},
            {4, {"jobs.urban_new", "城镇登记失业率", "2019-03-31", "5"}},
            {5, {"jobs.urban_new", "", "2019-02-30", "5"}},
            {6, {"jobs.urban_new", "", "2019-03-31", "five"}}};
  auto w = import_sheet(s, mini(), kToday, false);
  auto p = problems(w);
  REQUIRE(p.size() == 3);
  CHECK(p[0].starts_with("b.xlsx:填报!B4: name '城镇登记失业率'"));
  CHECK(p[1] == "b.xlsx:填报!C5: date \"2019-02-30\" is not a real calendar date");
  CHECK(p[2].starts_with("b.xlsx:填报!D6: value \"five\""));
}

TEST_CASE("import: a one-cell title row above the header is skipped") {
  auto r = run("2019年一季度就业指标,,\n,,\ndate,id,value\n2019-03-31,jobs.urban_new,5\n");
  CHECK(problems(r).empty());
  CHECK(lines_of(r) == Lines{"2019-03-31  jobs.urban_new  5"});
  CHECK(r.rows.at(0).row == 4);
}

TEST_CASE("spreadsheet_date: date-times at midnight and serial dates are dates") {
  const Location at{"x.csv", 2, 0};
  auto iso = [&](std::string_view s) {
    auto d = spreadsheet_date(s, at);
    return d ? d->iso() : "error: " + d.error().message;
  };
  CHECK(iso("2020/07/31 0:00") == "2020-07-31");
  CHECK(iso("2020-07-31 00:00:00") == "2020-07-31");
  CHECK(iso("2020-07-31T00:00:00") == "2020-07-31");
  CHECK(iso("2020/7/31 0:00:00.000") == "2020-07-31");
  CHECK(iso("2020-07-31 13:45") ==
        "error: date \"2020-07-31 13:45\" has a time of day; figures are dated by the day (a "
        "time of 0:00 is taken)");
  CHECK(iso("2020-07-31 0:00 pm").starts_with("error: date \"2020-07-31 0:00 pm\" is not a date"));
  // Serial days: 2019-06-30 is 43,646 days after 1899-12-30 (1900-01-01 is
  // serial 1 and Excel counts a 1900-02-29): 120 years of 365 days = 43,800,
  // plus 29 leap days 1900..2019 (1904…2016; 1900 is none) = 43,829 to
  // 2019-12-30, less the 183 days from 2019-06-30 to 2019-12-30 = 43,646.
  CHECK(iso("43646") == "2019-06-30");
  CHECK(iso("43646.0") == "2019-06-30");
  CHECK(
      iso("43646.5") ==
      "error: date \"43646.5\" is a serial date with a time of day; figures are dated by the day");
}

TEST_CASE("excel_serial_date: the 1900 leap-year bug and the 1904 system") {
  CHECK(excel_serial_date(1, false)->iso() == "1900-01-01");
  CHECK(excel_serial_date(59, false)->iso() == "1900-02-28");
  CHECK_FALSE(excel_serial_date(60, false));  // Excel's 1900-02-29
  CHECK(excel_serial_date(61, false)->iso() == "1900-03-01");
  CHECK_FALSE(excel_serial_date(0, false));
  CHECK(excel_serial_date(2958465, false)->iso() == "9999-12-31");
  CHECK_FALSE(excel_serial_date(2958466, false));
  // 1904 system: 0 is 1904-01-01; 1461 days later (1904, a leap year, and
  // 1905-1907: 366 + 3 × 365) is 1908-01-01.
  CHECK(excel_serial_date(0, true)->iso() == "1904-01-01");
  CHECK(excel_serial_date(1461, true)->iso() == "1908-01-01");
}

TEST_CASE("import: from an .xls, a fraction for a % indicator may be a percent cell") {
  // freexl reads 95.2% as 0.952: a figure of a "%" indicator above 0 and at
  // most 1 is refused at its cell, unless forced or marked with a %.
  Sheet s;
  s.file = "b.xls";
  s.cell_prefix = "b.xls:Sheet1!";
  s.percent_unknown = true;
  s.rows = {{1, {"date", "id", "value"}},
            {2, {"2019-12-31", "graduates.rate", "0.952"}},  // refused
            {3, {"2019-12-31", "graduates.rate", "1"}},      // 100% as well
            {4, {"2019-12-31", "graduates.rate", "95.2"}},   // a percent figure
            {5, {"2019-12-31", "graduates.rate", "0.5%"}},   // marked: meant
            {6, {"2019-12-31", "graduates.rate", "0"}},      // 0 either way
            {7, {"2019-12-31", "jobs.urban_new", "0.5"}}};   // not a % indicator
  auto r = import_sheet(s, mini(), kToday, false);
  auto p = problems(r);
  REQUIRE(p.size() == 2);
  CHECK(p[0].starts_with("b.xls:Sheet1!C2: value 0.952 of graduates.rate (%) in an .xls workbook"));
  CHECK(p[1].starts_with("b.xls:Sheet1!C3: value 1 of graduates.rate (%)"));
  CHECK(import_sheet(s, mini(), kToday, true).rows.size() == 6);
  s.percent_unknown = false;  // .xlsx and CSV: the reader knows
  CHECK(import_sheet(s, mini(), kToday, false).rows.size() == 6);

  // What is said of a row is said of a row taken: the period that files
  // nothing (graduates.rate has no schedule) at row 3's cell, not row 2's,
  // which is refused.
  s.percent_unknown = true;
  s.rows = {{1, {"date", "id", "value", "period"}},
            {2, {"2020-01-08", "graduates.rate", "0.952", "2019"}},
            {3, {"2020-01-09", "graduates.rate", "95.2", "2019"}}};
  auto taken = import_sheet(s, mini(), kToday, false);
  p = problems(taken);
  REQUIRE(p.size() == 2);
  CHECK(p[0].starts_with("b.xls:Sheet1!C2: value 0.952 of graduates.rate (%)"));
  CHECK(p[1] ==
        "b.xls:Sheet1!D3: warning: period 2019 files nothing: graduates.rate has no "
        "reporting schedule, and its figure counts on its date");
}
