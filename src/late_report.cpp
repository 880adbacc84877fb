#include "late_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "schedule.h"
#include "text.h"

namespace plan {

namespace {

// The reporter slot of `by` for `ind` (Filings' slots): 0 when the
// indicator names no reporter; nullopt when `by` is not one of them.
std::optional<std::size_t> slot_of(const Indicator& ind, std::string_view by) {
  if (ind.reported_by.empty()) return 0;
  auto it = std::find_if(ind.reported_by.begin(), ind.reported_by.end(),
                         [&](const std::string& r) { return same_text(r, by); });
  if (it == ind.reported_by.end()) return std::nullopt;
  return static_cast<std::size_t>(it - ind.reported_by.begin());
}

}  // namespace

std::vector<std::optional<Message>> late_reports(const Plan& plan, const Filings& ledger,
                                                 const std::vector<const Entry*>& fresh,
                                                 const LateReportWords& words) {
  const std::string_view period_option = words.period_option;
  std::vector<std::optional<Message>> out(fresh.size());
  // Per fresh entry: its indicator, reporter slot and period, when it is a
  // scheduled figure whose by= is a reporter of it.
  struct Key {
    std::size_t indicator, slot;
    int period;
  };
  std::vector<std::optional<Key>> keys(fresh.size());
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    const Entry& e = *fresh[i];
    if (e.is_explanation) continue;
    auto index = indicator_index(plan, e);
    if (!index) continue;
    const Indicator& ind = plan.indicators[*index];
    if (!ind.scheduled()) continue;
    auto slot = slot_of(ind, e.tag("by"));
    if (!slot) continue;
    auto period = period_of_entry(plan, ind, e.date, e.tag("period"));
    if (period) keys[i] = Key{*index, *slot, *period};
  }
  // How many of the new figures each (indicator, reporter, period) has:
  // counted once, so that a sheet of many late rows stays linear.
  std::map<std::tuple<std::size_t, std::size_t, int>, int> batch;
  for (const auto& k : keys)
    if (k) ++batch[{k->indicator, k->slot, k->period}];
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    const Entry& e = *fresh[i];
    // A negative figure is a correction, not a report.
    if (!keys[i] || !e.tag("period").empty() || keys[i]->period == 0 || e.amount < Decimal())
      continue;
    const Key key = *keys[i];
    const Indicator& ind = plan.indicators[key.indicator];
    const ReportingPeriod now = period_at(plan, ind, key.period);
    if (e.date >= now.end) continue;  // dated at the period's end, or after
    if (ledger.filed(key.indicator, key.slot, key.period - 1)) continue;
    // Whether the reporter has a figure for `period` among the other new
    // ones (this one is among those of its own period).
    auto in_batch = [&](int period) {
      auto it = batch.find({key.indicator, key.slot, period});
      return it != batch.end() && it->second > (period == key.period ? 1 : 0);
    };
    if (in_batch(key.period - 1)) continue;
    const ReportingPeriod before = period_at(plan, ind, key.period - 1);
    const std::string late = period_label(before), next = period_label(now);
    const std::string who = ind.reported_by.empty()
                                ? "no one has reported"
                                : fmt::format("{} has not reported", e.tag("by"));
    const std::string who_zh =
        ind.reported_by.empty() ? "尚无人报送" : fmt::format("{}尚未报送", e.tag("by"));
    // How to name a period: "用 --period 2019-07", or for a sheet "在报送期一列填 2019-07".
    const auto name_zh = [&](const std::string& label) {
      return words.period_is_column ? fmt::format("在{}一列填 {}", period_option, label)
                                    : fmt::format("用 {} {}", period_option, label);
    };
    const std::string opening =
        fmt::format("{} {} for {} (due {}), and this figure, dated {}, would count for {}", who,
                    ind.id, late, before.due.iso(), e.date.iso(), next);
    const std::string opening_zh =
        fmt::format("{} {} 的 {}（{} 截止），这个数据的日期是 {}，将计入 {}", who_zh, ind.id, late,
                    before.due.iso(), e.date.iso(), next);
    // The period before may be a bad row of the sheet, not among `fresh`.
    const std::string mend =
        words.bad_rows ? fmt::format("; or mend the sheet's bad row if it is the {} report", late)
                       : "";
    const std::string mend_zh =
        words.bad_rows ? fmt::format("；如是 {} 的报送，也可改好表中的错行", late) : "";
    // When the next period has the reporter's figure already, this one is
    // no "so far" of it (that would count the period twice: refiling.h).
    if (!words.joins &&
        (ledger.filed(key.indicator, key.slot, key.period) || in_batch(key.period))) {
      out[i] = Message{
          fmt::format("{}, which has {} already: {} {} if it is the late {} report{}", opening,
                      ind.reported_by.empty() ? std::string("a report")
                                              : fmt::format("{}'s report", e.tag("by")),
                      period_option, late, late, mend),
          fmt::format("{}，而 {} 已有{}报送：如是迟报的 {} 报送，{}{}", opening_zh, next,
                      ind.reported_by.empty() ? std::string() : fmt::format("{}的", e.tag("by")),
                      late, name_zh(late), mend_zh)};
      continue;
    }
    // A figure for a period not over is refused unless forced
    // (period_date_problem): the second way out says so, or it would fail.
    const std::string_view force = words.period_is_column ? " and --force" : " --force";
    const std::string_view force_zh = words.period_is_column ? " 并加 --force" : " --force";
    out[i] = Message{
        fmt::format(
            "{}, which is not over: {} {} if it is the late {} report, {} {}{} if it is {}'s so "
            "far{}",
            opening, period_option, late, late, period_option, next, force, next, mend),
        fmt::format("{}，而 {} 尚未结束：如是迟报的 {} 报送，{}；如是 {} 截至目前的数，{}{}{}",
                    opening_zh, next, late, name_zh(late), next, name_zh(next), force_zh, mend_zh)};
  }
  return out;
}

}  // namespace plan
