#include "record_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "record_journal.h"
#include "text.h"

namespace plan {

namespace fs = std::filesystem;

namespace {

// Large reads keep system calls rare; the buffer is allocated once per
// read_records call (and reader thread), so memory stays flat however many
// records there are.
constexpr std::size_t kChunkBytes = 256 * 1024;

// The buffer files are read into, aligned to a page. The kernel copies
// the page cache into it 4.5 times faster than into a buffer 16 bytes past
// a page boundary, where malloc puts a large std::vector's bytes: a loop of
// 256 KiB reads over the 643 MB bench ledger took 0.03 s of system time
// against 0.14 s, and `plan status` on one thread 0.08 s against 0.35 s.
struct alignas(4096) ReadBuffer {
  char bytes[kChunkBytes];
};

// Messages start in lower case; strerror's start in upper case.
Message reason(int err) {
  Message m = system_reason(std::error_code(err, std::generic_category()));
  std::string& s = m.en;
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !(s.size() > 1 && s[1] >= 'A' && s[1] <= 'Z'))
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return m;
}
Message reason(const std::error_code& ec) {
  return reason(ec.value());
}

Message cannot_list() {
  return {"cannot list folder: ", "无法列出文件夹："};
}
Message cannot_read() {
  return {"cannot read: ", "无法读取："};
}
Message not_regular() {
  return {"not a regular file", "不是普通文件"};
}

// Collects *.rec files below `dir`. Folders are recursed into only when they
// are real folders, not symbolic links, so a link cannot make a loop.
void collect(const fs::path& dir, std::vector<std::string>* files, Diagnostics& diags) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    diags.error({dir.generic_string()}, cannot_list() + reason(ec));
    return;
  }
  for (fs::directory_iterator end; it != end; it.increment(ec)) {
    if (ec) break;
    const fs::path& p = it->path();
    std::error_code sec;
    fs::file_status link = it->symlink_status(sec);
    if (fs::is_directory(link)) {
      collect(p, files, diags);
      continue;
    }
    fs::file_status target = fs::is_symlink(link) ? fs::status(p, sec) : link;
    if (fs::is_directory(target)) {
      diags.warning({p.generic_string()}, Message{"symbolic link to a folder; not followed",
                                                  "指向文件夹的符号链接；不读其中的文件"});
      continue;
    }
    if (!p.filename().string().ends_with(".rec")) continue;
    if (fs::is_regular_file(target) || !fs::exists(target)) {
      files->push_back(p.generic_string());  // a dangling link: opening it says why
    } else {
      // A FIFO would block the reader forever; a device is not a record file.
      diags.error({p.generic_string()}, not_regular());
    }
  }
  if (ec) diags.error({dir.generic_string()}, cannot_list() + reason(ec));
}

void read_file(std::size_t index, const std::string& name, ReadBuffer& buf, const Plan& plan,
               const ReadGuard& guard, Diagnostics& diags, EntrySink& sink, ReadStats* total) {
  int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    diags.error({name}, Message{"cannot open: ", "无法打开："} + reason(errno));
    return;
  }
  sink.begin_file(index, name, diags);
  // A write that could not be rolled back is left out.
  std::uint64_t left = UINT64_MAX;
  struct stat st {};
  if (::fstat(fd, &st) == 0) {
    FileInfo id;
    id.device = st.st_dev;
    id.inode = st.st_ino;
    if (auto cap = guard.cap(id)) left = *cap;
  }
  RecordStream stream(name, plan, diags, sink);
  while (left > 0) {
    ssize_t n =
        ::read(fd, buf.bytes, static_cast<std::size_t>(std::min<std::uint64_t>(kChunkBytes, left)));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      diags.error({name}, cannot_read() + reason(errno));
      break;
    }
    if (n == 0) break;
    left -= static_cast<std::uint64_t>(n);
    stream.feed(std::string_view(buf.bytes, static_cast<std::size_t>(n)));
  }
  ::close(fd);
  ReadStats s = stream.finish();
  total->files += s.files;
  total->lines += s.lines;
  total->entries += s.entries;
}

