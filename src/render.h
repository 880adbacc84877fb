// Renderers for Table (table.h). JSON is not here: each report has its own
// JSON shape (SPEC §6), written by that report's code with a JsonWriter
// (json_writer.h) and the shapes they share (report_json.h).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "table.h"
#include "table_fit.h"

namespace plan {

enum class Format { table, csv, tsv, json, md, xlsx };
std::optional<Format> parse_format(std::string_view s);

struct RenderOptions {
  bool color = false;  // ANSI colours by status (terminal tables only)
  bool zh = false;     // Chinese headers
  bool bom = false;    // CSV/TSV: start with a UTF-8 BOM, for Excel
  int width = 0;       // terminal tables: fit to this many columns (table_fit.h); 0 = never cut
};

// Aligned by display width (CJK = 2 columns), thousands separators, ratios as
// "45.3%", groups as headings; the body's lines are as wide as the rule but for
// the blanks cut at their end.
// Text from the data is sanitized (control characters neutralised). With
// RenderOptions::width the table is fitted to it as fit_table fits it
// (TableMeasure, TableFit: table_fit.h); without, nothing is cut, for
// scripts that read a pipe.
std::string render_table(const Table& t, const RenderOptions& o);

// render_table a batch of rows at a time, for a listing too long to hold
// as one table of cells (plan log): the columns' widths come from every
// row, so every batch is shown to measure() first; then, if looks_again()
// says so (a column's texts are cut at their end to fit, and how wide the
// widest shows only the rows can tell), to measure_again(); then to
// rows(), in the same order. begin() comes before the first rows() and
// end() after the last. Concatenated, the pieces are render_table of the
// table of all the rows, byte for byte.
class TableWriter {
 public:
  // `head`: the table's columns, title and footer (its rows are not read).
  TableWriter(const Table& head, const RenderOptions& o);
  void measure(std::span<const Row> rows) { measure_.add(rows); }
  bool looks_again();  // REQUIRES: every row measured
  void measure_again(std::span<const Row> rows);
  std::string begin();
  std::string rows(std::span<const Row> rows);
  std::string end() const;

 private:
  void settle();
  std::string cell_text(std::size_t k, const Cell& c) const;
  void line(std::string& out, const std::vector<std::string>& texts,
            const std::vector<const char*>& colours) const;

  Table head_;  // no rows
  RenderOptions o_;
  TableMeasure measure_;
  std::optional<TableFit> fit_;
  std::vector<int> widths_;           // per column of fit_->cols
  std::vector<std::size_t> open_;     // columns whose widths measure_again() finds
  bool shown_ = false;                // whether the header and rule are written
  std::optional<std::string> group_;  // the group heading last written
  bool after_rule_ = true;
};

// RFC 4180 CSV (sep ',') or TSV (sep '\t'): header row of column keys, plain
// numbers, ISO dates; cells a spreadsheet would read as a formula are
// neutralised with a leading apostrophe. Lines end in "\r\n" for CSV, "\n"
// for TSV.
std::string render_delimited(const Table& t, char sep, const RenderOptions& o);
// The same in two parts, for a listing written a batch of rows at a time
// (plan log): the BOM when asked and the header line, then the rows of a
// table that holds a batch. render_delimited is the one followed by the other.
std::string render_delimited_header(const Table& t, char sep, const RenderOptions& o);
std::string render_delimited_rows(const Table& t, char sep);
// The same a field at a time, for a listing that writes its rows straight
// from its data (plan log): `text` written as a text cell is (valid_utf8,
// the formula guard), or as a figure, date or count is, whose text needs
// neither; then the row's end. Fields of a row are separated by `sep`.
// (Not the rule for a table of one column, whose empty field render_delimited
// writes as "": a row of several fields is never a blank line.)
void append_delimited_text(std::string& out, std::string_view text, char sep);
void append_delimited_plain(std::string& out, std::string_view text, char sep);
void end_delimited_row(std::string& out, char sep);

// GitHub-flavoured Markdown: one pipe table per group, headed "### group".
std::string render_markdown(const Table& t, const RenderOptions& o);
// The same a batch of rows at a time (plan log), as TableWriter writes the
// terminal table: every batch is shown to measure() (the columns are as
// wide as their widest cells), then to rows(), in the same order; begin()
// comes before the first rows() and end() after the last. Concatenated,
// the pieces are render_markdown of the table of all the rows.
class MarkdownWriter {
 public:
  // `head`: the table's columns, title and footer (its rows are not read).
  MarkdownWriter(const Table& head, const RenderOptions& o);
  void measure(std::span<const Row> rows);
  std::string begin();
  std::string rows(std::span<const Row> rows);
  std::string end();

 private:
  std::vector<std::string> cells(const Row& row) const;
  std::string line(const std::vector<std::string>& cells) const;
  std::string block(std::string_view text);  // `text`, after a blank line unless first

  Table head_;  // no rows
  RenderOptions o_;
  std::vector<std::size_t> cols_;     // the columns shown
  std::vector<std::string> headers_;  // their headers, as Markdown
  std::vector<int> widths_;
  std::string rule_;                  // the header line and the delimiter row
  bool blocks_ = false;               // whether a block is written
  std::optional<std::string> group_;  // the group of the row last written
};

// Plain textual forms shared by the renderers. Rounding is half away from
// zero on the shortest decimal form of the double (0.4535 -> "45.4%", as a
// person reading 0.4535 expects), and a result that rounds to zero has no
// minus sign. Values that are not finite format as "".
std::string format_amount(Decimal d, bool thousands);  // "51,000", "1.9"
std::string group_thousands(std::string plain);        // "-1234567.5" -> "-1,234,567.5"
std::string format_ratio(double r);                    // "45.3%", "-2.0%"
// `decimals` fixed places, or -1 for at most two with trailing zeros dropped:
// format_number(1234.5, -1) = "1,234.5", format_number(2, 1) = "2.0".
std::string format_number(double v, int decimals);

// A cell as people read it (terminal tables, Markdown), before any
// sanitizing, escaping, truncating or padding: amounts, numbers and counts
// with thousands separators, ratios as "45.3%", ISO dates, text and status
// words as given, then Cell::suffix ("2.1" + "%"); empty cells as "", bars
// as "45.3% (t 60.0%)" (completion, then time progress; no suffix; the
// terminal table draws bars instead).
std::string format_cell(const Cell& c, bool zh = false);

}  // namespace plan
