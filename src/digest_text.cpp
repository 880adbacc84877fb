// The digest as plain text for mail: no colour, no box drawing, at most 80
// display columns a line (CJK characters count two), so that it reads the
// same in any mail client with a fixed-width font. Long lines are wrapped
// between words; only names and notes are ever cut short, never figures.
#include <fmt/format.h>

#include <algorithm>

#include "digest_render.h"
#include "digest_words.h"
#include "render.h"
#include "text.h"

namespace plan {
namespace {

namespace w = digest_words;
using w::Section;

constexpr int kWidth = 80;

// Splits after spaces (which are dropped at a break) and after CJK
// punctuation, where a Chinese line may break.
std::vector<std::string> tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_length(s.substr(i));
    std::string_view ch = s.substr(i, n);
    cur += ch;
    i += n;
    if (ch == " " || ch == "，" || ch == "；" || ch == "、" || ch == "：") {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string rstrip(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::string fit(const std::string& line) {
  return text_width(line) > kWidth ? truncate_to_width(line, kWidth) : line;
}

// `text` after `indent` spaces, wrapped to kWidth; continuation lines are
// indented `more` further. A single token wider than a line is cut short.
std::string wrap(std::string_view text, int indent, int more = 2) {
  std::string out;
  std::string line(static_cast<std::size_t>(indent), ' ');
  int lead = indent;
  bool empty = true;
  for (std::string t : tokens(text)) {
    std::replace(t.begin(), t.end(), w::kGlue, ' ');  // a space that does not break
    std::string trimmed = rstrip(t);
    if (!empty && text_width(line) + text_width(trimmed) > kWidth) {
      out += fit(rstrip(line)) + '\n';
      lead = indent + more;
      line.assign(static_cast<std::size_t>(lead), ' ');
      empty = true;
    }
    line += t;
    empty = false;
  }
  return out + fit(rstrip(line)) + '\n';
}

// "  jobs.urban_new  城镇新增就业人数", the name cut to fit.
std::string id_line(const Indicator& ind, int indent, const std::string& prefix = "") {
  std::string head = std::string(static_cast<std::size_t>(indent), ' ') + prefix + ind.id;
  int room = kWidth - text_width(head) - 2;
  if (room < 4) return head + '\n';
  return head + "  " + truncate_to_width(one_line(ind.name), room) + '\n';
}

// A heading wider than a line (a long unit's name in it) is wrapped, and
// underlined as wide as its widest line.
std::string heading(const std::string& text) {
  std::string h = one_line(text);
  if (text_width(h) > kWidth) h = wrap(h, 0, 0), h.pop_back();
  int width = 0;
  for (std::size_t start = 0; start <= h.size();) {
    std::size_t end = std::min(h.find('\n', start), h.size());
    width = std::max(width, text_width(std::string_view(h).substr(start, end - start)));
    start = end + 1;
  }
  return h + '\n' + std::string(static_cast<std::size_t>(std::min(width, kWidth)), '-') + '\n';
}

// Reports owed, as `plan due` lists them: one line per reporter, period and
// due date, then the indicators (the list comes in that order, build_digest
// sees to it). With `names`, an indicator a line with its name and its
// explanation under it; else the ids on one line, for the many reports
// merely falling due (a quarter's digest lists the next quarter's monthly
// reports of every reporter), so that they read as the calendar they are.
std::string owed_list(const std::vector<MissingReport>& list, bool names, int indent, bool zh) {
  std::string out;
  const std::string comma = zh ? "、" : ", ";
  for (auto it = list.begin(); it != list.end();) {
    auto end = std::find_if_not(it, list.end(), [&](const MissingReport& m) {
      return m.reporter == it->reporter && m.due == it->due && m.period == it->period;
    });
    out += wrap(one_line(w::missing_detail(*it, zh)), indent);
    std::string ids;
    for (auto m = it; m != end; ++m) {
      if (names) {
        out += id_line(*m->ind, indent + 2);
        if (m->explanation) out += wrap(w::explanation_words(*m->explanation, zh), indent + 4);
      } else {
        ids += (m == it ? "" : comma) + m->ind->id;
      }
    }
    if (!names) {
      out += wrap(ids, indent + 2, 0);
      for (auto m = it; m != end; ++m)
        if (m->explanation)
          out += wrap(m->ind->id + (zh ? "：" : ": ") + w::explanation_words(*m->explanation, zh),
                      indent + 2);
    }
    it = end;
  }
  return out;
}

std::string missing_section(const Digest& d, bool zh) {
  std::string out = heading(w::heading(d, Section::missing, zh));
  if (d.missing.empty()) out += wrap(w::nothing(d, Section::missing, zh), 2);
  out += owed_list(d.missing, true, 2, zh);
  if (!d.due_next.empty()) {
    // Names are in the sections above; a reporter's own digest, short and
    // read by the reporter, keeps them.
    out += wrap(w::due_next_heading(d, zh), 2);
    out += owed_list(d.due_next, !d.reporter.empty(), 4, zh);
  }
  return out;
}

// The status changes of one section: those that need attention or the others.
std::string changes_list(const Digest& d, Section s, bool attention, bool zh) {
  std::string out = heading(w::heading(d, s, zh));
  std::vector<const StatusChange*> list;
  for (const StatusChange& c : d.changes)
    if (needs_attention(c.kind) == attention) list.push_back(&c);
  if (list.empty()) return out + wrap(w::nothing(d, s, zh), 2);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const StatusChange& c = *list[i];
    if (i == 0 || c.kind != list[i - 1]->kind) out += wrap(w::change_heading(c.kind, zh), 2);
    out += id_line(*c.now.ind, 4);
    out += wrap(w::change_detail(c, zh), 6);
    if (const Explanation* x = attention ? shown_explanation(c.now) : nullptr)
      out += wrap(w::explanation_words(*x, zh), 6);
  }
  return out;
}

std::string attention_section(const Digest& d, bool zh) {
  return changes_list(d, Section::attention, true, zh);
}

std::string progress_section(const Digest& d, bool zh) {
  return changes_list(d, Section::progress, false, zh);
}

// One line per indicator: id, name (cut to fit), entries, what they add up
// to, and how many units reported.
std::string recorded_section(const Digest& d, bool zh) {
  std::string out = heading(w::heading(d, Section::recorded, zh));
  if (d.recorded.empty()) return out + wrap(w::nothing(d, Section::recorded, zh), 2);
  const std::string h_id = plan::heading(Word::id, zh), h_name = plan::heading(Word::indicator, zh),
                    h_entries = plan::heading(Word::entries, zh),
                    h_value = plan::heading(Word::recorded, zh),
                    h_units = plan::heading(Word::units_count, zh);
  int iw = 0, ew = text_width(h_entries), vw = text_width(h_value), rw = text_width(h_units);
  for (const RecordedIndicator& r : d.recorded) {
    iw = std::max(iw, text_width(r.ind->id));
    ew = std::max(ew, text_width(std::to_string(r.entries)));
    vw = std::max(vw, text_width(w::recorded_total(r, zh)));
    rw = std::max(rw, text_width(std::to_string(r.units.size())));
  }
  iw = std::min(iw, 30);
  int name_width = kWidth - 2 - iw - 2 - 2 - ew - 2 - vw - 2 - rw;
  auto line = [&](const std::string& id, const std::string& name, const std::string& entries,
                  const std::string& value, const std::string& units) {
    std::string l = "  " + pad_right(truncate_to_width(id, iw), iw);
    if (name_width >= 4) l += "  " + pad_right(truncate_to_width(name, name_width), name_width);
    l += "  " + pad_left(entries, ew) + "  " + pad_left(value, vw) + "  " + pad_left(units, rw);
    return fit(rstrip(l)) + '\n';
  };
  out += line(h_id, h_name, h_entries, h_value, h_units);
  for (const RecordedIndicator& r : d.recorded)
    out += line(r.ind->id, one_line(r.ind->name), std::to_string(r.entries),
                w::recorded_total(r, zh), std::to_string(r.units.size()));
  return out;
}

// The appendix: what each reporting unit recorded, per indicator.
std::string appendix_section(const Digest& d, bool zh) {
  std::string out = heading(w::heading(d, Section::appendix, zh));
  if (d.recorded.empty()) return out + wrap(w::nothing(d, Section::appendix, zh), 2);
  std::string none(word(Word::no_by, zh));
  int uw = 0;
  for (const RecordedIndicator& r : d.recorded)
    for (const RecordedGroup& g : r.units)
      uw = std::max(uw, text_width(g.unit.empty() ? none : one_line(g.unit)));
  uw = std::min(uw, 16);
  for (const RecordedIndicator& r : d.recorded) {
    out += id_line(*r.ind, 2);
    for (const RecordedGroup& g : r.units) {
      std::string unit = truncate_to_width(g.unit.empty() ? none : one_line(g.unit), uw);
      std::string line = pad_right(unit, uw) + "  " + pad_left(w::entries(g.entries, zh), 10) +
                         "  " + w::recorded_value(*r.ind, g, zh);
      if (!g.note.empty()) line += "  " + one_line(g.note);
      out += wrap(line, 4);
    }
    if (r.units.size() > 1 && is_flow(r.ind->kind))
      out +=
          wrap(pad_right(std::string(word(Word::total, zh)), uw) + "  " +
                   pad_left(w::entries(r.entries, zh), 10) + "  " + w::signed_amount(*r.ind, r.sum),
               4);
  }
  return out;
}

std::string shortfalls_section(const Digest& d, bool zh) {
  std::string out = heading(w::heading(d, Section::shortfalls, zh));
  if (d.shortfalls.empty()) return out + wrap(w::nothing(d, Section::shortfalls, zh), 2);
  for (std::size_t i = 0; i < d.shortfalls.size(); ++i) {
    const Shortfall& f = d.shortfalls[i];
    std::string number = fmt::format("{}. ", i + 1);
    out += id_line(*f.now.ind, 2, number);
    int indent = 2 + static_cast<int>(number.size());
    out += wrap(w::progress_detail(f, zh), indent);
    out += wrap(w::behind_detail(f, zh), indent);
    out += wrap(w::pace_detail(f, *d.plan, zh), indent);
    if (const Explanation* x = shown_explanation(f.now))
      out += wrap(w::explanation_words(*x, zh), indent);
  }
  return out;
}

std::string units_section(const Digest& d, bool zh) {
  std::string out = heading(w::heading(d, Section::units, zh));
  if (d.units.rows.empty()) return out + wrap(w::nothing(d, Section::units, zh), 2);
  // Eight counts, so that each unit's add up to what it leads and partners,
  // and the unit's name in what is left of 80 columns (at most 16): two
  // spaces between columns, one where two would leave the name fewer than
  // 12. The worst indicator of each unit is in the Markdown and HTML digests.
  // Without a reporting schedule nothing is unreported, and the column goes.
  std::vector<std::string> headers = {plan::heading(Word::unit, zh)};
  for (const auto& [word, count] : unit_counts(d.units.rows.front(), d.units.scheduled))
    headers.push_back(plan::heading(word, zh));
  int counts_width = 0;
  for (std::size_t k = 1; k < headers.size(); ++k) counts_width += text_width(headers[k]);
  const int n = static_cast<int>(headers.size()) - 1;
  const int gap = kWidth - 2 - counts_width - 2 * n >= 12 ? 2 : 1;
  const std::string sep(static_cast<std::size_t>(gap), ' ');
  int uw = text_width(headers[0]);
  for (const UnitRow& u : d.units.rows) uw = std::max(uw, text_width(one_line(u.unit)));
  uw = std::min({uw, 16, kWidth - 2 - counts_width - gap * n});
  std::string line = "  " + pad_right(headers[0], uw);
  for (std::size_t k = 1; k < headers.size(); ++k) line += sep + headers[k];
  out += line + '\n';
  for (const UnitRow& u : d.units.rows) {
    line = "  " + pad_right(truncate_to_width(one_line(u.unit), uw), uw);
    std::size_t k = 1;
    for (const auto& [word, count] : unit_counts(u, d.units.scheduled))
      line += sep + pad_left(std::to_string(count), text_width(headers[k++]));
    out += line + '\n';
  }
  return out;
}

std::string milestones_section(const Digest& d, bool zh) {
  std::string out = heading(w::heading(d, Section::milestones, zh));
  if (d.milestones.empty()) return out + wrap(w::nothing(d, Section::milestones, zh), 2);
  for (const MilestoneDue& m : d.milestones) {
    out += id_line(*m.ind, 2);
    out += wrap(status_word(m.status, Kind::milestone, zh) + (zh ? "；" : "; ") +
                    w::milestone_detail(m, zh),
                4);
    if (m.explanation) out += wrap(w::explanation_words(*m.explanation, zh), 4);
  }
  return out;
}

}  // namespace

std::string digest_text(const Digest& d, const RenderOptions& o) {
  bool zh = o.zh;
  std::string title = one_line(w::title(d, zh));
  std::string out = wrap(title, 0);
  out += std::string(static_cast<std::size_t>(std::min(text_width(title), kWidth)), '=') + '\n';
  out += wrap(w::window(d, zh), 0, 0);
  // A reporter's digest is what it owes, and nothing else.
  if (!d.reporter.empty()) return out + '\n' + missing_section(d, zh);
  out += '\n';
  out += wrap(w::time_line(d, zh), 0);
  out += wrap(w::counts_line(d, zh, w::kGlue), 0);
  for (auto section : {missing_section, attention_section, shortfalls_section, milestones_section,
                       progress_section, units_section, recorded_section})
    out += '\n' + section(d, zh);
  out += '\n' + wrap(w::legend(zh), 0, 0);
  // The detail nobody needs on the first screen comes last.
  if (!d.recorded.empty()) out += '\n' + appendix_section(d, zh);
  return out;
}

}  // namespace plan
