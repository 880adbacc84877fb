#include "plausibility.h"

#include <algorithm>
#include <utility>

#include "render.h"

namespace plan {

namespace {

constexpr std::int64_t kHundred = 100 * Decimal::kScale;

// Whether `units` is beyond what a percentage allows: a change of at most
// 100 points for a flow, 0 to 100 for a level.
bool beyond_percent(std::int64_t units, bool flow) {
  return flow ? units > kHundred || units < -kHundred : units < 0 || units > kHundred;
}

// For an Entry or an EntryView: both have is_state, is_explanation, amount.
template <class E>
std::optional<Message> percent_doubt_of(const E& e, const Indicator& ind) {
  if (!ind.is_percent() || e.is_state || e.is_explanation || ind.kind == Kind::milestone)
    return std::nullopt;
  if (!beyond_percent(e.amount.units(), is_flow(ind.kind))) return std::nullopt;
  const std::string v = e.amount.to_string();
  if (is_flow(ind.kind))
    return Message{"value " + v + " of " + ind.id +
                       " is a change of more than 100 percentage points; is it a percentage?",
                   ind.id + " 的数值 " + v + " 变化超过 100 个百分点；它是百分数吗？"};
  return Message{"value " + v + " of " + ind.id + " is outside 0 to 100 and it is a percentage",
                 ind.id + " 的数值 " + v + " 不在 0 到 100 之间，而它是百分数"};
}

}  // namespace

std::optional<Message> percent_doubt(const Entry& e, const Indicator& ind) {
  return percent_doubt_of(e, ind);
}

FigureRanges::FigureRanges(const Plan& plan, Message others)
    : plan_(plan),
      others_(std::move(others)),
      rules_(plan.indicators.size()),
      ranges_(plan.indicators.size()) {
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    const Indicator& ind = plan.indicators[i];
    rules_[i] = Rule{ind.kind != Kind::milestone, is_flow(ind.kind), ind.is_percent(),
                     implausible_factor(ind.kind)};
  }
}

template <class E>
std::int64_t FigureRanges::magnitude(const E& e, const Rule& rule) {
  if (e.is_state || e.is_explanation || !rule.counts) return 0;
  const std::int64_t v = e.amount.units();
  if (v >= 0) return v;
  return rule.flow ? 0 : -v;  // a flow's negative increment is a correction
}

void FigureRanges::clear() {
  std::fill(ranges_.begin(), ranges_.end(), Range{});
}

void FigureRanges::widen(std::size_t index, std::int64_t m) {
  Range& r = ranges_[index];
  const Decimal d = Decimal::from_units(m);
  if (r.hi.is_zero()) {
    r.lo = r.hi = d;
  } else if (d < r.lo) {
    r.lo = d;
  } else if (d > r.hi) {
    r.hi = d;
  } else {
    return;
  }
  // m × F > lo ⇔ m > ⌊lo / F⌋ for a whole m.
  const int f = rules_[index].factor;
  r.below = r.lo.units() / f;
  r.above = static_cast<__int128>(r.hi.units()) * f;
}

void FigureRanges::add(const Entry& e) {
  if (auto i = indicator_index(plan_, e)) add_view(view_of(e, *i));
}

void FigureRanges::add_view(const EntryView& e) {
  if (std::int64_t m = magnitude(e, rules_[e.indicator])) widen(e.indicator, m);
}

void FigureRanges::merge(const FigureRanges& other) {
  for (std::size_t i = 0; i < ranges_.size() && i < other.ranges_.size(); ++i) {
    const Range& r = other.ranges_[i];
    if (r.hi.is_zero()) continue;  // nothing counted
    widen(i, r.lo.units());
    widen(i, r.hi.units());
  }
}

template <class E>
Message FigureRanges::outside(const E& e, std::size_t index, std::int64_t m) const {
  const Indicator& ind = plan_.indicators[index];
  const Range& r = ranges_[index];
  // In 128 bits: |v| and the range fit 64 bits, F times them may not.
  const __int128 v = m, lo = r.lo.units(), hi = r.hi.units();
  const int f = rules_[index].factor;
  // Grouped as the reports show figures: 1,942, not 1942. The value
  // itself stays as it was written, so that it can be found.
  const auto range = [&](std::string_view to) {
    return (r.lo == r.hi
                ? format_amount(r.lo, true)
                : format_amount(r.lo, true) + std::string(to) + format_amount(r.hi, true)) +
           (ind.unit.empty() ? "" : " " + ind.unit);
  };
  const auto times = [](__int128 ratio) {
    return group_thousands(std::to_string(static_cast<long long>(ratio)));
  };
  const std::string value = e.amount.to_string();
  if (v >= f * hi)
    return {"value " + value + " of " + ind.id + " is " + times(v / hi) + " times the largest of " +
                others_.en + " (" + range(" to ") + "); is it in another unit?",
            ind.id + " 的数值 " + value + " 是" + others_.zh + "中最大值的 " + times(v / hi) +
                " 倍（" + range(" 至 ") + "）；是不是用了别的单位？"};
  return {"value " + value + " of " + ind.id + " is " + times(lo / v) +
              " times smaller than the smallest of " + others_.en + " (" + range(" to ") +
              "); is it in another unit (a fraction for a percent, 万 left out)?",
          ind.id + " 的数值 " + value + " 只有" + others_.zh + "中最小值的 " + times(lo / v) +
              " 分之一（" + range(" 至 ") +
              "）；是不是用了别的单位（百分数写成了小数，或漏了“万”）？"};
}

template <class E>
std::optional<Message> FigureRanges::doubt(const E& e, std::size_t index, std::int64_t m) const {
  const Range& r = ranges_[index];
  if (m == 0 || (m > r.below && m < r.above)) return std::nullopt;
  return outside(e, index, m);
}

std::optional<Message> FigureRanges::doubt(const Entry& e) const {
  auto i = indicator_index(plan_, e);
  if (!i) return std::nullopt;
  return doubt(e, *i, magnitude(e, rules_[*i]));
}

std::optional<Message> FigureRanges::judge(const Entry& e) const {
  auto i = indicator_index(plan_, e);
  if (!i) return std::nullopt;
  return judge(e, *i);
}

template <class E>
std::optional<Message> FigureRanges::judge(const E& e, std::size_t index) const {
  const Rule& rule = rules_[index];
  if (e.is_state || e.is_explanation || !rule.counts) return std::nullopt;
  // percent_doubt's test, asked here so that its words are built only for
  // a figure that fails it.
  if (rule.percent && beyond_percent(e.amount.units(), rule.flow))
    return percent_doubt_of(e, plan_.indicators[index]);
  return doubt(e, index, magnitude(e, rule));
}

std::optional<Message> FigureRanges::judge_and_add(const EntryView& e, std::size_t index) {
  auto found = judge(e, index);
  if (!found)
    if (std::int64_t m = magnitude(e, rules_[index])) widen(index, m);
  return found;
}

int implausible_factor(Kind k) {
  return is_flow(k) ? 100 : 20;
}

}  // namespace plan
