#include "period_records.h"

namespace plan {

PeriodRecords::PeriodRecords(const Plan& plan, Date after, Date through)
    : plan_(plan), after_(after), through_(through) {}

void PeriodRecords::add(const Entry& e) {
  if (e.date <= after_ || e.date > through_) return;
  auto index = plan_.index_of(e.id);
  if (!index) return;
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
  }
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
