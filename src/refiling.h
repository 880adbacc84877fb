// A reporter's second figure for a period: the figures of a flow add up, so
// a unit that sends its March figure again (a resent correction of 31 as
// 33), or a quarter's cumulative 快报 on top of its March 月报, counts the
// month twice, silently. `plan record` and `plan import` warn of a new
// flow figure whose reporter (by=) already has a figure of that indicator
// in the ledger for the same reporting period (period=, or the period its
// date reports for: schedule.h), or an earlier one among the new figures (a
// sheet holding a 月报 and its resent correction), naming the first one and
// what the period will add up to. admission.h refuses such a figure unless
// told that it adds to them (--add) or replaces them (--replace: recorded
// as the difference, as_replacement); a negative one, a correction
// recorded as the difference (-2 for 33 sent as 35), only warns.
//
// One streaming pass over the records, as the other judges of admission.h:
// a ledger entry costs a look at its indicator unless a new figure has
// that indicator; memory follows the new figures, not the ledger.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "decimal.h"
#include "diagnostic.h"
#include "plan.h"
#include "record.h"
#include "record_reader.h"
#include "schedule.h"

namespace plan {

class RefilingFinder : public EntrySink {
 public:
  // `fresh` are the entries to be added; they must outlive the finder.
  RefilingFinder(const Plan& plan, const std::vector<const Entry*>& fresh);

  void begin_file(std::size_t index, const std::string& name, Diagnostics& diags) override;
  void add(const Entry& e) override;
  bool takes_views() const override { return true; }
  void add_view(const EntryView& e) override;
  // Folds in what `part`, a finder of the same fresh entries fed some of
  // the ledger's files, found: as if this one had read those files too.
  void merge(const RefilingFinder& part);

  // The figures before a fresh entry for its reporter, indicator and period:
  // the ledger's, then those of the fresh entries before it.
  struct Earlier {
    Location first;  // the first of them: in the ledger in read order, else in the batch
    std::size_t count = 0;
    std::int64_t sum = 0;  // their amounts, in Decimal units
    bool overflowed = false;
  };
  // Per fresh entry, in order: the figures already in for its period, or
  // nullopt (none, or not a scheduled flow's figure with a by=).
  std::vector<std::optional<Earlier>> found() const;
  // The warning for fresh entry `i` (found()[i] set): "人社局 already
  // reported jobs.urban_new for 2019-03 (records/hrss/2019.rec:23: 1,942):
  // a flow's figures add up, so 2019-03 comes to 6,152".
  Message warning(std::size_t i) const;
  // The refusal for fresh entry `i` (found()[i] set): "人社局 already reported
  // jobs.urban_new for 2019-03 (records/hrss/2019.rec:23: 1,942): --replace
  // if 2,000 replaces it (recorded as the difference, +58), --add if it adds
  // to it (then 2019-03 comes to 3,942)".
  Message refusal(std::size_t i) const;
  // Under --replace, for fresh entry `i` whose period has a figure among
  // the fresh entries before it: "七都镇 reports jobs.reemployed for
  // 2019-06 twice in the batch (first at r.csv:2: 30): with --replace a
  // reporter's period takes one figure" ("3 times" for a third; the same
  // figure as the first: "…twice in the batch, both 30 (first at
  // r.csv:2): entered twice? …"); nullopt for the first. Two replacements of one period in one
  // sheet contradict each other (which is the figure?), so admission.h refuses the second rather
  // than guess.
  std::optional<Message> replaced_twice(std::size_t i) const;
  // From now on the fresh entries `refused` marks (refused for another
  // reason: a late report) count for no other fresh entry's period: a late
  // June row is not July's figure to its July neighbour.
  // (Works out in_batch_, first_in_batch_ and same_as_first_ again.)
  void leave_out(const std::vector<bool>& refused);

 private:
  std::optional<Earlier> earlier(std::size_t i) const;  // found()[i]
  std::string period_text(std::size_t i) const;         // "2019-03"
  struct Key {
    std::size_t indicator;
    std::string_view by;  // the fresh entry's by= (a view into it)
    int period;
  };
  const Plan& plan_;
  const std::vector<const Entry*>& fresh_;
  std::vector<std::optional<Key>> key_;            // per fresh entry
  std::vector<std::vector<std::size_t>> watched_;  // per indicator: its fresh entries
  std::vector<PeriodIndex> periods_;               // per indicator with fresh entries
  std::vector<std::optional<Earlier>> in_ledger_;  // per fresh entry
  std::vector<std::size_t> first_file_;            // per fresh entry: in_ledger_'s file index
  std::vector<std::optional<Earlier>> in_batch_;   // per fresh entry: the fresh ones before it
  std::vector<std::size_t> first_in_batch_;        // per fresh entry: the first of its key
  std::vector<bool> same_as_first_;  // per fresh entry: those before it all hold the first's figure
  std::size_t file_ = 0;             // the file being read
};

// `e`, a figure of a period for which its reporter already has `earlier` in
// all, recorded as what replaces them: its value the difference (2 for 33
// sent after 31) and a note that says so, "更正：原报 31，改为 33", before a
// note of its own; nullopt when the difference is 0 (nothing to record).
std::optional<Entry> as_replacement(const Entry& e, Decimal earlier);

}  // namespace plan
