// Words and phrases shared by the three renderers of the `plan report`
// digest (digest_render.h), so that the text, Markdown and HTML digests say
// the same thing.
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "digest.h"
#include "words.h"

namespace plan::digest_words {

namespace detail {

// Called only when a phrase is wrong: a call from a constant expression
// stops the build.
inline void phrase_leaves_out_a_figure() {}

// A phrase in one language for the arguments T...: fmt's checked format
// string, and one check more. Chinese has no plural, so a Chinese phrase
// may leave out the English plural suffixes ("s" or "", passed as const
// char*), and nothing else: a phrase that leaves out a figure would print
// the suffix in the figure's place and lose the figure ("未报送 1 期，最早为 "
// once said nothing of the period).
template <class... T>
struct Phrase {
  fmt::format_string<T...> text;

  template <std::size_t N>
  consteval Phrase(const char (&s)[N]) : text(s) {  // implicit, as fmt's format strings
    const std::string_view f(s, N - 1);
    bool used[sizeof...(T) + 1] = {};
    std::size_t next = 0;
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (f[i] != '{') continue;
      if (i + 1 < f.size() && f[i + 1] == '{') {
        ++i;  // "{{" is a brace, not a field
        continue;
      }
      std::size_t index = next++;
      if (i + 1 < f.size() && f[i + 1] >= '0' && f[i + 1] <= '9') {
        index = 0;
        for (std::size_t k = i + 1; k < f.size() && f[k] >= '0' && f[k] <= '9'; ++k)
          index = index * 10 + static_cast<std::size_t>(f[k] - '0');
      }
      if (index < sizeof...(T)) used[index] = true;
    }
    constexpr bool suffix[sizeof...(T) + 1] = {std::is_same_v<std::decay_t<T>, const char*>...,
                                               false};
    for (std::size_t i = 0; i < sizeof...(T); ++i)
      if (!used[i] && !suffix[i]) phrase_leaves_out_a_figure();
  }
};

}  // namespace detail

// The same figures worded in English or in Chinese. Each phrase uses every
// argument but plural suffixes (detail::Phrase checks it as it compiles).
template <class... T>
std::string say(bool zh, std::type_identity_t<detail::Phrase<T...>> en,
                std::type_identity_t<detail::Phrase<T...>> cn, T&&... args) {
  return zh ? fmt::format(cn.text, std::forward<T>(args)...)
            : fmt::format(en.text, std::forward<T>(args)...);
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
// `glue` joins the words of each count ("1 no data"): the text digest's
// wrap keeps a count whole when it is not a space (kGlue).
inline constexpr char kGlue = '\x1f';
std::string counts_line(const Digest& d, bool zh, char glue = ' ');
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
