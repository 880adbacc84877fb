// Reporting periods: the calendar months, quarters, half-years or years in
// which a scheduled indicator is reported, and when each report falls due
// (plan-file(5), [schedule]). Pure date arithmetic on the plan model.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "date.h"
#include "plan.h"

namespace plan {

// One reporting period of an indicator, clipped to the plan period.
struct ReportingPeriod {
  Frequency frequency = Frequency::monthly;
  int index = 0;  // 0 for the plan's first period of this frequency
  Date start;     // the period's first day (or the plan's start)
  Date end;       // its last day (or the plan's end)
  Date due;       // due_day of the month after the calendar period's end
};

// Months in one period of `f` (1, 3, 6, 12); 0 for ad hoc.
int months_per_period(Frequency f);

// Number of periods of a scheduled indicator in the plan; 0 when ad hoc.
int period_count(const Plan& plan, const Indicator& ind);
// Period `index` (0 … period_count - 1) of a scheduled indicator.
ReportingPeriod period_at(const Plan& plan, const Indicator& ind, int index);

// The last period whose report is due at `d`: its due date is before `d`
// (a report may still come in on its due day). nullopt when none is yet.
std::optional<ReportingPeriod> last_due_period(const Plan& plan, const Indicator& ind, Date d);

// The period an entry dated `date` reports for. With a period= tag (its
// label, see period_label) that period; without one, the period containing
// the date, unless the date falls after the end of the previous period and
// on or before its due date: then the previous period (a report filed in
// its due window, dated the day it was filed). nullopt for ad hoc
// indicators, dates outside the plan's periods and labels that name no
// period of the indicator's frequency.
std::optional<int> period_of_entry(const Plan& plan, const Indicator& ind, Date date,
                                   std::string_view period_tag);

// True when an entry dated `date`, after the plan's end, is a report of one
// of its periods (period_of_entry has one: December's filed in January),
// which counts for it (ledger.h); false for any date within the plan.
bool reports_after_end(const Plan& plan, const Indicator& ind, Date date,
                       std::string_view period_tag);

// period_of_entry for one indicator and many entries: the periods' bounds
// worked out once, so that an entry with no period= costs a table lookup
// and a comparison (the reader asks for every record line: inline).
class PeriodIndex {
 public:
  PeriodIndex() = default;  // no periods: ad hoc
  PeriodIndex(const Plan& plan, const Indicator& ind);

  int count() const { return static_cast<int>(end_due_.size()); }
  Frequency frequency() const { return frequency_; }
  // period_of_entry(plan, ind, date, period_tag); `fields` are date's.
  std::optional<int> of(Date date, Ymd fields, std::string_view period_tag) const {
    if (!period_tag.empty()) return of_label(period_tag);
    const int i = dated(date, fields).period;
    if (i < 0) return std::nullopt;
    return i;
  }
  // For an entry with no period= tag: the period it reports for (-1: none),
  // and the day it counts as of (count_date.h): the date itself, or the
  // period's last day when that is earlier (a report filed in its due
  // window, or after the plan's end clipped the period). Without a branch
  // on the indicator's kind of schedule or the day of the month, which
  // vary from one record line to the next and would be mispredicted.
  struct Dated {
    int period;
    std::int32_t on;
  };
  Dated dated(Date date, Ymd fields) const {
    const std::int32_t d = date.days_since_epoch();
    // Months before the first period or after the one past the last are
    // outside the table (an ad hoc indicator's is empty).
    const auto k = static_cast<std::size_t>(fields.year * 12 + fields.month - 1) - first_month_;
    if (k >= months_.size()) return {-1, d};
    const Month& m = months_[k];
    // A report filed in the previous period's due window is for it.
    const bool window = (d > m.prev_end) & (d <= m.prev_due);
    return {window ? m.prev : m.now, std::min(window ? m.prev_end : m.now_end, d)};
  }
  // The last day of period `i`. REQUIRES: 0 <= i < count().
  Date end(int i) const { return Date::from_days(end_due_[static_cast<std::size_t>(i)].first); }

