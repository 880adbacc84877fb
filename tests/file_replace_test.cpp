#include "file_replace.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace plan;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "plan-replace-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("replace_file writes a new file and replaces an old one, leaving no temporary") {
  TempDir dir;
  fs::path file = dir.path / "weekly.html";
  REQUIRE(replace_file(file, "first\n"));
  CHECK(slurp(file) == "first\n");
  ::chmod(file.c_str(), 0640);
  REQUIRE(replace_file(file, "second, longer\n"));
  CHECK(slurp(file) == "second, longer\n");
  CHECK(entries(dir.path) == 1);
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);  // the old file's permissions are kept
}

TEST_CASE("a new file gets 0666 less the umask") {
  TempDir dir;
  mode_t old = ::umask(022);
  auto written = replace_file(dir.path / "r.txt", "x");
  ::umask(old);
  REQUIRE(written);
  struct stat st {};
  REQUIRE(::stat((dir.path / "r.txt").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0644);
}

TEST_CASE("a missing folder is an error naming the file, and nothing is left behind") {
  TempDir dir;
  fs::path file = dir.path / "no-such-dir" / "r.html";
  auto written = replace_file(file, "x");
  REQUIRE_FALSE(written);
  CHECK(written.error().headline() ==
        file.generic_string() + ": cannot write: No such file or directory");
  CHECK(entries(dir.path) == 0);
}

TEST_CASE("a folder in the way is an error, and the temporary is removed") {
  TempDir dir;
  fs::create_directory(dir.path / "r.html");
  auto written = replace_file(dir.path / "r.html", "x");
  REQUIRE_FALSE(written);
  CHECK(written.error().headline() ==
        (dir.path / "r.html").generic_string() + ": cannot write: Is a directory");
  CHECK(entries(dir.path) == 1);  // only the folder
}
