#include "import.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <set>

#include "csv.h"
#include "new_entry.h"
#include "schedule.h"
#include "text.h"

namespace plan {

namespace {

enum Column {
  kDate,
  kId,
  kValue,
  kBy,
  kNote,
  kSrc,
  kPeriod,
  kMeasures,
  kSeq,   // informational: 序号, ignored
  kName,  // informational: the indicator's name, checked
  kUnit,  // informational: the indicator's unit of measure, checked
  kColumns
};

constexpr std::array<std::string_view, kColumns> kColumnNames = {
    "date", "id", "value", "by", "note", "src", "period", "measures", "序号", "name", "unit"};
// The same in Chinese, as a sheet made for people titles them.
constexpr std::array<std::string_view, kColumns> kColumnNamesZh = {
    "日期",   "指标",     "数值", "填报单位", "备注",    "来源",
    "报送期", "整改措施", "序号", "指标名称", "计量单位"};

// The columns that say something about a row besides its value.
constexpr Column kNoteColumns[] = {kNote, kMeasures, kSrc};

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
    {"措施", kMeasures}, {"序号", kSeq},          {"编号", kSeq},
    {"no", kSeq},        {"no.", kSeq},           {"#", kSeq},
    {"name", kName},     {"指标名称", kName},     {"名称", kName},
    {"unit", kUnit},     {"计量单位", kUnit},
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
  std::array<std::size_t, kColumns> index{};  // 0-based column of each; kNone if absent
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
};

// Where column `col` of `rec` is; the row itself when the header has no
// such column.
Location cell_or_row(const Sheet& sheet, const SheetRow& rec, std::size_t col) {
  return col == Header::kNone ? sheet.at(rec.line, 0) : sheet.at(rec, col);
}

bool read_header(const Sheet& sheet, const SheetRow& rec, Header* h, Diagnostics& diags) {
  h->line = rec.line;
  h->index.fill(Header::kNone);
  std::string unknown;
  std::string unknown_zh;
  Location unknown_at;
  bool ok = true;
  for (std::size_t i = 0; i < rec.cells.size(); ++i) {
    std::string_view name = trim(rec.cells[i]);
    if (name.empty()) {
      h->columns.push_back(std::nullopt);
      continue;
    }
    auto col = column_of(name);
    if (!col) {
      if (unknown.empty()) unknown_at = sheet.at(rec, i);
      unknown += (unknown.empty() ? "\"" : ", \"") + sanitize(name) + "\"";
      unknown_zh += (unknown_zh.empty() ? "“" : "、“") + sanitize(name) + "”";
      h->columns.push_back(std::nullopt);
      continue;
    }
    if (std::size_t first = h->index[*col]; first != Header::kNone) {
      std::string_view other = trim(rec.cells[first]);
      // 单位 beside 填报单位 is the unit of measure (计量单位): keeping one
      // would lose the other's column.
      bool measure = *col == kBy && (name == "单位" || other == "单位");
      diags.error(
          sheet.at(rec, i),
          Message{"column \"" + sanitize(name) + "\" means " + std::string(kColumnNames[*col]) +
                      ", as \"" + sanitize(other) + "\" in column " + column_letters(first) +
                      (measure ? " does; if 单位 holds units of measure (人, 个), title it 计量单位"
                               : " does; keep one of them"),
                  "列“" + sanitize(name) + "”与 " + column_letters(first) + " 列“" +
                      sanitize(other) + "”重复，都表示" + std::string(kColumnNamesZh[*col]) +
                      (measure ? "；如“单位”列填的是计量单位（人、个），请把列名改为“计量单位”"
                               : "；只保留其中一列")});
      ok = false;
    }
    h->index[*col] = i;
    h->columns.push_back(col);
  }
  if (!unknown.empty()) {
    diags.error(unknown_at,
                Message{"unknown column " + unknown +
                            "; columns are date, id, value, by, note, src, period, measures (or "
                            "日期, 指标, 数值, 填报单位, 备注, 来源, 报送期, 整改措施); "
                            "informational: 序号, name (指标名称), unit (计量单位)",
                        "无法识别的列" + unknown_zh +
                            "；可用的列：日期、指标、数值、填报单位、备注、来源、报送期、整改措施"
                            "（或 date、id、value、by、note、src、period、measures）；"
                            "仅供核对的列：序号、指标名称（name）、计量单位（unit）"});
    ok = false;
  }
  for (Column required : {kDate, kId, kValue}) {
    // The indicator may be named by its name alone (指标名称), as a sheet
    // made for people names it.
    if (required == kId && h->index[kName] != Header::kNone) continue;
    if (h->index[required] == Header::kNone) {
      diags.error(
          sheet.at(rec.line, 0),
          Message{"missing column " + std::string(kColumnNames[required]) +
                      (required == kId ? " (or 指标, or 指标名称 to name the indicators)" : ""),
                  "缺少“" + std::string(kColumnNamesZh[required]) + "”列（或 " +
                      std::string(kColumnNames[required]) + "）" +
                      (required == kId ? "；也可用“指标名称”列按名称指明指标" : "")});
      ok = false;
    }
  }
  return ok;
}

// The column a make_new_entry message is about, from the piece it names.
Column column_of_message(std::string_view m) {
  struct Lead {
    std::string_view prefix;
    Column column;
  };
  static constexpr Lead kLeads[] = {
      {"missing date", kDate},    {"date", kDate}, {"missing indicator", kId}, {"indicator", kId},
      {"unknown indicator", kId}, {"id ", kId},    {"unknown unit", kBy},      {"by ", kBy},
      {"period", kPeriod},        {"note", kNote}, {"measures", kMeasures},    {"src", kSrc},
  };
  for (const auto& l : kLeads)
    if (m.starts_with(l.prefix)) return l.column;
  return kValue;
}

// "%" for "％" (the full-width sign of Chinese input); else `s`.
std::string normal_unit(std::string_view s) {
  std::string out(s);
  if (out == "\xEF\xBC\x85") out = "%";
  return out;
}

// "D2": cell `col` (0-based) of `rec` as a spreadsheet names it.
std::string cell_name(const SheetRow& rec, std::size_t col) {
  return column_letters(col) + std::to_string(rec.row > 0 ? rec.row : rec.line);
}

// One row to an EntryInput; an error (at the cell concerned) for a row that
// is wrong before the record grammar even sees it. `measure_cell` names the
// first cell found holding a unit of measure in the reporter's column, so
// that the advice to retitle it is given once, not on every row.
Expected<EntryInput> read_row(const Sheet& sheet, const SheetRow& rec, const Header& h,
                              const Plan& plan, std::string& measure_cell) {
  std::array<std::string, kColumns> cells;
  auto at = [&](Column c) { return cell_or_row(sheet, rec, h.index[c]); };
  for (std::size_t i = 0; i < rec.cells.size(); ++i) {
    std::string_view cell = trim(rec.cells[i]);
    if (i >= h.columns.size()) {
      if (cell.empty()) continue;  // trailing empty cells, as some exports add
      const std::string n = std::to_string(rec.cells.size()), m = std::to_string(h.columns.size());
      return make_error(sheet.at(rec, i),
                        Message{"row has " + n + " fields, the header " + m,
                                "这一行有 " + n + " 个字段，表头只有 " + m + " 个"});
    }
    if (!h.columns[i]) {
      if (cell.empty()) continue;
      return make_error(sheet.at(rec, i),
                        Message{"column " + std::to_string(i + 1) + " has a value but no header",
                                "第 " + std::to_string(i + 1) + " 列有值但没有表头"});
    }
    cells[*h.columns[i]] = cell;
  }
  EntryInput in;
  if (!cells[kDate].empty()) {
    auto d = spreadsheet_date(cells[kDate], at(kDate));
    if (!d) return d.error();
    in.date = d->iso();
  }
  // The id column may hold the indicator's name, as the plan words it; so
  // may an empty id's name column.
  in.id = cells[kId];
  if (in.id.empty() && !cells[kName].empty()) {
    const Indicator* named = plan.find_by_name(cells[kName]);
    if (!named && h.index[kId] == Header::kNone) {
      Diagnostic d =
          make_error(at(kName), Message{"unknown indicator name '" + sanitize(cells[kName]) + "'" +
                                            plan.did_you_mean_name(cells[kName]),
                                        "未知指标名称“" + sanitize(cells[kName]) + "”" +
                                            plan.did_you_mean_name(cells[kName], true)});
      d.kind = ErrorKind::usage;
      return d;
    }
    if (named) in.id = named->id;
  }
  // A sheet that names its indicators only by 指标名称: an empty one is
  // a missing name, at its cell.
  if (in.id.empty() && h.index[kId] == Header::kNone)
    return make_error(at(kName), Message{"missing indicator name (指标名称)", "缺少指标名称"});
  if (!in.id.empty() && !plan.find(in.id)) {
    if (const Indicator* named = plan.find_by_name(in.id)) {
      in.id = named->id;
    } else if (std::any_of(in.id.begin(), in.id.end(),
                           [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
      Diagnostic d = make_error(at(kId), Message{"unknown indicator name '" + sanitize(in.id) +
                                                     "'" + plan.did_you_mean_name(in.id),
                                                 "未知指标名称“" + sanitize(in.id) + "”" +
                                                     plan.did_you_mean_name(in.id, true)});
      d.kind = ErrorKind::usage;
      return d;
    }
  }
  if (const Indicator* ind = plan.find(in.id)) {
    if (!cells[kName].empty() && cells[kName] != ind->name)
      return make_error(
          at(kName), Message{"name '" + sanitize(cells[kName]) + "' is not the name of " + ind->id +
                                 " (" + ind->name + "); correct the id or the name",
                             "名称“" + sanitize(cells[kName]) + "”不是 " + ind->id + " 的名称（" +
                                 ind->name + "）；请改正指标代码或名称"});
    if (!cells[kUnit].empty() && normal_unit(cells[kUnit]) != ind->unit)
      return make_error(
          at(kUnit),
          Message{"unit '" + sanitize(cells[kUnit]) + "' is not the unit of " + ind->id + " (" +
                      ind->unit + "); give the value in " + ind->unit,
                  "计量单位“" + sanitize(cells[kUnit]) + "”不是 " + ind->id + " 的计量单位（" +
                      ind->unit + "）；请以" + ind->unit + "为单位填写数值"});
  }
  in.value = cells[kValue];
  if (in.value.find(',') != std::string::npos) {
    auto stripped = strip_thousands(in.value);
    if (!stripped)
      return make_error(at(kValue),
                        Message{"value \"" + sanitize(in.value) +
                                    "\" has a comma that is not a thousands separator",
                                "数值“" + sanitize(in.value) + "”中的逗号不是千位分隔符"});
    in.value = *stripped;
  }
  in.by = cells[kBy];
  // 单位 heads the reporting unit's column (填报单位), but a sheet may mean
  // the unit of measure by it: "unknown unit '人'" would not say so.
  // The unit of measure is looked for first: knows_unit lists every name,
  // and most rows name a unit that is no unit of measure.
  if (!in.by.empty()) {
    const std::string measure = normal_unit(in.by);
    bool is_measure = std::any_of(plan.indicators.begin(), plan.indicators.end(),
                                  [&](const Indicator& ind) { return ind.unit == measure; });
    if (is_measure && !plan.knows_unit(in.by)) {
      const bool first = measure_cell.empty();
      if (first) measure_cell = cell_name(rec, h.index[kBy]);
      Diagnostic d = make_error(
          at(kBy),
          Message{"'" + sanitize(in.by) + "' is a unit of measure, " +
                      (first ? std::string("in the column of the reporting unit (by: 填报单位, "
                                           "单位); title a column of units of measure 计量单位 "
                                           "or unit")
                             : "not a reporting unit (see " + measure_cell + ")"),
                  "“" + sanitize(in.by) + "”是计量单位，" +
                      (first ? std::string("却在报送单位一列（by：填报单位、单位）；计量单位一列"
                                           "的表头请写“计量单位”或 unit")
                             : "不是报送单位（见 " + measure_cell + "）")});
      d.kind = ErrorKind::usage;
      return d;
    }
  }
  in.note = cells[kNote];
  in.src = cells[kSrc];
  in.period = period_label_of(cells[kPeriod]);
  in.measures = cells[kMeasures];
  return in;
}

bool blank_row(const SheetRow& rec) {
  for (const auto& f : rec.cells)
    if (!trim(f).empty()) return false;
  return true;
}

// The first cell of `rec` in a column the import reads (序号 it does not)
// that holds a formula with no saved result, as an error at that cell.
std::optional<Diagnostic> unsaved_formula(const Sheet& sheet, const SheetRow& rec,
                                          const Header& h) {
  for (const auto& [col, formula] : rec.unsaved_formulas) {
    if (col >= h.columns.size() || !h.columns[col] || *h.columns[col] == kSeq) continue;
    const std::string shown =
        formula.empty() ? std::string() : "=" + truncate_to_width(sanitize(formula), 40);
    const bool value = *h.columns[col] == kValue;
    return make_error(
        sheet.at(rec, col),
        Message{
            (shown.empty() ? std::string("a formula (shared with another cell)")
                           : "a formula (" + shown + ")") +
                " with no saved result, as a program writes one: open the workbook in Excel "
                "or WPS and save it, which stores what its formulas compute" +
                (value ? ", or type the figure" : ""),
            (shown.empty() ? std::string("公式（与其他单元格共用）") : "公式（" + shown + "）") +
                "没有保存计算结果（程序生成的工作簿常常如此）：请用 Excel 或 WPS "
                "打开并保存一次，公式的结果就会存下来" +
                (value ? "；或者直接填上数值" : "")});
  }
  return std::nullopt;
}

// A title above the header: one cell with text, which no header can be
// (three columns are required).
bool title_row(const SheetRow& rec) {
  int filled = 0;
  for (const auto& f : rec.cells) filled += trim(f).empty() ? 0 : 1;
  return filled == 1;
}

// Midnight spelt as a spreadsheet's date-time writes it: H:MM, H:MM:SS,
// with optional fractions of a second, every digit zero.
bool midnight(std::string_view t) {
  bool digits = false;
  for (char c : t) {
    if (c == '0') {
      digits = true;
    } else if (c != ':' && c != '.') {
      return false;
    }
  }
  return digits && t.find(':') != std::string_view::npos;
}

bool time_shaped(std::string_view t) {
  int colons = 0;
  for (char c : t) {
    if (c == ':') {
      ++colons;
    } else if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') {
      return false;
    }
  }
  return colons >= 1 && colons <= 2 && std::isdigit(static_cast<unsigned char>(t.front()));
}

}  // namespace

std::string column_letters(std::size_t i) {
  std::string out;
  for (std::size_t n = i + 1; n > 0; n = (n - 1) / 26)
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

Location Sheet::at(int line, std::size_t column) const {
  if (cell_prefix.empty()) return Location{file, line, 0};
  return Location{cell_prefix + column_letters(column) + std::to_string(line), 0, 0};
}

Location Sheet::at(const SheetRow& row, std::size_t column) const {
  if (cell_prefix.empty() && column < row.starts.size())
    return Location{file, row.starts[column].line, row.starts[column].column};
  return at(row.line, column);
}

Expected<Date> spreadsheet_date(std::string_view s, const Location& where) {
  if (auto d = Date::parse(s)) return *d;
  // An Excel serial day number, as a date cell exported without its format
  // shows: whole days (a fraction is a time of day).
  if (!s.empty() && std::isdigit(static_cast<unsigned char>(s.front())) &&
      s.find_first_not_of("0123456789.") == std::string_view::npos) {
    std::string_view whole = s.substr(0, s.find('.'));
    std::string_view frac = s.size() > whole.size() ? s.substr(whole.size() + 1) : "";
    if (whole.size() <= 7 && frac.find('.') == std::string_view::npos) {
      std::int64_t serial = 0;
      for (char c : whole) serial = serial * 10 + (c - '0');
      if (frac.find_first_not_of('0') != std::string_view::npos)
        return make_error(where,
                          Message{"date \"" + sanitize(s) +
                                      "\" is a serial date with a time of day; figures "
                                      "are dated by the day",
                                  "日期“" + sanitize(s) + "”是带时刻的日期序号；数据的日期只到日"});
      if (auto d = excel_serial_date(serial, false)) return *d;
      return make_error(
          where, Message{"date \"" + sanitize(s) +
                             "\" is not a date (as a serial day "
                             "number it names no day)",
                         "日期“" + sanitize(s) + "”不是日期（作为日期序号，它对不上任何一天）"});
    }
  }
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
  // A date-time ("2020/07/31 0:00", "2020-07-31 00:00:00", "…T00:00:00"),
  // as Excel writes a date cell: midnight is the day; another time is not.
  if (shaped && !rest.empty() && (rest.front() == ' ' || rest.front() == 'T')) {
    std::string_view t = trim(rest.substr(1));
    if (!t.empty() && time_shaped(t)) {
      if (!midnight(t))
        return make_error(where, Message{"date \"" + sanitize(s) +
                                             "\" has a time of day; figures are dated by the "
                                             "day (a time of 0:00 is taken)",
                                         "日期“" + sanitize(s) +
                                             "”带有时刻；数据的日期只到日（时刻为 0:00 的可以）"});
      rest = {};
    }
  }
  if (!shaped || !rest.empty())
    return make_error(where, Message{"date \"" + sanitize(s) +
                                         "\" is not a date (YYYY-MM-DD; YYYY/M/D and "
                                         "YYYY年M月D日 are taken too)",
                                     "日期“" + sanitize(s) +
                                         "”不是日期（应为 YYYY-MM-DD，也可写 YYYY/M/D 或 "
                                         "YYYY年M月D日）"});
  if (!Date::is_valid(y, m, d))
    return make_error(where, Message{"date \"" + sanitize(s) + "\" is not a real calendar date",
                                     "日期“" + sanitize(s) + "”不是日历上的日期"});
  return Date::from_ymd(y, m, d);
}

std::optional<Date> excel_serial_date(std::int64_t serial, bool date1904) {
  // Serial 1 is 1900-01-01 in the 1900 system, which (after Lotus 1-2-3)
  // counts a 29 February 1900 that never was as serial 60: from 61 on, day
  // 0 is 1899-12-30. The 1904 system counts from 1904-01-01 = 0.
  constexpr std::int64_t kMax = 2958465;  // 9999-12-31, Excel's last day
  if (serial < (date1904 ? 0 : 1) || serial > kMax) return std::nullopt;
  if (date1904) return Date::from_ymd(1904, 1, 1).add_days(static_cast<int>(serial));
  if (serial == 60) return std::nullopt;
  Date base = serial < 60 ? Date::from_ymd(1899, 12, 31) : Date::from_ymd(1899, 12, 30);
  return base.add_days(static_cast<int>(serial));
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
  auto records = parse_csv(csv, csv_name);
  if (!records) {
    ImportResult result;
    result.file = csv_name;
    result.diags.add(records.error());
    return result;
  }
  Sheet sheet;
  sheet.file = csv_name;
  sheet.rows.reserve(records->size());
  std::vector<ImportResult::CsvCell> cells;
  for (auto& rec : *records) {
    for (std::size_t i = 0; i < rec.starts.size(); ++i)
      cells.push_back({rec.starts[i].line, rec.starts[i].column, rec.row, i});
    sheet.rows.push_back(SheetRow{rec.line, std::move(rec.fields), std::move(rec.starts), rec.row});
  }
  ImportResult result = import_sheet(sheet, plan, today, force);
  result.csv_cells = std::move(cells);
  return result;
}

std::optional<std::string> ImportResult::cell_at(const Location& where) const {
  if (where.file != file || where.line <= 0 || where.column <= 0) return std::nullopt;
  auto it = std::lower_bound(csv_cells.begin(), csv_cells.end(), where,
                             [](const CsvCell& c, const Location& w) {
                               return std::pair(c.line, c.column) < std::pair(w.line, w.column);
                             });
  if (it == csv_cells.end() || it->line != where.line || it->column != where.column)
    return std::nullopt;
  return column_letters(it->index) + std::to_string(it->row);
}

Diagnostics ImportResult::shown(const Diagnostics& found) const {
  Diagnostics out;
  const auto whole_file = [&](const Diagnostic& d) {
    return d.where.file == file && d.where.line == 0;
  };
  for (Diagnostic d : found.items()) {
    if (whole_file(d)) continue;
    if (auto cell = cell_at(d.where)) {
      d.message = "cell " + *cell + ": " + d.message;
      if (!d.message_zh.empty()) d.message_zh = "单元格 " + *cell + "：" + d.message_zh;
    }
    out.add(std::move(d));
  }
  for (const Diagnostic& d : found.items())
    if (whole_file(d)) out.add(d);
  return out;
}

ImportResult import_sheet(const Sheet& sheet, const Plan& plan, Date today, bool force) {
  ImportResult result;
  const std::string& name = sheet.file;
  result.file = name;
  std::size_t r = 0;
  while (r < sheet.rows.size() && (blank_row(sheet.rows[r]) || title_row(sheet.rows[r]))) ++r;
  if (r == sheet.rows.size()) {
    result.diags.error(
        Location{name},
        !sheet.rows.empty() ? Message{"no header row", "没有表头行"}
        : sheet.cell_prefix.empty()
            ? Message{"no header row (the file is empty)", "没有表头行（文件是空的）"}
            : Message{"no header row (the sheet is empty)", "没有表头行（工作表是空的）"});
    return result;
  }
  Header header;
  if (!read_header(sheet, sheet.rows[r], &header, result.diags)) return result;
  if (const std::size_t p = header.index[kPeriod]; p != Header::kNone) {
    result.period_column = sanitize(trim(sheet.rows[r].cells[p]));
  } else {
    const std::string_view date = trim(sheet.rows[r].cells[header.index[kDate]]);
    if (std::all_of(date.begin(), date.end(), [](char c) { return (c & 0x80) == 0; }))
      result.period_column = "period";
  }

  // Rows whose value is empty (a report not filled in): skipped, and named
  // in one warning; "where id" each.
  std::vector<std::string> skipped;
  std::set<std::pair<std::string, std::string>> not_reporters;  // (id, by) warned about
  std::set<std::string> period_unscheduled;  // ids whose period cell files nothing, warned about
  std::string measure_cell;  // where a unit of measure was first found as a reporter
  auto cell = [&](const SheetRow& rec, Column c) {
    std::size_t i = header.index[c];
    return i < rec.cells.size() ? trim(rec.cells[i]) : std::string_view();
  };
  for (++r; r < sheet.rows.size(); ++r) {
    const SheetRow& rec = sheet.rows[r];
    // Before anything else: a formula left uncomputed where a figure, id
    // or date belongs would read as empty, and the row be skipped.
    if (auto unsaved = unsaved_formula(sheet, rec, header)) {
      result.diags.add(std::move(*unsaved));
      continue;
    }
    if (blank_row(rec)) continue;
    if (cell(rec, kValue).empty()) {
      // A note without a figure is meant as something: say what it takes.
      auto filled = std::find_if(std::begin(kNoteColumns), std::end(kNoteColumns),
                                 [&](Column c) { return !cell(rec, c).empty(); });
      if (filled != std::end(kNoteColumns)) {
        result.diags.error(
            sheet.at(rec, header.index[kValue]),
            Message{"no value, but a " + std::string(kColumnNames[*filled]) +
                        ": give the figure, or the value explain to file the note as the "
                        "explanation (情况说明) of a report not made",
                    "没有数值，却有" + std::string(kColumnNamesZh[*filled]) +
                        "：请填上数值；如是未报送的情况说明，数值填 explain"});
      } else {
        // The empty value's cell, as a spreadsheet names it.
        std::string where = cell_name(rec, header.index[kValue]);
        std::string id(cell(rec, kId).empty() ? cell(rec, kName) : cell(rec, kId));
        skipped.push_back(where + (id.empty() ? "" : " " + sanitize(id)));
      }
      continue;
    }
    auto input = read_row(sheet, rec, header, plan, measure_cell);
    if (!input) {
      result.diags.add(input.error());
      continue;
    }
    auto made = make_new_entry(*input, plan, sheet.at(rec.line, 0), today, force);
    if (!made) {
      Diagnostic d = std::move(made.error());
      // make_new_entry knows the row; the message names the piece, whose
      // cell a workbook can point at.
      d.where = cell_or_row(sheet, rec, header.index[column_of_message(d.message)]);
      result.diags.add(std::move(d));
      continue;
    }
    const std::size_t value_col = header.index[kValue];
    if (sheet.percent_unknown && !force && !made->entry.is_state && !made->entry.is_explanation) {
      auto i = indicator_index(plan, made->entry);
      const Indicator* ind = i ? &plan.indicators[*i] : nullptr;
      double v = made->entry.amount.to_double();
      bool marked = value_col < rec.cells.size() && rec.cells[value_col].ends_with('%');
      if (ind && ind->unit == "%" && v > 0 && v <= 1 && !marked) {
        std::string text = made->entry.amount.to_string();
        result.diags.error(
            sheet.at(rec, value_col),
            Message{"value " + text + " of " + ind->id +
                        " (%) in an .xls workbook: a cell formatted as a percentage reads as its "
                        "fraction from .xls (95.2% as 0.952); write the figure in percent, save "
                        "the workbook as .xlsx, or --force if " +
                        text + " % is right",
                    ind->id + " 的数值 " + text +
                        "（%）来自 .xls 工作簿：设为百分比格式的单元格从 .xls 读出的是小数"
                        "（95.2% 读作 0.952）；请按百分数填写，或把工作簿另存为 .xlsx；如 " +
                        text + " % 无误，用 --force"});
        continue;
      }
    }
    // The row is taken: what is said of it, once a sheet for each indicator
    // and unit at the by= cell (a unit that files what it does not report
    // does so on many rows), once for each indicator at the period cell.
    if (!made->warning.en.empty() &&
        not_reporters.emplace(made->entry.id, made->entry.tag("by")).second)
      result.diags.warning(cell_or_row(sheet, rec, header.index[kBy]), made->warning);
    if (!made->period_warning.en.empty() && period_unscheduled.insert(made->entry.id).second)
      result.diags.warning(cell_or_row(sheet, rec, header.index[kPeriod]), made->period_warning);
    result.rows.push_back(ImportRow{rec.line, std::move(made->entry), std::move(made->line),
                                    sheet.at(rec, value_col)});
  }
  // With bad rows the good ones stay, to be judged against the ledger too
  // (import.h); the notes about the whole sheet wait until it is fixed.
  if (result.diags.has_errors()) return result;
  if (!skipped.empty()) {
    constexpr std::size_t kShown = 5;
    std::string list;
    for (std::size_t i = 0; i < skipped.size() && i < kShown; ++i)
      list += (i ? ", " : "") + skipped[i];
    std::string list_zh = list;
    if (skipped.size() > kShown) {
      list += ", … (" + std::to_string(skipped.size() - kShown) + " more)";
      list_zh += ", …（另有 " + std::to_string(skipped.size() - kShown) + " 行）";
    }
    std::size_t n = skipped.size();
    result.diags.warning(
        Location{name},
        Message{(result.rows.empty() ? "no row has a value, nothing to import: " : "") +
                    std::to_string(n) + (n == 1 ? " row" : " rows") + " without a value skipped (" +
                    list + "); a report left empty is still owed (plan due)",
                (result.rows.empty() ? "没有一行填了数值，无可导入：" : "") + std::to_string(n) +
                    " 行没有数值，已跳过（" + list_zh +
                    "）；未填数值的报表仍计为未报送（plan due）"});
  } else if (result.rows.empty()) {
    result.diags.warning(Location{name},
                         Message{"no rows to import below the header", "表头下没有可导入的行"});
  }
  return result;
}

}  // namespace plan
