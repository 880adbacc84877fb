#include "fingerprint.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>

namespace plan {

namespace {

std::uint64_t mix(std::initializer_list<std::string_view> texts) {
  Fingerprint f;
  for (auto t : texts) f.add(t);
  return f.value();
}

}  // namespace

TEST_CASE("Fingerprint: equal sequences agree; where a text ends matters") {
  CHECK(mix({"jobs.urban_new", "人社局"}) == mix({"jobs.urban_new", "人社局"}));
  // The same bytes in a row, split differently: each text's length is mixed in.
  CHECK(mix({"ab", "c"}) != mix({"a", "bc"}));
  CHECK(mix({"", "abc"}) != mix({"abc", ""}));
  CHECK(mix({"abcdefgh", ""}) != mix({"abcdefgh"}));
  // A word of eight bytes and its text are different inputs of one mix.
  Fingerprint words, texts;
  words.add(std::uint64_t{1});
  words.add(std::uint64_t{2});
  texts.add(std::uint64_t{2});
  texts.add(std::uint64_t{1});
  CHECK(words.value() != texts.value());  // order matters
}

TEST_CASE("FingerprintWindow: the first line of a fingerprint, for every later copy") {
  FingerprintWindow w(100);
  CHECK(w.find_or_add(42, 1) == std::nullopt);
  CHECK(w.find_or_add(43, 2) == std::nullopt);
  CHECK(w.find_or_add(42, 3) == 1);
  CHECK(w.find_or_add(42, 4) == 1);            // a third copy names the first, not the second
  CHECK(w.find_or_add(0, 5) == std::nullopt);  // 0 is a fingerprint like any other
  CHECK(w.find_or_add(0, 6) == 5);
}

TEST_CASE("FingerprintWindow: fingerprints that meet in one slot") {
  // Window 4: at most 8 slots, so fingerprints equal modulo 8 start at the
  // same slot: 5, 13 and 21 at slot 5, and 7, 15, 23 at slot 7, which wrap
  // round to slots 0 and 1 (where 5 + 8k's probes then also pass).
  FingerprintWindow w(4);
  CHECK(w.capacity() == 0);  // nothing allocated before the first
  CHECK(w.find_or_add(5, 1) == std::nullopt);
  REQUIRE(w.capacity() == 8);
  CHECK(w.find_or_add(13, 2) == std::nullopt);
  CHECK(w.find_or_add(7, 3) == std::nullopt);
  CHECK(w.find_or_add(15, 4) == std::nullopt);
  // Each found at its own line, whichever slot its probe ended in.
  CHECK(w.find_or_add(5, 10) == 1);
  CHECK(w.find_or_add(13, 11) == 2);
  CHECK(w.find_or_add(7, 12) == 3);
  CHECK(w.find_or_add(15, 13) == 4);
  // Absent fingerprints of the same slots are not mistaken for them.
  FingerprintWindow v(4);
  CHECK(v.find_or_add(7, 1) == std::nullopt);
  CHECK(v.find_or_add(15, 2) == std::nullopt);  // slot 0 by wrapping
  CHECK(v.find_or_add(8, 3) == std::nullopt);   // slot 0 taken: slot 1
  CHECK(v.find_or_add(23, 4) == std::nullopt);  // slots 7, 0, 1 taken: slot 2
  CHECK(v.find_or_add(8, 5) == 3);
  CHECK(v.find_or_add(23, 6) == 4);
}

TEST_CASE("FingerprintWindow: a slot keeps 8 bits of its fingerprint; the rest is compared too") {
  // 5 and 5 + 2^56 start at the same slot with different top bytes; 5 and
  // 5 + 2^40 with the same top byte (0), told apart by the whole key.
  constexpr std::uint64_t kTop = std::uint64_t{1} << 56, kMiddle = std::uint64_t{1} << 40;
  FingerprintWindow w(4);
  CHECK(w.find_or_add(5, 1) == std::nullopt);
  CHECK(w.find_or_add(5 + kTop, 2) == std::nullopt);
  CHECK(w.find_or_add(5 + kMiddle, 3) == std::nullopt);
  CHECK(w.find_or_add(5 + kMiddle, 4) == 3);
  CHECK(w.find_or_add(5 + kTop, 5) == 2);
  CHECK(w.find_or_add(5, 6) == 1);
}

TEST_CASE("FingerprintWindow: the largest window, 65536, every place of its 16 bits") {
  // A slot holds its entry's place in 16 bits: a full generation of 65536
  // uses them all, and each fingerprint is still found at its own line.
  FingerprintWindow w(65536);
  const auto fingerprint = [](int k) { return std::uint64_t(k) * 0x9E3779B97F4A7C15ull; };
  for (int k = 0; k < 65536; ++k) REQUIRE(w.find_or_add(fingerprint(k), k + 1) == std::nullopt);
  CHECK(w.capacity() == 131072);
  for (int k = 0; k < 65536; ++k) REQUIRE(w.find_or_add(fingerprint(k), 0) == k + 1);
  // One more starts a generation; the full one, now older, is still found.
  CHECK(w.find_or_add(fingerprint(65536), 65537) == std::nullopt);
  CHECK(w.find_or_add(fingerprint(65535), 0) == 65536);
  CHECK(w.find_or_add(fingerprint(65536), 0) == 65537);
}

TEST_CASE("FingerprintWindow: at least the last `window` fingerprints, at most twice as many") {
  // Window 4. Lines 1-4 fill the newer generation; a new fingerprint (line
  // 5) turns it into the older: 1-4 are still found (line 6 repeats 1).
  // Lines 7-9 fill the newer again (5, 7, 8, 9); the next new one (line 10)
  // drops 1-4. So at line 11 a copy of line 2 is new again, while copies of
  // lines 5 and 9 are found.
  FingerprintWindow w(4);
  for (int line = 1; line <= 5; ++line) CHECK(w.find_or_add(100 + line, line) == std::nullopt);
  CHECK(w.find_or_add(101, 6) == 1);
  for (int line = 7; line <= 10; ++line) CHECK(w.find_or_add(100 + line, line) == std::nullopt);
  CHECK(w.find_or_add(102, 11) == std::nullopt);
  CHECK(w.find_or_add(105, 12) == 5);
  CHECK(w.find_or_add(109, 13) == 9);
  CHECK(w.find_or_add(110, 14) == 10);
}

TEST_CASE("FingerprintWindow: growing keeps every fingerprint and its line") {
  // Window 3000: the table starts at 1024 slots and doubles at 513 and 1025
  // fingerprints, to 4096. Fingerprints k × 1024 + 3 all start at slot 3 of
  // the first table and spread out only as it grows.
  FingerprintWindow w(3000);
  CHECK(w.find_or_add(3, 1) == std::nullopt);
  CHECK(w.capacity() == 1024);
  for (int k = 1; k < 1500; ++k)
    REQUIRE(w.find_or_add(std::uint64_t(k) * 1024 + 3, k + 1) == std::nullopt);
  CHECK(w.capacity() == 4096);
  for (int k = 0; k < 1500; ++k) REQUIRE(w.find_or_add(std::uint64_t(k) * 1024 + 3, 0) == k + 1);
}

TEST_CASE("FingerprintWindow: clear forgets everything, and the table keeps its size") {
  FingerprintWindow w(3000);
  for (int k = 0; k < 1500; ++k) w.find_or_add(std::uint64_t(k) * 7919, k + 1);
  REQUIRE(w.capacity() == 4096);
  w.clear();
  CHECK(w.capacity() == 4096);
  for (int k = 0; k < 1500; ++k)
    REQUIRE(w.find_or_add(std::uint64_t(k) * 7919, 10000 + k) == std::nullopt);
  for (int k = 0; k < 1500; ++k) REQUIRE(w.find_or_add(std::uint64_t(k) * 7919, 0) == 10000 + k);
  // Both generations are forgotten: with window 2, lines 1-2 go to the
  // older generation when line 3 comes; after clear none is found.
  FingerprintWindow small(2);
  small.find_or_add(1, 1);
  small.find_or_add(2, 2);
  small.find_or_add(3, 3);
  small.clear();
  CHECK(small.find_or_add(1, 4) == std::nullopt);
  CHECK(small.find_or_add(3, 5) == std::nullopt);
}

}  // namespace plan

namespace plan {

TEST_CASE("FingerprintWindow: a slot of a file long gone never comes back") {
  // Clearing takes a new stamp (8 bits, 255 values) and zeroes the tags
  // when the stamps wrap. Round r (a new file each) adds fingerprint r, in
  // slot r of 1024; the fingerprint of round r - 255, whose slot kept the
  // stamp this round has, must be new again, like every earlier one.
  FingerprintWindow w(1000);
  for (std::uint64_t round = 1; round <= 900; ++round) {
    w.clear();
    REQUIRE(w.find_or_add(round, 1) == std::nullopt);
    if (round > 255) REQUIRE(w.find_or_add(round - 255, 2) == std::nullopt);
    REQUIRE(w.find_or_add(round, 3) == 1);
  }
  REQUIRE(w.capacity() == 1024);
}

}  // namespace plan
