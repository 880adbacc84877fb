// One line of a record file (SPEC §4; the format's one full description is
// man/plan-records.5). This file parses and formats single lines; reading
// whole trees is record_reader.h, appending is record_writer.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "date.h"
#include "decimal.h"
#include "diagnostic.h"
#include "plan.h"
#include "text.h"

namespace plan {

struct Entry {
  Date date;
  std::string id;
  // Value as written: for flows and levels `amount` holds the number (万
  // already applied, % dropped); for milestones `done` says done/undone.
  Decimal amount;
  bool done = false;
  bool is_state = false;  // the value was `done` or `undone`
  // The value was `explain`: an explanation (情况说明) of the indicator for a
  // reporting period, in its note= and measures= tags (explanation.h). It is
  // no figure: amount is 0 and it counts toward no sum, reading or report.
  bool is_explanation = false;
  // key=value tags in line order; well-known keys: by, note, src, period,
  // measures.
  std::vector<std::pair<std::string, std::string>> tags;
  Location where;  // file and line (column 1) the entry came from
  // Column (1-based, in code points) where the by= tag's value starts, for
  // messages about it; 0 when there is no by= or the entry was built by hand.
  int by_column = 0;
  // Column (1-based, in code points) where the value starts, for messages
  // about the figure; 0 when the entry was built by hand.
  int value_column = 0;
  // Index of `id` in Plan::indicators, set by parse_line so that consumers
  // need not look the id up again; kNoIndicator when built by hand.
  static constexpr std::size_t kNoIndicator = static_cast<std::size_t>(-1);
  std::size_t indicator = kNoIndicator;

  // The value of tag `key`, or "" when absent.
  std::string_view tag(std::string_view key) const {
    for (const auto& [k, v] : tags)
      if (same_text(k, key)) return v;
    return {};
  }

  // date's year, month and day, worked out once per entry: the reader sets
  // them with the date (set_date), and an entry whose date was assigned
  // directly has them computed on first use.
  Ymd ymd() const {
    if (ymd_days_ != date.days_since_epoch()) {
      ymd_ = date.ymd();
      ymd_days_ = date.days_since_epoch();
    }
    return ymd_;
  }
  void set_date(Date d, Ymd fields) {
    date = d;
    ymd_ = fields;
    ymd_days_ = d.days_since_epoch();
  }

 private:
  mutable Ymd ymd_;
  mutable std::int32_t ymd_days_ = 0;  // the date ymd_ belongs to (1970-01-01 is the default)
};

// What a line turned out to be.
enum class LineKind { blank, entry };

// Parses one line (without its newline; a trailing '\r' is an error) against
// the plan: bytes (UTF-8, no NUL or control characters other than tab),
// grammar, real date, known id (with "did you mean"), a value the
// indicator's kind takes. On error the Diagnostic points at the offending
// column (1-based, in code points) and carries the line as source_line;
// `where` gives file and line. Every message is listed in man/plan-records.5.
// Returns LineKind::blank for blank and comment-only lines (entry untouched);
// on error the entry's contents are unspecified. `entry` may be reused from
// line to line: its strings keep their memory.
Expected<LineKind> parse_line(std::string_view line, const Plan& plan, const Location& where,
                              Entry* entry);

// The canonical text of an entry (no newline): date, id, value and tags
// separated by two spaces; tag values quoted and escaped when they need it.
// parse_line(format_entry(e)) gives back e's values, provided the entry is
// valid for `ind` (a level reading is not negative, keys are [a-z_]+ and
// unique) and tag values hold no control characters other than newline and
// tab (the format cannot carry them; they are written raw, so a writer that
// checks its line with parse_line refuses them).
std::string format_entry(const Entry& e, const Indicator& ind);

// The index in plan.indicators of the indicator `e` is for: e.indicator
// when it is set and names e.id, else a lookup of e.id; nullopt for an id
// the plan does not have.
// Inline: every entry of every read passes here.
inline std::optional<std::size_t> indicator_index(const Plan& plan, const Entry& e) {
  if (e.indicator < plan.indicators.size() && same_text(plan.indicators[e.indicator].id, e.id))
    return e.indicator;
  return plan.index_of(e.id);
}

// An entry as the sinks that total or check entries take it (the ledger,
// the period's tally, check; record_reader.h): the indicator looked up, and
// of the tags only those they read, decoded. Its texts are views into the
// line being read or into an Entry, valid for the call they are passed to.
// The record reader fills one straight from the line for lines of the
// common shape, copying nothing; explanations, which it leaves to the full
// parser, come as Entries.
struct EntryView {
  std::size_t indicator = 0;  // an index into Plan::indicators
  Date date;
  Ymd ymd;  // date's fields
  Decimal amount;
  bool is_state = false, done = false, is_explanation = false;  // as in Entry
  std::string_view by, period, note;                            // the tags' values, "" when absent
  int by_column = 0, value_column = 0;                          // as in Entry
  const std::string* file = nullptr;                            // where the entry came from
  int line = 0, column = 1;

  Location where() const { return Location{*file, line, column}; }
  // The entry's line at `col` (by_column, value_column), or at its start
  // when that is 0 (unknown).
  Location at(int col) const { return Location{*file, line, col > 0 ? col : 1}; }
};

// The view of `e`, whose indicator is `indicator` (indicator_index); valid
// while `e` is.
EntryView view_of(const Entry& e, std::size_t indicator);

// The index of e's indicator as the reader found it (Entry::indicator), when
// it is an indicator of `plan` with e's id; nullopt for an entry built by
// hand, or one whose index is not of this plan.
std::optional<std::size_t> known_indicator(const Plan& plan, const Entry& e);

// The character an escape \c in a quoted tag value stands for (\" \\ \n
// \t), or 0 for an unknown escape: the one decoding rule, for parse_line and
// the fast parser (record_fast.h).
inline char unescaped(char c) {
  switch (c) {
    case '"':
    case '\\':
      return c;
    case 'n':
      return '\n';
    case 't':
      return '\t';
    default:
      return 0;
  }
}

// A tag value in double quotes with \" \\ \n \t escaped: the one quoting rule
// of the format, for format_entry and for writers that build lines.
std::string quote_tag_value(std::string_view value);

// Sorts by date; entries of the same date keep their read order.
void sort_by_date(std::vector<Entry>& entries);

}  // namespace plan
