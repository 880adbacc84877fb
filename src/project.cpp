#include "project.h"

#include <algorithm>
#include <vector>

namespace plan {

namespace fs = std::filesystem;

fs::path ProjectPaths::default_record_file(const Plan& plan, std::string_view by, int year) const {
  std::string name = std::to_string(year) + ".rec";
  const Reporter* r = by.empty() ? nullptr : plan.find_reporter(by);
  if (r && !r->folder.empty()) return records_dir / r->folder / name;
  return records_dir / name;
}

std::optional<Diagnostic> ProjectPaths::check_record_file(const fs::path& file) const {
  std::error_code ec;
  const fs::path f = fs::weakly_canonical(fs::absolute(file, ec), ec);
  const fs::path dir = fs::weakly_canonical(fs::absolute(records_dir, ec), ec);
  Message why;
  // A FIFO would block the writer (or take the figures away unread) and a
  // device is not a record file: the reader refuses both.
  const fs::file_status st = fs::status(file, ec);
  if (fs::exists(st) && !fs::is_regular_file(st)) {
    why = {"not a regular file", "不是普通文件"};
  } else if (f == dir) {
    return std::nullopt;  // --records names this one file
  } else if (file.extension() != ".rec") {
    why = {"not named *.rec", "文件名不是 *.rec"};
  } else {
    auto [d, inside] = std::mismatch(dir.begin(), dir.end(), f.begin(), f.end());
    if (d != dir.end())
      why = {"not inside " + records_dir.generic_string() + "/",
             "不在 " + records_dir.generic_string() + "/ 之内"};
  }
  if (why.en.empty()) return std::nullopt;
  return make_usage_error(
      Message{"--file " + file.generic_string() + ": ", "--file " + file.generic_string() + "："} +
      why +
      Message{", so it would never be read as a record file", "，因此不会被当作记录文件读取"});
}

Expected<ProjectPaths> locate_project(Env& env, const fs::path& cwd,
                                      const std::string& plan_override,
                                      const std::string& records_override) {
  std::error_code ec;
  const fs::path here = fs::absolute(cwd, ec);
  // Paths appear in every message; relative to where the user stands they
  // stay short ("records/2019.rec:12:5"). Only paths found here are
  // shortened: relative ones are relative to `cwd` already, and fs::proximate
  // would resolve them against the process's folder instead.
  auto shown = [&](const fs::path& p) {
    if (!p.is_absolute()) return p;
    std::error_code e;
    fs::path r = fs::proximate(p, here, e);
    return e ? p : r;
  };
  ProjectPaths out;
  auto is_dir = [&](const fs::path& p) {
    FileInfo info;
    return !env.stat(p, &info) && info.type == FileType::directory;
  };
  fs::path root;
  if (plan_override.empty() || records_override.empty()) {
    for (fs::path dir = here;; dir = dir.parent_path()) {
      if (is_dir(dir / "plans") || is_dir(dir / "records")) {
        root = dir;
        break;
      }
      if (dir == dir.parent_path()) break;
    }
  }
  if (!plan_override.empty()) {
    out.plan_file = plan_override;  // as typed
  } else {
    // A problem with no place: printed as the message alone.
    if (root.empty())
      return make_not_found(
          {}, Message{"no plans/ folder here or in any parent; give one with --plan FILE",
                      "此处及上级文件夹中都没有 plans/ 文件夹；请用 --plan FILE 指定计划文件"});
    const fs::path plans = root / "plans";
    std::vector<DirEntry> entries;
    if (auto err = env.list_dir(plans, &entries))
      return make_io_error(
          {shown(plans).string()},
          Message{"cannot list folder: ", "无法列出文件夹："} + system_reason(err));
    std::vector<std::string> tomls;  // sorted: list_dir sorts by name
    for (const auto& e : entries)
      if (fs::path(e.name).extension() == ".toml") tomls.push_back(e.name);
    if (tomls.empty())
      return make_not_found({shown(plans).string()},
                            Message{"no .toml plan file; give one with --plan FILE",
                                    "没有 .toml 计划文件；请用 --plan FILE 指定"});
    if (tomls.size() > 1) {
      std::string names, names_zh;
      for (const auto& t : tomls) {
        names += (names.empty() ? "" : ", ") + t;
        names_zh += (names_zh.empty() ? "" : "、") + t;
      }
      return make_error({shown(plans).string()},
                        Message{"several plans (" + names + "); choose one with --plan FILE",
                                "有多个计划（" + names_zh + "）；请用 --plan FILE 选一个"});
    }
    out.plan_file = shown(plans / tomls.front());
  }
  if (!records_override.empty()) {
    out.records_dir = records_override;  // as typed
  } else if (!root.empty()) {
    out.records_dir = shown(root / "records");
  } else {
    out.records_dir = shown(out.plan_file.parent_path().parent_path() / "records");
  }
  return out;
}

}  // namespace plan
