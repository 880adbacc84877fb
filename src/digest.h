// The `plan report` digest: what a cron job mails every week, month,
// quarter, half-year or year. A Digest is pure data about one calendar
// period (digest_period.h), computed from the one pass over the records that
// DigestSources takes: a ledger at the period's last day E (the digest is
// "as of" E) as known on the day D it is made, a ledger at the last day of
// the period before as its own digest knew it, and the tally
// of what was recorded in the period (period_records.h).
// digest_text.cpp, digest_markdown.cpp and digest_html.cpp render it
// (digest_render.h) in the words of digest_words.h.
//
// Contents, in the order every renderer prints them (action first):
//   1. headline: time progress and how many indicators stand where at E;
//   2. reports due and missing at D, the day the digest is made (the plan's
//      reporting schedules);
//   3. what newly needs attention: status changes into trouble between the
//      end of the previous period and E (newly behind, breached, newly
//      missed, closed short, newly overdue, newly unreported, no longer achieved);
//   4. the flows furthest behind at E, with the pace now needed;
//   5. milestones not done and due from E to the end of the next period, or
//      overdue at E;
//   6. the other status changes (recovered, newly achieved, first reading);
//   7. the per-unit table (units_report.h);
//   8. what was recorded in the period, one line per indicator;
//   9. an appendix: the same per reporting unit (by= tag).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digest_period.h"
#include "evaluation.h"
#include "ledger.h"
#include "period_records.h"
#include "plan.h"
#include "units_report.h"

namespace plan {

// Why an indicator is named among the status changes. Renderers list the
// kinds in this order; the first seven need attention (section 3), the
// others are news (section 6).
enum class Change {
  newly_behind,      // a flow on track (or achieved, before a correction) is now behind
  breached,          // a cap met (or without a reading) is now missed
  newly_missed,      // a floor met (or without a reading) is now missed
  closed_short,      // a flow's period closed short of its target: now missed (未完成)
  newly_overdue,     // a milestone's due date passed, or its `done` was retracted
  newly_unreported,  // a report fell due and is missing (未报送)
  reopened,          // achieved or done before, no longer, yet not in trouble
  recovered,         // behind, missed, overdue or unreported before; on track or met now
  newly_achieved,    // a flow reached its target, or a milestone is done
  first_reading,     // a level without a reading before is met now
};

std::string_view change_name(Change c);  // "newly_behind", …
// True for the kinds of section 3: newly behind, breached, newly missed,
// closed short, newly overdue, newly unreported, reopened.
bool needs_attention(Change c);

// The kind of change from `before` to `now` for an indicator of kind `k`;
// nullopt when the status did not change.
std::optional<Change> classify_change(Kind k, Status before, Status now);

struct StatusChange {
  Change kind;
  Status before;
  IndicatorStatus now;  // the figures at E
};

// A flow behind its expected line at E.
struct Shortfall {
  IndicatorStatus now;  // actual, target, expected, behind_by, paces
  double gap = 0;       // behind_by / target: what orders the list
};

// A flow behind at E, month by month: the chart of the HTML digest.
struct Trend {
  const Indicator* ind = nullptr;
  std::vector<MonthPoint> months;  // the plan's first month to E's month
};

// A milestone not done and due from E to the end of the next period, or
// overdue at E.
struct MilestoneDue {
  const Indicator* ind = nullptr;
  Date due;
  Status status = Status::pending;  // pending or overdue
  int days = 0;                     // pending: days from E until due; overdue: days past it at E
  std::optional<Explanation> explanation;  // overdue: the latest current one, if any
};

// A report due before D and not filed by then (未报送), or falling due from D
// to the end of the next period: the ledger's Filings at D (filings.h), the
// rows `plan due --as-of D` lists.
struct MissingReport {
  const Indicator* ind = nullptr;
  std::string reporter;  // who owes it; "" when any unit may file it
  std::string period;    // the reporting period's label, "2020-06"
  Date due;
  int days_overdue = 0;                    // at D; negative: days left until due
  std::optional<Explanation> explanation;  // the latest of this report (explanation_for)
};

struct DigestOptions {
  std::string unit;  // "" = all; else indicators this unit leads, partners or reports
  // "" = all; else only the reports this [[reporter]] owes (missing and
  // falling due): the per-reporter digest, which renderers print as the
  // title and the reports-missing section alone.
  std::string reporter;
  std::size_t top = 5;  // shortfalls listed
};

// The day after `p`, when a cron job makes its digest; its last day when
// that is the last date there is (9999-12-31).
Date day_after(const CalendarPeriod& p);

// The one pass over the records behind a digest of `period` made on day
// `made` (D, after the period: a cron job's run day): feed every entry to
// add() (or the ledgers and the tally through the record reader), then
// build_digest(). The plan must outlive it. The ledger at E knows what was
// filed by D (Ledger's known-by date): a report for the period that came
// in after E and by D counts, and the reports missing are those due before
// D. The ledger of the period before knows what was filed by the day after
// it: what that period's digest, made by cron, said; so a report that fell
// due in between is news ("newly unreported"). REQUIRES: made >= period.last.
struct DigestSources {
  DigestSources(const Plan& plan, const CalendarPeriod& p, Date made);
  // Made the day after the period, as a cron job makes it.
  DigestSources(const Plan& plan, const CalendarPeriod& p) : DigestSources(plan, p, day_after(p)) {}
  void add(const Entry& e);

