#include "csv.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>

#include "gb18030.h"
#include "text.h"

namespace plan {

namespace {

class CsvParser {
 public:
  CsvParser(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  Expected<std::vector<CsvRecord>> run() {
    if (text_.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
      pos_ = kUtf8Bom.size();
      line_start_ = pos_;
    }
    std::vector<CsvRecord> records;
    while (pos_ < text_.size()) {
      if (at_line_end()) {  // an empty line: no fields, nothing to return
        skip_line_end();
        ++row_;
        continue;
      }
      CsvRecord rec;
      rec.line = line_;
      rec.row = row_++;
      for (;;) {
        std::string field;
        rec.starts.push_back({line_, column_of(pos_)});
        Outcome read = text_[pos_] == '"' ? quoted(&field) : unquoted(&field);
        if (!read) return read.error();
        rec.fields.push_back(std::move(field));
        if (pos_ < text_.size() && text_[pos_] == ',') {
          ++pos_;
          if (pos_ == text_.size() || at_line_end()) {  // "a,"
            rec.starts.push_back({line_, column_of(pos_)});
            rec.fields.emplace_back();
          }
          if (pos_ == text_.size()) break;
          if (at_line_end()) {
            skip_line_end();
            break;
          }
          continue;
        }
        if (pos_ < text_.size()) skip_line_end();  // the field stopped at a line end
        break;
      }
      records.push_back(std::move(rec));
    }
    return records;
  }

 private:
  bool at_line_end() const { return text_[pos_] == '\n' || text_.substr(pos_, 2) == "\r\n"; }
  void skip_line_end() {
    pos_ += text_[pos_] == '\r' ? 2 : 1;
    ++line_;
    line_start_ = pos_;
  }
  // Characters, not bytes, so the column matches what an editor shows.
  // Counted on from the last column asked for on the same line: every
  // field's start is asked for, and counting from the line's start each
  // time made a row of many fields quadratic (a 200 KB row took minutes).
  int column_of(std::size_t at) {
    if (counted_to_ < line_start_ || counted_to_ > at) {
      counted_to_ = line_start_;
      counted_column_ = 1;
    }
    counted_column_ += static_cast<int>(code_points(text_.substr(counted_to_, at - counted_to_)));
    counted_to_ = at;
    return counted_column_;
  }
  Diagnostic error_at(int line, int column, std::string message) const {
    return make_error(Location{file_, line, column}, std::move(message));
  }

  // Reads up to (not including) the ',' or line end that ends the field.
  Outcome unquoted(std::string* out) {
    std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end()) {
      if (text_[pos_] == '"')
        return error_at(line_, column_of(pos_),
                        "quote inside an unquoted field; quote the whole field and double the "
                        "quotes inside it (\"\")");
      ++pos_;
    }
    out->assign(text_.substr(start, pos_ - start));
    return {};
  }

  Outcome quoted(std::string* out) {
    const int open_line = line_;
    const int open_column = column_of(pos_);
    ++pos_;  // the opening quote
    for (;;) {
      if (pos_ >= text_.size())
        return error_at(open_line, open_column, "quoted field is never closed");
      char c = text_[pos_];
      if (c == '"') {
        if (text_.substr(pos_, 2) == "\"\"") {
          *out += '"';
          pos_ += 2;
          continue;
        }
        ++pos_;
        break;
      }
      if (c == '\n' || text_.substr(pos_, 2) == "\r\n") {
        *out += '\n';  // one spelling of a line break inside fields
        skip_line_end();
        continue;
      }
      *out += c;
      ++pos_;
    }
    if (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end())
      return error_at(line_, column_of(pos_),
                      "text after the closing quote of a field; a quote inside a quoted field "
                      "is written twice (\"\")");
    return {};
  }

