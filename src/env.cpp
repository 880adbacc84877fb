#include "env.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace plan {

namespace fs = std::filesystem;

std::error_code last_system_error() {
  return {errno, std::generic_category()};
}

std::error_code write_all(File& file, std::string_view data) {
  while (!data.empty()) {
    std::size_t n = 0;
    std::error_code ec = file.write(data, &n);
    data.remove_prefix(std::min(n, data.size()));
    if (ec == std::errc::interrupted) continue;
    if (ec) return ec;
    if (n == 0) return std::make_error_code(std::errc::io_error);
  }
  return {};
}

namespace {

FileType type_of(mode_t mode) {
  if (S_ISREG(mode)) return FileType::regular;
  if (S_ISDIR(mode)) return FileType::directory;
  if (S_ISLNK(mode)) return FileType::symlink;
  return FileType::other;
}

FileInfo info_of(const struct stat& st) {
  FileInfo i;
  i.type = type_of(st.st_mode);
  i.size = static_cast<std::uint64_t>(st.st_size);
  i.mode = st.st_mode & 07777;
  i.device = st.st_dev;
  i.inode = st.st_ino;
  return i;
}

class PosixFile final : public File {
 public:
  explicit PosixFile(int fd) : fd_(fd) {}
  ~PosixFile() override { close(); }

  std::error_code write(std::string_view data, std::size_t* written) override {
    *written = 0;
    ssize_t n = ::write(fd_, data.data(), data.size());
    if (n < 0) return last_system_error();
    *written = static_cast<std::size_t>(n);
    return {};
  }
  std::error_code read_at(std::uint64_t offset, char* buf, std::size_t n,
                          std::size_t* got) override {
    *got = 0;
    ssize_t r;
    do {
      r = ::pread(fd_, buf, n, static_cast<off_t>(offset));
    } while (r < 0 && errno == EINTR);
    if (r < 0) return last_system_error();
    *got = static_cast<std::size_t>(r);
    return {};
  }
  std::error_code stat(FileInfo* info) override {
    struct stat st {};
    if (::fstat(fd_, &st) != 0) return last_system_error();
    *info = info_of(st);
    return {};
  }
  std::error_code lock() override {
    while (::flock(fd_, LOCK_EX) != 0)
      if (errno != EINTR) return last_system_error();
    return {};
  }
  std::error_code lock_shared() override {
    while (::flock(fd_, LOCK_SH) != 0)
      if (errno != EINTR) return last_system_error();
    return {};
  }
  std::error_code sync() override {
    return ::fsync(fd_) == 0 ? std::error_code{} : last_system_error();
  }
  std::error_code truncate(std::uint64_t size) override {
    return ::ftruncate(fd_, static_cast<off_t>(size)) == 0 ? std::error_code{}
                                                           : last_system_error();
  }
  std::error_code set_mode(unsigned mode) override {
    return ::fchmod(fd_, static_cast<mode_t>(mode)) == 0 ? std::error_code{} : last_system_error();
  }
  std::error_code link(const fs::path& path) override {
    // /proc/self/fd needs no privilege; AT_EMPTY_PATH needs
    // CAP_DAC_READ_SEARCH, so it is the fallback when /proc is not mounted.
    std::string self = "/proc/self/fd/" + std::to_string(fd_);
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) == 0) return {};
    if (errno != ENOENT) return last_system_error();
    return ::linkat(fd_, "", AT_FDCWD, path.c_str(), AT_EMPTY_PATH) == 0 ? std::error_code{}
                                                                         : last_system_error();
  }
  std::error_code close() override {
    if (fd_ < 0) return {};
    // The descriptor is gone after close(2) even when it fails (EINTR
    // included), so it is never retried.
    int rc = ::close(fd_);
    fd_ = -1;
    return rc == 0 ? std::error_code{} : last_system_error();
  }

 private:
  int fd_;
};

class PosixEnv final : public Env {
 public:
  std::error_code read_file(const fs::path& file, std::string* contents) override {
    contents->clear();
    int fd;
    do {
      fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return last_system_error();
    PosixFile f(fd);
    char buf[64 * 1024];
    for (std::uint64_t at = 0;;) {
      std::size_t got = 0;
      if (auto ec = f.read_at(at, buf, sizeof buf, &got)) return ec;
      if (got == 0) break;
      contents->append(buf, got);
      at += got;
    }
    return f.close();
  }

  std::error_code list_dir(const fs::path& dir, std::vector<DirEntry>* entries) override {
    entries->clear();
    DIR* d = ::opendir(dir.c_str());
    if (!d) return last_system_error();
    std::error_code ec;
    for (;;) {
      errno = 0;
      const dirent* e = ::readdir(d);
      if (!e) {
        if (errno != 0) ec = last_system_error();
        break;
      }
      std::string_view name = e->d_name;
      if (name == "." || name == "..") continue;
      DirEntry entry{std::string(name), FileType::other};
      struct stat st {};
      if (::fstatat(::dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
        entry.type = type_of(st.st_mode);
      entries->push_back(std::move(entry));
    }
    ::closedir(d);
    std::sort(entries->begin(), entries->end(),
              [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
    return ec;
  }

  std::error_code stat(const fs::path& path, FileInfo* info) override {
    *info = FileInfo{};
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
      *info = info_of(st);
      return {};
    }
    if (errno == ENOENT || errno == ENOTDIR) return {};
    return last_system_error();
  }

  std::error_code open_append(const fs::path& file, std::unique_ptr<File>* out) override {
    // O_RDWR rather than O_WRONLY: the writer reads the last byte back.
    int fd;
    do {
      fd = ::open(file.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return last_system_error();
    *out = std::make_unique<PosixFile>(fd);
    return {};
  }

  std::error_code open_read(const fs::path& file, std::unique_ptr<File>* out) override {
    int fd;
    do {
      fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return last_system_error();
    *out = std::make_unique<PosixFile>(fd);
    return {};
  }

  std::error_code create_unnamed(const fs::path& dir, std::unique_ptr<File>* out) override {
    int fd = ::open(dir.empty() ? "." : dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0) return last_system_error();
    *out = std::make_unique<PosixFile>(fd);
    return {};
  }

  std::error_code create_temp(const fs::path& dir, const std::string& prefix,
                              std::unique_ptr<File>* out, fs::path* name) override {
    std::string tmpl = ((dir.empty() ? fs::path(".") : dir) / (prefix + "XXXXXX")).string();
    int fd = ::mkostemp(tmpl.data(), O_CLOEXEC);
    if (fd < 0) return last_system_error();
    *out = std::make_unique<PosixFile>(fd);
    *name = tmpl;
    return {};
  }

  std::error_code make_dir(const fs::path& dir) override {
    return ::mkdir(dir.c_str(), 0777) == 0 ? std::error_code{} : last_system_error();
  }

  std::error_code sync_dir(const fs::path& dir) override {
    int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return last_system_error();
    PosixFile f(fd);
    if (auto ec = f.sync()) return ec;
    return f.close();
  }

  std::error_code rename(const fs::path& from, const fs::path& to) override {
    return ::rename(from.c_str(), to.c_str()) == 0 ? std::error_code{} : last_system_error();
  }

  std::error_code remove(const fs::path& file) override {
    return ::unlink(file.c_str()) == 0 ? std::error_code{} : last_system_error();
  }
};

}  // namespace

Env& Env::posix() {
  static PosixEnv env;
  return env;
}

}  // namespace plan
