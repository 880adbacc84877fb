// Which scheduled reports have come in: per scheduled indicator, per
// reporter who files it (Indicator::reported_by) and per reporting period, a
// flag set by the first entry that reports for it (schedule.h,
// period_of_entry). Fed one entry at a time in the same pass as the ledger;
// memory is plan x periods, independent of the number of entries.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "date.h"
#include "plan.h"
#include "record.h"
#include "schedule.h"

namespace plan {

// One report that is owed: due by the as-of date and missing, or falling due
// soon and not yet in.
struct OwedReport {
  const Indicator* ind = nullptr;
  std::string reporter;  // "" when the indicator names no reporter (anyone may file it)
  ReportingPeriod period;
  int days_overdue = 0;  // as-of date - due date; negative for reports not yet due
};

class Filings {
 public:
  Filings(const Plan& plan, Date as_of);

  // Takes one entry (entries after the as-of date are ignored). An entry
  // counts for its indicator's period when its by= names one of the
  // indicator's reporters, or when the indicator names none.
  void add(const Entry& e);
  // The same for a figure: REQUIRES !e.is_explanation.
  void add(const EntryView& e);
  // The same with the period the entry reports for worked out already
  // (PeriodIndex::of for its indicator: the ledger's, not worked out twice).
  void add(const EntryView& e, std::optional<int> period);

  // Adds the reports `other` (same plan and as-of date) has seen come in.
  void merge(const Filings& other);

  Date as_of() const { return as_of_; }
  bool filed(std::size_t indicator, std::size_t reporter_slot, int period) const;

  // The indicator's reports due by the as-of date (due date before it) and
  // not filed, by period then reporter (plan order).
  std::vector<OwedReport> missing(const Indicator& ind) const;
  // Its reports falling due from the as-of date to `days` days after it
  // (due date in [as_of, as_of + days]) and not yet filed.
  std::vector<OwedReport> upcoming(const Indicator& ind, int days) const;

 private:
  std::size_t slots(std::size_t indicator) const;
  int periods(std::size_t indicator) const { return period_index_[indicator].count(); }
  std::vector<OwedReport> owed(const Indicator& ind, Date from, Date to) const;

  const Plan& plan_;
  Date as_of_;
  // Per indicator: slots x periods flags, slot-major.
  std::vector<std::vector<std::uint8_t>> filed_;
  std::vector<PeriodIndex> period_index_;  // per indicator
  // Per indicator: the by= last seen and the reporter slot it names.
  struct LastBy {
    static constexpr std::ptrdiff_t kUnknown = -2, kNone = -1;  // nothing seen; no reporter
    std::string by;
    std::ptrdiff_t slot = kUnknown;
  };
  std::vector<LastBy> last_by_;
};

}  // namespace plan
