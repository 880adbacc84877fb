#include "record_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "duplicates.h"
#include "schedule.h"
#include "text.h"

namespace plan {

namespace {

// The top bit of a fingerprint's word for a hashed text keeps it apart
// from the small numbers that stand for an indicator or a by=.
constexpr std::uint64_t kText = std::uint64_t{1} << 63;

std::uint64_t text_key(std::string_view s) {
  return text_fingerprint(s) | kText;
}

// The messages of RecordChecker::check, out of its line: the checks run for
// every entry, the messages for few. With them (and by_key's and
// reporter_state's common case inline), `plan check` of the 200,000-line
// bench ledger went from 203 to 195 million instructions (callgrind).
#define PLAN_COLD [[gnu::cold, gnu::noinline]]

PLAN_COLD Message too_large(std::string_view id) {
  return {fmt::format("the reading of {} is too large (at most 4,611,686,018,427.387903)", id),
          fmt::format("{} 的读数过大（最大 4,611,686,018,427.387903）", id)};
}

PLAN_COLD Message may_overflow(std::string_view id) {
  return {fmt::format("the sum of {} may overflow: its entries add up to more than "
                      "4,611,686,018,427.387903",
                      id),
          fmt::format("{} 的合计可能溢出：各条数据加起来超过 4,611,686,018,427.387903", id)};
}

PLAN_COLD Message outside_plan(const Plan& plan, const EntryView& e, std::string_view id, bool flow,
                               bool period_before) {
  const std::string outside = period_before
                                  ? fmt::format("period {} is before the plan period", e.period)
                                  : fmt::format("{} is outside the plan period", e.date.iso());
  const std::string outside_zh = period_before ? fmt::format("报送期 {} 在计划期", e.period)
                                               : fmt::format("{} 不在计划期", e.date.iso());
  return {fmt::format("{} {} … {}; {} {}", outside, plan.start.iso(), plan.end.iso(),
                      flow ? "it counts toward no figure of"
                           : "it still counts while it is the latest entry of",
                      id),
          fmt::format("{} {} … {} {}；{}", outside_zh, plan.start.iso(), plan.end.iso(),
                      period_before ? "之前" : "内",
                      flow ? fmt::format("不计入 {} 的任何合计", id)
                           : fmt::format("在它仍是 {} 的最新一条时照样计入", id))};
}

PLAN_COLD Message in_future(Date date, Date today) {
  return {fmt::format("{} is in the future (today is {})", date.iso(), today.iso()),
          fmt::format("{} 晚于今天（今天是 {}）", date.iso(), today.iso())};
}

PLAN_COLD Message named_once(const Indicator& ind, const EntryView& e) {
  Message why = not_a_reporter(ind, e.by, e.is_explanation);
  return {why.en + "; named once a file", why.zh + "（每个文件只提示一次）"};
}

PLAN_COLD Message entered_twice(int first) {
  return {fmt::format("same date, id, value and by= as line {}: entered twice?", first),
          fmt::format("日期、指标、数值和 by= 与第 {} 行相同：重复录入？", first)};
}

}  // namespace

RecordChecker::RecordChecker(const Plan& plan, Date today, Diagnostics& diags)
    : plan_(plan),
      today_(today),
      diags_(&diags),
      reports_(plan.indicators.size()),
      magnitude_(plan.indicators.size(), 0),
      ranges_(plan, {"its entries before it in this file", "本文件在它之前的数据"}),
      count_dates_(plan) {}

void RecordChecker::start_file(const std::string& name) {
  file_ = name;
  seen_.clear();
  ranges_.clear();
  for (auto& units : reports_)
    for (auto& r : units)
      if (r == kNamed) r = kNotReporter;
}

void RecordChecker::add(const Entry& e) {
  if (!by_reader_ && e.where.file != file_) start_file(e.where.file);
  const std::optional<std::size_t> index = indicator_index(plan_, e);
  check(view_of(e, index.value_or(Entry::kNoIndicator)), index, e.id);
}

void RecordChecker::add_view(const EntryView& e) {
  if (!by_reader_ && *e.file != file_) start_file(*e.file);
  check(e, e.indicator, plan_.indicators[e.indicator].id);
}

void RecordChecker::check(const EntryView& e, std::optional<std::size_t> index,
                          std::string_view id) {
  const Indicator* ind = index ? &plan_.indicators[*index] : nullptr;
  // Dated in the plan period, or after it as a report of one of its
  // periods (December's, filed in January), which the ledger counts for
  // that period (ledger.h).
  bool counted =
      plan_.in_period(e.date) || (ind && reports_after_end(plan_, *ind, e.date, e.period));
  // A figure of a period before the plan's (period=2017Q4, dated in
  // January 2018) counts as of that period's end (count_date.h).
  bool period_before = false;
  if (counted && ind && !e.period.empty() && !e.is_explanation &&
      count_dates_.of(e).on < plan_.start) {
    counted = false;
    period_before = true;
  }
  // What makes two entries the same figure, with the indicator and by= as
  // small numbers where they can be.
  const std::uint64_t by = by_key(e.by);
  const std::uint64_t fingerprint = figure_fingerprint(e, index ? *index : text_key(id), by);
  // Its slots are far apart in tables larger than the caches: asked for
  // now, they come in while the checks below run.
  seen_.prefetch(fingerprint);
  if (ind && !e.is_state) {
    std::int64_t& m = magnitude_[*index];
    const std::int64_t v = e.amount.units();
    if (!is_flow(ind->kind)) {
      if (!within_figure_limit(v)) diags_->error(e.where(), too_large(id));
    } else if (m >= 0 && counted) {
      const std::int64_t abs = v < 0 ? -v : v;  // never INT64_MIN: values are parsed symmetric
      if (__builtin_add_overflow(m, abs, &m) || !within_figure_limit(m)) {
        diags_->error(e.where(), may_overflow(id));
        m = -1;
      }
    }
  }
  if (index)
    if (auto doubt = ranges_.judge_and_add(e, *index))
      diags_->warning(e.at(e.value_column), *doubt);
  if (!counted) {
    // Only flows are cut to the period; a level reading or a milestone state
    // of any date can be the latest entry, which is what counts (SPEC §5).
    const bool flow = !ind || is_flow(ind->kind);
    diags_->warning(e.where(), outside_plan(plan_, e, id, flow, period_before));
  }
  if (e.date > today_) diags_->warning(e.where(), in_future(e.date, today_));
  if (!e.period.empty()) {
    // A period not over matters for a report; a label that files none
    // (said below) is only said of when it begins after the date, a typo.
    const auto label = parse_period_label(e.period);
    const bool report = !ind || period_files_report(*ind, label, e.is_explanation);
    if (auto wrong = period_date_problem(e.period, e.date, report))
      diags_->warning(e.where(), *wrong);
    // What files nothing: plan record and import refuse the first and the
    // last, and write the second with the same warning.
    if (!label)
      diags_->warning(e.where(), not_a_period_label(e.period, e.is_explanation));
    else if (ind && !ind->scheduled() && !e.is_explanation)
      diags_->warning(e.where(), period_of_unscheduled(e.period, id));
    else if (ind && ind->scheduled() && label->first != ind->schedule.frequency)
      diags_->warning(e.where(), period_of_other_frequency(e.period, *ind));
  }
  if (by & kText) {
    warn_unknown_unit(e);
  } else if (by != 0 && ind && reporter_state(*index, by - 1) == kNotReporter) {
    // Named once a file for each indicator and unit: a unit that files an
    // indicator it does not report does so on many lines.
    reports_[*index][by - 1] = kNamed;
    diags_->warning(e.at(e.by_column), named_once(*ind, e));
  }
  // A fingerprint is enough to raise a suspicion: a collision costs a false
  // warning, never a wrong figure.
  if (auto first = seen_.find_or_add(fingerprint, e.line))
    diags_->warning(e.where(), entered_twice(*first));
}

std::uint64_t RecordChecker::find_by_key(std::string_view by) {
  auto known = std::find(known_by_.begin(), known_by_.end(), by);
  if (known == known_by_.end() && plan_.knows_unit(by)) {
    known_by_.emplace_back(by);
    known = known_by_.end() - 1;
  }
  if (known != known_by_.end()) {
    last_by_ = static_cast<std::size_t>(known - known_by_.begin());
    return last_by_ + 1;
  }
  return text_key(by);
}

std::int8_t RecordChecker::learn_reporter_state(std::size_t indicator, std::size_t unit) {
  std::vector<std::int8_t>& known = reports_[indicator];
  if (known.size() <= unit) known.resize(known_by_.size(), kUnknown);
  // Not known yet (reporter_state answers the rest).
  known[unit] =
      files_report(plan_.indicators[indicator], known_by_[unit]) ? kReporter : kNotReporter;
  return known[unit];
}

void RecordChecker::warn_unknown_unit(const EntryView& e) {
  diags_->warning(e.at(e.by_column), plan_.unknown_unit(e.by));
}

void RecordChecker::begin_file(std::size_t /*index*/, const std::string& name, Diagnostics& diags) {
  diags_ = &diags;
  by_reader_ = true;
  start_file(name);
}

std::unique_ptr<ShardableSink> RecordChecker::make_shard() const {
  return std::make_unique<RecordChecker>(plan_, today_, *diags_);
}

bool RecordChecker::merge(std::vector<std::unique_ptr<ShardableSink>>& shards) {
  std::vector<std::int64_t> total(magnitude_.size(), 0);
  for (auto& s : shards) {
    const auto& shard = static_cast<const RecordChecker&>(*s);  // made by make_shard
    for (std::size_t i = 0; i < total.size(); ++i) {
      const std::int64_t m = shard.magnitude_[i];
      if (m < 0 || __builtin_add_overflow(total[i], m, &total[i]) || !within_figure_limit(total[i]))
        return false;
    }
  }
  magnitude_ = std::move(total);
  return true;
}

}  // namespace plan
