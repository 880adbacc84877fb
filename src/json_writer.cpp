#include "json_writer.h"

#include <cassert>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "text.h"

namespace plan {

void JsonWriter::new_line() {
  out_ += '\n';
  out_.append(2 * levels_.size(), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;  // the document's one value
  assert(!levels_.back().object);
  if (!levels_.back().empty) out_ += ',';
  levels_.back().empty = false;
  new_line();
}

void JsonWriter::key(std::string_view k) {
  assert(!levels_.empty() && levels_.back().object && !after_key_);
  if (!levels_.back().empty) out_ += ',';
  levels_.back().empty = false;
  new_line();
  text(k);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  levels_.push_back({true, true});
}

void JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  levels_.push_back({false, true});
}

void JsonWriter::end_object() {
  assert(!levels_.empty() && levels_.back().object && !after_key_);
  const bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty) new_line();
  out_ += '}';
}

void JsonWriter::end_array() {
  assert(!levels_.empty() && !levels_.back().object);
  const bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty) new_line();
  out_ += ']';
}

void JsonWriter::string(std::string_view s) {
  before_value();
  text(s);
}

void JsonWriter::text(std::string_view s) {
  // Keys, ids, dates and labels: ASCII with nothing to escape, written as
  // they are, with no look for UTF-8 nor a second pass for escapes.
  bool plain = true;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    plain &= u >= 0x20 && u < 0x80 && c != '"' && c != '\\';
  }
  if (plain) {
    out_ += '"';
    out_ += s;
    out_ += '"';
    return;
  }
  if (find_invalid_utf8(s)) {
    escaped(valid_utf8(s));
  } else {
    escaped(s);
  }
}

void JsonWriter::escaped(std::string_view s) {
  out_ += '"';
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(s, start, i - start);
    start = i + 1;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 15];
      }
    }
  }
  out_.append(s, start, std::string_view::npos);
  out_ += '"';
}

void JsonWriter::string_or_null(std::string_view s) {
  if (s.empty()) {
    null();
  } else {
    string(s);
  }
}

void JsonWriter::boolean(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::integer(std::int64_t v) {
  before_value();
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  assert(ec == std::errc());
  out_.append(buf, end);
}

void JsonWriter::real(double v) {
  before_value();
  // nlohmann-json's own formatting (Grisu2, "1.0" for whole numbers): few
  // values of a report are not whole, and its digits are the ones to match.
  out_ += nlohmann::ordered_json(v).dump();
}

void JsonWriter::number(Decimal d) {
  if (d.units() % Decimal::kScale == 0) {
    integer(d.units() / Decimal::kScale);
  } else {
    real(d.to_double());
  }
}

void JsonWriter::number(const std::optional<Decimal>& d) {
  if (d) {
    number(*d);
  } else {
    null();
  }
}

void JsonWriter::number(const std::optional<double>& d) {
  if (!d) return null();
  constexpr double kExact = 9007199254740992.0;  // 2^53
  if (std::isfinite(*d) && *d == std::floor(*d) && std::fabs(*d) < kExact)
    return integer(static_cast<std::int64_t>(*d));
  real(*d);
}

void JsonWriter::date(const std::optional<Date>& d) {
  if (d) {
    string(d->iso());
  } else {
    null();
  }
}

void JsonWriter::strings(const std::vector<std::string>& list) {
  begin_array();
  for (const std::string& s : list) string(s);
  end_array();
}

}  // namespace plan
