// The common shape of a record line, read fast. Nearly every line of a real
// ledger looks like
//
//   2019-06-30  jobs.urban_new  4210  by=人社局  src=月报  note="含 补报"  # ok
//
// and FastLineParser reads such a line in one pass with no messages to
// prepare: bytes checked sixteen at a time (SSE2; a table automaton for
// characters outside the common CJK range and on other machines), fields
// split on spaces, the id found in a flat table built once from the plan,
// the value read straight into fixed point (up to eight digits as one
// word), quoted values and their escapes decoded, and a date the line
// before had not read again. Anything unusual -- a tab, leading spaces,
// 万, more than six decimal places, any error -- is "not sure", and the
// caller hands the line to parse_line (record.h), which stays the one
// judge of the format and the only source of messages. The line is read
// into an Entry, or, for the sinks that total and check figures, into an
// EntryView that copies nothing (record.h); for views, tags the parser has
// lately read (the same text after the value) are not read again.
//
// The contract, pinned by tests/record_fast_test.cpp on mutated lines: when
// parse() answers, parse_line gives the same answer and the same Entry, and
// a view is the view of that Entry (view_of).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"
#include "plan.h"
#include "record.h"

namespace plan {

class FastLineParser {
 public:
  explicit FastLineParser(const Plan& plan);

  // The line's kind with `entry` filled exactly as parse_line would fill it,
  // or nullopt when the line is not of the common shape (then `entry`'s
  // contents are unspecified). REQUIRES: entry->where.file is where.file
  // already: every line of a stream is of one file, so the caller sets it
  // once rather than have a file name compared on every line. `line` excludes the newline.
  // `readable` bytes from line.data() may be read (more than the line: the bytes after it in the
  // caller's buffer), so that the line's end need not be copied to be read sixteen bytes at a time.
  std::optional<LineKind> parse(std::string_view line, const Location& where, Entry* entry,
                                std::size_t readable = 0) const;
  // The same for a sink that takes views (record_reader.h): the line read
  // into `view` with nothing copied, its texts views into the line or into
  // this parser (valid until the next line).
  // REQUIRES: view->file is &where.file.
  std::optional<LineKind> parse(std::string_view line, const Location& where, EntryView* view,
                                std::size_t readable = 0) const;

 private:
  // Lines with more tags than this go to parse_line.
  static constexpr std::size_t kMaxTags = 16;

  template <class Out>
  std::optional<LineKind> read(std::string_view line, const Location& where, Out* out,
                               std::size_t readable) const;
  // The view's fields but its tags' (by, period, note, by_column) and
  // value_column.
  void fill_view(EntryView* out, std::int64_t index, std::int64_t micros, bool is_state, bool done,
                 const Location& where) const;
  // Index of the indicator whose id is `id`, or -1. `readable` bytes from
  // id.data() may be read.
  std::int64_t find(std::string_view id, std::size_t readable) const;

  const Plan& plan_;
  // The date of the last line read, as text and as read: a cache, which is
  // why a parser serves one thread (each RecordStream has its own).
  struct LastDate {
    std::uint64_t word = 0;  // bytes 0-7 of the line
    std::uint16_t tail = 0;  // bytes 8-9
    Date date;
    Ymd ymd;
  };
  mutable LastDate last_date_;
  // For views: the values of by=, period= and note= with escapes, decoded
  // (and one for other keys, decoded only to be checked).
  mutable std::string decoded_[4];
  // For views: the tags (and comment) of lines read before, and what they
  // were read as. A unit's lines mostly repeat a few (by=人社局 src=月报),
  // and a line whose tags are those of a line before is not read again
  // past its value: its tags' text decides all they give a view.
  // Longer tags are read every time, so that what is kept stays small
  // whatever the lines: 26 KiB, and 48 KiB more at most for values that
  // have escapes. (Tags of real lines are mostly under 64 bytes.)
  static constexpr std::size_t kSeenTagsBytes = 256;
  struct SeenTags {
    std::size_t size = SIZE_MAX;  // of text; SIZE_MAX: none yet
    int by_points = -1;           // code points of text before by='s value; -1: no by=
    // Their values: views into text, or into `escaped` for values that had
    // escapes, decoded.
    std::string_view by, period, note;
    std::string escaped[3];
    char text[kSeenTagsBytes];  // from the first tag to the line's end
  };
  // Two slots per hash, so that the few tag texts nearly every line of a
  // file repeats do not evict each other when their hashes meet, and a
  // line of rare tags replaces the slot of its set hit less lately.
  static constexpr std::size_t kSeenSets = 32;  // a power of two: a set per hash
  mutable SeenTags seen_tags_[kSeenSets][2];
  mutable std::uint8_t seen_recent_[kSeenSets] = {};  // the slot of each set hit last
  // Open addressing, power-of-two size. An id that fits is kept in its
  // slot, so that finding it compares two blocks of bytes and does not
  // reach into the plan (with SSE2, and when the 32 bytes from the id's
  // start may be read; otherwise the plan's id is compared).
  static constexpr std::size_t kSlotText = 32;
  struct Slot {
    std::uint32_t index = 0;    // indicator index + 1; 0 when empty
    std::uint32_t size = 0;     // of the id
    char text[kSlotText] = {};  // the id if it fits, then zeros
  };
  std::vector<Slot> slots_;
  // The size is 2^bits_; mask_ is size - 1, kept rather than derived: a
  // derived mask cost 0.6 % more instructions of `plan status`.
  std::uint64_t mask_ = 0;
  unsigned bits_ = 0;
};

}  // namespace plan
