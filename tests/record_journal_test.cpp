// The rollback journal: its format, its rollback, the writer's protocol
// under a fault or a death at every step, and what readers see.
#include "record_journal.h"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "fault_env.h"
#include "record_fixture.h"
#include "record_reader.h"
#include "record_writer.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using plan::append_batches;
using plan::AppendBatch;
using plan::Env;
using plan::ErrorKind;
using plan::JournalEntry;
using plan::testing::FaultEnv;
using plan::testing::slurp;
using plan::testing::spit;
using TempDir = plan::testing::TempDir;

namespace {

// The names in a folder, sorted.
std::set<std::string> names(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

// Entries of the record fixture's plan read from `dir`.
struct Read {
  plan::Diagnostics diags;
  std::vector<std::string> values;
};
Read read_all(Env& env, const fs::path& dir) {
  Read r;
  struct Sink : plan::EntrySink {
    std::vector<std::string>* out;
    void add(const plan::Entry& e) override { out->push_back(e.amount.to_string()); }
  } sink;
  sink.out = &r.values;
  static const plan::Plan p = plan::testing::record_test_plan();
  plan::read_records(env, dir, p, r.diags, sink);
  return r;
}

// A two-file batch: one file whose last line was cut (the writer adds the
// newline inside the journaled region), one that does not exist yet.
struct Batch {
  fs::path records, a, b;
  std::string a_old = "2019-01-31  jobs.urban_new  100\n2019-02-28  jobs.urban_new  2";
  // A's new content: the repaired newline, then the two new lines.
  std::string a_new =
      a_old + "\n2019-03-31  jobs.urban_new  300\n2019-04-30  jobs.urban_new  400\n";
  std::string b_new = "2020-01-31  jobs.urban_new  5\n";
  std::vector<AppendBatch> batches;
  explicit Batch(const fs::path& root) {
    records = root / "records";
    a = records / "2019.rec";
    b = records / "town" / "2020.rec";
    fs::create_directories(records);
    spit(a, a_old);
    batches = {{a, {"2019-03-31  jobs.urban_new  300", "2019-04-30  jobs.urban_new  400"}},
               {b, {"2020-01-31  jobs.urban_new  5"}}};
  }
  bool old() const { return slurp(a) == a_old && (!fs::exists(b) || slurp(b).empty()); }
  bool whole() const { return slurp(a) == a_new && slurp(b) == b_new; }
  bool journal() const { return fs::exists(records / ".plan-journal"); }
};

// Waits for a child and says how it ended: the exit code, or 1000 + signal.
int reap(pid_t pid) {
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  if (WIFSIGNALED(status)) return 1000 + WTERMSIG(status);
  REQUIRE(WIFEXITED(status));
  return WEXITSTATUS(status);
}

}  // namespace

TEST_CASE(
    "journal: the text lists each file and its length, relative to the folder when below it") {
  TempDir tmp;
  fs::path folder = tmp.path / "records";
  auto text = plan::format_journal(
      folder,
      {{folder / "2019.rec", 62}, {folder / "town" / "2020.rec", 0}, {"/elsewhere/x.rec", 7}});
  REQUIRE(text);
  CHECK(*text == "plan-journal 1\n62 2019.rec\n0 town/2020.rec\n7 /elsewhere/x.rec\nend 3\n");
  auto back = plan::parse_journal(*text, folder, "J");
  REQUIRE(back);
  REQUIRE(back->size() == 3);
  CHECK((*back)[0].file == folder / "2019.rec");
  CHECK((*back)[0].size == 62);
  CHECK((*back)[1].file == folder / "town" / "2020.rec");
  CHECK((*back)[1].size == 0);
  CHECK((*back)[2].file == "/elsewhere/x.rec");
}

TEST_CASE("journal: a garbled journal is an error at its line, never read as empty") {
  struct Case {
    const char* text;
    const char* headline;
  } cases[] = {
      {"", "J: garbled journal of an interrupted write (empty)"},
      {"plan-journal 1\n4 a.rec\n", "J:2: garbled journal of an interrupted write (no end line)"},
      {"plan-journal 1\n4 a.rec\nend 1",
       "J:3: garbled journal of an interrupted write (cut short)"},
      {"plan-journal 1\n4 a.rec\nend 2\n",
       "J:3: garbled journal of an interrupted write (the end line does not count the files)"},
      {"plan-journal 1\nx4 a.rec\nend 1\n",
       "J:2: garbled journal of an interrupted write (no length)"},
      {"plan-journal 1\n4 \nend 1\n",
       "J:2: garbled journal of an interrupted write (no file name)"},
      {"plan-journal 1\nend 0\n0 a.rec\n",
       "J:3: garbled journal of an interrupted write (text after the end line)"},
      {"99999999999999999999 a.rec\n",
       "J:1: garbled journal of an interrupted write (no \"plan-journal 1\" header)"},
      {"plan-journal 1\n99999999999999999999 a.rec\nend 1\n",
       "J:2: garbled journal of an interrupted write (no length)"},
      {"plan-journal 2\nend 0\n",
       "J:1: journal version 2 is not one this plan reads; a newer plan wrote it"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto r = plan::parse_journal(c.text, "records", "J");
    REQUIRE_FALSE(r);
    CHECK(r.error().headline().starts_with(c.headline));
  }
}

TEST_CASE("roll_back cuts each listed file to its length and removes the journal") {
  TempDir tmp;
  fs::path dir = tmp.path;
  spit(dir / "a.rec", "old\nhalf a li");      // 4 bytes before the write
  spit(dir / "short.rec", "ab");              // shorter than listed: changed since
  spit(dir / "new.rec", "2019-01-31  x  1");  // did not exist before
  spit(dir / ".plan-journal",
       "plan-journal 1\n4 a.rec\n5 short.rec\n0 new.rec\n0 never.rec\nend 4\n");
  bool rolled = false;
  REQUIRE(plan::roll_back(Env::posix(), dir, &rolled));
  CHECK(rolled);
  CHECK(slurp(dir / "a.rec") == "old\n");
  CHECK(slurp(dir / "short.rec") == "ab");  // never extended
  CHECK(slurp(dir / "new.rec").empty());
  CHECK_FALSE(fs::exists(dir / "never.rec"));  // not created by the rollback
  CHECK_FALSE(fs::exists(dir / ".plan-journal"));
  // Nothing to do the second time.
  REQUIRE(plan::roll_back(Env::posix(), dir, &rolled));
  CHECK_FALSE(rolled);
}

TEST_CASE("a writer rolls back a dead writer's journal before its own write") {
  TempDir tmp;
  fs::path dir = tmp.path;
  spit(dir / "2019.rec", "old\n2019-03-31  jobs.urban_new  42");  // the dead write's cut line
  spit(dir / ".plan-journal", "plan-journal 1\n4 2019.rec\nend 1\n");
  REQUIRE(plan::append_lines(Env::posix(), dir, dir / "2019.rec", {"new"}));
  // Cut back to "old\n" (4 bytes), then "new\n": no repair newline needed.
  CHECK(slurp(dir / "2019.rec") == "old\nnew\n");
  CHECK(names(dir) == std::set<std::string>{"2019.rec", ".plan-lock"});
}

TEST_CASE("a writer refuses to write past a garbled journal, and leaves it") {
  TempDir tmp;
  fs::path dir = tmp.path;
  spit(dir / "2019.rec", "old\n");
  spit(dir / ".plan-journal", "plan-journal 1\n4 2019.rec\n");
  auto r = plan::append_lines(Env::posix(), dir, dir / "2019.rec", {"new"});
  REQUIRE_FALSE(r);
  CHECK(r.error().headline() ==
        (dir / ".plan-journal").string() +
            ":2: garbled journal of an interrupted write (no end line); check the last lines of "
            "the record files, then remove it; nothing was written");
  CHECK(slurp(dir / "2019.rec") == "old\n");
  CHECK(fs::exists(dir / ".plan-journal"));
}

// One fault at each step of the protocol in turn (lock, rollback check,
// folder and file creation, journal, appends, syncs, commit): the write
// either fails and leaves the old content (at once, or once the journal it
// left is rolled back), or, past the last step, succeeds whole.
TEST_CASE("a failure at any step of a write leaves the old content") {
  int failures = 0;
  for (int step = 0;; ++step) {
    CAPTURE(step);
    TempDir tmp;
    Batch batch(tmp.path);
    FaultEnv env;
    env.fail_step = step;
    auto r = append_batches(env, batch.records, batch.batches);
    if (r) {
      CHECK(batch.whole());
      CHECK_FALSE(batch.journal());
      CHECK(env.steps <= step);  // the fault never struck
      break;
    }
    ++failures;
    CHECK(r.error().kind == ErrorKind::io);
    CHECK(batch.old());
    REQUIRE(plan::roll_back(Env::posix(), batch.records));
    CHECK(batch.old());
    // No temporary is left: only the files, the lock and the reporter folder.
    std::set<std::string> left = names(batch.records);
    left.erase(".plan-lock");
    left.erase("town");
    CHECK(left == std::set<std::string>{"2019.rec"});
    REQUIRE(step < 100);
  }
  // lock file open and flock, journal check, 2 folders' worth of opens and
  // locks, the journal's own steps, 2 writes + syncs, the commit: well over 15.
  CHECK(failures > 15);
}

// The process ends on the spot at each step in turn (as a SIGKILL or a
// power cut there would): after the next command's recovery every file is
// old or whole, never in between.
TEST_CASE("a death at any step of a write leaves old or whole content after recovery") {
  int olds = 0, wholes = 0;
  for (int step = 0;; ++step) {
    CAPTURE(step);
    TempDir tmp;
    Batch batch(tmp.path);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      FaultEnv env;
      env.die_step = step;
      _exit(append_batches(env, batch.records, batch.batches) ? 0 : 1);
    }
    int how = reap(pid);
    REQUIRE((how == 0 || how == FaultEnv::kDied));
    // Recovery as the next reader does it.
    Read read = read_all(Env::posix(), batch.records);
    CHECK_FALSE(read.diags.has_errors());
    CHECK_FALSE(batch.journal());
    bool old = batch.old(), whole = batch.whole();
    CHECK((old || whole));
    // What the reader counted is what is on disk: 100 2 (old) + 300 400 5.
    CHECK(read.values.size() == (whole ? 5u : 2u));
    olds += old;
    wholes += whole;
    if (how == 0) break;
    REQUIRE(step < 100);
  }
  CHECK(olds > 10);
  CHECK(wholes >= 2);  // the last step(s) after the commit, and the clean run
}

// The real kill: a child appends a batch and SIGKILLs itself after exactly
// N bytes have gone out (journal and record bytes together), for every N
// from 0 to the end of the write.
TEST_CASE("SIGKILL after every byte of a small batch leaves old or whole content") {
  int olds = 0, wholes = 0;
  for (std::uint64_t n = 0;; ++n) {
    CAPTURE(n);
    TempDir tmp;
    Batch batch(tmp.path);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      FaultEnv env;
      env.kill_after_bytes = n;
      _exit(append_batches(env, batch.records, batch.batches) ? 0 : 1);
    }
    int how = reap(pid);
    REQUIRE((how == 0 || how == 1000 + SIGKILL));
    REQUIRE(plan::roll_back(Env::posix(), batch.records));
    bool old = batch.old(), whole = batch.whole();
    CHECK((old || whole));
    // Until the commit, a kill leaves the old content.
    if (how != 0) CHECK(old);
    olds += old;
    wholes += whole;
    if (how == 0) break;
    REQUIRE(n < 1000);
  }
  // The journal: "plan-journal 1\n" 15 + "62 2019.rec\n" 12 + "0 town/2020.rec\n" 16
  // + "end 2\n" 6 = 49 bytes; A: "\n" + 2 lines of 32 = 65; B: 30; 144 in
  // all. A kill once 0, 1, ..., 144 bytes are out (the last: every byte
  // written, the commit not yet made) leaves the old content: 145 runs.
  CHECK(olds == 49 + 65 + 30 + 1);
  CHECK(wholes == 1);
}

