// Ledger totals: what the records add up to, per indicator, at an as-of
// date E, as known on a later day D (by default E itself): a report for a
// period that ended by E, filed late or in its due window after E and by D,
// counts as of its period's last day; reports filed by D, and explanations
// dated by D, are what filings() and explanations() know. The digest of
// June made on 15 July counts June's reports that came in on 5 July.
// Fed one entry at a time by the record reader, it keeps a fixed
// amount of state per indicator (sums per year and month, latest readings),
// so memory does not grow with the number of records.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "count_date.h"
#include "date.h"
#include "decimal.h"
#include "diagnostic.h"
#include "explanation.h"
#include "filings.h"
#include "plan.h"
#include "record.h"
#include "schedule.h"

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
  // REQUIRES: known_by >= as_of.
  Ledger(const Plan& plan, Date as_of, Date known_by);

  // Takes one entry whose id the plan knows (the reader guarantees it).
  // A figure of a scheduled indicator counts for the reporting period it
  // reports for (period=, or the due window its date is in: schedule.h), as
  // of the period's last day when filed after it: December's report filed
  // on 8 January counts in December and in its year. Entries after the
  // known-by date are ignored, and those after the as-of
  // date count only as reports (and figures) of a period ended by then; explanations (`explain`)
  // are kept apart and count toward no figure and no report. A sum that would overflow is recorded
  // as an error (see error()) and the entry is not counted.
  void add(const Entry& e);
  // The same for a figure: REQUIRES !e.is_explanation.
  [[gnu::always_inline]] inline void add(const EntryView& e);

  // From now on, takes only the figures reported by `unit` (by=), or by a
  // member of the reporter group `unit` (各区镇: Plan::reporter_is): the
  // unit's own share of each total (plan status --unit). "" takes every
  // figure, as a new ledger does. REQUIRES: no entry added yet.
  void only_by(std::string unit) {
    only_names_ = plan_.reporters_as(unit);
    only_by_ = std::move(unit);
  }
  const std::string& only_by() const { return only_by_; }

  Date as_of() const { return as_of_; }
  Date known_by() const { return known_by_; }
  const Plan& plan() const { return plan_; }
  const IndicatorTotals& totals(std::size_t indicator) const;
  const IndicatorTotals& totals(const Indicator& ind) const;
  // Which scheduled reports have come in by the known-by date (filings.h).
  const Filings& filings() const { return filings_; }
  // When each figure counts (count_date.h): the rule add() follows.
  const CountDates& count_dates() const { return count_dates_; }
  // The indicator's explanations dated by the known-by date, by date; one per
  // period and by= (explanation.h).
  std::vector<Explanation> explanations(const Indicator& ind) const;
  // The first overflow met, if any: the figures must not be used then.
  const std::optional<Diagnostic>& error() const { return error_; }

  // Parallel reading (record_reader.h): ledgers of the same plan, as-of
  // and known-by dates, each fed some of the files, folded into one. can_merge() says
  // whether the result is exactly what one ledger fed every entry in read
  // order would hold: it is unless a part met an error, or a flow's entries
  // add up to magnitudes beyond the figure limit (then some order of adding
  // them might overflow on the way, and only a sequential read can say
  // where). Among readings of equal date the one read last wins, read order
  // being (file name, line): files are read in byte-wise path order.
  static bool can_merge(const std::vector<const Ledger*>& parts);
  // REQUIRES: this ledger has had no entry; can_merge(parts).
  void merge(const std::vector<const Ledger*>& parts);

 private:
  // While entries come in, the totals live in flat arrays indexed by month
  // and year of the period (no map, no string per entry); totals() turns
  // them into IndicatorTotals when first asked after an add.
  struct Sum {
    std::int64_t micros = 0;
    bool touched = false;  // IndicatorTotals lists only sums that were added to
  };
  struct Latest {
    std::int32_t date = 0;   // counted as of (a late report: its period's last day)
    std::int32_t filed = 0;  // the entry's own date: of two for one day, the later filed wins
    std::int64_t value = 0;
    std::uint32_t file = 0;  // index into files_
    int line = 0, column = 0;
    bool set = false;
  };
  struct Acc {
    bool flow = false;  // the indicator is a flow (is_flow): sums, not readings
    std::size_t entries = 0;
    std::int64_t actual = 0;
    std::vector<Sum> by_month;     // months of the period, first to last
    std::vector<Sum> by_year;      // years of the period
    std::vector<Sum> same_period;  // years of the period
    Latest latest;
    std::vector<Latest> latest_by_year;     // years first_year_ .. last_year_
    std::map<int, Latest> latest_elsewhen;  // readings of other years (rare)
    // The first and last days of the entries counted (no entry: an empty
    // range, so that min and max need no test).
    std::int32_t first = INT32_MAX, last = INT32_MIN;
    // The sum of the magnitudes of the flow entries counted, saturating:
    // while it is within the figure limit no order of adding them overflows.
    std::int64_t magnitude = 0;
  };

  // Counts a figure dated by the as-of date.
  // `filed`: the entry's own date in days (count_as_of changes e.date).
  void count(const EntryView& e, std::int32_t filed);
  // The sums of the flow `a` that an increment of day `d` in the plan
  // period adds to.
  struct FlowSums {
    Sum &year, &month, &same;
    bool same_period;  // up to the as-of date's day of the year: the 同比 base of later years
  };
  FlowSums flow_sums(Acc& a, Ymd d) {
    const auto y = static_cast<std::size_t>(d.year - period_first_year_);
    return {a.by_year[y],
            a.by_month[static_cast<std::size_t>(month_key(d.year, d.month) - period_first_month_)],
            a.same_period[y], std::pair(d.month, d.day) <= as_of_month_day_};
  }
  // year*12 + month-1: months counted from year 0.
  static int month_key(int year, int month) { return year * 12 + month - 1; }
  // Counts the increment `e` of the flow `a`, dated in the plan period, when
  // the magnitudes counted stay within the figure limit with it, so that no
  // sum can overflow and none need be checked: nearly always. False, with
  // nothing counted, otherwise.
  bool count_in_period(Acc& a, const EntryView& e) {
    const std::int64_t v = e.amount.units();
    // v is never INT64_MIN: values are parsed symmetric.
    std::int64_t magnitude;
    if (__builtin_add_overflow(a.magnitude, v < 0 ? -v : v, &magnitude) ||
        !within_figure_limit(magnitude))
      return false;
    const FlowSums sums = flow_sums(a, e.ymd);
    a.magnitude = magnitude;
    a.actual += v;
    sums.year = {sums.year.micros + v, true};
    sums.month = {sums.month.micros + v, true};
    if (sums.same_period) sums.same = {sums.same.micros + v, true};
    counted(a, e.date.days_since_epoch());
    return true;
  }
  // Notes an entry of day `d` counted in `a`.
  void counted(Acc& a, std::int32_t d) {
    a.first = std::min(a.first, d);
    a.last = std::max(a.last, d);
    ++a.entries;
    stale_ = true;
  }
  // Counts `e` as if dated `end`.
  void count_as_of(const EntryView& e, Date end);
  void take_reading(Acc& a, const EntryView& e, int year, std::int64_t value, std::int32_t filed);
  // Whether `r` of `from` was read after `l` of this ledger.
  bool read_later(const Latest& r, const Ledger& from, const Latest& l) const;
  // `r` of `from`, its file interned in files_.
  Latest adopt(const Latest& r, const Ledger& from);
  void merge_reading(Latest& into, const Latest& r, const Ledger& from);
  void publish() const;

  const Plan& plan_;
  Date as_of_;
  Date known_by_;
  std::string only_by_;  // only_by(): "" for every figure
  // The by= names only_by() takes (Plan::reporters_as), found once, not per
  // entry.
  std::vector<std::string> only_names_;
  bool takes(std::string_view by) const {
    return only_by_.empty() ||
           std::find(only_names_.begin(), only_names_.end(), by) != only_names_.end();
  }
  std::pair<int, int> as_of_month_day_;
  int period_first_month_;  // year*12 + month-1 of the period's first month
  int period_first_year_;
  int first_year_, last_year_;  // the years latest_by_year covers densely
  std::vector<Acc> acc_;
  std::vector<std::string> files_;  // file names of readings, by index
  std::optional<Diagnostic> error_;
  mutable bool stale_ = true;
  mutable std::vector<IndicatorTotals> totals_;
  Filings filings_;
  Explanations explanations_;
  CountDates count_dates_;
};

// Inline: the record reader's sink calls it for every line (ledger_sink.h).
inline void Ledger::add(const EntryView& e) {
  if (!takes(e.by) || e.date > known_by_) return;
  const CountDate when = count_dates_.of(e);
  filings_.add(e, when.period);
  // A report filed after its period (December's on 8 January, in its due
  // window or with period=) counts for that period, as of its last day: in
  // December and 2019, not January and 2020. Filed after E too, it counts
  // when its period ended by E; one of a later period not yet.
  if (when.on > as_of_) return;
  if (when.on < e.date) {
    count_as_of(e, when.on);
    return;
  }
  // The common figure first: a flow's increment dated in the plan period.
  Acc& a = acc_[e.indicator];
  if (a.flow && plan_.in_period(e.date) && count_in_period(a, e)) return;
  count(e, e.date.days_since_epoch());
}

}  // namespace plan
