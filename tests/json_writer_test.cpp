#include "json_writer.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

#include "text.h"

namespace plan {

namespace {

using json = nlohmann::ordered_json;

// Writes `doc` with the writer, member by member: what the writer must
// write is what nlohmann-json's dump(2) writes for it (the reports' JSON
// before the writer), an implementation of its own.
void write_doc(JsonWriter& w, const json& doc) {
  switch (doc.type()) {
    case json::value_t::object:
      w.begin_object();
      for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (it.value().is_number_unsigned()) {
          // A count kept as std::size_t (show's entries): a member.
          w.member(it.key(), it.value().get<std::size_t>());
          continue;
        }
        w.key(it.key());
        write_doc(w, it.value());
      }
      w.end_object();
      break;
    case json::value_t::array:
      w.begin_array();
      for (const json& x : doc) write_doc(w, x);
      w.end_array();
      break;
    case json::value_t::string:
      w.string(doc.get_ref<const std::string&>());
      break;
    case json::value_t::number_integer:
      w.integer(doc.get<std::int64_t>());
      break;
    case json::value_t::number_float:
      w.real(doc.get<double>());
      break;
    case json::value_t::null:
      w.null();
      break;
    case json::value_t::boolean:
      w.boolean(doc.get<bool>());
      break;
    default:
      FAIL("a value the reports do not write");
  }
}

// What the reports wrote before the writer: dump(2) and a newline, or, when
// nlohmann-json throws on text that is not UTF-8 by its own check, the
// document's strings (and keys) mended by valid_utf8() first. Were the two
// checks of UTF-8 to differ, the writer (which mends by find_invalid_utf8)
// would differ from this.
void mend(json& j) {
  if (j.is_string()) {
    auto& s = j.get_ref<std::string&>();
    s = valid_utf8(s);
  } else if (j.is_array()) {
    for (auto& x : j) mend(x);
  } else if (j.is_object()) {
    json fixed = json::object();
    for (auto it = j.begin(); it != j.end(); ++it) {
      mend(it.value());
      fixed[valid_utf8(it.key())] = it.value();
    }
    j = std::move(fixed);
  }
}

std::string dumped(json doc) {
  try {
    return doc.dump(2) + "\n";
  } catch (const json::type_error&) {
    mend(doc);
    return doc.dump(2) + "\n";
  }
}

std::string written(const json& doc) {
  std::string out;
  JsonWriter w(out);
  write_doc(w, doc);
  return out + "\n";
}

// Texts with every escape nlohmann-json has, control characters, DEL,
// Chinese, and bytes that are not UTF-8 (a file name from a Windows share).
const std::vector<std::string> kTexts = {
    "",
    "人社局",
    "say \"hi\"",
    "back\\slash",
    "a\bb\fc\nd\re\tf",
    std::string("nul\0x", 5),
    "\x01\x1f\x7f",
    "bad\xe9name.rec",
    "\xff\xfe",
    "cut \xe4\xb8",
    "surrogate \xed\xa0\x80",
    "overlong \xc0\xaf \xe0\x80\xaf",
    "past U+10FFFF \xf4\x90\x80\x80",
    "U+10FFFF \xf4\x8f\xbf\xbf, U+FFFF \xef\xbf\xbf",
    "超长的说明文字，含（全角）标点。",
};

json random_value(std::mt19937_64& rng, int depth) {
  std::uniform_int_distribution<int> pick(0, depth >= 3 ? 3 : 5);
  switch (pick(rng)) {
    case 0:
      return kTexts[rng() % kTexts.size()];
    case 1: {
      const std::int64_t ints[] = {0,
                                   -1,
                                   7,
                                   25430,
                                   std::numeric_limits<std::int64_t>::max(),
                                   std::numeric_limits<std::int64_t>::min()};
      return ints[rng() % 6];
    }
    case 2: {
      const double reals[] = {0.0,  -0.0,  1.0,     0.453,   95.91,
                              1e-7, 1e300, -2.5e-8, 1.0 / 3, 123456789012345678.0,
                              1e16, 1e15,  NAN,     INFINITY};
      return reals[rng() % 14];
    }
    case 3:
      return rng() % 2 ? json(nullptr) : json(rng() % 2 == 0);
    case 4: {
      json a = json::array();
      for (auto n = rng() % 4; n > 0; --n) a.push_back(random_value(rng, depth + 1));
      return a;
    }
    default: {
      json o = json::object();
      for (auto n = rng() % 4; n > 0; --n)
        o[kTexts[rng() % kTexts.size()] + std::to_string(n)] =
            rng() % 8 ? random_value(rng, depth + 1) : json(std::size_t{rng() % 100000});
      return o;
    }
  }
}

}  // namespace

