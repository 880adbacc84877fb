#include "record_journal.h"

#include <charconv>

#include "file_replace.h"

namespace plan {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kHeader = "plan-journal 1";
Message cannot_read() {
  return {"cannot read: ", "无法读取："};
}
Message cannot_remove() {
  return {"cannot remove: ", "无法删除："};
}
constexpr std::string_view kHeaderWord = "plan-journal ";

fs::path in_folder(const fs::path& folder, std::string_view name) {
  return (folder.empty() ? fs::path(".") : folder) / name;
}

// An absolute, lexically normal path without a trailing separator.
fs::path normal(const fs::path& p) {
  fs::path n = fs::absolute(p).lexically_normal();
  if (n.has_parent_path() && n.filename().empty()) n = n.parent_path();
  return n;
}

bool parse_size(std::string_view s, std::uint64_t* out) {
  if (s.empty() || s.size() > 20) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc{} && end == s.data() + s.size();
}

}  // namespace

fs::path journal_folder(Env& env, const fs::path& records) {
  fs::path r = records.empty() ? fs::path(".") : records;
  FileInfo info;
  if (!env.stat(r, &info) && info.type != FileType::none && info.type != FileType::directory) {
    fs::path parent = r.parent_path();
    return parent.empty() ? fs::path(".") : parent;
  }
  return r;
}

Expected<std::string> format_journal(const fs::path& folder,
                                     const std::vector<JournalEntry>& entries) {
  fs::path base = normal(folder);
  std::string text(kHeader);
  text += '\n';
  for (const auto& e : entries) {
    fs::path file = normal(e.file);
    fs::path rel = file.lexically_relative(base);
    std::string name = (rel.empty() || *rel.begin() == "..") ? file.string() : rel.string();
    if (name.find_first_of("\n\r") != std::string::npos)
      return make_error(Location{e.file.string()},
                        Message{"cannot append: the file's path holds a line break",
                                "无法追加：文件路径中有换行符"});
    text += std::to_string(e.size) + ' ' + name + '\n';
  }
  text += "end " + std::to_string(entries.size()) + '\n';
  return text;
}

Expected<std::vector<JournalEntry>> parse_journal(std::string_view text, const fs::path& folder,
                                                  const std::string& name) {
  std::vector<JournalEntry> entries;
  int line_no = 0;
  auto garbled = [&](const std::string& what, const std::string& what_zh) {
    return make_error(Location{name, line_no},
                      Message{"garbled journal of an interrupted write (" + what +
                                  "); check the last lines of the record files, then remove it",
                              "中断的写入留下的日志已损坏（" + what_zh +
                                  "）；请检查各记录文件的最后几行，再删除它"});
  };
  bool ended = false;
  while (!text.empty()) {
    ++line_no;
    std::size_t nl = text.find('\n');
    if (nl == std::string_view::npos) return garbled("cut short", "被截断");
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl + 1);
    if (ended) return garbled("text after the end line", "结束行之后还有文字");
    if (line_no == 1) {
      if (line == kHeader) continue;
      if (line.starts_with(kHeaderWord))
        return make_error(
            Location{name, line_no},
            Message{"journal version " + std::string(line.substr(kHeaderWord.size())) +
                        " is not one this plan reads; a newer plan wrote it",
                    "日志版本 " + std::string(line.substr(kHeaderWord.size())) +
                        " 不是本版 plan 能读的；它由更新的 plan 写成"});
      return garbled("no \"plan-journal 1\" header", "没有“plan-journal 1”开头");
    }
    std::size_t space = line.find(' ');
    if (space == std::string_view::npos) return garbled("no space", "缺少空格");
    std::string_view head = line.substr(0, space), rest = line.substr(space + 1);
    std::uint64_t n = 0;
    if (head == "end") {
      if (!parse_size(rest, &n) || n != entries.size())
        return garbled("the end line does not count the files", "结束行的文件数不符");
      ended = true;
      continue;
    }
    if (!parse_size(head, &n)) return garbled("no length", "缺少长度");
    if (rest.empty()) return garbled("no file name", "缺少文件名");
    fs::path file(rest);
    entries.push_back(
        {file.is_absolute() ? file : (folder.empty() ? fs::path(".") : folder) / file, n});
  }
  if (line_no == 0) return garbled("empty", "为空");
  if (!ended) return garbled("no end line", "没有结束行");
  for (auto& e : entries) e.file = e.file.lexically_normal();
  return entries;
}

Outcome write_journal(Env& env, const fs::path& folder, const std::vector<JournalEntry>& entries) {
  auto text = format_journal(folder, entries);
  if (!text) return text.error();
  fs::path journal = in_folder(folder, kJournalFileName);
  if (Outcome written = replace_file(env, journal, *text); !written) return written;
  // The journal's name must be on disk before any record byte is.
  if (auto ec = env.sync_dir(folder.empty() ? fs::path(".") : folder))
    return make_io_error(Location{journal.string()},
                         Message{"cannot write: ", "无法写入："} + system_reason(ec));
  return {};
}

