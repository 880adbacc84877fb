// Streams every record file of a project through a callback: one pass, in a
// fixed order (files in byte-wise path order, lines in file order), memory
// independent of the number of records.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
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

// Lines longer than this many bytes (newline excluded) are errors and are
// skipped unread; it bounds the memory a reader holds for one line.
constexpr std::size_t kMaxLineBytes = 64 * 1024;

// Every *.rec file below `dir` (any depth), sorted by byte-wise path. A
// missing `dir` means no records; a `dir` that is a regular file is read as
// the only record file. Symbolic links to files are read; symbolic links to
// folders are not followed (a warning says so), which rules out loops.
// Each line goes through parse_line(); errors go to `diags` and reading goes
// on, so a check sees every error. Invalid UTF-8 and NUL bytes are errors at
// their column. A last line with no newline gives a warning ("last line has
// no newline (cut short?)"): it is still read. A UTF-8 byte order mark at the
// start of a file is skipped. A file or folder that cannot be read is an
// error naming it and the system's reason. Entry::where.file is the path as
// found: `dir` joined with the path below it, in generic (/) form.
ReadStats read_records(const std::filesystem::path& dir, const Plan& plan, Diagnostics& diags,
                       const EntryCallback& on_entry);

// The same for one file's contents held in memory (tests, stdin).
ReadStats read_record_text(std::string_view text, const std::string& file_name, const Plan& plan,
                           Diagnostics& diags, const EntryCallback& on_entry);

// One file's bytes fed in pieces of any size (a read() loop, a pipe): splits
// them into lines and reads each as read_records does. Holds at most one
// line of memory (kMaxLineBytes). finish() reads a last line that has no
// newline and returns the counts (files = 1).
class RecordStream {
 public:
  RecordStream(std::string file_name, const Plan& plan, Diagnostics& diags,
               const EntryCallback& on_entry);
  void feed(std::string_view bytes);
  ReadStats finish();

 private:
  void line(std::string_view text);
  void too_long();

  const Plan& plan_;
  Diagnostics& diags_;
  const EntryCallback& on_entry_;
  Location where_;         // file and current line number, reused for every line
  Entry entry_;            // reused for every line: its strings keep their memory
  std::string carry_;      // the start of a line whose newline has not come yet
  bool skipping_ = false;  // inside a line that was too long
  bool finished_ = false;
  ReadStats stats_;
};

}  // namespace plan
