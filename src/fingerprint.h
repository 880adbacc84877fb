// Fingerprints of figures: a 64-bit value for what makes two entries the
// same figure, for finding one entered twice (duplicates.h, record_check.h),
// and the window of a file's recent fingerprints that `plan check` looks
// them up in, in fixed memory however long the file grows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

namespace plan {

// A 64-bit mix of words and texts, a word at a time. Equal sequences give
// equal values; different ones collide by chance only.
class Fingerprint {
 public:
  void add(std::uint64_t v) { h_ = (h_ ^ v) * 0x9E3779B97F4A7C15ull; }
  void add(std::string_view s) {
    const char* p = s.data();
    std::size_t n = s.size();
    for (; n >= 8; p += 8, n -= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      add(w);
    }
    std::uint64_t w = 0;
    if (n > 0) std::memcpy(&w, p, n);  // an empty view's data() may be null
    add(w ^ (static_cast<std::uint64_t>(s.size()) << 56));
  }
  std::uint64_t value() const {
    std::uint64_t h = h_ ^ (h_ >> 32);
    h *= 0xD6E8FEB86659FD93ull;
    return h ^ (h >> 32);
  }

 private:
  std::uint64_t h_ = 0x243F6A8885A308D3ull;
};

class FingerprintWindow {
 public:
  // Remembers at least the last `window` fingerprints added (at most twice
  // as many). REQUIRES: window > 0.
  explicit FingerprintWindow(std::size_t window);

  // The line first added with `fingerprint` while it is remembered;
  // otherwise nullopt, after adding it with `line`. Every value is a
  // fingerprint, 0 included.
  std::optional<int> find_or_add(std::uint64_t fingerprint, int line);

  // Asks the processor for the slots find_or_add(fingerprint) starts at,
  // so that it need not wait for them; changes nothing.
  void prefetch(std::uint64_t fingerprint) const {
    if (older_.used > 0) __builtin_prefetch(&older_.slots[fingerprint & (older_.slots.size() - 1)]);
    if (!newer_.slots.empty())
      __builtin_prefetch(&newer_.slots[fingerprint & (newer_.slots.size() - 1)]);
  }

  // Forgets every fingerprint, in constant time (a new file).
  void clear();

  // The slots of the newer generation's table: what a test needs to make
  // fingerprints meet in one slot.
  std::size_t capacity() const { return newer_.slots.size(); }

 private:
  // A generation: open addressing with linear probing, a power of two
  // slots long, at most half full. A slot holds a fingerprint when its
  // stamp is the table's: clearing takes a new stamp instead of writing
  // every slot, so a new file or a new generation costs nothing however
  // large the table has grown. Key, line and stamp share a slot, so that a
  // probe touches one cache line.
  struct Slot {
    std::uint64_t key = 0;
    std::int32_t line = 0;
    std::uint32_t stamp = 0;  // 0 never is a table's: fresh slots are empty
  };
  struct Table {
    std::vector<Slot> slots;
    std::uint32_t stamp = 1;
    std::size_t used = 0;
    void clear();
    void grow();
  };

  std::size_t window_;
  std::size_t max_slots_;  // what `window_` fingerprints need at most half full
  // Fingerprints fill the newer until it holds window_ of them; then it
  // becomes the older, and the older, cleared, the newer.
  Table newer_, older_;
};

}  // namespace plan
