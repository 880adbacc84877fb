#include "workbook_reader.h"

#include <expat.h>
#include <freexl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "text.h"
#include "workbook_reasons.h"

namespace plan {

namespace {

// Excel's own bounds: 1,048,576 rows of 16,384 columns (XFD).
constexpr int kMaxRow = 1'048'576;
constexpr std::size_t kMaxColumn = 16'384;
// freexl reads a whole .xls into memory: its size is the bound.
constexpr std::uintmax_t kMaxXlsBytes = 64u << 20;

// ---------------------------------------------------------------------------
// Numbers as Excel shows them.

// The shortest decimal that reads back as `x`, in plain notation: 0.952,
// not 0.95199999999999996 (as Excel stores it) nor 9.52e-01.
std::string shortest(double x) {
  char buf[400];  // plain notation of a double fits in ~330 characters
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed);
  if (ec != std::errc()) return "0";
  std::string s(buf, end);
  return s == "-0" ? "0" : s;
}

// `s` (plain decimal notation) times 100, exactly, as text: "0.952" → "95.2".
std::string times_hundred(std::string_view s) {
  std::string sign;
  if (!s.empty() && s.front() == '-') {
    sign = "-";
    s.remove_prefix(1);
  }
  std::size_t dot = s.find('.');
  std::string whole(s.substr(0, dot));
  std::string frac(dot == std::string_view::npos ? "" : s.substr(dot + 1));
  frac.resize(std::max<std::size_t>(frac.size(), 2), '0');
  whole += frac.substr(0, 2);
  frac.erase(0, 2);
  std::size_t lead = whole.find_first_not_of('0');
  whole = lead == std::string::npos ? "0" : whole.substr(lead);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  return sign + whole + (frac.empty() ? "" : "." + frac);
}

// What a number format shows a number as.
enum class Shown { number, date, percent };

// Built-in number formats (ECMA-376 §18.8.30, with the East Asian dates).
Shown builtin_format(int id) {
  if (id == 9 || id == 10) return Shown::percent;
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
      (id >= 50 && id <= 58))
    return Shown::date;
  return Shown::number;
}

// A custom format code: a date when it has a date or time letter (y m d h s,
// e for the era year) outside quotes, escapes and [brackets]; a percent when
// it has a % there.
Shown custom_format(std::string_view code) {
  bool percent = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // an escaped character, or the one after _ (a space its width) or * (fill)
    } else if (c == '[') {
      std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '%') {
      percent = true;
    } else if (std::string_view("yYmMdDhHsSeE").find(c) != std::string_view::npos) {
      return Shown::date;
    } else if (c == ';') {
      break;  // the first section decides: positive numbers
    }
  }
  return percent ? Shown::percent : Shown::number;
}

// A serial date-time as the import reads it: "2019-03-31", or with the
// time of day when it is not midnight ("2019-03-31 13:45:10").
std::string date_text(double serial, bool date1904) {
  double day = std::floor(serial);
  long seconds = std::lround((serial - day) * 86400.0);
  if (seconds >= 86400) {
    day += 1;
    seconds = 0;
  }
  if (day < 0 || day > 3e6) return shortest(serial);
  auto d = excel_serial_date(static_cast<std::int64_t>(day), date1904);
  if (!d) return shortest(serial);
  if (seconds == 0) return d->iso();
  char buf[48];
  std::snprintf(buf, sizeof buf, " %02d:%02d:%02d", static_cast<int>(seconds / 3600),
                static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
  return d->iso() + buf;
}

std::string number_text(std::string_view v, Shown shown, bool date1904) {
  double x = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(x)) return std::string(v);
  switch (shown) {
    case Shown::date:
      return date_text(x, date1904);
    case Shown::percent:
      return times_hundred(shortest(x)) + "%";
    case Shown::number:
      break;
  }
  return shortest(x);
}

