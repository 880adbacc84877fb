// Errors are values. A Diagnostic carries where a problem was found (file,
// line, column) and what kind of problem it is from the place that finds it
// to the place that prints it. Functions that can fail return one of two
// shapes: Expected<T> (a value or the Diagnostic saying why there is none)
// or Outcome (nothing, or the Diagnostic). Passes that report every problem,
// not only the first, collect them in Diagnostics.
#pragma once

#include <optional>
#include <string>
#include <system_error>
#include <variant>
#include <vector>

namespace plan {

// A position in a text file. line and column are 1-based; 0 means "unknown"
// (a whole-file problem has line 0, a whole-line problem column 0).
// Columns count characters (UTF-8 code points), not bytes.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;

  // "FILE:LINE:COL", "FILE:LINE", or "FILE", depending on what is known.
  std::string to_string() const;
};

enum class Severity { error, warning };

// What kind of problem an error is. The command layer turns the kind into
// the exit code (SPEC §6) in one place, cli::exit_code_for: bad data, I/O
// and not found exit 1, usage exits 2.
enum class ErrorKind {
  bad_data,   // the plan, the records or an import file say something wrong
  usage,      // the command line asks for what does not exist (an unknown id)
  io,         // the system refused to read, write, lock or list a file
  not_found,  // a file or folder the command needs is not there
};

// What a message says, in English and, where it has been put into Chinese,
// in Chinese: made together where the problem is found, so that the words
// of both are the same facts. An empty zh has no Chinese yet.
struct Message {
  std::string en;
  std::string zh;
};

// Both languages joined: a message built from parts, each in both. A part
// with no Chinese (English only) leaves the whole without.
Message operator+(const Message& a, const Message& b);

// The system's reason for a failed call, an errno value or an error_code
// (ec.message()'s words): in English as the system gives it, and in Chinese
// for the reasons a person meets -- no such file, no permission, a full
// disk, a read-only disk, a folder where a file belongs -- or the English
// words again.
Message system_reason(const std::error_code& ec);

struct Diagnostic;
// Adds `more` to the end of d's message, in both languages (d keeps no
// Chinese when it had none).
void append(Diagnostic& d, const Message& more);

struct Diagnostic {
  Severity severity = Severity::error;
  Location where;
  std::string message;
  // The offending source line, when there is one; printed under the message
  // with a caret under `where.column`.
  std::string source_line;
  ErrorKind kind = ErrorKind::bad_data;
  // The message in Chinese, or empty when it has none (then `message` is
  // shown in either language).
  std::string message_zh;

  // One line: "FILE:LINE:COL: message" for errors,
  // "FILE:LINE:COL: warning: message" for warnings; without a file, the
  // message alone. In Chinese (`chinese`): the Chinese message when there is
  // one, and a warning's word as 警告：.
  std::string headline(bool chinese = false) const;
  // The headline, then (when source_line is set) the line and a caret.
  std::string to_string(bool chinese = false) const;
};

// An error in the data (ErrorKind::bad_data), a warning, and the other kinds.
Diagnostic make_error(Location where, std::string message, std::string source_line = {});
Diagnostic make_warning(Location where, std::string message, std::string source_line = {});
Diagnostic make_error(Location where, Message message, std::string source_line = {});
Diagnostic make_warning(Location where, Message message, std::string source_line = {});
Diagnostic make_io_error(Location where, std::string message);
Diagnostic make_io_error(Location where, Message message);
Diagnostic make_not_found(Location where, std::string message);
Diagnostic make_not_found(Location where, Message message);
// Usage errors concern the command line, which has no file: the message alone.
Diagnostic make_usage_error(std::string message);
Diagnostic make_usage_error(Message message);

// A collector for passes that report every problem, not only the first.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(Location where, std::string message, std::string source_line = {}) {
    add(make_error(std::move(where), std::move(message), std::move(source_line)));
  }
  void warning(Location where, std::string message, std::string source_line = {}) {
    add(make_warning(std::move(where), std::move(message), std::move(source_line)));
  }
  void error(Location where, Message message, std::string source_line = {}) {
    add(make_error(std::move(where), std::move(message), std::move(source_line)));
  }
  void warning(Location where, Message message, std::string source_line = {}) {
    add(make_warning(std::move(where), std::move(message), std::move(source_line)));
  }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  const Diagnostic* first_error() const;

 private:
  std::vector<Diagnostic> items_;
};

// Either a value or the Diagnostic that explains why there is none.
// REQUIRES: value() only when ok(), error() only when !ok().
template <class T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}
  Expected(Diagnostic error) : v_(std::move(error)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Diagnostic& error() const { return std::get<1>(v_); }
  Diagnostic& error() { return std::get<1>(v_); }

 private:
  std::variant<T, Diagnostic> v_;
};

// Nothing, or the Diagnostic that explains what went wrong: the result of
// an action such as a write. `return {};` is success.
// REQUIRES: error() only when !ok().
template <>
class [[nodiscard]] Expected<void> {
 public:
  Expected() = default;
  Expected(Diagnostic error) : error_(std::move(error)) {}
  bool ok() const { return !error_; }
  explicit operator bool() const { return ok(); }
  const Diagnostic& error() const { return *error_; }
  Diagnostic& error() { return *error_; }

 private:
  std::optional<Diagnostic> error_;
};
using Outcome = Expected<void>;

}  // namespace plan
