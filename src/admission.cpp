#include "admission.h"

#include <fmt/format.h>

#include <memory>

#include "duplicates.h"
#include "filings.h"
#include "late_report.h"
#include "plausibility.h"
#include "record_reader.h"
#include "refiling.h"
#include "render.h"

namespace plan {

namespace {

// Feeds one pass of the records to both judges; a ShardableSink, so that
// the files are read in parallel as status reads them (record_reader.h).
// Both fold exactly: a range is a smallest and a largest magnitude, and a
// duplicate is named by its first place in read order.
class Judges : public ShardableSink {
 public:
  Judges(const Plan& plan, const std::vector<const Entry*>& fresh)
      : plan_(plan),
        fresh_(fresh),
        duplicates_(plan, fresh),
        ranges_(plan),
        refilings_(plan, fresh),
        filings_(plan, Date::from_ymd(9999, 12, 31)) {}

  void begin_file(std::size_t index, const std::string& name, Diagnostics& diags) override {
    duplicates_.begin_file(index, name, diags);
    refilings_.begin_file(index, name, diags);
  }
  void add(const Entry& e) override {
    duplicates_.add(e);
    ranges_.add(e);
    refilings_.add(e);
    filings_.add(e);
  }
  bool takes_views() const override { return true; }
  void add_view(const EntryView& e) override {
    duplicates_.add_view(e);
    ranges_.add_view(e);
    refilings_.add_view(e);
    filings_.add(e);
  }
  std::unique_ptr<ShardableSink> make_shard() const override {
    return std::make_unique<Judges>(plan_, fresh_);
  }
  bool merge(std::vector<std::unique_ptr<ShardableSink>>& shards) override {
    for (const auto& s : shards) {
      const auto& part = static_cast<const Judges&>(*s);  // made by make_shard
      duplicates_.merge(part.duplicates_);
      ranges_.merge(part.ranges_);
      refilings_.merge(part.refilings_);
      filings_.merge(part.filings_);
    }
    return true;
  }

  const DuplicateFinder& duplicates() const { return duplicates_; }
  const FigureRanges& ranges() const { return ranges_; }
  const RefilingFinder& refilings() const { return refilings_; }
  void leave_out(const std::vector<bool>& refused) { refilings_.leave_out(refused); }
  const Filings& filings() const { return filings_; }  // on every date

