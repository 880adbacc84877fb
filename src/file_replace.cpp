#include "file_replace.h"

#include <sys/stat.h>

#include <cerrno>
#include <memory>
#include <random>
#include <string>

namespace plan {

namespace fs = std::filesystem;

namespace {

// The process umask, which can only be read by setting it.
mode_t current_umask() {
  mode_t m = ::umask(0);
  ::umask(m);
  return m;
}

// The errors by which open(2) says O_TMPFILE is not supported here.
bool unsupported(const std::error_code& ec) {
  return ec == std::errc::operation_not_supported || ec == std::errc::is_a_directory ||
         ec == std::errc::invalid_argument;
}

// A hidden sibling name for the temporary: ".NAME.XXXXXX".
fs::path temp_name(const fs::path& file) {
  static const char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static std::mt19937 rng(std::random_device{}());
  std::string suffix(6, 'X');
  for (char& c : suffix) c = kChars[rng() % (sizeof kChars - 1)];
  return file.parent_path() / ("." + file.filename().string() + "." + suffix);
}

}  // namespace

Outcome replace_file(Env& env, const fs::path& file, std::string_view contents) {
  return replace_file(env, file, [&](const PieceWriter& write) { write(contents); });
}

Outcome replace_file(Env& env, const fs::path& file,
                     const std::function<void(const PieceWriter& write)>& produce) {
  auto failure = [&](const std::error_code& ec) {
    return make_io_error(Location{file.generic_string()},
                         Message{"cannot write: ", "无法写入："} + system_reason(ec));
  };
  // Only a regular file is replaced: a rename over a device (/dev/full, as
  // root), a FIFO or a folder would put a plain file in its place.
  FileInfo old;
  bool exists = !env.stat(file, &old) && old.type != FileType::none;
  if (exists && old.type != FileType::regular)
    return make_io_error(
        Location{file.generic_string()},
        Message{"cannot write: not a regular file (only a regular file is replaced)",
                "无法写入：不是普通文件（只替换普通文件）"});
  // Preferably a file without a name, which a killed process cannot leave
  // behind; it gets one only once its contents are on disk.
  std::unique_ptr<File> tmp;
  fs::path tmp_name;
  bool unnamed = true;
  if (auto ec = env.create_unnamed(file.parent_path(), &tmp)) {
    if (!unsupported(ec)) return failure(ec);
    unnamed = false;
    if ((ec = env.create_temp(file.parent_path(), "." + file.filename().string() + ".", &tmp,
                              &tmp_name)))
      return failure(ec);
  }

  unsigned mode = exists ? old.mode : (0666 & ~current_umask());
  std::error_code ec;
  produce([&](std::string_view piece) {
    if (!ec) ec = write_all(*tmp, piece);
    return !ec;
  });
  if (!ec) ec = tmp->set_mode(mode);
  // The data must be on disk before the name points at it, or a crash could
  // leave an empty file under the old name.
  if (!ec) ec = tmp->sync();
  bool linked_as_target = false;
  if (!ec && unnamed) {
    // A new file can take its name at once; an old one is replaced by a
    // rename from a temporary name, which is all a kill can leave behind.
    if (!exists) {
      ec = tmp->link(file);
      linked_as_target = !ec;
      if (ec == std::errc::file_exists) ec.clear();
    }
    for (int tries = 0; !ec && !linked_as_target && tmp_name.empty(); ++tries) {
      fs::path name = temp_name(file);
      ec = tmp->link(name);
      if (!ec) tmp_name = name;
      if (ec == std::errc::file_exists && tries < 100) ec.clear();
    }
  }
  if (auto closed = tmp->close(); !ec) ec = closed;
  if (!ec && !linked_as_target) ec = env.rename(tmp_name, file);
  if (ec) {
    if (!tmp_name.empty()) (void)env.remove(tmp_name);
    if (linked_as_target) (void)env.remove(file);
    return failure(ec);
  }
  return {};
}

}  // namespace plan
