#include "record_reader.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "record_fixture.h"

using namespace std::string_literals;
using namespace std::string_view_literals;
namespace fs = std::filesystem;

namespace plan {
namespace {

const Plan& test_plan() {
  static const Plan p = testing::record_test_plan();
  return p;
}

// An entry as one comparable string: where it came from and what it says.
std::string describe(const Entry& e) {
  std::string s = e.where.to_string() + " " + e.date.iso() + " " + e.id + " " +
                  (e.is_state ? (e.done ? "done" : "undone") : e.amount.to_string());
  for (const auto& [k, v] : e.tags) s += " " + k + "=" + v;
  return s;
}

struct Result {
  ReadStats stats;
  std::vector<std::string> entries;
  Diagnostics diags;

  std::vector<std::string> headlines() const {
    std::vector<std::string> out;
    for (const auto& d : diags.items()) out.push_back(d.headline());
    return out;
  }
};

Result read_text(std::string_view text, const std::string& name = "f.rec") {
  Result r;
  r.stats = read_record_text(text, name, test_plan(), r.diags,
                             [&](const Entry& e) { r.entries.push_back(describe(e)); });
  return r;
}

// The same text fed to a RecordStream `piece` bytes at a time.
Result read_in_pieces(std::string_view text, std::size_t piece, const std::string& name = "f.rec") {
  Result r;
  // A named callback: RecordStream keeps a reference to it, so a lambda
  // passed straight in would be a temporary gone after this statement.
  const EntryCallback on_entry = [&](const Entry& e) { r.entries.push_back(describe(e)); };
  RecordStream s(name, test_plan(), r.diags, on_entry);
  for (std::size_t i = 0; i < text.size(); i += piece) s.feed(text.substr(i, piece));
  r.stats = s.finish();
  return r;
}

Result read_dir(const fs::path& dir) {
  Result r;
  r.stats = read_records(dir, test_plan(), r.diags,
                         [&](const Entry& e) { r.entries.push_back(describe(e)); });
  return r;
}

// A fresh folder under the system's temp folder, removed with everything in
// it when the test ends.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "plan-records-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  // Writes `content` to `rel` below the folder, creating folders on the way.
  fs::path write(const std::string& rel, std::string_view content) const {
    fs::path p = path_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    REQUIRE(out.good());
    return p;
  }