// "B7" → column 1 (0-based) and row 7; nullopt unless letters then digits
// within Excel's bounds.
std::optional<std::pair<std::size_t, int>> parse_ref(std::string_view ref) {
  std::size_t col = 0, i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3; ++i)
    col = col * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
  if (i == 0 || col > kMaxColumn) return std::nullopt;
  long row = 0;
  std::size_t digits = 0;
  for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && digits < 8; ++i, ++digits)
    row = row * 10 + (ref[i] - '0');
  if (i != ref.size()) return std::nullopt;
  if (digits == 0) return std::pair<std::size_t, int>{col - 1, 0};
  if (row < 1 || row > kMaxRow) return std::nullopt;
  return std::pair<std::size_t, int>{col - 1, static_cast<int>(row)};
}

// ---------------------------------------------------------------------------
// .xlsx: the zip archive and its XML parts.

// The part of an expanded name after the namespace ("uri|c" → "c").
std::string_view local(const XML_Char* name) {
  std::string_view s(name);
  std::size_t bar = s.rfind('|');
  return bar == std::string_view::npos ? s : s.substr(bar + 1);
}

const char* attr(const XML_Char** attrs, std::string_view name) {
  for (; *attrs; attrs += 2)
    if (local(attrs[0]) == name) return attrs[1];
  return nullptr;
}

// What an XML part's reader does with its elements.
Message too_many_cells() {
  return {"more than " + std::to_string(kMaxCells) + " cells; not a sheet of figures",
          "超过 " + std::to_string(kMaxCells) + " 个单元格，不像一张数据表"};
}

class PartReader {
 public:
  virtual ~PartReader() = default;
  virtual void start(std::string_view name, const XML_Char** attrs) = 0;
  virtual void end(std::string_view /*name*/) {}
  virtual void text(std::string_view /*s*/) {}
  Message error;  // set to stop the parse
};

class Xlsx {
 public:
  explicit Xlsx(const std::string& path) : path_(path) {}
  ~Xlsx() {
    if (zip_) zip_discard(zip_);
  }
  Xlsx(const Xlsx&) = delete;
  Xlsx& operator=(const Xlsx&) = delete;

  Outcome open() {
    int code = 0;
    zip_ = zip_open(path_.c_str(), ZIP_RDONLY, &code);
    if (zip_) return {};
    zip_error_t err;
    zip_error_init_with_code(&err, code);
    Message why = zip_reason(&err);
    zip_error_fini(&err);
    return fail(Message{"not a workbook (", "不是工作簿（"} + why + Message{")", "）"});
  }

  bool has(const std::string& part) { return zip_name_locate(zip_, part.c_str(), 0) >= 0; }

