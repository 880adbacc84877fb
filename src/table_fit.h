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

#include <string>
#include <string_view>

#include "table.h"

namespace plan {

// Columns a progress bar takes: ten cells and the time-progress marker.
inline constexpr int kBarColumns = 11;

// A cell as a terminal table shows it, uncoloured and unpadded: the cell's
// words on one line (format_cell, sanitized), or the bar.
std::string table_cell_text(const Cell& c, bool zh);

// `t` laid out to at most `width` display columns: dropped columns have
// Column::table false, cut text cells hold their visible text, and every
// Column::max_width is spent (0). width <= 0 means no limit: nothing cut.
// Where even the narrowest form is wider than `width` (a dozen figure
// columns at 20 columns), the result is as narrow as it can be.
Table fit_table(const Table& t, int width, bool zh);

// s shortened to at most `width` columns by keeping `head` columns from the
// start, "…", and the rest from the end: cut_middle("离校未就业高校毕业生登记率",
// 17, 10) = "离校未就业…登记率". s itself when it fits.
std::string cut_middle(std::string_view s, int width, int head);

}  // namespace plan
