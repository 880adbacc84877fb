#include "file_replace.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace plan {

namespace {

Diagnostic failure(const std::filesystem::path& file, int err) {
  return make_error(Location{file.generic_string()},
                    std::string("cannot write: ") + std::strerror(err));
}

// The process umask, which can only be read by setting it.
mode_t current_umask() {
  mode_t m = ::umask(0);
  ::umask(m);
  return m;
}

}  // namespace

Expected<bool> replace_file(const std::filesystem::path& file, std::string_view contents) {
  std::filesystem::path dir = file.parent_path();
  if (dir.empty()) dir = ".";
  std::string tmp = (dir / ("." + file.filename().string() + ".XXXXXX")).string();
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) return failure(file, errno);

  int err = 0;
  struct stat st {};
  mode_t mode = ::stat(file.c_str(), &st) == 0 ? (st.st_mode & 07777) : (0666 & ~current_umask());
  std::size_t done = 0;
  while (err == 0 && done < contents.size()) {
    ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      err = errno;
    else
      done += static_cast<std::size_t>(n);
  }
  if (err == 0 && ::fchmod(fd, mode) != 0) err = errno;
  // The data must be on disk before the name points at it, or a crash could
  // leave an empty file under the old name.
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err == 0 && ::rename(tmp.c_str(), file.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(tmp.c_str());
    return failure(file, err);
  }
  return true;
}

}  // namespace plan
