// The digest as GitHub-flavoured Markdown, read raw in a mail or rendered by
// a forge or pandoc. Lists of indicators are pipe tables (render_markdown);
// the headline is a short bullet list.
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

// Record text (units, notes) inside a table cell: render_markdown escapes
// pipes and backslashes; markup characters become entities, so that a note
// can never turn into HTML when the Markdown is converted.
std::string record_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

std::string table(const Table& t, bool zh) {
  RenderOptions o;
  o.zh = zh;
  return render_markdown(t, o);
}

Column col(const char* key, const char* en, const char* zh, bool right = false) {
  return Column{key, en, zh, right};
}

std::string recorded_section(const Digest& d, bool zh) {
  std::string out = "## " + md_text(w::heading(d, Section::recorded, zh)) + "\n\n";
  if (d.recorded.empty()) return out + md_text(w::nothing(Section::recorded, zh)) + '\n';
  Table t;
  t.columns = {col("id", "ID", "指标代码"),          col("name", "Indicator", "指标"),
               col("by", "Reported by", "填报单位"), col("entries", "Entries", "条数", true),
               col("value", "Recorded", "填报"),     col("note", "Latest note", "最新备注")};
  for (const RecordedIndicator& r : d.recorded) {
    for (const RecordedGroup& g : r.units) {
      Row row;
      row.cells = {Cell::of_text(r.ind->id),
                   Cell::of_text(r.ind->name),
                   Cell::of_text(record_text(g.unit)),
                   Cell::of_count(static_cast<long long>(g.entries)),
                   Cell::of_text(w::recorded_value(*r.ind, g, zh)),
                   Cell::of_text(record_text(g.note))};
      t.rows.push_back(std::move(row));
    }
    if (r.units.size() > 1 && is_flow(r.ind->kind)) {
      Row row;
      row.cells = {Cell::of_text(r.ind->id),
                   Cell::of_text(r.ind->name),
                   Cell::of_text(zh ? "合计" : "total"),
                   Cell::of_count(static_cast<long long>(r.entries)),
                   Cell::of_text(w::signed_amount(*r.ind, r.sum)),
                   Cell::none()};
      t.rows.push_back(std::move(row));
    }
  }
  return out + table(t, zh);
}

std::string changes_section(const Digest& d, bool zh) {
  std::string out = "## " + md_text(w::heading(d, Section::changes, zh)) + "\n\n";
  if (d.changes.empty()) return out + md_text(w::nothing(Section::changes, zh)) + '\n';
  Table t;
  t.columns = {col("change", "Change", "变化"), col("id", "ID", "指标代码"),
               col("name", "Indicator", "指标"), col("detail", "Figures at the date", "截至本期")};
  for (const StatusChange& c : d.changes) {
    Row row;
    row.cells = {Cell::of_text(w::change_heading(c.kind, zh)), Cell::of_text(c.now.ind->id),
                 Cell::of_text(c.now.ind->name), Cell::of_text(w::change_detail(c, zh))};
    t.rows.push_back(std::move(row));
  }
  return out + table(t, zh);
}

std::string shortfalls_section(const Digest& d, bool zh) {
  std::string out = "## " + md_text(w::heading(d, Section::shortfalls, zh)) + "\n\n";
  if (d.shortfalls.empty()) return out + md_text(w::nothing(Section::shortfalls, zh)) + '\n';
  Table t;
  t.columns = {col("rank", "#", "#", true),
               col("id", "ID", "指标代码"),
               col("name", "Indicator", "指标"),
               col("actual", "Actual", "完成", true),
               col("target", "Target", "目标", true),
               col("completion", "Done", "完成率", true),
               col("expected", "Expected", "应完成", true),
               col("behind_by", "Behind by", "落后", true),
               col("gap", "Of target", "占目标", true),
               col("needed", "Needed a month", "每月需完成", true),
               col("pace", "Pace so far", "此前月均", true)};
  auto fig = [](std::optional<double> v) {
    return v ? Cell::of_text(w::figure(*v)) : Cell::of_text("—");
  };
  for (std::size_t i = 0; i < d.shortfalls.size(); ++i) {
    const Shortfall& f = d.shortfalls[i];
    const IndicatorStatus& s = f.now;
    Row row;
    row.cells = {Cell::of_count(static_cast<long long>(i + 1)),
                 Cell::of_text(s.ind->id),
                 Cell::of_text(s.ind->name),
                 Cell::of_text(w::amount(*s.ind, *s.actual)),
                 Cell::of_text(w::amount(*s.ind, *s.target)),
                 Cell::of_ratio(s.completion),
                 fig(s.expected),
                 fig(s.behind_by),
                 Cell::of_ratio(f.gap),
                 fig(s.needed_per_month),
                 fig(s.pace_per_month)};
    t.rows.push_back(std::move(row));
  }
  return out + table(t, zh);
}

std::string units_section(const Digest& d, bool zh) {
  std::string out = "## " + md_text(w::heading(d, Section::units, zh)) + "\n\n";
  if (d.units.rows.empty()) return out + md_text(w::nothing(Section::units, zh)) + '\n';
  Table t = units_table(d.units);
  t.title.clear();
  return out + table(t, zh);
}

std::string milestones_section(const Digest& d, bool zh) {
  std::string out = "## " + md_text(w::heading(d, Section::milestones, zh)) + "\n\n";
  if (d.milestones.empty()) return out + md_text(w::nothing(Section::milestones, zh)) + '\n';
  Table t;
  t.columns = {col("id", "ID", "指标代码"), col("name", "Milestone", "节点任务"),
               col("status", "Status", "状态"), col("detail", "Due", "期限")};
  for (const MilestoneDue& m : d.milestones) {
    Row row;
    row.cells = {Cell::of_text(m.ind->id), Cell::of_text(m.ind->name),
                 Cell::of_text(status_word(m.status, zh)),
                 Cell::of_text(w::milestone_detail(m, zh))};
    t.rows.push_back(std::move(row));
  }
  return out + table(t, zh);
}

}  // namespace

std::string digest_markdown(const Digest& d, const RenderOptions& o) {
  bool zh = o.zh;
  std::string out = "# " + md_text(w::title(d, zh)) + "\n\n";
  out += md_text(w::window(d, zh)) + "\n\n";
  out += "- " + md_text(w::time_line(d, zh)) + '\n';
  out += "- " + md_text(w::counts_line(d, zh)) + '\n';
  for (auto section :
       {recorded_section, changes_section, shortfalls_section, units_section, milestones_section})
    out += '\n' + section(d, zh);
  out += '\n' + md_text(w::legend(zh)) + '\n';
  return out;
}

}  // namespace plan
