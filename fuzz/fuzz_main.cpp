// The libFuzzer entry point of one target: fuzz_entries.h names them, and
// CMake compiles this file once per target with PLAN_FUZZ_TARGET set to the
// function. A FuzzFailure (a broken invariant) escapes and aborts, which
// libFuzzer reports as a crash and saves the input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_entries.h"
#include "workbook_module.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // The workbook code is linked in: no module to load (workbook_module.h).
  plan::use_workbook_module(*plan_workbook_module());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  plan::fuzz::PLAN_FUZZ_TARGET(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
