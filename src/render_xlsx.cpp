#include "render_xlsx.h"

#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "render.h"
#include "text.h"

namespace plan {
namespace {

constexpr lxw_row_t kHeaderRow = 2;  // title, as-of date, then the header
constexpr std::size_t kMaxRows = 1048576;
constexpr std::size_t kMaxString = 32767;  // Excel's longest cell text, in bytes here

// The fill of a row by its status's tone: Excel's own "good", "neutral" and
// "bad" cell styles, a pale blue for on track and grey for no data.
std::optional<lxw_color_t> fill_of(Tone t) {
  switch (t) {
    case Tone::good:
      return 0xC6EFCE;
    case Tone::fine:
      return 0xDDEBF7;
    case Tone::warn:
      return 0xFFEB9C;
    case Tone::bad:
      return 0xFFC7CE;
    case Tone::dim:
      return 0xEDEDED;
    case Tone::plain:
      break;
  }
  return std::nullopt;
}

// "#,##0" for whole amounts, "#,##0.0" for one decimal (94.1 %), and so on:
// as many decimals as the figure has, so that 94.1 shows as 94.1.
std::string amount_format(Decimal d) {
  std::string s = d.to_string();
  std::size_t dot = s.find('.');
  if (dot == std::string::npos) return "#,##0";
  return "#,##0." + std::string(s.size() - dot - 1, '0');
}

std::string number_format(const Cell& c, const std::string& key) {
  switch (c.type) {
    case CellType::amount:
      return amount_format(c.amount);
    case CellType::ratio:
    case CellType::bar:
      return "0.0%";
    case CellType::number:
      return c.decimals < 0    ? "#,##0.00"
             : c.decimals == 0 ? "#,##0"
                               : "#,##0." + std::string(static_cast<std::size_t>(c.decimals), '0');
    case CellType::count:
      // A year or a line number is a count without a thousands separator.
      return key == "year" || key == "line" ? "0" : "#,##0";
    case CellType::date:
      return "yyyy-mm-dd";
    default:
      return "";
  }
}

// Text as Excel takes it: valid UTF-8, at most 32,767 bytes, cut at a
// character boundary.
std::string cell_text(std::string_view s) {
  std::string t = valid_utf8(s);
  if (t.size() <= kMaxString) return t;
  std::size_t cut = kMaxString;
  while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
  t.resize(cut);
  return t;
}

class Writer {
 public:
  explicit Writer(lxw_workbook* wb) : wb_(wb) {}

  // The format for a number format and a fill, made once and shared.
  lxw_format* format(const std::string& num, std::optional<lxw_color_t> fill, bool bold = false) {
    std::string key = num + "|" + (fill ? std::to_string(*fill) : "") + (bold ? "|b" : "");
    auto it = formats_.find(key);
    if (it != formats_.end()) return it->second;
    lxw_format* f = workbook_add_format(wb_);
    if (!num.empty()) format_set_num_format(f, num.c_str());
    if (fill) {
      format_set_pattern(f, LXW_PATTERN_SOLID);
      format_set_bg_color(f, *fill);
    }
    if (bold) format_set_bold(f);
    formats_.emplace(key, f);
    return f;
  }

