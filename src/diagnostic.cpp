#include "diagnostic.h"

#include <algorithm>

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
  Diagnostic d = make_error(std::move(where), std::move(message));
  d.kind = ErrorKind::io;
  return d;
}

Diagnostic make_io_error(Location where, Message message) {
  Diagnostic d = make_error(std::move(where), std::move(message));
  d.kind = ErrorKind::io;
  return d;
}

Diagnostic make_not_found(Location where, std::string message) {
  Diagnostic d = make_error(std::move(where), std::move(message));
  d.kind = ErrorKind::not_found;
  return d;
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
