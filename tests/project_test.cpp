// Project discovery on real folders: a fresh temp dir per test, removed after.
#include "project.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <fstream>

#include "fault_env.h"
#include "temp_dir.h"

namespace fs = std::filesystem;

namespace plan {
namespace {

struct TempDir : testing::TempDir {
  TempDir() : testing::TempDir("project") {}
  // Creates the file (and its folders) with a line of text.
  void touch(const fs::path& rel) const {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel) << "# test\n";
  }
  void mkdir(const fs::path& rel) const { fs::create_directories(path / rel); }
};

// Whether some folder above `dir` would be found as a project root: then
// the "nothing found" cases cannot be observed on this machine.
bool ancestor_is_project(const fs::path& dir) {
  for (fs::path p = dir.parent_path();; p = p.parent_path()) {
    if (fs::is_directory(p / "plans") || fs::is_directory(p / "records")) return true;
    if (p == p.parent_path()) return false;
  }
}

}  // namespace

TEST_CASE("the project is found from a nested subfolder") {
  TempDir t;
  t.touch("proj/plans/only.toml");
  t.touch("proj/records/hrss/2019.rec");
  t.mkdir("proj/docs/a/b");
  auto p = locate_project(Env::posix(), t.path / "proj/docs/a/b", "", "");
  REQUIRE(p);
  // Paths relative to where the user stands: three folders up.
  CHECK(p->plan_file == fs::path("../../../plans/only.toml"));
  CHECK(p->records_dir == fs::path("../../../records"));
}

TEST_CASE("the project is found from inside records/") {
  TempDir t;
  t.touch("proj/plans/only.toml");
  t.touch("proj/records/hrss/2019.rec");
  auto p = locate_project(Env::posix(), t.path / "proj/records/hrss", "", "");
  REQUIRE(p);
  CHECK(p->plan_file == fs::path("../../plans/only.toml"));
  CHECK(p->records_dir == fs::path(".."));
}

TEST_CASE("at the project root the paths are short") {
  TempDir t;
  t.touch("proj/plans/only.toml");
  auto p = locate_project(Env::posix(), t.path / "proj", "", "");
  REQUIRE(p);
  CHECK(p->plan_file == fs::path("plans/only.toml"));
  // records/ does not exist yet: it is still where records go.
  CHECK(p->records_dir == fs::path("records"));
}

TEST_CASE("only .toml files in plans/ are plans") {
  TempDir t;
  t.touch("proj/plans/README.md");
  t.touch("proj/plans/wujiang.toml");
  t.touch("proj/plans/wujiang.toml.bak");
  auto p = locate_project(Env::posix(), t.path / "proj", "", "");
  REQUIRE(p);
  CHECK(p->plan_file == fs::path("plans/wujiang.toml"));
}

TEST_CASE("several plans: an error naming them, sorted") {
  TempDir t;
  t.touch("proj/plans/b.toml");
  t.touch("proj/plans/a.toml");
  t.touch("proj/plans/notes.txt");
  t.mkdir("proj/sub");
  auto p = locate_project(Env::posix(), t.path / "proj/sub", "", "");
  REQUIRE_FALSE(p);
  CHECK(p.error().message == "several plans (a.toml, b.toml); choose one with --plan FILE");
  CHECK(p.error().where.file == "../plans");
  CHECK(p.error().where.line == 0);
  CHECK(p.error().headline() ==
        "../plans: several plans (a.toml, b.toml); choose one with --plan FILE");
}

TEST_CASE("several plans are fine with --plan") {
  TempDir t;
  t.touch("proj/plans/b.toml");
  t.touch("proj/plans/a.toml");
  auto p = locate_project(Env::posix(), t.path / "proj", "plans/b.toml", "");
  REQUIRE(p);
  CHECK(p->plan_file == fs::path("plans/b.toml"));
  CHECK(p->records_dir == fs::path("records"));
}

TEST_CASE("an empty plans/ folder is an error") {
  TempDir t;
  t.mkdir("proj/plans");
  t.touch("proj/records/x.rec");
  auto p = locate_project(Env::posix(), t.path / "proj", "", "");
  REQUIRE_FALSE(p);
  CHECK(p.error().headline() == "plans: no .toml plan file; give one with --plan FILE");
  CHECK(p.error().kind == ErrorKind::not_found);
}