 private:
  // of() for an entry with a period= tag.
  std::optional<int> of_label(std::string_view period_tag) const;

  Frequency frequency_ = Frequency::ad_hoc;
  int first_key_ = 0;  // calendar key of the plan's first period
  // year*12 + month-1 of the first period's calendar start, and per month
  // from there the period it is in: count() + 1 periods, the last being
  // the one after the plan's, whose first days may be the due window of
  // its last period.
  std::size_t first_month_ = 0;
  // Per month, what dated() needs: the period the month is in (`now`, -1
  // for the month after the last period) and its last day (INT32_MAX for
  // none), and the previous period (-1 for none), its last day and its due
  // date (INT32_MIN for none: no day is in its window).
  struct Month {
    std::int32_t now, now_end;
    std::int32_t prev, prev_end, prev_due;
  };
  std::vector<Month> months_;
  // Per period: its last day and its due date, in days since the epoch.
  std::vector<std::pair<std::int32_t, std::int32_t>> end_due_;
};

// A period= that is no label (2019-6, foo) names no period: what check
// says of it, for a figure (it files no report, and counts on its date) or
// an explanation (it explains no period plan knows).
Message not_a_period_label(std::string_view written, bool explanation);
// A period= on a figure of indicator `id`, which has no reporting
// schedule: it files nothing, and the figure counts on its date. What
// check, plan record and plan import warn.
Message period_of_unscheduled(std::string_view label, std::string_view id);
// Whether an entry of `ind` whose period= parsed as `label`
// (parse_period_label, below) files a report, so that a period not over
// matters (period_date_problem): a figure, not an explanation, of a
// scheduled indicator, with a label of its frequency. The label of an
// indicator without a schedule, or of another frequency, files nothing (the
// two messages below).
bool period_files_report(const Indicator& ind,
                         const std::optional<std::pair<Frequency, Date>>& label, bool explanation);
// A label of another frequency than the scheduled `ind`'s (2019Q2 for a
// monthly indicator): it files nothing either. What check warns of a line
// written by hand (record and import refuse it).
Message period_of_other_frequency(std::string_view label, const Indicator& ind);

// "2019-06", "2019Q2", "2019H1", "2019": the label of the calendar period
// `p` stands for (also the value of a period= tag).
std::string period_label(const ReportingPeriod& p);
// The calendar period a label names: its frequency and first day. Accepts
// every label period_label writes; nullopt otherwise.
std::optional<std::pair<Frequency, Date>> parse_period_label(std::string_view label);
// The last day of the calendar period a label names (2017Q4: 2017-12-31);
// nullopt for what parse_period_label does not accept.
std::optional<Date> period_last_day(std::string_view label);
// A period as people write it in Chinese, as its label: "2019年6月" (or
// 06月) "2019-06", "2019年第2季度" (or 2季度, 第二季度, 二季度) "2019Q2",
// "2019年上半年" "2019H1", "2019年下半年" "2019H2", "2019年" (or 年度)
// "2019", in full-width digits too (２０１９年６月); a label in full-width
// forms (２０１９－０６, ２０１９Ｑ２) as the label. Anything else, labels
// included, is returned as it is: the caller judges it as a label.
std::string period_label_of(std::string_view written);
// What is wrong with an entry of date `d` whose period= is `label`, as the
// sentence plan record's error and check's warning say; nullopt when
// nothing is, also for a label that names no period. A report is dated the
// day it came in, after its period:
//  - a period that begins after `d`: "period 2019-07 begins after the date
//    2019-06-30 (a figure is dated the day it came in)" — the date or the
//    period is a typo;
//  - for a report (`report`: period_files_report; not an explanation, which
//    may announce a delay, nor a figure whose label files nothing), a
//    period not over on `d`: "period 2019-07 is not over on 2019-07-03 (it
//    ends 2019-07-31); a report is dated after its period" — it would mark
//    the period's report in before the period is.
// In Chinese too.
std::optional<Message> period_date_problem(std::string_view label, Date d, bool report);

}  // namespace plan
