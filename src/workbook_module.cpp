#include "workbook_module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <filesystem>
#include <optional>

#include "text.h"

namespace plan {
namespace {

constexpr const char* kModuleName = "plan-workbook.so";

const WorkbookModule* g_module = nullptr;

// Why the module could not be loaded, returned by both functions.
std::optional<Diagnostic>& load_error() {
  static std::optional<Diagnostic> error;
  return error;
}
Expected<std::string> cannot_render(const XlsxBook&) {
  return *load_error();
}
Expected<Sheet> cannot_read(const std::string&, const std::string&) {
  return *load_error();
}
const WorkbookModule kUnloadable{PLAN_VERSION, kWorkbookLayout, &cannot_render, &cannot_read};

// Where the module is: beside the executable (a build folder), else
// PLAN_MODULE_FROM_BIN from its folder (an install: /usr/bin/plan's is
// ../lib/x86_64-linux-gnu/plan/, CMakeLists.txt). The first that exists; the installed
// one, for the message, when neither does. Never the current folder: where
// /proc is not mounted, nothing (a module found there would run its code).
std::optional<std::string> module_path() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec || !exe.is_absolute()) return std::nullopt;
  const std::filesystem::path dir = exe.parent_path();
  const std::filesystem::path beside = dir / kModuleName;
  if (::access(beside.c_str(), F_OK) == 0) return beside.string();
  return (dir / PLAN_MODULE_FROM_BIN / kModuleName).lexically_normal().string();
}

const WorkbookModule& load() {
  const std::optional<std::string> path = module_path();
  auto fail = [&path](Message why) -> const WorkbookModule& {
    Diagnostic d = make_error(
        Location{path.value_or(kModuleName)},
        Message{"cannot load plan's workbook module, which reads and writes Excel "
                "workbooks: " +
                    why.en + "; reinstall plan",
                "无法加载 plan 读写 Excel 工作簿的模块：" + why.zh + "；请重新安装 plan"});
    d.kind = ErrorKind::io;
    load_error() = std::move(d);
    return kUnloadable;
  };
  if (!path)
    return fail({"the program's own path cannot be read from /proc/self/exe",
                 "无法从 /proc/self/exe 读出程序自身的路径"});
  void* handle = ::dlopen(path->c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    // The system's words: its text names the file again, said once in front.
    std::string_view why = ::dlerror();
    if (why.starts_with(*path + ": ")) why.remove_prefix(path->size() + 2);
    const std::string shown = sanitize(why);
    return fail({shown, shown});
  }
  using Entry = const WorkbookModule* (*)();
  auto entry = reinterpret_cast<Entry>(::dlsym(handle, "plan_workbook_module"));
  const WorkbookModule* m = entry ? entry() : nullptr;
  if (!m || !m->version || !m->render_xlsx || !m->read_workbook)
    return fail({"it is not plan's module", "它不是 plan 的模块"});
  // Another build's module would read the tables it is passed by another
  // layout.
  if (std::string_view(m->version) != PLAN_VERSION || m->layout != kWorkbookLayout)
    return fail({"it is of another version of plan", "它属于另一版本的 plan"});
  return *m;
}

}  // namespace

const WorkbookModule& workbook_module() {
  if (!g_module) g_module = &load();
  return *g_module;
}

void use_workbook_module(const WorkbookModule& m) {
  g_module = &m;
}

bool is_workbook_name(std::string_view path) {
  auto ends_with_ci = [path](std::string_view suffix) {
    return path.size() >= suffix.size() &&
           ascii_lower(path.substr(path.size() - suffix.size())) == suffix;
  };
  return ends_with_ci(".xlsx") || ends_with_ci(".xlsm") || ends_with_ci(".xls");
}

}  // namespace plan
