#include "record.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "gb18030.h"
#include "text.h"

namespace plan {

namespace {

// UTF-8 of the characters the grammar singles out.
constexpr std::string_view kWan = "\xE4\xB8\x87";             // 万
constexpr std::string_view kFullwidthSpace = "\xE3\x80\x80";  // U+3000

bool is_sep(char c) {
  return c == ' ' || c == '\t';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c == '.' ||
         c == '-';
}
bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || c == '_';
}

constexpr const char* kBomEn = "byte order mark (U+FEFF) not at the start of the file";
constexpr const char* kBomZh = "字节顺序标记（U+FEFF）不在文件开头";
constexpr const char* kFullwidthSpaceEn =
    "full-width space (U+3000); separate fields with spaces or tabs";
constexpr const char* kFullwidthSpaceZh = "全角空格（U+3000）；字段之间用半角空格或制表符分隔";

std::string hex2(unsigned v) {
  static const char* hex = "0123456789ABCDEF";
  return {hex[(v >> 4) & 0xF], hex[v & 0xF]};
}

// One parse of one line. Positions are byte offsets into `line`; they turn
// into code-point columns only when an error is reported, so the happy path
// never counts characters.
class LineParser {
 public:
  LineParser(std::string_view line, const Plan& plan, const Location& where)
      : s_(line), plan_(plan), where_(where) {}

  Expected<LineKind> parse(Entry* entry);

 private:
  // The message in English and in Chinese (diagnostic.h).
  Diagnostic fail(std::size_t pos, std::string en, std::string zh) const {
    int column = static_cast<int>(code_points(s_.substr(0, pos))) + 1;
    return make_error(Location{where_.file, where_.line, column},
                      Message{std::move(en), std::move(zh)}, std::string(s_));
  }
  // The character (whole code point) at pos, for messages.
  std::string_view char_at(std::size_t pos) const {
    return s_.substr(pos, utf8_length(s_.substr(pos)));
  }
  bool at(std::size_t pos, std::string_view what) const { return s_.substr(pos).starts_with(what); }

  std::optional<Diagnostic> check_bytes() const;
  bool fullwidth_space_at(std::size_t pos) const;
  // Skips spaces and tabs; a full-width space where a separator may stand is
  // an error, because it looks like one and is not.
  std::optional<Diagnostic> skip_seps(std::size_t* pos) const;
  // End of the field starting at pos: the next space, tab, full-width space
  // or the end of the line.
  std::size_t field_end(std::size_t pos) const;
  std::optional<Diagnostic> parse_value(std::size_t pos, std::size_t end, const Indicator& ind,
                                        Entry* entry) const;
  std::optional<Diagnostic> parse_tag(std::size_t* pos, std::size_t ntags, Entry* entry) const;

  std::string_view s_;
  const Plan& plan_;
  const Location& where_;
};

std::optional<Diagnostic> LineParser::check_bytes() const {
  const char* p = s_.data();
  std::size_t n = s_.size();
  std::size_t i = 0;
  for (;;) {
    // Most lines are mostly ASCII: skip printable runs eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (!all_printable_ascii(w)) break;
      i += 8;
    }
    if (i == n) return std::nullopt;
    unsigned char c = static_cast<unsigned char>(p[i]);
    if ((c >= 0x20 && c < 0x7F) || c == '\t') {
      ++i;
      continue;
    }
    if (c == 0) return fail(i, "NUL byte", "空字节（NUL）");
    if (c == '\r' && i + 1 == n)
      return fail(i, "carriage return (CRLF line ending); record files use LF",
                  "回车符（CRLF 换行）；记录文件用 LF 换行");
    if (c < 0x20 || c == 0x7F)
      return fail(i, "control character U+00" + hex2(c), "控制字符 U+00" + hex2(c));
    std::size_t len = utf8_sequence(s_, i);
    if (len == 0) {
      Message m = Message{"invalid UTF-8 (byte 0x" + hex2(c) + ")",
                          "不是有效的 UTF-8（字节 0x" + hex2(c) + "）"} +
                  gb18030_hint(s_, NotUtf8::line);
      return fail(i, std::move(m.en), std::move(m.zh));
    }
    // The reader skips a mark at the very start of a file; anywhere else,
    // a tag value included, it is an error (plan-records(5), ENCODING).
    if (at(i, kUtf8Bom)) return fail(i, kBomEn, kBomZh);
    // C1 controls (U+0080..U+009F) act as terminal escapes in some terminals.
    if (c == 0xC2 && static_cast<unsigned char>(p[i + 1]) < 0xA0)
      return fail(i, "control character U+00" + hex2(static_cast<unsigned char>(p[i + 1])),
                  "控制字符 U+00" + hex2(static_cast<unsigned char>(p[i + 1])));
    i += len;
  }
}