// A larger import over three files, killed at a spread of points.
TEST_CASE("SIGKILL at many points of a large batch leaves old or whole content") {
  TempDir tmp;
  fs::path records = tmp.path / "records";
  std::vector<AppendBatch> batches;
  std::string olds[3], news[3];
  std::uint64_t total = 0;
  for (int f = 0; f < 3; ++f) {
    fs::path file = records / ("unit" + std::to_string(f)) / (std::to_string(2018 + f) + ".rec");
    fs::create_directories(file.parent_path());
    olds[f] = "# unit " + std::to_string(f) + "\n";
    news[f] = olds[f];
    AppendBatch b{file, {}};
    for (int i = 0; i < 3000; ++i) {
      std::string line = std::to_string(2018 + f) + "-03-31  jobs.urban_new  " + std::to_string(i);
      b.lines.push_back(line);
      news[f] += line + "\n";
      total += line.size() + 1;
    }
    batches.push_back(std::move(b));
  }
  auto reset = [&] {
    for (int f = 0; f < 3; ++f) spit(batches[f].file, olds[f]);
  };
  auto state = [&] {
    bool old = true, whole = true;
    for (int f = 0; f < 3; ++f) {
      std::string s = slurp(batches[f].file);
      old = old && s == olds[f];
      whole = whole && s == news[f];
    }
    return old ? 1 : whole ? 2 : 0;
  };
  int runs = 0;
  for (std::uint64_t n = 0; n < total + 2000; n += total / 37 + 1) {
    CAPTURE(n);
    reset();
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      FaultEnv env;
      env.kill_after_bytes = n;
      _exit(append_batches(env, records, batches) ? 0 : 1);
    }
    int how = reap(pid);
    REQUIRE((how == 0 || how == 1000 + SIGKILL));
    Read read = read_all(Env::posix(), records);  // recovers
    int s = state();
    CHECK(s == (how == 0 ? 2 : 1));
    CHECK(read.values.size() == (s == 2 ? 9000u : 0u));
    ++runs;
  }
  CHECK(runs >= 38);
}

