#include "log_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "render.h"
#include "report_json.h"

namespace plan {

bool LogFilter::keeps(const Entry& e) const {
  if (!id.empty() && e.id != id) return false;
  if (since && e.date < *since) return false;
  if (until && e.date > *until) return false;
  if (!by.empty() && e.tag("by") != by) return false;
  return true;
}

namespace {

bool well_known(const std::string& key) {
  return key == "by" || key == "note" || key == "src";
}

// The entry's indicator: the one the reader found (Entry::indicator), or
// for an entry built by hand the plan's of that id, if any.
const Indicator* indicator_of(const Plan& plan, const Entry& e) {
  const std::optional<std::size_t> known = known_indicator(plan, e);
  return known ? &plan.indicators[*known] : plan.find(e.id);
}

std::string other_tags(const Entry& e) {
  std::string out;
  for (const auto& [k, v] : e.tags)
    if (!well_known(k)) out += fmt::format("{}{}={}", out.empty() ? "" : " ", k, v);
  return out;
}

}  // namespace

Table log_table(const Plan& plan, std::span<const Entry> entries) {
  Table t;
  // log_delimited_rows writes the CSV columns (csv = true) in this order, as
  // these rows would hold them: a column added or moved here goes there too
  // (the log's tests and fuzz/ compare the two).
  t.columns = {{"date", "Date", "日期"},
               {"id", "ID", "指标代码", false, true, true, 0, Fit::id},
               {"value", "Value", "数值", true},
               // The first column a narrow terminal does without: the
               // indicator says its unit, and where the entry is matters more.
               {"unit", "Unit", "计量单位", false, true, true, 0, Fit::drop},
               {"by", "By", "填报单位", false, true, true, 0, Fit::cut},
               {"note", "Note", "备注", false, true, true, 30, Fit::cut},
               {"src", "Source", "来源", false, true, true, 16, Fit::cut},
               {"tags", "Tags", "其他", false, true, true, 20, Fit::cut},
               {"where", "Where", "位置", false, true, false, 0, Fit::spare},
               {"file", "File", "文件", false, false, true},
               {"line", "Line", "行", true, false, true},
               // Last: scripts written before it keep their column numbers.
               {"name", "Indicator", "指标", false, false, true}};
  for (const Entry& e : entries) {
    const Indicator* ind = indicator_of(plan, e);
    Cell value = e.is_explanation ? Cell::of_text("explain")
                 : e.is_state     ? Cell::of_text(e.done ? "done" : "undone")
                                  : Cell::of_measure(e.amount, ind ? ind->unit : "");
    Row r;
    r.cells = {Cell::of_date(e.date),
               Cell::of_text(e.id),
               value,
               Cell::of_text(ind ? ind->unit : ""),
               Cell::of_text(std::string(e.tag("by"))),
               Cell::of_text(std::string(e.tag("note"))),
               Cell::of_text(std::string(e.tag("src"))),
               Cell::of_text(other_tags(e)),
               Cell::of_text(fmt::format("{}:{}", e.where.file, e.where.line)),
               Cell::of_text(e.where.file),
               Cell::of_count(e.where.line),
               Cell::of_text(ind ? ind->name : "")};
    t.rows.push_back(std::move(r));
  }
  return t;
}

std::string log_delimited_rows(const Plan& plan, std::span<const Entry> entries, char sep) {
  std::string out;
  for (const Entry& e : entries) {
    const Indicator* ind = indicator_of(plan, e);
    const auto field = [&](std::string_view text) {
      append_delimited_text(out, text, sep);
      out += sep;
    };
    const auto plain = [&](std::string_view text) {
      append_delimited_plain(out, text, sep);
      out += sep;
    };
    plain(e.date.iso());
    field(e.id);
    plain(e.is_explanation ? "explain"
          : e.is_state     ? (e.done ? "done" : "undone")
                           : e.amount.to_string());
    field(ind ? std::string_view(ind->unit) : "");
    field(e.tag("by"));
    field(e.tag("note"));
    field(e.tag("src"));
    field(other_tags(e));
    field(e.where.file);
    plain(fmt::format_int(e.where.line).c_str());
    append_delimited_text(out, ind ? std::string_view(ind->name) : "", sep);
    end_delimited_row(out, sep);
  }
  return out;
}

LogJson::LogJson(const Plan& plan) : plan_(plan) {
  w_.begin_object();
  w_.key("entries");
  w_.begin_array();
}

std::string LogJson::entries(std::span<const Entry> batch) {
  // Nothing for no entries, not even the document's start: it is handed
  // out with the first entry, or by finish().
  if (batch.empty()) return {};
  for (const Entry& e : batch) {
    const Indicator* ind = indicator_of(plan_, e);
    w_.begin_object();
    w_.member("date", e.date.iso());
    w_.member("id", e.id);
    w_.key("value");
    write_entry_value(w_, e);
    w_.key("unit");
    if (ind) {
      w_.string(ind->unit);
    } else {
      w_.null();
    }
    w_.key("tags");
    write_entry_tags(w_, e);
    w_.member("file", e.where.file);
    w_.member("line", e.where.line);
    w_.end_object();
  }
  return std::exchange(text_, {});
}

std::string LogJson::finish() {
  w_.end_array();
  w_.end_object();
  text_ += '\n';
  return std::exchange(text_, {});
}

std::string log_json(const Plan& plan, std::span<const Entry> entries) {
  LogJson json(plan);
  std::string text = json.entries(entries);  // before finish(), which ends what it began
  return text + json.finish();
}

}  // namespace plan
