// Entries already in the ledger: `plan import` and `plan record` refuse a
// new entry with the same date, id, value and by= as one the ledger holds
// (a file imported twice, a figure typed in again), unless told to
// (--allow-duplicates). One streaming pass over the records: the new
// entries go into a hash table first, then every ledger entry is looked up
// in it, so memory follows the entries added, not the ledger.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "diagnostic.h"
#include "record.h"
#include "record_reader.h"

namespace plan {

// A 64-bit fingerprint of what makes two entries the same figure: date, id,
// value (the amount, or done/undone, or for an explanation its note) and
// by=. Equal entries have equal fingerprints; a collision is possible, so
// same_figure() decides.
std::uint64_t figure_fingerprint(const Entry& e);

// True when `a` and `b` are the same figure in the sense above.
bool same_figure(const Entry& a, const Entry& b);

class DuplicateFinder : public EntrySink {
 public:
  // `fresh` are the entries to be added; they must outlive the finder. An
  // entry equal to an earlier one of `fresh` is a duplicate of it already.
  explicit DuplicateFinder(const std::vector<const Entry*>& fresh);

  // A ledger entry: each fresh entry equal to it remembers where it is
  // (the first such ledger entry).
  void add(const Entry& e) override;

  // Per fresh entry, in order: where the same figure already is (a ledger
  // entry's FILE:LINE, or the earlier fresh entry's where), or nullopt.
  const std::vector<std::optional<Location>>& found() const { return found_; }
  // Per fresh entry: true when the repeat is of an earlier fresh entry.
  bool within_batch(std::size_t i) const { return earlier_[i] != kNone; }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  const std::vector<const Entry*>& fresh_;
  std::unordered_multimap<std::uint64_t, std::size_t> index_;  // fingerprint → fresh entry
  std::vector<std::optional<Location>> found_;
  std::vector<std::size_t> earlier_;
};

}  // namespace plan
