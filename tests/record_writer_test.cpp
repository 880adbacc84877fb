#include "record_writer.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "fault_env.h"
#include "record_journal.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using plan::append_batches;
using plan::append_lines;
using plan::Env;
using plan::ErrorKind;
using plan::testing::FaultEnv;
using plan::testing::slurp;
using plan::testing::spit;
using TempDir = plan::testing::TempDir;

namespace {}  // namespace

TEST_CASE("append: creates nested folders and the file") {
  TempDir tmp;
  fs::path file = tmp.path / "records" / "2019" / "q1" / "jobs.rec";
  auto r = append_lines(Env::posix(), tmp.path, file, {"2019-03-31  jobs.urban_new  4210"});
  REQUIRE(r.ok());
  CHECK(slurp(file) == "2019-03-31  jobs.urban_new  4210\n");
  mode_t mask = umask(0);
  umask(mask);
  CHECK(static_cast<mode_t>(fs::status(file).permissions()) == (0644 & ~mask));
}

TEST_CASE("append: writes every line of one call in order") {
  TempDir tmp;
  fs::path file = tmp.path / "2019.rec";
  spit(file, "# ledger\n");
  REQUIRE(append_lines(Env::posix(), tmp.path, file, {"a 1", "b 2", "c 3"}).ok());
  REQUIRE(append_lines(Env::posix(), tmp.path, file, {"d 4"}).ok());
  CHECK(slurp(file) == "# ledger\na 1\nb 2\nc 3\nd 4\n");
}

TEST_CASE("append: after a line cut short starts a new line") {
  TempDir tmp;
  fs::path file = tmp.path / "2019.rec";
  // A crash (or an editor) left the last line without its newline.
  spit(file, "2019-01-31  jobs.urban_new  100\n2019-02-28  jobs.urban_new  2");
  REQUIRE(append_lines(Env::posix(), tmp.path, file, {"2019-03-31  jobs.urban_new  300"}).ok());
  CHECK(slurp(file) ==
        "2019-01-31  jobs.urban_new  100\n2019-02-28  jobs.urban_new  2\n"
        "2019-03-31  jobs.urban_new  300\n");
}

TEST_CASE("append: to an empty file adds no blank line") {
  TempDir tmp;
  fs::path file = tmp.path / "2019.rec";
  spit(file, "");
  REQUIRE(append_lines(Env::posix(), tmp.path, file, {"x"}).ok());
  CHECK(slurp(file) == "x\n");
}

TEST_CASE("append: of no lines touches nothing") {
  TempDir tmp;
  fs::path file = tmp.path / "sub" / "2019.rec";
  REQUIRE(append_lines(Env::posix(), tmp.path, file, {}).ok());
  CHECK_FALSE(fs::exists(tmp.path / "sub"));
}

TEST_CASE("append: refuses a line holding a line break") {
  TempDir tmp;
  fs::path file = tmp.path / "2019.rec";
  spit(file, "old\n");
  for (std::string bad : {"a\nb", "a\rb"}) {
    auto r = append_lines(Env::posix(), tmp.path, file, {"fine", bad});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().headline() ==
          file.string() + ": cannot append: an entry contains a line break");
  }
  CHECK(slurp(file) == "old\n");
}

TEST_CASE("append: under a file instead of a folder fails and creates nothing") {
  TempDir tmp;
  spit(tmp.path / "records", "not a folder\n");
  fs::path file = tmp.path / "records" / "2019" / "x.rec";
  auto r = append_lines(Env::posix(), tmp.path, file, {"x"});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().where.file == file.string());
  CHECK(r.error().where.line == 0);
  CHECK(r.error().message == "cannot create folder " + (tmp.path / "records" / "2019").string() +
                                 ": Not a directory; nothing was written");
  CHECK(slurp(tmp.path / "records") == "not a folder\n");
  // Only the records' lock file, which stays (empty) once made.
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(tmp.path)) names.insert(e.path().filename());
  CHECK(names == std::set<std::string>{"records", ".plan-lock"});
  CHECK(fs::file_size(tmp.path / ".plan-lock") == 0);
}

