// The records' lock file and rollback journal: what makes a write of new
// entries land whole or not at all, whatever stops the process (SPEC §7).
//
// A write (plan record, plan import) is an append to one or more record
// files. An append only adds bytes at the end, so undoing it needs only each
// file's length before it: a rollback journal, as SQLite's, that holds
// lengths rather than old pages. The protocol, all under an exclusive flock
// on RECORDS/.plan-lock:
//   1. a journal left by a writer that died is rolled back first;
//   2. the journal (each file about to be touched and its length) is written
//      to a temporary, fsynced and renamed to RECORDS/.plan-journal, and the
//      folder is fsynced: from here on the write can be undone;
//   3. the new lines are appended to each file, and each file is fsynced;
//   4. commit: the journal is removed and the folder fsynced.
// The removal in 4 is the one commit point: before it, a journal exists and
// whoever comes next (writer or reader) cuts every file back; after it, all
// new lines are on disk. A half-written journal is a temporary that never
// got its name, so it never counts.
//
// Readers hold a shared lock on the same file while they scan, so they never
// see a write in progress; a reader that finds a dead writer's journal rolls
// it back itself, or, when it cannot (a read-only share), reads each file
// only up to its length in the journal.
//
// Why not the alternatives: LevelDB's log appends records framed with
// checksums and skips a torn tail when reading, which would put binary
// framing into files people edit by hand; write-temp-then-rename (LevelDB's
// manifest, file_replace.h) copies the whole file on every append, O(file)
// per entry, and loses a line appended by hand in the meantime. A rollback
// journal keeps the files plain text and the cost of an append O(new bytes).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"
#include "env.h"

namespace plan {

// The names of the lock file and the journal in the records folder. A name
// starting ".plan-" is never a record file.
inline constexpr std::string_view kLockFileName = ".plan-lock";
inline constexpr std::string_view kJournalFileName = ".plan-journal";

// The folder that holds the lock file and the journal for a records path:
// the path itself, unless it names an existing file (a single record
// file), then the folder holding it.
std::filesystem::path journal_folder(Env& env, const std::filesystem::path& records);

// One file a write is about to touch, and its length before the write (0
// for a file that does not exist yet).
struct JournalEntry {
  std::filesystem::path file;
  std::uint64_t size = 0;
};

// The journal's text:
//   plan-journal 1
//   SIZE PATH        one line per file; PATH relative to the journal's
//   ...              folder when below it, else absolute
//   end COUNT
// A path holding a line break cannot be written (bad data).
Expected<std::string> format_journal(const std::filesystem::path& folder,
                                     const std::vector<JournalEntry>& entries);
// Reads a journal's text back; relative paths are joined to `folder`.
// Anything but the exact shape above (another version, a cut, a count that
// does not match) is an error at the line at fault, in `name`.
Expected<std::vector<JournalEntry>> parse_journal(std::string_view text,
                                                  const std::filesystem::path& folder,
                                                  const std::string& name);

// Writes the journal into `folder` so that it exists whole or not at all:
// a temporary ".plan-journal.XXXXXX", fsync, rename, fsync of the folder.
Outcome write_journal(Env& env, const std::filesystem::path& folder,
                      const std::vector<JournalEntry>& entries);

// The commit: removes the journal and fsyncs the folder.
Outcome remove_journal(Env& env, const std::filesystem::path& folder);

// When `folder` holds a journal: cuts every file it lists back to its
// length (a file that is shorter is left alone: something else changed
// it), fsyncs each, then removes the journal. *rolled_back says whether
// there was one. The caller holds the exclusive lock. Errors name the
// journal or the file at fault; the journal then stays, for a later try.
Outcome roll_back(Env& env, const std::filesystem::path& folder, bool* rolled_back = nullptr);

// An exclusive lock on the lock file of `folder` (which must exist), held
// until the object is destroyed: what every writer takes first.
Expected<std::unique_ptr<File>> lock_records(Env& env, const std::filesystem::path& folder);

// What a reader of the records holds while it scans them.
class ReadGuard {
 public:
  // Takes a shared lock on the lock file in journal_folder(records),
  // creating the file when it can. A folder that does not exist, or whose
  // lock file cannot be created or opened (a read-only share without one),
  // is read without a lock and without a word. A journal found under the
  // lock is rolled back (under the exclusive lock); when that is not
  // possible, each file it lists is capped at its old length, with one
  // warning at the journal. A garbled journal is an error at it.
  ReadGuard(Env& env, const std::filesystem::path& records, Diagnostics& diags);
  // How many bytes of the file with this identity may be read: all of it
  // unless a journal could not be rolled back.
  std::optional<std::uint64_t> cap(const FileInfo& file) const;

 private:
  std::unique_ptr<File> lock_;
  struct Cap {
    std::uint64_t device, inode, size;
  };
  std::vector<Cap> caps_;
};

}  // namespace plan
