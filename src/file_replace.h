// Replacing a whole file so that a reader never sees half of it: the new
// contents go to a temporary file in the same folder, are flushed to disk,
// and the temporary is renamed over the target (rename(2) is atomic within a
// file system). The temporary has no name while it is written (O_TMPFILE),
// so a run killed mid-way (a cron job's timeout) leaves nothing behind; it
// is linked in under a hidden name only for the rename. Used for reports
// written with --output, which a web server or a mailer may pick up at any
// moment, and for the records' journal (record_journal.h).
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

#include "diagnostic.h"
#include "env.h"

namespace plan {

// Writes `contents` to `file`, replacing it atomically. The temporary is
// unnamed (Env::create_unnamed) and then a hidden sibling (".NAME.XXXXXX"),
// so a glob such as *.html never matches it; where the file system has no
// O_TMPFILE it is that sibling from the start (Env::create_temp). It is
// removed on any failure; a file that did not exist gets its name directly. An existing file keeps
// its permission bits; a new one gets 0666 less the umask, as a plain open() would give. The folder
// must exist. Errors name the file and the system's reason: "FILE: cannot write: REASON"
// (ErrorKind::io); the old file is then left as it was. Every file access goes through `env`.
Outcome replace_file(Env& env, const std::filesystem::path& file, std::string_view contents);

// The same for contents made a piece at a time, so that they are never all
// held (plan log --output of a long ledger): `produce` hands each piece to
// the writer it is given, which answers false once a write has failed (then
// nothing more need be made). The file is replaced only if every write
// succeeded.
using PieceWriter = std::function<bool(std::string_view piece)>;
Outcome replace_file(Env& env, const std::filesystem::path& file,
                     const std::function<void(const PieceWriter& write)>& produce);

}  // namespace plan
