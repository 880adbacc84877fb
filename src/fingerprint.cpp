#include "fingerprint.h"

#include <algorithm>
#include <bit>
#include <utility>

namespace plan {

namespace {

// A small first table: most record files hold a few hundred entries.
constexpr std::size_t kFirstSlots = 1024;

}  // namespace

FingerprintWindow::FingerprintWindow(std::size_t window)
    : window_(window), max_slots_(std::bit_ceil(2 * window)) {}

void FingerprintWindow::Table::clear() {
  used = 0;
  if (++stamp == 0) {  // after 2^32 clears: the old stamps could come back
    std::fill(slots.begin(), slots.end(), Slot{});
    stamp = 1;
  }
}

void FingerprintWindow::Table::grow() {
  std::vector<Slot> bigger(slots.size() * 2);
  const std::size_t mask = bigger.size() - 1;
  for (const Slot& s : slots) {
    if (s.stamp != stamp) continue;
    std::size_t i = s.key & mask;
    while (bigger[i].stamp == stamp) i = (i + 1) & mask;
    bigger[i] = s;
  }
  slots.swap(bigger);
}

std::optional<int> FingerprintWindow::find_or_add(std::uint64_t fingerprint, int line) {
  // At most one generation holds a fingerprint (it is added only when
  // neither does), and the older holds the earlier lines.
  if (older_.used > 0) {
    const std::size_t mask = older_.slots.size() - 1;
    for (std::size_t i = fingerprint & mask; older_.slots[i].stamp == older_.stamp;
         i = (i + 1) & mask)
      if (older_.slots[i].key == fingerprint) return older_.slots[i].line;
  }
  if (newer_.slots.empty()) newer_.slots.resize(std::min(kFirstSlots, max_slots_));
  std::size_t mask = newer_.slots.size() - 1;
  std::size_t i = fingerprint & mask;
  for (; newer_.slots[i].stamp == newer_.stamp; i = (i + 1) & mask)
    if (newer_.slots[i].key == fingerprint) return newer_.slots[i].line;
  if (newer_.used == window_) {
    std::swap(newer_, older_);
    newer_.clear();
    if (newer_.slots.empty()) newer_.slots.resize(std::min(kFirstSlots, max_slots_));
    mask = newer_.slots.size() - 1;
    i = fingerprint & mask;  // the table is empty: its first slot is free
  }
  newer_.slots[i] = Slot{fingerprint, line, newer_.stamp};
  if (++newer_.used * 2 > newer_.slots.size()) newer_.grow();
  return std::nullopt;
}

void FingerprintWindow::clear() {
  newer_.clear();
  older_.clear();
}

}  // namespace plan
