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
const WorkbookModule kUnloadable{PLAN_VERSION, &cannot_render, &cannot_read};

// Where the module is: beside the executable (a build folder), else
// ../PLAN_MODULE_DIR from it (an install: /usr/bin/plan's is
// /usr/lib/x86_64-linux-gnu/plan/). The first that exists; the installed
// one, for the message, when neither does.
std::string module_path() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::filesystem::path dir = ec ? std::filesystem::path(".") : exe.parent_path();
  const std::filesystem::path beside = dir / kModuleName;
  if (::access(beside.c_str(), F_OK) == 0) return beside.string();
  return (dir.parent_path() / PLAN_MODULE_DIR / kModuleName).string();
}

const WorkbookModule& load() {
  const std::string path = module_path();
  auto fail = [&path](std::string_view why) -> const WorkbookModule& {
    // dlerror's text names the file again: said once, at the front.
    if (why.starts_with(path + ": ")) why.remove_prefix(path.size() + 2);
    const std::string shown = sanitize(why);
    Diagnostic d = make_error(
        Location{path},
        Message{"cannot load plan's workbook module, which reads and writes Excel workbooks: " +
                    shown + "; reinstall plan",
                "无法加载 plan 读写 Excel 工作簿的模块：" + shown + "；请重新安装 plan"});
    d.kind = ErrorKind::io;
    load_error() = std::move(d);
    return kUnloadable;
  };
  void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return fail(::dlerror());
  using Entry = const WorkbookModule* (*)();
  auto entry = reinterpret_cast<Entry>(::dlsym(handle, "plan_workbook_module"));
  if (!entry) return fail("no plan_workbook_module in it");
  const WorkbookModule* m = entry();
  if (std::string_view(m->version) != PLAN_VERSION)
    return fail(std::string("it is of plan ") + m->version + ", the program of " PLAN_VERSION);
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
