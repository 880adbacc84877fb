// The entries `plan log` lists, held between reading them and writing them
// in date order. An Entry, with its strings, takes some 450 bytes; a
// million-line ledger's log held 436 MB of them. Here each takes 40 bytes
// and its tags' text: what the log shows of it, and no more.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "plan.h"
#include "record.h"

namespace plan {

class LogEntries {
 public:
  // `plan` must outlive this: an entry of one of its indicators keeps the
  // indicator's index rather than its id.
  explicit LogEntries(const Plan& plan) : plan_(plan) {}

  // Keeps what the log shows of `e`: date, id, value, tags in line order,
  // file and line (not the column, 1 for every entry read, nor the columns
  // of its value and by=, which only messages use).
  void add(const Entry& e);
  std::size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }

  // Date order, entries of a date in the order added: as sort_by_date
  // (record.h) orders the entries themselves.
  void sort_by_date();

  // The i-th entry as it was added, but for the columns above (column 1,
  // no value or by= column), rebuilt in *out, whose strings keep their
  // memory from one call to the next. REQUIRES: i < size().
  void get(std::size_t i, Entry* out) const;
  Date date(std::size_t i) const { return Date::from_days(items_[i].date); }

 private:
  struct Item {
    std::int64_t amount;      // Decimal::units()
    std::uint64_t text;       // where its id (if no indicator) and tags start in text_
    std::int32_t date;        // days since the epoch
    std::uint32_t indicator;  // index into plan_.indicators, or kNoIndicator: the id is in text_
    std::uint32_t file;       // index into files_
    std::int32_t line;
    std::uint32_t tags;
    std::uint8_t flags;  // kDone | kState | kExplanation
  };
  static_assert(sizeof(Item) <= 40);
  static constexpr std::uint32_t kNoIndicator = UINT32_MAX;
  static constexpr std::uint8_t kDone = 1, kState = 2, kExplanation = 4;

  void put(std::string_view s);
  std::string_view take(std::uint64_t* at) const;

  const Plan& plan_;
  std::vector<Item> items_;
  // The files' names, one for each run of entries from the same file (the
  // reader hands them a file at a time, so once for each file).
  std::vector<std::string> files_;
  std::string text_;  // lengths and bytes: ids off the plan, tags' keys and values
};

}  // namespace plan
