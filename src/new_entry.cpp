#include "new_entry.h"

#include <cstdio>
#include <vector>

#include "gb18030.h"
#include "schedule.h"
#include "text.h"

namespace plan {

namespace {

bool is_control(unsigned char c) {
  return c < 0x20 || c == 0x7f;
}

// A field of the entry by name, as messages say it: "date" / "日期".
struct FieldName {
  std::string en, zh;
};

// Date, id and value are single fields of the line: a space or '#' in them
// would split them or start a comment, so that "5 by=x" could smuggle in a
// tag. Refused here rather than misread by the parser.
Outcome check_word(const FieldName& what, const std::string& s, const Location& at) {
  if (s.empty()) return make_error(at, Message{"missing " + what.en, "缺少" + what.zh});
  if (find_invalid_utf8(s))
    return make_error(at, Message{what.en + " is not valid UTF-8", what.zh + "不是有效的 UTF-8"} +
                              gb18030_hint(s, NotUtf8::argument));
  for (unsigned char c : s) {
    if (c == ' ' || c == '\t' || c == '#' || c == '"' || is_control(c))
      return make_error(
          at, Message{what.en + " \"" + sanitize(s) + "\" is not a single word",
                      what.zh + "“" + sanitize(s) + "”不能含空格、制表符、#、引号或控制字符"});
  }
  return {};
}

Outcome check_tag(std::string_view key, const std::string& s, const Location& at) {
  if (find_invalid_utf8(s))
    return make_error(at, Message{std::string(key) + " is not valid UTF-8",
                                  std::string(key) + "= 不是有效的 UTF-8"} +
                              gb18030_hint(s, NotUtf8::argument));
  for (unsigned char c : s) {
    // Line breaks and tabs have escapes in quoted values; other control
    // characters have none and no business in a note.
    if (is_control(c) && c != '\n' && c != '\t') {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", c);
      return make_error(at,
                        Message{std::string(key) + " contains a control character (" + code + ")",
                                std::string(key) + "= 含控制字符（" + code + "）"});
    }
  }
  return {};
}

}  // namespace

Outcome check_entry_date(const Plan& plan, Date d, Date today, bool force, const Location& where,
                         bool reports_plan_period) {
  if (force) return {};
  if (d > plan.end && !reports_plan_period)
    // Forced as it is, it counts toward no flow: a late report of the
    // plan's last period wants its period named instead.
    return make_error(
        where,
        Message{"date " + d.iso() + " is outside the plan period (" + plan.start.iso() + " to " +
                    plan.end.iso() +
                    "); --period if it reports for one of the plan's periods (it "
                    "then counts for it), --force if the date is right as it is",
                "日期 " + d.iso() + " 不在计划期（" + plan.start.iso() + " 至 " + plan.end.iso() +
                    "）内；如是计划期内某一期的报送，用 --period 指明（即计入该期）；"
                    "如日期无误，用 --force"});
  if (d < plan.start)
    return make_error(
        where, Message{"date " + d.iso() + " is outside the plan period (" + plan.start.iso() +
                           " to " + plan.end.iso() + "); use --force if it is right",
                       "日期 " + d.iso() + " 不在计划期（" + plan.start.iso() + " 至 " +
                           plan.end.iso() + "）内；如无误，用 --force"});
  if (d > today)
    return make_error(
        where, Message{"date " + d.iso() + " is after today (" + today.iso() +
                           "); use --force if it is right",
                       "日期 " + d.iso() + " 晚于今天（" + today.iso() + "）；如无误，用 --force"});
  return {};
}

Expected<NewEntry> make_new_entry(const EntryInput& in, const Plan& plan, const Location& where,
                                  Date today, bool force) {
  const Location at{where.file, where.line, 0};
  for (auto [what, s] : {std::pair<FieldName, const std::string*>{{"date", "日期"}, &in.date},
                         {{"indicator id", "指标代码"}, &in.id},
                         {{"value", "数值"}, &in.value}}) {
    if (Outcome word = check_word(what, *s, at); !word) return word.error();
  }
  // Where each piece sits in the assembled line, so that a parse error (at
  // a column of a line the user never saw) can name the piece instead.
  struct Piece {
    FieldName name;
    std::string text;
    int first = 0, last = 0;  // columns, 1-based, inclusive
  };
  std::vector<Piece> pieces;
  std::string line;
  auto put = [&](FieldName name, const std::string& text, const std::string& written) {
    if (!line.empty()) line += "  ";
    int first = static_cast<int>(code_points(line)) + 1;
    line += written;
    pieces.push_back({std::move(name), text, first, static_cast<int>(code_points(line)) + 1});
  };
  put({"date", "日期"}, in.date, in.date);
  put({"id", "指标代码"}, in.id, in.id);
  put({"value", "数值"}, in.value, in.value);
  for (auto [key, s] : {std::pair<const char*, const std::string*>{"by", &in.by},
                        {"period", &in.period},
                        {"note", &in.note},
                        {"measures", &in.measures},
                        {"src", &in.src}}) {
    if (s->empty()) continue;
    if (Outcome tag = check_tag(key, *s, at); !tag) return tag.error();
    put({key, std::string(key) + "="}, *s, std::string(key) + "=" + quote_tag_value(*s));
  }

  // The record grammar decides, so that nothing gets in through a command or
  // an import that `plan check` would then reject.
  NewEntry out;
  auto kind = parse_line(line, plan, at, &out.entry);
  if (!kind) {
    std::string message = kind.error().message, message_zh = kind.error().message_zh;
    bool unknown_id = false;
    for (const auto& p : pieces) {
      int col = kind.error().where.column;
      if (col < p.first || col > p.last) continue;
      // Messages that quote the text already say what was wrong with what.
      if (message.find("'" + p.text + "'") == std::string::npos) {
        message = p.name.en + " \"" + sanitize(p.text) + "\": " + message;
        if (!message_zh.empty())
          message_zh = p.name.zh + "“" + sanitize(p.text) + "”：" + message_zh;
      }
      unknown_id = p.name.en == "id" && plan.find(in.id) == nullptr;
      break;
    }
    Diagnostic d = make_error(at, Message{message, message_zh});
    // A name the plan does not have is a usage error, as an unknown id or
    // unit is for every other command (and --by here, below); an import
    // still reports it as a bad row.
    if (unknown_id) d.kind = ErrorKind::usage;
    return d;
  }
  if (*kind != LineKind::entry) return make_error(at, "not an entry");  // unreachable: date is set
  // by= names who filed the figure and picks its file (default_record_file):
  // a typo would file it under nobody. A usage error, as an unknown id.
  if (!in.by.empty() && !plan.knows_unit(in.by)) {
    Diagnostic d = make_error(at, plan.unknown_unit(in.by));
    d.kind = ErrorKind::usage;
    return d;
  }
  const Indicator& ind = *plan.find(out.entry.id);
  const auto label = parse_period_label(in.period);
  if (!in.period.empty()) {
    bool fits = ind.scheduled() ? period_of_entry(plan, ind, out.entry.date, in.period).has_value()
                                : label.has_value();
    if (!fits) {
      std::string what = ind.scheduled() ? std::string(frequency_name(ind.schedule.frequency)) +
                                               " reporting period of " + ind.id + " (such as " +
                                               period_label(period_at(plan, ind, 0)) + ")"
                                         : "reporting period (2019-06, 2019Q2, 2019H1 or 2019)";
      std::string what_zh = ind.scheduled()
                                ? " " + ind.id + " 的" +
                                      std::string(frequency_name_zh(ind.schedule.frequency)) +
                                      "报送期（如 " + period_label(period_at(plan, ind, 0)) + "）"
                                : "报送期（如 2019-06、2019Q2、2019H1 或 2019）";
      Diagnostic d = make_error(at, Message{"period '" + sanitize(in.period) + "' is not a " + what,
                                            "报送期“" + sanitize(in.period) + "”不是" + what_zh});
      d.kind = ErrorKind::usage;
      return d;
    }
  }
  // December's report, due on 10 January, is filed after the plan's end
  // and counts for December (ledger.h).
  const bool reports_plan_period =
      reports_after_end(plan, *plan.find(out.entry.id), out.entry.date, out.entry.tag("period"));
  if (Outcome date = check_entry_date(plan, out.entry.date, today, force, at, reports_plan_period);
      !date)
    return date.error();
  // A period not over is refused for a report only: the label of an
  // indicator without a schedule files none (period_warning, below).
  const bool report = period_files_report(ind, label, out.entry.is_explanation);
  if (auto wrong = period_date_problem(in.period, out.entry.date, report); wrong && !force)
    return make_error(at, Message{wrong->en + "; use --force if it is right",
                                  wrong->zh + "；如无误，用 --force"});
  out.entry.where = where;
  out.line = format_entry(out.entry, ind);
  // Without by= too: a scheduled figure that names no reporter files no
  // report, and plan due would go on asking for it with no word why.
  if (!files_report(ind, in.by)) out.warning = not_a_reporter(ind, in.by, out.entry.is_explanation);
  // A label on a figure of an indicator without a schedule tells two equal
  // figures apart, and nothing else: it is written, with the word that it
  // files nothing (plan check says the same of the line).
  if (!in.period.empty() && !ind.scheduled() && !out.entry.is_explanation)
    out.period_warning = period_of_unscheduled(in.period, ind.id);
  return out;
}

}  // namespace plan