// Readers hold the shared lock: a writer adding 6 lines per batch over two
// files while a reader scans over and over, the reader sees a multiple of 6.
TEST_CASE("a reader never sees part of a write in progress") {
  TempDir tmp;
  fs::path records = tmp.path / "records";
  fs::create_directories(records);
  constexpr int kWrites = 150;
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    for (int i = 0; i < kWrites; ++i) {
      std::vector<AppendBatch> b = {
          {records / "2018.rec",
           {"2018-03-31  jobs.urban_new  1", "2018-04-30  jobs.urban_new  1",
            "2018-05-31  jobs.urban_new  1"}},
          {records / "2019.rec",
           {"2019-03-31  jobs.urban_new  1", "2019-04-30  jobs.urban_new  1",
            "2019-05-31  jobs.urban_new  1"}}};
      if (!append_batches(Env::posix(), records, b)) _exit(1);
    }
    _exit(0);
  }
  int reads = 0;
  std::set<std::size_t> seen;
  for (;;) {
    int status = 0;
    bool done = waitpid(pid, &status, WNOHANG) == pid;
    Read r = read_all(Env::posix(), records);
    CHECK_FALSE(r.diags.has_errors());
    CHECK(r.values.size() % 6 == 0);
    seen.insert(r.values.size());
    ++reads;
    if (done) {
      CHECK(WIFEXITED(status));
      CHECK(WEXITSTATUS(status) == 0);
      break;
    }
  }
  CHECK(seen.count(6 * kWrites) == 1);
  CHECK(reads >= 1);
}