TEST_CASE("append: to a folder path names the system's reason") {
  TempDir tmp;
  fs::create_directory(tmp.path / "2019.rec");
  auto r = append_lines(Env::posix(), tmp.path, tmp.path / "2019.rec", {"x"});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().headline() == (tmp.path / "2019.rec").string() +
                                    ": cannot open for appending: Is a directory; nothing was "
                                    "written");
}

// Four processes append 300 entries each, one call per entry, to one file.
// Without the lock and the single write, lines would interleave or be lost.
TEST_CASE("concurrent appenders never interleave or lose a line") {
  TempDir tmp;
  fs::path file = tmp.path / "records" / "2019.rec";
  constexpr int kChildren = 4;
  constexpr int kEach = 300;
  // Long lines make a torn write far more likely to show if locking broke.
  const std::string pad(180, 'x');
  std::vector<pid_t> pids;
  for (int c = 0; c < kChildren; ++c) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      for (int i = 0; i < kEach; ++i) {
        std::string line = "2019-03-31  jobs.urban_new  " + std::to_string(c * 1000 + i) +
                           "  note=\"" + pad + "\"";
        if (!append_lines(Env::posix(), tmp.path, file, {line}).ok()) _exit(1);
      }
      _exit(0);
    }
    pids.push_back(pid);
  }
  for (pid_t pid : pids) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  std::string text = slurp(file);
  REQUIRE(!text.empty());
  CHECK(text.back() == '\n');
  std::istringstream in(text);
  std::string line;
  std::multiset<int> seen;
  int lines = 0;
  const std::string head = "2019-03-31  jobs.urban_new  ";
  const std::string tail = "  note=\"" + pad + "\"";
  while (std::getline(in, line)) {
    ++lines;
    REQUIRE(line.size() > head.size() + tail.size());
    REQUIRE(line.substr(0, head.size()) == head);
    REQUIRE(line.substr(line.size() - tail.size()) == tail);
    seen.insert(std::stoi(line.substr(head.size(), line.size() - head.size() - tail.size())));
  }
  CHECK(lines == kChildren * kEach);
  for (int c = 0; c < kChildren; ++c)
    for (int i = 0; i < kEach; ++i) CHECK(seen.count(c * 1000 + i) == 1);
}

TEST_CASE("append: short writes and interrupts are retried until every byte is written") {
  TempDir tmp;
  fs::path file = tmp.path / "2019.rec";
  spit(file, "old\n");
  FaultEnv env;
  env.max_write = 3;
  env.interrupts = 2;
  REQUIRE(append_lines(env, tmp.path, file, {"2019-03-31  jobs.urban_new  4210"}).ok());
  CHECK(slurp(file) == "old\n2019-03-31  jobs.urban_new  4210\n");
  // 2 interrupted calls; the journal, "plan-journal 1\n" (15 bytes),
  // "4 2019.rec\n" (11), "end 1\n" (6): 32 bytes 3 at a time, 11 calls;
  // then 33 bytes (10 + 2 + 14 + 2 + 4 and the newline): 11 calls.
  CHECK(env.write_calls == 2 + 11 + 11);
}

// The disk fills up part way through the write: the bytes that did land
// are cut off again, the newline added before the entry included.
TEST_CASE("append: a full disk leaves the file as it was") {
  TempDir tmp;
  fs::path file = tmp.path / "2019.rec";
  const std::string before = "2019-01-31  jobs.urban_new  100\n2019-02-28  jobs.urban_new  2";
  spit(file, before);
  FaultEnv env;
  // The journal takes 15 + 12 ("62 2019.rec\n") + 6 = 33 bytes; 10 more fit.
  env.space = 33 + 10;
  auto r = append_lines(env, tmp.path, file, {std::string(100, 'y')});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().headline() ==
        file.string() + ": cannot append: No space left on device; nothing was written");
  CHECK(r.error().headline(true) == file.string() + ": 无法追加：磁盘已满；未写入任何内容");
  CHECK(r.error().kind == ErrorKind::io);
  CHECK(env.space == 0);  // the fault did strike after a partial write
  CHECK(slurp(file) == before);
}

