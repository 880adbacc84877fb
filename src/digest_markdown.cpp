// The digest as GitHub-flavoured Markdown, read raw in a mail or rendered by
// a forge or pandoc. Lists of indicators are pipe tables (render_markdown);
// the headline is a short bullet list. Every cell, plan and record text
// alike, is escaped by render_markdown, so no text can become markup.
#include <fmt/format.h>

#include "digest_render.h"
#include "digest_words.h"
#include "render.h"
#include "text.h"

namespace plan {
namespace {

namespace w = digest_words;
using w::Section;

// Prose on one line: Markdown punctuation escaped with a backslash (a plan
// title with `*` or `#` stays text), control characters made visible.
std::string md_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_[]<>#|&~").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return one_line(out);
}

std::string table(const Table& t, bool zh) {
  RenderOptions o;
  o.zh = zh;
  return render_markdown(t, o);
}

// A column headed by the report vocabulary's word (words.h).
Column col(const char* key, Word w, bool right = false) {
  return Column{key, plan::heading(w, false), plan::heading(w, true), right};
}

std::string section_head(const Digest& d, Section s, bool zh) {
  return "## " + md_text(w::heading(d, s, zh)) + "\n\n";
}

std::string none(const Digest& d, Section s, bool zh) {
  return md_text(w::nothing(d, s, zh)) + '\n';
}

// The explanations of a table's rows, as a list below it (a pipe table has
// no room for a paragraph): "- jobs.urban_new: 情况说明（…）：…".
struct Explained {
  std::string lines;
  void add(const Indicator& ind, const Explanation* x, bool zh) {
    if (x) lines += "- " + md_text(ind.id + ": " + w::explanation_words(*x, zh)) + '\n';
  }
  std::string str() const { return lines.empty() ? "" : '\n' + lines; }
};

// Reports due and missing, or (`upcoming`) falling due: their last column
// counts the days left instead, as a positive number.
std::string missing_table(const std::vector<MissingReport>& list, bool upcoming, bool zh) {
  Table t;
  t.columns = {
      col("id", Word::id),
      col("name", Word::indicator),
      col("reporter", Word::reporter),
      col("period", Word::report_period),
      col("due", Word::due),
      upcoming ? col("days", Word::days_left, true) : col("days", Word::days_overdue, true)};
  Explained notes;
  for (const MissingReport& m : list) {
    Row row;
    row.cells = {
        Cell::of_text(m.ind->id),
        Cell::of_text(m.ind->name),
        Cell::of_text(m.reporter.empty() ? std::string(word(Word::any_unit, zh)) : m.reporter),
        Cell::of_text(m.period),
        Cell::of_text(m.due.iso()),
        Cell::of_count(upcoming ? -m.days_overdue : m.days_overdue)};
    t.rows.push_back(std::move(row));
    notes.add(*m.ind, m.explanation ? &*m.explanation : nullptr, zh);
  }
  return table(t, zh) + notes.str();
}

std::string missing_section(const Digest& d, bool zh) {
  std::string out = section_head(d, Section::missing, zh);
  out += d.missing.empty() ? none(d, Section::missing, zh) : missing_table(d.missing, false, zh);
  if (!d.due_next.empty())
    out += "\n### " + md_text(w::due_next_heading(d, zh)) + "\n\n" +
           missing_table(d.due_next, true, zh);
  return out;
}

std::string changes_list(const Digest& d, Section s, bool attention, bool zh) {
  std::string out = section_head(d, s, zh);
  Table t;
  t.columns = {col("change", Word::change), col("id", Word::id), col("name", Word::indicator),
               col("detail", Word::figures_at)};
  Explained notes;
  for (const StatusChange& c : d.changes) {
    if (needs_attention(c.kind) != attention) continue;
    Row row;
    row.cells = {Cell::of_text(w::change_heading(c.kind, zh)), Cell::of_text(c.now.ind->id),
                 Cell::of_text(c.now.ind->name), Cell::of_text(w::change_detail(c, zh))};
    t.rows.push_back(std::move(row));
    notes.add(*c.now.ind, attention ? shown_explanation(c.now) : nullptr, zh);
  }
  if (t.rows.empty()) return out + none(d, s, zh);
  return out + table(t, zh) + notes.str();
}

std::string attention_section(const Digest& d, bool zh) {
  return changes_list(d, Section::attention, true, zh);
}

std::string progress_section(const Digest& d, bool zh) {
  return changes_list(d, Section::progress, false, zh);
}

std::string recorded_section(const Digest& d, bool zh) {
  std::string out = section_head(d, Section::recorded, zh);
  if (d.recorded.empty()) return out + none(d, Section::recorded, zh);
  Table t;
  t.columns = {col("id", Word::id), col("name", Word::indicator),
               col("entries", Word::entries, true), col("value", Word::recorded, true),
               col("units", Word::units_count, true)};
  for (const RecordedIndicator& r : d.recorded) {
    Row row;
    row.cells = {Cell::of_text(r.ind->id), Cell::of_text(r.ind->name),
                 Cell::of_count(static_cast<long long>(r.entries)),
                 Cell::of_text(w::recorded_total(r, zh)),
                 Cell::of_count(static_cast<long long>(r.units.size()))};
    t.rows.push_back(std::move(row));
  }
  return out + table(t, zh);
}

std::string appendix_section(const Digest& d, bool zh) {
  std::string out = section_head(d, Section::appendix, zh);
  Table t;
  t.columns = {col("id", Word::id),          col("name", Word::indicator),
               col("by", Word::reported_by), col("entries", Word::entries, true),
               col("value", Word::recorded), col("note", Word::latest_note)};
  for (const RecordedIndicator& r : d.recorded) {
    for (const RecordedGroup& g : r.units) {
      Row row;
      row.cells = {Cell::of_text(r.ind->id),
                   Cell::of_text(r.ind->name),
                   Cell::of_text(g.unit.empty() ? std::string(word(Word::no_by, zh)) : g.unit),
                   Cell::of_count(static_cast<long long>(g.entries)),
                   Cell::of_text(w::recorded_value(*r.ind, g, zh)),
                   Cell::of_text(g.note)};
      t.rows.push_back(std::move(row));
    }
    if (r.units.size() > 1 && is_flow(r.ind->kind)) {
      Row row;
      row.cells = {Cell::of_text(r.ind->id),
                   Cell::of_text(r.ind->name),
                   Cell::of_text(std::string(word(Word::total, zh))),
                   Cell::of_count(static_cast<long long>(r.entries)),
                   Cell::of_text(w::signed_amount(*r.ind, r.sum)),
                   Cell::none()};
      t.rows.push_back(std::move(row));
    }
  }
  return out + table(t, zh);
}

std::string shortfalls_section(const Digest& d, bool zh) {
  std::string out = section_head(d, Section::shortfalls, zh);
  if (d.shortfalls.empty()) return out + none(d, Section::shortfalls, zh);
  Table t;
  t.columns = {Column{"rank", "#", "#", true},        col("id", Word::id),
               col("name", Word::indicator),          col("actual", Word::actual, true),
               col("target", Word::target, true),     col("completion", Word::completion, true),
               col("expected", Word::expected, true), col("behind_by", Word::behind_by, true),
               col("gap", Word::of_target, true),     col("needed", Word::needed, true),
               col("pace", Word::pace, true)};
  auto fig = [](std::optional<double> v) {
    return v ? Cell::of_text(w::figure(*v)) : Cell::of_text("—");
  };
  Explained notes;
  for (std::size_t i = 0; i < d.shortfalls.size(); ++i) {
    const Shortfall& f = d.shortfalls[i];
    const IndicatorStatus& s = f.now;
    const int decimals = expected_decimals(*s.ind, s.expected, s.behind_by);
    Row row;
    row.cells = {Cell::of_count(static_cast<long long>(i + 1)),
                 Cell::of_text(s.ind->id),
                 Cell::of_text(s.ind->name),
                 Cell::of_text(w::amount(*s.ind, *s.actual)),
                 Cell::of_text(w::amount(*s.ind, *s.target)),
                 Cell::of_ratio(s.completion),
                 Cell::of_number(s.expected, decimals),
                 Cell::of_number(s.behind_by, decimals),
                 Cell::of_ratio(f.gap),
                 fig(s.needed_per_month),
                 fig(s.pace_per_month)};
    t.rows.push_back(std::move(row));
    notes.add(*s.ind, shown_explanation(s), zh);
  }
  return out + table(t, zh) + notes.str();
}

std::string units_section(const Digest& d, bool zh) {
  std::string out = section_head(d, Section::units, zh);
  if (d.units.rows.empty()) return out + none(d, Section::units, zh);
  Table t = units_table(d.units);
  t.title.clear();
  return out + table(t, zh);
}

std::string milestones_section(const Digest& d, bool zh) {
  std::string out = section_head(d, Section::milestones, zh);
  if (d.milestones.empty()) return out + none(d, Section::milestones, zh);
  Table t;
  t.columns = {col("id", Word::id), col("name", Word::milestone), col("status", Word::status),
               col("detail", Word::due)};
  Explained notes;
  for (const MilestoneDue& m : d.milestones) {
    Row row;
    row.cells = {Cell::of_text(m.ind->id), Cell::of_text(m.ind->name),
                 Cell::of_text(status_word(m.status, Kind::milestone, zh)),
                 Cell::of_text(w::milestone_detail(m, zh))};
    t.rows.push_back(std::move(row));
    notes.add(*m.ind, m.explanation ? &*m.explanation : nullptr, zh);
  }
  return out + table(t, zh) + notes.str();
}

}  // namespace

std::string digest_markdown(const Digest& d, const RenderOptions& o) {
  bool zh = o.zh;
  std::string out = "# " + md_text(w::title(d, zh)) + "\n\n";
  out += md_text(w::window(d, zh)) + "\n\n";
  // A reporter's digest is what it owes, and nothing else.
  if (!d.reporter.empty()) return out + missing_section(d, zh);
  out += "- " + md_text(w::time_line(d, zh)) + '\n';
  out += "- " + md_text(w::counts_line(d, zh)) + '\n';
  for (auto section : {missing_section, attention_section, shortfalls_section, milestones_section,
                       progress_section, units_section, recorded_section})
    out += '\n' + section(d, zh);
  out += '\n' + md_text(w::legend(zh)) + '\n';
  // The detail nobody needs on the first screen comes last.
  if (!d.recorded.empty()) out += '\n' + appendix_section(d, zh);
  return out;
}

}  // namespace plan
