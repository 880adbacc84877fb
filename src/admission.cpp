#include "admission.h"

#include <fmt/format.h>

#include "duplicates.h"
#include "plausibility.h"
#include "record_reader.h"

namespace plan {

namespace {

// Feeds one pass of the records to both judges.
class BothSinks : public EntrySink {
 public:
  BothSinks(DuplicateFinder& d, FigureRanges& r) : d_(d), r_(r) {}
  void add(const Entry& e) override {
    d_.add(e);
    r_.add(e);
  }

 private:
  DuplicateFinder& d_;
  FigureRanges& r_;
};

std::string where_of(const Location& l) {
  return Location{l.file, l.line, 0}.to_string();
}

}  // namespace

Diagnostics admit(Env& env, const std::filesystem::path& records, const Plan& plan,
                  const std::vector<NewFigure>& batch, const AdmissionOptions& options) {
  Diagnostics out;
  if (batch.empty()) return out;
  std::vector<const Entry*> entries;
  entries.reserve(batch.size());
  for (const auto& f : batch) entries.push_back(f.entry);
  DuplicateFinder duplicates(entries);
  FigureRanges ranges(plan);
  BothSinks both(duplicates, ranges);
  Diagnostics ledger_problems;  // plan check reports them
  read_records(env, records, plan, ledger_problems, both);

  const auto& found = duplicates.found();
  std::size_t in_ledger = 0;
  for (std::size_t i = 0; i < batch.size(); ++i)
    in_ledger += found[i] && !duplicates.within_batch(i) ? 1 : 0;
  const bool all_there = !options.allow_duplicates && in_ledger == batch.size();
  if (all_there) {
    // A file imported twice: one line, not one per row.
    const std::string what = options.batch_name.empty() ? "the entry" : options.batch_name;
    out.error(batch.size() == 1 ? batch[0].at : Location{options.batch_name},
              batch.size() == 1
                  ? fmt::format("same date, id, value and by= as {}: already in the ledger "
                                "(--allow-duplicates to add it again)",
                                where_of(*found[0]))
                  : fmt::format("every row ({}) is already in the ledger, the first at {}: "
                                "{} was imported before? (--allow-duplicates to add them again)",
                                batch.size(), where_of(*found[0]), what));
  }
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const Entry& e = *batch[i].entry;
    if (!options.allow_duplicates && !all_there && found[i]) {
      out.error(batch[i].at,
                duplicates.within_batch(i)
                    ? fmt::format("same date, id, value and by= as {}: entered twice? "
                                  "(--allow-duplicates to add both)",
                                  where_of(*found[i]))
                    : fmt::format("same date, id, value and by= as {}: already in the ledger "
                                  "(--allow-duplicates to add it again)",
                                  where_of(*found[i])));
    }
    if (options.force) continue;
    if (auto doubt = ranges.judge(e)) out.error(batch[i].at, *doubt + " (--force if it is right)");
  }
  return out;
}

}  // namespace plan
