#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "workbook_module.h"

int main(int argc, char** argv) {
  // The workbook code is linked in: no module to load (workbook_module.h).
  plan::use_workbook_module(*plan_workbook_module());
  return doctest::Context(argc, argv).run();
}
