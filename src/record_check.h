// Lint for records that parse: entries that are legal but probably wrong.
// Fed entry by entry from the reader, like the ledger.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "count_date.h"
#include "date.h"
#include "diagnostic.h"
#include "fingerprint.h"
#include "plan.h"
#include "plausibility.h"
#include "record.h"
#include "record_reader.h"
#include "text.h"

namespace plan {

class RecordChecker : public ShardableSink {
 public:
  // `today` decides what a future date is (the clock stays outside).
  RecordChecker(const Plan& plan, Date today, Diagnostics& diags);

  // Warnings, at the entry's line:
  //  - a suspected double entry: same date, id, value, `by` and `period` as an earlier
  //    entry of the same file (named in the message);
  //  - a date outside the plan period (a flow's increment then counts
  //    nowhere; a level reading or milestone state still counts while it is
  //    the latest entry);
  //  - a date after today;
  //  - a period= that begins after the entry's date (a report is dated the
  //    day it came in: the date or the period is a typo);
  //  - a by= of a unit of the plan that is not among the reporters of the
  //    entry's scheduled indicator (Indicator::reported_by): the
  //    figure counts, but files no report (a town's figure under 教育局, a
  //    group's name for one of its members), at the column of its value,
  //    once a file for each indicator and unit;
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
  // After begin_file every entry is taken to be of that file; fed without
  // it, the checker sees a new file by Entry::where.file.
  void add(const Entry& e) override;
  bool takes_views() const override { return true; }
  void add_view(const EntryView& e) override;
  static constexpr std::size_t kSeenWindow = 32768;

  // The reader's hooks (record_reader.h): a new file's table of fingerprints
  // and diagnostics; shards for parallel reading, merged unless a flow's
  // magnitudes reach the limit (then where they do depends on read order,
  // and the reader reads again in one thread).
  void begin_file(std::size_t index, const std::string& name, Diagnostics& diags) override;
  std::unique_ptr<ShardableSink> make_shard() const override;
  bool merge(std::vector<std::unique_ptr<ShardableSink>>& shards) override;

 private:
  void start_file(const std::string& name);
  // What stands for the entry's by= in its fingerprint: 0 for none, the
  // place in known_by_ (+ 1) of a known one, else (a by= that names no
  // unit) the hash of the text with the top bit set.
  // Inline, as reporter_state: asked for every entry, and nearly always
  // answered by the last unit found (a call cost more than the compare).
  std::uint64_t by_key(std::string_view by) {
    if (by.empty()) return 0;
    if (last_by_ < known_by_.size() && same_text(known_by_[last_by_], by)) return last_by_ + 1;
    return find_by_key(by);
  }
  // by_key of a by= other than the last one found.
  std::uint64_t find_by_key(std::string_view by);
  void warn_unknown_unit(const EntryView& e);
  // Whether known_by_[unit] is one of the indicator's reporters, and
  // whether this file named it already when it is not.
  static constexpr std::int8_t kUnknown = -1, kNotReporter = 0, kReporter = 1, kNamed = 2;
  std::int8_t reporter_state(std::size_t indicator, std::size_t unit) {
    const std::vector<std::int8_t>& known = reports_[indicator];
    if (unit < known.size() && known[unit] != kUnknown) return known[unit];
    return learn_reporter_state(indicator, unit);
  }
  // reporter_state the first time it is asked for the pair.
  std::int8_t learn_reporter_state(std::size_t indicator, std::size_t unit);
  // The checks of add and add_view: `index` is the entry's indicator, when
  // the plan has its id, which is `id`.
  void check(const EntryView& e, std::optional<std::size_t> index, std::string_view id);

  const Plan& plan_;
  Date today_;
  Diagnostics* diags_;      // the current file's (begin_file), else the one given
  std::string file_;        // the file being read, when fed without begin_file
  bool by_reader_ = false;  // begin_file was called: every entry is of its file
  // by= values already found known: a handful of reporters file a ledger,
  // and Plan::knows_unit gathers every unit name at each call. A file
  // mostly holds one, the last found.
  std::vector<std::string> known_by_;
  std::size_t last_by_ = 0;
  // Per indicator, per known_by_ place: a reporter_state, filled as the
  // units are met.
  std::vector<std::vector<std::int8_t>> reports_;
  // The fingerprints of the file's last entries: date, indicator, value and
  // by=, the indicator by its place in the plan and by= by its key above,
  // so that no text is hashed for most entries.
  FingerprintWindow seen_{kSeenWindow};
  // Per indicator: the sum of |amount| of its flow entries in the period
  // (-1 once reported).
  std::vector<std::int64_t> magnitude_;
  FigureRanges ranges_;     // of the entries read so far, doubtful ones left out
  CountDates count_dates_;  // when a figure counts: for plan check's "outside the plan"
};

}  // namespace plan