void add_stats(ReadStats* total, const ReadStats& s) {
  total->files += s.files;
  total->lines += s.lines;
  total->entries += s.entries;
}

// Reads `files` with `threads` workers, each taking the next unread file
// into its own shard, then merges the shards and adds each file's
// diagnostics in file order. nullopt when the sink cannot merge exactly.
std::optional<ReadStats> read_parallel(const std::vector<std::string>& files, unsigned threads,
                                       const Plan& plan, const ReadGuard& guard, Diagnostics& diags,
                                       ShardableSink& sink) {
  std::vector<Diagnostics> file_diags(files.size());
  std::vector<ReadStats> file_stats(files.size());
  std::vector<std::unique_ptr<ShardableSink>> shards;
  for (unsigned i = 0; i < threads; ++i) shards.push_back(sink.make_shard());
  std::atomic<std::size_t> next{0};
  auto work = [&](ShardableSink* shard) {
    const auto buf = std::make_unique_for_overwrite<ReadBuffer>();
    for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < files.size();)
      read_file(i, files[i], *buf, plan, guard, file_diags[i], *shard, &file_stats[i]);
  };
  {
    std::vector<std::jthread> workers;
    for (unsigned i = 1; i < threads; ++i) {
      try {
        workers.emplace_back(work, shards[i].get());
      } catch (const std::system_error&) {
        break;  // no more threads to be had: the ones running share the files
      }
    }
    work(shards[0].get());
  }  // the workers are joined here
  if (!sink.merge(shards)) return std::nullopt;
  ReadStats total;
  for (std::size_t i = 0; i < files.size(); ++i) {
    add_stats(&total, file_stats[i]);
    for (const auto& d : file_diags[i].items()) diags.add(d);
  }
  return total;
}

// Lists the record files of `dir` in read order; false when there is
// nothing to read (a missing folder, or one that is neither a folder nor a
// file, which `diags` then names).
bool list_records(const fs::path& dir, const fs::file_status& st, Diagnostics& diags,
                  std::vector<std::string>* files) {
  if (fs::is_directory(st)) {
    collect(dir, files, diags);
    std::sort(files->begin(), files->end());  // std::string compares bytes
    return true;
  }
  if (fs::is_regular_file(st)) {
    files->push_back(dir.generic_string());
    return true;
  }
  // As in the folder scan: a FIFO would block the reader forever and
  // /dev/zero would feed it forever.
  diags.error({dir.generic_string()},
              Message{"not a folder or a regular file", "既不是文件夹，也不是普通文件"});
  return false;
}

ReadStats read_all(Env& env, const fs::path& dir, const Plan& plan, Diagnostics& diags,
                   EntrySink& sink, ShardableSink* shardable, unsigned threads) {
  ReadStats stats;
  std::error_code ec;
  fs::file_status st = fs::status(dir, ec);
  if (!fs::exists(st)) {
    // No folder yet means no records yet; anything else is worth a word.
    if (ec && ec != std::errc::no_such_file_or_directory)
      diags.error({dir.generic_string()}, cannot_read() + reason(ec));
    return stats;
  }
  // Held until every file is read: no write lands half-seen.
  ReadGuard guard(env, dir, diags);
  std::vector<std::string> files;
  if (!list_records(dir, st, diags, &files)) return stats;
  if (shardable && files.size() > 1 && threads != 1) {
    std::uint64_t bytes = 0;
    if (threads == 0) {
      for (const auto& f : files) {
        std::error_code size_ec;
        auto n = fs::file_size(f, size_ec);
        if (!size_ec) bytes += n;
      }
    }
    unsigned n = reader_threads(files.size(), bytes, threads);
    if (n > 1)
      if (auto parallel = read_parallel(files, n, plan, guard, diags, *shardable)) return *parallel;
  }
  const auto buf = std::make_unique_for_overwrite<ReadBuffer>();
  for (std::size_t i = 0; i < files.size(); ++i)
    read_file(i, files[i], *buf, plan, guard, diags, sink, &stats);
  return stats;
}

}  // namespace

