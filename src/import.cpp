#include "import.h"

#include <array>
#include <cctype>

#include "csv.h"
#include "new_entry.h"
#include "text.h"

namespace plan {

namespace {

enum Column { kDate, kId, kValue, kBy, kNote, kSrc, kPeriod, kMeasures, kColumns };

constexpr std::array<std::string_view, kColumns> kColumnNames = {
    "date", "id", "value", "by", "note", "src", "period", "measures"};

// Header names, lower-cased; Chinese names as departments title their sheets.
struct Alias {
  std::string_view name;
  Column column;
};
constexpr Alias kAliases[] = {
    {"date", kDate},     {"日期", kDate},         {"id", kId},
    {"indicator", kId},  {"指标", kId},           {"指标代码", kId},
    {"指标id", kId},     {"value", kValue},       {"数值", kValue},
    {"值", kValue},      {"完成值", kValue},      {"by", kBy},
    {"填报单位", kBy},   {"单位", kBy},           {"报送单位", kBy},
    {"note", kNote},     {"备注", kNote},         {"说明", kNote},
    {"src", kSrc},       {"source", kSrc},        {"来源", kSrc},
    {"情况说明", kNote}, {"period", kPeriod},     {"报送期", kPeriod},
    {"所属期", kPeriod}, {"measures", kMeasures}, {"整改措施", kMeasures},
    {"措施", kMeasures},
};

// Spaces a spreadsheet cell may carry around its text: ASCII blanks, the
// no-break space and the ideographic (full-width) space of Chinese input.
std::string_view trim(std::string_view s) {
  auto strip_front = [&]() {
    for (std::string_view sp : {" ", "\t", "\xC2\xA0", "\xE3\x80\x80"}) {
      if (s.substr(0, sp.size()) == sp) {
        s.remove_prefix(sp.size());
        return true;
      }
    }
    return false;
  };
  auto strip_back = [&]() {
    for (std::string_view sp : {" ", "\t", "\xC2\xA0", "\xE3\x80\x80"}) {
      if (s.size() >= sp.size() && s.substr(s.size() - sp.size()) == sp) {
        s.remove_suffix(sp.size());
        return true;
      }
    }
    return false;
  };
  while (strip_front()) {
  }
  while (strip_back()) {
  }
  return s;
}

std::optional<Column> column_of(std::string_view header) {
  std::string key = ascii_lower(trim(header));
  for (const auto& a : kAliases)
    if (a.name == key) return a.column;
  return std::nullopt;
}

// Reads 1..max digits at *s; -1 when there are none or more than max.
int read_number(std::string_view* s, std::size_t max) {
  std::size_t n = 0;
  int v = 0;
  while (n < s->size() && std::isdigit(static_cast<unsigned char>((*s)[n]))) {
    // Digits past `max` are counted, not added: 99999999999 would overflow.
    if (n < max) v = v * 10 + ((*s)[n] - '0');
    ++n;
  }
  if (n == 0 || n > max) return -1;
  s->remove_prefix(n);
  return v;
}

bool eat(std::string_view* s, std::string_view token) {
  if (s->substr(0, token.size()) != token) return false;
  s->remove_prefix(token.size());
  return true;
}

// How each column header maps to a Column; nullopt for an empty header.
struct Header {
  int line = 0;
  std::vector<std::optional<Column>> columns;
};

bool read_header(const CsvRecord& rec, const std::string& csv_name, Header* h, Diagnostics& diags) {
  h->line = rec.line;
  Location at{csv_name, rec.line, 0};
  std::array<int, kColumns> seen{};  // 1-based column where each was found
  std::string unknown;
  bool ok = true;
  for (std::size_t i = 0; i < rec.fields.size(); ++i) {
    std::string_view name = trim(rec.fields[i]);
    if (name.empty()) {
      h->columns.push_back(std::nullopt);
      continue;
    }
    auto col = column_of(name);
    if (!col) {
      unknown += (unknown.empty() ? "\"" : ", \"") + sanitize(name) + "\"";
      h->columns.push_back(std::nullopt);
      continue;
    }
    if (seen[*col]) {
      diags.error(at, "column " + std::string(kColumnNames[*col]) + " appears twice (columns " +
                          std::to_string(seen[*col]) + " and " + std::to_string(i + 1) + ")");
      ok = false;
    }
    seen[*col] = static_cast<int>(i + 1);
    h->columns.push_back(col);
  }
  if (!unknown.empty()) {
    diags.error(at, "unknown column " + unknown +
                        "; columns are date, id, value, by, note, src, period, measures (or "
                        "日期, 指标, 数值, 填报单位, 备注, 来源, 报送期, 整改措施)");
    ok = false;
  }
  for (Column required : {kDate, kId, kValue}) {
    if (!seen[required]) {
      diags.error(at, "missing column " + std::string(kColumnNames[required]));
      ok = false;
    }
  }
  return ok;
}

// One row to an EntryInput; an error (at `at`) for a row that is wrong
// before the record grammar even sees it.
Expected<EntryInput> read_row(const CsvRecord& rec, const Header& h, const Location& at) {
  std::array<std::string, kColumns> cells;
  for (std::size_t i = 0; i < rec.fields.size(); ++i) {
    std::string_view cell = trim(rec.fields[i]);
    if (i >= h.columns.size()) {
      if (cell.empty()) continue;  // trailing empty cells, as some exports add
      return make_error(at, "row has " + std::to_string(rec.fields.size()) +
                                " fields, the header " + std::to_string(h.columns.size()));
    }
    if (!h.columns[i]) {
      if (cell.empty()) continue;
      return make_error(at, "column " + std::to_string(i + 1) + " has a value but no header");
    }
    cells[*h.columns[i]] = cell;
  }
  EntryInput in;
  if (!cells[kDate].empty()) {
    auto d = spreadsheet_date(cells[kDate], at);
    if (!d) return d.error();
    in.date = d->iso();
  }
  in.id = cells[kId];
  in.value = cells[kValue];
  if (in.value.find(',') != std::string::npos) {
    auto stripped = strip_thousands(in.value);
    if (!stripped)
      return make_error(
          at, "value \"" + sanitize(in.value) + "\" has a comma that is not a thousands separator");
    in.value = *stripped;
  }
  in.by = cells[kBy];
  in.note = cells[kNote];
  in.src = cells[kSrc];
  in.period = cells[kPeriod];
  in.measures = cells[kMeasures];
  return in;
}

}  // namespace

Expected<Date> spreadsheet_date(std::string_view s, const Location& where) {
  if (auto d = Date::parse(s)) return *d;
  std::string_view rest = s;
  int y = read_number(&rest, 4);
  int m = -1, d = -1;
  bool shaped = false;
  if (y >= 1000) {
    if (eat(&rest, "年")) {
      m = read_number(&rest, 2);
      shaped = m >= 0 && eat(&rest, "月") && (d = read_number(&rest, 2)) >= 0 && eat(&rest, "日");
    } else {
      for (std::string_view sep : {"-", "/"}) {
        if (!eat(&rest, sep)) continue;
        m = read_number(&rest, 2);
        shaped = m >= 0 && eat(&rest, sep) && (d = read_number(&rest, 2)) >= 0;
        break;
      }
    }
  }
  if (!shaped || !rest.empty())
    return make_error(where, "date \"" + sanitize(s) +
                                 "\" is not a date (YYYY-MM-DD; YYYY/M/D and YYYY年M月D日 "
                                 "are taken too)");
  if (!Date::is_valid(y, m, d))
    return make_error(where, "date \"" + sanitize(s) + "\" is not a real calendar date");
  return Date::from_ymd(y, m, d);
}

std::optional<std::string> strip_thousands(std::string_view s) {
  if (s.find(',') == std::string_view::npos) return std::string(s);
  std::string out;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) out += s[i++];
  // The integer part: a group of 1–3 digits, then groups of exactly three.
  auto digits = [&]() {
    std::size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    return i - start;
  };
  std::size_t first = digits();
  if (first < 1 || first > 3) return std::nullopt;
  out += s.substr(i - first, first);
  while (i < s.size() && s[i] == ',') {
    ++i;
    if (digits() != 3) return std::nullopt;
    out += s.substr(i - 3, 3);
  }
  // The rest (fraction, unit suffix) must hold no comma; the record grammar
  // judges it.
  std::string_view tail = s.substr(i);
  if (tail.find(',') != std::string_view::npos) return std::nullopt;
  out += tail;
  return out;
}

