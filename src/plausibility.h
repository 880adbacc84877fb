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
std::optional<std::string> percent_doubt(const Entry& e, const Indicator& ind);

// The factor F above for an indicator of kind `k`.
int implausible_factor(Kind k);

class FigureRanges : public EntrySink {
 public:
  explicit FigureRanges(const Plan& plan);

  // An entry of the ledger: widens its indicator's range.
  void add(const Entry& e) override;

  // Forgets every range.
  void clear();

  // Why `e` is implausible against the entries added so far (the magnitude
  // rule), or nullopt. `e` itself is not added.
  std::optional<std::string> doubt(const Entry& e) const;
  // Both rules, as import, record and check apply them: percent_doubt,
  // then doubt(). nullopt for an entry of an id the plan lacks.
  std::optional<std::string> judge(const Entry& e) const;

 private:
  struct Range {
    Decimal lo, hi;  // of |value|; both zero while nothing counted
  };
  // The |value| an entry counts with, or nullopt when it counts for none.
  std::optional<Decimal> magnitude(const Entry& e) const;

  const Plan& plan_;
  std::vector<Range> ranges_;  // per indicator, in plan order
};

}  // namespace plan
