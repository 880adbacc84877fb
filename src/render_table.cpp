// The terminal table. Looks like this (fitted to 60 columns, a bar column last):
//
//   Status at 2019-06-30
//   ID   Indicator     Target  Completion  Status    Progress
//   ────────────────────────────────────────────────────────────
//   Economy
//   1.1  外贸进出口额  51,000       45.3%  behind    ████▌░┃░░░░
//   1.2  Service tra…   1,200      100.0%  achieved  ██████┃████
//
//   Trade
//   2.1  跨境电商交…      3.5       12.0%  no_data   █▎░░░░┃░░░░
//   2 indicators behind
//
// Columns are separated by two spaces and padded to the same display width
// on every line (header, rule and rows), the last column included, so that
// the block is a clean rectangle whatever the script. A bar is 11 columns:
// ten cells filled with █ in eighths (▏▎▍▌▋▊▉) for completion clamped to
// 0..1, on a ░ track, with a ┃ marker inserted at the boundary nearest the
// time progress (so the marker never hides any of the fill): fill ending
// right at the marker means on pace.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "render.h"
#include "table_fit.h"
#include "text.h"

namespace plan {
namespace {

constexpr const char* kReset = "\x1b[0m";

// SGR colour for a tone, or nullptr to leave the text uncoloured.
const char* tone_colour(Tone t) {
  switch (t) {
    case Tone::good:
      return "\x1b[32m";  // green
    case Tone::fine:
      return "\x1b[36m";  // cyan
    case Tone::warn:
      return "\x1b[33m";  // yellow
    case Tone::bad:
      return "\x1b[31m";  // red
    case Tone::dim:
      return "\x1b[2m";
    case Tone::plain:
      break;
  }
  return nullptr;  // the terminal's own colour
}

double clamp01(double x) {
  if (!(x > 0)) return 0;  // also NaN
  return x > 1 ? 1 : x;
}

std::string draw_bar(double completion, double marker) {
  constexpr int kCells = 10;
  long eighths = std::lround(clamp01(completion) * kCells * 8);
  long full = eighths / 8, part = eighths % 8;
  long tick = std::lround(clamp01(marker) * kCells);
  std::string out;
  for (long i = 0; i < kCells; ++i) {
    if (i == tick) out += "┃";
    if (i < full)
      out += "█";
    else if (i == full && part > 0)
      out += partial_block(static_cast<int>(part));
    else
      out += "░";
  }
  if (tick == kCells) out += "┃";
  return out;
}

struct Laid {
  std::string text;              // what is shown, without colour
  const char* colour = nullptr;  // SGR to wrap around text, or nullptr
};

}  // namespace

std::string render_table(const Table& table, const RenderOptions& o) {
  // Fitted to the terminal, or as it is: never cut.
  const Table fitted = o.width > 0 ? fit_table(table, o.width, o.zh) : Table();
  const Table& t = o.width > 0 ? fitted : table;
  std::vector<std::size_t> cols;
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].table) cols.push_back(i);

  std::vector<std::string> headers;
  std::vector<int> widths;
  for (std::size_t c : cols) {
    const Column& col = t.columns[c];
    const std::string& name = (o.zh && !col.zh.empty()) ? col.zh : col.en;
    headers.push_back(one_line(name.empty() ? col.key : name));
    widths.push_back(text_width(headers.back()));
  }

  std::vector<std::vector<Laid>> body;
  body.reserve(t.rows.size());
  for (const Row& row : t.rows) {
    std::vector<Laid> laid;
    for (std::size_t k = 0; k < cols.size(); ++k) {
      static const Cell kEmpty;
      const Cell& cell = cols[k] < row.cells.size() ? row.cells[cols[k]] : kEmpty;
      Laid l;
      if (cell.type == CellType::bar) {
        l.text = draw_bar(cell.value, cell.marker);
      } else {
        l.text =
            one_line(format_cell(cell, o.zh));  // the suffix comes from the plan: sanitized too
      }
      if (cell.type == CellType::text || cell.type == CellType::status) {
        if (cell.type == CellType::status && o.color) l.colour = tone_colour(cell.tone);
      }
      widths[k] = std::max(widths[k], text_width(l.text));
      laid.push_back(std::move(l));
    }
    body.push_back(std::move(laid));
  }

  std::string out;
  auto line = [&](const std::vector<Laid>& cells) {
    const std::size_t start = out.size();
    for (std::size_t k = 0; k < cells.size(); ++k) {
      if (k > 0) out += "  ";
      const Laid& l = cells[k];
      // Padding stays outside the colour codes so they add no width.
      std::string pad(static_cast<std::size_t>(widths[k] - text_width(l.text)), ' ');
      std::string shown = l.colour ? l.colour + l.text + kReset : l.text;
      out += t.columns[cols[k]].right ? pad + shown : shown + pad;
    }
    // No trailing blanks (the padding of a last column, or of empty cells
    // at the end): they would follow the line into mail, chat and diffs.
    while (out.size() > start && out.back() == ' ') out.pop_back();
    out += '\n';
  };

  if (!t.title_for(o.zh).empty()) out += one_line(t.title_for(o.zh)) + '\n';
  // No rows, and a footer that says so ("No report is missing"): the
  // headings of an empty table would only stand in its way.
  const bool said_empty = t.rows.empty() && !t.footer_for(o.zh).empty();
  if (!cols.empty() && !said_empty) {
    std::vector<Laid> head;
    for (const std::string& h : headers) head.push_back({h, nullptr});
    line(head);
    int total = 0;
    for (int w : widths) total += w;
    total += 2 * static_cast<int>(cols.size() - 1);
    for (int i = 0; i < total; ++i) out += "─";
    out += '\n';

    const std::string* group = nullptr;  // none printed yet
    bool after_rule = true;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const std::string& g = t.rows[r].group;
      if (group ? *group != g : !g.empty()) {
        if (!after_rule) out += '\n';
        if (!g.empty()) {
          std::string heading = one_line(g);
          out += o.color ? "\x1b[1m" + heading + kReset : heading;
          out += '\n';
        }
      }
      group = &g;
      after_rule = false;
      line(body[r]);
    }
  }
  for (const std::string& f : t.footer_for(o.zh)) out += one_line(f) + '\n';
  return out;
}

}  // namespace plan
