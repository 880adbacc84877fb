#include "record_fast.h"

#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "plan_loader.h"
#include "record_fixture.h"

namespace plan {
namespace {

const Location kWhere{"r.rec", 7, 0};

const Plan& wujiang() {
  static const Plan p = [] {
    Diagnostics d;
    auto loaded = load_plan(Env::posix(), PLAN_SOURCE_DIR "/plans/wujiang-2018-2020.toml", d);
    REQUIRE(loaded);
    return *loaded;
  }();
  return p;
}

const Plan& test_plan() {
  static const Plan p = testing::record_test_plan();
  return p;
}

// Everything an Entry holds, as one comparable string.
std::string describe(const Entry& e) {
  std::string s = e.where.to_string() + " " + e.date.iso() + " " + e.id + " #" +
                  std::to_string(e.indicator) + " " + (e.is_state ? "state " : "amount ") +
                  (e.done ? "done " : "undone ") + (e.is_explanation ? "explain " : "") +
                  std::to_string(e.amount.units());
  for (const auto& [k, v] : e.tags) s += " [" + k + "=" + v + "]";
  if (e.by_column != 0) s += " by@" + std::to_string(e.by_column);
  s += " value@" + std::to_string(e.value_column);
  return s;
}

// Everything an EntryView holds.
std::string describe(const EntryView& v) {
  return v.where().to_string() + " " + v.date.iso() + " " + std::to_string(v.ymd.year) + "/" +
         std::to_string(v.ymd.month) + "/" + std::to_string(v.ymd.day) + " #" +
         std::to_string(v.indicator) + " " + (v.is_state ? "state " : "amount ") +
         (v.done ? "done " : "undone ") + (v.is_explanation ? "explain " : "") +
         std::to_string(v.amount.units()) + " [by=" + std::string(v.by) +
         "] [period=" + std::string(v.period) + "] [note=" + std::string(v.note) + "] by@" +
         std::to_string(v.by_column) + " value@" + std::to_string(v.value_column);
}

// What each parser makes of a line: "-" when the fast parser is not sure,
// "error" when the full parser refuses it.
struct Outcome {
  std::string fast, full;
};

Outcome both(std::string_view line, const Plan& plan) {
  static Entry fast_entry, full_entry;  // reused, as the reader reuses its Entry
  fast_entry.where.file = kWhere.file;  // the caller's part (record_fast.h)
  static const FastLineParser fast_wujiang(wujiang()), fast_test(test_plan());
  const FastLineParser& fast = &plan == &wujiang() ? fast_wujiang : fast_test;
  Outcome o;
  auto f = fast.parse(line, kWhere, &fast_entry);
  o.fast = !f ? "-" : *f == LineKind::blank ? "blank" : describe(fast_entry);
  // The same line read in place in a larger buffer, as the reader reads it:
  // the bytes after it (a newline, then anything; or, as another caller may
  // have it, more of what the line ends with) may be loaded but must not
  // change the answer.
  static std::string buffer;
  for (const char* after :
       {"\n\xE4\xB8\x80 \x01\xFF##\"\x80\x80 2019-01-01  jobs.urban_new  1  by=x",
        "cdefghijklmnopqrstuvwxyz_=abc  by=x  ", "0123456789012345678901234567",
        "                                ", "\"\"\"\\\\\"# \xE3\x80\x80\xEF\xBB\xBF"}) {
    buffer.assign(line);
    buffer += after;
    auto g = fast.parse(std::string_view(buffer.data(), line.size()), kWhere, &fast_entry,
                        buffer.size());
    std::string in_place = !g ? "-" : *g == LineKind::blank ? "blank" : describe(fast_entry);
    if (in_place != o.fast) o.fast = "in place: " + in_place + " / copied: " + o.fast;
  }
  auto r = parse_line(line, plan, kWhere, &full_entry);
  o.full = !r ? "error" : *r == LineKind::blank ? "blank" : describe(full_entry);
  // Read as a view, the line gives the fast parser's answer and, for an
  // entry, the view of parse_line's entry.
  static EntryView view;
  view.file = &kWhere.file;
  auto v = fast.parse(line, kWhere, &view);
  const std::string as_view = !v ? "-" : *v == LineKind::blank ? "blank" : describe(view);
  // And in place, followed by more of what the line may end with.
  buffer.assign(line);
  buffer += "cdefghijklmnopqrstuvwxyz_=0123456789012345  ";
  auto w = fast.parse(std::string_view(buffer.data(), line.size()), kWhere, &view, buffer.size());
  const std::string view_in_place = !w ? "-" : *w == LineKind::blank ? "blank" : describe(view);
  const std::string expected = !f || *f == LineKind::blank ? o.fast
                               : r && *r == LineKind::entry
                                   ? describe(view_of(full_entry, full_entry.indicator))
                                   : "(no entry)";
  if (as_view != expected) o.fast = "as a view: " + as_view + " / expected: " + expected;
  if (view_in_place != as_view)
    o.fast = "view in place: " + view_in_place + " / copied: " + as_view;
  return o;
}

// Lines as bench/gen_ledger.py writes them, and the shapes around them.
const std::vector<std::string> kBenchLines = {
    "2019-03-31  jobs.urban_new  1393  by=人社局  src=月报",
    "2018-01-02  jobs.urban_new  -57  by=教育局",
    "2020-12-31  unemployment.rate  1.9%  by=人社局  note=一季度快报",
    "2019-07-01  startup.jobs_ratio  4.25  by=总工会  src=季报  ref=R1234",
    "2019-07-01  hr.portal_online  done  by=人社局  # checked",
    "2019-07-01  hr.portal_online  undone  by=人社局",
    "2019-07-12  jobs.urban_new  explain  by=平望镇  period=2019-06  note=\"统计延迟\"  "
    "measures=\"7月15日前补报\"",
    "2019-07-12  hr.portal_online  explain  note=推迟",
    "2020-02-29  skills.high_new  +12.5  by=震泽镇  note=\"Q2 figures, revised\"",
    "2020-02-29  skills.high_new  7  by=a  note=\"ref \\\"2019-07\\\" batch\"",
    "2020-02-29  grad.employment_rate  96.5%  by=x  src=\"\"  k=\"a # b\"",
    "2019-01-01\tjobs.rural_new\t3",
    "  2019-01-01  jobs.rural_new  3",
    "2019-01-01  jobs.rural_new  1.2万",
    "2019-01-01  jobs.rural_new  1.5000000",
    "2019-01-01  jobs.rural_new  123456789012.123456",
    "2019-01-01  jobs.rural_new  9999999999999",
    // Runs of digits around the eight read as one word.
    "2019-01-01  jobs.rural_new  1234567  by=x",
    "2019-01-01  jobs.rural_new  12345678",
    "2019-01-01  jobs.rural_new  123456789  src=a",
    "2019-01-01  jobs.rural_new  00000042.5",
    "2019-01-01  jobs.rural_new  7x",
    "2019-01-01  skills.gusu_leaders  0.000001  a=b=c  z_=\"\"",
    "# a comment",
    "",
};

// Applies 1 to 3 random edits to `line` (mostly one): a byte replaced,
// inserted or deleted, a digit changed, or a character the grammar singles
// out inserted.
std::string mutate(std::string line, std::mt19937_64& rng) {
  static const std::string kBytes =
      std::string(" \t#\"\\=.-+%:,0123456789aAzZ_") + '\0' + "\x7f\x80\xbf\xc2\xe3\xe4\xef\xff\r\n";
  static const std::vector<std::string> kPieces = {"万",
                                                   "\xE3\x80\x80",
                                                   "\xEF\xBB\xBF",
                                                   "\xE2\x80\xAE",  // U+202E: text, shown escaped
                                                   "中",
                                                   "\xC2\x85",
                                                   "\xC2\xA0",
                                                   "\xE4\xB8",
                                                   "\xED\xA0\x80",
                                                   "done",
                                                   "undone",
                                                   "explain",
                                                   "note=x",
                                                   "  ",
                                                   "\"",
                                                   "\\\"",
                                                   "#",
                                                   "=",
                                                   "%",
                                                   "by=",
                                                   "\xF0\x9F\x98\x80",
                                                   "0000"};
  int edits = rng() % 4 != 0 ? 1 : 2 + static_cast<int>(rng() % 2);
  for (int k = 0; k < edits; ++k) {
    std::size_t pos = line.empty() ? 0 : rng() % (line.size() + 1);
    switch (rng() % 7) {
      case 5:  // a digit for a digit: often still valid, with another value or date
        if (pos < line.size() && line[pos] >= '0' && line[pos] <= '9')
          line[pos] = static_cast<char>('0' + rng() % 10);
        break;
      case 6:  // any printable ASCII character
        if (pos < line.size()) line[pos] = static_cast<char>(0x20 + rng() % 95);
        break;
      case 0:
        if (pos < line.size()) line[pos] = kBytes[rng() % kBytes.size()];
        break;
      case 1:
        line.insert(pos, 1, kBytes[rng() % kBytes.size()]);
        break;
      case 2:
        if (pos < line.size()) line.erase(pos, 1 + rng() % 3);
        break;
      case 3:
        line.insert(pos, kPieces[rng() % kPieces.size()]);
        break;
      default:
        if (pos < line.size()) line[pos] = static_cast<char>(rng() & 0xFF);
    }
  }
  return line;
}

// The lines of every shipped record file.
std::vector<std::string> shipped_lines() {
  std::vector<std::string> out;
  for (const auto& f : std::filesystem::recursive_directory_iterator(PLAN_SOURCE_DIR "/records")) {
    if (f.path().extension() != ".rec") continue;
    std::ifstream in(f.path());
    for (std::string l; std::getline(in, l);) out.push_back(l);
  }
  return out;
}

TEST_CASE("fast parser: the common shape is read, and read as parse_line reads it") {
  // Each of these is answered by the fast parser, with parse_line's entry.
  for (const char* line : {
           "2019-03-31  jobs.urban_new  1393  by=人社局  src=月报",
           "2018-01-02  jobs.urban_new  -57  by=教育局",
           "2020-12-31  unemployment.rate  1.9%  by=人社局  note=一季度快报",
           "2019-07-01  hr.portal_online  done  by=人社局  # checked",
           "2020-02-29  skills.high_new  +12.5  by=震泽镇  note=\"Q2 figures, revised\"   ",
           "2019-01-01  jobs.rural_new  123456789012.123456",
           "2019-01-01  skills.gusu_leaders  0.000001  a=b=c  z_=\"\"",
           // Escapes, decoded: \" \\ \n \t, at the start, middle and end.
           "2019-01-01  jobs.rural_new  3  n=\"a\\\"b\"",
           "2019-01-01  jobs.rural_new  3  n=\"\\\\\\n\\tx\\\"\"  by=a",
           "2020-02-29  skills.high_new  7  by=a  note=\"ref \\\"2019-07\\\" batch\"",
           "# a comment",
           "",
       }) {
    Outcome o = both(line, test_plan());
    INFO(line);
    CHECK(o.fast != "-");
    CHECK(o.fast == o.full);
  }
  // The escapes decoded: a backslash, a newline, a tab, x and a quote.
  CHECK(both("2019-01-01  jobs.rural_new  3  n=\"\\\\\\n\\tx\\\"\"", test_plan()).fast ==
        "r.rec:7:1 2019-01-01 jobs.rural_new #1 amount undone 3000000 [n=\\\n\tx\"] value@29");
  // Runs of digits read eight at a time, and the digits after them one by
  // one: the numbers in millionths.
  for (auto [value, micros] : {std::pair<const char*, const char*>{"7", "7000000"},
                               {"1234567", "1234567000000"},
                               {"12345678", "12345678000000"},
                               {"123456789", "123456789000000"},
                               {"00000042.5", "42500000"},
                               {"-000000001", "-1000000"},
                               {"999999999999", "999999999999000000"}}) {
    const std::string line = std::string("2019-01-01  jobs.rural_new  ") + value + "  by=x";
    INFO(line);
    // The value starts after the 28 characters before it; by='s value after
    // those, the value, two spaces and "by=".
    const std::string by_column = std::to_string(28 + std::strlen(value) + 2 + 3 + 1);
    CHECK(both(line, test_plan()).fast ==
          std::string("r.rec:7:1 2019-01-01 jobs.rural_new #1 amount undone ") + micros +
              " [by=x] by@" + by_column + " value@29");
  }
  // A value that ends the line: in place it is followed by digits (both()),
  // which are not part of it.
  CHECK(both("2019-01-01  jobs.rural_new  42", test_plan()).fast ==
        "r.rec:7:1 2019-01-01 jobs.rural_new #1 amount undone 42000000 value@29");
  // 1.9% of a % indicator is 1.9: 1,900,000 millionths.
  CHECK(both("2020-12-31  unemployment.rate  1.9%", test_plan()).fast ==
        "r.rec:7:1 2020-12-31 unemployment.rate #2 amount undone 1900000 value@32");
}

TEST_CASE("fast parser: unusual lines go to the full parser") {
  for (const char* line : {
           "2019-01-01\tjobs.rural_new\t3",              // tab
           "  2019-01-01  jobs.rural_new  3",            // leading spaces
           "2019-01-01  jobs.rural_new  1.2万",          // 万
           "2019-01-01  jobs.rural_new  1.5000000",      // more than 6 places
           "2019-01-01  jobs.rural_new  9999999999999",  // 13 digits
           // 35 and 20 digits: refused before the sum overflows int64 (found
           // by fuzz/; the sanitizer build catches the overflow itself).
           "2019-01-01  jobs.rural_new  11111111111111111111111111111111111",
           "2019-01-01  jobs.rural_new  1.11111111111111111111",
           "2019-02-29  jobs.rural_new  3",               // not a date: an error
           "2019-01-01  jobs.rural_nwe  3",               // unknown id: an error
           "2019-01-01  unemployment.rate  -1",           // negative reading: an error
           "2019-01-01  startup.jobs_ratio  4%",          // % on no unit: an error
           "2019-01-01  jobs.rural_new  3  by=a  by=b",   // duplicate tag: an error
           "2019-01-01  jobs.rural_new  3  note=\"x\"y",  // no space after the quote
           "2019-01-01  jobs.rural_new  3\r",             // CRLF: an error
           "2019-01-01  jobs.rural_new  3  n=\"a\\qb\"",  // an unknown escape: an error
           "2019-01-01  jobs.rural_new  3  n=\"ab\\\"",   // unterminated: an error
           "2019-01-01  jobs.rural_new  3  n=\"ab\\",
           "2019-01-01  jobs.rural_new  3  ab",            // a key with no '=' at the end
           "# \xC2\x85",                                   // C1 control in a comment
           "2019-01-01  jobs.rural_new  explain  note=x",  // an explanation
           "2019-01-01  hr.portal_online  explain  note=x",
           "2019-01-01  jobs.rural_new  explain",                // without its note: an error
           "2019-01-01  jobs.rural_new  3  n=a\xEF\xBB\xBF",     // BOM in a tag value: an error
           "2019-01-01  jobs.rural_new  3  n=\"\xEF\xBB\xBF\"",  // … quoted too
       }) {
    INFO(line);
    CHECK(both(line, test_plan()).fast == "-");
  }
  // An explanation read by parse_line into the reused entry, then a common
  // line read by the fast parser into the same entry: it is no explanation.
  Entry e;
  REQUIRE(parse_line("2019-01-01  jobs.rural_new  explain  note=x", test_plan(), kWhere, &e).ok());
  REQUIRE(e.is_explanation);
  const FastLineParser fast(test_plan());
  REQUIRE(fast.parse("2019-01-01  jobs.rural_new  3", kWhere, &e) == LineKind::entry);
  CHECK_FALSE(e.is_explanation);
}

// The byte checks go sixteen bytes at a time, and a character may straddle
// two blocks: every byte after a lead byte, at every offset of a block.
// A line whose last field could run on into the bytes after it, were they
// read as part of it: a key with no '=' (found by review), a value, spaces.
TEST_CASE("fast parser: the bytes after a line never join its last field") {
  const FastLineParser fast(test_plan());
  Entry entry;
  entry.where.file = kWhere.file;
  EntryView view;
  view.file = &kWhere.file;
  std::size_t cases = 0;
  for (const std::string head : {"2019-01-01  jobs.rural_new  3  ", "2019-01-01  jobs.rural_new  ",
                                 "2019-01-01  jobs.rural_new  3  by=x"}) {
    for (std::size_t k = 0; k < 16; ++k) {
      const std::string line = head + std::string(k, 'a');
      // The rest of a block of key characters, then '=' right where a block
      // read from the key's start ends; and digits, and spaces.
      for (const std::string& after :
           {std::string(16 - k, 'b') + "=x  by=y", std::string(16, '7') + "  by=y",
            std::string(16, ' ') + "by=y"}) {
        const std::string buffer = line + after;
        const std::string_view in_place(buffer.data(), line.size());
        auto full = parse_line(line, test_plan(), kWhere, &entry);
        auto e = fast.parse(in_place, kWhere, &entry, buffer.size());
        auto v = fast.parse(in_place, kWhere, &view, buffer.size());
        INFO(buffer);
        // Never an entry parse_line does not make of the line alone.
        if (!full) {
          CHECK_FALSE(e);
          CHECK_FALSE(v);
        } else {
          CHECK((!e || *e == *full));
          CHECK((!v || *v == *full));
        }
        ++cases;
      }
    }
  }
  CHECK(cases == 3 * 16 * 3);
}

// Ids are kept in the parser's table when they fit in a slot, and compared
// from the plan when they do not: ids of every length around the slot's,
// among ids of the same length that differ only in their last byte, are
// found as the indicator they are, and an id one byte off -- its first, a
// middle or its last byte changed, or one byte longer -- is not found,
// whether the line is read alone or in place in a larger buffer.
TEST_CASE("fast parser: ids of every length are found, and only the plan's ids") {
  Plan plan = testing::record_test_plan();
  plan.indicators.clear();
  for (std::size_t len = 2; len <= 40; ++len)
    for (const std::string& id : {std::string(len - 1, 'x') + "a", std::string(len - 1, 'x') + "b",
                                  "a" + std::string(len - 1, 'x')})
      plan.indicators.push_back(testing::make_indicator(id, Kind::total, "人", "1"));
  plan.build_index();
  const FastLineParser fast(plan);
  Entry entry;
  entry.where.file = kWhere.file;
  std::size_t found = 0, refused = 0;
  for (std::size_t i = 0; i < plan.indicators.size(); ++i) {
    const std::string& id = plan.indicators[i].id;
    // The id itself, then the same with its first, middle or last byte
    // changed ('c': no id has one) and with one byte more.
    std::string middle = id;
    middle[id.size() / 2] = 'c';
    for (const std::string& spelled :
         {id, "c" + id.substr(1), middle, id.substr(0, id.size() - 1) + "c", id + "a"}) {
      const std::string line = "2019-01-01  " + spelled + "  5";
      const std::string buffer = line + std::string(64, 'x');
      for (std::size_t readable : {line.size(), buffer.size()}) {
        INFO(line, " readable ", readable);
        auto kind =
            fast.parse(std::string_view(buffer.data(), line.size()), kWhere, &entry, readable);
        const bool in_plan = plan.find(spelled) != nullptr;
        if (spelled == id) {
          REQUIRE(kind);
          CHECK(entry.indicator == i);
          CHECK(entry.id == id);
          ++found;
        } else if (!in_plan) {
          CHECK_FALSE(kind);
          ++refused;
        }
      }
    }
  }
  // 39 lengths, three ids of each, each read two ways; no misspelling is
  // an id (no id has a "c"; "x..xaa", "x..xba" and "ax..xa" are none of the
  // ids one byte longer), so all four are refused every time.
  CHECK(found == 39 * 3 * 2);
  CHECK(refused == 39 * 3 * 4 * 2);
}

TEST_CASE("fast parser: tags read before are read again as they were, whatever comes before") {
  // One parser reads a ledger's lines in turn, as the reader does, and each
  // view must be the view of parse_line's entry: tags seen before behind
  // ids and values of other lengths (by='s column moves with them), tags a
  // byte apart, escaped values, comments, tags refused once (refused again),
  // known tags behind a bad id or value (refused), tags too long to be
  // remembered, and more kinds of tags than the parser remembers, round and
  // round.
  const FastLineParser fast(test_plan());
  EntryView view;
  view.file = &kWhere.file;
  Entry full;
  std::vector<std::string> tags = {
      "by=人社局  src=月报",
      "by=人社司  src=月报",
      "by=人社局  src=月报  # 初值",
      "src=月报  by=人社局",
      "by=\"平望 镇\"  note=\"ref \\\"2019-07\\\" batch\"",
      "note=一季度快报  period=2019Q2  by=x",
      "by=人社局  src=\xE6\x9C",    // cut short: invalid UTF-8
      "by=人社局  src=月报  by=y",  // by= twice
      "by=人社局\tsrc=月报",        // a tab
      "# 只有注释",
      "",
  };
  for (int k = 0; k < 100; ++k) tags.push_back("by=unit" + std::to_string(k) + "  src=月报");
  // The longest tags kept, and one byte more (kSeenTagsBytes in record_fast.h).
  for (std::size_t size : {256, 257, 1100})
    tags.push_back("by=人社局  note=" +
                   std::string(size - std::string("by=人社局  note=").size(), 'x'));
  const std::vector<std::string> heads = {
      "2019-03-31  jobs.rural_new  1393  ", "2020-02-29  skills.high_new  +12.5  ",
      "2019-03-31  jobs.rural_new  7  ",    "2019-03-31  jobs.rurall_new  7  ",
      "2019-03-31  jobs.rural_new  7x  ",   "2019-13-31  jobs.rural_new  7  "};
  std::mt19937_64 rng(5);
  std::size_t entries = 0, refused = 0;
  for (int round = 0; round < 40000; ++round) {
    const std::string line = heads[rng() % heads.size()] + tags[rng() % tags.size()];
    auto v = fast.parse(line, kWhere, &view);
    auto r = parse_line(line, test_plan(), kWhere, &full);
    INFO(line);
    if (!r || *r != LineKind::entry) {
      REQUIRE_FALSE(v);
      ++refused;
      continue;
    }
    if (!v) continue;  // not sure: parse_line reads it
    REQUIRE(*v == LineKind::entry);
    REQUIRE(describe(view) == describe(view_of(full, full.indicator)));
    ++entries;
  }
  CHECK(entries > 10000);
  CHECK(refused > 10000);
}

TEST_CASE("fast parser: UTF-8 at every offset of a block, valid or not, as parse_line judges it") {
  std::vector<std::string> pieces;
  for (int lead = 0x80; lead <= 0xFF; ++lead) {
    for (int second : {0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBB, 0xBF, 0xC0, 0x41}) {
      std::string two{static_cast<char>(lead), static_cast<char>(second)};
      pieces.push_back(two);               // cut short after two bytes (or a whole two-byte one)
      pieces.push_back(two + "\x80");      // three bytes
      pieces.push_back(two + "\xBF\x80");  // four bytes
      pieces.push_back(two + "\x80\x80");
    }
  }
  for (const char* whole :
       {"\xE3\x80\x80", "\xE3\x80\x81", "\xEF\xBB\xBF", "\xEF\xBB\xBE", "\xEF\xBC\x81", "\xC2\x85",
        "\xC2\xA0", "\xED\x9F\xBF", "\xED\xA0\x80", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "中文"})
    pieces.push_back(whole);
  std::size_t fast_entries = 0, checked = 0;
  std::vector<std::string> disagreements;
  for (const auto& piece : pieces) {
    for (std::size_t pad = 0; pad < 16; ++pad) {
      // The piece inside a tag value, at the line's end, and in a comment.
      const std::string head = "2019-03-31  jobs.urban_new  1393  by=" + std::string(pad, 'a');
      for (const std::string& line : {head + piece + "  src=月报", head + piece,
                                      "# " + std::string(pad, 'x') + piece + "中"}) {
        Outcome o = both(line, wujiang());
        ++checked;
        if (o.fast == "-") continue;
        if (o.fast != "blank") ++fast_entries;
        if (o.fast != o.full && disagreements.size() < 5)
          disagreements.push_back(line + "\n  fast: " + o.fast + "\n  full: " + o.full);
      }
    }
  }
  MESSAGE(checked, " lines, ", fast_entries, " entries by the fast parser");
  // 4,620 pieces x 16 offsets x 3 lines. The fast parser must read the
  // valid ones in tag values (two-byte forms C3..DF 80..BF, three- and
  // four-byte forms, not C1, U+3000 or U+FEFF) -- some thousands -- and
  // leave the rest to parse_line.
  CHECK(fast_entries > 2000);
  for (const auto& d : disagreements) MESSAGE(d);
  CHECK(disagreements.empty());
}

// The contract: whatever the fast parser answers, parse_line answers the
// same, with the same entry; it never accepts what parse_line refuses.
TEST_CASE("fast parser: on mutated lines it never disagrees with parse_line") {
  const std::vector<std::string> base = shipped_lines();
  REQUIRE(base.size() > 1000);  // the shipped records: about 3,000 lines

  std::mt19937_64 rng(13);
  std::size_t mutations = 0, fast_answers = 0, fast_entries = 0, full_entries = 0;
  std::vector<std::string> disagreements;
  auto compare = [&](const std::string& line, const Plan& plan) {
    Outcome o = both(line, plan);
    if (o.full != "error" && o.full != "blank") ++full_entries;
    if (o.fast == "-") return;
    ++fast_answers;
    if (o.fast != "blank") ++fast_entries;
    if (o.fast != o.full && disagreements.size() < 5)
      disagreements.push_back(line + "\n  fast: " + o.fast + "\n  full: " + o.full);
  };
  for (const auto& line : base) compare(line, wujiang());
  // Every shipped line is of the common shape.
  CHECK(fast_answers == base.size());
  fast_answers = 0;
  for (int round = 0; round < 100; ++round) {
    for (std::size_t i = round % 7; i < base.size(); i += 7) {
      compare(mutate(base[i], rng), wujiang());
      ++mutations;
    }
  }
  // Bench-style lines, mutated, against the small test plan (milestone,
  // range, floors with and without %).
  for (int round = 0; round < 200000; ++round) {
    const std::string& line = kBenchLines[static_cast<std::size_t>(round) % kBenchLines.size()];
    compare(mutate(line, rng), test_plan());
    ++mutations;
  }
  MESSAGE(mutations, " mutated lines: ", fast_entries, " entries by the fast parser, ",
          full_entries, " by parse_line");
  CHECK(mutations > 200000);
  // The test has teeth only if the fast parser reads many mutated lines as
  // entries (changed values, dates, tags) that parse_line must agree with:
  // about 30,000 here, most of the 41,000 that parse_line accepts (the
  // other 200,000 mutations are errors, and the fast parser must and does
  // leave every one of them to parse_line).
  CHECK(fast_entries > mutations / 10);
  CHECK(fast_entries > full_entries / 2);
  for (const auto& d : disagreements) MESSAGE(d);
  CHECK(disagreements.empty());
}

}  // namespace
}  // namespace plan
