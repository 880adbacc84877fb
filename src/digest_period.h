// The calendar period a `plan report` digest covers: an ISO week (Monday to
// Sunday), a month, a quarter, a half-year or a year. Consecutive periods of
// one kind tile the calendar without gap or overlap, so consecutive digests
// count every entry exactly once.
//
// A digest covers the period from its first to its last day, inclusive, and
// is "as of" the last day: statuses are judged there and compared with the
// last day of the period before. By default it is the last period that is
// complete on the day the digest is made (its last day is before that day):
// run on 2020-07-01 or 2020-07-31 a monthly digest covers June 2020, run on
// 2020-06-30 it covers May.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "date.h"

namespace plan {

enum class PeriodKind { week, month, quarter, half, year };
// Every kind, shortest first.
inline constexpr PeriodKind kPeriodKinds[] = {
    PeriodKind::week, PeriodKind::month, PeriodKind::quarter, PeriodKind::half, PeriodKind::year};

// "week", "month", "quarter", "half", "year".
std::optional<PeriodKind> parse_period_kind(std::string_view s);
std::string_view period_kind_name(PeriodKind k);

// Monday 0 … Sunday 6.
int iso_weekday(Date d);

struct CalendarPeriod {
  PeriodKind kind = PeriodKind::month;
  Date first;  // its first day
  Date last;   // its last day, inclusive

  bool contains(Date d) const { return d >= first && d <= last; }
  friend bool operator==(const CalendarPeriod&, const CalendarPeriod&) = default;
};

// The period of kind `k` that contains `d`.
CalendarPeriod period_containing(PeriodKind k, Date d);
// The period just before (after) `p`: it ends the day before `p` begins
// (begins the day after `p` ends).
CalendarPeriod previous_period(const CalendarPeriod& p);
CalendarPeriod next_period(const CalendarPeriod& p);
// The last period of kind `k` complete on day `d`: the one before the
// period that contains `d`.
CalendarPeriod last_complete_period(PeriodKind k, Date d);

// The period's name, as the explicit options take it: "2020-W27" (ISO week:
// the year is that of the week's Thursday, so 2020-12-28 … 2021-01-03 is
// 2020-W53), "2020-06", "2020Q2", "2020H1", "2020".
std::string calendar_label(const CalendarPeriod& p);
// The period of kind `k` that `label` names (calendar_label's form; the
// letters W, Q and H may be lower case); nullopt for anything else, such as
// a week 53 of a year that has 52 ISO weeks.
std::optional<CalendarPeriod> parse_calendar_label(PeriodKind k, std::string_view label);
// The form parse_calendar_label expects, for error messages: "YYYY-MM" …
std::string_view calendar_label_form(PeriodKind k);
// The same in Chinese ("YYYY-MM，如 2020-06 或 2020年6月"), and the kind's
// word ("月份").
std::string_view calendar_label_form_zh(PeriodKind k);
std::string_view period_kind_word_zh(PeriodKind k);

}  // namespace plan
