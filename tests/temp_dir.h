// Scratch folders and whole-file helpers for the tests that work on the real
// file system (the writer, the journal, the replacer, project discovery).
#pragma once

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace plan::testing {

// A fresh folder under the system's temp folder ("plan-NAME-XXXXXX"),
// removed with everything in it.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name = "test") {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / ("plan-" + name + "-XXXXXX")).string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

// The whole contents of a file, as bytes.
inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Writes `text` as the whole file.
inline void spit(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

}  // namespace plan::testing
