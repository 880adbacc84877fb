#include "duplicates.h"

#include <string_view>

namespace plan {

std::uint64_t figure_fingerprint(const Entry& e) {
  return figure_fingerprint(view_of(e, e.indicator), text_fingerprint(e.id),
                            text_fingerprint(e.tag("by")));
}

bool same_figure(const Entry& a, const Entry& b) {
  if (a.date != b.date || a.id != b.id || a.tag("by") != b.tag("by") ||
      a.tag("period") != b.tag("period"))
    return false;
  if (a.is_explanation || b.is_explanation)
    return a.is_explanation && b.is_explanation && a.tag("note") == b.tag("note");
  if (a.is_state || b.is_state) return a.is_state && b.is_state && a.done == b.done;
  return a.amount == b.amount;
}

namespace {

// same_figure for a fresh entry of indicator `indicator` and a ledger entry
// read as a view: an index names one id (the plan's ids are unique).
bool same_figure(const Entry& a, std::size_t indicator, const EntryView& b) {
  if (a.date != b.date || indicator != b.indicator || a.tag("by") != b.by ||
      a.tag("period") != b.period)
    return false;
  if (a.is_explanation || b.is_explanation)
    return a.is_explanation && b.is_explanation && a.tag("note") == b.note;
  if (a.is_state || b.is_state) return a.is_state && b.is_state && a.done == b.done;
  return a.amount == b.amount;
}

}  // namespace

DuplicateFinder::DuplicateFinder(const Plan& plan, const std::vector<const Entry*>& fresh)
    : plan_(plan),
      fresh_(fresh),
      fresh_indicator_(fresh.size(), kNone),
      id_fingerprint_(plan.indicators.size()),
      in_ledger_(fresh.size()),
      earlier_(fresh.size(), kNone) {
  index_.reserve(fresh.size());
  bool dated = false;  // first_ and last_ set
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    const Entry& e = *fresh[i];
    std::uint64_t key = figure_fingerprint(e);
    auto [first, last] = index_.equal_range(key);
    for (auto it = first; it != last; ++it) {
      if (same_figure(*fresh[it->second], e)) {
        earlier_[i] = it->second;
        break;
      }
    }
    if (earlier_[i] != kNone) continue;
    index_.emplace(key, i);
    // An id the plan lacks is in no ledger entry: only the batch can hold it again.
    auto found = indicator_index(plan, e);
    if (!found) continue;
    fresh_indicator_[i] = *found;
    id_fingerprint_[*found] = text_fingerprint(plan.indicators[*found].id);
    if (!dated || e.date < first_) first_ = e.date;
    if (!dated || e.date > last_) last_ = e.date;
    dated = true;
  }
}

void DuplicateFinder::begin_file(std::size_t index, const std::string& /*name*/,
                                 Diagnostics& /*diags*/) {
  file_ = index;
}

void DuplicateFinder::add(const Entry& e) {
  if (auto found = indicator_index(plan_, e)) add_view(view_of(e, *found));
}

void DuplicateFinder::add_view(const EntryView& e) {
  const auto& id = id_fingerprint_[e.indicator];
  if (!id || e.date < first_ || e.date > last_) return;
  // Equal to figure_fingerprint(Entry) of an entry with the same id and by=.
  auto [first, last] = index_.equal_range(figure_fingerprint(e, *id, text_fingerprint(e.by)));
  for (auto it = first; it != last; ++it) {
    std::size_t i = it->second;
    // The ledger's copy is the one to name, before an earlier row of the
    // batch; the first ledger entry read wins.
    if (in_ledger_[i] || !same_figure(*fresh_[i], fresh_indicator_[i], e)) continue;
    in_ledger_[i] = Seen{file_, Location{*e.file, e.line, 0}};
  }
}

void DuplicateFinder::merge(const DuplicateFinder& part) {
  for (std::size_t i = 0; i < in_ledger_.size(); ++i) {
    const auto& seen = part.in_ledger_[i];
    if (!seen) continue;
    auto& mine = in_ledger_[i];
    if (!mine || std::pair(seen->file, seen->where.line) < std::pair(mine->file, mine->where.line))
      mine = seen;
  }
}

std::vector<std::optional<Location>> DuplicateFinder::found() const {
  std::vector<std::optional<Location>> out(fresh_.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (in_ledger_[i])
      out[i] = in_ledger_[i]->where;
    else if (earlier_[i] != kNone)
      out[i] = fresh_[earlier_[i]]->where;
  }
  return out;
}

}  // namespace plan