 private:
  lxw_workbook* wb_;
  std::map<std::string, lxw_format*> formats_;
};

bool write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const Cell& cell,
                const std::string& key, bool zh, lxw_format* f) {
  switch (cell.type) {
    case CellType::empty:
      return worksheet_write_blank(ws, r, c, f) == LXW_NO_ERROR;
    case CellType::text:
    case CellType::status: {
      std::string s = cell_text(zh && !cell.text_zh.empty() ? cell.text_zh : cell.text);
      if (s.empty()) return worksheet_write_blank(ws, r, c, f) == LXW_NO_ERROR;
      // Always a string: text that looks like a formula is not one.
      return worksheet_write_string(ws, r, c, s.c_str(), f) == LXW_NO_ERROR;
    }
    case CellType::amount:
      return worksheet_write_number(ws, r, c, cell.amount.to_double(), f) == LXW_NO_ERROR;
    case CellType::ratio:
    case CellType::number:
    case CellType::bar:
      if (!std::isfinite(cell.value)) return worksheet_write_blank(ws, r, c, f) == LXW_NO_ERROR;
      return worksheet_write_number(ws, r, c, cell.value, f) == LXW_NO_ERROR;
    case CellType::count:
      return worksheet_write_number(ws, r, c, static_cast<double>(cell.whole), f) == LXW_NO_ERROR;
    case CellType::date: {
      // Excel's dates start in 1900; earlier ones stay ISO text.
      if (cell.date.year() < 1900 || cell.date.year() > 9999)
        return worksheet_write_string(ws, r, c, cell.date.iso().c_str(), f) == LXW_NO_ERROR;
      lxw_datetime dt = {cell.date.year(), cell.date.month(), cell.date.day(), 0, 0, 0};
      return worksheet_write_datetime(ws, r, c, &dt, f) == LXW_NO_ERROR;
    }
  }
  (void)key;
  return false;
}

// Excel column width in characters: the widest of the header and the cells
// as people read them, CJK counting two, plus a margin; at most 60.
double column_width(const Table& t, std::size_t i, const std::string& header, bool zh) {
  int w = text_width(valid_utf8(header));
  for (const Row& row : t.rows)
    if (i < row.cells.size())
      w = std::max(w, text_width(valid_utf8(format_cell(row.cells[i], zh))));
  return std::max(t.columns[i].xlsx_width, std::min(60, w + 2));
}

Outcome write_sheet(lxw_workbook* wb, Writer& fmt, const XlsxBook& book, const XlsxSheet& s) {
  const Table& t = *s.table;
  if (t.rows.size() + kHeaderRow + 1 > kMaxRows)
    return make_error({}, Message{"too many rows for an Excel sheet (" +
                                      std::to_string(t.rows.size()) + "; at most 1,048,573)",
                                  "行数超出 Excel 工作表上限（" + std::to_string(t.rows.size()) +
                                      " 行；最多 1,048,573 行）"});
  const std::string& name = book.zh && !s.name_zh.empty() ? s.name_zh : s.name;
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (!ws)
    return make_error({}, Message{"cannot name an Excel sheet '" + name + "'",
                                  "Excel 不接受工作表名“" + name + "”"});

  std::vector<std::size_t> cols;
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].csv) cols.push_back(i);

  lxw_format* bold = fmt.format("", std::nullopt, true);
  std::string title = cell_text(t.title_for(book.zh).empty() ? book.title : t.title_for(book.zh));
  if (!title.empty()) worksheet_write_string(ws, 0, 0, title.c_str(), bold);
  if (book.show_as_of) {
    worksheet_write_string(ws, 1, 0, book.zh ? "截至" : "As of", nullptr);
    write_cell(ws, 1, 1, Cell::of_date(book.as_of), "", book.zh,
               fmt.format("yyyy-mm-dd", std::nullopt));
  }

  for (std::size_t k = 0; k < cols.size(); ++k) {
    const Column& c = t.columns[cols[k]];
    std::string header = book.zh && !c.zh.empty() ? c.zh : !c.en.empty() ? c.en : c.key;
    header = cell_text(header);
    auto col = static_cast<lxw_col_t>(k);
    worksheet_write_string(ws, kHeaderRow, col, header.c_str(), bold);
    worksheet_set_column(ws, col, col, column_width(t, cols[k], header, book.zh), nullptr);
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const Row& row = t.rows[r];
    std::optional<lxw_color_t> fill;
    for (const Cell& c : row.cells)
      if (c.type == CellType::status) {
        fill = fill_of(c.tone);
        break;
      }
    auto xr = static_cast<lxw_row_t>(kHeaderRow + 1 + r);
    for (std::size_t k = 0; k < cols.size(); ++k) {
      const Cell& c = cols[k] < row.cells.size() ? row.cells[cols[k]] : Cell();
      const Column& column = t.columns[cols[k]];
      const std::string& key = column.key;
      std::string num = c.type == CellType::empty ? column.xlsx_blank : number_format(c, key);
      if (!write_cell(ws, xr, static_cast<lxw_col_t>(k), c, key, book.zh, fmt.format(num, fill)))
        return make_error({}, Message{"cannot write an Excel cell", "无法写入 Excel 单元格"});
    }
  }
  worksheet_freeze_panes(ws, kHeaderRow + 1, 0);
  if (!cols.empty())
    worksheet_autofilter(ws, kHeaderRow, 0, static_cast<lxw_row_t>(kHeaderRow + t.rows.size()),
                         static_cast<lxw_col_t>(cols.size() - 1));

  if (s.chart && !t.rows.empty()) {
    auto pos = [&](std::size_t column) {
      auto it = std::find(cols.begin(), cols.end(), column);
      return static_cast<lxw_col_t>(it - cols.begin());
    };
    lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_BAR);
    auto first = static_cast<lxw_row_t>(kHeaderRow + 1);
    auto last = static_cast<lxw_row_t>(kHeaderRow + t.rows.size());
    for (std::size_t column : s.chart->series) {
      lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
      chart_series_set_categories(series, name.c_str(), first, pos(s.chart->category), last,
                                  pos(s.chart->category));
      chart_series_set_values(series, name.c_str(), first, pos(column), last, pos(column));
      chart_series_set_name_range(series, name.c_str(), kHeaderRow, pos(column));
    }
    chart_title_set_name(chart, s.chart->title.c_str());
    // In libxlsxwriter's bar chart the x axis is the horizontal one, the
    // values; the y axis holds the categories.
    chart_axis_set_num_format(chart->x_axis, "0%");
    chart_axis_set_reverse(chart->y_axis);  // the first row at the top, as in the sheet
    lxw_chart_options where = {};
    where.x_scale = 1.5;
    where.y_scale = std::max(1.0, static_cast<double>(t.rows.size()) / 8.0);
    worksheet_insert_chart_opt(ws, static_cast<lxw_row_t>(last + 2), 0, chart, &where);
  }
  return {};
}