  // Streams `part` through expat into `reader`. A missing part is an error.
  Outcome parse(const std::string& part, PartReader& reader) {
    zip_int64_t index = zip_name_locate(zip_, part.c_str(), 0);
    if (index < 0)
      return fail(Message{"damaged workbook: no " + part, "工作簿已损坏：缺少 " + part});
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
        zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0), zip_fclose);
    if (!file) return fail(cannot_unpack(part, zip_reason(zip_get_error(zip_))));
    std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(XML_ParserCreateNS(nullptr, '|'),
                                                                   XML_ParserFree);
    if (!parser) return fail(Message{"out of memory", "内存不足"});
    XML_Parser p = parser.get();
    Context ctx{&reader, p, false};
    XML_SetUserData(p, &ctx);
    XML_SetElementHandler(p, on_start, on_end);
    XML_SetCharacterDataHandler(p, on_text);
    // A workbook's parts have no document type; one could declare entities
    // that expand without end.
    XML_SetStartDoctypeDeclHandler(p, on_doctype);
    std::size_t total = 0;
    char buf[64 * 1024];
    for (;;) {
      zip_int64_t n = zip_fread(file.get(), buf, sizeof buf);
      if (n < 0) return fail(cannot_unpack(part, zip_reason(zip_file_get_error(file.get()))));
      total += static_cast<std::size_t>(n);
      if (total > kMaxPartBytes)
        return fail(Message{
            part + " unpacks to more than " + std::to_string(kMaxPartBytes >> 20) +
                " MiB; not a sheet of figures",
            part + " 解压后超过 " + std::to_string(kMaxPartBytes >> 20) + " MiB，不像一张数据表"});
      bool last = n == 0;
      if (XML_Parse(p, buf, static_cast<int>(n), last) == XML_STATUS_ERROR) {
        if (!reader.error.en.empty()) return fail(Message{part + ": ", part + "："} + reader.error);
        if (ctx.doctype)
          return fail(Message{part + ": a document type declaration is not allowed",
                              part + "：不允许文档类型声明"});
        const std::string line = std::to_string(XML_GetCurrentLineNumber(p));
        return fail(Message{"damaged workbook: " + part + " line " + line + ": ",
                            "工作簿已损坏：" + part + " 第 " + line + " 行："} +
                    xml_reason(XML_GetErrorCode(p)));
      }
      if (last) break;
    }
    return {};
  }

  static Message cannot_unpack(const std::string& part, const Message& why) {
    return Message{"damaged workbook: cannot unpack " + part + " (",
                   "工作簿已损坏：无法解压 " + part + "（"} +
           why + Message{")", "）"};
  }
  Diagnostic fail(Message message) const { return make_error(Location{path_}, std::move(message)); }

 private:
  struct Context {
    PartReader* reader;
    XML_Parser parser;
    bool doctype;
  };
  static void on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
    auto* c = static_cast<Context*>(data);
    c->reader->start(local(name), attrs);
    if (!c->reader->error.en.empty()) XML_StopParser(c->parser, XML_FALSE);
  }
  static void on_end(void* data, const XML_Char* name) {
    auto* c = static_cast<Context*>(data);
    c->reader->end(local(name));
    if (!c->reader->error.en.empty()) XML_StopParser(c->parser, XML_FALSE);
  }
  static void on_text(void* data, const XML_Char* s, int len) {
    auto* c = static_cast<Context*>(data);
    c->reader->text(std::string_view(s, static_cast<std::size_t>(len)));
    if (!c->reader->error.en.empty()) XML_StopParser(c->parser, XML_FALSE);
  }
  static void on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* c = static_cast<Context*>(data);
    c->doctype = true;
    XML_StopParser(c->parser, XML_FALSE);
  }

  std::string path_;
  zip_t* zip_ = nullptr;
};

// xl/workbook.xml: the sheets in order, and the date system.
struct WorkbookPart : PartReader {
  struct SheetRef {
    std::string name, rel;
  };
  std::vector<SheetRef> sheets;
  bool date1904 = false;
  void start(std::string_view name, const XML_Char** attrs) override {
    if (name == "sheet") {
      const char* n = attr(attrs, "name");
      const char* id = attr(attrs, "id");
      if (n && id) sheets.push_back({n, id});
    } else if (name == "workbookPr") {
      const char* v = attr(attrs, "date1904");
      date1904 = v && (std::string_view(v) == "1" || std::string_view(v) == "true");
    }
  }
};

// xl/_rels/workbook.xml.rels: relationship id → part.
struct RelsPart : PartReader {
  std::map<std::string, std::string> targets;
  void start(std::string_view name, const XML_Char** attrs) override {
    if (name != "Relationship") return;
    const char* id = attr(attrs, "Id");
    const char* target = attr(attrs, "Target");
    if (id && target) targets[id] = target;
  }
};

// xl/sharedStrings.xml: the text of each <si>, its runs joined, phonetic
// guides (<rPh>) left out.
struct SharedStringsPart : PartReader {
  std::vector<std::string> strings;
  std::size_t bytes = 0;
  int in_t = 0, in_phonetic = 0;
  bool in_si = false;
  void start(std::string_view name, const XML_Char**) override {
    if (name == "si") {
      in_si = true;
      strings.emplace_back();
    } else if (name == "t") {
      ++in_t;
    } else if (name == "rPh") {
      ++in_phonetic;
    }
  }
  void end(std::string_view name) override {
    if (name == "si") in_si = false;
    if (name == "t" && in_t > 0) --in_t;
    if (name == "rPh" && in_phonetic > 0) --in_phonetic;
  }
  void text(std::string_view s) override {
    if (!in_si || in_t == 0 || in_phonetic > 0) return;
    strings.back() += s;
  }
};

