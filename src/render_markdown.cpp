// GitHub-flavoured Markdown, read both raw (in a mailed report) and rendered,
// so cells are padded to a common display width per column. A bar cell is
// written as text, "45.3% (t 60.0%)": completion, then time progress; block
// characters would not line up in a proportional font. Cells are never
// truncated here, and there is no colour.
#include <string>
#include <string_view>
#include <vector>

#include "render.h"
#include "text.h"

namespace plan {
namespace {

bool ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Text from the plan or the records as Markdown that shows it and does
// nothing else, whether read raw or converted (GFM, pandoc): a backslash is
// doubled so that it cannot escape the next character; `|` is escaped so it
// does not end the cell; the characters that start markup — raw HTML and
// autolinks (< > &), links and images ([ ]), code (`), emphasis (* ~, and _
// where it could open or close emphasis, not inside ids such as
// jobs.urban_new) — get a backslash, which CommonMark defines for every
// ASCII punctuation character. So `<script>`, `<img onerror=…>` and
// `[x](javascript:…)` in a note stay text. A line break becomes <br> in a
// cell (a table row is one line), a space elsewhere. Control characters are
// then made visible, as in the terminal.
std::string md_escape(std::string_view s, bool cell) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' || c == '|' || c == '`' || c == '*' || c == '[' || c == ']' || c == '<' ||
        c == '>' || c == '&' || c == '~') {
      out += '\\';
      out += c;
    } else if (c == '_') {
      bool inside = i > 0 && i + 1 < s.size() && ascii_alnum(s[i - 1]) && ascii_alnum(s[i + 1]);
      out += inside ? "_" : "\\_";
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      out += cell ? "<br>" : " ";
    } else {
      out += c;
    }
  }
  return sanitize(out);
}

std::string md_cell(std::string_view s) {
  return md_escape(s, true);
}

}  // namespace

MarkdownWriter::MarkdownWriter(const Table& head, const RenderOptions& o)
    : head_(head.head()), o_(o) {
  for (std::size_t i = 0; i < head.columns.size(); ++i)
    if (head.columns[i].table) cols_.push_back(i);
  // GFM needs at least three dashes in a delimiter cell.
  for (std::size_t c : cols_) {
    headers_.push_back(md_cell(head.columns[c].header(o.zh)));
    widths_.push_back(std::max(3, text_width(headers_.back())));
  }
}

std::vector<std::string> MarkdownWriter::cells(const Row& row) const {
  std::vector<std::string> out;
  for (std::size_t c : cols_)
    out.push_back(c < row.cells.size() ? md_cell(format_cell(row.cells[c], o_.zh)) : "");
  return out;
}

void MarkdownWriter::measure(std::span<const Row> rows) {
  for (const Row& row : rows) {
    const std::vector<std::string> texts = cells(row);
    for (std::size_t k = 0; k < texts.size(); ++k)
      widths_[k] = std::max(widths_[k], text_width(texts[k]));
  }
}

std::string MarkdownWriter::line(const std::vector<std::string>& cells) const {
  std::string s = "|";
  for (std::size_t k = 0; k < cells.size(); ++k) {
    bool right = head_.columns[cols_[k]].right;
    s += ' ' + (right ? pad_left(cells[k], widths_[k]) : pad_right(cells[k], widths_[k])) + " |";
  }
  return s + '\n';
}

// Blocks are separated by one blank line.
std::string MarkdownWriter::block(std::string_view text) {
  std::string out = blocks_ ? "\n" : "";
  blocks_ = true;
  return out.append(text);
}

std::string MarkdownWriter::begin() {
  rule_ = line(headers_) + "|";
  for (std::size_t k = 0; k < cols_.size(); ++k) {
    bool right = head_.columns[cols_[k]].right;
    rule_ += std::string(static_cast<std::size_t>(widths_[k]) + (right ? 1 : 2), '-');
    rule_ += right ? ":|" : "|";
  }
  rule_ += '\n';
  const std::string& title = head_.title_for(o_.zh);
  return title.empty() ? "" : block(md_escape(title, false) + '\n');
}

std::string MarkdownWriter::rows(std::span<const Row> rows) {
  std::string out;
  if (cols_.empty()) return out;
  for (const Row& row : rows) {
    // A table of its own for each group, headed by it.
    if (!group_ || row.group != *group_) {
      if (!row.group.empty()) out += block("### " + md_escape(row.group, false) + '\n');
      out += block(rule_);
      group_ = row.group;
    }
    out += line(cells(row));
  }
  return out;
}

std::string MarkdownWriter::end() {
  // No rows: the table is its header.
  std::string out = !cols_.empty() && !group_ ? block(rule_) : "";
  for (const std::string& f : head_.footer_for(o_.zh)) out += block(md_escape(f, false) + '\n');
  return out;
}

std::string render_markdown(const Table& t, const RenderOptions& o) {
  MarkdownWriter w(t, o);
  w.measure(t.rows);
  std::string out = w.begin();
  out += w.rows(t.rows);
  out += w.end();
  return out;
}

}  // namespace plan
