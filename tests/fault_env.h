// The real file system with faults put in on request: short writes, EINTR,
// a disk that fills up, a failing fsync, a failing rename, a folder that
// cannot be listed. Everything not faulted goes to Env::posix(), so a test
// looks at the real bytes on disk afterwards.
#pragma once

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <limits>
#include <memory>
#include <string>

#include "env.h"

namespace plan::testing {

class FaultEnv final : public Env {
 public:
  // The faults; all off by default. Counts go down as faults are used.
  std::size_t max_write = std::numeric_limits<std::size_t>::max();  // bytes per write(2)
  int interrupts = 0;  // the next this many write(2) calls fail with EINTR, writing nothing
  std::size_t space = std::numeric_limits<std::size_t>::max();  // bytes until ENOSPC
  int failing_syncs = 0;      // the next this many File::sync calls fail with EIO
  bool rename_fails = false;  // rename fails with EXDEV
  bool list_fails = false;    // list_dir fails with EACCES

  // What happened, for tests that check the retries were made.
  int write_calls = 0;

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
    std::unique_ptr<File> file;
    if (auto ec = real().open_append(f, &file)) return ec;
    *out = std::make_unique<FaultFile>(*this, std::move(file));
    return {};
  }
  std::error_code create_temp(const std::filesystem::path& dir, const std::string& prefix,
                              std::unique_ptr<File>* out, std::filesystem::path* name) override {
    std::unique_ptr<File> file;
    if (auto ec = real().create_temp(dir, prefix, &file, name)) return ec;
    *out = std::make_unique<FaultFile>(*this, std::move(file));
    return {};
  }
  std::error_code make_dir(const std::filesystem::path& d) override { return real().make_dir(d); }
  std::error_code sync_dir(const std::filesystem::path& d) override { return real().sync_dir(d); }
  std::error_code rename(const std::filesystem::path& from,
                         const std::filesystem::path& to) override {
    if (rename_fails) return std::make_error_code(std::errc::cross_device_link);
    return real().rename(from, to);
  }
  std::error_code remove(const std::filesystem::path& f) override { return real().remove(f); }

 private:
  static Env& real() { return Env::posix(); }

  class FaultFile final : public File {
   public:
    FaultFile(FaultEnv& env, std::unique_ptr<File> file) : env_(env), file_(std::move(file)) {}

    std::error_code write(std::string_view data, std::size_t* written) override {
      *written = 0;
      ++env_.write_calls;
      if (env_.interrupts > 0) {
        --env_.interrupts;
        return std::make_error_code(std::errc::interrupted);
      }
      // As a real disk does: what fits is written, and the call after that
      // fails.
      if (env_.space == 0) return std::make_error_code(std::errc::no_space_on_device);
      std::size_t n = std::min({data.size(), env_.max_write, env_.space});
      if (auto ec = file_->write(data.substr(0, n), written)) return ec;
      env_.space -= *written;
      return {};
    }
    std::error_code read_at(std::uint64_t offset, char* buf, std::size_t n,
                            std::size_t* got) override {
      return file_->read_at(offset, buf, n, got);
    }
    std::error_code stat(FileInfo* info) override { return file_->stat(info); }
    std::error_code lock() override { return file_->lock(); }
    std::error_code sync() override {
      if (env_.failing_syncs > 0) {
        --env_.failing_syncs;
        return std::make_error_code(std::errc::io_error);
      }
      return file_->sync();
    }
    std::error_code truncate(std::uint64_t size) override { return file_->truncate(size); }
    std::error_code set_mode(unsigned mode) override { return file_->set_mode(mode); }
    std::error_code close() override { return file_->close(); }

   private:
    FaultEnv& env_;
    std::unique_ptr<File> file_;
  };
};

}  // namespace plan::testing
