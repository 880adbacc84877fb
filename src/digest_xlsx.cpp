// The digest as one Excel workbook: a sheet per section of digest.h, in the
// order the other renderers print them, each a Table of typed cells that
// render_xlsx writes (numbers with their formats, completion and time
// progress as Excel percentages, dates as dates, text as strings). The
// sheet of the flows furthest behind carries a native bar chart of their
// completion against the time progress. The figures come from the Digest;
// the words of headings and changes from digest_words.h, as in the text,
// Markdown and HTML digests.
#include <cmath>

#include "digest_render.h"
#include "digest_words.h"
#include "words.h"
#include "workbook_module.h"

namespace plan {
namespace {

namespace w = digest_words;
using w::Section;

Column col(const char* key, const char* en, const char* zh, bool right = false) {
  return Column{key, en, zh, right};
}
// A column for one of the report vocabulary's concepts, headed as every
// other renderer heads it (words.h).
Column col(const char* key, Word w, bool right = false) {
  return Column{key, heading(w, false), heading(w, true), right};
}

// A cell with its English and Chinese words; the workbook's --lang picks one.
Cell words(std::string en, std::string zh) {
  Cell c = Cell::of_text(std::move(en));
  c.text_zh = std::move(zh);
  return c;
}

Cell explanation_cell(const Explanation* x) {
  if (!x) return Cell::none();
  return words(w::explanation_words(*x, false), w::explanation_words(*x, true));
}

// A section's sheet title: its heading, or what it says when it lists nothing.
void title_section(Table& t, const Digest& d, Section s) {
  // A sheet keeps its title when it has nothing to list, and says so after
  // it: "Milestones due by 2019-04-30 or overdue — None."
  bool empty = t.rows.empty();
  t.title = w::heading(d, s, false) + (empty ? " — " + w::nothing(d, s, false) : "");
  t.title_zh = w::heading(d, s, true) + (empty ? "：" + w::nothing(d, s, true) : "");
}

// What the headline says, one figure a row.
Table summary_table(const Digest& d) {
  Table t;
  t.title = w::title(d, false);
  t.title_zh = w::title(d, true);
  t.columns = {col("item", "Item", "项目"), col("value", "Value", "数值", true)};
  auto add = [&](const char* en, const char* zh, Cell value) {
    t.rows.push_back(Row{{words(en, zh), std::move(value)}, {}});
  };
  add("Period from", "期间起", Cell::of_date(d.period.first));
  add("Period to (figures as of)", "期间止（数据截至）", Cell::of_date(d.period.last));
  add("Status compared with", "对比日期", Cell::of_date(d.previous.last));
  add("Time progress", "序时进度", Cell::of_ratio(d.time_progress));
  add("Indicators", "指标数", Cell::of_count(d.headline.indicators));
  // The groups as the text headline words them, with what each takes in.
  add("Achieved (achieved, met, done)", "已完成（含达标、已办结）",
      Cell::of_count(d.headline.achieved));
  add("On track (on track, pending)", "正常（含推进中）", Cell::of_count(d.headline.on_track));
  add("Behind", "滞后", Cell::of_count(d.headline.behind));
  add("Missed (missed, overdue)", "未完成（含未达标、逾期）", Cell::of_count(d.headline.missed));
  add("Unreported", "未报送", Cell::of_count(d.headline.unreported));
  add("No data", "无数据", Cell::of_count(d.headline.no_data));
  add("Reports missing", "未报送报表", Cell::of_count(static_cast<long long>(d.missing.size())));
  add("Entries recorded in the period", "本期填报条数",
      Cell::of_count(static_cast<long long>(d.recorded_entries)));
  return t;
}

// Reports due and missing, then those falling due by the end of the next
// period, told apart by the state column and by which count is filled.
Table missing_table(const Digest& d) {
  Table t;
  t.columns = {col("state", "State", "状态"),
               col("id", Word::id),
               col("name", Word::indicator),
               col("reporter", Word::reporter),
               col("period", Word::report_period),
               col("due", Word::due),
               col("days_overdue", Word::days_overdue, true),
               col("days_left", Word::days_left, true),
               col("explanation", "Explanation", "情况说明")};
  auto add = [&](const MissingReport& m, bool upcoming) {
    Cell state = upcoming ? words("falling due", "即将到期") : words("missing", "未报送");
    if (!upcoming) state.tone = Tone::warn;  // a fill, as a status cell's
    state.type = CellType::status;
    t.rows.push_back(Row{{state, Cell::of_text(m.ind->id), Cell::of_text(m.ind->name),
                          Cell::of_text(m.reporter), Cell::of_text(m.period), Cell::of_date(m.due),
                          upcoming ? Cell::none() : Cell::of_count(m.days_overdue),
                          upcoming ? Cell::of_count(-m.days_overdue) : Cell::none(),
                          explanation_cell(m.explanation ? &*m.explanation : nullptr)},
                         {}});
  };
  for (const MissingReport& m : d.missing) add(m, false);
  for (const MissingReport& m : d.due_next) add(m, true);
  title_section(t, d, Section::missing);
  return t;
}

// A flow's, a level's or a milestone's figure at E: a milestone's is the
// day it was done.
Cell actual_cell(const IndicatorStatus& s) {
  if (s.ind->kind == Kind::milestone) return Cell::of_date(s.actual_date);
  return Cell::of_amount(s.actual);
}

// Every status change, those that need attention first.
Table changes_table(const Digest& d) {
  Table t;
  t.columns = {col("section", "Section", "类别"),
               col("change", Word::change),
               col("id", Word::id),
               col("name", Word::indicator),
               col("before", "Before", "上期状态"),
               col("status", "Now", "本期状态"),
               col("actual", Word::actual, true),
               col("target", Word::target, true),
               col("completion", Word::completion, true),
               col("detail", Word::figures_at),
               col("explanation", "Explanation", "情况说明")};
  for (bool attention : {true, false}) {
    for (const StatusChange& c : d.changes) {
      if (needs_attention(c.kind) != attention) continue;
      const IndicatorStatus& s = c.now;
      t.rows.push_back(
          Row{{attention ? words("needs attention", "需关注") : words("other change", "其他变化"),
               words(w::change_heading(c.kind, false), w::change_heading(c.kind, true)),
               Cell::of_text(s.ind->id), Cell::of_text(s.ind->name),
               words(status_word(c.before, s.ind->kind, false),
                     status_word(c.before, s.ind->kind, true)),
               status_cell(s.status, s.ind->kind), actual_cell(s), Cell::of_amount(s.target),
               Cell::of_ratio(s.completion),
               words(w::change_words(c, false).figures, w::change_words(c, true).figures),
               explanation_cell(attention ? shown_explanation(s) : nullptr)},
              {}});
    }
  }
  t.title =
      w::heading(d, Section::attention, false) + "; " + w::heading(d, Section::progress, false);
  t.title_zh =
      w::heading(d, Section::attention, true) + "；" + w::heading(d, Section::progress, true);
  return t;
}

// A figure shown as the other digests word it (digest_words.h figure):
// whole from 100 up ("17,492"), else two decimals ("2.92"); the cell keeps
// the exact value.
Cell figure_cell(std::optional<double> v) {
  if (!v) return Cell::none();
  return Cell::of_number(*v, std::fabs(*v) >= 100 ? 0 : 2);
}

// The flows furthest behind (--top of them), largest gap first.
constexpr std::size_t kShortfallName = 2, kShortfallCompletion = 6, kShortfallTime = 7;

Table shortfalls_table(const Digest& d) {
  Table t;
  t.columns = {col("rank", "#", "#", true),
               col("id", Word::id),
               col("name", Word::indicator),
               col("unit", "Unit", "计量单位"),
               col("actual", Word::actual, true),
               col("target", Word::target, true),
               col("completion", Word::completion, true),
               col("time_progress", "Time progress", "时间进度", true),
               col("expected", Word::expected, true),
               col("behind_by", Word::behind_by, true),
               col("gap", Word::of_target, true),
               col("needed", Word::needed, true),
               col("pace", Word::pace, true),
               col("explanation", "Explanation", "情况说明")};
  for (std::size_t i = 0; i < d.shortfalls.size(); ++i) {
    const Shortfall& f = d.shortfalls[i];
    const IndicatorStatus& s = f.now;
    // Expected and behind share their decimals, as in the text digest.
    const int decimals = expected_decimals(*s.ind, s.expected, s.behind_by);
    t.rows.push_back(Row{
        {Cell::of_count(static_cast<long long>(i + 1)), Cell::of_text(s.ind->id),
         Cell::of_text(s.ind->name), Cell::of_text(s.ind->unit), Cell::of_amount(s.actual),
         Cell::of_amount(s.target), Cell::of_ratio(s.completion), Cell::of_ratio(s.time_progress),
         Cell::of_number(s.expected, decimals), Cell::of_number(s.behind_by, decimals),
         Cell::of_ratio(f.gap), figure_cell(s.needed_per_month), figure_cell(s.pace_per_month),
         explanation_cell(shown_explanation(s))},
        {}});
  }
  title_section(t, d, Section::shortfalls);
  return t;
}

// Milestones overdue, then those falling due by the end of the next period.
Table milestones_table(const Digest& d) {
  Table t;
  t.columns = {col("id", Word::id),
               col("name", Word::milestone),
               col("status", Word::status),
               col("due", "Due", "期限"),
               col("days_overdue", Word::days_overdue, true),
               col("days_left", Word::days_left, true),
               col("explanation", "Explanation", "情况说明")};
  for (const MilestoneDue& m : d.milestones) {
    bool overdue = m.status == Status::overdue;
    t.rows.push_back(Row{
        {Cell::of_text(m.ind->id), Cell::of_text(m.ind->name), status_cell(m.status, m.ind->kind),
         Cell::of_date(m.due), overdue ? Cell::of_count(m.days) : Cell::none(),
         overdue ? Cell::none() : Cell::of_count(m.days),
         explanation_cell(m.explanation ? &*m.explanation : nullptr)},
        {}});
  }
  title_section(t, d, Section::milestones);
  return t;
}

Table units_sheet(const Digest& d) {
  Table t = units_table(d.units);
  title_section(t, d, Section::units);
  return t;
}

// What a group of entries amounts to, in three cells: a flow's sum, a
// level's latest reading, or a milestone's state; the date of that reading
// or state.
struct RecordedCells {
  Cell value, date, state;
};
RecordedCells recorded_cells(const Indicator& ind, Decimal sum, const RecordedGroup& latest) {
  if (is_flow(ind.kind)) return {Cell::of_amount(sum), Cell::none(), Cell::none()};
  if (ind.kind == Kind::milestone)
    return {Cell::none(), Cell::of_date(latest.latest_date),
            latest.latest_done ? words("done", "已办结") : words("not done", "未办结")};
  return {Cell::of_amount(latest.latest_value), Cell::of_date(latest.latest_date), Cell::none()};
}

std::vector<Column> recorded_columns() {
  return {col("value", Word::recorded, true), col("date", "Latest on", "最新日期"),
          col("state", "Milestone", "节点状态")};
}

// One row per indicator recorded in the period.
Table recorded_table(const Digest& d) {
  Table t;
  t.columns = {col("id", Word::id), col("name", Word::indicator), col("unit", "Unit", "计量单位"),
               col("entries", Word::entries, true)};
  for (Column& c : recorded_columns()) t.columns.push_back(std::move(c));
  t.columns.push_back(col("units", Word::units_count, true));
  for (const RecordedIndicator& r : d.recorded) {
    RecordedCells v = recorded_cells(*r.ind, r.sum, r.latest());
    t.rows.push_back(
        Row{{Cell::of_text(r.ind->id), Cell::of_text(r.ind->name), Cell::of_text(r.ind->unit),
             Cell::of_count(static_cast<long long>(r.entries)), v.value, v.date, v.state,
             Cell::of_count(static_cast<long long>(r.units.size()))},
            {}});
  }
  title_section(t, d, Section::recorded);
  return t;
}

// The same per reporting unit (by= tag). No total rows: the sheet is for
// filtering and summing, and the Recorded sheet has the totals.
Table appendix_table(const Digest& d) {
  Table t;
  t.columns = {col("id", Word::id), col("name", Word::indicator), col("by", Word::reported_by),
               col("entries", Word::entries, true)};
  for (Column& c : recorded_columns()) t.columns.push_back(std::move(c));
  t.columns.push_back(col("note", Word::latest_note));
  for (const RecordedIndicator& r : d.recorded) {
    for (const RecordedGroup& g : r.units) {
      RecordedCells v = recorded_cells(*r.ind, g.sum, g);
      t.rows.push_back(Row{{Cell::of_text(r.ind->id), Cell::of_text(r.ind->name),
                            g.unit.empty() ? words(std::string(word(Word::no_by, false)),
                                                   std::string(word(Word::no_by, true)))
                                           : Cell::of_text(g.unit),
                            Cell::of_count(static_cast<long long>(g.entries)), v.value, v.date,
                            v.state, Cell::of_text(g.note)},
                           {}});
    }
  }
  title_section(t, d, Section::appendix);
  return t;
}

}  // namespace

Expected<std::string> digest_xlsx(const Digest& d, const RenderOptions& o) {
  XlsxBook book;
  book.title = w::title(d, o.zh);
  book.as_of = d.as_of;
  book.zh = o.zh;
  // The tables outlive the book's pointers to them: a fixed array.
  Table tables[8];
  auto sheet = [&](std::size_t i, Table t, const char* en, const char* zh) -> XlsxSheet& {
    tables[i] = std::move(t);
    XlsxSheet s;
    s.name = en;
    s.name_zh = zh;
    s.table = &tables[i];
    book.sheets.push_back(std::move(s));
    return book.sheets.back();
  };
  // A reporter's digest is what it owes, and nothing else.
  if (!d.reporter.empty()) {
    Table t = missing_table(d);
    t.title = w::title(d, false);
    t.title_zh = w::title(d, true);
    sheet(0, std::move(t), "Reports missing", "未报送");
    return workbook_module().render_xlsx(book);
  }
  sheet(0, summary_table(d), "Summary", "概况");
  sheet(1, missing_table(d), "Reports missing", "未报送");
  sheet(2, changes_table(d), "Changes", "状态变化");
  XlsxSheet& behind = sheet(3, shortfalls_table(d), "Behind", "滞后指标");
  behind.chart = XlsxChart{o.zh ? "完成率与序时进度" : "Completion against time progress",
                           kShortfallName,
                           {kShortfallCompletion, kShortfallTime}};
  sheet(4, milestones_table(d), "Milestones", "节点任务");
  sheet(5, units_sheet(d), "Units", "责任单位");
  sheet(6, recorded_table(d), "Recorded", "本期填报");
  sheet(7, appendix_table(d), "By reporter", "分单位填报");
  return workbook_module().render_xlsx(book);
}

}  // namespace plan
