#include "plan.h"

#include <algorithm>
#include <numeric>

namespace plan {

std::string_view kind_name(Kind k) {
  switch (k) {
    case Kind::total:
      return "total";
    case Kind::range:
      return "range";
    case Kind::floor:
      return "floor";
    case Kind::cap:
      return "cap";
    case Kind::milestone:
      return "milestone";
  }
  return "?";
}

std::optional<Kind> parse_kind(std::string_view s) {
  for (Kind k : {Kind::total, Kind::range, Kind::floor, Kind::cap, Kind::milestone})
    if (kind_name(k) == s) return k;
  return std::nullopt;
}

Decimal Indicator::target_for_year(int year) const {
  auto it = years.find(year);
  return it == years.end() ? target : it->second;
}

bool Indicator::leads(std::string_view u) const {
  return std::find(lead.begin(), lead.end(), u) != lead.end();
}

bool Indicator::involves(std::string_view u) const {
  return leads(u) || std::find(partners.begin(), partners.end(), u) != partners.end();
}

const Indicator* Plan::find(std::string_view indicator_id) const {
  auto i = index_of(indicator_id);
  return i ? &indicators[*i] : nullptr;
}

std::optional<std::size_t> Plan::index_of(std::string_view indicator_id) const {
  auto it = index_.find(indicator_id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

void Plan::build_index() {
  index_.clear();
  for (std::size_t i = 0; i < indicators.size(); ++i) index_.emplace(indicators[i].id, i);
}

std::vector<std::string> Plan::children_of(std::string_view indicator_id) const {
  std::vector<std::string> out;
  for (const auto& ind : indicators)
    if (ind.parent == indicator_id) out.push_back(ind.id);
  return out;
}

std::vector<const Indicator*> Plan::by_area() const {
  std::vector<const Indicator*> out;
  for (const auto& ind : indicators) out.push_back(&ind);
  std::stable_sort(out.begin(), out.end(), [&](const Indicator* a, const Indicator* b) {
    return tasks[a->task].area < tasks[b->task].area;
  });
  return out;
}

std::vector<int> Plan::years() const {
  std::vector<int> out;
  for (int y = start.year(); y <= end.year(); ++y) out.push_back(y);
  return out;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : "、") + n;
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::vector<std::string> Plan::suggest(std::string_view indicator_id, std::size_t max) const {
  // Close enough to be a typo: within a third of the indicator_id's length, at least 2.
  std::size_t limit = std::max<std::size_t>(2, indicator_id.size() / 3);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& ind : indicators) {
    std::size_t d = edit_distance(indicator_id, ind.id);
    if (d <= limit) scored.emplace_back(d, ind.id);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < max; ++i) out.push_back(scored[i].second);
  return out;
}

std::string Plan::did_you_mean(std::string_view indicator_id, std::size_t max) const {
  auto near = suggest(indicator_id, max);
  std::string out;
  for (std::size_t i = 0; i < near.size(); ++i) {
    out += i == 0 ? "; did you mean " : i + 1 == near.size() ? " or " : ", ";
    out += "'" + near[i] + "'";
  }
  return near.empty() ? out : out + "?";
}

}  // namespace plan