TEST_CASE("JsonWriter writes what nlohmann-json's dump(2) writes") {
  CHECK(written(json::object()) == "{}\n");
  CHECK(written(json::array()) == "[]\n");
  CHECK(written(json{{"a", json::array()}, {"b", json::object()}, {"c", {1, nullptr}}}) ==
        "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    null\n  ]\n}\n");
  for (const std::string& s : kTexts) {
    const json doc = {{"text", s}, {s.empty() ? "k" : s, json::array({s})}};
    CHECK(written(doc) == dumped(doc));
  }
  std::mt19937_64 rng(13);
  for (int i = 0; i < 2000; ++i) {
    json doc = json::object();
    doc["v"] = random_value(rng, 0);
    CAPTURE(i);
    REQUIRE(written(doc) == dumped(doc));
  }
}

TEST_CASE(
    "JsonWriter's numbers: whole amounts as integers, others as nlohmann-json writes doubles") {
  const auto one = [](auto v) {
    std::string out;
    JsonWriter w(out);
    w.number(v);
    return out;
  };
  for (const char* d : {"0", "12000", "-3", "999999999999"}) {
    CAPTURE(d);
    CHECK(one(*Decimal::parse(d)) == d);
    CHECK(one(std::optional<Decimal>(Decimal::parse(d))) == d);
  }
  for (const char* d : {"2.1", "0.000001", "95.91", "-0.5"}) {
    CAPTURE(d);
    CHECK(one(*Decimal::parse(d)) == json(std::stod(d)).dump());
  }
  CHECK(one(*Decimal::parse("0.000001")) == "1e-06");
  CHECK(one(std::optional<Decimal>()) == "null");
  CHECK(one(std::optional<double>(0.0)) == "0");
  CHECK(one(std::optional<double>(-2.0)) == "-2");
  CHECK(one(std::optional<double>(0.453)) == "0.453");
  CHECK(one(std::optional<double>(0.1 + 0.2)) == "0.30000000000000004");
  // 2^53 and beyond, where not every whole number is a double: as doubles,
  // which nlohmann-json writes with an exponent past 15 digits.
  CHECK(one(std::optional<double>(9007199254740992.0)) == "9.007199254740992e+15");
  CHECK(one(std::optional<double>(1e20)) == "1e+20");
  CHECK(one(std::optional<double>(double{NAN})) == "null");
  CHECK(one(std::optional<double>()) == "null");
}

TEST_CASE("JsonWriter: dates as ISO text or null, lists of texts") {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.member("due", std::optional<Date>(Date::from_ymd(2020, 12, 31)));
  w.member("done", std::optional<Date>());
  w.member("lead", std::vector<std::string>{"政府办", "人社局"});
  w.member("none", std::vector<std::string>{});
  w.end_object();
  CHECK(out ==
        "{\n  \"due\": \"2020-12-31\",\n  \"done\": null,\n  \"lead\": [\n    \"政府办\",\n"
        "    \"人社局\"\n  ],\n  \"none\": []\n}");
}

}  // namespace plan