  CalendarPeriod period;
  Ledger now;              // at period.last: E, known by D
  Ledger before;           // at the last day of the period before, known the day after
  PeriodRecords recorded;  // entries dated period.first … period.last
};

// Counts grouped as the headline (and the units table) shows them.
struct Headline : StatusCounts {
  int indicators = 0;
};

struct Digest {
  const Plan* plan = nullptr;
  CalendarPeriod period;    // what the digest covers
  CalendarPeriod previous;  // `before` statuses are at previous.last
  CalendarPeriod next;      // milestones due by next.last are listed
  Date as_of;               // E = period.last: every figure is as of this day
  Date made;                // D: reports filed by this day count
  std::string unit;
  std::string reporter;  // DigestOptions::reporter
  double time_progress = 0;

  std::vector<IndicatorStatus> now;  // every indicator in scope at E, plan order
  Headline headline;

  bool scheduled = false;  // some indicator in scope has a reporting schedule
  // Due before D and not filed; then falling due from D to next.last. Both
  // ordered as `plan due` orders them: reporter ([[reporter]] order, others
  // after), due date, plan order.
  std::vector<MissingReport> missing;
  std::vector<MissingReport> due_next;

  std::size_t recorded_entries = 0;
  std::vector<RecordedIndicator> recorded;

  std::vector<StatusChange> changes;  // by Change kind, then plan order

  std::size_t behind = 0;             // flows behind at E
  std::vector<Shortfall> shortfalls;  // the first `top` of them, largest gap first
  std::vector<Trend> trends;          // every flow behind at E, largest gap first

  UnitsReport units;  // every unit, or only --unit's row

  std::vector<MilestoneDue> milestones;  // overdue (by due date) first, then due soon
};

// REQUIRES: every entry of the records went through `sources.add` (or its
// members). The plan must outlive the Digest.
Digest build_digest(const DigestSources& sources, const DigestOptions& o);

// `plan due`'s order (due_report.cpp): reporter in [[reporter]] order (a
// report anyone may file, or an unknown name, after), due date, plan order;
// a reporter's reports due the same day by period first (2019-06 before
// 2019Q2), so that the text digest lists each period once.
void order_owed(const Plan& plan, std::vector<MissingReport>& list);

// The file a digest is written to by `plan report --output-dir`:
// "<label>.<ext>" for the whole plan ("2020-06.html"), "<label>-<unit>.<ext>"
// for one unit ("2020Q2-人社局.md"). In the unit's name, ASCII letters,
// digits, ".", "_", "-" and non-ASCII text (bytes 0x80 and above: 人社局)
// are kept and every other byte is written %XX (upper-case hex), so the
// name is one safe path component and two units never share a file: "a/b"
// gives "a%2Fb", "a%b" gives "a%25b", "HR office" gives "HR%20office".
std::string digest_file_name(const CalendarPeriod& p, std::string_view unit, std::string_view ext);

// The file of a reporter's digest of what it owes: "<label>.due-<reporter>.<ext>"
// ("2019-07.due-镇乙.txt"), the name escaped as digest_file_name escapes a
// unit's. A unit's file has "-" right after the label, a reporter's ".", so
// the two never share a file even for a unit that is also a reporter.
std::string reporter_digest_file_name(const CalendarPeriod& p, std::string_view reporter,
                                      std::string_view ext);

// The explanation renderers show beside an indicator: the latest current one
// (IndicatorStatus::explanations) when the indicator is behind, missed,
// overdue or unreported; nullptr otherwise or when there is none.
const Explanation* shown_explanation(const IndicatorStatus& s);

// True when any indicator in scope has one of `statuses` at E (--fail-on).
bool any_status(const Digest& d, const std::vector<Status>& statuses);

}  // namespace plan