TEST_CASE("a reader rolls back a dead writer's journal when it can") {
  TempDir tmp;
  fs::path dir = tmp.path;
  spit(dir / "2019.rec", "2019-01-31  jobs.urban_new  100\n2019-02-28  jobs.urban_new  42");
  spit(dir / ".plan-journal", "plan-journal 1\n32 2019.rec\nend 1\n");
  Read r = read_all(Env::posix(), dir);
  CHECK(r.diags.items().empty());
  CHECK(r.values == std::vector<std::string>{"100"});
  CHECK(slurp(dir / "2019.rec") == "2019-01-31  jobs.urban_new  100\n");
  CHECK_FALSE(fs::exists(dir / ".plan-journal"));
}

TEST_CASE("a reader that cannot roll back reads up to the old lengths and warns once") {
  TempDir tmp;
  fs::path dir = tmp.path;
  const std::string text = "2019-01-31  jobs.urban_new  100\n2019-02-28  jobs.urban_new  42";
  spit(dir / "2019.rec", text);
  spit(dir / "2020.rec", "2020-01-31  jobs.urban_new  7\n");
  spit(dir / ".plan-journal", "plan-journal 1\n32 2019.rec\n0 2020.rec\nend 2\n");
  SUBCASE("a read-only file system with a lock file") {
    spit(dir / ".plan-lock", "");
  }
  SUBCASE("a read-only file system without one: no lock at all") {}
  FaultEnv env;
  env.read_only = true;
  Read r = read_all(env, dir);
  // 2019.rec up to 32 bytes: its first line only; 2020.rec: nothing.
  CHECK(r.values == std::vector<std::string>{"100"});
  REQUIRE(r.diags.items().size() == 1);
  const auto& w = r.diags.items()[0];
  CHECK(w.severity == plan::Severity::warning);
  CHECK(w.headline().starts_with((dir / ".plan-journal").string() +
                                 ": warning: an interrupted write is not rolled back here ("));
  CHECK(slurp(dir / "2019.rec") == text);  // untouched
  CHECK(fs::exists(dir / ".plan-journal"));
}

