#include "period_records.h"

#include <utility>

namespace plan {

PeriodRecords::PeriodRecords(const Plan& plan, Date first, Date last)
    : plan_(plan), first_(first), last_(last) {}

void PeriodRecords::add(const Entry& e) {
  // An explanation is no figure: it is not "recorded" in the period.
  if (e.is_explanation) return;
  if (auto index = indicator_index(plan_, e)) add(view_of(e, *index));
}

void PeriodRecords::add(const EntryView& e) {
  if (e.date < first_ || e.date > last_) return;
  ++read_;
  const std::uint64_t order = (file_ << 40) | (read_ & ((std::uint64_t{1} << 40) - 1));
  // Keyed lookups reuse the key's memory only when the group exists; a new
  // group is the rare case (one per indicator and unit).
  RecordedGroup& g = groups_[Key{e.indicator, std::string(e.by)}];
  g.entries++;
  if (!e.is_state) {
    g.sum = g.sum + e.amount;
    const std::int64_t v = e.amount.units();
    const std::uint64_t abs =
        v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    if (__builtin_add_overflow(g.magnitude, abs, &g.magnitude)) g.magnitude = UINT64_MAX;
  }
  // Entries come in read order, so ">=" makes the one read last win ties.
  if (g.entries == 1 || e.date >= g.latest_date) {
    g.latest_date = e.date;
    g.latest_value = e.amount;
    g.latest_done = e.is_state && e.done;
    g.note = std::string(e.note);
    g.latest_read = order;
  }
}

bool PeriodRecords::can_merge(const std::vector<const PeriodRecords*>& parts) {
  // |any partial sum| <= the magnitudes added, which must stay within what
  // a Decimal holds for no sum to have saturated in some order.
  std::map<Key, std::uint64_t> total;
  for (const PeriodRecords* p : parts)
    for (const auto& [key, g] : p->groups_) {
      std::uint64_t& t = total[key];
      if (__builtin_add_overflow(t, g.magnitude, &t) || t > static_cast<std::uint64_t>(INT64_MAX))
        return false;
    }
  return true;
}

void PeriodRecords::merge(const std::vector<const PeriodRecords*>& parts) {
  for (const PeriodRecords* p : parts)
    for (const auto& [key, b] : p->groups_) {
      RecordedGroup& g = groups_[key];
      const bool later = g.entries == 0 || std::pair(b.latest_date, b.latest_read) >
                                               std::pair(g.latest_date, g.latest_read);
      g.entries += b.entries;
      g.sum = g.sum + b.sum;
      g.magnitude += b.magnitude;
      if (later) {
        g.latest_date = b.latest_date;
        g.latest_value = b.latest_value;
        g.latest_done = b.latest_done;
        g.note = b.note;
        g.latest_read = b.latest_read;
      }
    }
}

const RecordedGroup& RecordedIndicator::latest() const {
  const RecordedGroup* best = &units.front();
  for (const RecordedGroup& g : units)
    if (std::pair(g.latest_date, g.latest_read) > std::pair(best->latest_date, best->latest_read))
      best = &g;
  return *best;
}

std::vector<RecordedIndicator> PeriodRecords::summary() const {
  std::vector<RecordedIndicator> out;
  for (const auto& [key, g] : groups_) {
    if (out.empty() || out.back().ind != &plan_.indicators[key.indicator])
      out.push_back({&plan_.indicators[key.indicator], 0, Decimal(), {}});
    RecordedIndicator& r = out.back();
    r.entries += g.entries;
    r.sum = r.sum + g.sum;
    r.units.push_back(g);
    r.units.back().unit = key.unit;
  }
  return out;
}

}  // namespace plan
