// Appending to record files without ever losing or tearing a line (SPEC §7):
// the records' exclusive lock and a rollback journal (record_journal.h) make
// a write of any number of files land whole or not at all, whatever stops
// the process; each file is also locked, then gets one write of all its new
// bytes with O_APPEND and an fsync; a file whose last line lacks its newline
// gets one first, so the new entry starts on its own line; a failed write is
// undone at once by cutting the files back.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "env.h"

namespace plan {

// Appends `lines` (each without newline) to `file` as one locked write,
// creating parent folders and the file as needed. `records` is the records
// path (ProjectPaths::records_dir, a folder or one file): its folder holds
// the lock and the journal. All lines land or none: on any failure the file
// is truncated to its previous length, and if the process dies the journal
// has the next plan command do it. Errors name
// the file and the system's reason (ErrorKind::io). A line holding '\n' or
// '\r' is refused (it would tear one entry into two lines; bad data). No
// lines: nothing is touched. Every file access goes through `env`.
Outcome append_lines(Env& env, const std::filesystem::path& records,
                     const std::filesystem::path& file, const std::vector<std::string>& lines);

// Lines bound for one file.
struct AppendBatch {
  std::filesystem::path file;
  std::vector<std::string> lines;
};

// append_lines for several files as one transaction (an import spread over
// year files): under the records' lock, a dead writer's journal is rolled
// back, every file is opened and locked, in path order (so two such calls
// cannot deadlock), their lengths are journaled, then each is written and
// synced, and removing the journal commits. If any step fails, every file
// already written is cut back to its previous length before the locks are
// released. Batches naming the same path are merged. All or nothing holds
// against errors (a full disk, a quota, EFBIG) and against the process or
// the machine stopping at any point (SIGKILL, a crash, power loss).
Outcome append_batches(Env& env, const std::filesystem::path& records,
                       const std::vector<AppendBatch>& batches);

}  // namespace plan
