// A report rendered as rows and columns: the shape shared by every listing
// command. Reports build a Table; render_*.h turn it into a terminal table,
// CSV, TSV or Markdown. Cells keep raw values so each format chooses how to
// print them (51,000 in a terminal, 51000 in CSV).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date.h"
#include "decimal.h"

namespace plan {

enum class CellType {
  empty,   // no value: blank in tables, empty in CSV, null in JSON
  text,    // free text (names, units, ids); sanitized in terminal output
  amount,  // a Decimal figure in the indicator's unit
  ratio,   // a double where 1.0 = 100 %: "45.3%" in tables, 0.453 in CSV
  number,  // a plain double (a pace per month, a change in percentage points)
  count,   // a whole number (how many indicators)
  date,    // ISO date
  status,  // a status word (achieved, behind, …): coloured in terminals
  bar,     // progress bar: `ratio` = completion, `marker` = time progress; table only
};

// A status cell's colour in a terminal, set from the status value by
// status_cell (words.h); the renderer never reads the word to choose it.
enum class Tone {
  plain,  // the terminal's own colour (pending, and text that is not a status)
  good,   // achieved, met, done: green
  fine,   // on track: cyan
  warn,   // behind, overdue: yellow
  bad,    // missed: red
  dim,    // no data
};

struct Cell {
  CellType type = CellType::empty;
  std::string text;     // text, status
  std::string text_zh;  // text, status: the same words in Chinese, shown under --lang zh when set
  Decimal amount;       // amount
  double value = 0;     // ratio, number, bar (completion)
  double marker = 0;    // bar: where the time-progress tick goes
  long long whole = 0;  // count
  Date date;            // date
  int decimals = -1;    // number: fixed decimals, -1 = as needed
  Tone tone = Tone::plain;  // status: its colour in terminal tables
  // Shown around the value in terminal tables and Markdown only ("2.1%"),
  // never in CSV/TSV, where the unit has its own column.
  std::string suffix;
  std::string suffix_zh;  // the suffix under --lang zh, when it has words ("个百分点")

  static Cell none() { return {}; }
  static Cell of_text(std::string s);
  static Cell of_amount(Decimal d);
  static Cell of_amount(const std::optional<Decimal>& d);
  // An amount in an indicator's unit: rates ("%") carry the sign in tables.
  static Cell of_measure(const std::optional<Decimal>& d, std::string_view unit);
  static Cell of_ratio(std::optional<double> r);
  static Cell of_number(std::optional<double> v, int decimals = -1);
  static Cell of_count(long long n);
  static Cell of_date(std::optional<Date> d);
  static Cell of_status(std::string s, Tone tone = Tone::plain);
  static Cell of_bar(double completion, double time_progress);
};

// How a terminal table may give up a column's space when it does not fit
// the terminal (table_fit.h): figures, dates and statuses are never cut.
enum class Fit {
  keep,   // never cut nor dropped
  drop,   // dropped first when space is short (the progress bar, a log's unit)
  cut,    // words that may be cut short with "…" (notes, unit names)
  spare,  // what a narrow terminal can do without (figures, a log's place): dropped after the id
  id,     // the indicator id: dropped when a name column says the same
  name,   // the indicator name: gets whatever is left, cut so that no two read the same
};

struct Column {
  // The header a terminal table or Markdown shows: Chinese under zh when
  // there is one, else English, else the key.
  const std::string& header(bool chinese) const {
    return chinese && !zh.empty() ? zh : en.empty() ? key : en;
  }
  std::string key;      // machine name: CSV/TSV header, e.g. "completion"
  std::string en;       // table/Markdown header in English
  std::string zh;       // … in Chinese
  bool right = false;   // right-aligned (numbers)
  bool table = true;    // shown in terminal tables and Markdown
  bool csv = true;      // shown in CSV/TSV
  int max_width = 0;    // terminal, when short of space: cut wider cells to this first (0 = none)
  Fit fit = Fit::keep;  // terminal: how the column gives up space (table_fit.h)
  // Workbooks, for a column to be filled in (plan template): the number
  // format of its empty cells ("#,##0.00"; "@" keeps typed text as text),
  // and its least width in characters; "" and 0: none.
  std::string xlsx_blank = "";
  int xlsx_width = 0;
};

struct Row {
  std::vector<Cell> cells;
  std::string group;  // terminal/Markdown: a heading printed when it changes
};

struct Table {
  std::string title;     // optional line printed above a terminal table
  std::string title_zh;  // the same in Chinese (used with RenderOptions::zh when set)

  const std::string& title_for(bool zh) const { return zh && !title_zh.empty() ? title_zh : title; }
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::vector<std::string> footer;     // lines printed below a terminal table
  std::vector<std::string> footer_zh;  // the same in Chinese (used with RenderOptions::zh when set)

  const std::vector<std::string>& footer_for(bool zh) const {
    return zh && !footer_zh.empty() ? footer_zh : footer;
  }
  // The table without its rows: what a writer of rows in batches keeps
  // (TableWriter, MarkdownWriter).
  Table head() const {
    Table t;
    t.title = title;
    t.title_zh = title_zh;
    t.columns = columns;
    t.footer = footer;
    t.footer_zh = footer_zh;
    return t;
  }
};

}  // namespace plan
