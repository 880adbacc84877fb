// Ledger totals: what the records add up to, per indicator, at an as-of
// date. Fed one entry at a time by the record reader, it keeps a fixed
// amount of state per indicator (sums per year and month, latest readings),
// so memory does not grow with the number of records.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "date.h"
#include "decimal.h"
#include "diagnostic.h"
#include "filings.h"
#include "plan.h"
#include "record.h"

namespace plan {

// A level reading or a milestone state, and where it was read. Entries come
// in read order, so among equal dates the one read last replaces the others.
struct Reading {
  Date date;
  Decimal value;  // milestones: 1 = done, 0 = undone
  Location where;
};

struct IndicatorTotals {
  std::size_t entries = 0;  // entries dated <= as-of (in or out of the period)
  // Flows (total, range): increments dated in the plan period and <= as-of.
  Decimal actual;
  std::map<int, Decimal> by_year;   // year -> sum
  std::map<int, Decimal> by_month;  // year*12 + month-1 -> sum
  // year -> sum of the increments dated up to the as-of date's month and day
  // of that year: the same period of each year, for year-on-year growth of
  // a year still in progress.
  std::map<int, Decimal> same_period_by_year;
  // Levels (floor, cap) and milestones: the latest entry <= as-of, overall
  // and per year of the period.
  std::optional<Reading> latest;
  std::map<int, Reading> latest_by_year;
  std::optional<Date> first, last;  // dates of the entries counted
};

class Ledger {
 public:
  Ledger(const Plan& plan, Date as_of);

  // Takes one entry whose id the plan knows (the reader guarantees it).
  // Entries after the as-of date are ignored. A sum that would overflow is
  // recorded as an error (see error()) and the entry is not counted.
  void add(const Entry& e);

  Date as_of() const { return as_of_; }
  const Plan& plan() const { return plan_; }
  const IndicatorTotals& totals(std::size_t indicator) const { return totals_[indicator]; }
  const IndicatorTotals& totals(const Indicator& ind) const;
  // Which scheduled reports have come in by the as-of date (filings.h).
  const Filings& filings() const { return filings_; }
  // The first overflow met, if any: the figures must not be used then.
  const std::optional<Diagnostic>& error() const { return error_; }

 private:
  const Plan& plan_;
  Date as_of_;
  std::pair<int, int> as_of_month_day_;
  std::vector<IndicatorTotals> totals_;
  std::optional<Diagnostic> error_;
  Filings filings_;
};

}  // namespace plan
