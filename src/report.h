// The `plan report` digest: what a cron job mails every week or month. A
// Digest is pure data computed from two ledgers fed by the same single pass
// over the records (one at the as-of date D, one a period earlier) and a
// PeriodRecords collector fed by that pass too; report_text.cpp,
// report_markdown.cpp and report_html.cpp render it.
//
// Contents, in the order every renderer prints them:
//   1. headline: time progress and how many indicators stand where at D;
//   2. what was recorded in the period (D - period, D], per indicator and
//      reporting unit (by= tag);
//   3. status changes between D - period and D;
//   4. the largest shortfalls (flows behind), with the pace now needed;
//   5. the per-unit table (units_report.h);
//   6. milestones not done and due in [D, D + period] (due today included:
//      not overdue yet, and the last day to act), or overdue.
#pragma once

#include <fmt/format.h>

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evaluation.h"
#include "ledger.h"
#include "plan.h"
#include "record.h"
#include "render.h"
#include "show_report.h"
#include "units_report.h"

namespace plan {

enum class Period { week, month };

std::optional<Period> parse_period(std::string_view s);  // "week", "month"
std::string_view period_name(Period p);
// One period before and after d: seven days for a week; for a month the same
// day of the previous (next) month, clamped to that month's end, so the
// monthly report of 2020-03-31 covers 2020-03-01 … 2020-03-31 (after
// 2020-02-29).
Date period_back(Date d, Period p);
Date period_ahead(Date d, Period p);

// What one reporting unit recorded for one indicator in the period.
struct RecordedGroup {
  std::string unit;  // the entries' by= tag; "" when they have none
  std::size_t entries = 0;
  Decimal sum;  // flows: the increments added up (corrections included)
  // The latest of these entries (greatest date; among equal dates the one
  // read last): a level's reading, a milestone's done/undone.
  Date latest_date;
  Decimal latest_value;
  bool latest_done = false;
  std::string note;  // the latest entry's note= tag ("" when none)
};

// What was recorded in the period for one indicator.
struct RecordedIndicator {
  const Indicator* ind = nullptr;
  std::size_t entries = 0;
  Decimal sum;                       // flows: over all units
  std::vector<RecordedGroup> units;  // by unit name, byte-wise; "" (no by=) first
};

// The "recorded in the period" collector, an EntryCallback for the record
// reader: it keeps one aggregate per (indicator, reporting unit), so memory
// depends on the plan and the units, never on the number of entries.
class PeriodRecords {
 public:
  // Counts entries dated in (after, through].
  PeriodRecords(const Plan& plan, Date after, Date through);
  void add(const Entry& e);
  // Indicators in plan order, only those with entries.
  std::vector<RecordedIndicator> summary() const;

 private:
  struct Key {
    std::size_t indicator;
    std::string unit;
    auto operator<=>(const Key&) const = default;
  };
  const Plan& plan_;
  Date after_, through_;
  std::map<Key, RecordedGroup> groups_;
};

// Why an indicator is named in the changes section. Renderers list the
// kinds in this order, trouble first.
enum class Change {
  newly_behind,    // a flow on track (or achieved, before a correction) is now behind
  breached,        // a cap met (or without a reading) is now missed
  newly_missed,    // a floor met (or without a reading) is now missed
  newly_overdue,   // a milestone's due date passed, or its `done` was retracted
  reopened,        // achieved or done before, no longer, yet not in trouble
  recovered,       // behind, missed or overdue before; on track or met now
  newly_achieved,  // a flow reached its target, or a milestone is done
  first_reading,   // a level without a reading before is met now
};

std::string_view change_name(Change c);  // "newly_behind", …

// The kind of change from `before` to `now` for an indicator of kind `k`;
// nullopt when the status did not change.
std::optional<Change> classify_change(Kind k, Status before, Status now);

struct StatusChange {
  Change kind;
  Status before;
  IndicatorStatus now;  // the figures at D
};

// A flow behind its expected line at D.
struct Shortfall {
  IndicatorStatus now;  // actual, target, expected, behind_by, paces
  double gap = 0;       // behind_by / target: what orders the list
};

// A flow behind at D, month by month: the chart of the HTML digest.
struct Trend {
  const Indicator* ind = nullptr;
  std::vector<MonthPoint> months;  // period start (or its month) to D's month
};

// A milestone not done and due in [D, D + period], or overdue.
struct MilestoneDue {
  const Indicator* ind = nullptr;
  Date due;
  Status status = Status::pending;  // pending or overdue
  int days = 0;                     // pending: days until due; overdue: days past it
};

struct DigestOptions {
  Period period = Period::week;
  std::string unit;     // "" = all; else indicators this unit leads or partners
  std::size_t top = 5;  // shortfalls listed
};

// Counts grouped as the headline (and the units table) shows them.
struct Headline : StatusCounts {
  int indicators = 0;
};

struct Digest {
  const Plan* plan = nullptr;
  Period period = Period::week;
  Date as_of;  // D
  Date since;  // D - period: the window is (since, as_of]; `before` statuses are at since
  Date next;   // D + period: milestones due in [as_of, next] are listed
  std::string unit;
  double time_progress = 0;