bool LineParser::fullwidth_space_at(std::size_t pos) const {
  return pos < s_.size() && s_[pos] == kFullwidthSpace[0] && at(pos, kFullwidthSpace);
}

std::optional<Diagnostic> LineParser::skip_seps(std::size_t* pos) const {
  while (*pos < s_.size() && is_sep(s_[*pos])) ++*pos;
  if (fullwidth_space_at(*pos)) return fail(*pos, kFullwidthSpaceEn, kFullwidthSpaceZh);
  return std::nullopt;
}

std::size_t LineParser::field_end(std::size_t pos) const {
  while (pos < s_.size() && !is_sep(s_[pos]) && !fullwidth_space_at(pos)) ++pos;
  return pos;
}

Expected<LineKind> LineParser::parse(Entry* entry) {
  if (auto d = check_bytes()) return *d;
  std::size_t pos = 0;
  if (auto d = skip_seps(&pos)) return *d;
  if (pos == s_.size() || s_[pos] == '#') return LineKind::blank;
  if (at(pos, kUtf8Bom)) return fail(pos, kBomEn, kBomZh);

  // DATE
  std::size_t end = field_end(pos);
  std::string_view date_text = s_.substr(pos, end - pos);
  bool shaped = date_text.size() == 10 && date_text[4] == '-' && date_text[7] == '-';
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) shaped = shaped && is_digit(date_text[i]);
  if (!shaped) return fail(pos, "expected a date (YYYY-MM-DD)", "此处应为日期（YYYY-MM-DD）");
  auto date = Date::parse(date_text);
  if (!date)
    return fail(pos, std::string(date_text) + " is not a calendar date",
                std::string(date_text) + " 不是日历上的日期");
  pos = end;
  if (auto d = skip_seps(&pos)) return *d;

  // ID
  if (pos == s_.size() || s_[pos] == '#')
    return fail(pos, "expected an indicator id after the date", "日期后应为指标代码");
  end = field_end(pos);
  for (std::size_t i = pos; i < end; ++i)
    if (!is_id_char(s_[i]))
      return fail(
          i,
          "invalid character '" + std::string(char_at(i)) +
              "' in indicator id; ids use A-Z a-z 0-9 _ . -",
          "指标代码中有无效字符“" + std::string(char_at(i)) + "”；指标代码只用 A-Z a-z 0-9 _ . -");
  std::string_view id = s_.substr(pos, end - pos);
  const Indicator* ind = plan_.find(id);
  if (!ind) {
    const std::vector<std::string> near = plan_.suggest(id);
    return fail(pos, "unknown indicator '" + std::string(id) + "'" + did_you_mean_tail(near, false),
                "未知指标“" + std::string(id) + "”" + did_you_mean_tail(near, true));
  }
  pos = end;
  if (auto d = skip_seps(&pos)) return *d;

  // VALUE
  if (pos == s_.size() || s_[pos] == '#')
    return fail(pos, "expected a value after the indicator id", "指标代码后应为数值");
  end = field_end(pos);
  if (auto d = parse_value(pos, end, *ind, entry)) return *d;
  entry->value_column = static_cast<int>(code_points(s_.substr(0, pos))) + 1;

  std::size_t value_pos = pos;
  pos = end;

  // *TAG [COMMENT]
  std::size_t ntags = 0;
  entry->by_column = 0;
  for (;;) {
    if (auto d = skip_seps(&pos)) return *d;
    if (pos == s_.size() || s_[pos] == '#') break;
    if (auto d = parse_tag(&pos, ntags, entry)) return *d;
    ++ntags;
  }
  if (entry->is_explanation) {
    bool noted = false;
    for (std::size_t t = 0; t < ntags; ++t)
      noted = noted || (entry->tags[t].first == "note" && !entry->tags[t].second.empty());
    if (!noted)
      return fail(value_pos, "an explanation needs its text in a note= tag",
                  "情况说明（explain）须把内容写在 note= 标签中");
  }
  // Tags are assigned in place so that a reused Entry keeps its strings'
  // memory: the reader calls this millions of times.
  entry->tags.resize(ntags);
  entry->date = *date;
  entry->id.assign(ind->id);
  entry->indicator = static_cast<std::size_t>(ind - plan_.indicators.data());
  entry->where.file = where_.file;
  entry->where.line = where_.line;
  entry->where.column = 1;
  return LineKind::entry;
}

