#include "text.h"

#include <fmt/format.h>

#include <cstdint>
#include <vector>

namespace plan {
namespace {

// Decodes the code point at s; returns nullopt for an invalid sequence.
std::optional<char32_t> decode(std::string_view s, std::size_t* len) {
  std::size_t n = utf8_sequence(s, 0);
  *len = n == 0 ? 1 : n;
  if (n == 0) return std::nullopt;
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  if (n == 1) return byte(0);
  char32_t cp = byte(0) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (byte(k) & 0x3F);
  return cp;
}

bool is_wide(char32_t c) {
  // East Asian Wide (W) and Fullwidth (F) blocks, condensed.
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x1F680 && c <= 0x1F6FF) || (c >= 0x1FA70 && c <= 0x1FAFF) ||
         (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_zero_width(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
}

// Invisible characters that reorder or hide text (see sanitize()).
bool is_deceptive(char32_t c) {
  return c == 0x061C || (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF;
}

}  // namespace

std::size_t utf8_length(std::string_view s) {
  std::size_t len = 1;
  decode(s, &len);
  return len;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    // ASCII eight bytes at a time: each byte below 0x80 is a character.
    if (i + 8 <= s.size() && (load_u64(s.data() + i) & 0x8080808080808080ull) == 0) {
      i += 8;
      continue;
    }
    // A character of three bytes led by E1..EC or EE..EF, as nearly all of
    // Chinese text's are: no overlong form or surrogate to rule out.
    if (i + 3 <= s.size()) {
      const auto c0 = static_cast<unsigned char>(s[i]), c1 = static_cast<unsigned char>(s[i + 1]),
                 c2 = static_cast<unsigned char>(s[i + 2]);
      if (c0 >= 0xE1 && c0 <= 0xEF && c0 != 0xED && (c1 & 0xC0) == 0x80 && (c2 & 0xC0) == 0x80) {
        i += 3;
        continue;
      }
    }
    const std::size_t len = utf8_sequence(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += utf8_length(s.substr(i))) ++n;
  return n;
}

std::string halfwidth(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    if (i + 2 < s.size() && byte(0) == 0xEF) {
      // U+FF01..U+FF3F is EF BC 81..BF; U+FF40..U+FF5E is EF BD 80..9E.
      if (byte(1) == 0xBC && byte(2) >= 0x81 && byte(2) <= 0xBF) {
        out += static_cast<char>(0x21 + (byte(2) - 0x81));
        i += 2;
        continue;
      }
      if (byte(1) == 0xBD && byte(2) >= 0x80 && byte(2) <= 0x9E) {
        out += static_cast<char>(0x60 + (byte(2) - 0x80));
        i += 2;
        continue;
      }
    }
    if (i + 2 < s.size() && byte(0) == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) {  // U+3000
      out += ' ';
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

int display_width(std::string_view s) {
  std::size_t len = 1;
  auto cp = decode(s, &len);
  if (!cp) return 1;
  if (is_zero_width(*cp)) return 0;
  return is_wide(*cp) ? 2 : 1;
}

int text_width(std::string_view s) {
  int w = 0;
  for (std::size_t i = 0; i < s.size(); i += utf8_length(s.substr(i)))
    w += display_width(s.substr(i));
  return w;
}

std::string head_within(std::string_view s, int width) {
  std::size_t i = 0;
  for (int w = 0; i < s.size();) {
    int cw = display_width(s.substr(i));
    if (w + cw > width) break;
    w += cw;
    i += utf8_length(s.substr(i));
  }
  return std::string(s.substr(0, i));
}

std::string tail_within(std::string_view s, int width) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < s.size(); i += utf8_length(s.substr(i))) starts.push_back(i);
  int w = 0;
  std::size_t from = s.size();
  for (auto it = starts.rbegin(); it != starts.rend(); ++it) {
    int cw = display_width(s.substr(*it));
    if (w + cw > width) break;
    w += cw;
    from = *it;
  }
  return std::string(s.substr(from));
}

std::string truncate_to_width(std::string_view s, int width) {
  if (text_width(s) <= width) return std::string(s);
  if (width <= 0) return {};
  return head_within(s, width - 1) + "…";  // one column for the ellipsis
}

namespace {

// Whether s starts with a mark that closes what comes before it.
bool closes(std::string_view s) {
  for (std::string_view mark : {"）", "，", "。", "、", "；", "：", "！", "？", "”", "’", "」",
                                "』", "】", "》", ")", ",", ".", ";", ":"})
    if (s.starts_with(mark)) return true;
  return false;
}

}  // namespace

std::string wrap_to_width(std::string_view s, int width, int indent) {
  if (width <= 0 || text_width(s) <= width) return std::string(s);
  if (indent >= width / 2) indent = 0;  // a narrow width: no room to indent
  const std::string margin(static_cast<std::size_t>(indent), ' ');
  std::string out;
  std::size_t start = 0;  // of the line being filled
  int lead = 0;           // columns before it: 0 on the first line, then the indent
  while (start < s.size()) {
    std::size_t i = start, brk = std::string_view::npos, last = start;
    int col = lead;
    while (i < s.size()) {
      const std::string_view c = s.substr(i, utf8_length(s.substr(i)));
      const int w = display_width(c);
      if (col + w > width && i > start) break;
      col += w;
      last = i;
      i += c.size();
      if ((c == " " || c == "、" || c == "，" || c == "；" || c == "：" || c == "。") &&
          2 * (col - lead) >= width - lead)
        brk = i;
    }
    // At the text's end, at a space, or after the last break seen.
    std::size_t end = i == s.size() || s[i] == ' ' || brk == std::string_view::npos ? i : brk;
    // Between two characters, a closing mark does not start a line: the
    // character before it goes down with it (禁则).
    if (end == i && i < s.size() && last > start && closes(s.substr(i))) end = last;
    std::size_t trimmed = end;
    while (trimmed > start && s[trimmed - 1] == ' ') --trimmed;
    if (start > 0) out += "\n" + margin;
    out.append(s.substr(start, trimmed - start));
    start = end;
    while (start < s.size() && s[start] == ' ') ++start;
    lead = indent;
  }
  return out;
}

std::string pad_right(std::string_view s, int width) {
  std::string out(s);
  int w = text_width(s);
  if (w < width) out.append(static_cast<std::size_t>(width - w), ' ');
  return out;
}

std::string pad_left(std::string_view s, int width) {
  int w = text_width(s);
  std::string out;
  if (w < width) out.append(static_cast<std::size_t>(width - w), ' ');
  return out + std::string(s);
}

namespace {

// The visible form of one byte: "\\x1b".
void append_byte_escape(std::string& out, unsigned v) {
  static const char* hex = "0123456789abcdef";
  out += "\\x";
  out += hex[(v >> 4) & 0xF];
  out += hex[v & 0xF];
}

}  // namespace

std::string valid_utf8(std::string_view s) {
  if (!find_invalid_utf8(s)) return std::string(s);
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = utf8_sequence(s, i);
    if (len == 0) {
      append_byte_escape(out, static_cast<unsigned char>(s[i]));
      len = 1;
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string sanitize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto escape = [&](unsigned v) { append_byte_escape(out, v); };
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    auto cp = decode(s.substr(i), &len);
    if (!cp) {
      escape(static_cast<unsigned char>(s[i]));
    } else if ((*cp < 0x20 && *cp != '\t') || *cp == 0x7F || (*cp >= 0x80 && *cp < 0xA0)) {
      escape(static_cast<unsigned>(*cp));
    } else if (is_deceptive(*cp)) {
      out += fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(*cp));
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string one_line(std::string_view s) {
  std::string flat(s);
  for (char& c : flat)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return sanitize(flat);
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view partial_block(int eighths) {
  static constexpr std::string_view kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  return eighths > 0 && eighths < 8 ? kEighths[eighths] : "";
}

std::string file_name_part(std::string_view name) {
  std::string out;
  for (char c : name) {
    auto b = static_cast<unsigned char>(c);
    bool keep = b >= 0x80 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
                (b >= '0' && b <= '9') || c == '.' || c == '_' || c == '-';
    if (keep)
      out += c;
    else
      out += fmt::format("%{:02X}", b);
  }
  return out;
}

}  // namespace plan