unsigned reader_threads(std::size_t files, std::uint64_t bytes, unsigned threads) {
  if (files < 2) return 1;
  if (threads == 0) {
    if (bytes < kParallelBytes) return 1;
    threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  }
  return static_cast<unsigned>(std::min<std::size_t>(threads, files));
}

RecordStream::RecordStream(std::string file_name, const Plan& plan, Diagnostics& diags,
                           EntryCallback on_entry)
    : RecordStream(std::move(file_name), plan, diags, own_) {
  own_.f = std::move(on_entry);
}

RecordStream::RecordStream(std::string file_name, const Plan& plan, Diagnostics& diags,
                           EntrySink& sink)
    : plan_(plan), fast_(plan), diags_(diags), sink_(&sink), where_{std::move(file_name), 0, 0} {
  stats_.files = 1;
  entry_.where.file = where_.file;  // FastLineParser::parse leaves it to us
  views_ = sink_->takes_views();
  view_.file = &where_.file;
}

// Inlined into feed, which calls it for nearly every line: a call per line
// cost more than the counting and dispatch it does.
[[gnu::always_inline]] inline void RecordStream::line(std::string_view text, std::size_t readable) {
  ++where_.line;
  ++stats_.lines;
  if (where_.line == 1 && text.starts_with(kUtf8Bom)) {
    text.remove_prefix(kUtf8Bom.size());
    readable -= kUtf8Bom.size();
  }
  if (views_) {
    if (auto fast = fast_.parse(text, where_, &view_, readable)) {
      if (*fast == LineKind::entry) {
        ++stats_.entries;
        sink_->add_view(view_);
      }
      return;
    }
  } else if (auto fast = fast_.parse(text, where_, &entry_, readable)) {
    if (*fast == LineKind::entry) {
      ++stats_.entries;
      sink_->add(entry_);
    }
    return;
  }
  auto kind = parse_line(text, plan_, where_, &entry_);
  if (!kind) {
    diags_.add(kind.error());
  } else if (*kind == LineKind::entry) {
    ++stats_.entries;
    sink_->add(entry_);
  }
}

void RecordStream::too_long() {
  ++where_.line;
  ++stats_.lines;
  // No source line: printing 64 KiB under the message helps nobody.
  diags_.error({where_.file, where_.line, 1},
               Message{"line too long (more than " + std::to_string(kMaxLineBytes) + " bytes)",
                       "行太长（超过 " + std::to_string(kMaxLineBytes) + " 字节）"});
  skipping_ = true;
  carry_.clear();
}

namespace {

// The newlines among the 64 bytes at p + at, as bits (bit i: byte at + i),
// none past n. Four 16-byte compares where the block lies within n, else
// byte by byte (the last block of a piece, once per piece).
[[gnu::always_inline]] inline std::uint64_t newline_bits(const char* p, std::size_t at,
                                                         std::size_t n) {
#if defined(__SSE2__)
  if (at + 64 <= n) {
    const __m128i nl = _mm_set1_epi8('\n');
    std::uint64_t bits = 0;
    for (int k = 0; k < 4; ++k) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at + 16 * k));
      bits |= static_cast<std::uint64_t>(
                  static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, nl))))
              << (16 * k);
    }
    return bits;
  }
#endif
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < 64 && at + i < n; ++i)
    bits |= static_cast<std::uint64_t>(p[at + i] == '\n') << i;
  return bits;
}

}  // namespace

std::size_t RecordStream::feed_lines(std::string_view data) {
  const char* p = data.data();
  const std::size_t n = data.size();
  std::size_t start = 0, block = 0;
  std::uint64_t bits = newline_bits(p, 0, n);
  for (;;) {
    while (bits == 0) {
      block += 64;
      if (block >= n) return start;
      bits = newline_bits(p, block, n);
    }
    const std::size_t nl = block + static_cast<std::size_t>(__builtin_ctzll(bits));
    bits &= bits - 1;
    if (nl - start > kMaxLineBytes) return start;  // feed's slow path says so
    line(std::string_view(p + start, nl - start), n - start);
    start = nl + 1;
  }
}