TEST_CASE("append: a failing fsync is undone like a failed write") {
  TempDir tmp;
  fs::path file = tmp.path / "2019.rec";
  spit(file, "old\n");
  FaultEnv env;
  env.good_syncs = 1;     // the journal's
  env.failing_syncs = 1;  // the sync after the write; the undo's sync works
  auto r = append_lines(env, tmp.path, file, {"new"});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().headline() ==
        file.string() + ": cannot append: Input/output error; nothing was written");
  CHECK(slurp(file) == "old\n");
}

TEST_CASE("append: an undo that cannot be synced says to check the last line") {
  TempDir tmp;
  fs::path file = tmp.path / "2019.rec";
  spit(file, "old\n");
  FaultEnv env;
  env.good_syncs = 1;     // the journal's
  env.failing_syncs = 2;  // the sync after the write, and the undo's
  auto r = append_lines(env, tmp.path, file, {"new"});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().headline() == file.string() +
                                    ": cannot append: Input/output error; cutting back what was "
                                    "written also failed for " +
                                    file.string() +
                                    " (Input/output error): the next plan command cuts it back "
                                    "(see " +
                                    (tmp.path / ".plan-journal").string() + ")");
  // The truncation itself went through; only its sync was refused. The
  // journal stays, so the next command syncs the cut again.
  CHECK(slurp(file) == "old\n");
  CHECK(fs::exists(tmp.path / ".plan-journal"));
  bool rolled = false;
  REQUIRE(plan::roll_back(Env::posix(), tmp.path, &rolled).ok());
  CHECK(rolled);
  CHECK(slurp(file) == "old\n");
}

TEST_CASE("append: a batch over several files is undone whole when one file fails") {
  TempDir tmp;
  fs::path a = tmp.path / "records" / "2018.rec";
  fs::path b = tmp.path / "records" / "2019.rec";
  fs::create_directories(a.parent_path());
  spit(a, "old 2018\n");
  spit(b, "old 2019\n");
  FaultEnv env;
  // The journal takes 15 + 19 ("9 records/2018.rec\n") + 19 + 6 = 59
  // bytes. 2018.rec is written first (path order) and fits: "new 2018\n"
  // is 9 bytes; 2019.rec's 51 bytes do not fit in the 11 left.
  env.space = 59 + 20;
  auto r = append_batches(env, tmp.path, {{b, {std::string(50, 'b')}}, {a, {"new 2018"}}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().headline() ==
        b.string() + ": cannot append: No space left on device; nothing was written");
  CHECK(slurp(a) == "old 2018\n");
  CHECK(slurp(b) == "old 2019\n");
}

TEST_CASE("a batch writes each file and merges repeated paths") {
  TempDir tmp;
  fs::path a = tmp.path / "2018.rec";
  fs::path b = tmp.path / "sub" / "2019.rec";
  REQUIRE(
      append_batches(Env::posix(), tmp.path, {{b, {"b1"}}, {a, {"a1", "a2"}}, {b, {"b2"}}}).ok());
  CHECK(slurp(a) == "a1\na2\n");
  CHECK(slurp(b) == "b1\nb2\n");
}

TEST_CASE("a batch refuses two paths to one file instead of waiting on itself") {
  TempDir tmp;
  fs::path a = tmp.path / "2019.rec";
  fs::path link = tmp.path / "link.rec";
  spit(a, "old\n");
  fs::create_symlink(a, link);
  auto r = append_batches(Env::posix(), tmp.path, {{a, {"x"}}, {link, {"y"}}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().headline() ==
        link.string() + ": is the same file as " + a.string() + "; nothing was written");
  CHECK(slurp(a) == "old\n");
}
