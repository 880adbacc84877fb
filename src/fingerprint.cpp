#include "fingerprint.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <utility>

namespace plan {

namespace {

// A small first table: most record files hold a few hundred entries.
constexpr std::size_t kFirstSlots = 1024;

}  // namespace

FingerprintWindow::FingerprintWindow(std::size_t window)
    : window_(window), max_slots_(std::bit_ceil(2 * window)) {
  assert(window > 0 && window <= 65536);  // an entry's place is 16 bits of its slot
}

void FingerprintWindow::Table::resize(std::size_t n) {
  tags.assign(n, 0);
  entries.resize(n / 2 + 1);  // at most half full, and one more before growing
}

void FingerprintWindow::Table::clear() {
  used = 0;
  if (++stamp == 256) {  // the old stamps would come back
    std::fill(tags.begin(), tags.end(), 0);
    stamp = 1;
  }
}

void FingerprintWindow::Table::grow() {
  Table bigger;
  bigger.stamp = stamp;
  bigger.resize(tags.size() * 2);
  // In the order added, so that each keeps its place.
  for (std::size_t n = 0; n < used; ++n) {
    bool found;
    const std::uint64_t key = entries[n].key();
    bigger.put(bigger.find(key, &found), key, entries[n].line);
  }
  *this = std::move(bigger);
}

std::optional<int> FingerprintWindow::find_or_add(std::uint64_t fingerprint, int line) {
  // At most one generation holds a fingerprint (it is added only when
  // neither does), and the older holds the earlier lines.
  bool found;
  if (older_.used > 0) {
    const std::size_t i = older_.find(fingerprint, &found);
    if (found) return older_.entries[i].line;
  }
  if (newer_.tags.empty()) newer_.resize(std::min(kFirstSlots, max_slots_));
  std::size_t i = newer_.find(fingerprint, &found);
  if (found) return newer_.entries[i].line;
  if (newer_.used == window_) {
    std::swap(newer_, older_);
    newer_.clear();
    if (newer_.tags.empty()) newer_.resize(std::min(kFirstSlots, max_slots_));
    i = newer_.find(fingerprint, &found);  // the table is empty: its first slot
  }
  newer_.put(i, fingerprint, line);
  if (newer_.used * 2 > newer_.tags.size()) newer_.grow();
  return std::nullopt;
}

void FingerprintWindow::clear() {
  newer_.clear();
  older_.clear();
}

}  // namespace plan