// xl/styles.xml: how each cell format (the s= of a cell) shows numbers.
struct StylesPart : PartReader {
  std::map<int, std::string> custom;  // numFmtId → formatCode
  std::vector<int> xf_formats;        // cellXfs, in order: numFmtId
  bool in_cell_xfs = false;
  void start(std::string_view name, const XML_Char** attrs) override {
    if (name == "numFmt") {
      const char* id = attr(attrs, "numFmtId");
      const char* code = attr(attrs, "formatCode");
      if (id && code) custom[std::atoi(id)] = code;
    } else if (name == "cellXfs") {
      in_cell_xfs = true;
    } else if (name == "xf" && in_cell_xfs) {
      const char* id = attr(attrs, "numFmtId");
      xf_formats.push_back(id ? std::atoi(id) : 0);
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs = false;
  }
  Shown shown(std::size_t style) const {
    if (style >= xf_formats.size()) return Shown::number;
    int id = xf_formats[style];
    auto it = custom.find(id);
    return it != custom.end() ? custom_format(it->second) : builtin_format(id);
  }
};

// A worksheet: its rows, each cell as Excel shows it.
struct SheetPart : PartReader {
  const std::vector<std::string>* strings = nullptr;
  const StylesPart* styles = nullptr;
  bool date1904 = false;
  std::vector<SheetRow>* rows = nullptr;
  std::size_t cells_kept = 0;

  int row = 0;           // the current row's number
  std::size_t col = 0;   // the next cell's column when it has no r=
  bool in_cell = false;  // inside <c>
  std::size_t cell_col = 0;
  std::string type, value, inline_text, formula;
  std::size_t style = 0;
  int in_v = 0, in_t = 0, in_is = 0, in_f = 0;
  bool has_formula = false, has_value = false;

  void start(std::string_view name, const XML_Char** attrs) override {
    if (name == "row") {
      const char* r = attr(attrs, "r");
      int n = r ? std::atoi(r) : row + 1;
      if (n < 1 || n > kMaxRow) {
        error = {"row number out of range", "行号超出范围"};
        return;
      }
      row = n;
      col = 0;
      rows->push_back(SheetRow{row, {}});
    } else if (name == "c") {
      if (rows->empty()) rows->push_back(SheetRow{row = 1, {}});
      in_cell = true;
      const char* r = attr(attrs, "r");
      cell_col = col;
      if (r) {
        auto ref = parse_ref(r);
        if (!ref) {
          error = {"bad cell reference \"" + sanitize(r) + "\"",
                   "无效的单元格引用“" + sanitize(r) + "”"};
          return;
        }
        cell_col = ref->first;
      }
      if (cell_col >= kMaxColumn) {
        error = {"column out of range", "列号超出范围"};
        return;
      }
      col = cell_col + 1;
      const char* t = attr(attrs, "t");
      type = t ? t : "n";
      const char* s = attr(attrs, "s");
      style = s ? static_cast<std::size_t>(std::strtoul(s, nullptr, 10)) : 0;
      value.clear();
      inline_text.clear();
      formula.clear();
      has_formula = has_value = false;
    } else if (in_cell && name == "f") {
      ++in_f;
      has_formula = true;
    } else if (in_cell && name == "v") {
      ++in_v;
      has_value = true;
    } else if (in_cell && name == "is") {
      ++in_is;
    } else if (in_is && name == "t") {
      ++in_t;
    }
  }

  void text(std::string_view s) override {
    if (in_v) value += s;
    if (in_is && in_t) inline_text += s;
    if (in_f) formula += s;
    if (value.size() + inline_text.size() + formula.size() > kMaxPartBytes)
      error = {"a cell too long", "单元格内容过长"};
  }

