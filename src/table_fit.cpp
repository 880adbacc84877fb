#include "table_fit.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "render.h"
#include "text.h"

namespace plan {
namespace {

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

}  // namespace

std::string cut_middle(std::string_view s, int width, int head) {
  if (text_width(s) <= width) return std::string(s);
  std::string h = head_within(s, head);
  return h + "…" + tail_within(s, width - 1 - text_width(h));
}

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

std::string table_cell_text(const Cell& c, bool zh) {
  if (c.type == CellType::bar) {
    std::string track;
    for (int i = 0; i < kBarColumns; ++i) track += "░";  // only its width matters here
    return track;
  }
  return one_line(format_cell(c, zh));
}

TableMeasure::TableMeasure(const Table& head, bool zh) : zh_(zh) {
  for (std::size_t i = 0; i < head.columns.size(); ++i)
    if (head.columns[i].table) cols_.push_back(i);
  for (std::size_t c : cols_) head_.push_back(text_width(one_line(head.columns[c].header(zh))));
  cells_.assign(cols_.size(), 0);
  others_.assign(cols_.size(), 0);
  texts_.resize(cols_.size());
  for (std::size_t k = 0; k < cols_.size(); ++k) {
    const Fit f = head.columns[cols_[k]].fit;
    named_.push_back(f == Fit::name || f == Fit::id);
  }
}

void TableMeasure::add(std::span<const Row> rows) {
  rows_ += rows.size();
  for (const Row& r : rows)
    for (std::size_t k = 0; k < cols_.size(); ++k) {
      if (cols_[k] >= r.cells.size()) continue;
      const Cell& c = r.cells[cols_[k]];
      std::string text = table_cell_text(c, zh_);
      const int w = text_width(text);
      cells_[k] = std::max(cells_[k], w);
      if (c.type != CellType::text)
        others_[k] = std::max(others_[k], w);
      else if (named_[k])
        texts_[k].insert(std::move(text));
    }
}

TableFit::TableFit(const Table& t, const TableMeasure& m, int width) : zh_(m.zh_) {
  const std::size_t n = m.cols_.size();
  std::vector<int> natural(n), floor(n), w(n);
  std::vector<bool> alive(n, true), blank(n);  // blank: rows there are, all empty in it
  for (std::size_t k = 0; k < n; ++k) {
    natural[k] = std::max(m.head_[k], m.cells_[k]);
    blank[k] = m.rows_ > 0 && m.cells_[k] == 0;
    floor[k] = std::max(m.head_[k], std::min(natural[k], kNarrowest));
    w[k] = natural[k];
  }
  auto fit_of = [&](std::size_t k) { return t.columns[m.cols_[k]].fit; };
  auto find = [&](Fit f) -> int {
    for (std::size_t k = 0; k < n; ++k)
      if (fit_of(k) == f) return static_cast<int>(k);
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

  bool done = width <= 0 || fits(label < 0 ? 0 : natural[static_cast<std::size_t>(label)]);
  // 0. Columns with nothing in them (an explanation column no row has):
  // only their header would go.
  for (std::size_t k = 0; k < n && !done; ++k)
    if (blank[k] && fit_of(k) != Fit::keep) {
      alive[k] = false;
      done = fits(kNameRoom);
    }
  // 1. The bar.
  for (std::size_t k = 0; k < n && !done; ++k)
    if (fit_of(k) == Fit::drop) {
      alive[k] = false;
      done = fits(kNameRoom);
    }
  // 2. Cut columns to their own limit.
  if (!done) {
    for (std::size_t k = 0; k < n; ++k) {
      int cap = t.columns[m.cols_[k]].max_width;
      if (fit_of(k) == Fit::cut && cap > 0) w[k] = std::max(floor[k], std::min(w[k], cap));
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
    if (fit_of(k) == Fit::spare) {
      alive[k] = false;
      done = fits(kNameRoom);
    }
  // 4. Cut columns, widest first, down to their floor, until the name has
  // room; then the name gives way too.
  while (!done) {
    int widest = -1;
    for (std::size_t k = 0; k < n; ++k)
      if (alive[k] && fit_of(k) == Fit::cut && w[k] > floor[k] &&
          (widest < 0 || w[k] > w[static_cast<std::size_t>(widest)]))
        widest = static_cast<int>(k);
    if (widest < 0) break;
    --w[static_cast<std::size_t>(widest)];
    done = fits(kNameRoom);
  }
  if (!done) done = fits(kNameLeast);
  // 5. Cut columns, rightmost first.
  for (std::size_t k = n; k-- > 0 && !done;)
    if (fit_of(k) == Fit::cut) {
      alive[k] = false;
      done = fits(kNameLeast);
    }
  if (!done && label >= 0) {  // as narrow as it goes
    std::size_t l = static_cast<std::size_t>(label);
    w[l] = std::max(floor[l], std::min(natural[l], width - others()));
  }

  // The columns that stay, and the forms of the id and name columns' cut
  // texts.
  for (std::size_t k = 0; k < n; ++k) {
    if (!alive[k]) continue;
    cols.push_back(m.cols_[k]);
    width_.push_back(w[k]);
    natural_.push_back(natural[k]);
    least_.push_back(std::max(m.head_[k], m.others_[k]));
    named_.push_back(m.named_[k]);
    forms_.emplace_back();
    if (w[k] < natural[k] && m.named_[k]) {
      forms_.back() = visible_forms(m.texts_[k], w[k]);
      for (const auto& [text, form] : forms_.back())
        least_.back() = std::max(least_.back(), text_width(form));
    }
  }
}

std::string TableFit::shown(std::size_t k, const Cell& c) const {
  std::string text = table_cell_text(c, zh_);
  if (!cut(k) || c.type != CellType::text) return text;
  if (named_[k]) {
    auto it = forms_[k].find(text);
    if (it != forms_[k].end()) return it->second;  // (every text measured is there)
  }
  return truncate_to_width(text, width_[k]);
}

std::optional<int> TableFit::width(std::size_t k) const {
  if (!cut(k)) return natural_[k];
  if (named_[k]) return least_[k];
  return std::nullopt;
}

Table fit_table(const Table& in, int width, bool zh) {
  Table t = in;
  for (Column& c : t.columns) c.max_width = 0;
  if (width <= 0) return t;
  TableMeasure m(in, zh);
  m.add(in.rows);
  const TableFit fit(in, m, width);
  for (Column& c : t.columns) c.table = false;
  for (std::size_t k = 0; k < fit.cols.size(); ++k) {
    const std::size_t col = fit.cols[k];
    t.columns[col].table = true;
    if (!fit.cut(k)) continue;
    for (Row& r : t.rows)
      if (col < r.cells.size() && r.cells[col].type == CellType::text)
        r.cells[col] = Cell::of_text(fit.shown(k, r.cells[col]));
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
