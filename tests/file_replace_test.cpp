#include "file_replace.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fault_env.h"
#include "temp_dir.h"

using namespace plan;
using plan::testing::FaultEnv;
using plan::testing::slurp;
using plan::testing::TempDir;
namespace fs = std::filesystem;

namespace {

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("replace_file writes a new file and replaces an old one, leaving no temporary") {
  TempDir dir;
  fs::path file = dir.path / "weekly.html";
  REQUIRE(replace_file(Env::posix(), file, "first\n"));
  CHECK(slurp(file) == "first\n");
  ::chmod(file.c_str(), 0640);
  REQUIRE(replace_file(Env::posix(), file, "second, longer\n"));
  CHECK(slurp(file) == "second, longer\n");
  CHECK(entries(dir.path) == 1);
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);  // the old file's permissions are kept
}

TEST_CASE("a new file gets 0666 less the umask") {
  TempDir dir;
  mode_t old = ::umask(022);
  auto written = replace_file(Env::posix(), dir.path / "r.txt", "x");
  ::umask(old);
  REQUIRE(written);
  struct stat st {};
  REQUIRE(::stat((dir.path / "r.txt").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0644);
}

TEST_CASE("a missing folder is an error naming the file, and nothing is left behind") {
  TempDir dir;
  fs::path file = dir.path / "no-such-dir" / "r.html";
  auto written = replace_file(Env::posix(), file, "x");
  REQUIRE_FALSE(written);
  CHECK(written.error().headline() ==
        file.generic_string() + ": cannot write: No such file or directory");
  CHECK(entries(dir.path) == 0);
}

TEST_CASE("a folder in the way is an error, and the temporary is removed") {
  TempDir dir;
  fs::create_directory(dir.path / "r.html");
  auto written = replace_file(Env::posix(), dir.path / "r.html", "x");
  REQUIRE_FALSE(written);
  CHECK(written.error().headline() ==
        (dir.path / "r.html").generic_string() +
            ": cannot write: not a regular file (only a regular file is replaced)");
  CHECK(entries(dir.path) == 1);  // only the folder
}

TEST_CASE("a FIFO is not replaced by a plain file") {
  // As root, a rename over /dev/full once put a regular file in its place;
  // a FIFO shows the same without root.
  TempDir dir;
  fs::path fifo = dir.path / "r.html";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto written = replace_file(Env::posix(), fifo, "x");
  REQUIRE_FALSE(written);
  CHECK(fs::is_fifo(fs::symlink_status(fifo)));
  CHECK(entries(dir.path) == 1);  // no temporary either
}

// Each fault below strikes an existing report: afterwards it must be the old
// report, whole, with no temporary beside it.
TEST_CASE("a failing rename leaves the old file and no temporary") {
  TempDir dir;
  fs::path file = dir.path / "weekly.html";
  REQUIRE(replace_file(Env::posix(), file, "old\n"));
  FaultEnv env;
  env.rename_fails = true;
  auto written = replace_file(env, file, "new\n");
  REQUIRE_FALSE(written);
  CHECK(written.error().headline() ==
        file.generic_string() + ": cannot write: Invalid cross-device link");
  CHECK(written.error().kind == ErrorKind::io);
  CHECK(slurp(file) == "old\n");
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("a failing fsync leaves the old file and no temporary") {
  TempDir dir;
  fs::path file = dir.path / "weekly.html";
  REQUIRE(replace_file(Env::posix(), file, "old\n"));
  FaultEnv env;
  env.failing_syncs = 1;
  auto written = replace_file(env, file, "new\n");
  REQUIRE_FALSE(written);
  CHECK(written.error().headline() == file.generic_string() + ": cannot write: Input/output error");
  CHECK(slurp(file) == "old\n");
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("a full disk leaves the old file and no temporary") {
  TempDir dir;
  fs::path file = dir.path / "weekly.html";
  REQUIRE(replace_file(Env::posix(), file, "old\n"));
  FaultEnv env;
  env.space = 3;  // "new" fits, its newline does not
  auto written = replace_file(env, file, "new\n");
  REQUIRE_FALSE(written);
  CHECK(written.error().headline() ==
        file.generic_string() + ": cannot write: No space left on device");
  CHECK(slurp(file) == "old\n");
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("contents made a piece at a time: every piece in order, or the old file") {
  TempDir dir;
  fs::path file = dir.path / "log.csv";
  REQUIRE(replace_file(Env::posix(), file, [](const PieceWriter& write) {
    for (const char* piece : {"date,id\r\n", "", "2019-06-30,", "jobs.urban_new\r\n"})
      CHECK(write(piece));
  }));
  CHECK(slurp(file) == "date,id\r\n2019-06-30,jobs.urban_new\r\n");
  CHECK(entries(dir.path) == 1);

  // The disk fills during the second piece: the writer says so, the maker
  // stops, and the file is as it was.
  FaultEnv env;
  env.space = 12;
  std::vector<bool> answers;
  int made = 0;
  auto written = replace_file(env, file, [&](const PieceWriter& write) {
    for (const char* piece : {"new first\n", "new second\n", "new third\n"}) {
      ++made;
      answers.push_back(write(piece));
      if (!answers.back()) return;
    }
  });
  REQUIRE_FALSE(written);
  CHECK(written.error().headline() ==
        file.generic_string() + ": cannot write: No space left on device");
  CHECK(answers == std::vector<bool>{true, false});
  CHECK(made == 2);
  CHECK(slurp(file) == "date,id\r\n2019-06-30,jobs.urban_new\r\n");
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("short writes and interrupts still write every byte") {
  TempDir dir;
  fs::path file = dir.path / "weekly.html";
  FaultEnv env;
  env.max_write = 2;
  env.interrupts = 1;
  REQUIRE(replace_file(env, file, "<html>\n"));
  CHECK(slurp(file) == "<html>\n");
  CHECK(env.write_calls == 1 + 4);  // one interrupted, then 7 bytes 2 at a time
  CHECK(entries(dir.path) == 1);
}

// A cron job's report killed while it writes: the temporary has no name yet,
// so nothing is left behind. Where the file system has no O_TMPFILE, the
// named temporary of the fallback is what such a kill leaves: the test
// shows the difference is real.
TEST_CASE("a run killed mid-write leaves no temporary, unless O_TMPFILE is missing") {
  for (bool unnamed : {true, false}) {
    CAPTURE(unnamed);
    TempDir dir;
    fs::path file = dir.path / "r.html";
    REQUIRE(replace_file(Env::posix(), file, "old\n"));
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      FaultEnv env;
      env.unnamed_unsupported = !unnamed;
      env.kill_after_bytes = 50;  // half of the new report
      ::_exit(replace_file(env, file, std::string(100, 'n')) ? 0 : 1);
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFSIGNALED(status));
    CHECK(slurp(file) == "old\n");
    CHECK(entries(dir.path) == (unnamed ? 1u : 2u));
  }
}

TEST_CASE("without O_TMPFILE the named temporary is used and removed") {
  TempDir dir;
  fs::path file = dir.path / "r.html";
  REQUIRE(replace_file(Env::posix(), file, "old\n"));
  FaultEnv env;
  env.unnamed_unsupported = true;
  REQUIRE(replace_file(env, file, "new\n"));
  CHECK(slurp(file) == "new\n");
  CHECK(entries(dir.path) == 1);
  env.rename_fails = true;
  CHECK_FALSE(replace_file(env, file, "newer\n"));
  CHECK(slurp(file) == "new\n");
  CHECK(entries(dir.path) == 1);
}