  std::string_view text_;
  const std::string& file_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  std::size_t counted_to_ = 0;  // column_of's last position, and its column
  int counted_column_ = 1;
  int line_ = 1;
  int row_ = 1;  // the spreadsheet row of the next record
};

// The line and column of byte `offset` of the input, given the UTF-8 text
// converted from the bytes before it. Line feeds are byte 0x0A in both
// encodings (GB18030 never uses it inside a character), so counting them in
// the converted prefix counts them in the input.
Location locate(const std::string& file, std::string_view converted_prefix) {
  Location where{file, 1, 1};
  where.line +=
      static_cast<int>(std::count(converted_prefix.begin(), converted_prefix.end(), '\n'));
  std::size_t nl = converted_prefix.rfind('\n');
  std::string_view tail =
      nl == std::string_view::npos ? converted_prefix : converted_prefix.substr(nl + 1);
  where.column += static_cast<int>(code_points(tail));
  return where;
}

std::string hex_bytes(std::string_view bytes) {
  std::string out;
  char buf[8];
  for (unsigned char b : bytes) {
    std::snprintf(buf, sizeof buf, "%s%02X", out.empty() ? "" : " ", b);
    out += buf;
  }
  return out;
}

}  // namespace

Expected<std::vector<CsvRecord>> parse_csv(std::string_view text, const std::string& file_name) {
  return CsvParser(text, file_name).run();
}

Expected<std::string> to_utf8(std::string_view bytes, std::string_view encoding,
                              const std::string& file_name) {
  std::string enc = ascii_lower(encoding);
  if (enc == "utf-8" || enc == "utf8") {
    auto bad = find_invalid_utf8(bytes);
    if (!bad) return std::string(bytes);
    const std::string at = std::to_string(*bad), hex = hex_bytes(bytes.substr(*bad, 1));
    Message m{"not valid UTF-8 (byte " + at + ": " + hex + ")",
              "不是有效的 UTF-8（字节 " + at + "：" + hex + "）"};
    // Chinese Excel's plain CSV is GB18030: said as such when the file
    // reads as it to the end.
    m = m + (reads_as_gb18030(bytes)
                 ? Message{"; the file looks like GB18030 (GBK), as Chinese Excel saves CSV: "
                           "add --encoding gb18030",
                           "；文件看来是 GB18030（GBK）编码（中文版 Excel 保存 CSV 所用）：请加 "
                           "--encoding gb18030"}
                 : Message{"; a Chinese Excel export may need --encoding gb18030",
                           "；中文版 Excel 导出的 CSV 可能要加 --encoding gb18030"});
    return make_error(locate(file_name, bytes.substr(0, *bad)), std::move(m));
  }
  // GBK (Windows' code page 936) and GB2312 are subsets of GB18030: the
  // names people know their files by.
  if (enc != "gb18030" && enc != "gbk" && enc != "gb2312" && enc != "cp936")
    return make_error(Location{file_name},
                      Message{"unknown encoding '" + std::string(encoding) +
                                  "' (use utf-8 or gb18030, which also reads gbk and gb2312)",
                              "未知的编码“" + std::string(encoding) +
                                  "”（请用 utf-8 或 gb18030；gb18030 也能读 gbk 和 gb2312）"});

  Gb18030Text text = from_gb18030(bytes);
  if (text.cannot_convert)
    return make_error(Location{file_name}, Message{"this system cannot convert from GB18030",
                                                   "本系统无法从 GB18030 转换"});
  if (text.error == 0) return std::move(text.utf8);
  const int err = text.error;
  const std::string& out = text.utf8;
  const std::size_t offset = text.read;
  const Message what = err == EINVAL ? Message{"incomplete GB18030 character at the end",
                                               "末尾的 GB18030 字符不完整"}
                                     : Message{"not valid GB18030", "不是有效的 GB18030"};
  const std::string at = std::to_string(offset), hex = hex_bytes(bytes.substr(offset, 1));
  return make_error(locate(file_name, out), what + Message{" (byte " + at + ": " + hex + ")",
                                                           "（字节 " + at + "：" + hex + "）"});
}

}  // namespace plan
