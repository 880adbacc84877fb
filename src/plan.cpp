#include "plan.h"

#include <algorithm>
#include <numeric>

#include "text.h"

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

std::string_view frequency_name_zh(Frequency f) {
  switch (f) {
    case Frequency::ad_hoc:
      return "不定期";
    case Frequency::monthly:
      return "月度";
    case Frequency::quarterly:
      return "季度";
    case Frequency::half_yearly:
      return "半年度";
    case Frequency::yearly:
      return "年度";
  }
  return "?";
}

std::string_view frequency_name(Frequency f) {
  switch (f) {
    case Frequency::ad_hoc:
      return "ad-hoc";
    case Frequency::monthly:
      return "monthly";
    case Frequency::quarterly:
      return "quarterly";
    case Frequency::half_yearly:
      return "half-yearly";
    case Frequency::yearly:
      return "yearly";
  }
  return "?";
}

std::optional<Frequency> parse_frequency(std::string_view s) {
  for (Frequency f : {Frequency::ad_hoc, Frequency::monthly, Frequency::quarterly,
                      Frequency::half_yearly, Frequency::yearly})
    if (frequency_name(f) == s) return f;
  return std::nullopt;
}

const std::vector<std::string_view> kWholeUnits = {"人", "人次", "家", "个", "项", "所", "名",
                                                   "户", "次",   "件", "场", "处", "座", "本"};

