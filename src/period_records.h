// What was recorded in a period, per indicator and reporting unit: the
// "recorded in the period" section of the `plan report` digest. Fed by the
// same single pass over the records as the digest's ledgers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "date.h"
#include "decimal.h"
#include "plan.h"
#include "record.h"

namespace plan {

// What one reporting unit recorded for one indicator in the period.
struct RecordedGroup {
  std::string unit;  // the entries' by= tag; "" when they have none
  std::size_t entries = 0;
  Decimal sum;  // flows: the increments added up (corrections included)
  // The latest of these entries (greatest date; among equal dates the one
  // read last): a level's reading, a milestone's done/undone.
  Date latest_date;
  Decimal latest_value;
  bool latest_done = false;
  std::string note;  // the latest entry's note= tag ("" when none)
  // The latest entry's place in read order (ties across units): its file's
  // place (PeriodRecords::begin_file) in the high bits, then a count.
  std::uint64_t latest_read = 0;
  // The sum of the entries' magnitudes, saturating: while it fits, `sum`
  // is exact in any order of adding (PeriodRecords::merge).
  std::uint64_t magnitude = 0;
};

// What was recorded in the period for one indicator.
struct RecordedIndicator {
  const Indicator* ind = nullptr;
  std::size_t entries = 0;
  Decimal sum;                       // flows: over all units
  std::vector<RecordedGroup> units;  // by unit name, byte-wise; "" (no by=) first
  // The unit group whose latest entry is the latest of all (greatest date,
  // then read last): for a level's reading or a milestone's state.
  const RecordedGroup& latest() const;
};

// The collector, an EntryCallback for the record reader: it keeps one
// aggregate per (indicator, reporting unit), so memory depends on the plan
// and the units, never on the number of entries.
class PeriodRecords {
 public:
  // Counts entries dated from `first` through `last`, both included.
  PeriodRecords(const Plan& plan, Date first, Date last);
  void add(const Entry& e);
  // The same for a figure: REQUIRES !e.is_explanation.
  void add(const EntryView& e);
  // The entries that follow come from the file at `index` in read order
  // (record_reader.h's EntrySink::begin_file); without it all count as one
  // file's, in the order given.
  void begin_file(std::size_t index) { file_ = index; }
  // A collector of the same plan and dates that has seen nothing.
  PeriodRecords empty_copy() const { return PeriodRecords(plan_, first_, last_); }
  // Parallel reading: adds what `parts` (same plan and dates, fed other
  // files) collected, as if their entries had been read too. can_merge()
  // is false when some sum might have saturated along the way.
  static bool can_merge(const std::vector<const PeriodRecords*>& parts);
  // REQUIRES: nothing added to this one yet; can_merge(parts).
  void merge(const std::vector<const PeriodRecords*>& parts);
  // Indicators in plan order, only those with entries.
  std::vector<RecordedIndicator> summary() const;

 private:
  struct Key {
    std::size_t indicator;
    std::string unit;
    auto operator<=>(const Key&) const = default;
  };
  const Plan& plan_;
  Date first_, last_;
  std::map<Key, RecordedGroup> groups_;
  std::uint64_t file_ = 0;
  std::uint64_t read_ = 0;
};

}  // namespace plan
