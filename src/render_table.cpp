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

}  // namespace

TableWriter::TableWriter(const Table& head, const RenderOptions& o)
    : head_(head.head()), o_(o), measure_(head, o.zh) {}

void TableWriter::settle() {
  if (fit_) return;
  // Fitted to the terminal, or as it is: never cut (width 0).
  fit_.emplace(head_, measure_, std::max(o_.width, 0));
  for (std::size_t k = 0; k < fit_->cols.size(); ++k) {
    const std::optional<int> w = fit_->width(k);
    widths_.push_back(w ? *w : fit_->least_width(k));
    if (!w) open_.push_back(k);
  }
}

bool TableWriter::looks_again() {
  settle();
  return !open_.empty();
}

void TableWriter::measure_again(std::span<const Row> rows) {
  settle();
  for (const Row& r : rows)
    for (std::size_t k : open_)
      if (fit_->cols[k] < r.cells.size())
        widths_[k] = std::max(widths_[k], text_width(cell_text(k, r.cells[fit_->cols[k]])));
}

std::string TableWriter::cell_text(std::size_t k, const Cell& c) const {
  if (c.type == CellType::bar) return draw_bar(c.value, c.marker);
  // The suffix comes from the plan: sanitized too.
  if (c.type == CellType::text && fit_->cut(k))
    return one_line(format_cell(Cell::of_text(fit_->shown(k, c)), o_.zh));
  return one_line(format_cell(c, o_.zh));
}

void TableWriter::line(std::string& out, const std::vector<std::string>& texts,
                       const std::vector<const char*>& colours) const {
  const std::size_t start = out.size();
  for (std::size_t k = 0; k < texts.size(); ++k) {
    if (k > 0) out += "  ";
    // Padding stays outside the colour codes so they add no width.
    const std::string pad(static_cast<std::size_t>(widths_[k] - text_width(texts[k])), ' ');
    const std::string shown = colours[k] ? colours[k] + texts[k] + kReset : texts[k];
    out += head_.columns[fit_->cols[k]].right ? pad + shown : shown + pad;
  }
  // No trailing blanks (the padding of a last column, or of empty cells
  // at the end): they would follow the line into mail, chat and diffs.
  while (out.size() > start && out.back() == ' ') out.pop_back();
  out += '\n';
}

std::string TableWriter::begin() {
  settle();
  std::string out;
  const std::string& title = head_.title_for(o_.zh);
  if (!title.empty()) {
    out += o_.width > 0 ? one_line(fit_title(one_line(title), o_.width)) : one_line(title);
    out += '\n';
  }
  // No rows, and a footer that says so ("No report is missing"): the
  // headings of an empty table would only stand in its way.
  const bool said_empty = measure_.rows() == 0 && !head_.footer_for(o_.zh).empty();
  shown_ = !fit_->cols.empty() && !said_empty;
  if (!shown_) return out;
  std::vector<std::string> headers;
  for (std::size_t c : fit_->cols) headers.push_back(one_line(head_.columns[c].header(o_.zh)));
  line(out, headers, std::vector<const char*>(headers.size(), nullptr));
  int total = 0;
  for (int w : widths_) total += w;
  total += 2 * static_cast<int>(widths_.size() - 1);
  for (int i = 0; i < total; ++i) out += "─";
  out += '\n';
  return out;
}

std::string TableWriter::rows(std::span<const Row> rows) {
  std::string out;
  if (!shown_) return out;
  std::vector<std::string> texts(fit_->cols.size());
  std::vector<const char*> colours(fit_->cols.size());
  for (const Row& row : rows) {
    // A group heading when the group changes (groups cut to the width
    // that read the same are one).
    std::string g = o_.width > 0 ? truncate_to_width(one_line(row.group), o_.width) : row.group;
    if (group_ ? *group_ != g : !g.empty()) {
      if (!after_rule_) out += '\n';
      if (!g.empty()) {
        std::string heading = one_line(g);
        out += o_.color ? "\x1b[1m" + heading + kReset : heading;
        out += '\n';
      }
    }
    group_ = std::move(g);
    after_rule_ = false;
    for (std::size_t k = 0; k < texts.size(); ++k) {
      static const Cell kEmpty;
      const std::size_t col = fit_->cols[k];
      const Cell& cell = col < row.cells.size() ? row.cells[col] : kEmpty;
      texts[k] = cell_text(k, cell);
      colours[k] = cell.type == CellType::status && o_.color ? tone_colour(cell.tone) : nullptr;
    }
    line(out, texts, colours);
  }
  return out;
}

std::string TableWriter::end() const {
  std::string out;
  for (const std::string& f : head_.footer_for(o_.zh)) {
    out += o_.width > 0 ? one_line(truncate_to_width(one_line(f), o_.width)) : one_line(f);
    out += '\n';
  }
  return out;
}

std::string render_table(const Table& table, const RenderOptions& o) {
  TableWriter w(table, o);
  w.measure(table.rows);
  if (w.looks_again()) w.measure_again(table.rows);
  std::string out = w.begin();
  out += w.rows(table.rows);
  out += w.end();
  return out;
}

}  // namespace plan
