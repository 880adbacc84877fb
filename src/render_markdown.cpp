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

std::string render_markdown(const Table& t, const RenderOptions& o) {
  std::vector<std::size_t> cols;
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].table) cols.push_back(i);

  // GFM needs at least three dashes in a delimiter cell.
  std::vector<int> widths(cols.size(), 3);
  std::vector<std::string> headers;
  for (std::size_t k = 0; k < cols.size(); ++k) {
    const Column& col = t.columns[cols[k]];
    const std::string& name = (o.zh && !col.zh.empty()) ? col.zh : col.en;
    headers.push_back(md_cell(name.empty() ? col.key : name));
    widths[k] = std::max(widths[k], text_width(headers[k]));
  }
  std::vector<std::vector<std::string>> body;
  for (const Row& row : t.rows) {
    std::vector<std::string> cells;
    for (std::size_t k = 0; k < cols.size(); ++k) {
      cells.push_back(cols[k] < row.cells.size() ? md_cell(format_cell(row.cells[cols[k]], o.zh))
                                                 : "");
      widths[k] = std::max(widths[k], text_width(cells.back()));
    }
    body.push_back(std::move(cells));
  }

  auto line = [&](const std::vector<std::string>& cells) {
    std::string s = "|";
    for (std::size_t k = 0; k < cells.size(); ++k) {
      bool right = t.columns[cols[k]].right;
      s += ' ' + (right ? pad_left(cells[k], widths[k]) : pad_right(cells[k], widths[k])) + " |";
    }
    return s + '\n';
  };
  std::string head = line(headers) + "|";
  for (std::size_t k = 0; k < cols.size(); ++k) {
    bool right = t.columns[cols[k]].right;
    head += std::string(static_cast<std::size_t>(widths[k]) + (right ? 1 : 2), '-');
    head += right ? ":|" : "|";
  }
  head += '\n';

  // Blocks are separated by one blank line.
  std::vector<std::string> blocks;
  if (!t.title_for(o.zh).empty()) blocks.push_back(md_escape(t.title_for(o.zh), false) + '\n');
  if (!cols.empty()) {
    std::string table;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const std::string& g = t.rows[r].group;
      if (r == 0 || g != t.rows[r - 1].group) {
        if (!table.empty()) blocks.push_back(table);
        if (!g.empty()) blocks.push_back("### " + md_escape(g, false) + '\n');
        table = head;
      }
      table += line(body[r]);
    }
    blocks.push_back(table.empty() ? head : table);
  }
  for (const std::string& f : t.footer_for(o.zh)) blocks.push_back(md_escape(f, false) + '\n');

  std::string out;
  for (std::size_t i = 0; i < blocks.size(); ++i) out += (i > 0 ? "\n" : "") + blocks[i];
  return out;
}

}  // namespace plan