TEST_CASE("no plans/ anywhere: an error with no place") {
  TempDir t;
  t.mkdir("empty/deeper");
  if (ancestor_is_project(t.path)) {
    MESSAGE("skipped: a folder above " << t.path << " has plans/ or records/");
    return;
  }
  fs::path cwd = t.path / "empty/deeper";
  auto p = locate_project(Env::posix(), cwd, "", "");
  REQUIRE_FALSE(p);
  CHECK(p.error().headline() ==
        "no plans/ folder here or in any parent; give one with --plan FILE");
  CHECK(p.error().where.file.empty());
}

TEST_CASE("overrides are kept as typed") {
  TempDir t;
  t.touch("proj/plans/only.toml");
  t.mkdir("proj/sub");
  auto p = locate_project(Env::posix(), t.path / "proj/sub", "../other/./p.toml", "my recs/");
  REQUIRE(p);
  CHECK(p->plan_file.string() == "../other/./p.toml");
  CHECK(p->records_dir.string() == "my recs/");

  auto abs = locate_project(Env::posix(), t.path / "proj/sub", (t.path / "x.toml").string(),
                            (t.path / "r").string());
  REQUIRE(abs);
  CHECK(abs->plan_file == t.path / "x.toml");
  CHECK(abs->records_dir == t.path / "r");
}

TEST_CASE("--records alone: the plan is still discovered") {
  TempDir t;
  t.touch("proj/plans/only.toml");
  auto p = locate_project(Env::posix(), t.path / "proj", "", "/somewhere/records");
  REQUIRE(p);
  CHECK(p->plan_file == fs::path("plans/only.toml"));
  CHECK(p->records_dir.string() == "/somewhere/records");
}

TEST_CASE("--plan alone: records/ of the discovered project") {
  TempDir t;
  t.touch("proj/plans/only.toml");
  t.mkdir("proj/records");
  t.mkdir("proj/sub");
  auto p = locate_project(Env::posix(), t.path / "proj/sub", "../plans/only.toml", "");
  REQUIRE(p);
  CHECK(p->plan_file.string() == "../plans/only.toml");
  CHECK(p->records_dir == fs::path("../records"));
}

TEST_CASE("--plan alone outside any project: records/ beside the plan's plans/ folder") {
  TempDir t;
  t.touch("elsewhere/proj2/plans/p.toml");
  t.mkdir("work");
  if (ancestor_is_project(t.path)) {
    MESSAGE("skipped: a folder above " << t.path << " has plans/ or records/");
    return;
  }
  // Relative paths are relative to `cwd`, not to the process's own folder.
  auto p = locate_project(Env::posix(), t.path / "work", "../elsewhere/proj2/plans/p.toml", "");
  REQUIRE(p);
  CHECK(p->plan_file.string() == "../elsewhere/proj2/plans/p.toml");
  CHECK(p->records_dir == fs::path("../elsewhere/proj2/records"));

  auto a = locate_project(Env::posix(), t.path / "work",
                          (t.path / "elsewhere/proj2/plans/p.toml").string(), "");
  REQUIRE(a);
  CHECK(a->records_dir == fs::path("../elsewhere/proj2/records"));
}

TEST_CASE("a plans/ folder that cannot be listed is an error at the folder") {
  TempDir t;
  t.touch("proj/plans/only.toml");
  testing::FaultEnv env;
  env.list_fails = true;
  auto p = locate_project(env, t.path / "proj", "", "");
  REQUIRE_FALSE(p);
  CHECK(p.error().headline() == "plans: cannot list folder: Permission denied");
  CHECK(p.error().kind == ErrorKind::io);
}

TEST_CASE("the default record file is the by= reporter's own folder") {
  Plan plan;
  plan.units = {"人社局", "财政局"};
  plan.reporters = {{"人社局", "hrss", "", {}},
                    {"吴江开发区", "towns/kaifaqu", "各区镇", {}},
                    {"政府办", "", "", {}}};
  ProjectPaths paths{"plans/p.toml", "records"};
  CHECK(paths.default_record_file(plan, "人社局", 2019) == fs::path("records/hrss/2019.rec"));
  CHECK(paths.default_record_file(plan, "吴江开发区", 2020) ==
        fs::path("records/towns/kaifaqu/2020.rec"));
  // A reporter without a folder, a unit that is not a reporter, a group
  // name and no by= at all: the shared file of the year.
  CHECK(paths.default_record_file(plan, "政府办", 2018) == fs::path("records/2018.rec"));
  CHECK(paths.default_record_file(plan, "财政局", 2019) == fs::path("records/2019.rec"));
  CHECK(paths.default_record_file(plan, "各区镇", 2019) == fs::path("records/2019.rec"));
  CHECK(paths.default_record_file(plan, "", 2019) == fs::path("records/2019.rec"));
}

}  // namespace plan
