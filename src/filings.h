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
#include "text.h"

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
  // Inline: the reader's ledger calls it for every record line.
  void add(const EntryView& e, std::optional<int> period) {
    if (!period || e.date > as_of_) return;  // a period: the indicator has periods
    Flags& f = flags_[e.indicator];
    std::size_t slot = 0;
    if (f.by_reporter) {
      // A file is mostly one unit's: what its by= was found to be last time
      // (a reporter's slot, or none) is asked first.
      if (f.last_slot == kUnknown || !same_text(f.last_by, e.by)) find_slot(e.indicator, e.by);
      if (f.last_slot < 0) return;
      slot = static_cast<std::size_t>(f.last_slot);
    }
    filed_[f.offset + slot * static_cast<std::size_t>(f.periods) +
           static_cast<std::size_t>(*period)] = 1;
  }

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
  int periods(std::size_t indicator) const { return flags_[indicator].periods; }
  std::vector<OwedReport> owed(const Indicator& ind, Date from, Date to) const;
  // Sets flags_[indicator]'s last_by and last_slot to `by` and its slot.
  void find_slot(std::size_t indicator, std::string_view by);

  const Plan& plan_;
  Date as_of_;
  std::vector<PeriodIndex> period_index_;  // per indicator
  // Per indicator: where its flags are in filed_ (slots x periods, slot-
  // major), and the by= last seen and the reporter slot it names.
  static constexpr std::ptrdiff_t kUnknown = -2, kNone = -1;  // nothing seen; no reporter
  struct Flags {
    std::size_t offset = 0;
    int periods = 0;
    bool by_reporter = false;  // the indicator names its reporters
    std::string last_by;
    std::ptrdiff_t last_slot = kUnknown;
  };
  std::vector<Flags> flags_;
  std::vector<std::uint8_t> filed_;  // every indicator's flags, one after another
};

}  // namespace plan