std::optional<Diagnostic> LineParser::parse_value(std::size_t pos, std::size_t end,
                                                  const Indicator& ind, Entry* entry) const {
  std::string_view v = s_.substr(pos, end - pos);
  // Any indicator may be explained, whatever its kind.
  entry->is_explanation = v == "explain";
  if (entry->is_explanation) {
    entry->is_state = false;
    entry->done = false;
    entry->amount = Decimal();
    return std::nullopt;
  }
  bool is_state = v == "done" || v == "undone";
  if (ind.kind == Kind::milestone) {
    if (!is_state)
      return fail(pos, "expected done or undone; " + ind.id + " is a milestone",
                  "此处应为 done 或 undone；" + ind.id + " 是节点任务");
    entry->is_state = true;
    entry->done = v == "done";
    entry->amount = Decimal();
    return std::nullopt;
  }
  if (is_state)
    return fail(pos,
                "'" + std::string(v) + "' is only for milestones; " + ind.id + " is a " +
                    std::string(kind_name(ind.kind)),
                "“" + std::string(v) + "”只用于节点任务，而 " + ind.id + " 不是节点任务");

  // [+-]digits[.digits][%|万], checked here rather than by Decimal::parse so
  // that each mistake is reported at its own column.
  std::size_t i = pos;
  if (i < end && (s_[i] == '+' || s_[i] == '-')) ++i;
  std::size_t digits = i;
  while (i < end && is_digit(s_[i])) ++i;
  if (i == digits) {
    if (i < end && s_[i] == '.')
      return fail(i, "expected digits before the decimal point", "小数点前应有数字");
    return fail(pos, "expected a number", "此处应为数字");
  }
  if (i < end && s_[i] == '.') {
    std::size_t frac = ++i;
    while (i < end && is_digit(s_[i])) ++i;
    if (i == frac) return fail(i, "expected digits after the decimal point", "小数点后应有数字");
  }
  std::string_view number = s_.substr(pos, i - pos);
  bool percent = false, wan = false;
  std::size_t suffix = i;
  if (i < end && s_[i] == '%') {
    percent = true;
    ++i;
  } else if (at(i, kWan)) {
    wan = true;
    i += kWan.size();
  }
  if (i < end) {
    if (s_[i] == ',')
      return fail(i, "thousands separators are not allowed in numbers", "数字中不能用千位分隔符");
    return fail(i, "unexpected character '" + std::string(char_at(i)) + "' in value",
                "数值中有多余的字符“" + std::string(char_at(i)) + "”");
  }
  if (percent && !ind.is_percent()) {
    std::string unit =
        ind.unit.empty() ? ind.id + " has no unit" : ind.id + " is measured in " + ind.unit;
    std::string unit_zh =
        ind.unit.empty() ? ind.id + " 没有计量单位" : ind.id + " 的计量单位是" + ind.unit;
    return fail(suffix, "'%' is only for indicators measured in %; " + unit,
                "“%”只用于以 % 计量的指标；" + unit_zh);
  }
  Message why;
  auto amount = Decimal::parse(number, wan ? 4 : 0, &why);
  if (!amount) {
    if (wan && why.en.starts_with("too many decimal places"))
      return fail(pos, "too many decimal places (at most 10 before 万)",
                  "小数位数过多（万之前最多 10 位）");
    return fail(pos, std::move(why.en), std::move(why.zh));
  }
  if (is_level(ind.kind) && amount->is_negative())
    return fail(pos, "a reading cannot be negative", "读数不能为负");
  entry->is_state = false;
  entry->done = false;
  entry->amount = *amount;
  return std::nullopt;
}

