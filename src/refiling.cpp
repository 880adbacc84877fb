#include "refiling.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "decimal.h"
#include "render.h"

namespace plan {

RefilingFinder::RefilingFinder(const Plan& plan, const std::vector<const Entry*>& fresh)
    : plan_(plan),
      fresh_(fresh),
      key_(fresh.size()),
      watched_(plan.indicators.size()),
      periods_(plan.indicators.size()),
      in_ledger_(fresh.size()),
      first_file_(fresh.size(), 0),
      in_batch_(fresh.size()),
      first_in_batch_(fresh.size()),
      same_as_first_(fresh.size(), true) {
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    const Entry& e = *fresh[i];
    if (e.is_explanation || e.is_state || e.tag("by").empty()) continue;
    auto index = indicator_index(plan, e);
    if (!index || !is_flow(plan.indicators[*index].kind)) continue;
    PeriodIndex& periods = periods_[*index];
    if (periods.count() == 0) periods = PeriodIndex(plan, plan.indicators[*index]);
    auto period = periods.of(e.date, e.date.ymd(), e.tag("period"));
    if (!period) continue;  // ad hoc, or outside the plan's periods
    key_[i] = Key{*index, e.tag("by"), *period};
    watched_[*index].push_back(i);
  }
  leave_out({});
}

void RefilingFinder::leave_out(const std::vector<bool>& skip) {
  // The batch's own figures, keyed by indicator, by= and period: what the
  // fresh entries before each one add to its period.
  struct Before {
    Earlier earlier;
    std::size_t first;  // the fresh entry that is the key's first
    bool same = true;   // every one so far holds the first's figure
  };
  std::fill(in_batch_.begin(), in_batch_.end(), std::nullopt);
  std::fill(same_as_first_.begin(), same_as_first_.end(), true);
  std::map<std::tuple<std::size_t, std::string_view, int>, Before> batch;
  for (std::size_t i = 0; i < fresh_.size(); ++i) {
    first_in_batch_[i] = 0;
    if (!key_[i] || (i < skip.size() && skip[i])) continue;
    const Entry& e = *fresh_[i];
    const Key& k = *key_[i];
    auto [it, fresh_key] = batch.try_emplace(
        {k.indicator, k.by, k.period}, Before{Earlier{Location{e.where.file, e.where.line, 0}}, i});
    Earlier& before = it->second.earlier;
    first_in_batch_[i] = it->second.first;
    same_as_first_[i] = it->second.same;
    if (!fresh_key) in_batch_[i] = before;
    it->second.same = it->second.same && e.amount == fresh_[it->second.first]->amount;
    ++before.count;
    before.overflowed =
        before.overflowed || __builtin_add_overflow(before.sum, e.amount.units(), &before.sum);
  }
}

void RefilingFinder::begin_file(std::size_t index, const std::string& /*name*/,
                                Diagnostics& /*diags*/) {
  file_ = index;
}

void RefilingFinder::add(const Entry& e) {
  if (e.is_explanation) return;
  if (auto found = indicator_index(plan_, e)) add_view(view_of(e, *found));
}

void RefilingFinder::add_view(const EntryView& e) {
  const std::vector<std::size_t>& watched = watched_[e.indicator];
  if (watched.empty() || e.is_state || e.is_explanation) return;
  std::optional<int> period;  // worked out for the first fresh entry of this by= only
  for (std::size_t i : watched) {
    if (e.by != key_[i]->by) continue;
    if (!period) period = periods_[e.indicator].of(e.date, e.ymd, e.period);
    if (!period) return;
    if (*period != key_[i]->period) continue;
    std::optional<Earlier>& f = in_ledger_[i];
    if (!f) {
      f = Earlier{Location{*e.file, e.line, 0}, 0, 0, false};
      first_file_[i] = file_;
    }
    ++f->count;
    if (__builtin_add_overflow(f->sum, e.amount.units(), &f->sum)) f->overflowed = true;
  }
}

