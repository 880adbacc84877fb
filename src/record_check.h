// Lint for records that parse: entries that are legal but probably wrong.
// Fed entry by entry from the reader, like the ledger.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "diagnostic.h"
#include "plan.h"
#include "plausibility.h"
#include "record.h"
#include "record_reader.h"

namespace plan {

class RecordChecker : public ShardableSink {
 public:
  // `today` decides what a future date is (the clock stays outside).
  RecordChecker(const Plan& plan, Date today, Diagnostics& diags);

  // Warnings, at the entry's line:
  //  - a suspected double entry: same date, id, value and `by` as an earlier
  //    entry of the same file (named in the message);
  //  - a date outside the plan period (a flow's increment then counts
  //    nowhere; a level reading or milestone state still counts while it is
  //    the latest entry);
  //  - a date after today;
  //  - a by= that names no reporter or unit of the plan (Plan::knows_unit),
  //    at the column of its value, with "did you mean". A warning, not an
  //    error: who filed a figure changes no figure, and ledgers written
  //    before by= was checked keep computing while they are fixed.
  //  - an implausible figure (plausibility.h): a % reading outside 0 … 100,
  //    or a value 20 (levels) or 100 (flows) times or more away from the
  //    indicator's entries read before it in the same file (which the
  //    doubtful entry then does not join).
  // And an error, once per indicator, where a report could not compute
  // (Ledger::error()): a level reading, or the magnitudes of a flow's
  // entries in the period added up, beyond kMaxFigureUnits (decimal.h).
  // Magnitudes, because the ledger's sums depend on the as-of date and the
  // order of reading: no subset of entries of a total within the limit can
  // overflow, so a ledger that check passes computes at every date.
  // Double entries are looked for within each file: a unit files a year's
  // figures in one file (records/<unit>/<year>.rec), which is where a figure
  // pasted twice lands. And within a window: among at least the file's last
  // kSeenWindow entries (at most twice as many), so that memory is fixed
  // however long a file grows; a figure pasted twice lands close by.
  void add(const Entry& e) override;

  // The reader's hooks (record_reader.h): a new file's table of fingerprints
  // and diagnostics; shards for parallel reading, merged unless a flow's
  // magnitudes reach the limit (then where they do depends on read order,
  // and the reader reads again in one thread).
  void begin_file(std::size_t index, const std::string& name, Diagnostics& diags) override;
  std::unique_ptr<ShardableSink> make_shard() const override;
  bool merge(std::vector<std::unique_ptr<ShardableSink>>& shards) override;

 private:
  // The fingerprints of file_'s recent entries, in two generations: the
  // newer takes new fingerprints until it holds kSeenWindow, then becomes
  // the older and the older is emptied for reuse. Each is open addressing
  // with linear probing in two flat arrays, a power of two long, at most
  // half full; fingerprint 0 marks an empty slot (a real 0 is stored as 1).
 public:
  static constexpr std::size_t kSeenWindow = 32768;

 private:
  class Seen {
   public:
    // The line first stored with `fingerprint`, or nullopt after storing `line`.
    std::optional<int> find_or_add(std::uint64_t fingerprint, int line);
    void clear();

   private:
    struct Table {
      std::vector<std::uint64_t> keys;
      std::vector<int> lines;
      std::size_t used = 0;
      const int* find(std::uint64_t fingerprint) const;
      void add(std::uint64_t fingerprint, int line);  // REQUIRES: not found
      void grow();
      void clear();
    };
    Table newer_, older_;
  };

  const Plan& plan_;
  Date today_;
  Diagnostics* diags_;  // the current file's (begin_file), else the one given
  std::string file_;    // the file being read
  // by= values already found known: a handful of reporters file a ledger,
  // and Plan::knows_unit gathers every unit name at each call.
  std::vector<std::string> known_by_;
  Seen seen_;
  // Per indicator: the sum of |amount| of its flow entries in the period
  // (-1 once reported).
  std::vector<std::int64_t> magnitude_;
  FigureRanges ranges_;  // of the entries read so far, doubtful ones left out
};

}  // namespace plan
