// The real file system with faults put in on request: short writes, EINTR,
// a disk that fills up, a failing fsync, a failing rename, a folder that
// cannot be listed, a read-only file system, a failure or a death of the
// process at any one step of a protocol. Everything not faulted goes to
// Env::posix(), so a test looks at the real bytes on disk afterwards.
#pragma once

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>

#include "env.h"

namespace plan::testing {

class FaultEnv final : public Env {
 public:
  // The faults; all off by default. Counts go down as faults are used.
  // They strike every file, the record writer's journal included.
  std::size_t max_write = std::numeric_limits<std::size_t>::max();  // bytes per write(2)
  int interrupts = 0;  // the next this many write(2) calls fail with EINTR, writing nothing
  std::size_t space = std::numeric_limits<std::size_t>::max();  // bytes until ENOSPC
  int good_syncs = 0;         // the first this many File::sync calls work, then
  int failing_syncs = 0;      // the next this many File::sync calls fail with EIO
  bool rename_fails = false;  // rename fails with EXDEV
  bool list_fails = false;    // list_dir fails with EACCES
  // Everything that would change the disk fails with EROFS, as on a
  // read-only mount; locks still work (flock needs no write access).
  bool read_only = false;
  bool unnamed_unsupported = false;  // create_unnamed fails with EOPNOTSUPP

  // Steps are the calls that change the disk or take a lock: open_append,
  // create_temp, create_unnamed, make_dir, sync_dir, rename, remove, and
  // File::write, sync, truncate, set_mode, link, lock, lock_shared. The
  // step numbered fail_step (from 0) fails with EIO; at the step numbered
  // die_step the process ends on the spot (_exit(kDied), no clean-up: for
  // a forked child, as a SIGKILL would).
  int fail_step = -1;
  int die_step = -1;
  static constexpr int kDied = 77;
  // After this many bytes written in all (every file), the process sends
  // itself SIGKILL: the write that crosses the mark writes only up to it.
  std::uint64_t kill_after_bytes = std::numeric_limits<std::uint64_t>::max();

  // What happened, for tests that check the retries were made.
  int write_calls = 0;
  int steps = 0;
  std::uint64_t bytes_written = 0;

  std::error_code read_file(const std::filesystem::path& f, std::string* out) override {
    return real().read_file(f, out);
  }
  std::error_code list_dir(const std::filesystem::path& d, std::vector<DirEntry>* out) override {
    if (list_fails) return std::make_error_code(std::errc::permission_denied);
    return real().list_dir(d, out);
  }
  std::error_code stat(const std::filesystem::path& p, FileInfo* info) override {
    return real().stat(p, info);
  }
  std::error_code open_append(const std::filesystem::path& f, std::unique_ptr<File>* out) override {
    if (auto ec = step(true)) return ec;
    std::unique_ptr<File> file;
    if (auto ec = real().open_append(f, &file)) return ec;
    *out = std::make_unique<FaultFile>(*this, std::move(file));
    return {};
  }
  std::error_code open_read(const std::filesystem::path& f, std::unique_ptr<File>* out) override {
    std::unique_ptr<File> file;
    if (auto ec = real().open_read(f, &file)) return ec;
    *out = std::make_unique<FaultFile>(*this, std::move(file));
    return {};
  }
  std::error_code create_unnamed(const std::filesystem::path& dir,
                                 std::unique_ptr<File>* out) override {
    if (auto ec = step(true)) return ec;
    if (unnamed_unsupported) return std::make_error_code(std::errc::operation_not_supported);
    std::unique_ptr<File> file;
    if (auto ec = real().create_unnamed(dir, &file)) return ec;
    *out = std::make_unique<FaultFile>(*this, std::move(file));
    return {};
  }
  std::error_code create_temp(const std::filesystem::path& dir, const std::string& prefix,
                              std::unique_ptr<File>* out, std::filesystem::path* name) override {
    if (auto ec = step(true)) return ec;
    std::unique_ptr<File> file;
    if (auto ec = real().create_temp(dir, prefix, &file, name)) return ec;
    *out = std::make_unique<FaultFile>(*this, std::move(file));
    return {};
  }
  std::error_code make_dir(const std::filesystem::path& d) override {
    if (auto ec = step(true)) return ec;
    return real().make_dir(d);
  }
  std::error_code sync_dir(const std::filesystem::path& d) override {
    if (auto ec = step(false)) return ec;
    return real().sync_dir(d);
  }
  std::error_code rename(const std::filesystem::path& from,
                         const std::filesystem::path& to) override {
    if (auto ec = step(true)) return ec;
    if (rename_fails) return std::make_error_code(std::errc::cross_device_link);
    return real().rename(from, to);
  }
  std::error_code remove(const std::filesystem::path& f) override {
    if (auto ec = step(true)) return ec;
    return real().remove(f);
  }