  void end(std::string_view name) override {
    if (name == "v" && in_v) --in_v;
    if (name == "t" && in_t) --in_t;
    if (name == "is" && in_is) --in_is;
    if (name == "f" && in_f) --in_f;
    if (name != "c" || !in_cell) return;
    in_cell = false;
    // A formula whose result was never saved (a workbook written by a
    // program, not by Excel or WPS): no <v>, or an empty one where only a
    // text result (t="str") may be empty. Kept aside, so that the import
    // says so where it needs the cell rather than read it as empty.
    if (has_formula && value.empty() && type != "inlineStr" && !(type == "str" && has_value)) {
      if (++cells_kept > kMaxCells) {
        error = too_many_cells();
        return;
      }
      rows->back().unsaved_formulas.emplace_back(cell_col, formula);
      return;
    }
    std::string shown;
    if (type == "s") {
      std::size_t i = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), i);
      if (ec != std::errc() || end != value.data() + value.size() || i >= strings->size()) {
        const std::string cell = column_letters(cell_col) + std::to_string(row);
        error = {"cell " + cell + " names no shared string",
                 "单元格 " + cell + " 所指的共享字符串不存在"};
        return;
      }
      shown = (*strings)[i];
    } else if (type == "inlineStr") {
      shown = inline_text;
    } else if (type == "b") {
      shown = value == "1" ? "TRUE" : "FALSE";
    } else if (type == "str" || type == "e" || type == "d") {
      shown = value;  // a formula's text, an error (#N/A), an ISO date
    } else {
      shown = value.empty() ? "" : number_text(value, styles->shown(style), date1904);
    }
    if (shown.empty()) return;
    auto& cells = rows->back().cells;
    if (cell_col >= cells.size()) {
      cells_kept += cell_col + 1 - cells.size();
      if (cells_kept > kMaxCells) {
        error = too_many_cells();
        return;
      }
      cells.resize(cell_col + 1);
    }
    cells[cell_col] = std::move(shown);
  }
};

// What the two readers say of a workbook without sheets, and of a --sheet
// it lacks (`names`: its sheets, quoted).
Message no_worksheet() {
  return {"the workbook has no worksheet", "工作簿里没有工作表"};
}
Message no_such_sheet(const std::string& sheet_name, const std::string& names) {
  return {"no worksheet '" + sanitize(sheet_name) + "' (the sheets: " + sanitize(names) + ")",
          "没有名为“" + sanitize(sheet_name) + "”的工作表（有：" + sanitize(names) + "）"};
}

Expected<Sheet> read_xlsx(const std::string& path, const std::string& sheet_name) {
  Xlsx book(path);
  if (Outcome opened = book.open(); !opened) return opened.error();
  WorkbookPart workbook;
  if (Outcome read = book.parse("xl/workbook.xml", workbook); !read) return read.error();
  RelsPart rels;
  if (Outcome read = book.parse("xl/_rels/workbook.xml.rels", rels); !read) return read.error();
  if (workbook.sheets.empty()) return book.fail(no_worksheet());
  const WorkbookPart::SheetRef* chosen = &workbook.sheets.front();
  if (!sheet_name.empty()) {
    chosen = nullptr;
    std::string names;
    for (const auto& s : workbook.sheets) {
      if (s.name == sheet_name) chosen = &s;
      names += (names.empty() ? "'" : ", '") + s.name + "'";
    }
    if (!chosen) return book.fail(no_such_sheet(sheet_name, names));
  }
  auto target = rels.targets.find(chosen->rel);
  if (target == rels.targets.end())
    return book.fail(Message{"damaged workbook: sheet '" + sanitize(chosen->name) + "' has no part",
                             "工作簿已损坏：找不到工作表“" + sanitize(chosen->name) + "”的内容"});
  std::string part = target->second;
  part = part.starts_with('/') ? part.substr(1) : "xl/" + part;

  SharedStringsPart strings;
  if (book.has("xl/sharedStrings.xml")) {
    if (Outcome read = book.parse("xl/sharedStrings.xml", strings); !read) return read.error();
  }
  StylesPart styles;
  if (book.has("xl/styles.xml")) {
    if (Outcome read = book.parse("xl/styles.xml", styles); !read) return read.error();
  }
  Sheet sheet;
  sheet.file = path;
  sheet.cell_prefix = path + ":" + chosen->name + "!";
  SheetPart reader;
  reader.strings = &strings.strings;
  reader.styles = &styles;
  reader.date1904 = workbook.date1904;
  reader.rows = &sheet.rows;
  if (Outcome read = book.parse(part, reader); !read) return read.error();
  return sheet;
}

