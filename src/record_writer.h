// Appending to record files without ever losing or tearing a line (SPEC §7):
// an exclusive lock, one write of all new bytes with O_APPEND, fsync; a file
// whose last line lacks its newline gets one first, so the new entry starts
// on its own line; a failed write is undone by cutting the file back.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "env.h"

namespace plan {

// Appends `lines` (each without newline) to `file` as one locked write,
// creating parent folders and the file as needed. All lines land or none:
// on any failure the file is truncated to its previous length. Errors name
// the file and the system's reason (ErrorKind::io). A line holding '\n' or
// '\r' is refused (it would tear one entry into two lines; bad data). No
// lines: nothing is touched. Every file access goes through `env`.
Outcome append_lines(Env& env, const std::filesystem::path& file,
                     const std::vector<std::string>& lines);

// Lines bound for one file.
struct AppendBatch {
  std::filesystem::path file;
  std::vector<std::string> lines;
};

// append_lines for several files as one transaction (an import spread over
// year files): every file is opened and locked first, in path order (so two
// such calls cannot deadlock), then written and synced one by one; if any
// step fails, every file already written is cut back to its previous length
// before the locks are released. Batches naming the same path are merged.
// All or nothing holds against errors (a full disk, a quota); a machine
// crash between two files' writes can still leave the earlier file appended.
Outcome append_batches(Env& env, const std::vector<AppendBatch>& batches);

}  // namespace plan