ImportResult import_csv(std::string_view csv, const std::string& csv_name, const Plan& plan,
                        Date today, bool force) {
  ImportResult result;
  auto records = parse_csv(csv, csv_name);
  if (!records) {
    result.diags.add(records.error());
    return result;
  }
  if (records->empty()) {
    result.diags.error(Location{csv_name}, "no header row (the file is empty)");
    return result;
  }
  Header header;
  if (!read_header(records->front(), csv_name, &header, result.diags)) return result;

  for (std::size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& rec = (*records)[r];
    bool blank = true;
    for (const auto& f : rec.fields) blank = blank && trim(f).empty();
    if (blank) continue;
    Location at{csv_name, rec.line, 0};
    auto input = read_row(rec, header, at);
    if (!input) {
      result.diags.add(input.error());
      continue;
    }
    auto made = make_new_entry(*input, plan, at, today, force);
    if (!made) {
      result.diags.add(made.error());
      continue;
    }
    result.rows.push_back(ImportRow{rec.line, std::move(made->entry), std::move(made->line)});
  }
  if (result.diags.has_errors()) {
    result.rows.clear();
  } else if (result.rows.empty()) {
    result.diags.warning(Location{csv_name}, "no rows to import below the header");
  }
  return result;
}

}  // namespace plan
