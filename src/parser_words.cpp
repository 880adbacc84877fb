#include "parser_words.h"

#include <string>

#include "digest_period.h"
#include "message_shapes.h"

namespace plan {

namespace {

// "OPTION: rest" with OPTION one word: true, and the two parts.
bool option_and_rest(std::string_view what, std::string_view* option, std::string_view* rest) {
  const std::size_t colon = what.find(": ");
  if (colon == std::string_view::npos || colon == 0 || has_space(what.substr(0, colon)))
    return false;
  *option = what.substr(0, colon);
  *rest = what.substr(colon + 2);
  return true;
}

// The Chinese of `what`, or "" when its shape is not one plan knows.
std::string chinese(std::string_view what) {
  const auto str = [](std::string_view v) { return std::string(v); };
  std::string_view option, rest, a, b, c;
  if (option_and_rest(what, &option, &rest)) {
    // plan's own validators (cli/common.cpp).
    if (between(rest, "'", "' is not a date (YYYY-MM-DD)", &a))
      return str(option) + "：“" + str(a) + "”不是日期（YYYY-MM-DD）";
    // A period's label (--month 2020-13): "'X' is not a month (FORM)".
    for (PeriodKind k : kPeriodKinds) {
      const std::string tail = "' is not a " + std::string(period_kind_name(k)) + " (" +
                               std::string(calendar_label_form(k)) + ")";
      if (between(rest, "'", tail, &a))
        return str(option) + "：“" + str(a) + "”不是" + str(period_kind_word_zh(k)) + "（" +
               str(calendar_label_form_zh(k)) + "）";
    }
    // -o y.html for a command with no HTML (cli/common.cpp).
    if (split_last(rest, "; --format chooses one of ", &c, &b) &&
        split_last(c, " format for ", &c, &a) && split_last(c, " has no ", &c, &rest) &&
        !has_space(c) && !has_space(rest))
      return str(option) + "：" + str(c) + " 没有 " + str(rest) + " 格式（" + str(a) +
             "）；--format 可选：" + str(b);
    // An option given more often than it may be.
    if (between(rest, "At Most ", "", &c) && split_last(c, " required but received ", &a, &b))
      return str(option) + " 最多只能给 " + str(a) + " 个值，收到了 " + str(b) + " 个";
    if (between(rest, "'", ")", &c) && split_last(c, "' is not a status (", &a, &b))
      return str(option) + "：“" + str(a) + "”不是状态（可选：" + str(b) + "）";
    // CLI::Range, then CLI::IsMember.
    if (rest.starts_with("Value ") && split_last(rest.substr(6), " not in range ", &a, &c) &&
        split_last(c, " to ", &b, &c)) {
      // CLI11 says "not in range" of a word too: it is not a number at all.
      const std::string_view digits = a.starts_with('-') ? a.substr(1) : a;
      if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos)
        return str(option) + "：“" + str(a) + "”不是整数（应在 " + str(b) + " 至 " + str(c) +
               " 之间）";
      return str(option) + "：“" + str(a) + "”不在 " + str(b) + " 至 " + str(c) + " 之间";
    }
    if (between(rest, "", "}", &c) && split_last(c, " not in {", &a, &b))
      return str(option) + "：“" + str(a) + "”无效（可选值：" + str(b) + "）";
    // A value missing after an option: "1 required DATE missing".
    if (between(rest, "", " missing", &c) && split_last(c, " required ", &a, &b) && !a.empty() &&
        a.find_first_not_of("0123456789") == std::string_view::npos && !has_space(b))
      return str(option) + " 后缺少 " + str(b);
  }
  if (between(what, "", " is required", &a) && !a.empty() && !has_space(a))
    return "缺少参数 " + str(a);
  // "A requires B", "A excludes B": A and B are options.
  struct Pair {
    std::string_view sep, zh_between, zh_after;
  };
  for (const Pair& p :
       {Pair{" requires ", " 需要同时给出 ", ""}, Pair{" excludes ", " 与 ", " 不能同时使用"}})
    if (split_last(what, p.sep, &a, &b) && !a.empty() && !b.empty() && !has_space(a) &&
        !has_space(b))
      return str(a) + str(p.zh_between) + str(b) + str(p.zh_after);
  if (between(what, "Could not convert: ", "", &c) && split_last(c, " = ", &a, &b) && !has_space(a))
    return str(a) + " 的值“" + str(b) + "”无法识别";
  for (std::string_view head :
       {"The following argument was not expected: ", "The following arguments were not expected: "})
    if (between(what, head, "", &a)) return "未知的选项或多余的参数：" + str(a);
  return "";
}

}  // namespace

Message parser_message(std::string_view what) {
  std::string zh = chinese(what);
  if (zh.empty()) zh = what;
  return {std::string(what), std::move(zh)};
}

}  // namespace plan
