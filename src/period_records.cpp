#include "period_records.h"

#include <utility>

namespace plan {

PeriodRecords::PeriodRecords(const Plan& plan, Date first, Date last)
    : plan_(plan), first_(first), last_(last) {}

void PeriodRecords::add(const Entry& e) {
  // An explanation is no figure: it is not "recorded" in the period.
  if (e.date < first_ || e.date > last_ || e.is_explanation) return;
  auto index = plan_.index_of(e.id);
  if (!index) return;
  ++read_;
  // Keyed lookups reuse the key's memory only when the group exists; a new
  // group is the rare case (one per indicator and unit).
  RecordedGroup& g = groups_[Key{*index, std::string(e.tag("by"))}];
  g.entries++;
  if (!e.is_state) g.sum = g.sum + e.amount;
  // Entries come in read order, so ">=" makes the one read last win ties.
  if (g.entries == 1 || e.date >= g.latest_date) {
    g.latest_date = e.date;
    g.latest_value = e.amount;
    g.latest_done = e.is_state && e.done;
    g.note = std::string(e.tag("note"));
    g.latest_read = read_;
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
