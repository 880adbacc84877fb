// Streams every record file of a project through a callback: one pass, in a
// fixed order (files in byte-wise path order, lines in file order), memory
// independent of the number of records.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"
#include "env.h"
#include "plan.h"
#include "record.h"
#include "record_fast.h"

namespace plan {

struct ReadStats {
  std::size_t files = 0;
  std::size_t lines = 0;
  std::size_t entries = 0;
};

// Receives each valid entry; the Entry is reused between calls. A plain
// interface rather than a std::function, for the readers that feed ledgers
// millions of times.
class EntrySink {
 public:
  virtual ~EntrySink() = default;
  // Called before the entries of each file read from disk: the file's place
  // in read order (0, 1, …: byte-wise path order), its name (as in
  // Entry::where.file) and where the diagnostics of that file go, for sinks
  // that add their own at an entry's line.
  virtual void begin_file(std::size_t /*index*/, const std::string& /*name*/,
                          Diagnostics& /*diags*/) {}
  virtual void add(const Entry& e) = 0;
  // A sink that totals or checks figures (the ledgers, check) may take
  // them as views (EntryView, record.h) by answering true: the reader then
  // fills no Entry for a line of the common shape (record_fast.h) and calls
  // add_view. Explanations, and every line the full parser reads, still
  // come to add().
  virtual bool takes_views() const { return false; }
  virtual void add_view(const EntryView& /*e*/) {}
};

// A sink that several threads can fill at once (parallel reading): each
// worker reads whole files into a shard of its own, and the shards are then
// folded into this sink. Files are read in byte-wise path order, so a shard
// sees its files in read order, and (file name, line) orders any two
// entries as a sequential read would.
class ShardableSink : public EntrySink {
 public:
  // An empty sink of the same kind, for one worker.
  virtual std::unique_ptr<ShardableSink> make_shard() const = 0;
  // Folds the shards into this sink, which has received nothing. Returns
  // false, leaving this sink untouched, when the result could differ from a
  // sequential read of the same files (a sum that might overflow somewhere
  // along the way); the reader then reads the files again, in one thread.
  virtual bool merge(std::vector<std::unique_ptr<ShardableSink>>& shards) = 0;
};

// The same as a function, for callers that collect a few entries.
using EntryCallback = std::function<void(const Entry&)>;

// Lines longer than this many bytes (newline excluded) are errors and are
// skipped unread; it bounds the memory a reader holds for one line.
constexpr std::size_t kMaxLineBytes = 64 * 1024;

// Every *.rec file below `dir` (any depth), sorted by byte-wise path. A
// missing `dir` means no records; a `dir` that is a regular file is read as
// the only record file. Symbolic links to files are read; symbolic links to
// folders are not followed (a warning says so), which rules out loops.
// Each line goes through parse_line(); errors go to `diags` and reading goes
// on, so a check sees every error. Invalid UTF-8 and NUL bytes are errors at
// their column. A last line with no newline gives a warning ("last line has
// no newline (cut short?)"): it is still read. A UTF-8 byte order mark at the
// start of a file is skipped. A file or folder that cannot be read is an
// error naming it and the system's reason. Entry::where.file is the path as
// found: `dir` joined with the path below it, in generic (/) form.
// The whole scan holds the records' shared lock (ReadGuard in
// record_journal.h), so it sees every write whole or not at all; a dead
// writer's journal is rolled back first, or, where it cannot be (a
// read-only share), the files it lists are read up to their old length.
// Files named .plan-* (the lock, the journal) are not record files.
ReadStats read_records(const std::filesystem::path& dir, const Plan& plan, Diagnostics& diags,
                       EntrySink& sink);
// The same with the lock and journal reached through `env`.
ReadStats read_records(Env& env, const std::filesystem::path& dir, const Plan& plan,
                       Diagnostics& diags, EntrySink& sink);
ReadStats read_records(const std::filesystem::path& dir, const Plan& plan, Diagnostics& diags,
                       const EntryCallback& on_entry);

// The same, reading files in parallel when it pays. `threads` 1 reads in
// one thread; N > 1 uses N workers (at most one per file); 0 decides: one
// worker per core, at most 8, when there is more than one file and at least
// kParallelBytes of records, else one thread. Entries, figures and
// diagnostics (message, location, order) are those of a sequential read:
// each file's diagnostics are kept apart and added in file order, and a sink
// that cannot merge exactly makes the reader read again in one thread.
constexpr std::uint64_t kParallelBytes = 8 << 20;
ReadStats read_records(Env& env, const std::filesystem::path& dir, const Plan& plan,
                       Diagnostics& diags, ShardableSink& sink, unsigned threads = 0);
// The number of workers read_records uses for `files` files of `bytes`
// bytes in all, asked for `threads` (as above).
unsigned reader_threads(std::size_t files, std::uint64_t bytes, unsigned threads);

// The same for one file's contents held in memory (tests, stdin).
ReadStats read_record_text(std::string_view text, const std::string& file_name, const Plan& plan,
                           Diagnostics& diags, const EntryCallback& on_entry);
ReadStats read_record_text(std::string_view text, const std::string& file_name, const Plan& plan,
                           Diagnostics& diags, EntrySink& sink);

// One file's bytes fed in pieces of any size (a read() loop, a pipe): splits
// them into lines and reads each as read_records does. Holds at most one
// line of memory (kMaxLineBytes). finish() reads a last line that has no
// newline and returns the counts (files = 1). Lines of the common shape go
// through FastLineParser (record_fast.h), the others through parse_line.
class RecordStream {
 public:
  // The stream keeps its own copy of `on_entry`, so a temporary lambda is fine.
  RecordStream(std::string file_name, const Plan& plan, Diagnostics& diags, EntryCallback on_entry);
  // `sink` must outlive the stream.
  RecordStream(std::string file_name, const Plan& plan, Diagnostics& diags, EntrySink& sink);
  RecordStream(const RecordStream&) = delete;
  RecordStream& operator=(const RecordStream&) = delete;

  void feed(std::string_view bytes);
  ReadStats finish();

 private:
  struct CallbackSink : EntrySink {
    EntryCallback f;
    void add(const Entry& e) override { f(e); }
  };

  // `readable`: bytes that may be read from text.data(), at least its size.
  void line(std::string_view text, std::size_t readable);
  // Reads the whole lines at the front of `data` while none is carried over
  // or being skipped, up to a line longer than kMaxLineBytes; returns the
  // bytes it read.
  std::size_t feed_lines(std::string_view data);
  void too_long();

  const Plan& plan_;
  FastLineParser fast_;
  Diagnostics& diags_;
  CallbackSink own_;  // the callback, when given one
  EntrySink* sink_;   // &own_ or the caller's sink
  Location where_;    // file and current line number, reused for every line
  Entry entry_;       // reused for every line: its strings keep their memory
  EntryView view_;    // for a sink that takes views (EntrySink::takes_views)
  bool views_ = false;
  std::string carry_;      // the start of a line whose newline has not come yet
  bool skipping_ = false;  // inside a line that was too long
  bool finished_ = false;
  ReadStats stats_;
};

}  // namespace plan