void RefilingFinder::merge(const RefilingFinder& part) {
  for (std::size_t i = 0; i < in_ledger_.size(); ++i) {
    const auto& theirs = part.in_ledger_[i];
    if (!theirs) continue;
    auto& mine = in_ledger_[i];
    if (!mine) {
      mine = theirs;
      first_file_[i] = part.first_file_[i];
      continue;
    }
    if (std::pair(part.first_file_[i], theirs->first.line) <
        std::pair(first_file_[i], mine->first.line)) {
      mine->first = theirs->first;
      first_file_[i] = part.first_file_[i];
    }
    mine->count += theirs->count;
    mine->overflowed = mine->overflowed || theirs->overflowed ||
                       __builtin_add_overflow(mine->sum, theirs->sum, &mine->sum);
  }
}

std::optional<RefilingFinder::Earlier> RefilingFinder::earlier(std::size_t i) const {
  const auto &ledger = in_ledger_[i], &batch = in_batch_[i];
  if (!ledger || !batch) return ledger ? ledger : batch;
  Earlier both = *ledger;
  both.count += batch->count;
  both.overflowed = ledger->overflowed || batch->overflowed ||
                    __builtin_add_overflow(ledger->sum, batch->sum, &both.sum);
  return both;
}

std::vector<std::optional<RefilingFinder::Earlier>> RefilingFinder::found() const {
  std::vector<std::optional<Earlier>> out(fresh_.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = earlier(i);
  return out;
}

namespace {

std::string amount_text(std::int64_t units) {
  return format_amount(Decimal::from_units(units), true);
}

// Whether `f`'s sum can be shown: sums past the figure limit are left
// unsaid, as the ledger would refuse them (the sum of ... overflows) rather
// than show them.
bool summed(const RefilingFinder::Earlier& f) {
  return !f.overflowed && within_figure_limit(f.sum);
}

// The figures before, as the messages name them: "records/hrss/2019.rec:23:
// 1,942", or "2 figures, the first at records/hrss/2019.rec:23; 1,952 in all".
Message describe(const RefilingFinder::Earlier& f) {
  const std::string first = f.first.to_string();  // FILE:LINE: its column is 0
  if (f.count == 1)
    return summed(f) ? Message{first + ": " + amount_text(f.sum), first + "：" + amount_text(f.sum)}
                     : Message{first, first};
  return {fmt::format("{} figures, the first at {}{}", f.count, first,
                      summed(f) ? "; " + amount_text(f.sum) + " in all" : ""),
          fmt::format("{} 个数据，第一个在 {}{}", f.count, first,
                      summed(f) ? "；合计 " + amount_text(f.sum) : "")};
}

}  // namespace

std::string RefilingFinder::period_text(std::size_t i) const {
  const Indicator& ind = plan_.indicators[key_[i]->indicator];
  return period_label(period_at(plan_, ind, key_[i]->period));
}

Message RefilingFinder::warning(std::size_t i) const {
  const Earlier f = *earlier(i);
  const Entry& e = *fresh_[i];
  const std::string period = period_text(i);
  std::int64_t total = 0;
  const bool comes_to = summed(f) && !__builtin_add_overflow(f.sum, e.amount.units(), &total) &&
                        within_figure_limit(total);
  const std::string& id = plan_.indicators[key_[i]->indicator].id;
  const Message before = describe(f);
  return {
      fmt::format("{} already reported {} for {} ({}): a flow's figures add up{}", key_[i]->by, id,
                  period, before.en,
                  comes_to ? fmt::format(", so {} comes to {}", period, amount_text(total)) : ""),
      fmt::format("{}已报过 {} 的 {}（{}）：流量数据逐笔相加{}", key_[i]->by, id, period, before.zh,
                  comes_to ? fmt::format("，{} 合计为 {}", period, amount_text(total)) : "")};
}

Message RefilingFinder::refusal(std::size_t i) const {
  const Earlier f = *earlier(i);
  const Entry& e = *fresh_[i];
  const std::string id = plan_.indicators[key_[i]->indicator].id, period = period_text(i);
  std::int64_t total = 0, difference = 0;
  const bool sums = summed(f) && !__builtin_add_overflow(f.sum, e.amount.units(), &total) &&
                    within_figure_limit(total) &&
                    !__builtin_sub_overflow(e.amount.units(), f.sum, &difference) &&
                    within_figure_limit(difference);
  const std::string value = format_amount(e.amount, true);
  const char* them = f.count == 1 ? "it" : "them";
  const char* them_zh = f.count == 1 ? "原数" : "原有各数";
  const Message before = describe(f);
  if (!sums)
    return {fmt::format("{} already reported {} for {} ({}): --replace if {} replaces {}, --add if "
                        "it adds to {}",
                        key_[i]->by, id, period, before.en, value, them, them),
            fmt::format("{}已报过 {} 的 {}（{}）：如 {} 是替换{}，用 --replace；如是追加，用 --add",
                        key_[i]->by, id, period, before.zh, value, them_zh)};
  const std::string sign = difference > 0 ? "+" : "";
  return {
      fmt::format("{} already reported {} for {} ({}): --replace if {} replaces {} (recorded as "
                  "the difference, {}{}), --add if it adds to {} (then {} comes to {})",
                  key_[i]->by, id, period, before.en, value, them, sign, amount_text(difference),
                  them, period, amount_text(total)),
      fmt::format("{}已报过 {} 的 {}（{}）：如 {} 是替换{}，用 --replace（按差额 {}{} "
                  "记入）；如是追加，用 --add（则 {} 合计为 {}）",
                  key_[i]->by, id, period, before.zh, value, them_zh, sign, amount_text(difference),
                  period, amount_text(total))};
}

std::optional<Message> RefilingFinder::replaced_twice(std::size_t i) const {
  const auto& before = in_batch_[i];
  if (!before) return std::nullopt;
  const std::string id = plan_.indicators[key_[i]->indicator].id;
  // Named by the first row alone: the rows replace, not add to, each other.
  const Entry& first = *fresh_[first_in_batch_[i]];
  const std::string times =
      before->count == 1 ? "twice" : fmt::format("{} times", before->count + 1);
  const std::string times_zh =
      before->count == 1 ? "两次" : fmt::format(" {} 次", before->count + 1);
  const std::string period = period_text(i), value = format_amount(first.amount, true),
                    at = before->first.to_string();
  // The same figure again (as every row before it) is a row entered twice,
  // not a second opinion.
  if (same_as_first_[i] && first.amount == fresh_[i]->amount)
    return Message{
        fmt::format("{} reports {} for {} {} in the batch, {} {} (first at {}): entered twice? "
                    "with --replace a reporter's period takes one figure",
                    key_[i]->by, id, period, times, before->count == 1 ? "both" : "each", value,
                    at),
        fmt::format("{}在这批数据中{}报送 {} 的 {}，{}是 {}（第一次在 {}）：重复录入？用 "
                    "--replace 时每个单位每期只取一个数",
                    key_[i]->by, times_zh, id, period, before->count == 1 ? "两次都" : "每次都",
                    value, at)};
  return Message{
      fmt::format("{} reports {} for {} {} in the batch (first at {}: {}): with --replace a "
                  "reporter's period takes one figure",
                  key_[i]->by, id, period, times, at, value),
      fmt::format("{}在这批数据中{}报送 {} 的 {}（第一次在 {}：{}）：用 --replace "
                  "时每个单位每期只取一个数",
                  key_[i]->by, times_zh, id, period, at, value)};
}

std::optional<Entry> as_replacement(const Entry& e, Decimal earlier) {
  if (e.amount == earlier) return std::nullopt;
  Entry r = e;
  r.amount = e.amount - earlier;
  std::string note = fmt::format("更正：原报 {}，改为 {}", format_amount(earlier, false),
                                 format_amount(e.amount, false));
  auto own =
      std::find_if(r.tags.begin(), r.tags.end(), [](const auto& t) { return t.first == "note"; });
  if (own == r.tags.end())
    r.tags.emplace_back("note", note);
  else
    own->second = note + "；" + own->second;
  return r;
}

}  // namespace plan
