#include "log_report.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "mini_fixture.h"
#include "render.h"

namespace plan {

using testing::day;
using testing::dec;
using testing::Entries;
using testing::make_entry;
using testing::mini_plan;

namespace {

// "file:line" of each entry, the order being what the tests look at.
std::vector<std::string> lines(const std::vector<Entry>& v) {
  std::vector<std::string> out;
  for (const Entry& e : v) out.push_back(e.where.to_string());
  return out;
}

std::vector<Entry> kept(const std::vector<Entry>& v, const LogFilter& f) {
  std::vector<Entry> out;
  for (const Entry& e : v)
    if (f.keeps(e)) out.push_back(e);
  return out;
}

Entries sample() {
  Entries e;
  e.add("2019-06-30", "jobs.urban_new", "9000", "人社局")       // f.rec:1
      .add("2018-12-31", "unemployment.rate", "2.1", "人社局")  // f.rec:2
      .add("2019-06-30", "skills.total", "3000", "财政局")      // f.rec:3
      .add("2018-12-31", "jobs.urban_new", "12000")             // f.rec:4
      .add("2018-01-01", "hr.portal", "done", "人社局")         // f.rec:5
      .add("2019-06-30", "jobs.urban_new", "-120", "人社局");   // f.rec:6
  return e;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("the log in date order (sort_by_date, record.h), read order kept within a date") {
  std::vector<Entry> v = sample().list;
  sort_by_date(v);
  CHECK(lines(v) ==
        Lines{"f.rec:5:1", "f.rec:2:1", "f.rec:4:1", "f.rec:1:1", "f.rec:3:1", "f.rec:6:1"});
}

TEST_CASE("the log order (sort_by_date) is stable over many equal dates") {
  // Enough entries for std::sort's introsort to scramble equal keys.
  std::vector<Entry> v;
  for (int i = 0; i < 200; ++i)
    v.push_back(make_entry(i % 2 ? "2019-01-02" : "2019-01-01", "jobs.urban_new", "1", "",
                           {"f.rec", i + 1, 1}));
  sort_by_date(v);
  for (std::size_t i = 1; i < v.size(); ++i) {
    bool ordered = v[i - 1].date < v[i].date ||
                   (v[i - 1].date == v[i].date && v[i - 1].where.line < v[i].where.line);
    if (!ordered) FAIL_CHECK("out of order at " << i);
  }
  CHECK(v.front().where.line == 1);
  CHECK(v[100].where.line == 2);
}

TEST_CASE("log filters by id, dates (inclusive) and by=") {
  const auto all = sample().list;
  LogFilter none;
  CHECK(kept(all, none).size() == 6);

  LogFilter id;
  id.id = "jobs.urban_new";
  CHECK(lines(kept(all, id)) == Lines{"f.rec:1:1", "f.rec:4:1", "f.rec:6:1"});
  id.id = "jobs";  // whole ids only
  CHECK(kept(all, id).empty());

  LogFilter since;
  since.since = day("2018-12-31");
  CHECK(lines(kept(all, since)) ==
        Lines{"f.rec:1:1", "f.rec:2:1", "f.rec:3:1", "f.rec:4:1", "f.rec:6:1"});
  LogFilter until;
  until.until = day("2018-12-31");
  CHECK(lines(kept(all, until)) == Lines{"f.rec:2:1", "f.rec:4:1", "f.rec:5:1"});
  LogFilter both;
  both.since = day("2018-12-31");
  both.until = day("2018-12-31");
  CHECK(lines(kept(all, both)) == Lines{"f.rec:2:1", "f.rec:4:1"});

  LogFilter by;
  by.by = "财政局";
  CHECK(lines(kept(all, by)) == Lines{"f.rec:3:1"});
  by.by = "人社局";
  by.id = "jobs.urban_new";
  CHECK(lines(kept(all, by)) == Lines{"f.rec:1:1", "f.rec:6:1"});  // f.rec:4 has no by
}

TEST_CASE("log table: one row per entry with value, unit and location") {
  std::vector<Entry> v = sample().list;
  v[0].tags.emplace_back("note", "半年报");
  v[0].tags.emplace_back("batch", "7");
  v[0].tags.emplace_back("src", "月报");
  v[0].tags.emplace_back("checked_by", "张三");
  v[0].where.file = "records/hrss/2019.rec";
  Table t = log_table(mini_plan(), v);
  REQUIRE(t.rows.size() == 6);
  std::vector<std::string> keys;
  for (const auto& c : t.columns) keys.push_back(c.key);
  CHECK(keys == std::vector<std::string>{"date", "id", "value", "unit", "by", "note", "src", "tags",
                                         "where", "file", "line", "name"});
  const auto& r0 = t.rows[0].cells;
  CHECK(r0[0].date == day("2019-06-30"));
  CHECK(r0[1].text == "jobs.urban_new");
  CHECK(r0[2].type == CellType::amount);
  CHECK(r0[2].amount == dec("9000"));
  CHECK(r0[2].suffix.empty());
  CHECK(r0[3].text == "人");
  CHECK(r0[4].text == "人社局");
  CHECK(r0[5].text == "半年报");
  CHECK(r0[6].text == "月报");
  CHECK(r0[7].text == "batch=7 checked_by=张三");  // the other tags, in line order
  CHECK(r0[8].text == "records/hrss/2019.rec:1");
  CHECK(r0[9].text == "records/hrss/2019.rec");
  CHECK(r0[10].whole == 1);
  // The indicator's name, from tests/fixtures/mini.toml.
  CHECK(r0[11].text == "城镇新增就业人数");
  // A % indicator shows its unit beside the value in tables.
  CHECK(t.rows[1].cells[2].suffix == "%");
  CHECK(t.rows[1].cells[3].text == "%");
  // A milestone's value is its state.
  CHECK(t.rows[4].cells[2].type == CellType::text);
  CHECK(t.rows[4].cells[2].text == "done");
  // No by: an empty text.
  CHECK(t.rows[3].cells[4].text.empty());
}

TEST_CASE(
    "log CSV and TSV rows written straight from the entries: the log table's, byte for byte") {
  std::vector<Entry> v = sample().list;
  v[0].tags.emplace_back("note", "半年报, \"补报\"");  // a separator and quotes: quoted
  v[0].tags.emplace_back("batch", "7");
  v[0].tags.emplace_back("src", "=HYPERLINK(1)");            // a formula: guarded
  v[1].tags.emplace_back("note", "line\nbreak\tand tab\r");  // TSV makes them spaces
  v[1].tags.emplace_back("src", "-3");                       // a plain number keeps its sign
  v[2].tags.emplace_back("note", "bad \xff\xfe bytes");      // not UTF-8: \xNN
  v[2].tags.emplace_back("src", "+x");
  v[3].tags.emplace_back("note", "@home");
  v[3].where.file = "records/a,b \"c\".rec";  // a file name to quote
  v[3].where.line = 123456;
  const Plan& plan = mini_plan();
  // As the reader leaves them, an entry knows its indicator's index; built
  // by hand (make_entry), it does not (kNoIndicator), and the plan is asked.
  for (std::size_t i : {0, 1, 2}) v[i].indicator = *plan.index_of(v[i].id);
  REQUIRE(v[3].indicator == Entry::kNoIndicator);
  // An index that is not of its id (an entry moved to another plan), whose
  // id is on no plan: no unit, no name.
  v[5].id = "not.in.plan";
  v[5].indicator = 0;
  Entry explanation = make_entry("2019-07-01", "jobs.urban_new", "1", "人社局", {"g.rec", 9, 1});
  explanation.is_explanation = true;
  explanation.tags.emplace_back("note", "\t缺报原因");
  v.push_back(explanation);
  Entry undone = make_entry("2019-07-02", "hr.portal", "undone", "", {"g.rec", 10, 1});
  v.push_back(undone);
  Entry negative = make_entry("2019-07-03", "unemployment.rate", "-0.25", "", {"g.rec", 11, 1});
  v.push_back(negative);
  for (char sep : {',', '\t'}) {
    CAPTURE(sep);
    const std::string want = render_delimited_rows(log_table(plan, v), sep);
    CHECK(log_delimited_rows(plan, v, sep) == want);
  }
  // What the comparison rests on, checked by hand for a few fields.
  const std::string csv = log_delimited_rows(plan, v, ',');
  CHECK(csv.starts_with(
      "2019-06-30,jobs.urban_new,9000,人,人社局,\"半年报, \"\"补报\"\"\",'=HYPERLINK(1),"
      "batch=7,f.rec,1,城镇新增就业人数\r\n"));
  CHECK(csv.find(",-3,") != std::string::npos);
  CHECK(csv.find("bad \\xff\\xfe bytes") != std::string::npos);
  CHECK(csv.find(",'+x,") != std::string::npos);
  CHECK(csv.find(",'@home,") != std::string::npos);
  CHECK(csv.find(",\"records/a,b \"\"c\"\".rec\",123456,") != std::string::npos);
  CHECK(csv.find("2019-06-30,not.in.plan,-120,,人社局,,,,f.rec,6,\r\n") != std::string::npos);
  CHECK(csv.find("2019-07-01,jobs.urban_new,explain,人,人社局,'\t缺报原因,") != std::string::npos);
  CHECK(csv.find("2019-07-02,hr.portal,undone,") != std::string::npos);
  CHECK(csv.find("2019-07-03,unemployment.rate,-0.25,%,") != std::string::npos);
  const std::string tsv = log_delimited_rows(plan, v, '\t');
  CHECK(tsv.find("\tline break and tab \t-3\t") != std::string::npos);
  CHECK(tsv.find('\r') ==
        std::string::npos);  // rows end in "\n" alone; the note's \r became a space
  CHECK(log_delimited_rows(plan, {}, ',').empty());
}

TEST_CASE("log JSON") {
  std::vector<Entry> v = sample().list;
  v[5].tags.emplace_back("note", "更正");
  auto j = nlohmann::json::parse(log_json(mini_plan(), v));
  REQUIRE(j["entries"].size() == 6);
  const auto& e = j["entries"][5];
  CHECK(e["date"] == "2019-06-30");
  CHECK(e["id"] == "jobs.urban_new");
  CHECK(e["value"] == -120);
  CHECK(e["unit"] == "人");
  CHECK(e["tags"]["by"] == "人社局");
  CHECK(e["tags"]["note"] == "更正");
  CHECK(e["file"] == "f.rec");
  CHECK(e["line"] == 6);
  CHECK(j["entries"][1]["value"].get<double>() == doctest::Approx(2.1));
  CHECK(j["entries"][4]["value"] == "done");
  CHECK(j["entries"][3]["tags"].empty());
}

TEST_CASE("log JSON: nlohmann-json's own layout, indented by two, whole or in batches") {
  std::vector<Entry> v = sample().list;
  v[1].tags.emplace_back("note", "two\nlines \"quoted\"");  // escapes, not breaks
  const std::string whole = log_json(mini_plan(), v);
  // Written a piece at a time, the text is what nlohmann-json writes for
  // the whole document: read back and written again, the same.
  CHECK(nlohmann::ordered_json::parse(whole).dump(2) + "\n" == whole);
  CHECK(whole.starts_with("{\n  \"entries\": [\n    {\n      \"date\": \"2019-06-30\",\n"));
  CHECK(whole.ends_with("      \"line\": 6\n    }\n  ]\n}\n"));
  // Batches of any size make the same text.
  for (std::size_t size : {1, 2, 4, 6}) {
    LogJson json(mini_plan());
    std::string text;
    for (std::size_t i = 0; i < v.size(); i += size)
      text += json.entries(std::span<const Entry>(v).subspan(i, std::min(size, v.size() - i)));
    text += json.finish();
    CHECK_MESSAGE(text == whole, "batches of " << size);
  }
  // None: an empty list, as nlohmann-json writes it.
  CHECK(log_json(mini_plan(), {}) == "{\n  \"entries\": []\n}\n");
  LogJson empty(mini_plan());
  CHECK(empty.entries({}).empty());
  CHECK(empty.finish() == "{\n  \"entries\": []\n}\n");
}

TEST_CASE(
    "log JSON: a file name and a tag that are not UTF-8 are written as \\xNN, not thrown on") {
  std::vector<Entry> v = sample().list;
  v[0].where.file = "records/\xB9\xE3.rec";  // 广 in GBK
  v[0].tags.emplace_back("note", "a\xFF");
  std::string text;
  REQUIRE_NOTHROW(text = log_json(mini_plan(), v));
  auto j = nlohmann::json::parse(text);
  // Mended in its own entry: the rest are as written.
  CHECK(j["entries"][0]["tags"]["by"] == "人社局");
  CHECK(j["entries"][1]["file"] == "f.rec");
  CHECK(j["entries"][1]["tags"]["by"] == "人社局");
  CHECK(j["entries"][0]["file"] == "records/\\xb9\\xe3.rec");
  CHECK(j["entries"][0]["tags"]["note"] == "a\\xff");
}

}  // namespace plan
