#include "record_check.h"

#include <fmt/format.h>

#include <string_view>

namespace plan {

namespace {

// FNV-1a over the entry's parts: a fingerprint is enough to raise a
// suspicion; a collision costs a false warning, never a wrong figure.
class Fingerprint {
 public:
  void add(std::string_view s) {
    for (unsigned char c : s) mix(c);
    mix(0xff);  // field separator
  }
  void add(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) mix(static_cast<unsigned char>(v >> (8 * i)));
  }
  std::uint64_t value() const { return h_; }

 private:
  void mix(unsigned char c) {
    h_ ^= c;
    h_ *= 1099511628211ull;
  }
  std::uint64_t h_ = 14695981039346656037ull;
};

}  // namespace

RecordChecker::RecordChecker(const Plan& plan, Date today, Diagnostics& diags)
    : plan_(plan), today_(today), diags_(diags) {}

void RecordChecker::add(const Entry& e) {
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
  if (e.where.file != file_) {
    file_ = e.where.file;
    seen_.clear();
  }
  Fingerprint f;
  f.add(static_cast<std::uint64_t>(e.date.days_since_epoch()));
  f.add(e.id);
  f.add(e.is_state ? (e.done ? 1u : 0u) : static_cast<std::uint64_t>(e.amount.units()));
  f.add(e.tag("by"));
  auto [it, fresh] = seen_.try_emplace(f.value(), e.where.line);
  if (!fresh)
    diags_.warning(e.where, fmt::format("same date, id, value and by= as line {}: entered twice?",
                                        it->second));
}

}  // namespace plan
