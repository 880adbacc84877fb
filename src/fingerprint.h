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

// The fingerprint of one text.
inline std::uint64_t text_fingerprint(std::string_view s) {
  Fingerprint f;
  f.add(s);
  return f.value();
}

class FingerprintWindow {
 public:
  // Remembers at least the last `window` fingerprints added (at most twice
  // as many). REQUIRES: 0 < window <= 65536.
  explicit FingerprintWindow(std::size_t window);

  // The line first added with `fingerprint` while it is remembered;
  // otherwise nullopt, after adding it with `line`. Every value is a
  // fingerprint, 0 included.
  std::optional<int> find_or_add(std::uint64_t fingerprint, int line);

  // Asks the processor for the tags find_or_add(fingerprint) starts at,
  // so that it need not wait for them; changes nothing.
  void prefetch(std::uint64_t fingerprint) const {
    older_.prefetch(fingerprint);
    newer_.prefetch(fingerprint);
  }

  // Forgets every fingerprint, in constant time (a new file).
  void clear();

  // The slots of the newer generation's table: what a test needs to make
  // fingerprints meet in one slot.
  std::size_t capacity() const { return newer_.tags.size(); }

 private:
  // A generation: open addressing with linear probing, a power of two
  // slots long, at most half full, over the fingerprints and lines kept in
  // the order they came. Probes read only the slots, four bytes each: the
  // table's stamp in the top 8 bits, the fingerprint's top 8 bits, and the
  // place of its entry in the low 16; an entry is read only when the top
  // bits match (about one probe in 256 that misses). So what a probe
  // touches at random is 256 KiB at full size, within a core's cache, and
  // the entries, three times as large, are written one after another: when
  // slot and entry were one, a write at random per fingerprint cost more
  // than the rest of `plan check` (bench/RESULTS.md). A slot is in use
  // when its stamp is the table's: clearing takes a new stamp instead of
  // writing every slot, so a new file or a new generation costs nothing
  // however large the table has grown (the slots are zeroed once every
  // 255 stamps).
  struct Table {
    std::vector<std::uint32_t> tags;
    // A fingerprint and its line, in 12 bytes: with a 64-bit member the
    // padding would take a quarter of the memory.
    struct Entry {
      std::uint32_t low, high;  // the fingerprint's halves
      std::int32_t line;
      std::uint64_t key() const { return std::uint64_t{high} << 32 | low; }
    };
    std::vector<Entry> entries;  // [0, used): in the order added
    std::uint32_t stamp = 1;     // 1 … 255; fresh tags (0) are empty
    std::size_t used = 0;

    std::uint32_t tag(std::uint64_t fingerprint) const {
      return stamp << 24 | static_cast<std::uint32_t>(fingerprint >> 56) << 16;
    }
    bool in_use(std::size_t i) const { return tags[i] >> 24 == stamp; }
    // The entry holding `fingerprint` (*found: its index in `entries`),
    // else the free slot where its probe ended. REQUIRES: tags not empty.
    std::size_t find(std::uint64_t fingerprint, bool* found) const {
      const std::size_t mask = tags.size() - 1;
      const std::uint32_t want = tag(fingerprint);
      std::size_t i = fingerprint & mask;
      for (; in_use(i); i = (i + 1) & mask) {
        if ((tags[i] & 0xFFFF0000u) == want && entries[tags[i] & 0xFFFF].key() == fingerprint) {
          *found = true;
          return tags[i] & 0xFFFF;
        }
      }
      *found = false;
      return i;
    }
    // Adds the next entry, in free slot i. REQUIRES: used < 65536.
    void put(std::size_t i, std::uint64_t fingerprint, std::int32_t line) {
      tags[i] = tag(fingerprint) | static_cast<std::uint32_t>(used);
      entries[used++] = Entry{static_cast<std::uint32_t>(fingerprint),
                              static_cast<std::uint32_t>(fingerprint >> 32), line};
    }
    void prefetch(std::uint64_t fingerprint) const {
      if (used > 0) __builtin_prefetch(&tags[fingerprint & (tags.size() - 1)]);
    }
    void resize(std::size_t n);
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
