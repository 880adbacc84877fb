// A JSON document written as it is made, with no document in memory: the
// bytes nlohmann-json's dump(2) writes for the same document, which every
// report's JSON has been since the start (SPEC §6), ending where the
// document does (each report adds the final newline). Building documents
// cost more than reading the records of a small ledger: `plan status
// --format json` made some 1,500 objects of owed reports for a 200 KB answer.
//
// Objects and arrays are indented by two spaces a level, "key": value, and
// empty ones written {} and []. Text is escaped as nlohmann-json escapes it
// (\" \\ \b \f \n \r \t, other control characters as \u00XX, the rest as
// it is); text that is not valid UTF-8 (a file name from a Windows share) is
// first mended by valid_utf8() (text.h), each invalid byte as "\xNN", where
// nlohmann-json would throw.
//
// The caller nests begin_*/end_* and gives each member of an object its
// key() before its value; the writer checks only with assertions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date.h"
#include "decimal.h"

namespace plan {

class JsonWriter {
 public:
  // Appends to `out`, which must outlive the writer.
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // The key of the object member whose value comes next.
  void key(std::string_view k);

  void string(std::string_view s);
  // The text, or null when it is empty (a by= that was not given).
  void string_or_null(std::string_view s);
  void null();
  void boolean(bool b);
  void integer(std::int64_t v);
  // As nlohmann-json writes a double: shortest round trip, "1.0" for a
  // whole one, null for NaN and infinities.
  void real(double v);
  // Amounts: whole ones as integers (12000, not 12000.0), others as real().
  void number(Decimal d);
  void number(const std::optional<Decimal>& d);  // null when absent
  // A double: whole ones below 2^53 as integers (a completion of exactly
  // 1 as 1), others as real(); null when absent.
  void number(const std::optional<double>& d);
  // ISO text, or null when absent.
  void date(const std::optional<Date>& d);
  // An array of texts.
  void strings(const std::vector<std::string>& list);
  // Shorthands: key(k), then the value. A double is written by real() (1.0),
  // an optional<double> by number() (1): as the reports always have.
  template <class T>
  void member(std::string_view k, const T& v) {
    key(k);
    write(v);
  }
  // key(k), then the text, or null when it is empty.
  void member_or_null(std::string_view k, std::string_view s) {
    key(k);
    string_or_null(s);
  }

 private:
  void write(std::string_view s) { string(s); }
  void write(const char* s) { string(s); }
  void write(std::nullptr_t) { null(); }
  void write(bool b) { boolean(b); }
  void write(int v) { integer(v); }
  void write(const std::optional<int>& v) { v ? integer(*v) : null(); }
  void write(std::int64_t v) { integer(v); }
  void write(std::size_t v) { integer(static_cast<std::int64_t>(v)); }
  void write(double v) { real(v); }
  void write(Decimal d) { number(d); }
  void write(const std::optional<Decimal>& d) { number(d); }
  void write(const std::optional<double>& d) { number(d); }
  void write(const std::optional<Date>& d) { date(d); }
  void write(const std::vector<std::string>& list) { strings(list); }

  // Where a value goes: after its key, or as the next item of an array.
  void before_value();
  // A newline and the indent of the current depth.
  void new_line();
  // `s` quoted: mended if not valid UTF-8, then escaped.
  void text(std::string_view s);
  void escaped(std::string_view s);

  std::string& out_;
  struct Level {
    bool object;
    bool empty;
  };
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace plan