 private:
  static Env& real() { return Env::posix(); }

  // Counts a step and puts in the step faults; `writes`: refused when
  // read-only.
  std::error_code step(bool writes) {
    int n = steps++;
    if (n == die_step) _exit(kDied);
    if (n == fail_step) return std::make_error_code(std::errc::io_error);
    if (writes && read_only) return std::make_error_code(std::errc::read_only_file_system);
    return {};
  }

  class FaultFile final : public File {
   public:
    FaultFile(FaultEnv& env, std::unique_ptr<File> file) : env_(env), file_(std::move(file)) {}

    std::error_code write(std::string_view data, std::size_t* written) override {
      *written = 0;
      ++env_.write_calls;
      if (auto ec = env_.step(true)) return ec;
      if (env_.interrupts > 0) {
        --env_.interrupts;
        return std::make_error_code(std::errc::interrupted);
      }
      // As a real disk does: what fits is written, and the call after that
      // fails.
      if (env_.space == 0) return std::make_error_code(std::errc::no_space_on_device);
      std::size_t n = std::min({data.size(), env_.max_write, env_.space});
      bool die = false;
      if (env_.kill_after_bytes - env_.bytes_written <= n) {
        n = static_cast<std::size_t>(env_.kill_after_bytes - env_.bytes_written);
        die = true;
      }
      if (n > 0) {
        if (auto ec = file_->write(data.substr(0, n), written)) return ec;
      }
      env_.bytes_written += *written;
      if (die) ::kill(::getpid(), SIGKILL);
      env_.space -= *written;
      return {};
    }
    std::error_code read_at(std::uint64_t offset, char* buf, std::size_t n,
                            std::size_t* got) override {
      return file_->read_at(offset, buf, n, got);
    }
    std::error_code stat(FileInfo* info) override { return file_->stat(info); }
    std::error_code lock() override {
      if (auto ec = env_.step(false)) return ec;
      return file_->lock();
    }
    std::error_code lock_shared() override {
      if (auto ec = env_.step(false)) return ec;
      return file_->lock_shared();
    }
    std::error_code sync() override {
      if (auto ec = env_.step(false)) return ec;
      if (env_.good_syncs > 0) {
        --env_.good_syncs;
      } else if (env_.failing_syncs > 0) {
        --env_.failing_syncs;
        return std::make_error_code(std::errc::io_error);
      }
      return file_->sync();
    }
    std::error_code truncate(std::uint64_t size) override {
      if (auto ec = env_.step(true)) return ec;
      return file_->truncate(size);
    }
    std::error_code set_mode(unsigned mode) override {
      if (auto ec = env_.step(true)) return ec;
      return file_->set_mode(mode);
    }
    std::error_code link(const std::filesystem::path& path) override {
      if (auto ec = env_.step(true)) return ec;
      return file_->link(path);
    }
    std::error_code close() override { return file_->close(); }

   private:
    FaultEnv& env_;
    std::unique_ptr<File> file_;
  };
};

}  // namespace plan::testing
