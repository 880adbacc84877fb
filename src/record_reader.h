// Streams every record file of a project through a callback: one pass, in a
// fixed order (files in byte-wise path order, lines in file order), memory
// independent of the number of records.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string_view>

#include "diagnostic.h"
#include "plan.h"
#include "record.h"

namespace plan {

struct ReadStats {
  std::size_t files = 0;
  std::size_t lines = 0;
  std::size_t entries = 0;
};

// Called for each valid entry; the Entry is reused between calls.
using EntryCallback = std::function<void(const Entry&)>;

// Every *.rec file below `dir` (any depth), sorted by byte-wise path. A
// missing `dir` means no records. Each line goes through parse_line();
// errors go to `diags` and reading goes on, so a check sees every error.
// Invalid UTF-8 and NUL bytes are errors at their column. A last line with no
// newline gives a warning ("last line has no newline"): it is still read.
ReadStats read_records(const std::filesystem::path& dir, const Plan& plan, Diagnostics& diags,
                       const EntryCallback& on_entry);

// The same for one file's contents held in memory (tests, stdin).
ReadStats read_record_text(std::string_view text, const std::string& file_name, const Plan& plan,
                           Diagnostics& diags, const EntryCallback& on_entry);

}  // namespace plan
