#include "record_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace plan {

namespace {

// FNV-1a: a fingerprint is enough to flag a suspicion; a collision costs a
// false warning, never a wrong figure.
std::uint64_t fnv(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return (h ^ 0xff) * 1099511628211ull;  // field separator
}

}  // namespace

RecordChecker::RecordChecker(const Plan& plan, Date today, Diagnostics& diags)
    : plan_(plan), today_(today), diags_(diags) {}

void RecordChecker::add(const Entry& e) {
  Location at = e.where;
  if (!plan_.in_period(e.date)) {
    // Only flows are cut to the period; a level reading or a milestone state
    // of any date can be the latest entry, which is what counts (SPEC §5).
    const Indicator* ind = plan_.find(e.id);
    bool flow = !ind || is_flow(ind->kind);
    diags_.warning(at, fmt::format("{} is outside the plan period {} … {}; {} {}", e.date.iso(),
                                   plan_.start.iso(), plan_.end.iso(),
                                   flow ? "it counts toward no figure of"
                                        : "it still counts while it is the latest entry of",
                                   e.id));
  }
  if (e.date > today_)
    diags_.warning(at,
                   fmt::format("{} is in the future (today is {})", e.date.iso(), today_.iso()));
  std::string_view by = e.tag("by");
  std::uint64_t h = 14695981039346656037ull;
  h = fnv(h, e.date.iso());
  h = fnv(h, e.id);
  h = fnv(h, e.is_state ? (e.done ? "done" : "undone") : e.amount.to_string());
  h = fnv(h, by);
  if (files_.empty() || files_.back() != e.where.file) files_.push_back(e.where.file);
  auto [it, fresh] =
      seen_.try_emplace(h, Seen{static_cast<std::uint32_t>(files_.size() - 1), e.where.line});
  if (!fresh) {
    Location first{files_[it->second.file], it->second.line};
    diags_.warning(
        at, fmt::format("same date, id, value and by= as {}: entered twice?", first.to_string()));
  }
}

}  // namespace plan
