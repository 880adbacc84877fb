// The file system behind one small interface, as LevelDB's Env. The record
// writer, the file replacer, project discovery and the plan loader reach
// files only through an Env, so a unit test can put a fault at any step of
// their protocols (a short write, EINTR, a full disk, a failing fsync or
// rename) and then look at what is left on disk. Env::posix() is the real
// file system; tests/fault_env.h wraps it and injects faults.
//
// The interface is primitives, one system call each: the protocols built on
// them (lock + append + undo in record_writer.cpp, temp + fsync + rename in
// file_replace.cpp) live with their callers, where a fault can reach every
// step. Errors here are the system's, not yet the program's: a
// std::error_code holding errno's value (generic category), empty when the
// call worked. Callers say what they were doing and to which file and make
// a Diagnostic of ErrorKind::io; ec.message() is the one spelling of the
// reason (strerror's: "No space left on device").
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace plan {

enum class FileType { none, regular, directory, symlink, other };

struct FileInfo {
  FileType type = FileType::none;
  std::uint64_t size = 0;
  unsigned mode = 0;  // permission bits (07777)
  // Device and inode: two names of one file (a symbolic link) have the same.
  std::uint64_t device = 0, inode = 0;
};

struct DirEntry {
  std::string name;
  FileType type = FileType::none;  // as lstat(2) sees it: a link is a symlink
};

// An open file. Destroying it closes it, which also releases its lock.
class File {
 public:
  virtual ~File() = default;
  // One write(2): *written bytes went out, at the end of the file when it
  // was opened for appending. *written may be less than data.size() (a
  // short write), and EINTR comes back as is: write_all retries both.
  virtual std::error_code write(std::string_view data, std::size_t* written) = 0;
  // One pread(2) of up to `n` bytes at `offset`; *got is 0 at the end.
  virtual std::error_code read_at(std::uint64_t offset, char* buf, std::size_t n,
                                  std::size_t* got) = 0;
  virtual std::error_code stat(FileInfo* info) = 0;
  // Waits for an exclusive advisory lock (flock(2)), held until close. On a
  // file this process holds a shared lock on, it turns that lock exclusive
  // (not atomically: another process may take the lock in between).
  virtual std::error_code lock() = 0;
  // Waits for a shared lock (flock(2) LOCK_SH): any number of holders, none
  // while an exclusive lock is held. On an exclusively locked file it turns
  // the lock shared.
  virtual std::error_code lock_shared() = 0;
  // Flushes the file's data to the disk (fsync(2)).
  virtual std::error_code sync() = 0;
  // Cuts the file back to `size` bytes (ftruncate(2)).
  virtual std::error_code truncate(std::uint64_t size) = 0;
  virtual std::error_code set_mode(unsigned mode) = 0;
  // Gives a file made by Env::create_unnamed a name, `path` (linkat(2)); it
  // fails with EEXIST when `path` exists.
  virtual std::error_code link(const std::filesystem::path& path) = 0;
  // Closes now and says whether the close failed (it can, on NFS); later
  // calls do nothing.
  virtual std::error_code close() = 0;
};

class Env {
 public:
  virtual ~Env() = default;

  // The real file system. Never destroyed.
  static Env& posix();

  // The whole contents of a file.
  virtual std::error_code read_file(const std::filesystem::path& file, std::string* contents) = 0;
  // The entries of a folder (without . and ..), sorted by name byte-wise.
  virtual std::error_code list_dir(const std::filesystem::path& dir,
                                   std::vector<DirEntry>* entries) = 0;
  // What is at `path`, following symbolic links; FileType::none (and no
  // error) when nothing is there, or when a folder on the way is a file.
  virtual std::error_code stat(const std::filesystem::path& path, FileInfo* info) = 0;
  // Opens `file` for reading and appending, creating it (mode 0644 less the
  // umask) when missing. Every write lands at the end of the file.
  virtual std::error_code open_append(const std::filesystem::path& file,
                                      std::unique_ptr<File>* out) = 0;
  // Opens an existing file read-only (the lock file of a read-only folder).
  virtual std::error_code open_read(const std::filesystem::path& file,
                                    std::unique_ptr<File>* out) = 0;
  // Creates a new, empty file in `dir` that has no name (O_TMPFILE, mode
  // 0600), open for writing: a process killed before File::link leaves
  // nothing behind. A file system that cannot do this fails with
  // EOPNOTSUPP (or EISDIR on old kernels); callers then use create_temp.
  virtual std::error_code create_unnamed(const std::filesystem::path& dir,
                                         std::unique_ptr<File>* out) = 0;
  // Creates a new, empty file with a unique name in `dir` that starts with
  // `prefix` (mkstemp(3): mode 0600), open for writing; *name is its path.
  virtual std::error_code create_temp(const std::filesystem::path& dir, const std::string& prefix,
                                      std::unique_ptr<File>* out, std::filesystem::path* name) = 0;
  // Creates one folder; its parent must exist.
  virtual std::error_code make_dir(const std::filesystem::path& dir) = 0;
  // Makes the entries of a folder durable (fsync(2) on the folder): a file
  // or folder just created in it survives a crash only after this.
  virtual std::error_code sync_dir(const std::filesystem::path& dir) = 0;
  // rename(2): atomic within one file system; replaces `to`.
  virtual std::error_code rename(const std::filesystem::path& from,
                                 const std::filesystem::path& to) = 0;
  virtual std::error_code remove(const std::filesystem::path& file) = 0;
};

// Writes all of `data` with as many File::write calls as it takes, retrying
// short writes and EINTR. A write that makes no progress and gives no
// reason is EIO, so a broken file cannot make this spin. On failure some
// of `data` may have been written.
std::error_code write_all(File& file, std::string_view data);

// The error code of errno's current value.
std::error_code last_system_error();

}  // namespace plan
