// Words and phrases shared by the three renderers of the `plan report`
// digest (digest_render.h), so that the text, Markdown and HTML digests say
// the same thing.
#pragma once

#include <fmt/format.h>

#include <string>
#include <utility>

#include "digest.h"
#include "words.h"

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
// The same for an indicator over all its units, without dates: the sum of a
// flow ("+740 人"), else the latest reading ("3.2%") or state ("done") of
// any unit.
std::string recorded_total(const RecordedIndicator& r, bool zh);
// "16 entries" / "16 条".
std::string entries(std::size_t n, bool zh);
// Heading of a change kind: "Newly behind" / "新近滞后".
std::string change_heading(Change c, bool zh);
// A change in two parts: the transition, "on track → behind", and the
// figures at E, "50,000 of 51,000 人 (98.0%), expected 50,257, behind by
// 257" ("" when there are none). The HTML shows the transition as badges
// and the figures in a cell of their own.
struct ChangeWords {
  std::string transition;
  std::string figures;
};
ChangeWords change_words(const StatusChange& c, bool zh);
// Both parts on one line, "on track → behind; 50,000 of …": the text and
// Markdown digests.
std::string change_detail(const StatusChange& c, bool zh);
// A shortfall in two lines: "1 of 3 人 (33.3%), expected 2.96" and
// "behind by 1.96, 65.2% of the target".
std::string progress_detail(const Shortfall& s, bool zh);
std::string behind_detail(const Shortfall& s, bool zh);
// The pace line: "needs 3.8 a month to 2020-12-31 (so far 0.03 a month)", or
// "the plan period is over".
std::string pace_detail(const Shortfall& s, const Plan& plan, bool zh);
// Counted from the digest's day E: "due 2020-12-31, in 16 days" / "due
// 2020-12-31, the period's last day" / "due 2020-12-31, 5 days overdue".
std::string milestone_detail(const MilestoneDue& m, bool zh);
// A missing report: "人社局: 2020-05, due 2020-06-10, 20 days overdue"
// (without the indicator, which renderers name their own way).
std::string missing_detail(const MissingReport& m, bool zh);
// An explanation on one line: "Explanation by 镇乙 for 2019-06 (2019-07-12):
// TEXT; measures: TEXT" / "情况说明（镇乙，2019-06，2019-07-12）：TEXT；整改措施：TEXT";
// the parts that are absent are left out.
std::string explanation_words(const Explanation& x, bool zh);
// The period in words: "June 2020", "2020年6月"; "week 2020-W27 (2020-06-29 to
// 2020-07-05)", "2020年第27周（2020-06-29 至 2020-07-05）"; "2020 Q2",
// "2020年第二季度"; "2020 H1", "2020年上半年"; "2020", "2020年".
std::string period_words(const CalendarPeriod& p, bool zh);
// Title line: "测试计划 — monthly report, June 2020" / "测试计划 — 2020年6月月报";
// a reporter's digest: "测试计划 — reports owed by 镇乙, June 2020" / "测试计划 —
// 镇乙 2020年6月报送情况".
std::string title(const Digest& d, bool zh);
// "Period 2020-06-01 to 2020-06-30; figures as of 2020-06-30, status
// compared with 2020-05-31".
std::string window(const Digest& d, bool zh);
// "Time progress 98.5% (day 1,080 of 1,096)".
std::string time_line(const Digest& d, bool zh);
// "7 indicators: 2 achieved, 1 on track, 3 behind, 1 missed, 0 no data".
std::string counts_line(const Digest& d, bool zh);
// Section headings, in the order printed.
enum class Section {
  missing,     // reports due and not filed
  attention,   // changes into trouble
  shortfalls,  // furthest behind
  milestones,  // falling due or overdue
  progress,    // the other status changes
  units,       // the per-unit table
  recorded,    // per indicator
  appendix,    // recorded, per reporting unit
};
std::string heading(const Digest& d, Section s, bool zh);
// What a section says when it has nothing to list.
std::string nothing(const Digest& d, Section s, bool zh);
// Sub-heading of the reports falling due in the next period.
std::string due_next_heading(const Digest& d, bool zh);
// The closing legend on grouped counts.
std::string legend(bool zh);

}  // namespace plan::digest_words
