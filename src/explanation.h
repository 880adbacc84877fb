// Explanations (情况说明): a reporter's account of why an indicator is behind,
// missed or unreported for a reporting period, and what it will do about it.
// A record line with the value `explain` (plan-records(5), EXPLANATIONS):
//
//   2019-07-12  jobs.urban_new  explain  by=平望镇  period=2019-06
//       note="6月企业用工统计延迟"  measures="7月15日前补报"
//
// An explanation is no figure and files no report: a unit that explains a
// missing report still owes it. The ledger keeps them (Explanations, fed in
// the same pass); memory is bounded by indicators x periods x reporters,
// because a later explanation of the same indicator, period and by=
// replaces the earlier one.
#pragma once

#include <string>
#include <vector>

#include "date.h"
#include "diagnostic.h"
#include "filings.h"
#include "plan.h"
#include "record.h"

namespace plan {

struct Explanation {
  Date date;
  std::string by;        // the by= tag; "" when absent
  std::string period;    // the reporting period's label ("2019-06"); see period_explained
  std::string note;      // the explanation itself
  std::string measures;  // corrective measures (整改措施); "" when absent
  Location where;        // file and line of the entry
};

// The period an explanation of `ind` dated `date` is about. With a period=
// tag, the period it names (its label as written when it names no period of
// the indicator's frequency); without one, for a scheduled indicator, the
// last reporting period due on or before `date` (the one the indicator is
// judged on that day), or the first period before any is due. "" for an indicator without a
// schedule and no period= tag.
std::string period_explained(const Plan& plan, const Indicator& ind, Date date,
                             std::string_view period_tag);

// The explanation an `explain` entry gives.
Explanation explanation_of(const Plan& plan, const Indicator& ind, const Entry& e);

// Every indicator's explanations dated on or before the as-of date, one per
// (period, by=): the latest by date, among equal dates the one read last.
class Explanations {
 public:
  Explanations(const Plan& plan, Date as_of);
  // Takes an entry; all but `explain` entries dated <= as-of are ignored.
  void add(const Entry& e);
  // The indicator's explanations, by date (equal dates: read order).
  std::vector<Explanation> of(std::size_t indicator) const;
  // Adds what `other` (same plan and as-of date, fed other files) kept, as
  // if its entries had been read too; read order is (file name, line).
  void merge(const Explanations& other);

 private:
  struct Kept {
    Explanation e;
    std::size_t read = 0;  // read order, for ties within one file's entries
  };
  // Keeps `k` unless an explanation of the same period and by= read later
  // is kept.
  void keep(std::size_t indicator, Kept k);
  const Plan& plan_;
  Date as_of_;
  std::size_t read_ = 0;
  std::vector<std::vector<Kept>> kept_;
};

// The explanations that speak to an indicator's state at the as-of date,
// oldest first (the last is the one digests show). For a scheduled
// indicator: those about a period whose report is `missing`, or about
// `judged_period` (the last period due) or a later one; older periods' are
// history, shown by `plan show` only. For an indicator without a schedule:
// all of them.
std::vector<Explanation> current_explanations(const Indicator& ind,
                                              const std::vector<Explanation>& all,
                                              const std::vector<OwedReport>& missing,
                                              const std::string& judged_period);

// The latest of `list` that explains the owed report `r`: about its period,
// and by its reporter, by no one (no by=), or by someone who is not among
// the indicator's reporters (the lead unit speaking for all of them).
// nullptr when none does.
const Explanation* explanation_for(const std::vector<Explanation>& list, const OwedReport& r);

}  // namespace plan
