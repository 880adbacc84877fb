#include "diagnostic.h"

#include <doctest/doctest.h>

#include <cerrno>
#include <system_error>

namespace plan {

TEST_CASE("Location::to_string shows what is known") {
  CHECK(Location{"records/2019.rec", 12, 5}.to_string() == "records/2019.rec:12:5");
  CHECK(Location{"records/2019.rec", 12, 0}.to_string() == "records/2019.rec:12");
  CHECK(Location{"plans/p.toml", 0, 0}.to_string() == "plans/p.toml");
  // A column without a line means nothing: the file alone.
  CHECK(Location{"plans/p.toml", 0, 7}.to_string() == "plans/p.toml");
  CHECK(Location{"", 3, 1}.to_string() == "<input>:3:1");
  CHECK(Location{}.to_string() == "<input>");
}

TEST_CASE("headline for errors and warnings") {
  Location at{"f.rec", 3, 13};
  CHECK(make_error(at, "unknown indicator 'x'").headline() == "f.rec:3:13: unknown indicator 'x'");
  CHECK(make_warning(at, "entered twice?").headline() == "f.rec:3:13: warning: entered twice?");
  CHECK(make_error({"f.rec"}, "cannot read").headline() == "f.rec: cannot read");
  // A problem with no place is its message alone.
  CHECK(make_error({}, "no plans/ folder").headline() == "no plans/ folder");
  CHECK(make_warning({}, "odd").headline() == "warning: odd");
}

TEST_CASE("headline in Chinese: the Chinese message, else the English one") {
  Location at{"f.rec", 3, 13};
  const Diagnostic e = make_error(at, Message{"unknown unit 'x'", "未知单位“x”"});
  CHECK(e.headline() == "f.rec:3:13: unknown unit 'x'");
  CHECK(e.headline(true) == "f.rec:3:13: 未知单位“x”");
  const Diagnostic w = make_warning(at, Message{"entered twice?", "重复录入？"});
  CHECK(w.headline() == "f.rec:3:13: warning: entered twice?");
  CHECK(w.headline(true) == "f.rec:3:13: 警告：重复录入？");
  CHECK(make_warning({}, Message{"odd", "奇怪"}).headline(true) == "警告：奇怪");
  // A message with no Chinese yet is shown in English, its warning word too.
  CHECK(make_warning(at, "odd").headline(true) == "f.rec:3:13: warning: odd");
  CHECK(make_error(at, Message{"bad", ""}).headline(true) == "f.rec:3:13: bad");
  // Sanitized as the English is.
  CHECK(make_error(at, Message{"x", "坏\x1b"}).headline(true) == "f.rec:3:13: 坏\\x1b");
  // The caret stays under the column: the source line is the same.
  const Diagnostic c = make_error({"f.rec", 1, 13}, Message{"bad", "坏"}, "2019-01-01  x  5");
  CHECK(c.to_string(true) == "f.rec:1:13: 坏\n  2019-01-01  x  5\n" + std::string(14, ' ') + "^");
}

TEST_CASE("to_string without a source line is the headline") {
  Diagnostic d = make_error({"f.rec", 2, 4}, "bad");
  CHECK(d.to_string() == "f.rec:2:4: bad");
}

TEST_CASE("the caret sits under the column") {
  // Column 13 is the 'x' of the id: 2 of indent + 12 columns before it.
  Diagnostic d = make_error({"f.rec", 1, 13}, "unknown indicator 'x'", "2019-01-01  x  5");
  CHECK(d.to_string() ==
        "f.rec:1:13: unknown indicator 'x'\n"
        "  2019-01-01  x  5\n" +
            std::string(14, ' ') + "^");
  CHECK(make_error({"f.rec", 1, 1}, "m", "abc").to_string() == "f.rec:1:1: m\n  abc\n  ^");
  // A column just past the end (a missing value) points after the last character.
  CHECK(make_error({"f.rec", 1, 4}, "m", "abc").to_string() == "f.rec:1:4: m\n  abc\n     ^");
}

TEST_CASE("wide characters before the column take two columns each") {
  // 中(1) 文(2) space(3) x(4): 2 + 2 + 1 = 5 columns before the x.
  Diagnostic d = make_error({"f.rec", 1, 4}, "m", "中文 x");
  CHECK(d.to_string() == "f.rec:1:4: m\n  中文 x\n       ^");
  // A warning shows its line the same way.
  Diagnostic w = make_warning({"f.rec", 7, 3}, "m", "就业5");
  CHECK(w.to_string() == "f.rec:7:3: warning: m\n  就业5\n      ^");
}

TEST_CASE("tabs before the column are kept so the terminal expands them alike") {
  // a(1) tab(2) b(3) tab(4) 中(5) x(6)
  Diagnostic d = make_error({"f.rec", 1, 6}, "m", "a\tb\t中x");
  CHECK(d.to_string() == "f.rec:1:6: m\n  a\tb\t中x\n   \t \t  ^");
}

TEST_CASE("the source line is shown sanitized, the caret under the same character") {
  // Columns count characters of the line as read: ESC is one, but it is
  // shown as the four columns "\x1b". a(1) ESC(2) b(3).
  Diagnostic d = make_error({"f.rec", 1, 3}, "m",
                            "a\x1b"
                            "b");
  CHECK(d.to_string() == "f.rec:1:3: m\n  a\\x1bb\n       ^");
  // An invalid byte counts as one column and shows as four, likewise.
  Diagnostic e = make_error({"f.rec", 1, 3}, "m", "\xFF\x1bz");
  CHECK(e.to_string() == "f.rec:1:3: m\n  \\xff\\x1bz\n          ^");
  // Pointing at the control character itself puts the caret at its escape.
  Diagnostic f = make_error({"f.rec", 1, 2}, "m",
                            "a\x1b"
                            "b");
  CHECK(f.to_string() == "f.rec:1:2: m\n  a\\x1bb\n   ^");
}

TEST_CASE("Diagnostics counts errors and warnings") {
  Diagnostics d;
  CHECK_FALSE(d.has_errors());
  CHECK(d.first_error() == nullptr);
  d.warning({"a", 1, 1}, "w1");
  d.error({"a", 2, 1}, "e1");
  d.warning({"a", 3, 1}, "w2");
  d.error({"a", 4, 1}, "e2");
  CHECK(d.items().size() == 4);
  CHECK(d.error_count() == 2);
  CHECK(d.warning_count() == 2);
  CHECK(d.has_errors());
  REQUIRE(d.first_error() != nullptr);
  CHECK(d.first_error()->headline() == "a:2:1: e1");
  CHECK(d.items()[0].severity == Severity::warning);
}

TEST_CASE("Expected holds a value or the error") {
  Expected<int> ok = 5;
  CHECK(ok.ok());
  CHECK(*ok == 5);
  Expected<int> bad = make_error({"f", 1, 2}, "nope");
  CHECK_FALSE(bad);
  CHECK(bad.error().headline() == "f:1:2: nope");
}

TEST_CASE("Outcome is nothing or the error") {
  Outcome fine;
  CHECK(fine.ok());
  Outcome failed = make_io_error({"r.html"}, "cannot write: Disk quota exceeded");
  REQUIRE_FALSE(failed);
  CHECK(failed.error().headline() == "r.html: cannot write: Disk quota exceeded");
  // The caller may add what it knows to the message.
  failed.error().message += "; nothing was written";
  CHECK(failed.error().message == "cannot write: Disk quota exceeded; nothing was written");
}

TEST_CASE("each kind of error keeps its kind and prints alike") {
  CHECK(make_error({"a", 1, 1}, "m").kind == ErrorKind::bad_data);
  CHECK(make_io_error({"a"}, "m").kind == ErrorKind::io);
  CHECK(make_not_found({"a"}, "m").kind == ErrorKind::not_found);
  Diagnostic usage = make_usage_error("unknown indicator 'x'");
  CHECK(usage.kind == ErrorKind::usage);
  CHECK(usage.severity == Severity::error);
  CHECK(usage.headline() == "unknown indicator 'x'");  // the command line has no file
  CHECK(make_io_error({"a"}, "m").headline() == "a: m");
}

TEST_CASE("messages joined from parts keep both languages, or neither's Chinese") {
  const Message a{"cannot write: ", "无法写入："}, b{"Disk quota exceeded", "超出磁盘配额"};
  const Message ab = a + b;
  CHECK(ab.en == "cannot write: Disk quota exceeded");
  CHECK(ab.zh == "无法写入：超出磁盘配额");
  // A part with no Chinese: the whole has none, rather than half of it.
  const Message half = a + Message{"Disk quota exceeded", ""};
  CHECK(half.en == "cannot write: Disk quota exceeded");
  CHECK(half.zh.empty());
  // An empty part is no part.
  CHECK((a + Message{}).zh == "无法写入：");

  Diagnostic d = make_io_error({"f.rec"}, ab);
  append(d, {"; nothing was written", "；什么也没有写入"});
  CHECK(d.headline() == "f.rec: cannot write: Disk quota exceeded; nothing was written");
  CHECK(d.headline(true) == "f.rec: 无法写入：超出磁盘配额；什么也没有写入");
  Diagnostic en_only = make_io_error({"f.rec"}, std::string("cannot write"));
  append(en_only, {"; nothing was written", "；什么也没有写入"});
  CHECK(en_only.headline(true) == "f.rec: cannot write; nothing was written");
}

TEST_CASE("the system's reasons a person meets are in Chinese; the rest as the system says") {
  auto of = [](std::errc e) { return system_reason(std::make_error_code(e)); };
  CHECK(of(std::errc::no_space_on_device).en == "No space left on device");
  CHECK(of(std::errc::no_space_on_device).zh == "磁盘已满");
  CHECK(of(std::errc::permission_denied).zh == "没有权限");
  CHECK(of(std::errc::operation_not_permitted).zh == "没有权限");
  CHECK(of(std::errc::no_such_file_or_directory).zh == "没有该文件或文件夹");
  CHECK(of(std::errc::read_only_file_system).zh == "只读的文件系统");
  CHECK(of(std::errc::is_a_directory).zh == "这是文件夹，不是文件");
  // An error a person seldom meets keeps the system's words in both.
  CHECK(of(std::errc::broken_pipe).zh == "Broken pipe");
  // The system category speaks the same errno values.
  CHECK(system_reason(std::error_code(ENOSPC, std::system_category())).zh == "磁盘已满");
}

}  // namespace plan
