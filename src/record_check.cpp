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
      diags_(diags),
      magnitude_(plan.indicators.size(), 0),
      ranges_(plan) {}

void RecordChecker::add(const Entry& e) {
  if (const Indicator* ind = plan_.find(e.id); ind && !e.is_state) {
    std::int64_t& m = magnitude_[static_cast<std::size_t>(ind - plan_.indicators.data())];
    const std::int64_t v = e.amount.units();
    if (!is_flow(ind->kind)) {
      if (!within_figure_limit(v))
        diags_.error(e.where, fmt::format("the reading of {} is too large (at most "
                                          "4,611,686,018,427.387903)",
                                          e.id));
    } else if (m >= 0 && plan_.in_period(e.date)) {
      const std::int64_t abs = v < 0 ? -v : v;  // never INT64_MIN: values are parsed symmetric
      if (__builtin_add_overflow(m, abs, &m) || !within_figure_limit(m)) {
        diags_.error(e.where, fmt::format("the sum of {} may overflow: its entries add up to "
                                          "more than 4,611,686,018,427.387903",
                                          e.id));
        m = -1;
      }
    }
  }
  if (const Indicator* ind = plan_.find(e.id)) {
    auto doubt = percent_doubt(e, *ind);
    if (!doubt) doubt = ranges_.doubt(e);
    if (doubt)
      diags_.warning(e.where, *doubt);
    else
      ranges_.add(e);
  }
  if (!plan_.in_period(e.date)) {
    // Only flows are cut to the period; a level reading or a milestone state
    // of any date can be the latest entry, which is what counts (SPEC §5).
    const Indicator* ind = plan_.find(e.id);
    bool flow = !ind || is_flow(ind->kind);
    diags_.warning(e.where, fmt::format("{} is outside the plan period {} … {}; {} {}",
                                        e.date.iso(), plan_.start.iso(), plan_.end.iso(),
                                        flow ? "it counts toward no figure of"
                                             : "it still counts while it is the latest entry of",
                                        e.id));
  }
  if (e.date > today_)
    diags_.warning(e.where,
                   fmt::format("{} is in the future (today is {})", e.date.iso(), today_.iso()));
  if (std::string_view by = e.tag("by"); !by.empty()) {
    bool known = std::find(known_by_.begin(), known_by_.end(), by) != known_by_.end();
    if (!known && plan_.knows_unit(by)) {
      known_by_.emplace_back(by);
      known = true;
    }
    if (!known)
      diags_.warning(Location{e.where.file, e.where.line, e.by_column > 0 ? e.by_column : 1},
                     fmt::format("unknown unit '{}'{}", sanitize(by), plan_.did_you_mean_unit(by)));
  }
  if (e.where.file != file_) {
    file_ = e.where.file;
    seen_.clear();
  }
  // A fingerprint is enough to raise a suspicion: a collision costs a false
  // warning, never a wrong figure.
  if (auto first = seen_.find_or_add(figure_fingerprint(e), e.where.line))
    diags_.warning(e.where,
                   fmt::format("same date, id, value and by= as line {}: entered twice?", *first));
}

void RecordChecker::Seen::clear() {
  // A small table again: the next file may be small, and a large table
  // left over would cost its clearing at every file.
  keys_.assign(1024, 0);
  lines_.assign(1024, 0);
  used_ = 0;
}

std::optional<int> RecordChecker::Seen::find_or_add(std::uint64_t fingerprint, int line) {
  if (keys_.empty()) clear();
  if (fingerprint == 0) fingerprint = 1;
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = fingerprint & mask;; i = (i + 1) & mask) {
    if (keys_[i] == fingerprint) return lines_[i];
    if (keys_[i] == 0) {
      keys_[i] = fingerprint;
      lines_[i] = line;
      if (++used_ * 4 > keys_.size() * 3) grow();
      return std::nullopt;
    }
  }
}

void RecordChecker::Seen::grow() {
  std::vector<std::uint64_t> keys(keys_.size() * 2, 0);
  std::vector<int> lines(keys.size(), 0);
  const std::size_t mask = keys.size() - 1;
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    if (keys_[k] == 0) continue;
    std::size_t i = keys_[k] & mask;
    while (keys[i] != 0) i = (i + 1) & mask;
    keys[i] = keys_[k];
    lines[i] = lines_[k];
  }
  keys_.swap(keys);
  lines_.swap(lines);
}

}  // namespace plan
