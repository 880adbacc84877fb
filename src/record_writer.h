// Appending to record files without ever losing or tearing a line (SPEC §7):
// an exclusive lock, one write of all new bytes with O_APPEND, fsync; a file
// whose last line lacks its newline gets one first, so the new entry starts
// on its own line; a failed write is undone by cutting the file back.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "diagnostic.h"

namespace plan {

// Appends `lines` (each without newline) to `file` as one locked write,
// creating parent folders and the file as needed. All lines land or none:
// on any failure the file is truncated to its previous length. Errors name
// the file and the system's reason.
Expected<bool> append_lines(const std::filesystem::path& file,
                            const std::vector<std::string>& lines);

}  // namespace plan
