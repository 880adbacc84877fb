#include "diagnostic.h"

#include <algorithm>
#include <cerrno>

#include "text.h"

namespace plan {

std::string Location::to_string() const {
  std::string s = file.empty() ? "<input>" : file;
  if (line > 0) {
    s += ':' + std::to_string(line);
    if (column > 0) s += ':' + std::to_string(column);
  }
  return s;
}

std::string Diagnostic::headline(bool chinese) const {
  // A problem with no place (no project found) is just its message. File
  // names and messages quote what they were given (a GBK file name, a
  // value from the command line): sanitized like all terminal text.
  std::string s = where.file.empty() ? "" : where.to_string() + ": ";
  chinese = chinese && !message_zh.empty();
  if (severity == Severity::warning) s += chinese ? "警告：" : "warning: ";
  return sanitize(s + (chinese ? message_zh : message));
}

std::string Diagnostic::to_string(bool chinese) const {
  std::string s = headline(chinese);
  if (source_line.empty()) return s;
  // The caret sits under the column on screen: wide characters before it
  // count twice, tabs are kept so the terminal expands them the same way.
  // Columns count the characters of the line as read, so the walk is over
  // source_line: a control character or invalid byte is one column there
  // but four ("\x1b") in the sanitized line shown.
  s += "\n  " + sanitize(source_line) + "\n  ";
  int col = 1;
  std::string_view rest = source_line;
  while (col < where.column && !rest.empty()) {
    std::size_t len = utf8_length(rest);
    std::string_view ch = rest.substr(0, len);
    if (ch == "\t") {
      s += '\t';
    } else {
      s.append(static_cast<std::size_t>(text_width(sanitize(ch))), ' ');
    }
    rest.remove_prefix(len);
    ++col;
  }
  s += '^';
  return s;
}

Diagnostic make_error(Location where, std::string message, std::string source_line) {
  Diagnostic d;
  d.where = std::move(where);
  d.message = std::move(message);
  d.source_line = std::move(source_line);
  return d;
}

Diagnostic make_warning(Location where, std::string message, std::string source_line) {
  Diagnostic d = make_error(std::move(where), std::move(message), std::move(source_line));
  d.severity = Severity::warning;
  return d;
}

Message operator+(const Message& a, const Message& b) {
  // An empty part (both empty) is no part.
  const auto untranslated = [](const Message& m) { return m.zh.empty() && !m.en.empty(); };
  if (untranslated(a) || untranslated(b)) return {a.en + b.en, ""};
  return {a.en + b.en, a.zh + b.zh};
}

void append(Diagnostic& d, const Message& more) {
  d.message += more.en;
  if (!d.message_zh.empty()) d.message_zh += more.zh;
}

Message system_reason(const std::error_code& ec) {
  std::string en = ec.message();
  if (ec.category() != std::generic_category() && ec.category() != std::system_category())
    return {en, en};
  const char* zh = nullptr;
  switch (ec.value()) {
    case ENOENT:
      zh = "没有该文件或文件夹";
      break;
    case EACCES:
    case EPERM:
      zh = "没有权限";
      break;
    case ENOSPC:
      zh = "磁盘已满";
      break;
    case EDQUOT:
      zh = "超出磁盘配额";
      break;
    case EFBIG:
      zh = "文件过大";
      break;
    case EROFS:
      zh = "只读的文件系统";
      break;
    case EISDIR:
      zh = "这是文件夹，不是文件";
      break;
    case ENOTDIR:
      zh = "路径中有一项不是文件夹";
      break;
    case EIO:
      zh = "输入/输出错误";
      break;
    case ENAMETOOLONG:
      zh = "文件名过长";
      break;
    case ELOOP:
      zh = "符号链接层数过多";
      break;
    case EMFILE:
    case ENFILE:
      zh = "打开的文件过多";
      break;
    default:
      break;
  }
  return {en, zh ? zh : en};
}

Diagnostic make_error(Location where, Message message, std::string source_line) {
  Diagnostic d = make_error(std::move(where), std::move(message.en), std::move(source_line));
  d.message_zh = std::move(message.zh);
  return d;
}

Diagnostic make_warning(Location where, Message message, std::string source_line) {
  Diagnostic d = make_warning(std::move(where), std::move(message.en), std::move(source_line));
  d.message_zh = std::move(message.zh);
  return d;
}

Diagnostic make_io_error(Location where, std::string message) {
  return make_io_error(std::move(where), Message{std::move(message), ""});
}

Diagnostic make_io_error(Location where, Message message) {
  Diagnostic d = make_error(std::move(where), std::move(message));
  d.kind = ErrorKind::io;
  return d;
}

Diagnostic make_not_found(Location where, Message message) {
  Diagnostic d = make_error(std::move(where), std::move(message));
  d.kind = ErrorKind::not_found;
  return d;
}

Diagnostic make_not_found(Location where, std::string message) {
  return make_not_found(std::move(where), Message{std::move(message), ""});
}

Diagnostic make_usage_error(Message message) {
  Diagnostic d = make_usage_error(std::move(message.en));
  d.message_zh = std::move(message.zh);
  return d;
}

Diagnostic make_usage_error(std::string message) {
  Diagnostic d = make_error({}, std::move(message));
  d.kind = ErrorKind::usage;
  return d;
}

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const {
  return items_.size() - error_count();
}

const Diagnostic* Diagnostics::first_error() const {
  for (const auto& d : items_)
    if (d.severity == Severity::error) return &d;
  return nullptr;
}

}  // namespace plan
