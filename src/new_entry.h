// A new entry, before it is appended: the rules `plan record` and `plan
// import` share, so that both accept exactly what a record file accepts
// (SPEC §4) plus the date rule of SPEC §6.
#pragma once

#include <string>

#include "date.h"
#include "diagnostic.h"
#include "plan.h"
#include "record.h"

namespace plan {

// The pieces of an entry as a user gives them (arguments, or one CSV row).
// Empty tags are left out.
struct EntryInput {
  std::string date;  // YYYY-MM-DD
  std::string id;
  std::string value;  // as the record format writes it: 4210, -120, 1.9%, 1.2万, done, explain
  std::string by;
  std::string note;  // may hold line breaks and tabs (escaped in the line)
  std::string src;
  std::string period;    // a reporting period's label, "2019-06" (period=)
  std::string measures;  // corrective measures of an explanation (measures=)
};

struct NewEntry {
  Entry entry;
  std::string line;  // canonical record line (format_entry), no newline
  // Why the entry, valid, is likely not what was meant, or "": a by= that is
  // not a reporter of its scheduled indicator (not_a_reporter, plan.h).
  Message warning;
  // The same for a period on a figure of an indicator without a schedule,
  // which files nothing (period_of_unscheduled, schedule.h), or "".
  Message period_warning;
};

// Whether `d` may be recorded; the error (at `where`) says why not. Dates
// outside the plan period or after `today` are refused unless `force` (a
// late correction for an earlier period is still dated in it; a date in the
// future is almost always a typo), except a date after the plan's end of a
// report for one of its periods (`reports_plan_period`: the last month's,
// filed in its due window, or one with period=), which counts for it.
Outcome check_entry_date(const Plan& plan, Date d, Date today, bool force, const Location& where,
                         bool reports_plan_period = false);

// Validates `in` by writing it as a record line and parsing that with
// parse_line, checks that a by= names a reporter or unit of the plan
// (Plan::knows_unit; else "unknown unit 'X'; did you mean 'Y'?", of
// ErrorKind::usage), that a period names a reporting period of the
// indicator's frequency ("period '2019Q2' is not a monthly reporting period
// of ID (such as 2019-01)", of ErrorKind::usage; for an indicator without a
// schedule, any period label), then applies check_entry_date and, unless
// `force`, refuses a period that begins after the date or, for a figure of a
// scheduled indicator (a report), is not over on it (period_date_problem). A by= that is not one of
// the indicator's reporters is no error: NewEntry::warning says so; nor is a period on a figure of
// an indicator without a schedule, which files nothing: NewEntry::period_warning says so. Tags are
// written in the order by, period, note, measures, src. On error the Diagnostic is at `where` (its
// column is dropped: the user never saw the assembled line) and carries no source line. The entry's
// `where` is `where`.
Expected<NewEntry> make_new_entry(const EntryInput& in, const Plan& plan, const Location& where,
                                  Date today, bool force);

}  // namespace plan