// ---------------------------------------------------------------------------
// .xls through freexl.

Message password_protected() {
  return {
      "the workbook is password-protected; open it in the spreadsheet, save a copy without "
      "the password, and import that",
      "工作簿设了密码；请在表格软件里打开，去掉密码另存一份，再导入"};
}

// Whether the compound file at `path` was saved with a password, as its
// structure shows, for a file freexl could not read: an encrypted .xlsx is
// a compound file holding a stream named EncryptedPackage (MS-OFFCRYPTO
// 2.3.4), which freexl finds no workbook in; an encrypted .xls has a
// FILEPASS record (type 002F) right after the BOF record of its workbook
// stream (MS-XLS 2.4.117), and the records after it are noise to freexl.
// The file is looked through for a directory entry of that name (entries
// start every 128 bytes) and for a BIFF8 workbook BOF (a stream's start:
// every 64 bytes) followed by FILEPASS.
bool saved_with_password(const std::string& path) {
  static constexpr char kEncryptedPackage[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
  static constexpr unsigned char kWorkbookBof[] = {0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00};
  constexpr std::size_t kBofBytes = 20, kFilepass = 0x2F;
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!f) return false;
  // A chunk is a whole number of 128-byte steps: nothing looked for spans two.
  static_assert(sizeof kEncryptedPackage - 1 <= 128 && kBofBytes + 2 <= 64);
  std::vector<unsigned char> chunk(1 << 16);
  for (std::size_t n; (n = std::fread(chunk.data(), 1, chunk.size(), f.get())) > 0;) {
    for (std::size_t at = 0; at + 64 <= n; at += 64) {
      const unsigned char* p = chunk.data() + at;
      if (at % 128 == 0 && std::memcmp(p, kEncryptedPackage, sizeof kEncryptedPackage - 1) == 0)
        return true;
      if (std::memcmp(p, kWorkbookBof, sizeof kWorkbookBof) == 0 && p[kBofBytes] == kFilepass &&
          p[kBofBytes + 1] == 0)
        return true;
    }
  }
  return false;
}