TEST_CASE("a reader reports a garbled journal as an error at it") {
  TempDir tmp;
  fs::path dir = tmp.path;
  spit(dir / "2019.rec", "2019-01-31  jobs.urban_new  100\n");
  spit(dir / ".plan-journal", "plan-journal 1\n32 2019.rec\n");
  Read r = read_all(Env::posix(), dir);
  REQUIRE(r.diags.has_errors());
  CHECK(r.diags.first_error()->headline().starts_with(
      (dir / ".plan-journal").string() + ":2: garbled journal of an interrupted write"));
  CHECK(fs::exists(dir / ".plan-journal"));
}

TEST_CASE("records on a read-only share without a lock file are read without a word") {
  TempDir tmp;
  fs::path dir = tmp.path;
  spit(dir / "2019.rec", "2019-01-31  jobs.urban_new  100\n");
  FaultEnv env;
  env.read_only = true;
  Read r = read_all(env, dir);
  CHECK(r.diags.items().empty());
  CHECK(r.values == std::vector<std::string>{"100"});
  CHECK_FALSE(fs::exists(dir / ".plan-lock"));
  // A records path that does not exist: no records, no lock file made.
  Read none = read_all(Env::posix(), dir / "missing");
  CHECK(none.diags.items().empty());
  CHECK_FALSE(fs::exists(dir / "missing"));
}

TEST_CASE("a single record file keeps its lock and journal in its folder") {
  TempDir tmp;
  fs::path file = tmp.path / "all.rec";
  spit(file, "old\n");
  CHECK(plan::journal_folder(Env::posix(), file) == tmp.path);
  CHECK(plan::journal_folder(Env::posix(), tmp.path / "records") == tmp.path / "records");
  REQUIRE(plan::append_lines(Env::posix(), file, file, {"new"}));
  CHECK(slurp(file) == "old\nnew\n");
  CHECK(names(tmp.path) == std::set<std::string>{"all.rec", ".plan-lock"});
}