void RecordStream::feed(std::string_view data) {
  while (!data.empty()) {
    // The common case: whole lines, none carried over from the last piece,
    // found a block of bytes at a time rather than by a memchr call a line.
    // (Without SSE2, memchr is quicker than newline_bits' byte loop.)
#if defined(__SSE2__)
    if (!skipping_ && carry_.empty()) {
      data.remove_prefix(feed_lines(data));
      if (data.empty()) return;
    }
#endif
    std::size_t nl = data.find('\n');
    if (skipping_) {
      if (nl == std::string_view::npos) return;
      data.remove_prefix(nl + 1);
      skipping_ = false;
      continue;
    }
    std::size_t take = nl == std::string_view::npos ? data.size() : nl;
    if (carry_.size() + take > kMaxLineBytes) {
      too_long();
      continue;  // the skipping branch consumes up to the newline
    }
    if (nl == std::string_view::npos) {
      carry_.append(data);
      return;
    }
    if (carry_.empty()) {
      line(data.substr(0, nl), data.size());  // the common case: no copy
    } else {
      carry_.append(data.substr(0, nl));
      line(carry_, carry_.size());
      carry_.clear();
    }
    data.remove_prefix(nl + 1);
  }
}

namespace {
Message no_newline() {
  return {"last line has no newline (cut short?)", "最后一行没有换行符（是否被截断？）"};
}
}  // namespace

ReadStats RecordStream::finish() {
  if (finished_) return stats_;
  finished_ = true;
  if (skipping_) {
    diags_.warning({where_.file, where_.line}, no_newline());
  } else if (!carry_.empty()) {
    // Strip the mark here too, so the warning's column matches the line's;
    // a file of nothing but the mark is empty.
    if (where_.line == 0 && carry_.starts_with(kUtf8Bom)) carry_.erase(0, kUtf8Bom.size());
    if (carry_.empty()) return stats_;
    std::string last;
    last.swap(carry_);
    line(last, last.size());
    int column = static_cast<int>(code_points(last)) + 1;
    diags_.warning({where_.file, where_.line, column}, no_newline(), std::move(last));
  }
  return stats_;
}

ReadStats read_record_text(std::string_view text, const std::string& file_name, const Plan& plan,
                           Diagnostics& diags, EntrySink& sink) {
  RecordStream stream(file_name, plan, diags, sink);
  stream.feed(text);
  return stream.finish();
}

ReadStats read_record_text(std::string_view text, const std::string& file_name, const Plan& plan,
                           Diagnostics& diags, const EntryCallback& on_entry) {
  RecordStream stream(file_name, plan, diags, on_entry);
  stream.feed(text);
  return stream.finish();
}

ReadStats read_records(const fs::path& dir, const Plan& plan, Diagnostics& diags,
                       const EntryCallback& on_entry) {
  struct Sink : EntrySink {
    const EntryCallback& f;
    explicit Sink(const EntryCallback& callback) : f(callback) {}
    void add(const Entry& e) override { f(e); }
  } sink(on_entry);
  return read_records(dir, plan, diags, sink);
}

ReadStats read_records(const fs::path& dir, const Plan& plan, Diagnostics& diags, EntrySink& sink) {
  return read_records(Env::posix(), dir, plan, diags, sink);
}

ReadStats read_records(Env& env, const fs::path& dir, const Plan& plan, Diagnostics& diags,
                       EntrySink& sink) {
  return read_all(env, dir, plan, diags, sink, nullptr, 1);
}

ReadStats read_records(Env& env, const fs::path& dir, const Plan& plan, Diagnostics& diags,
                       ShardableSink& sink, unsigned threads) {
  return read_all(env, dir, plan, diags, sink, &sink, threads);
}

}  // namespace plan
