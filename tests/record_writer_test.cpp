#include "record_writer.h"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using plan::append_batches;
using plan::append_lines;

namespace {

// A fresh folder under the system's temp dir, removed with everything in it.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "plan-writer-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

}  // namespace

TEST_CASE("append: creates nested folders and the file") {
  TempDir tmp;
  fs::path file = tmp.path / "records" / "2019" / "q1" / "jobs.rec";
  auto r = append_lines(file, {"2019-03-31  jobs.urban_new  4210"});
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
  REQUIRE(append_lines(file, {"a 1", "b 2", "c 3"}).ok());
  REQUIRE(append_lines(file, {"d 4"}).ok());
  CHECK(slurp(file) == "# ledger\na 1\nb 2\nc 3\nd 4\n");
}

TEST_CASE("append: after a line cut short starts a new line") {
  TempDir tmp;
  fs::path file = tmp.path / "2019.rec";
  // A crash (or an editor) left the last line without its newline.
  spit(file, "2019-01-31  jobs.urban_new  100\n2019-02-28  jobs.urban_new  2");
  REQUIRE(append_lines(file, {"2019-03-31  jobs.urban_new  300"}).ok());
  CHECK(slurp(file) ==
        "2019-01-31  jobs.urban_new  100\n2019-02-28  jobs.urban_new  2\n"
        "2019-03-31  jobs.urban_new  300\n");
}

TEST_CASE("append: to an empty file adds no blank line") {
  TempDir tmp;
  fs::path file = tmp.path / "2019.rec";
  spit(file, "");
  REQUIRE(append_lines(file, {"x"}).ok());
  CHECK(slurp(file) == "x\n");
}

TEST_CASE("append: of no lines touches nothing") {
  TempDir tmp;
  fs::path file = tmp.path / "sub" / "2019.rec";
  REQUIRE(append_lines(file, {}).ok());
  CHECK_FALSE(fs::exists(tmp.path / "sub"));
}

TEST_CASE("append: refuses a line holding a line break") {
  TempDir tmp;
  fs::path file = tmp.path / "2019.rec";
  spit(file, "old\n");
  for (std::string bad : {"a\nb", "a\rb"}) {
    auto r = append_lines(file, {"fine", bad});
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
  auto r = append_lines(file, {"x"});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().where.file == file.string());
  CHECK(r.error().where.line == 0);
  CHECK(r.error().message == "cannot create folder " + (tmp.path / "records" / "2019").string() +
                                 ": Not a directory; nothing was written");
  CHECK(slurp(tmp.path / "records") == "not a folder\n");
  CHECK(std::distance(fs::directory_iterator(tmp.path), fs::directory_iterator()) == 1);
}

TEST_CASE("append: to a folder path names the system's reason") {
  TempDir tmp;
  fs::create_directory(tmp.path / "2019.rec");
  auto r = append_lines(tmp.path / "2019.rec", {"x"});
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
        if (!append_lines(file, {line}).ok()) _exit(1);
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

// A write the system cuts short (here: the file size limit, EFBIG) is undone:
// the file is byte for byte what it was. Runs in a child because the limit
// applies to the whole process.
TEST_CASE("a failed write leaves the file as it was") {
  TempDir tmp;
  fs::path file = tmp.path / "2019.rec";
  // No final newline: the undo must also take back the newline we add.
  const std::string before = "2019-01-31  jobs.urban_new  100\n2019-02-28  jobs.urban_new  2";
  spit(file, before);
  const std::string expected =
      file.string() + ": cannot append: File too large; nothing was written";
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    signal(SIGXFSZ, SIG_IGN);  // get EFBIG instead of being killed
    rlimit lim{static_cast<rlim_t>(before.size() + 10), RLIM_INFINITY};
    if (setrlimit(RLIMIT_FSIZE, &lim) != 0) _exit(3);
    auto r = append_lines(file, {std::string(100, 'y')});
    if (r.ok()) _exit(1);
    if (r.error().headline() != expected) {
      fprintf(stderr, "got: %s\n", r.error().headline().c_str());
      _exit(2);
    }
    _exit(0);
  }
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(slurp(file) == before);
}

TEST_CASE("a batch over several files is undone whole when one file fails") {
  TempDir tmp;
  fs::path a = tmp.path / "records" / "2018.rec";
  fs::path b = tmp.path / "records" / "2019.rec";
  fs::create_directories(a.parent_path());
  spit(a, "old 2018\n");
  spit(b, "old 2019\n");
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    signal(SIGXFSZ, SIG_IGN);
    // 2018.rec (written first: path order) fits; 2019.rec's lines do not.
    rlimit lim{40, RLIM_INFINITY};
    if (setrlimit(RLIMIT_FSIZE, &lim) != 0) _exit(3);
    auto r = append_batches({{b, {std::string(50, 'b')}}, {a, {"new 2018"}}});
    if (r.ok()) _exit(1);
    if (r.error().headline() != b.string() + ": cannot append: File too large; nothing was written")
      _exit(2);
    _exit(0);
  }
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(slurp(a) == "old 2018\n");
  CHECK(slurp(b) == "old 2019\n");
}

TEST_CASE("a batch writes each file and merges repeated paths") {
  TempDir tmp;
  fs::path a = tmp.path / "2018.rec";
  fs::path b = tmp.path / "sub" / "2019.rec";
  REQUIRE(append_batches({{b, {"b1"}}, {a, {"a1", "a2"}}, {b, {"b2"}}}).ok());
  CHECK(slurp(a) == "a1\na2\n");
  CHECK(slurp(b) == "b1\nb2\n");
}

TEST_CASE("a batch refuses two paths to one file instead of waiting on itself") {
  TempDir tmp;
  fs::path a = tmp.path / "2019.rec";
  fs::path link = tmp.path / "link.rec";
  spit(a, "old\n");
  fs::create_symlink(a, link);
  auto r = append_batches({{a, {"x"}}, {link, {"y"}}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().headline() ==
        link.string() + ": is the same file as " + a.string() + "; nothing was written");
  CHECK(slurp(a) == "old\n");
}
