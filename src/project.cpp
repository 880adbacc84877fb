#include "project.h"

#include <algorithm>
#include <vector>

namespace plan {

namespace fs = std::filesystem;

Expected<ProjectPaths> locate_project(const fs::path& cwd, const std::string& plan_override,
                                      const std::string& records_override) {
  ProjectPaths out;
  fs::path root;
  if (plan_override.empty() || records_override.empty()) {
    std::error_code ec;
    for (fs::path dir = fs::absolute(cwd, ec);; dir = dir.parent_path()) {
      if (fs::is_directory(dir / "plans", ec) || fs::is_directory(dir / "records", ec)) {
        root = dir;
        break;
      }
      if (dir == dir.parent_path()) break;
    }
  }
  // Messages name folders relative to where the user stands.
  auto shown = [&](const fs::path& p) {
    std::error_code ec;
    fs::path rel = fs::proximate(p, cwd, ec);
    return (ec ? p : rel).string();
  };
  if (!plan_override.empty()) {
    out.plan_file = plan_override;
  } else {
    if (root.empty())
      return make_error({}, "no plans/ folder here or in any parent; give one with --plan FILE");
    std::vector<fs::path> tomls;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(root / "plans", ec))
      if (e.path().extension() == ".toml") tomls.push_back(e.path());
    std::sort(tomls.begin(), tomls.end());
    if (tomls.empty())
      return make_error({(root / "plans").string()},
                        "no .toml plan file; give one with --plan FILE");
    if (tomls.size() > 1) {
      std::string names;
      for (const auto& t : tomls) names += (names.empty() ? "" : ", ") + t.filename().string();
      return make_error({shown(root / "plans")},
                        "several plans (" + names + "); choose one with --plan FILE");
    }
    out.plan_file = tomls.front();
  }
  if (!records_override.empty()) {
    out.records_dir = records_override;
  } else if (!root.empty()) {
    out.records_dir = root / "records";
  } else {
    out.records_dir = out.plan_file.parent_path().parent_path() / "records";
  }
  // Paths appear in every message; relative to where the user stands they
  // stay short ("records/2019.rec:12:5").
  // Paths given by the user stay as typed.
  std::error_code ec;
  if (plan_override.empty())
    if (auto p = fs::proximate(out.plan_file, cwd, ec); !ec) out.plan_file = p;
  if (records_override.empty())
    if (auto p = fs::proximate(out.records_dir, cwd, ec); !ec) out.records_dir = p;
  return out;
}

}  // namespace plan