bool Indicator::is_whole() const {
  return std::find(kWholeUnits.begin(), kWholeUnits.end(), unit) != kWholeUnits.end();
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

bool files_report(const Indicator& ind, std::string_view unit) {
  const auto& by = ind.reported_by;
  return !ind.scheduled() || by.empty() || std::find(by.begin(), by.end(), unit) != by.end();
}

Message not_a_reporter(const Indicator& ind, std::string_view unit, bool explanation) {
  // Two names are read at a glance; a group's eight towns are not.
  constexpr std::size_t kNamed = 2;
  const auto& by = ind.reported_by;
  std::vector<std::string> named(by.begin(), by.begin() + std::min(by.size(), kNamed + 1));
  if (by.size() > kNamed + 1) named.resize(kNamed);
  std::string who = join_names(named), who_zh = who;
  if (by.size() > kNamed + 1) {
    who += " and " + std::to_string(by.size() - kNamed) + " more";
    who_zh += "等 " + std::to_string(by.size()) + " 个单位";
  }
  std::string head = unit.empty() ? "no reporter named (by=) for " + ind.id
                                  : sanitize(unit) + " is not a reporter of " + ind.id;
  std::string head_zh = unit.empty() ? "未注明 " + ind.id + " 的报送单位（by=）"
                                     : sanitize(unit) + "不是 " + ind.id + " 的报送单位";
  return {head +
              (explanation ? ": the explanation is kept, but answers for no report"
                           : ": the figure counts, but files no report") +
              "; plan due still asks " + who,
          head_zh +
              (explanation ? "：说明已记下，但不算任何一期的报送" : "：数据计入，但不算报送") +
              "；plan due 仍向" + who_zh + "催报"};
}

namespace {

// Levenshtein distance over any sequence of comparable elements: bytes for
// ASCII ids, code points for Chinese unit names.
template <class Seq>
std::size_t levenshtein(const Seq& a, const Seq& b) {
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

}  // namespace

std::string did_you_mean_tail(const std::vector<std::string>& near, bool zh,
                              const std::vector<std::string>* notes) {
  std::string out;
  for (std::size_t i = 0; i < near.size(); ++i) {
    if (zh) {
      out += i == 0 ? "；是否是" : i + 1 == near.size() ? "或" : "、";
      out += "“" + near[i] + "”" + (notes ? "（" + (*notes)[i] + "）" : "");
    } else {
      out += i == 0 ? "; did you mean " : i + 1 == near.size() ? " or " : ", ";
      out += "'" + near[i] + "'" + (notes ? " (" + (*notes)[i] + ")" : "");
    }
  }
  return near.empty() ? out : out + (zh ? "？" : "?");
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return levenshtein(a, b);
}

std::optional<std::size_t> Plan::reporter_index(std::string_view name) const {
  for (std::size_t i = 0; i < reporters.size(); ++i)
    if (reporters[i].name == name) return i;
  return std::nullopt;
}

const Reporter* Plan::find_reporter(std::string_view name) const {
  auto i = reporter_index(name);
  return i ? &reporters[*i] : nullptr;
}

namespace {

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

}  // namespace

bool Plan::reporter_is(std::string_view reporter, std::string_view name) const {
  if (reporter == name) return true;
  const Reporter* r = find_reporter(reporter);
  return r && !r->group.empty() && r->group == name;
}

bool Plan::is_group(std::string_view name) const {
  return !name.empty() && std::any_of(reporters.begin(), reporters.end(),
                                      [&](const Reporter& r) { return r.group == name; });
}

std::vector<std::string> Plan::reporters_as(std::string_view name) const {
  std::vector<std::string> out{std::string(name)};
  for (const Reporter& r : reporters)
    if (r.group == name && r.name != name) out.push_back(r.name);
  return out;
}

bool Plan::reports(const Indicator& ind, std::string_view name) const {
  for (const auto& r : ind.reported_by)
    if (reporter_is(r, name)) return true;
  return false;
}

std::vector<std::string_view> Plan::unit_names() const {
  std::vector<std::string_view> out;
  auto add = [&](std::string_view n) {
    if (!n.empty() && std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  };
  for (const auto& u : units) add(u);
  for (const auto& ind : indicators) {
    for (const auto& u : ind.lead) add(u);
    for (const auto& u : ind.partners) add(u);
  }
  for (const auto& r : reporters) {
    add(r.name);
    add(r.group);
  }
  return out;
}

bool Plan::knows_unit(std::string_view name) const {
  auto names = unit_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<std::string> Plan::suggest_units(std::string_view name) const {
  // Unit names are a few Chinese characters: one wrong character is a typo.
  std::u32string typed = to_u32(name);
  std::size_t limit = std::max<std::size_t>(1, typed.size() / 3);
  std::vector<std::pair<std::size_t, std::string_view>> scored;
  for (auto n : unit_names()) {
    std::size_t d = levenshtein(typed, to_u32(n));
    // The name itself is no suggestion: it is known, only not what is asked.
    if (d <= limit && d > 0) scored.emplace_back(d, n);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> near;
  for (std::size_t i = 0; i < scored.size() && i < 3; ++i) near.emplace_back(scored[i].second);
  return near;
}

std::string Plan::did_you_mean_unit(std::string_view name, bool zh) const {
  return did_you_mean_tail(suggest_units(name), zh);
}

Message Plan::unknown_unit(std::string_view name) const {
  const std::vector<std::string> near = suggest_units(name);
  const std::string shown = sanitize(name);
  return {"unknown unit '" + shown + "'" + did_you_mean_tail(near, false),
          "未知单位“" + shown + "”" + did_you_mean_tail(near, true)};
}

const Indicator* Plan::find_by_name(std::string_view name) const {
  const Indicator* found = nullptr;
  for (const auto& ind : indicators) {
    if (ind.name != name) continue;
    if (found) return nullptr;  // ambiguous: the id must say which
    found = &ind;
  }
  return found;
}

std::string Plan::did_you_mean_name(std::string_view name, bool zh) const {
  std::u32string typed = to_u32(name);
  std::size_t limit = std::max<std::size_t>(1, typed.size() / 3);
  std::vector<std::pair<std::size_t, const Indicator*>> scored;
  for (const auto& ind : indicators) {
    std::u32string full = to_u32(ind.name);
    std::size_t d = levenshtein(typed, full);
    // A name cut short or padded ("城镇新增就业" for 城镇新增就业人数) is as
    // near as its difference in length says, whatever the limit.
    bool contains = typed.size() >= 2 && (full.find(typed) != std::u32string::npos ||
                                          typed.find(full) != std::u32string::npos);
    if (d <= limit || contains) scored.emplace_back(d, &ind);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> ids, names;
  for (std::size_t i = 0; i < scored.size() && i < 3; ++i) {
    ids.push_back(scored[i].second->id);
    names.push_back(scored[i].second->name);
  }
  return did_you_mean_tail(ids, zh, &names);
}

std::vector<std::string> Plan::suggest(std::string_view indicator_id, std::size_t max) const {
  // Close enough to be a typo: within a third of the indicator_id's length, at least 2.
  std::size_t limit = std::max<std::size_t>(2, indicator_id.size() / 3);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& ind : indicators) {
    std::size_t d = edit_distance(indicator_id, ind.id);
    // An id cut short ("jobs.urban" for jobs.urban_new) or its last part
    // ("urban_new") is as near as its difference in length says.
    bool contains = indicator_id.size() >= 3 && ind.id.find(indicator_id) != std::string::npos;
    if (d <= limit || contains) scored.emplace_back(d, ind.id);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < max; ++i) out.push_back(scored[i].second);
  return out;
}

std::string Plan::did_you_mean(std::string_view indicator_id, std::size_t max, bool zh) const {
  return did_you_mean_tail(suggest(indicator_id, max), zh);
}

}  // namespace plan
