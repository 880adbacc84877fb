// Workbooks in and out live in a module of their own, plan-workbook.so: the
// libraries they need (libxlsxwriter, libzip, expat, freexl and, through the
// first two, libcrypto) take about 5 ms to load, more than plan status
// spends on its plan, and most runs read and write no workbook. The module
// is loaded the first time a workbook is read or written, from beside the
// plan executable (a build folder) or from ../lib/x86_64-linux-gnu/plan/
// (an install: the .deb's /usr/lib/x86_64-linux-gnu/plan/plan-workbook.so;
// lib/plan/ where CMake knows no multiarch folder). It holds render_xlsx.cpp,
// workbook_reader.cpp and workbook_entry.cpp, and takes what else it needs
// from the executable, which exports it (the tests that write and read a
// workbook with the executable find a symbol it lacks: dlopen names it).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "diagnostic.h"
#include "import.h"
#include "render_xlsx.h"

namespace plan {

// The sizes of what passes between the executable and the module: with
// PLAN_VERSION, what tells a module of another build that would read them
// otherwise.
inline constexpr std::size_t kWorkbookLayout =
    sizeof(XlsxBook) ^ (sizeof(XlsxSheet) << 10) ^ (sizeof(Table) << 20) ^ (sizeof(Sheet) << 30) ^
    (sizeof(SheetRow) << 40) ^ (sizeof(Diagnostic) << 50);

struct WorkbookModule {
  const char* version;  // PLAN_VERSION of the build: a module of another is refused
  std::size_t layout;   // kWorkbookLayout of the build, likewise
  Expected<std::string> (*render_xlsx)(const XlsxBook& book);  // render_xlsx.h
  Expected<Sheet> (*read_workbook)(const std::string& path,
                                   const std::string& sheet_name);  // workbook_reader.h
};

// The module's functions, loaded on the first call. When it cannot be loaded
// (not installed, a library of its own missing, another version) each
// returns that as its error, at the module's file: what needs no workbook
// goes on working.
const WorkbookModule& workbook_module();

// Use `m` from now on instead of loading the module: for the tests and fuzz
// targets, which link the workbook code in (plan_workbook_module()).
void use_workbook_module(const WorkbookModule& m);

// True for names ending in .xlsx, .xlsm or .xls (any case): what plan import
// reads as a workbook.
bool is_workbook_name(std::string_view path);

}  // namespace plan

// The module's one entry point (workbook_entry.cpp), found by dlsym.
extern "C" const plan::WorkbookModule* plan_workbook_module();
