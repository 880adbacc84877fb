// Figures that are probably in the wrong unit: a fraction typed for a
// percent (0.026 for 2.6 %), people typed in 万 (1.2 for 12,000), or the
// other way round. `plan import` and `plan record` refuse them unless
// --force; `plan check` warns of them.
//
// Two rules, for figures only (flow increments and level readings;
// milestones and explanations carry none):
//  - percent: a reading of a % indicator outside 0 … 100, or an increment
//    of a % flow of more than 100 either way;
//  - magnitude: against the indicator's other entries. Its range is the
//    smallest and largest |value| of its entries so far, counting level
//    readings and the positive increments of flows, and leaving out zeros
//    (a zero says nothing about the unit) and negative increments
//    (corrections are small by nature). A value v other than zero is
//    implausible when it lies a factor F or more outside that range:
//    |v| ≥ F × the largest, or |v| × F ≤ the smallest. F is 100 for flows,
//    whose increments vary widely (a month against a year, a town against
//    the district), and 20 for level readings, so that a fraction typed for
//    a percent (a factor of exactly 100 from the right value) is caught
//    even when the right value has moved up to five times away from the
//    others. A negative flow increment is never judged by magnitude. An
//    indicator with no entries yet has no range: anything goes.
// For import and record "other entries" are the ledger's, read in one pass
// before anything is written; for check, the entries of the same file read
// before this one (a unit files a year's figures in one file; the files are
// read in parallel), so memory is one range per indicator.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "decimal.h"
#include "plan.h"
#include "record.h"
#include "record_reader.h"

namespace plan {

// Why a % indicator cannot have this figure (the percent rule), or nullopt.
std::optional<Message> percent_doubt(const Entry& e, const Indicator& ind);

// The factor F above for an indicator of kind `k`.
int implausible_factor(Kind k);

class FigureRanges : public EntrySink {
 public:
  // `others` names, in the messages, the entries a figure is judged
  // against: the ledger's for import and record, the file's so far for
  // check.
  explicit FigureRanges(const Plan& plan, Message others = {"its other entries", "其他数据"});

  // An entry of the ledger: widens its indicator's range.
  void add(const Entry& e) override;
  bool takes_views() const override { return true; }
  void add_view(const EntryView& e) override;
  // Widens every range to take in `other`'s, a FigureRanges of the same
  // plan fed other entries: a range is the smallest and largest magnitude,
  // so the order entries come in does not change it.
  void merge(const FigureRanges& other);

  // Forgets every range.
  void clear();

  // Why `e` is implausible against the entries added so far (the magnitude
  // rule), or nullopt. `e` itself is not added.
  std::optional<Message> doubt(const Entry& e) const;
  // Both rules, as import, record and check apply them: percent_doubt,
  // then doubt(). nullopt for an entry of an id the plan lacks.
  std::optional<Message> judge(const Entry& e) const;

  // judge(e), then add(e) when it finds nothing: what check does for each
  // entry, with its indicator found once. `index` is the entry's indicator
  // (indicator_index in record.h).
  std::optional<Message> judge_and_add(const EntryView& e, std::size_t index);

 private:
  // What the rules ask of an indicator's entries, worked out once.
  struct Rule {
    bool counts = false;  // not a milestone: its entries carry figures
    bool flow = false;
    bool percent = false;
    int factor = 0;  // F
  };
  // An indicator's range, with the bounds of the magnitude rule worked out
  // when the range changes rather than for every entry: a magnitude m
  // passes when below < m < above, that is m × F > lo and m < F × hi. No
  // range yet lets every m pass.
  struct Range {
    Decimal lo, hi;  // of |value|; both zero while nothing counted
    std::int64_t below = 0;
    __int128 above = static_cast<__int128>(1) << 100;  // beyond any F × |value|
  };
  // The magnitude (|value| in units) an entry counts with, 0 when it counts
  // for none.
  // These take an Entry or an EntryView (record.h).
  template <class E>
  static std::int64_t magnitude(const E& e, const Rule& rule);
  // judge(e) for an entry of indicator `index`.
  template <class E>
  std::optional<Message> judge(const E& e, std::size_t index) const;
  // The magnitude rule's verdict on `m`, for an entry of indicator `index`.
  template <class E>
  std::optional<Message> doubt(const E& e, std::size_t index, std::int64_t m) const;
  // Why `m` is outside the bounds of indicator `index`'s range.
  template <class E>
  Message outside(const E& e, std::size_t index, std::int64_t m) const;
  void widen(std::size_t index, std::int64_t m);

  const Plan& plan_;
  Message others_;             // what the range is of, in messages
  std::vector<Rule> rules_;    // per indicator, in plan order
  std::vector<Range> ranges_;  // per indicator, in plan order
};

}  // namespace plan