 private:
  fs::path path_;
};

TEST_CASE("lines are read in file order with their line numbers") {
  Result r = read_text(
      "# 2019 一季度\n"
      "2019-03-31  jobs.urban_new  4210  by=人社局  note=\"一季度快报\"\n"
      "\n"
      "2019-06-30  unemployment.rate  1.9%\n"
      "   # indented comment\n"
      "2020-11-30  hr.portal_online  done\n");
  CHECK(r.headlines().empty());
  CHECK(r.entries == std::vector<std::string>{
                         "f.rec:2:1 2019-03-31 jobs.urban_new 4210 by=人社局 note=一季度快报",
                         "f.rec:4:1 2019-06-30 unemployment.rate 1.9",
                         "f.rec:6:1 2020-11-30 hr.portal_online done",
                     });
  CHECK(r.stats.files == 1);
  CHECK(r.stats.lines == 6);
  CHECK(r.stats.entries == 3);
}

TEST_CASE("every bad line is reported and reading goes on") {
  Result r = read_text(
      "2019-03-31 jobs.urban_new 1\n"
      "2019-03-31 jobs.urban_nwe 2\n"
      "2019-03-31 jobs.urban_new 3\n"
      "2019-03-31 hr.portal_online 4\n"
      "2019-02-30 jobs.urban_new 5\n"
      "2019-03-31 jobs.urban_new 6\n");
  CHECK(r.headlines() ==
        std::vector<std::string>{
            "f.rec:2:12: unknown indicator 'jobs.urban_nwe'; did you mean 'jobs.urban_new'?",
            "f.rec:4:29: expected done or undone; hr.portal_online is a milestone",
            "f.rec:5:1: 2019-02-30 is not a calendar date",
        });
  CHECK(r.entries == std::vector<std::string>{
                         "f.rec:1:1 2019-03-31 jobs.urban_new 1",
                         "f.rec:3:1 2019-03-31 jobs.urban_new 3",
                         "f.rec:6:1 2019-03-31 jobs.urban_new 6",
                     });
  CHECK(r.stats.lines == 6);
  CHECK(r.stats.entries == 3);
}

TEST_CASE("NUL bytes and invalid UTF-8 are errors at their column") {
  Result r = read_text(
      "2019-03-31 jobs.urban_new 5 note=\"人\0\"\n"
      "# 注释 \xe6\x97\n"
      "2019-03-31 jobs.urban_new 7\n"
      "2019-03-31 jobs.urban_new\xff 8\n"sv);
  CHECK(r.headlines() == std::vector<std::string>{
                             "f.rec:1:36: NUL byte",
                             "f.rec:2:6: invalid UTF-8 (byte 0xE6)",
                             "f.rec:4:26: invalid UTF-8 (byte 0xFF)",
                         });
  CHECK(r.entries == std::vector<std::string>{"f.rec:3:1 2019-03-31 jobs.urban_new 7"});
}

TEST_CASE("a CRLF file gets an error on every line, blank ones too") {
  Result r = read_text("2019-03-31 jobs.urban_new 5\r\n\r\n# c\r\n");
  CHECK(r.headlines() == std::vector<std::string>{
                             "f.rec:1:28: carriage return (CRLF line ending); record files use LF",
                             "f.rec:2:1: carriage return (CRLF line ending); record files use LF",
                             "f.rec:3:4: carriage return (CRLF line ending); record files use LF",
                         });
  CHECK(r.entries.empty());
}

TEST_CASE("a last line without newline is read, with a warning") {
  Result r = read_text("2019-03-31 jobs.urban_new 1\n2019-04-01 jobs.urban_new 2");
  CHECK(r.entries == std::vector<std::string>{
                         "f.rec:1:1 2019-03-31 jobs.urban_new 1",
                         "f.rec:2:1 2019-04-01 jobs.urban_new 2",
                     });
  CHECK(r.headlines() ==
        std::vector<std::string>{"f.rec:2:28: warning: last line has no newline (cut short?)"});
  CHECK(r.diags.error_count() == 0);
  CHECK(r.diags.items()[0].source_line == "2019-04-01 jobs.urban_new 2");
  CHECK(r.stats.lines == 2);

  // Cut inside a line: the line's own error (the id it holds the start of
  // suggested), then the warning that explains it.
  r = read_text("2019-03-31 jobs.urban_new 1\n2019-04-01 jobs.urb");
  CHECK(r.headlines() == std::vector<std::string>{
                             "f.rec:2:12: unknown indicator 'jobs.urb'; did you mean "
                             "'jobs.urban_new'?",
                             "f.rec:2:20: warning: last line has no newline (cut short?)",
                         });

  r = read_text("# just a comment");
  CHECK(r.headlines() ==
        std::vector<std::string>{"f.rec:1:17: warning: last line has no newline (cut short?)"});
  CHECK(r.diags.items()[0].headline(true) ==
        "f.rec:1:17: 警告：最后一行没有换行符（是否被截断？）");
}

TEST_CASE("empty files and files of newlines read cleanly") {
  Result r = read_text("");
  CHECK(r.headlines().empty());
  CHECK(r.stats.lines == 0);
  CHECK(r.stats.files == 1);
  r = read_text("\n\n");
  CHECK(r.headlines().empty());
  CHECK(r.stats.lines == 2);
  CHECK(r.stats.entries == 0);
}

TEST_CASE("a byte order mark is skipped at the start of a file, and only there") {
  Result r = read_text(
      "\xEF\xBB\xBF"
      "2019-03-31 jobs.urban_new 1\n");
  CHECK(r.headlines().empty());
  CHECK(r.entries == std::vector<std::string>{"f.rec:1:1 2019-03-31 jobs.urban_new 1"});
  // Columns count from after the mark, as an editor shows them.
  r = read_text(
      "\xEF\xBB\xBF"
      "2019-03-31 jobs.urban_new x\n");
  CHECK(r.headlines() == std::vector<std::string>{"f.rec:1:27: expected a number"});
  // A file of nothing but the mark is empty.
  r = read_text("\xEF\xBB\xBF");
  CHECK(r.headlines().empty());
  CHECK(r.stats.lines == 0);
  r = read_text(
      "# a\n\xEF\xBB\xBF"
      "2019-03-31 jobs.urban_new 1\n");
  CHECK(r.headlines() == std::vector<std::string>{
                             "f.rec:2:1: byte order mark (U+FEFF) not at the start of the file"});
}

TEST_CASE("a line longer than 64 KiB is an error and is skipped") {
  std::string longest = "#" + std::string(kMaxLineBytes - 1, 'x');  // exactly the limit
  std::string too_long = longest + "y";
  Result r = read_text(longest + "\n" + too_long + "\n2019-03-31 jobs.urban_new 1\n" + too_long);
  CHECK(r.headlines() == std::vector<std::string>{
                             "f.rec:2:1: line too long (more than 65536 bytes)",
                             "f.rec:4:1: line too long (more than 65536 bytes)",
                             "f.rec:4: warning: last line has no newline (cut short?)",
                         });
  CHECK(r.diags.items()[0].source_line.empty());
  CHECK(r.diags.items()[0].headline(true) == "f.rec:2:1: 行太长（超过 65536 字节）");
  CHECK(r.entries == std::vector<std::string>{"f.rec:3:1 2019-03-31 jobs.urban_new 1"});
  CHECK(r.stats.lines == 4);
}

// A text with every kind of line, for the tests that cut it up.
const std::string kMixed =
    "\xEF\xBB\xBF# 2019 一季度\n"
    "2019-03-31  jobs.urban_new  4210  by=人社局  note=\"一季度快报\"\n"
    "\n"
    "2019-06-30\tunemployment.rate\t1.9%  by=人社局\n"
    "2019-07-15  jobs.urban_new  -120  note=\"更正：\\\"重复\\\"\\n统计\"  # fix\n"
    "2019-08-01  jobs.urban_new  12x\n"
    "#" +
    std::string(kMaxLineBytes, 'z') + "\n" +
    "2019-12-31  skills.high_new  1.2万  src=年报\r\n"
    "2020-11-30  hr.portal_online  done\n"
    "2020-12-01  hr.portal_online  undone";

TEST_CASE("a stream keeps its own copy of the callback it is given") {
  // The callback is a temporary: the stream must not hold a reference to it.
  // (Holding a reference, as the stream once did, reads freed memory here;
  // the sanitizers and a debugger's scribbled stack make that visible.)
  std::vector<std::string> seen;
  Diagnostics diags;
  RecordStream s("f.rec", test_plan(), diags,
                 [&seen](const Entry& e) { seen.push_back(describe(e)); });
  s.feed("2019-03-31  jobs.urban_new  4210\n");
  s.finish();
  CHECK(seen == std::vector<std::string>{"f.rec:1:1 2019-03-31 jobs.urban_new 4210"});
}

TEST_CASE("feeding a stream in pieces of any size reads the same as all at once") {
  Result whole = read_text(kMixed);
  // What the text holds, checked by hand: four entries, an error on line 6,
  // a long line 7, a CRLF line 8, and no newline after line 10.
  CHECK(whole.entries == std::vector<std::string>{
                             "f.rec:2:1 2019-03-31 jobs.urban_new 4210 by=人社局 note=一季度快报",
                             "f.rec:4:1 2019-06-30 unemployment.rate 1.9 by=人社局",
                             "f.rec:5:1 2019-07-15 jobs.urban_new -120 note=更正：\"重复\"\n统计",
                             "f.rec:9:1 2020-11-30 hr.portal_online done",
                             "f.rec:10:1 2020-12-01 hr.portal_online undone",
                         });
  CHECK(whole.headlines() ==
        std::vector<std::string>{
            "f.rec:6:31: unexpected character 'x' in value",
            "f.rec:7:1: line too long (more than 65536 bytes)",
            "f.rec:8:42: carriage return (CRLF line ending); record files use LF",
            "f.rec:10:37: warning: last line has no newline (cut short?)",
        });
  for (std::size_t piece : {1, 2, 3, 7, 64, 4096, 65535, 65536, 65537, 100000}) {
    INFO("piece size ", piece);
    Result r = read_in_pieces(kMixed, piece);
    CHECK(r.entries == whole.entries);
    CHECK(r.headlines() == whole.headlines());
    CHECK(r.stats.lines == whole.stats.lines);
    CHECK(r.stats.entries == whole.stats.entries);
  }
}

// The reader finds newlines 64 bytes at a time: a newline at every offset of
// a block (first, last, and none in a block) must end exactly one line.
TEST_CASE("lines of every length end where their newline is, across 64-byte blocks") {
  std::string text;
  std::vector<std::string> expected;
  std::size_t line = 0;
  for (std::size_t len = 0; len <= 200; ++len) {
    // A comment of `len` bytes (a blank line for 0), then an entry whose
    // value is its line number, so that a line found twice or missed shows.
    text += len == 0 ? "" : "#" + std::string(len - 1, 'c');
    text += '\n';
    ++line;
    const std::string value = std::to_string(++line);
    text += "2019-03-31  jobs.urban_new  " + value + "\n";
    expected.push_back("f.rec:" + value + ":1 2019-03-31 jobs.urban_new " + value);
  }
  Result r = read_text(text);
  CHECK(r.diags.items().empty());
  CHECK(r.entries == expected);
  CHECK(r.stats.lines == line);
  for (std::size_t piece : {63, 64, 65, 127, 128}) {
    INFO("piece size ", piece);
    Result pieces = read_in_pieces(text, piece);
    CHECK(pieces.diags.items().empty());
    CHECK(pieces.entries == expected);
  }
}

// ninja's build-log test, for records: whatever length a file is cut to, the
// complete lines before the cut read exactly as before, nothing crashes, and
// any complaint is about the last, partial line.
TEST_CASE("a text cut at every byte reads every complete line exactly") {
  const std::string text =
      "# 2019 一季度\n"
      "2019-03-31  jobs.urban_new  4210  by=人社局  note=\"一季度快报\"\n"
      "\n"
      "2019-06-30  unemployment.rate  1.9%  by=人社局\n"
      "2019-07-15\tjobs.urban_new\t-120 note=\"更正：重复统计 \\\"x\\\"\"  # c\n"
      "2019-12-31  skills.high_new  1.2万  src=年报\n"
      "2020-11-30  hr.portal_online  done\n";
  Result full = read_text(text);
  REQUIRE(full.headlines().empty());
  REQUIRE(full.entries.size() == 5);
  // Entry strings start "f.rec:LINE:1 "; this gives LINE back.
  auto line_of = [](const std::string& e) { return std::stoi(e.substr(6)); };

  for (std::size_t len = 0; len <= text.size(); ++len) {
    std::string_view cut = std::string_view(text).substr(0, len);
    INFO("cut at ", len, ": ", std::string(cut));
    Result r = read_text(cut);
    int complete = static_cast<int>(std::count(cut.begin(), cut.end(), '\n'));
    bool partial = !cut.empty() && cut.back() != '\n';

    std::vector<std::string> expected, got_complete;
    for (const auto& e : full.entries)
      if (line_of(e) <= complete) expected.push_back(e);
    std::size_t beyond = 0;
    for (const auto& e : r.entries) {
      if (line_of(e) <= complete) {
        got_complete.push_back(e);
      } else {
        CHECK(line_of(e) == complete + 1);
        ++beyond;
      }
    }
    CHECK(got_complete == expected);
    CHECK(beyond <= 1);
    CHECK(r.stats.lines == static_cast<std::size_t>(complete + (partial ? 1 : 0)));
    for (const auto& d : r.diags.items()) CHECK(d.where.line == complete + 1);
    if (partial) {
      REQUIRE(r.diags.warning_count() == 1);
      CHECK(r.diags.items().back().message == "last line has no newline (cut short?)");
    } else {
      CHECK(r.diags.items().empty());
    }
    // Cut just before a newline, the last line is whole and reads as before.
    if (partial && text[len] == '\n') {
      std::vector<std::string> want, got;
      for (const auto& e : full.entries)
        if (line_of(e) == complete + 1) want.push_back(e);
      for (const auto& e : r.entries)
        if (line_of(e) == complete + 1) got.push_back(e);
      CHECK(got == want);
    }
    // And the same bytes arriving one at a time read the same.
    Result bytes = read_in_pieces(cut, 1);
    CHECK(bytes.entries == r.entries);
    CHECK(bytes.headlines() == r.headlines());
  }
}

TEST_CASE("read_records reads every *.rec below the folder in byte-wise path order") {
  TempDir tmp;
  auto line = [](int n) { return "2019-03-31 jobs.urban_new " + std::to_string(n) + "\n"; };
  tmp.write("records/b.rec", line(1));
  tmp.write("records/a/z.rec", line(2));
  tmp.write("records/a.rec", line(3) + "# two lines\n" + line(4));
  tmp.write("records/a/b/c.rec", line(5));
  tmp.write("records/A.rec", line(6));
  tmp.write("records/a/.hidden.rec", line(7));
  tmp.write("records/dir.rec/inner.rec", line(8));
  // Not record files: read none of them (their contents would be errors).
  tmp.write("records/x.txt", "not a record\n");
  tmp.write("records/a/y.rec.bak", "not a record\n");
  tmp.write("records/a/rec", "not a record\n");
  tmp.write("records/README", "not a record\n");

  fs::path dir = tmp.path() / "records";
  Result r = read_dir(dir);
  CHECK(r.headlines().empty());
  std::string d = dir.generic_string();
  CHECK(r.entries == std::vector<std::string>{
                         d + "/A.rec:1:1 2019-03-31 jobs.urban_new 6",
                         d + "/a.rec:1:1 2019-03-31 jobs.urban_new 3",
                         d + "/a.rec:3:1 2019-03-31 jobs.urban_new 4",
                         d + "/a/.hidden.rec:1:1 2019-03-31 jobs.urban_new 7",
                         d + "/a/b/c.rec:1:1 2019-03-31 jobs.urban_new 5",
                         d + "/a/z.rec:1:1 2019-03-31 jobs.urban_new 2",
                         d + "/b.rec:1:1 2019-03-31 jobs.urban_new 1",
                         d + "/dir.rec/inner.rec:1:1 2019-03-31 jobs.urban_new 8",
                     });
  CHECK(r.stats.files == 7);
  CHECK(r.stats.lines == 9);
  CHECK(r.stats.entries == 8);
}

TEST_CASE("errors from files name the file, line and column") {
  TempDir tmp;
  tmp.write("records/2019/人社局.rec",
            "2019-03-31 jobs.urban_new 1\n2019-03-31 jobs.urban_new 1.\n");
  Result r = read_dir(tmp.path() / "records");
  std::string f = (tmp.path() / "records/2019/人社局.rec").generic_string();
  CHECK(r.headlines() ==
        std::vector<std::string>{f + ":2:29: expected digits after the decimal point"});
  CHECK(r.entries == std::vector<std::string>{f + ":1:1 2019-03-31 jobs.urban_new 1"});
}

TEST_CASE("a missing folder holds no records; a file given as the folder is read") {
  TempDir tmp;
  Result r = read_dir(tmp.path() / "records");
  CHECK(r.headlines().empty());
  CHECK(r.stats.files == 0);
  CHECK(r.stats.entries == 0);
  CHECK(r.entries.empty());

  fs::path f = tmp.write("one.rec", "2019-03-31 jobs.urban_new 1\n");
  r = read_dir(f);
  CHECK(r.headlines().empty());
  CHECK(r.entries ==
        std::vector<std::string>{f.generic_string() + ":1:1 2019-03-31 jobs.urban_new 1"});
}

TEST_CASE("symbolic links: files are read, folders are not followed, so loops end") {
  TempDir tmp;
  fs::path dir = tmp.path() / "records";
  tmp.write("records/a.rec", "2019-03-31 jobs.urban_new 1\n");
  tmp.write("elsewhere/b.rec", "2019-03-31 jobs.urban_new 2\n");
  fs::create_directory_symlink(dir, dir / "loop");
  fs::create_directory_symlink(tmp.path() / "elsewhere", dir / "other");
  fs::create_symlink(tmp.path() / "elsewhere/b.rec", dir / "linked.rec");
  fs::create_symlink(tmp.path() / "nowhere.rec", dir / "dangling.rec");

  Result r = read_dir(dir);
  std::string d = dir.generic_string();
  CHECK(r.entries == std::vector<std::string>{
                         d + "/a.rec:1:1 2019-03-31 jobs.urban_new 1",
                         d + "/linked.rec:1:1 2019-03-31 jobs.urban_new 2",
                     });
  auto heads = r.headlines();
  std::sort(heads.begin(), heads.end());
  CHECK(heads == std::vector<std::string>{
                     d + "/dangling.rec: cannot open: no such file or directory",
                     d + "/loop: warning: symbolic link to a folder; not followed",
                     d + "/other: warning: symbolic link to a folder; not followed",
                 });
}

TEST_CASE("a FIFO named *.rec is an error, not a hang") {
  TempDir tmp;
  fs::path dir = tmp.path() / "records";
  fs::create_directories(dir);
  REQUIRE(::mkfifo((dir / "pipe.rec").c_str(), 0600) == 0);
  Result r = read_dir(dir);
  CHECK(r.headlines() ==
        std::vector<std::string>{(dir / "pipe.rec").generic_string() + ": not a regular file"});
}

TEST_CASE("a FIFO or a device given as the records folder is an error, not a hang") {
  TempDir tmp;
  fs::path fifo = tmp.path() / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // /dev/null would read as empty and /dev/zero forever; both are refused
  // before they are opened, as a FIFO is (opening it would block).
  for (fs::path p : {fifo, fs::path("/dev/null"), fs::path("/dev/zero")}) {
    CAPTURE(p);
    Result r = read_dir(p);
    CHECK(r.headlines() ==
          std::vector<std::string>{p.generic_string() + ": not a folder or a regular file"});
    CHECK(r.stats.files == 0);
  }
}

TEST_CASE("an unreadable file is an error naming it and the reason") {
  TempDir tmp;
  fs::path dir = tmp.path() / "records";
  fs::create_directories(dir);
  // A link to itself cannot be opened, even by root.
  fs::create_symlink(dir / "self.rec", dir / "self.rec");
  Result r = read_dir(dir);
  CHECK(r.headlines() ==
        std::vector<std::string>{(dir / "self.rec").generic_string() +
                                 ": cannot open: too many levels of symbolic links"});
  if (::geteuid() != 0) {  // root reads everything
    fs::remove(dir / "self.rec");
    fs::path f = tmp.write("records/a.rec", "2019-03-31 jobs.urban_new 1\n");
    fs::permissions(f, fs::perms::none);
    r = read_dir(dir);
    CHECK(r.headlines() ==
          std::vector<std::string>{f.generic_string() + ": cannot open: permission denied"});
  }
}

TEST_CASE("a file much larger than the read buffer is read line for line") {
  // About 2 MB: many 256 KiB reads, lines and a long line across their seams.
  std::string text;
  int expected_entries = 0;
  std::int64_t expected_sum = 0;
  for (int i = 1; i <= 40000; ++i) {
    if (i == 12345) {
      text += "2019-03-31 jobs.urban_new oops\n";
    } else if (i == 23456) {
      text += "# " + std::string(kMaxLineBytes + 10, 'L') + "\n";
    } else {
      text += "2019-03-31 jobs.urban_new " + std::to_string(i % 97) + " note=\"第" +
              std::to_string(i) + "行\"\n";
      ++expected_entries;
      expected_sum += i % 97;
    }
  }
  TempDir tmp;
  tmp.write("records/big.rec", text);
  Diagnostics diags;
  Decimal sum;
  std::string last_note;
  int last_line = 0;
  ReadStats stats = read_records(tmp.path() / "records", test_plan(), diags, [&](const Entry& e) {
    REQUIRE(sum.add(e.amount));
    last_note = e.tag("note");
    last_line = e.where.line;
  });
  std::string f = (tmp.path() / "records/big.rec").generic_string();
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].headline() == f + ":12345:27: expected a number");
  CHECK(diags.items()[1].headline() == f + ":23456:1: line too long (more than 65536 bytes)");
  CHECK(stats.lines == 40000);
  CHECK(stats.entries == static_cast<std::size_t>(expected_entries));
  CHECK(sum == *Decimal::from_int(expected_sum));
  CHECK(last_note == "第40000行");
  CHECK(last_line == 40000);
}

}  // namespace
}  // namespace plan