// libxlsxwriter prints lines of its own ("[ERROR][packager.c:1541]: ...")
// on standard error before it returns an error, which plan words in one
// line of its own: standard error points at /dev/null while the library
// works. (Only the record reader has threads, and it is done by now.)
class QuietStderr {
 public:
  QuietStderr() {
    std::fflush(stderr);
    saved_ = ::fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 0);
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved_ >= 0 && null >= 0) ::dup2(null, STDERR_FILENO);
    if (null >= 0) ::close(null);
  }
  ~QuietStderr() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
  }
  QuietStderr(const QuietStderr&) = delete;
  QuietStderr& operator=(const QuietStderr&) = delete;

 private:
  int saved_ = -1;
};

}  // namespace

Message xlsx_reason(int err) {
  // Its sentences end in a full stop, plan's messages do not.
  std::string en = lxw_strerror(static_cast<lxw_error>(err));
  if (en.ends_with('.')) en.pop_back();
  // The reasons closing a workbook meets: its temporary files and the zip
  // archive (a full or unwritable temporary folder, mostly). Others keep
  // libxlsxwriter's English in both languages, as system_reason does.
  switch (err) {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      return {en, "内存不足"};
    case LXW_ERROR_CREATING_XLSX_FILE:
      return {en, "无法创建 xlsx 文件，通常是没有权限"};
    case LXW_ERROR_CREATING_TMPFILE:
      return {en, "生成文件时无法创建临时文件"};
    case LXW_ERROR_READING_TMPFILE:
      return {en, "无法读取临时文件"};
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      return {en, "写入 xlsx 压缩包时出错"};
    default:
      return {en, en};
  }
}

Expected<std::string> render_xlsx(const XlsxBook& book) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) dir = "/tmp";
  std::string path = (dir / "plan-xlsx.XXXXXX").string();
  int fd = mkstemp(path.data());
  if (fd < 0) {
    const int err = errno;
    return make_io_error(
        {dir.string()},
        Message{"cannot make a temporary file for the workbook: ", "无法为工作簿创建临时文件："} +
            system_reason(std::error_code(err, std::generic_category())));
  }
  ::close(fd);
  struct Remove {
    std::string p;
    ~Remove() { ::unlink(p.c_str()); }
  } remove{path};

  const QuietStderr quiet;
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return make_io_error({path}, Message{"cannot start the workbook", "无法创建工作簿"});
  // The creation time is the as-of day at midnight UTC: the same inputs give
  // the same bytes, whenever they are written.
  std::tm tm = {};
  tm.tm_year = book.as_of.year() - 1900;
  tm.tm_mon = book.as_of.month() - 1;
  tm.tm_mday = book.as_of.day();
  lxw_doc_properties props = {};
  std::string title = cell_text(book.title);
  props.title = title.data();
  props.created = timegm(&tm);
  workbook_set_properties(wb, &props);

  Writer fmt(wb);
  for (const XlsxSheet& s : book.sheets) {
    if (Outcome o = write_sheet(wb, fmt, book, s); !o) {
      workbook_close(wb);
      return o.error();
    }
  }
  errno = 0;
  if (lxw_error err = workbook_close(wb); err != LXW_NO_ERROR) {
    // The library's reason is about its zip or temporary files; the
    // system's, when it is about the disk, says what to do about it. The
    // folder, not the temporary file, which is gone.
    const int why = errno;
    Message reason = xlsx_reason(err);
    if (why == ENOSPC || why == EDQUOT || why == EFBIG || why == EROFS || why == EIO)
      reason = reason + Message{": ", "："} +
               system_reason(std::error_code(why, std::generic_category()));
    return make_io_error({dir.string()},
                         Message{"cannot write the workbook: ", "无法写出工作簿："} + reason);
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return make_io_error({path}, Message{"cannot read the workbook back", "无法读回工作簿"});
  return bytes.str();
}

}  // namespace plan
