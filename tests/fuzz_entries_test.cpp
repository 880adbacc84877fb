// Every input the fuzzers kept (fuzz/regressions/<target>/*) replayed
// through the same entry functions, without libFuzzer: an input that once
// crashed or broke an invariant must now pass, in every build.
#include "fuzz_entries.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace plan::fuzz {
namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_CASE("fuzz regressions: every kept input passes its target") {
  fs::path root = PLAN_SOURCE_DIR "/fuzz/regressions";
  REQUIRE(fs::is_directory(root));
  std::size_t replayed = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    std::string name = dir.path().filename().string();
    Target target = target_named(name);
    // A folder without a target is a misspelt name: its inputs would never run.
    REQUIRE_MESSAGE(static_cast<bool>(target), "no fuzz target named " << name);
    std::vector<fs::path> inputs;
    for (const auto& f : fs::directory_iterator(dir.path()))
      if (f.is_regular_file() && f.path().filename() != "README") inputs.push_back(f.path());
    std::sort(inputs.begin(), inputs.end());
    for (const fs::path& input : inputs) {
      INFO(input.string());
      CHECK_NOTHROW(target(slurp(input)));
      ++replayed;
    }
  }
  CHECK(replayed > 0);
}

TEST_CASE("fuzz targets: names resolve; a plain record line passes the records target") {
  // The replay test above trusts target_named: an unknown name must be
  // refused, and a line every reader takes must pass all its checks.
  CHECK(static_cast<bool>(target_named("records")));
  CHECK_FALSE(static_cast<bool>(target_named("nonesuch")));
  CHECK_NOTHROW(records(std::string("\x01") + "2019-06-30  jobs.urban_new  4210  by=人社局\n"));
}

}  // namespace
}  // namespace plan::fuzz
