#include "duplicates.h"

#include <string_view>

namespace plan {

std::uint64_t figure_fingerprint(const Entry& e) {
  return figure_fingerprint(view_of(e, e.indicator), text_fingerprint(e.id),
                            text_fingerprint(e.tag("by")));
}

bool same_figure(const Entry& a, const Entry& b) {
  if (a.date != b.date || a.id != b.id || a.tag("by") != b.tag("by")) return false;
  if (a.is_explanation || b.is_explanation)
    return a.is_explanation && b.is_explanation && a.tag("note") == b.tag("note");
  if (a.is_state || b.is_state) return a.is_state && b.is_state && a.done == b.done;
  return a.amount == b.amount;
}

DuplicateFinder::DuplicateFinder(const std::vector<const Entry*>& fresh)
    : fresh_(fresh), found_(fresh.size()), earlier_(fresh.size(), kNone) {
  index_.reserve(fresh.size());
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    std::uint64_t key = figure_fingerprint(*fresh[i]);
    auto [first, last] = index_.equal_range(key);
    for (auto it = first; it != last; ++it) {
      if (same_figure(*fresh[it->second], *fresh[i])) {
        earlier_[i] = it->second;
        found_[i] = fresh[it->second]->where;
        break;
      }
    }
    if (earlier_[i] == kNone) index_.emplace(key, i);
  }
}

void DuplicateFinder::add(const Entry& e) {
  auto [first, last] = index_.equal_range(figure_fingerprint(e));
  for (auto it = first; it != last; ++it) {
    std::size_t i = it->second;
    if (!same_figure(*fresh_[i], e)) continue;
    // The ledger's copy is the one to name, before an earlier row of the
    // batch; the first ledger entry read wins.
    if (!found_[i] || earlier_[i] != kNone) {
      found_[i] = Location{e.where.file, e.where.line, 0};
      earlier_[i] = kNone;
    }
  }
}

}  // namespace plan