  std::vector<IndicatorStatus> now;  // every indicator in scope at D, plan order
  std::array<int, 9> counts{};       // indexed by Status
  Headline headline;

  std::size_t recorded_entries = 0;
  std::vector<RecordedIndicator> recorded;

  std::vector<StatusChange> changes;  // by Change kind, then plan order

  std::size_t behind = 0;             // flows behind at D
  std::vector<Shortfall> shortfalls;  // the first `top` of them, largest gap first
  std::vector<Trend> trends;          // every flow behind at D, largest gap first

  UnitsReport units;  // every unit, or only --unit's row

  std::vector<MilestoneDue> milestones;  // overdue (by due date) first, then due soon
};

// `now` is at D, `before` at period_back(D); `recorded` was fed the same
// stream with the window (period_back(D), D]. The plan must outlive the Digest.
Digest build_digest(const Ledger& now, const Ledger& before, const PeriodRecords& recorded,
                    const DigestOptions& o);

// True when any indicator in scope has one of `statuses` at D (--fail-on).
bool any_status(const Digest& d, const std::vector<Status>& statuses);

// Renderers. `o.zh` picks Chinese words; colour and BOM are ignored.
// Plain text for mail: at most 80 display columns a line, no colour, record
// text sanitized.
std::string digest_text(const Digest& d, const RenderOptions& o);
// GitHub-flavoured Markdown; tables through render_markdown.
std::string digest_markdown(const Digest& d, const RenderOptions& o);
// One self-contained HTML document: inline CSS and SVG, no scripts, no
// external resources; every text from the plan or the records goes through
// html_escape.
std::string digest_html(const Digest& d, const RenderOptions& o);

// & < > " ' as entities (control characters made visible first, as in the
// terminal), safe in element text and in quoted attribute values.
std::string html_escape(std::string_view s);

}  // namespace plan

// Words and phrases shared by the three renderers, so that the text, Markdown
// and HTML digests say the same thing.
namespace plan::digest_words {

// The same figures worded in English or in Chinese.
template <class... T>
std::string say(bool zh, fmt::format_string<T...> en, fmt::format_string<T...> cn, T&&... args) {
  return zh ? fmt::format(cn, std::forward<T>(args)...) : fmt::format(en, std::forward<T>(args)...);
}

// A figure as people read it: whole above 100 ("10,463"), else at most two
// decimals ("3.8", "0.03").
std::string figure(double v);
// An amount with its unit: "51,000 人", "3.1%".
std::string amount(const Indicator& ind, Decimal v);
// "+600 人", "-120 人": a sum recorded in the period.
std::string signed_amount(const Indicator& ind, Decimal v);
// What a recorded group amounts to: "+600 人", "reading 3.1% (2020-12-10)",
// "done (2020-12-01)".
std::string recorded_value(const Indicator& ind, const RecordedGroup& g, bool zh);
// A status word: "on track" / "进度正常".
std::string status_word(Status s, bool zh);
// Heading of a change kind: "Newly behind" / "新近滞后".
std::string change_heading(Change c, bool zh);
// The figures behind a change: "behind by 257 人 (50,000 of expected 50,257)".
std::string change_detail(const StatusChange& c, bool zh);
// A shortfall in two lines: "1 of 3 人 (33.3%), expected 2.96" and
// "behind by 1.96, 65.2% of the target".
std::string progress_detail(const Shortfall& s, bool zh);
std::string behind_detail(const Shortfall& s, bool zh);
// The pace line: "needs 3.8 a month to 2020-12-31 (so far 0.03 a month)", or
// "the plan period is over".
std::string pace_detail(const Shortfall& s, const Plan& plan, bool zh);
// "due 2020-12-31, in 16 days" / "due 2020-12-31, today" / "due 2020-12-31, 5 days overdue".
std::string milestone_detail(const MilestoneDue& m, bool zh);
// Title line: "测试计划 — weekly report, as of 2020-12-15".
std::string title(const Digest& d, bool zh);
// "Period 2020-11-16 … 2020-12-15, changes since 2020-11-15".
std::string window(const Digest& d, bool zh);
// "Time progress 98.5% (day 1,080 of 1,096)".
std::string time_line(const Digest& d, bool zh);
// "7 indicators: 2 achieved, 1 on track, 3 behind, 1 missed, 0 no data".
std::string counts_line(const Digest& d, bool zh);
// Section headings, in the order printed.
enum class Section { recorded, changes, shortfalls, units, milestones };
std::string heading(const Digest& d, Section s, bool zh);
// What a section says when it has nothing to list.
std::string nothing(Section s, bool zh);
// The closing legend on grouped counts.
std::string legend(bool zh);

}  // namespace plan::digest_words
