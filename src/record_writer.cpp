#include "record_writer.h"

#include <map>
#include <memory>
#include <vector>

#include "record_journal.h"

namespace plan {

namespace fs = std::filesystem;

namespace {

// One file of a transaction, open and locked.
struct Target {
  fs::path file;
  std::string body;  // the new lines, each ending in '\n'
  std::unique_ptr<File> handle;
  FileInfo info;           // at open time: identity, to refuse two names of one file
  std::uint64_t size = 0;  // length before this call: what an undo restores
  bool written = false;    // bytes may have been added: undo must cut back
};

Message cannot_open() {
  return {"cannot open for appending: ", "无法以追加方式打开："};
}
Message cannot_append() {
  return {"cannot append: ", "无法追加："};
}

Message cannot_create(const fs::path& dir) {
  return {"cannot create folder " + dir.string() + ": ", "无法创建文件夹 " + dir.string() + "："};
}

Diagnostic error_for(const Target& t, Message message) {
  return make_io_error(Location{t.file.string()}, std::move(message));
}

// Creates the missing folders above a file, outermost first, syncing each
// new folder's parent so that its entry survives a crash. On failure
// *failed_dir names the folder at fault.
std::error_code make_parents(Env& env, const fs::path& parent, fs::path* failed_dir) {
  *failed_dir = parent;
  std::vector<fs::path> missing;  // outermost first
  for (fs::path p = parent; !p.empty(); p = p.parent_path()) {
    FileInfo info;
    if (auto ec = env.stat(p, &info)) return ec;
    if (info.type == FileType::directory) break;
    if (info.type != FileType::none) return std::make_error_code(std::errc::not_a_directory);
    missing.insert(missing.begin(), p);
    if (p == p.parent_path()) break;
  }
  for (const auto& dir : missing) {
    std::error_code ec = env.make_dir(dir);
    // Another writer may have made it meanwhile.
    if (ec && ec != std::errc::file_exists) return ec;
    if ((ec = env.sync_dir(dir.parent_path()))) {
      *failed_dir = dir.parent_path();
      return ec;
    }
  }
  return {};
}

// Makes the folders and the file, and takes the lock. Nothing is written.
// `locked` are the targets already locked: a second path to one of their
// files (a symlink) would block on our own lock for ever, so it is refused.
Outcome open_and_lock(Env& env, Target* t, const Target* locked, std::size_t n_locked) {
  fs::path failed_dir;
  if (auto ec = make_parents(env, t->file.parent_path(), &failed_dir))
    return error_for(*t, cannot_create(failed_dir) + system_reason(ec));
  if (auto ec = env.open_append(t->file, &t->handle))
    return error_for(*t, cannot_open() + system_reason(ec));
  if (auto ec = t->handle->stat(&t->info)) return error_for(*t, cannot_open() + system_reason(ec));
  for (std::size_t i = 0; i < n_locked; ++i) {
    if (locked[i].info.device == t->info.device && locked[i].info.inode == t->info.inode)
      return error_for(*t, {"is the same file as " + locked[i].file.string(),
                            "与 " + locked[i].file.string() + " 是同一个文件"});
  }
  if (auto ec = t->handle->lock())
    return error_for(*t, Message{"cannot lock: ", "无法锁定："} + system_reason(ec));
  return {};
}

// Appends t->body under the lock; t->size is its length, as journaled.
Outcome write_locked(Env& env, Target* t) {
  auto failed = [&](const std::error_code& ec, const Message& step) {
    return error_for(*t, cannot_append() + system_reason(ec) + step);
  };
  // An empty file may be one that was just created, by this call or by one
  // that has not written yet: its folder entry must be durable before any
  // data is, or a crash could lose the file with the lines we report written.
  if (t->size == 0) {
    if (auto ec = env.sync_dir(t->file.parent_path()))
      return failed(ec, {" (syncing its folder)", "（同步其所在文件夹时）"});
  }
  // A file cut mid-line (a crash, an editor that drops the final newline)
  // must not swallow the new entry into its last line: start a fresh line.
  std::string payload;
  if (t->size > 0) {
    char last = 0;
    std::size_t got = 0;
    auto ec = t->handle->read_at(t->size - 1, &last, 1, &got);
    if (!ec && got != 1) ec = std::make_error_code(std::errc::io_error);
    if (ec) return failed(ec, {" (reading its last byte)", "（读其最后一个字节时）"});
    if (last != '\n') payload = "\n";
  }
  payload += t->body;
  t->written = true;
  if (auto ec = write_all(*t->handle, payload)) return failed(ec, {"", ""});
  if (auto ec = t->handle->sync()) return failed(ec, {"", ""});
  return {};
}

// Cuts a written file back to its previous length.
std::error_code undo(Target& t) {
  if (!t.written) return {};
  if (auto ec = t.handle->truncate(t.size)) return ec;
  return t.handle->sync();
}

}  // namespace

Outcome append_lines(Env& env, const fs::path& records, const fs::path& file,
                     const std::vector<std::string>& lines) {
  return append_batches(env, records, {AppendBatch{file, lines}});
}

Outcome append_batches(Env& env, const fs::path& records, const std::vector<AppendBatch>& batches) {
  std::map<fs::path, Target> by_path;  // path order is lock order
  for (const auto& b : batches) {
    Target& t = by_path[b.file];
    t.file = b.file;
    for (const auto& line : b.lines) {
      // A line break inside an entry would make two lines of one: refuse it
      // rather than tear the record.
      if (line.find_first_of("\n\r") != std::string::npos)
        return make_error(Location{t.file.string()},
                          Message{"cannot append: an entry contains a line break",
                                  "无法追加：一条记录中有换行符"});
      t.body += line;
      t.body += '\n';
    }
  }
  std::vector<Target> targets;
  for (auto& [path, t] : by_path)
    if (!t.body.empty()) targets.push_back(std::move(t));
  if (targets.empty()) return {};

  // One writer at a time in these records, and none while a reader scans.
  const fs::path folder = journal_folder(env, records);
  std::unique_ptr<File> records_lock;
  Outcome outcome;
  {
    fs::path failed_dir;
    if (auto ec = make_parents(env, folder, &failed_dir))
      outcome =
          make_io_error(Location{folder.string()}, cannot_create(failed_dir) + system_reason(ec));
  }
  if (outcome) {
    auto locked = lock_records(env, folder);
    if (locked)
      records_lock = std::move(*locked);
    else
      outcome = locked.error();
  }
  // A writer that died mid-write left its journal: undo its write first.
  if (outcome) outcome = roll_back(env, folder);
  for (std::size_t opened = 0; opened < targets.size() && outcome; ++opened)
    outcome = open_and_lock(env, &targets[opened], targets.data(), opened);
  std::vector<JournalEntry> journal;
  for (std::size_t i = 0; i < targets.size() && outcome; ++i) {
    FileInfo info;
    if (auto ec = targets[i].handle->stat(&info))
      outcome = error_for(targets[i], cannot_append() + system_reason(ec));
    targets[i].size = info.size;
    journal.push_back({targets[i].file, info.size});
  }
  // From here on, whatever stops the process, the journal cuts every file
  // back to these lengths.
  bool journaled = false;
  if (outcome) {
    outcome = write_journal(env, folder, journal);
    journaled = outcome.ok();
  }
  for (std::size_t i = 0; i < targets.size() && outcome; ++i)
    outcome = write_locked(env, &targets[i]);
  // The commit point: once the journal is gone, every line is in.
  if (outcome) outcome = remove_journal(env, folder);
  if (!outcome) {
    // Undo while still holding every lock, so no other writer's line can
    // have landed behind ours and be cut with it.
    std::string undo_failed, undo_failed_zh;
    for (auto& t : targets) {
      if (!t.handle) continue;
      if (auto ec = undo(t)) {
        const Message why = system_reason(ec);
        undo_failed += (undo_failed.empty() ? "" : ", ") + t.file.string() + " (" + why.en + ")";
        undo_failed_zh +=
            (undo_failed_zh.empty() ? "" : "、") + t.file.string() + "（" + why.zh + "）";
      }
    }
    // Cut back, the files match the journal's lengths: it has done its work.
    // Not cut back, it stays, and the next command to open the records
    // finishes the job.
    if (journaled && undo_failed.empty()) (void)remove_journal(env, folder);
    const std::string journal_name = (folder / kJournalFileName).string();
    append(outcome.error(),
           undo_failed.empty()
               ? Message{"; nothing was written", "；未写入任何内容"}
               : Message{"; cutting back what was written also failed for " + undo_failed +
                             (journaled ? ": the next plan command cuts it back (see " +
                                              journal_name + ")"
                                        : ": check the last line"),
                         "；撤回已写入的内容也失败了：" + undo_failed_zh +
                             (journaled ? "；下一个 plan 命令会撤回它（见 " + journal_name + "）"
                                        : "；请检查最后一行")});
  }
  // Closing releases the locks, the records' lock last; a close that fails
  // after a good fsync loses nothing, so it is not an error.
  for (auto& t : targets)
    if (t.handle) (void)t.handle->close();
  if (records_lock) (void)records_lock->close();
  return outcome;
}

}  // namespace plan