 private:
  const Plan& plan_;
  const std::vector<const Entry*>& fresh_;
  DuplicateFinder duplicates_;
  FigureRanges ranges_;
  RefilingFinder refilings_;
  Filings filings_;
};

std::string where_of(const Location& l) {
  return Location{l.file, l.line, 0}.to_string();
}

// The refusal of a figure the ledger has already, at `first`.
Message already_in_ledger(const std::string& first) {
  return {fmt::format("same date, id, value and by= as {}: already in the ledger "
                      "(--allow-duplicates to add it again)",
                      first),
          fmt::format("日期、指标、数值和 by= 与 {} 相同：账中已有（如要再记一次，用 "
                      "--allow-duplicates）",
                      first)};
}

}  // namespace

Admission admit(Env& env, const std::filesystem::path& records, const Plan& plan,
                const std::vector<NewFigure>& batch, const AdmissionOptions& options) {
  Admission result;
  Diagnostics& out = result.diags;
  result.replaces.resize(batch.size());
  if (batch.empty()) return result;
  std::vector<const Entry*> entries;
  entries.reserve(batch.size());
  for (const auto& f : batch) entries.push_back(f.entry);
  Judges judges(plan, entries);
  Diagnostics ledger_problems;  // plan check reports them
  read_records(env, records, plan, ledger_problems, judges, options.threads);
  const DuplicateFinder& duplicates = judges.duplicates();
  const FigureRanges& ranges = judges.ranges();

  const auto found = duplicates.found();
  const auto late = late_reports(plan, judges.filings(), entries,
                                 {options.period_option, options.add || options.replace,
                                  options.partial, options.period_is_column});
  // A late report is refused below, whatever else: it is no figure of the
  // period its date gives for the rows after it (July's 32, not 32 + a late
  // June 34).
  std::vector<bool> refused_late(batch.size());
  for (std::size_t i = 0; i < batch.size(); ++i) refused_late[i] = late[i].has_value();
  judges.leave_out(refused_late);
  const auto refilings = judges.refilings().found();
  // Under --replace a figure equal to what its reporter has for the period
  // is no duplicate: it replaces them with nothing to record.
  auto duplicate = [&](std::size_t i) {
    return found[i] && !options.allow_duplicates && !(options.replace && refilings[i]);
  };
  std::size_t in_ledger = 0;
  for (std::size_t i = 0; i < batch.size(); ++i)
    in_ledger += duplicate(i) && !duplicates.within_batch(i) ? 1 : 0;
  const bool all_there = in_ledger == batch.size() && !options.partial;
  if (all_there) {
    // A file imported twice: one line, not one per row.
    const std::string what = options.batch_name.empty() ? "the entry" : options.batch_name;
    const std::string first = where_of(*found[0]);
    out.error(
        batch.size() == 1 ? batch[0].at : Location{options.batch_name},
        batch.size() == 1
            ? already_in_ledger(first)
            : Message{
                  fmt::format("every row ({}) is already in the ledger, the first at {}: "
                              "{} was imported before? (--allow-duplicates to add them "
                              "again)",
                              batch.size(), first, what),
                  fmt::format("全部 {} 行在账中都已有，第一行在 {}：{}已导入过？（如要再记"
                              "一次，用 --allow-duplicates）",
                              batch.size(), first,
                              options.batch_name.empty() ? "这批数据" : options.batch_name + " ")});
  }
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const Entry& e = *batch[i].entry;
    if (!all_there && duplicate(i)) {
      const std::string first = where_of(*found[i]);
      out.error(batch[i].at,
                duplicates.within_batch(i)
                    ? Message{fmt::format("same date, id, value and by= as {}: entered twice? "
                                          "(--allow-duplicates to add both)",
                                          first),
                              fmt::format("日期、指标、数值和 by= 与 {} 相同：重复录入？（如两条都"
                                          "要记，用 --allow-duplicates）",
                                          first)}
                    : already_in_ledger(first));
    }
    if (late[i] && !duplicate(i)) out.error(batch[i].at, *late[i]);
    // --force lets a doubtful figure in, and says which: it is one switch
    // for the whole batch (a period not over, a date after today), so a
    // typo beside the row it was given for would otherwise go in unseen.
    if (auto doubt = ranges.judge(e)) {
      if (options.force)
        out.warning(batch[i].at,
                    Message{"let in by --force: " + doubt->en, "经 --force 记入：" + doubt->zh});
      else
        out.error(batch[i].at, Message{doubt->en + " (--force if it is right)",
                                       doubt->zh + "（如无误，用 --force）"});
    }
    if (duplicate(i)) continue;  // refused above: it needs no more
    // --replace takes the period's whole figure, whether or not one is in
    // yet; a difference is recorded without it.
    if (options.replace && e.amount < Decimal()) {
      const std::string value = format_amount(e.amount, true);
      if (!options.force) {
        out.error(batch[i].at,
                  Message{fmt::format("with --replace a figure is what its period comes to, and {} "
                                      "is below zero: a correction by the difference goes without "
                                      "--replace (--force if {} is right)",
                                      value, value),
                          fmt::format("用 --replace 时数值是该期的总数，而 {} 小于零：按差额更正"
                                      "不用 --replace（如 {} 无误，用 --force）",
                                      value, value)});
        continue;
      }
      out.warning(batch[i].at,
                  Message{fmt::format("let in by --force: with --replace a figure is what its "
                                      "period comes to, and {} is below zero",
                                      value),
                          fmt::format("经 --force 记入：用 --replace 时数值是该期的总数，而 {} "
                                      "小于零",
                                      value)});
    }
    // One let in by --allow-duplicates, --add, or a negative one (a
    // correction recorded as the difference) counts its period twice,
    // which is said; --replace records the difference; any other is
    // refused.
    // A late report refused above is not yet of the period its date puts
    // it in: its error names the periods it may be. "Already reported for
    // July: --add …" beside it would offer to file June's figure as July's.
    if (!refilings[i] || late[i]) continue;
    if (options.replace)
      if (auto twice = judges.refilings().replaced_twice(i)) {
        out.error(batch[i].at, *twice);
        continue;
      }
    if (options.replace && !refilings[i]->overflowed)
      result.replaces[i] = Decimal::from_units(refilings[i]->sum);
    else if (options.add || e.amount < Decimal() || (options.allow_duplicates && found[i]))
      out.warning(batch[i].at, judges.refilings().warning(i));
    else
      out.error(batch[i].at, judges.refilings().refusal(i));
  }
  return result;
}

}  // namespace plan
