#include "record_writer.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <optional>
#include <system_error>
#include <vector>

namespace plan {

namespace fs = std::filesystem;

namespace {

std::string reason(int err) {
  return std::strerror(err);
}

// Makes a directory entry durable: without this a crash right after creating
// a file (or folder) may lose the entry even though the file's data was
// synced.
int sync_dir(const fs::path& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return errno;
  int err = ::fsync(fd) == 0 ? 0 : errno;
  ::close(fd);
  return err;
}

// Creates the missing folders above `file`, syncing each new entry's parent.
int make_parents(const fs::path& parent, std::string* failed_dir) {
  if (parent.empty()) return 0;
  std::error_code ec;
  // The missing folders, outermost first, so that each one's parent is synced
  // after its entry appears.
  std::vector<fs::path> missing;
  for (fs::path p = parent; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    missing.insert(missing.begin(), p);
    if (p == p.parent_path()) break;
  }
  fs::create_directories(parent, ec);
  if (ec) {
    *failed_dir = parent.string();
    return ec.value();
  }
  for (const auto& dir : missing) {
    if (int err = sync_dir(dir.parent_path())) {
      *failed_dir = dir.parent_path().string();
      return err;
    }
  }
  return 0;
}

// O_RDWR rather than O_WRONLY: the last byte is read back to see whether
// the file ends in a newline.
int open_for_append(const fs::path& file) {
  int fd;
  do {
    fd = ::open(file.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  } while (fd < 0 && errno == EINTR);
  return fd;
}

int lock_exclusive(int fd) {
  while (::flock(fd, LOCK_EX) != 0)
    if (errno != EINTR) return errno;
  return 0;
}

// Writes all of `data`; 0 or the errno of the failure (after a partial write).
int write_all(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return EIO;  // no progress and no reason: do not spin
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

// One file of a transaction, open and locked.
struct Target {
  fs::path file;
  std::string body;  // the new lines, each ending in '\n'
  int fd = -1;
  off_t size = 0;        // length before this call: what an undo restores
  bool written = false;  // bytes may have been added: undo must cut back
};

Diagnostic error_for(const Target& t, std::string message) {
  return make_error(Location{t.file.string()}, std::move(message));
}

// Makes the folders and the file, and takes the lock. Nothing is written.
// `locked` are the targets already locked: a second path to one of their
// files (a symlink) would block on our own lock for ever, so it is refused.
std::optional<Diagnostic> open_and_lock(Target* t, const Target* locked, std::size_t n_locked) {
  std::string failed_dir;
  if (int err = make_parents(t->file.parent_path(), &failed_dir))
    return error_for(*t, "cannot create folder " + failed_dir + ": " + reason(err));
  t->fd = open_for_append(t->file);
  if (t->fd < 0) return error_for(*t, "cannot open for appending: " + reason(errno));
  struct stat st {};
  if (::fstat(t->fd, &st) != 0) return error_for(*t, "cannot open for appending: " + reason(errno));
  for (std::size_t i = 0; i < n_locked; ++i) {
    struct stat other {};
    if (::fstat(locked[i].fd, &other) == 0 && other.st_dev == st.st_dev &&
        other.st_ino == st.st_ino)
      return error_for(*t, "is the same file as " + locked[i].file.string());
  }
  if (int err = lock_exclusive(t->fd)) return error_for(*t, "cannot lock: " + reason(err));
  return std::nullopt;
}

// Appends t->body under the lock; 0 or the errno of the failure.
int write_locked(Target* t, std::string* step) {
  struct stat st {};
  if (::fstat(t->fd, &st) != 0) return errno;
  t->size = st.st_size;
  // An empty file may be one that was just created, by this call or by one
  // that has not written yet: its folder entry must be durable before any
  // data is, or a crash could lose the file with the lines we report written.
  if (t->size == 0) {
    if (int err = sync_dir(t->file.parent_path())) {
      *step = " (syncing its folder)";
      return err;
    }
  }
  // A file cut mid-line (a crash, an editor that drops the final newline)
  // must not swallow the new entry into its last line: start a fresh line.
  std::string payload;
  if (t->size > 0) {
    char last = 0;
    ssize_t n;
    do {
      n = ::pread(t->fd, &last, 1, t->size - 1);
    } while (n < 0 && errno == EINTR);
    if (n != 1) {
      *step = " (reading its last byte)";
      return n < 0 ? errno : EIO;
    }
    if (last != '\n') payload = "\n";
  }
  payload += t->body;
  t->written = true;
  if (int err = write_all(t->fd, payload)) return err;
  if (::fsync(t->fd) != 0) return errno;
  return 0;
}

// Cuts a written file back to its previous length; "" or why that failed.
std::string undo(const Target& t) {
  if (!t.written) return "";
  if (::ftruncate(t.fd, t.size) != 0 || ::fsync(t.fd) != 0) return reason(errno);
  return "";
}

}  // namespace

Expected<bool> append_lines(const fs::path& file, const std::vector<std::string>& lines) {
  return append_batches({AppendBatch{file, lines}});
}

Expected<bool> append_batches(const std::vector<AppendBatch>& batches) {
  std::map<fs::path, Target> by_path;  // path order is lock order
  for (const auto& b : batches) {
    Target& t = by_path[b.file];
    t.file = b.file;
    for (const auto& line : b.lines) {
      // A line break inside an entry would make two lines of one: refuse it
      // rather than tear the record.
      if (line.find_first_of("\n\r") != std::string::npos)
        return error_for(t, "cannot append: an entry contains a line break");
      t.body += line;
      t.body += '\n';
    }
  }
  std::vector<Target> targets;
  for (auto& [path, t] : by_path)
    if (!t.body.empty()) targets.push_back(std::move(t));

  std::optional<Diagnostic> failure;
  std::size_t opened = 0;
  for (; opened < targets.size() && !failure; ++opened) {
    failure = open_and_lock(&targets[opened], targets.data(), opened);
  }
  if (!failure) {
    for (auto& t : targets) {
      std::string step;
      if (int err = write_locked(&t, &step)) {
        failure = error_for(t, "cannot append: " + reason(err) + step);
        break;
      }
    }
  }
  if (failure) {
    // Undo while still holding every lock, so no other writer's line can
    // have landed behind ours and be cut with it.
    std::string undo_failed;
    for (auto& t : targets) {
      if (t.fd < 0) continue;
      std::string why = undo(t);
      if (!why.empty())
        undo_failed += (undo_failed.empty() ? "" : ", ") + t.file.string() + " (" + why + ")";
    }
    if (!undo_failed.empty()) {
      failure->message += "; cutting back what was written also failed for " + undo_failed +
                          ": check the last line";
    } else {
      failure->message += "; nothing was written";
    }
  }
  for (auto& t : targets) {
    if (t.fd < 0) continue;
    ::flock(t.fd, LOCK_UN);  // close() would release it too; say so explicitly
    ::close(t.fd);
  }
  if (failure) return *failure;
  return true;
}

}  // namespace plan