Expected<Sheet> read_xls_here(const std::string& path, const std::string& sheet_name) {
  auto fail = [&](Message message) { return make_error(Location{path}, std::move(message)); };
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) > kMaxXlsBytes && !ec)
    return fail(Message{
        "larger than " + std::to_string(kMaxXlsBytes >> 20) + " MiB; not a sheet of figures",
        "大于 " + std::to_string(kMaxXlsBytes >> 20) + " MiB，不像一张数据表"});
  const void* handle = nullptr;
  int rc = freexl_open(path.c_str(), &handle);
  std::unique_ptr<const void, int (*)(const void*)> closer(handle, freexl_close);
  if (rc != FREEXL_OK || !handle) {
    if (saved_with_password(path)) return fail(password_protected());
    return fail(Message{"cannot read it as an Excel 97-2003 workbook: ",
                        "无法作为 Excel 97-2003 工作簿读取："} +
                freexl_reason(rc));
  }
  // A workbook saved with a password is encrypted past its first records,
  // and freexl does not decrypt it: what it read would not be the cells.
  unsigned int protection = 0;
  if (freexl_get_info(handle, FREEXL_BIFF_PASSWORD, &protection) == FREEXL_OK &&
      protection == FREEXL_BIFF_OBFUSCATED)
    return fail(password_protected());
  unsigned int count = 0;
  if (freexl_get_info(handle, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK || count == 0)
    return fail(no_worksheet());
  std::optional<unsigned short> chosen;
  std::string chosen_name, names;
  for (unsigned short i = 0; i < count && i < 0xFFFF; ++i) {
    const char* name = nullptr;
    if (freexl_get_worksheet_name(handle, i, &name) != FREEXL_OK || !name) continue;
    names += (names.empty() ? "'" : ", '") + std::string(name) + "'";
    if (!chosen && (sheet_name.empty() || sheet_name == name)) {
      chosen = i;
      chosen_name = name;
    }
  }
  if (!chosen) return fail(no_such_sheet(sheet_name, names));
  unsigned int nrows = 0;
  unsigned short ncols = 0;
  if (freexl_select_active_worksheet(handle, *chosen) != FREEXL_OK ||
      freexl_worksheet_dimensions(handle, &nrows, &ncols) != FREEXL_OK)
    return fail(Message{"damaged workbook: cannot read sheet '" + sanitize(chosen_name) + "'",
                        "工作簿已损坏：无法读取工作表“" + sanitize(chosen_name) + "”"});
  if (static_cast<std::size_t>(nrows) * ncols > kMaxCells) return fail(too_many_cells());
  Sheet sheet;
  sheet.file = path;
  sheet.cell_prefix = path + ":" + chosen_name + "!";
  sheet.percent_unknown = true;  // freexl reads no number formats but dates'
  for (unsigned int r = 0; r < nrows; ++r) {
    SheetRow row{static_cast<int>(r + 1), {}};
    for (unsigned short c = 0; c < ncols; ++c) {
      FreeXL_CellValue v;
      if (freexl_get_cell_value(handle, r, c, &v) != FREEXL_OK)
        return fail(Message{
            "damaged workbook: cannot read cell " + column_letters(c) + std::to_string(r + 1),
            "工作簿已损坏：无法读取单元格 " + column_letters(c) + std::to_string(r + 1)});
      std::string shown;
      switch (v.type) {
        case FREEXL_CELL_INT:
          shown = std::to_string(v.value.int_value);
          break;
        case FREEXL_CELL_DOUBLE:
          shown = std::isfinite(v.value.double_value) ? shortest(v.value.double_value) : "";
          break;
        case FREEXL_CELL_TEXT:
        case FREEXL_CELL_SST_TEXT:
        case FREEXL_CELL_DATE:
        case FREEXL_CELL_DATETIME:
        case FREEXL_CELL_TIME:
          shown = v.value.text_value ? v.value.text_value : "";
          break;
        default:
          break;
      }
      if (shown.empty()) continue;
      row.cells.resize(static_cast<std::size_t>(c) + 1);
      row.cells[c] = std::move(shown);
    }
    if (!row.cells.empty()) sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

// The child's answer on the pipe: 'E' and the message (in English, then in
// Chinese, empty when it has none), or 'S', the sheet's
// cell prefix and its rows, each string as a 4-byte length and its bytes.
void put_u32(std::string& out, std::size_t n) {
  auto v = static_cast<std::uint32_t>(n);
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
void put_string(std::string& out, std::string_view s) {
  put_u32(out, s.size());
  out += s;
}
std::string encode(const Expected<Sheet>& sheet) {
  std::string out;
  if (!sheet) {
    out += 'E';
    put_string(out, sheet.error().message);
    put_string(out, sheet.error().message_zh);
    return out;
  }
  out += 'S';
  put_string(out, sheet->cell_prefix);
  put_u32(out, sheet->rows.size());
  for (const SheetRow& r : sheet->rows) {
    put_u32(out, static_cast<std::size_t>(r.line));
    put_u32(out, r.cells.size());
    for (const std::string& c : r.cells) put_string(out, c);
  }
  return out;
}
struct Decoder {
  std::string_view in;
  bool ok = true;
  std::uint32_t u32() {
    std::uint32_t v = 0;
    if (in.size() < sizeof v) {
      ok = false;
      return 0;
    }
    std::memcpy(&v, in.data(), sizeof v);
    in.remove_prefix(sizeof v);
    return v;
  }
  std::string string() {
    std::uint32_t n = u32();
    if (!ok || in.size() < n) {
      ok = false;
      return {};
    }
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
  }
};

// freexl runs in a child process, and plan reads its answer from a pipe:
// libfreexl 1.0.6 reads past its own buffers on some malformed files
// (fuzz/README.md), and whatever that does ends the child, not plan. When
// no child can be made, it runs here.
Expected<Sheet> read_xls(const std::string& path, const std::string& sheet_name) {
  int fds[2];
  if (::pipe(fds) != 0) return read_xls_here(path, sheet_name);
  std::fflush(nullptr);  // nothing buffered is written twice
  pid_t child = ::fork();
  if (child < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return read_xls_here(path, sheet_name);
  }
  if (child == 0) {
    ::close(fds[0]);
    std::string out = encode(read_xls_here(path, sheet_name));
    for (std::size_t done = 0; done < out.size();) {
      ssize_t n = ::write(fds[1], out.data() + done, out.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) ::_exit(1);
      done += static_cast<std::size_t>(n);
    }
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string answer;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    answer.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  auto failed = [&] {
    std::string how =
        WIFSIGNALED(status) ? " (signal " + std::to_string(WTERMSIG(status)) + ")" : "";
    return make_error(Location{path},
                      Message{"damaged workbook: the .xls reader (freexl) failed on it" + how +
                                  "; save it from the spreadsheet as .xlsx",
                              "工作簿已损坏：.xls 读取程序（freexl）读它时出错" + how +
                                  "；请在表格软件里另存为 .xlsx"});
  };
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || answer.empty()) return failed();
  Decoder d{answer};
  d.in.remove_prefix(1);
  if (answer[0] == 'E') {
    std::string message = d.string();
    std::string message_zh = d.string();
    if (!d.ok || !d.in.empty()) return failed();
    return make_error(Location{path}, Message{std::move(message), std::move(message_zh)});
  }
  Sheet sheet;
  sheet.file = path;
  sheet.cell_prefix = d.string();
  sheet.percent_unknown = true;
  std::uint32_t rows = d.u32();
  for (std::uint32_t r = 0; d.ok && r < rows; ++r) {
    SheetRow row;
    row.line = static_cast<int>(d.u32());
    std::uint32_t cells = d.u32();
    for (std::uint32_t c = 0; d.ok && c < cells; ++c) row.cells.push_back(d.string());
    sheet.rows.push_back(std::move(row));
  }
  if (!d.ok || answer[0] != 'S' || !d.in.empty()) return failed();
  return sheet;
}

}  // namespace

Expected<Sheet> read_workbook(const std::string& path, const std::string& sheet_name) {
  // By content, not name: a .xls saved by WPS may be an .xlsx inside.
  char magic[4] = {};
  auto cannot_read = [&path](int err) {
    return make_io_error(Location{path},
                         Message{"cannot read the file: ", "无法读取文件："} +
                             system_reason(std::error_code(err, std::generic_category())));
  };
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    std::size_t n = std::fread(magic, 1, sizeof magic, f);
    int err = std::ferror(f) ? errno : 0;  // a folder opens, and fails to read (EISDIR)
    std::fclose(f);
    if (err) return cannot_read(err);
    if (n == 4 && magic[0] == 'P' && magic[1] == 'K') return read_xlsx(path, sheet_name);
    if (n == 4 && static_cast<unsigned char>(magic[0]) == 0xD0 &&
        static_cast<unsigned char>(magic[1]) == 0xCF)
      return read_xls(path, sheet_name);
    return make_error(Location{path},
                      Message{"not an Excel workbook (neither .xlsx nor .xls inside); save it from "
                              "the spreadsheet as .xlsx, or as CSV",
                              "不是 Excel 工作簿（里面既不是 .xlsx 也不是 .xls）；请在表格软件里"
                              "另存为 .xlsx 或 CSV"});
  }
  return cannot_read(errno);
}

}  // namespace plan
