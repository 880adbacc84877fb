// Entries already in the ledger: `plan import` and `plan record` refuse a
// new entry with the same date, id, value, by= and period= as one the ledger holds
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
#include "fingerprint.h"
#include "record.h"
#include "record_reader.h"

namespace plan {

// A 64-bit fingerprint of what makes two entries the same figure: date, id,
// value (the amount, or done/undone, or for an explanation its note), by=
// and period=. Equal entries have equal fingerprints; a collision is possible, so
// same_figure() decides.
std::uint64_t figure_fingerprint(const Entry& e);

// The same with the words that stand for the entry's id and by= given by
// the caller, who must give equal words for equal texts: `plan check`
// uses small numbers for the ids and units it knows, so that no text is
// hashed for most entries. Inline: check runs it for every entry.
inline std::uint64_t figure_fingerprint(const EntryView& e, std::uint64_t id, std::uint64_t by) {
  Fingerprint f;
  f.add(static_cast<std::uint64_t>(e.date.days_since_epoch()));
  f.add(id);
  if (e.is_explanation) {
    f.add(~std::uint64_t{0});
    f.add(e.note);
  } else if (e.is_state) {
    f.add(~std::uint64_t{1});
    f.add(e.done ? 1u : 0u);
  } else {
    f.add(static_cast<std::uint64_t>(e.amount.units()));
  }
  f.add(by);
  // Two periods are two reports, though their figures be equal (a late May
  // and a June filed the same day); entries without period= add nothing.
  if (!e.period.empty()) f.add(e.period);
  return f.value();
}

// True when `a` and `b` are the same figure in the sense above.
bool same_figure(const Entry& a, const Entry& b);

class DuplicateFinder : public EntrySink {
 public:
  // `fresh` are the entries to be added; they must outlive the finder. An
  // entry equal to an earlier one of `fresh` is a duplicate of it already.
  DuplicateFinder(const Plan& plan, const std::vector<const Entry*>& fresh);

  // Where the ledger entries of the next file come from in read order, so
  // that finders that each read some of the files can be folded (merge).
  void begin_file(std::size_t index, const std::string& name, Diagnostics& diags) override;
  // A ledger entry: each fresh entry equal to it remembers where it is
  // (the first such ledger entry in read order).
  void add(const Entry& e) override;
  // The same for a view: nothing is hashed for an entry whose indicator or
  // date no fresh entry has, which is nearly every entry of the ledger when
  // one figure is recorded or one period's sheet imported.
  bool takes_views() const override { return true; }
  void add_view(const EntryView& e) override;

  // Folds in what `part`, a finder of the same fresh entries fed some of
  // the ledger's files, found: as if this one had read those files too.
  void merge(const DuplicateFinder& part);

  // Per fresh entry, in order: where the same figure already is (a ledger
  // entry's FILE:LINE, or the earlier fresh entry's where), or nullopt.
  std::vector<std::optional<Location>> found() const;
  // Per fresh entry: true when the repeat is of an earlier fresh entry.
  bool within_batch(std::size_t i) const { return !in_ledger_[i] && earlier_[i] != kNone; }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  // A ledger entry's place in read order, and where it is.
  struct Seen {
    std::size_t file = 0;
    Location where;
  };
  const Plan& plan_;
  const std::vector<const Entry*>& fresh_;
  std::vector<std::size_t> fresh_indicator_;  // per fresh entry: its index, or kNone
  std::unordered_multimap<std::uint64_t, std::size_t> index_;  // fingerprint → fresh entry
  // What a ledger entry must have to be one of the fresh entries: one of
  // their indicators (with its id's fingerprint, worked out once), and a
  // date in their span.
  std::vector<std::optional<std::uint64_t>> id_fingerprint_;  // per indicator
  Date first_, last_;
  std::size_t file_ = 0;                        // the file being read
  std::vector<std::optional<Seen>> in_ledger_;  // per fresh entry
  std::vector<std::size_t> earlier_;            // per fresh entry: an equal earlier one, or kNone
};

}  // namespace plan
