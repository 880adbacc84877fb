#include "file_replace.h"

#include <sys/stat.h>

#include <memory>
#include <string>

namespace plan {

namespace {

// The process umask, which can only be read by setting it.
mode_t current_umask() {
  mode_t m = ::umask(0);
  ::umask(m);
  return m;
}

}  // namespace

Outcome replace_file(Env& env, const std::filesystem::path& file, std::string_view contents) {
  auto failure = [&](const std::error_code& ec) {
    return make_io_error(Location{file.generic_string()}, "cannot write: " + ec.message());
  };
  std::unique_ptr<File> tmp;
  std::filesystem::path tmp_name;
  if (auto ec = env.create_temp(file.parent_path(), "." + file.filename().string() + ".", &tmp,
                                &tmp_name))
    return failure(ec);

  FileInfo old;
  bool exists = !env.stat(file, &old) && old.type != FileType::none;
  unsigned mode = exists ? old.mode : (0666 & ~current_umask());
  std::error_code ec = write_all(*tmp, contents);
  if (!ec) ec = tmp->set_mode(mode);
  // The data must be on disk before the name points at it, or a crash could
  // leave an empty file under the old name.
  if (!ec) ec = tmp->sync();
  if (auto closed = tmp->close(); !ec) ec = closed;
  if (!ec) ec = env.rename(tmp_name, file);
  if (ec) {
    (void)env.remove(tmp_name);
    return failure(ec);
  }
  return {};
}

}  // namespace plan
