// The entry point of plan-workbook.so (workbook_module.h): the table of its
// functions. Linked into the module, and into the tests and fuzz targets.
#include "workbook_module.h"
#include "workbook_reader.h"

extern "C" const plan::WorkbookModule* plan_workbook_module() {
  static const plan::WorkbookModule m{PLAN_VERSION, plan::kWorkbookLayout, &plan::render_xlsx,
                                      &plan::read_workbook};
  return &m;
}