std::optional<Diagnostic> LineParser::parse_tag(std::size_t* pos_io, std::size_t ntags,
                                                Entry* entry) const {
  std::size_t pos = *pos_io;
  std::size_t i = pos;
  while (i < s_.size() && is_key_char(s_[i])) ++i;
  if (i == pos || i == s_.size() || s_[i] != '=') {
    std::size_t end = field_end(pos);
    std::size_t eq = s_.substr(pos, end - pos).find('=');
    if (eq == std::string_view::npos || eq == 0)
      return fail(pos, "expected key=value", "此处应为 键=值（key=value）");
    return fail(pos,
                "invalid tag key '" + std::string(s_.substr(pos, eq)) + "'; keys use a-z and _",
                "无效的标签键“" + std::string(s_.substr(pos, eq)) + "”；键只用 a-z 和 _");
  }
  std::string_view key = s_.substr(pos, i - pos);
  for (std::size_t t = 0; t < ntags; ++t)
    if (entry->tags[t].first == key)
      return fail(pos, "duplicate tag '" + std::string(key) + "'",
                  "标签“" + std::string(key) + "”重复");
  if (ntags == entry->tags.size()) entry->tags.emplace_back();
  auto& [k, value] = entry->tags[ntags];
  k.assign(key);
  value.clear();
  ++i;  // '='
  // Counted here, once per line with a by=, as the checker has no line text.
  if (key == "by") entry->by_column = static_cast<int>(code_points(s_.substr(0, i))) + 1;

  if (i < s_.size() && s_[i] == '"') {
    std::size_t open = i++;
    for (;;) {
      if (i == s_.size()) return fail(open, "unterminated quoted value", "引号内的值缺少结束引号");
      char c = s_[i];
      if (c == '"') break;
      if (c != '\\') {
        // Copy the run up to the next quote or backslash in one go.
        std::size_t run = i;
        while (i < s_.size() && s_[i] != '"' && s_[i] != '\\') ++i;
        value.append(s_.substr(run, i - run));
        continue;
      }
      if (i + 1 == s_.size())
        return fail(open, "unterminated quoted value", "引号内的值缺少结束引号");
      const char decoded = unescaped(s_[i + 1]);
      if (decoded == 0)
        return fail(
            i, "unknown escape '\\" + std::string(char_at(i + 1)) + "'; write \\\\ for a backslash",
            "未知的转义“\\" + std::string(char_at(i + 1)) + "”；反斜杠写作 \\\\");
      value += decoded;
      i += 2;
    }
    ++i;  // closing quote
    if (i < s_.size() && !is_sep(s_[i]) && !fullwidth_space_at(i))
      return fail(i, "expected a space after the closing quote", "结束引号后应有空格");
    *pos_io = i;
    return std::nullopt;
  }

  std::size_t end = field_end(i);
  if (end == i) {
    if (fullwidth_space_at(i)) return fail(i, kFullwidthSpaceEn, kFullwidthSpaceZh);
    return fail(i, "empty value for tag '" + std::string(key) + "'",
                "标签“" + std::string(key) + "”的值为空");
  }
  for (std::size_t j = i; j < end; ++j) {
    if (s_[j] == '"')
      return fail(j, "unexpected '\"' in an unquoted value; quote the whole value",
                  "未加引号的值中有“\"”；请给整个值加上引号");
    if (s_[j] == '#')
      return fail(j, "unexpected '#' in an unquoted value; a comment needs a space before it",
                  "未加引号的值中有“#”；注释前须有空格");
  }
  value.assign(s_.substr(i, end - i));
  *pos_io = end;
  return std::nullopt;
}

// Whether a tag value must be written in quotes to read back as itself.
bool needs_quotes(std::string_view v) {
  if (v.empty()) return true;
  for (std::size_t i = 0; i < v.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(v[i]);
    if (c <= 0x20 || c == 0x7F || c == '"' || c == '\\' || c == '#' || c == '=') return true;
    if (v.substr(i).starts_with(kFullwidthSpace)) return true;
  }
  return false;
}

}  // namespace

Expected<LineKind> parse_line(std::string_view line, const Plan& plan, const Location& where,
                              Entry* entry) {
  return LineParser(line, plan, where).parse(entry);
}

std::string quote_tag_value(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  return out + '"';
}

std::string format_entry(const Entry& e, const Indicator& ind) {
  std::string out = e.date.iso();
  out += "  ";
  out += e.id;
  out += "  ";
  if (e.is_explanation) {
    out += "explain";
  } else if (ind.kind == Kind::milestone) {
    out += e.done ? "done" : "undone";
  } else {
    out += e.amount.to_string();
    if (ind.is_percent()) out += '%';
  }
  for (const auto& [key, value] : e.tags) {
    out += "  ";
    out += key;
    out += '=';
    if (!needs_quotes(value)) {
      out += value;
      continue;
    }
    out += quote_tag_value(value);
  }
  return out;
}

void sort_by_date(std::vector<Entry>& entries) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.date < b.date; });
}

std::optional<std::size_t> known_indicator(const Plan& plan, const Entry& e) {
  if (e.indicator < plan.indicators.size() && plan.indicators[e.indicator].id == e.id)
    return e.indicator;
  return std::nullopt;
}

EntryView view_of(const Entry& e, std::size_t indicator) {
  EntryView v;
  v.indicator = indicator;
  v.date = e.date;
  v.ymd = e.ymd();
  v.amount = e.amount;
  v.is_state = e.is_state;
  v.done = e.done;
  v.is_explanation = e.is_explanation;
  v.by_column = e.by_column;
  v.value_column = e.value_column;
  // One pass over the tags: plan record and import fingerprint every
  // ledger entry through a view.
  for (const auto& [key, value] : e.tags) {
    std::string_view* into = same_text(key, "by")       ? &v.by
                             : same_text(key, "period") ? &v.period
                             : same_text(key, "note")   ? &v.note
                                                        : nullptr;
    if (into && into->data() == nullptr) *into = value;  // the first, as Entry::tag
  }
  v.file = &e.where.file;
  v.line = e.where.line;
  v.column = e.where.column;
  return v;
}

}  // namespace plan