Outcome remove_journal(Env& env, const fs::path& folder) {
  fs::path journal = in_folder(folder, kJournalFileName);
  if (auto ec = env.remove(journal))
    return make_io_error(Location{journal.string()}, cannot_remove() + system_reason(ec));
  if (auto ec = env.sync_dir(folder.empty() ? fs::path(".") : folder))
    return make_io_error(Location{journal.string()}, cannot_remove() + system_reason(ec));
  return {};
}

Outcome roll_back(Env& env, const fs::path& folder, bool* rolled_back) {
  if (rolled_back) *rolled_back = false;
  fs::path journal = in_folder(folder, kJournalFileName);
  FileInfo info;
  if (auto ec = env.stat(journal, &info))
    return make_io_error(Location{journal.string()}, cannot_read() + system_reason(ec));
  if (info.type == FileType::none) return {};
  std::string text;
  if (auto ec = env.read_file(journal, &text))
    return make_io_error(Location{journal.string()}, cannot_read() + system_reason(ec));
  auto entries = parse_journal(text, folder, journal.string());
  if (!entries) return entries.error();
  for (const auto& e : *entries) {
    auto failed = [&](const std::error_code& ec) {
      return make_io_error(
          Location{e.file.string()},
          Message{"cannot roll back an interrupted write: ", "无法撤回中断的写入："} +
              system_reason(ec));
    };
    FileInfo fi;
    if (auto ec = env.stat(e.file, &fi)) return failed(ec);
    // Not there (it was never created) or shorter (changed by something
    // else since): nothing of the write to cut.
    if (fi.type != FileType::regular || fi.size < e.size) continue;
    std::unique_ptr<File> f;
    if (auto ec = env.open_append(e.file, &f)) return failed(ec);
    if (auto ec = f->lock()) return failed(ec);
    // An equal length is synced all the same: a rollback that died between
    // its truncate and its fsync may have left the cut in memory only.
    if (fi.size > e.size)
      if (auto ec = f->truncate(e.size)) return failed(ec);
    if (auto ec = f->sync()) return failed(ec);
    (void)f->close();
  }
  if (Outcome removed = remove_journal(env, folder); !removed) return removed;
  if (rolled_back) *rolled_back = true;
  return {};
}

Expected<std::unique_ptr<File>> lock_records(Env& env, const fs::path& folder) {
  fs::path lock = in_folder(folder, kLockFileName);
  std::unique_ptr<File> f;
  if (auto ec = env.open_append(lock, &f))
    return make_io_error(
        Location{lock.string()},
        Message{"cannot open the records' lock: ", "无法打开记录的锁文件："} + system_reason(ec));
  if (auto ec = f->lock())
    return make_io_error(
        Location{lock.string()},
        Message{"cannot lock the records: ", "无法锁定记录："} + system_reason(ec));
  return f;
}

ReadGuard::ReadGuard(Env& env, const fs::path& records, Diagnostics& diags) {
  fs::path folder = journal_folder(env, records);
  FileInfo info;
  if (env.stat(folder, &info) || info.type != FileType::directory) return;
  fs::path lock = in_folder(folder, kLockFileName);
  std::unique_ptr<File> f;
  bool writable = true;
  Message why{"cannot open the lock file for writing", "无法以写方式打开锁文件"};
  if (auto ec = env.open_append(lock, &f)) {
    writable = false;
    why = why + Message{": ", "："} + system_reason(ec);
    // No lock file and none can be made: no writer can have been here.
    if (env.open_read(lock, &f)) f.reset();
  }
  if (f && !f->lock_shared()) lock_ = std::move(f);

  fs::path journal = in_folder(folder, kJournalFileName);
  if (env.stat(journal, &info) || info.type == FileType::none) return;
  // A writer died mid-write. Roll its write back as a writer would, under
  // the exclusive lock; another process may have done it meanwhile.
  if (writable && lock_ && !lock_->lock()) {
    Outcome done = roll_back(env, folder);
    (void)lock_->lock_shared();
    if (done) return;
    if (done.error().kind != ErrorKind::io) {
      diags.add(done.error());
      return;
    }
    why = {done.error().headline(), done.error().headline(true)};
  }
  // Cannot roll back here: read what was there before the write.
  if (env.stat(journal, &info) || info.type == FileType::none) return;
  std::string text;
  if (auto ec = env.read_file(journal, &text)) {
    diags.error({journal.string()}, cannot_read() + system_reason(ec));
    return;
  }
  auto entries = parse_journal(text, folder, journal.string());
  if (!entries) {
    diags.add(entries.error());
    return;
  }
  for (const auto& e : *entries) {
    FileInfo fi;
    if (!env.stat(e.file, &fi) && fi.type == FileType::regular)
      caps_.push_back({fi.device, fi.inode, e.size});
  }
  diags.warning(
      {journal.string()},
      Message{"an interrupted write is not rolled back here (" + why.en +
                  "): the files it lists are read up to their length before it",
              "中断的写入在此未撤回（" + why.zh + "）：它列出的文件只读到写入之前的长度"});
}

std::optional<std::uint64_t> ReadGuard::cap(const FileInfo& file) const {
  for (const auto& c : caps_)
    if (c.device == file.device && c.inode == file.inode) return c.size;
  return std::nullopt;
}

}  // namespace plan
