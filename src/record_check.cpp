#include "record_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "duplicates.h"
#include "text.h"

namespace plan {

RecordChecker::RecordChecker(const Plan& plan, Date today, Diagnostics& diags)
    : plan_(plan),
      today_(today),
      diags_(&diags),
      magnitude_(plan.indicators.size(), 0),
      ranges_(plan) {}

void RecordChecker::add(const Entry& e) {
  if (e.where.file != file_) {  // fed without begin_file
    file_ = e.where.file;
    seen_.clear();
    ranges_.clear();
  }
  // Looked up once: the checks below all need it, for every entry.
  const Indicator* ind = plan_.find(e.id);
  if (ind && !e.is_state) {
    std::int64_t& m = magnitude_[static_cast<std::size_t>(ind - plan_.indicators.data())];
    const std::int64_t v = e.amount.units();
    if (!is_flow(ind->kind)) {
      if (!within_figure_limit(v))
        diags_->error(e.where, fmt::format("the reading of {} is too large (at most "
                                           "4,611,686,018,427.387903)",
                                           e.id));
    } else if (m >= 0 && plan_.in_period(e.date)) {
      const std::int64_t abs = v < 0 ? -v : v;  // never INT64_MIN: values are parsed symmetric
      if (__builtin_add_overflow(m, abs, &m) || !within_figure_limit(m)) {
        diags_->error(e.where, fmt::format("the sum of {} may overflow: its entries add up to "
                                           "more than 4,611,686,018,427.387903",
                                           e.id));
        m = -1;
      }
    }
  }
  if (auto doubt = ranges_.judge(e))
    diags_->warning(e.where, *doubt);
  else
    ranges_.add(e);
  if (!plan_.in_period(e.date)) {
    // Only flows are cut to the period; a level reading or a milestone state
    // of any date can be the latest entry, which is what counts (SPEC §5).
    bool flow = !ind || is_flow(ind->kind);
    diags_->warning(e.where, fmt::format("{} is outside the plan period {} … {}; {} {}",
                                         e.date.iso(), plan_.start.iso(), plan_.end.iso(),
                                         flow ? "it counts toward no figure of"
                                              : "it still counts while it is the latest entry of",
                                         e.id));
  }
  if (e.date > today_)
    diags_->warning(e.where,
                    fmt::format("{} is in the future (today is {})", e.date.iso(), today_.iso()));
  if (std::string_view by = e.tag("by"); !by.empty()) {
    bool known = std::find(known_by_.begin(), known_by_.end(), by) != known_by_.end();
    if (!known && plan_.knows_unit(by)) {
      known_by_.emplace_back(by);
      known = true;
    }
    if (!known)
      diags_->warning(
          Location{e.where.file, e.where.line, e.by_column > 0 ? e.by_column : 1},
          fmt::format("unknown unit '{}'{}", sanitize(by), plan_.did_you_mean_unit(by)));
  }
  // A fingerprint is enough to raise a suspicion: a collision costs a false
  // warning, never a wrong figure.
  if (auto first = seen_.find_or_add(figure_fingerprint(e), e.where.line))
    diags_->warning(e.where,
                    fmt::format("same date, id, value and by= as line {}: entered twice?", *first));
}

void RecordChecker::begin_file(std::size_t /*index*/, const std::string& name, Diagnostics& diags) {
  diags_ = &diags;
  file_ = name;
  seen_.clear();
  ranges_.clear();
}

std::unique_ptr<ShardableSink> RecordChecker::make_shard() const {
  return std::make_unique<RecordChecker>(plan_, today_, *diags_);
}

bool RecordChecker::merge(std::vector<std::unique_ptr<ShardableSink>>& shards) {
  std::vector<std::int64_t> total(magnitude_.size(), 0);
  for (auto& s : shards) {
    const auto& shard = static_cast<const RecordChecker&>(*s);  // made by make_shard
    for (std::size_t i = 0; i < total.size(); ++i) {
      const std::int64_t m = shard.magnitude_[i];
      if (m < 0 || __builtin_add_overflow(total[i], m, &total[i]) || !within_figure_limit(total[i]))
        return false;
    }
  }
  magnitude_ = std::move(total);
  return true;
}

void RecordChecker::Seen::clear() {
  newer_.clear();
  older_.clear();
}

void RecordChecker::Seen::Table::clear() {
  // A small table again: the next file may be small, and a large table
  // left over would cost its clearing at every file.
  keys.assign(1024, 0);
  lines.assign(1024, 0);
  used = 0;
}

const int* RecordChecker::Seen::Table::find(std::uint64_t fingerprint) const {
  if (keys.empty()) return nullptr;
  const std::size_t mask = keys.size() - 1;
  for (std::size_t i = fingerprint & mask;; i = (i + 1) & mask) {
    if (keys[i] == fingerprint) return &lines[i];
    if (keys[i] == 0) return nullptr;
  }
}

void RecordChecker::Seen::Table::add(std::uint64_t fingerprint, int line) {
  if (keys.empty()) clear();
  const std::size_t mask = keys.size() - 1;
  std::size_t i = fingerprint & mask;
  while (keys[i] != 0) i = (i + 1) & mask;
  keys[i] = fingerprint;
  lines[i] = line;
  if (++used * 2 > keys.size()) grow();
}

std::optional<int> RecordChecker::Seen::find_or_add(std::uint64_t fingerprint, int line) {
  if (fingerprint == 0) fingerprint = 1;
  // The older generation holds the earlier lines: its line is the first.
  if (const int* l = older_.find(fingerprint)) return *l;
  if (const int* l = newer_.find(fingerprint)) return *l;
  if (newer_.used == kSeenWindow) {
    // The newer generation is full: it becomes the older, and the older's
    // arrays are emptied, keeping their size, to take new ones.
    std::swap(newer_, older_);
    std::fill(newer_.keys.begin(), newer_.keys.end(), 0);
    newer_.used = 0;
  }
  newer_.add(fingerprint, line);
  return std::nullopt;
}

void RecordChecker::Seen::Table::grow() {
  std::vector<std::uint64_t> k(keys.size() * 2, 0);
  std::vector<int> l(k.size(), 0);
  const std::size_t mask = k.size() - 1;
  for (std::size_t n = 0; n < keys.size(); ++n) {
    if (keys[n] == 0) continue;
    std::size_t i = keys[n] & mask;
    while (k[i] != 0) i = (i + 1) & mask;
    k[i] = keys[n];
    l[i] = lines[n];
  }
  keys.swap(k);
  lines.swap(l);
}

}  // namespace plan
