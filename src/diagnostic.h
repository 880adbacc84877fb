// Errors are values. A Diagnostic carries where a problem was found (file,
// line, column) from the place that finds it to the place that prints it.
#pragma once

#include <string>
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

struct Diagnostic {
  Severity severity = Severity::error;
  Location where;
  std::string message;
  // The offending source line, when there is one; printed under the message
  // with a caret under `where.column`.
  std::string source_line;

  // One line: "FILE:LINE:COL: message" for errors,
  // "FILE:LINE:COL: warning: message" for warnings; without a file, the
  // message alone.
  std::string headline() const;
  // The headline, then (when source_line is set) the line and a caret.
  std::string to_string() const;
};

Diagnostic make_error(Location where, std::string message, std::string source_line = {});
Diagnostic make_warning(Location where, std::string message, std::string source_line = {});

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
  const std::vector<Diagnostic>& items() const { return items_; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  const Diagnostic* first_error() const;

 private:
  std::vector<Diagnostic> items_;
};

// Either a value or the Diagnostic that explains why there is none.
template <class T>
class Expected {
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

 private:
  std::variant<T, Diagnostic> v_;
};

}  // namespace plan
