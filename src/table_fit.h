// Fitting a terminal table to the terminal's width. A pure function of the
// table, the width and the language: the command layer only finds the width
// (the terminal's, COLUMNS, --columns) and render_table draws what comes out.
//
// When the table is wider than the terminal, columns give up space in this
// order (Column::fit):
//   0. columns with nothing in any row (but Fit::keep ones) are dropped;
//   1. the progress bar is dropped;
//   2. cut columns (notes, unit names) are cut to their Column::max_width;
//   3. the id column is dropped when the name column is there (one of the
//      two always stays: never both), then spare figure columns (the
//      expected line, what is left to the target; due's reporter, which
//      the group headings name), rightmost first;
//   4. cut columns shrink further, widest first, down to a few characters;
//   5. cut columns are dropped, rightmost first;
// and after every step the name column (or, without one, the id column)
// gets whatever is left, up to its full width. Figures, dates and statuses
// are never cut: a cut figure would be a wrong figure. Names cut short end in
// "…"; where two different names would then read the same, they are cut in
// the middle instead ("离校未就业…登记率"), keeping the ends that tell them
// apart. Group headings and footer lines are cut to the width; a title
// "PLAN — WHAT" has the plan's name shortened first, so that the date and
// time progress after it stay whole.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "table.h"

namespace plan {

// Columns a progress bar takes: ten cells and the time-progress marker.
inline constexpr int kBarColumns = 11;

// A cell as a terminal table shows it, uncoloured and unpadded: the cell's
// words on one line (format_cell, sanitized), or the bar.
std::string table_cell_text(const Cell& c, bool zh);

// What fitting needs to know of a table's rows, gathered a batch of rows
// at a time, so that a listing too long to hold as one table (plan log)
// can be fitted without holding its rows: per column of the terminal
// table (Column::table), its widest cell (0: none, or all empty) and its
// widest cell that is not text (never cut: the least a cut column is
// wide), and the distinct texts of the id and name columns, which are cut
// where they differ (bounded by the plan, not by the rows).
class TableMeasure {
 public:
  // `head`: the table's columns (its rows are not looked at).
  TableMeasure(const Table& head, bool zh);
  void add(std::span<const Row> rows);
  std::size_t rows() const { return rows_; }

 private:
  friend struct TableFit;
  bool zh_;
  std::vector<std::size_t> cols_;  // the terminal table's columns, by index into Table::columns
  std::vector<int> head_;          // per column of cols_: its header's width
  std::vector<int> cells_;         // … its widest cell's (0: none, or all empty)
  std::vector<int> others_;        // … its widest cell that is not text (never cut)
  std::vector<bool> named_;        // … an id or name column (Fit::id, Fit::name)
  std::vector<std::set<std::string>> texts_;  // … the id and name columns' texts
  std::size_t rows_ = 0;
};

// How a table is fitted to a terminal's width (the steps above), worked out
// from a TableMeasure of all its rows: which columns stay, and what a cell
// shows.
struct TableFit {
  // `head`: the table measured. width <= 0: no limit, nothing cut.
  TableFit(const Table& head, const TableMeasure& m, int width);

  std::vector<std::size_t> cols;  // the columns that stay, by index into Table::columns
  // The text a cell of column `cols[k]` shows: its own, or cut.
  std::string shown(std::size_t k, const Cell& c) const;
  // Whether the column's text cells may be shown cut.
  bool cut(std::size_t k) const { return width_[k] < natural_[k]; }
  // The width the column is shown at, the widest of its header and of what
  // its cells show; nullopt for a column whose texts are cut at their end,
  // whose widest shown text only the rows can tell (at least least_width:
  // its header and the cells that are not text).
  std::optional<int> width(std::size_t k) const;
  int least_width(std::size_t k) const { return least_[k]; }

 private:
  bool zh_;
  std::vector<int> width_, natural_, least_;
  std::vector<bool> named_;  // an id or name column: its cut texts are in forms_
  std::vector<std::map<std::string, std::string>> forms_;
};

// `t` laid out to at most `width` display columns: dropped columns have
// Column::table false, cut text cells hold their visible text, and every
// Column::max_width is spent (0). width <= 0 means no limit: nothing cut.
// Where even the narrowest form is wider than `width` (a dozen figure
// columns at 20 columns), the result is as narrow as it can be.
Table fit_table(const Table& t, int width, bool zh);

// A report's title is "PLAN — WHAT" (the plan's name, then what the table
// shows: a date, the time progress). When it is wider than `width`, the
// name is shortened, so that the figures after it stay whole; only when
// they alone leave no room for a few columns of the name is the title cut
// at its end.
std::string fit_title(std::string_view title, int width);

// s shortened to at most `width` columns by keeping `head` columns from the
// start, "…", and the rest from the end: cut_middle("离校未就业高校毕业生登记率",
// 17, 10) = "离校未就业…登记率". s itself when it fits.
std::string cut_middle(std::string_view s, int width, int head);

}  // namespace plan
