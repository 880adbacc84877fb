// Reading the shape of another library's English message ("OPTION: rest",
// "expected X, saw Y") to word it in Chinese (parser_words.h,
// toml_words.h). Matched by hand, not with std::regex: libstdc++'s regex
// recurses once per character, and a value of 100,000 characters on the
// command line overflowed the stack.
#pragma once

#include <cstddef>
#include <string_view>

namespace plan {

inline bool has_space(std::string_view s) {
  return s.find_first_of(" \t\n") != std::string_view::npos;
}

// `s` is HEAD + middle + TAIL: true, and the middle.
inline bool between(std::string_view s, std::string_view head, std::string_view tail,
                    std::string_view* middle) {
  if (s.size() < head.size() + tail.size() || !s.starts_with(head) || !s.ends_with(tail))
    return false;
  *middle = s.substr(head.size(), s.size() - head.size() - tail.size());
  return true;
}

// `s` is A + SEP + B, split at the last SEP: true, and the two sides.
inline bool split_last(std::string_view s, std::string_view sep, std::string_view* a,
                       std::string_view* b) {
  const std::size_t at = s.rfind(sep);
  if (at == std::string_view::npos) return false;
  *a = s.substr(0, at);
  *b = s.substr(at + sep.size());
  return true;
}

// `s` is A + SEP + B, split at the first SEP: true, and the two sides.
inline bool split_first(std::string_view s, std::string_view sep, std::string_view* a,
                        std::string_view* b) {
  const std::size_t at = s.find(sep);
  if (at == std::string_view::npos) return false;
  *a = s.substr(0, at);
  *b = s.substr(at + sep.size());
  return true;
}

// The entry of `table` whose `key` is `key`, or null: the tables of another
// library's words or codes and their Chinese.
template <class Entry, std::size_t N, class Key>
const Entry* find_key(const Entry (&table)[N], const Key& key) {
  for (const Entry& e : table)
    if (e.key == key) return &e;
  return nullptr;
}

}  // namespace plan
