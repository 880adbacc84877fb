#include "table_fit.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "render.h"
#include "text.h"

namespace plan {
namespace {

// A report's title is "PLAN — WHAT" (the plan's name, then what the table
// shows: a date, the time progress). When it does not fit, the name is
// shortened, so that the figures after it stay whole; only when they alone
// leave no room for a few columns of the name is the title cut at its end.
std::string fit_title(std::string_view title, int width) {
  if (text_width(title) <= width) return std::string(title);
  constexpr std::string_view kDash = " — ";
  if (const auto at = title.find(kDash); at != std::string_view::npos && at > 0) {
    const std::string_view rest = title.substr(at);
    const int room = width - text_width(rest);
    if (room >= 5) return truncate_to_width(title.substr(0, at), room) + std::string(rest);
  }
  return truncate_to_width(title, width);
}

// The narrowest a name column becomes before other columns give up more,
// and the narrowest anything is cut to.
constexpr int kNameRoom = 16;   // before cut columns shrink below their limit
constexpr int kNameLeast = 10;  // before cut columns are dropped
constexpr int kNarrowest = 6;

// The visible forms of a column's texts at `width` columns: cut at the end,
// except where two different texts would read the same; those are cut in
// the middle, with the longest head that tells every one of them apart.
std::map<std::string, std::string> visible_forms(const std::set<std::string>& texts, int width) {
  std::map<std::string, std::string> shown;
  std::map<std::string, std::vector<std::string>> by_form;
  for (const std::string& s : texts) {
    shown[s] = truncate_to_width(s, width);
    by_form[shown[s]].push_back(s);
  }
  for (const auto& [form, group] : by_form) {
    if (group.size() < 2) continue;
    // First try keeping whole what follows the part they share
    // ("离校未就业…登记率", "离校未就业…服务率"), then any split, longest head first.
    std::size_t common = group.front().size();
    for (const std::string& s : group) {
      std::size_t i = 0;
      while (i < common && i < s.size() && s[i] == group.front()[i]) ++i;
      common = i;
    }
    while (common > 0 && (static_cast<unsigned char>(group.front()[common]) & 0xC0) == 0x80)
      --common;  // back to the start of a character
    int tail = 0;
    for (const std::string& s : group) tail = std::max(tail, text_width(s.substr(common)));
    std::vector<int> heads;
    if (width - 1 - tail >= 2) heads.push_back(width - 1 - tail);
    for (int head = width - 2; head >= 1; --head) heads.push_back(head);
    for (int head : heads) {
      std::set<std::string> forms;
      bool apart = true;
      for (const std::string& s : group) {
        std::string f = cut_middle(s, width, head);
        // Apart from each other and from every other text's visible form.
        bool taken = by_form.count(f) && !(f == form);
        if (taken || !forms.insert(f).second) apart = false;
      }
      if (!apart) continue;
      for (const std::string& s : group) shown[s] = cut_middle(s, width, head);
      break;
    }
  }
  return shown;
}

const std::string& header_of(const Column& c, bool zh) {
  return zh && !c.zh.empty() ? c.zh : (c.en.empty() ? c.key : c.en);
}

}  // namespace

std::string cut_middle(std::string_view s, int width, int head) {
  if (text_width(s) <= width) return std::string(s);
  std::string h = head_within(s, head);
  return h + "…" + tail_within(s, width - 1 - text_width(h));
}

std::string table_cell_text(const Cell& c, bool zh) {
  if (c.type == CellType::bar) {
    std::string track;
    for (int i = 0; i < kBarColumns; ++i) track += "░";  // only its width matters here
    return track;
  }
  return one_line(format_cell(c, zh));
}

Table fit_table(const Table& in, int width, bool zh) {
  Table t = in;
  for (Column& c : t.columns) c.max_width = 0;
  if (width <= 0) return t;

  std::vector<std::size_t> cols;  // the table's columns, by index into t.columns
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].table) cols.push_back(i);
  std::size_t n = cols.size();
  std::vector<int> natural(n), floor(n), w(n);
  std::vector<bool> alive(n, true), blank(n);  // blank: rows there are, all empty in it
  for (std::size_t k = 0; k < n; ++k) {
    int head = text_width(one_line(header_of(t.columns[cols[k]], zh))), cells = 0;
    for (const Row& r : t.rows)
      if (cols[k] < r.cells.size())
        cells = std::max(cells, text_width(table_cell_text(r.cells[cols[k]], zh)));
    natural[k] = std::max(head, cells);
    blank[k] = !t.rows.empty() && cells == 0;
    floor[k] = std::max(head, std::min(natural[k], kNarrowest));
    w[k] = natural[k];
  }

  auto find = [&](Fit f) -> int {
    for (std::size_t k = 0; k < n; ++k)
      if (t.columns[cols[k]].fit == f) return static_cast<int>(k);
    return -1;
  };
  int id = find(Fit::id), name = find(Fit::name);
  // The column that takes what is left: the name, or the id without one.
  int label = name >= 0 ? name : id;

  auto others = [&] {
    int sum = 0, count = 0;
    for (std::size_t k = 0; k < n; ++k)
      if (alive[k]) {
        ++count;
        if (static_cast<int>(k) != label) sum += w[k];
      }
    return sum + 2 * std::max(count - 1, 0);
  };
  // Whether the table fits with the label at least `room` columns wide (or
  // its full width when narrower); if so the label gets all that is left.
  auto fits = [&](int room) {
    int left = width - others();
    if (label < 0) return left >= 0;
    int want = std::max(floor[label], std::min(natural[label], room));
    if (left < want) return false;
    w[label] = std::min(natural[label], left);
    return true;
  };

  bool done = fits(label < 0 ? 0 : natural[static_cast<std::size_t>(label)]);
  // 0. Columns with nothing in them (an explanation column no row has):
  // only their header would go.
  for (std::size_t k = 0; k < n && !done; ++k)
    if (blank[k] && t.columns[cols[k]].fit != Fit::keep) {
      alive[k] = false;
      done = fits(kNameRoom);
    }
  // 1. The bar.
  for (std::size_t k = 0; k < n && !done; ++k)
    if (t.columns[cols[k]].fit == Fit::drop) {
      alive[k] = false;
      done = fits(kNameRoom);
    }
  // 2. Cut columns to their own limit.
  if (!done) {
    for (std::size_t k = 0; k < n; ++k) {
      int cap = in.columns[cols[k]].max_width;
      if (t.columns[cols[k]].fit == Fit::cut && cap > 0)
        w[k] = std::max(floor[k], std::min(w[k], cap));
    }
    done = fits(kNameRoom);
  }
  // 3. The id, when the name says which indicator it is.
  if (!done && id >= 0 && name >= 0) {
    alive[static_cast<std::size_t>(id)] = false;
    done = fits(kNameRoom);
  }
  // 3b. Figures a narrow terminal can do without, rightmost first.
  for (std::size_t k = n; k-- > 0 && !done;)
    if (t.columns[cols[k]].fit == Fit::spare) {
      alive[k] = false;
      done = fits(kNameRoom);
    }
  // 4. Cut columns, widest first, down to their floor, until the name has
  // room; then the name gives way too.
  while (!done) {
    int widest = -1;
    for (std::size_t k = 0; k < n; ++k)
      if (alive[k] && t.columns[cols[k]].fit == Fit::cut && w[k] > floor[k] &&
          (widest < 0 || w[k] > w[static_cast<std::size_t>(widest)]))
        widest = static_cast<int>(k);
    if (widest < 0) break;
    --w[static_cast<std::size_t>(widest)];
    done = fits(kNameRoom);
  }
  if (!done) done = fits(kNameLeast);
  // 5. Cut columns, rightmost first.
  for (std::size_t k = n; k-- > 0 && !done;)
    if (t.columns[cols[k]].fit == Fit::cut) {
      alive[k] = false;
      done = fits(kNameLeast);
    }
  if (!done && label >= 0) {  // as narrow as it goes
    std::size_t l = static_cast<std::size_t>(label);
    w[l] = std::max(floor[l], std::min(natural[l], width - others()));
  }

  // Lay the widths onto the table.
  for (std::size_t k = 0; k < n; ++k) {
    Column& col = t.columns[cols[k]];
    if (!alive[k]) {
      col.table = false;
      continue;
    }
    if (w[k] >= natural[k]) continue;
    std::set<std::string> texts;
    for (const Row& r : t.rows)
      if (cols[k] < r.cells.size() && r.cells[cols[k]].type == CellType::text)
        texts.insert(table_cell_text(r.cells[cols[k]], zh));
    std::map<std::string, std::string> shown;
    if (col.fit == Fit::name || col.fit == Fit::id) {
      shown = visible_forms(texts, w[k]);
    } else {
      for (const std::string& s : texts) shown[s] = truncate_to_width(s, w[k]);
    }
    for (Row& r : t.rows) {
      if (cols[k] >= r.cells.size() || r.cells[cols[k]].type != CellType::text) continue;
      Cell& c = r.cells[cols[k]];
      std::string s = shown[table_cell_text(c, zh)];
      c = Cell::of_text(std::move(s));
    }
  }
  t.title = fit_title(one_line(t.title_for(zh)), width);
  t.title_zh.clear();
  for (Row& r : t.rows) r.group = truncate_to_width(one_line(r.group), width);
  t.footer = t.footer_for(zh);
  t.footer_zh.clear();
  for (std::string& f : t.footer) f = truncate_to_width(one_line(f), width);
  return t;
}

}  // namespace plan
