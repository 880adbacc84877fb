#include "new_entry.h"

#include <cstdio>
#include <vector>

#include "schedule.h"
#include "text.h"

namespace plan {

namespace {

bool is_control(unsigned char c) {
  return c < 0x20 || c == 0x7f;
}

// Date, id and value are single fields of the line: a space or '#' in them
// would split them or start a comment, so that "5 by=x" could smuggle in a
// tag. Refused here rather than misread by the parser.
Outcome check_word(std::string_view what, const std::string& s, const Location& at) {
  if (s.empty()) return make_error(at, "missing " + std::string(what));
  if (find_invalid_utf8(s)) return make_error(at, std::string(what) + " is not valid UTF-8");
  for (unsigned char c : s) {
    if (c == ' ' || c == '\t' || c == '#' || c == '"' || is_control(c))
      return make_error(at, std::string(what) + " \"" + sanitize(s) + "\" is not a single word");
  }
  return {};
}

Outcome check_tag(std::string_view key, const std::string& s, const Location& at) {
  if (find_invalid_utf8(s)) return make_error(at, std::string(key) + " is not valid UTF-8");
  for (unsigned char c : s) {
    // Line breaks and tabs have escapes in quoted values; other control
    // characters have none and no business in a note.
    if (is_control(c) && c != '\n' && c != '\t') {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", c);
      return make_error(at, std::string(key) + " contains a control character (" + code + ")");
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
    return make_error(where, "date " + d.iso() + " is outside the plan period (" +
                                 plan.start.iso() + " to " + plan.end.iso() +
                                 "); --period if it reports for one of the plan's periods (it "
                                 "then counts for it), --force if the date is right as it is");
  if (d < plan.start)
    return make_error(where, "date " + d.iso() + " is outside the plan period (" +
                                 plan.start.iso() + " to " + plan.end.iso() +
                                 "); use --force if it is right");
  if (d > today)
    return make_error(where, "date " + d.iso() + " is after today (" + today.iso() +
                                 "); use --force if it is right");
  return {};
}

Expected<NewEntry> make_new_entry(const EntryInput& in, const Plan& plan, const Location& where,
                                  Date today, bool force) {
  const Location at{where.file, where.line, 0};
  for (auto [what, s] : {std::pair<const char*, const std::string*>{"date", &in.date},
                         {"indicator id", &in.id},
                         {"value", &in.value}}) {
    if (Outcome word = check_word(what, *s, at); !word) return word.error();
  }
  // Where each piece sits in the assembled line, so that a parse error (at
  // a column of a line the user never saw) can name the piece instead.
  struct Piece {
    std::string name, text;
    int first = 0, last = 0;  // columns, 1-based, inclusive
  };
  std::vector<Piece> pieces;
  std::string line;
  auto put = [&](std::string name, const std::string& text, const std::string& written) {
    if (!line.empty()) line += "  ";
    int first = static_cast<int>(code_points(line)) + 1;
    line += written;
    pieces.push_back({std::move(name), text, first, static_cast<int>(code_points(line)) + 1});
  };
  put("date", in.date, in.date);
  put("id", in.id, in.id);
  put("value", in.value, in.value);
  for (auto [key, s] : {std::pair<const char*, const std::string*>{"by", &in.by},
                        {"period", &in.period},
                        {"note", &in.note},
                        {"measures", &in.measures},
                        {"src", &in.src}}) {
    if (s->empty()) continue;
    if (Outcome tag = check_tag(key, *s, at); !tag) return tag.error();
    put(key, *s, std::string(key) + "=" + quote_tag_value(*s));
  }

  // The record grammar decides, so that nothing gets in through a command or
  // an import that `plan check` would then reject.
  NewEntry out;
  auto kind = parse_line(line, plan, at, &out.entry);
  if (!kind) {
    std::string message = kind.error().message;
    bool unknown_id = false;
    for (const auto& p : pieces) {
      int col = kind.error().where.column;
      if (col < p.first || col > p.last) continue;
      // Messages that quote the text already say what was wrong with what.
      if (message.find("'" + p.text + "'") == std::string::npos)
        message = p.name + " \"" + sanitize(p.text) + "\": " + message;
      unknown_id = p.name == "id" && plan.find(in.id) == nullptr;
      break;
    }
    Diagnostic d = make_error(at, message);
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
    Diagnostic d =
        make_error(at, "unknown unit '" + sanitize(in.by) + "'" + plan.did_you_mean_unit(in.by));
    d.kind = ErrorKind::usage;
    return d;
  }
  if (!in.period.empty()) {
    const Indicator& ind = *plan.find(out.entry.id);
    auto label = parse_period_label(in.period);
    bool fits = ind.scheduled() ? period_of_entry(plan, ind, out.entry.date, in.period).has_value()
                                : label.has_value();
    if (!fits) {
      std::string what = ind.scheduled() ? std::string(frequency_name(ind.schedule.frequency)) +
                                               " reporting period of " + ind.id + " (such as " +
                                               period_label(period_at(plan, ind, 0)) + ")"
                                         : "reporting period (2019-06, 2019Q2, 2019H1 or 2019)";
      Diagnostic d = make_error(at, "period '" + sanitize(in.period) + "' is not a " + what);
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
  if (auto wrong = period_date_problem(in.period, out.entry.date, !out.entry.is_explanation);
      wrong && !force)
    return make_error(at, *wrong + "; use --force if it is right");
  out.entry.where = where;
  const Indicator& ind = *plan.find(out.entry.id);
  out.line = format_entry(out.entry, ind);
  // Without by= too: a scheduled figure that names no reporter files no
  // report, and plan due would go on asking for it with no word why.
  if (!files_report(ind, in.by)) out.warning = not_a_reporter(ind, in.by, out.entry.is_explanation);
  return out;
}

}  // namespace plan
