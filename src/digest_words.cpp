#include "digest_words.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "render.h"
#include "schedule.h"
#include "text.h"
#include "words.h"

namespace plan::digest_words {

std::string figure(double v) {
  return format_number(v, std::fabs(v) >= 100 ? 0 : -1);
}

std::string amount(const Indicator& ind, Decimal v) {
  if (ind.is_percent()) return format_amount(v, true) + "%";
  return format_amount(v, true) + (ind.unit.empty() ? "" : " " + ind.unit);
}

std::string signed_amount(const Indicator& ind, Decimal v) {
  return (v.is_negative() ? "" : "+") + amount(ind, v);
}

std::string recorded_value(const Indicator& ind, const RecordedGroup& g, bool zh) {
  std::string date = g.latest_date.iso();
  if (is_flow(ind.kind)) return signed_amount(ind, g.sum);
  if (ind.kind == Kind::milestone)
    return say(zh, "{} ({})", "{}（{}）",
               g.latest_done ? (zh ? "已办结" : "done") : (zh ? "撤销办结" : "undone"), date);
  return say(zh, "reading {} ({})", "读数 {}（{}）", amount(ind, g.latest_value), date);
}

std::string recorded_total(const RecordedIndicator& r, bool zh) {
  if (is_flow(r.ind->kind)) return signed_amount(*r.ind, r.sum);
  const RecordedGroup& g = r.latest();
  if (r.ind->kind == Kind::milestone)
    return g.latest_done ? (zh ? "已办结" : "done") : (zh ? "撤销办结" : "undone");
  return amount(*r.ind, g.latest_value);
}

std::string entries(std::size_t n, bool zh) {
  return zh ? fmt::format("{} 条", n) : fmt::format("{} entr{}", n, n == 1 ? "y" : "ies");
}

std::string change_heading(Change c, bool zh) {
  switch (c) {
    case Change::newly_behind:
      return zh ? "新近滞后" : "Newly behind";
    case Change::breached:
      return zh ? "突破上限" : "Caps breached";
    case Change::newly_missed:
      return zh ? "跌破下限" : "Fell below the floor";
    case Change::closed_short:
      return zh ? "期满未完成" : "Period closed short of the target";
    case Change::newly_overdue:
      return zh ? "新近逾期" : "Newly overdue";
    case Change::newly_unreported:
      return zh ? "新近未报送" : "Newly unreported";
    case Change::reopened:
      return zh ? "不再完成（更正或撤销）" : "No longer achieved (corrected or undone)";
    case Change::recovered:
      return zh ? "恢复正常" : "Recovered";
    case Change::newly_achieved:
      return zh ? "新近完成" : "Newly achieved";
    case Change::first_reading:
      return zh ? "首次填报即达标" : "First reading, met";
  }
  return "?";
}

namespace {

// "50,000 of 51,000 人 (98.0%)".
std::string progress_text(const IndicatorStatus& s, bool zh) {
  const Indicator& ind = *s.ind;
  std::string of = format_amount(*s.actual, true);
  std::string pct = s.completion ? format_ratio(*s.completion) : "";
  if (zh)
    return fmt::format("完成 {}/{}{}", of, amount(ind, *s.target),
                       pct.empty() ? "" : "（" + pct + "）");
  return fmt::format("{} of {}{}", of, amount(ind, *s.target), pct.empty() ? "" : " (" + pct + ")");
}

}  // namespace

ChangeWords change_words(const StatusChange& c, bool zh) {
  const IndicatorStatus& s = c.now;
  const Indicator& ind = *s.ind;
  ChangeWords out;
  out.transition =
      status_word(c.before, ind.kind, zh) + " → " + status_word(s.status, ind.kind, zh);
  if (is_flow(ind.kind)) {
    out.figures = progress_text(s, zh);
    // On track is within one whole thing of the line (evaluation.h): "on
    // track, behind by 0.5" would say both, so only a flow behind (or
    // missed) is said to be.
    const bool expected = s.expected && s.status != Status::achieved,
               behind = s.behind_by && *s.behind_by > 0 &&
                        (s.status == Status::behind || s.status == Status::missed);
    const int decimals = expected_decimals(ind, expected ? s.expected : std::nullopt,
                                           behind ? s.behind_by : std::nullopt);
    if (expected)
      out.figures += say(zh, ", expected {}", "，应完成 {}", format_number(*s.expected, decimals));
    if (behind)
      out.figures += say(zh, ", behind by {}", "，落后 {}", format_number(*s.behind_by, decimals));
  } else if (is_level(ind.kind)) {
    if (s.actual)
      out.figures =
          say(zh, "reading {} on {}, target {}", "读数 {}（{}），目标 {}", amount(ind, *s.actual),
              s.actual_date->iso(), readable_target(ind, *s.target));
  } else if (s.status == Status::done) {
    out.figures = say(zh, "done on {}", "办结于 {}", s.actual_date->iso());
  } else if (ind.due) {
    out.figures = say(zh, "due {}", "期限 {}", ind.due->iso());
  }
  if (s.status == Status::unreported && !s.missing.empty()) {
    std::size_t n = s.missing.size();
    std::string more = say(zh, "{} report{} missing, the first for {}", "未报送 {0} 期，最早为 {2}",
                           n, n == 1 ? "" : "s", period_label(s.missing.front().period));
    out.figures = out.figures.empty() ? more : out.figures + (zh ? "；" : "; ") + more;
  }
  return out;
}

std::string change_detail(const StatusChange& c, bool zh) {
  ChangeWords w = change_words(c, zh);
  if (w.figures.empty()) return w.transition;
  return w.transition + (zh ? "；" : "; ") + w.figures;
}

std::string progress_detail(const Shortfall& f, bool zh) {
  const IndicatorStatus& s = f.now;
  return progress_text(s, zh) +
         say(zh, ", expected {}", "，应完成 {}",
             format_number(*s.expected, expected_decimals(*s.ind, s.expected, s.behind_by)));
}

std::string behind_detail(const Shortfall& f, bool zh) {
  const IndicatorStatus& s = f.now;
  return say(zh, "behind by {}, {} of the target", "落后 {}，占目标的 {}",
             format_number(*s.behind_by, expected_decimals(*s.ind, s.expected, s.behind_by)),
             format_ratio(f.gap));
}

std::string pace_detail(const Shortfall& f, const Plan& plan, bool zh) {
  const IndicatorStatus& s = f.now;
  std::string so_far = s.pace_per_month ? say(zh, ", so far {} a month", "，此前平均每月 {}",
                                              figure(*s.pace_per_month))
                                        : "";
  if (!s.needed_per_month) return (zh ? "计划期已结束" : "the plan period is over") + so_far;
  return say(zh, "needs {} a month to {}{}", "此后每月需完成 {}（至 {}）{}",
             figure(*s.needed_per_month), plan.end.iso(), so_far);
}

std::string milestone_detail(const MilestoneDue& m, bool zh) {
  if (m.status == Status::overdue)
    return say(zh, "due {}, {} day{} overdue", "期限 {}，已逾期 {} 天", m.due.iso(),
               format_number(m.days, 0), m.days == 1 ? "" : "s");
  if (m.days == 0)
    return say(zh, "due {}, the period's last day", "期限 {}，即本期最后一天", m.due.iso());
  return say(zh, "due {}, in {} day{}", "期限 {}，还有 {} 天", m.due.iso(),
             format_number(m.days, 0), m.days == 1 ? "" : "s");
}

std::string missing_detail(const MissingReport& m, bool zh) {
  std::string who = m.reporter.empty() ? (zh ? "（任一单位）" : "(any unit)") : m.reporter;
  if (m.days_overdue < 0)
    return say(zh, "{}: {}, due {}, in {} day{}", "{}：{}，{} 到期，还有 {} 天", who, m.period,
               m.due.iso(), format_number(-m.days_overdue, 0), m.days_overdue == -1 ? "" : "s");
  return say(zh, "{}: {}, due {}, {} day{} overdue", "{}：{}，{} 到期，已逾期 {} 天", who, m.period,
             m.due.iso(), format_number(m.days_overdue, 0), m.days_overdue == 1 ? "" : "s");
}

std::string explanation_words(const Explanation& x, bool zh) {
  std::string head;
  if (zh) {
    head = "情况说明（";
    if (!x.by.empty()) head += x.by + "，";
    if (!x.period.empty()) head += x.period + "，";
    head += x.date.iso() + "）：" + x.note;
    if (!x.measures.empty()) head += "；整改措施：" + x.measures;
    return one_line(head);
  }
  head = "Explanation";
  if (!x.by.empty()) head += " by " + x.by;
  if (!x.period.empty()) head += " for " + x.period;
  head += " (" + x.date.iso() + "): " + x.note;
  if (!x.measures.empty()) head += "; measures: " + x.measures;
  return one_line(head);
}

namespace {

const char* kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                           "July",    "August",   "September", "October", "November", "December"};
const char* kQuartersZh[] = {"一", "二", "三", "四"};

}  // namespace

std::string period_words(const CalendarPeriod& p, bool zh) {
  int y = p.first.year(), m = p.first.month();
  switch (p.kind) {
    case PeriodKind::week: {
      std::string label = calendar_label(p);  // "2020-W27"
      if (!zh) return fmt::format("week {} ({} to {})", label, p.first.iso(), p.last.iso());
      return fmt::format("{}年第{}周（{} 至 {}）", label.substr(0, 4), std::stoi(label.substr(6)),
                         p.first.iso(), p.last.iso());
    }
    case PeriodKind::month:
      return zh ? fmt::format("{}年{}月", y, m) : fmt::format("{} {}", kMonthsEn[m - 1], y);
    case PeriodKind::quarter:
      return zh ? fmt::format("{}年第{}季度", y, kQuartersZh[(m - 1) / 3])
                : fmt::format("{} Q{}", y, (m - 1) / 3 + 1);
    case PeriodKind::half:
      return zh ? fmt::format("{}年{}半年", y, m <= 6 ? "上" : "下")
                : fmt::format("{} H{}", y, m <= 6 ? 1 : 2);
    case PeriodKind::year:
      return zh ? fmt::format("{}年", y) : fmt::format("{}", y);
  }
  return "?";
}

std::string title(const Digest& d, bool zh) {
  static const char* kEn[] = {"weekly", "monthly", "quarterly", "half-yearly", "yearly"};
  static const char* kZh[] = {"周报", "月报", "季报", "报", "年报"};
  auto k = static_cast<std::size_t>(d.period.kind);
  if (!d.reporter.empty())
    return say(zh, "{} — reports owed by {}, {}", "{} — {} {}报送情况", d.plan->title, d.reporter,
               period_words(d.period, zh));
  if (zh) {
    // "2020年上半年报": the half-year's words already end in 年.
    return fmt::format("{} — {}{}", d.plan->title, period_words(d.period, true), kZh[k]);
  }
  return fmt::format("{} — {} report, {}", d.plan->title, kEn[k], period_words(d.period, false));
}

std::string window(const Digest& d, bool zh) {
  if (!d.reporter.empty())
    return say(zh, "Period {} to {}; reports due and missing at {}, and falling due by {}",
               "本期 {} 至 {}；截至 {} 未报送的，及 {} 前到期的", d.period.first.iso(),
               d.period.last.iso(), d.made.iso(), d.next.last.iso());
  std::string unit = d.unit.empty() ? ""
                                    : say(zh,
                                          "; only indicators {} "
                                          "leads, partners or reports",
                                          "；仅 {} 牵头、参与或报送的指标", d.unit);
  return say(zh,
             "Period {} to {}; figures as of {} with the reports filed by {}, status compared "
             "with {}{}",
             "本期 {} 至 {}，数据截至 {}（计入截至 {} 报送的数据），状态与 {} 比较{}",
             d.period.first.iso(), d.period.last.iso(), d.as_of.iso(), d.made.iso(),
             d.previous.last.iso(), unit);
}

std::string time_line(const Digest& d, bool zh) {
  const Plan& p = *d.plan;
  int total = p.end - p.start + 1;
  int day = std::clamp(d.as_of - p.start + 1, 0, total);
  return say(zh, "Time progress {} (day {} of {})", "时间进度 {}（第 {} 天，共 {} 天）",
             format_ratio(d.time_progress), format_number(day, 0), format_number(total, 0));
}

std::string counts_line(const Digest& d, bool zh, char glue) {
  const Headline& h = d.headline;
  auto n = [&](int count, Word w) {
    std::string phrase = zh ? fmt::format("{} {}", word(w, true), count)
                            : fmt::format("{} {}", count, word(w, false));
    std::replace(phrase.begin(), phrase.end(), ' ', glue);
    return phrase;
  };
  std::string out =
      zh ? fmt::format("指标 {} 项：", h.indicators)
         : fmt::format("{} indicator{}: ", h.indicators, h.indicators == 1 ? "" : "s");
  std::string sep = zh ? "，" : ", ";
  out += n(h.achieved, Word::achieved) + sep + n(h.on_track, Word::on_track) + sep +
         n(h.behind, Word::behind) + sep + n(h.missed, Word::missed) + sep;
  // Unreported is counted only where a schedule can make it non-zero, so
  // a plan without one keeps its headline.
  if (d.scheduled) out += n(h.unreported, Word::unreported) + sep;
  return out + n(h.no_data, Word::no_data);
}

namespace {

// Under --unit: the indicators counted that the unit neither leads nor
// partners (it reports them), which the units table leaves out.
int unit_reports_only(const Digest& d) {
  if (d.unit.empty()) return 0;
  int counted = 0;
  for (const UnitRow& u : d.units.rows) counted += u.led + u.partnered;
  return std::max(0, d.headline.indicators - counted);
}

}  // namespace

std::string heading(const Digest& d, Section s, bool zh) {
  switch (s) {
    case Section::missing:
      if (!d.scheduled) return say(zh, "Reports missing at {}", "截至 {} 未报送", d.made.iso());
      return say(zh, "Reports missing at {} ({})", "截至 {} 未报送（{} 项）", d.made.iso(),
                 d.missing.size());
    case Section::attention:
      return say(zh, "Newly in trouble since {}", "新出现的问题（与 {} 相比）",
                 d.previous.last.iso());
    case Section::shortfalls:
      if (zh)
        return fmt::format("差距最大的指标（滞后 {} 项，列出 {} 项）", d.behind,
                           d.shortfalls.size());
      return fmt::format("Furthest behind ({} of {} behind), with the pace now needed",
                         d.shortfalls.size(), d.behind);
    case Section::milestones:
      return say(zh, "Milestones due by {} or overdue", "{} 前到期或已逾期的节点任务",
                 d.next.last.iso());
    case Section::progress:
      return say(zh, "Other status changes since {}", "其他状态变化（与 {} 相比）",
                 d.previous.last.iso());
    case Section::units: {
      // Under --unit the headline also counts what the unit only reports,
      // which the table of lead and partner units leaves out: said, so
      // that its counts are not read as the headline's.
      const int rest = unit_reports_only(d);
      if (rest > 0 && !d.units.rows.empty())
        return say(zh, "Responsible units ({} leads or partners {}; the other {} it only reports)",
                   "责任单位（{} 牵头或参与 {} 项，另 {} 项仅负责报送）", d.unit,
                   d.headline.indicators - rest, rest);
      return zh ? "责任单位" : "Responsible units";
    }
    case Section::recorded: {
      std::size_t n = d.recorded_entries, k = d.recorded.size();
      if (zh) return fmt::format("本期填报：{} 条，涉及 {} 项指标", n, k);
      return fmt::format("Recorded in the period: {} on {} indicator{}", entries(n, false), k,
                         k == 1 ? "" : "s");
    }
    case Section::appendix:
      return zh ? "附：本期填报明细（按填报单位）"
                : "Appendix: recorded in the period, per reporting unit";
  }
  return "?";
}

std::string due_next_heading(const Digest& d, bool zh) {
  return say(zh, "Falling due by {}, not yet in", "{} 前到期、尚未报送", d.next.last.iso());
}

std::string nothing(const Digest& d, Section s, bool zh) {
  switch (s) {
    case Section::missing:
      if (!d.scheduled)
        return zh ? "计划未设定报送周期，无法判断未报送。"
                  : "The plan sets no reporting schedule: nothing is due.";
      // A town sees its own reports only: its indicators may wait on another
      // town's, and "every report is in" beside them would say otherwise.
      // Of the periods to E: a digest made late leaves a later period's
      // reports, which plan due at D may list, to that period's digest.
      if (!d.unit.empty() && d.headline.unreported > 0)
        return say(zh,
                   "Every report {} owes by {} for the periods to {} is in; its indicators "
                   "waiting on other reporters: {} (plan due lists them).",
                   "截至 {1}，{0} 在 {2} 及以前各期应报送的均已报送；其中 {3} "
                   "项指标尚待其他单位报送（plan due 列出）。",
                   d.unit, d.made.iso(), d.as_of.iso(), d.headline.unreported);
      return say(zh, "Every report due before {} for the periods to {} is in.",
                 "{0} 前应报送的 {1} 及以前各期报表均已报送。", d.made.iso(), d.as_of.iso());
    case Section::attention:
      return zh ? "无新增滞后、未达标或逾期。" : "Nothing fell behind, missed or became overdue.";
    case Section::shortfalls:
      return zh ? "没有滞后的指标。" : "No indicator is behind.";
    case Section::milestones:
      return zh ? "无。" : "None.";
    case Section::progress:
      return zh ? "无其他状态变化。" : "No other status changed.";
    case Section::units:
      if (!d.unit.empty())
        return say(zh, "{} leads and partners none of the {} indicators above; it reports them.",
                   "{} 不牵头、不参与上列 {} 项指标，仅负责报送。", d.unit, d.headline.indicators);
      return zh ? "无责任单位。" : "No responsible unit.";
    case Section::recorded:
    case Section::appendix:
      return zh ? "本期无填报。" : "Nothing was recorded in the period.";
  }
  return "";
}

std::string legend(bool zh) {
  // The counts group statuses (StatusCounts): say which. A flow's own
  // `missed` (its period closed short) is 未完成 already.
  return say(zh,
             "{} counts met levels and done milestones; {}, pending milestones; {}, overdue "
             "milestones and flows short of the target at the period's end.",
             "“{}”含达标的水平指标和已办结的节点任务；“{}”含推进中的节点任务；“{}”含未达标的"
             "水平指标和逾期的节点任务。",
             plan::heading(Word::achieved, zh), word(Word::on_track, zh), word(Word::missed, zh));
}

}  // namespace plan::digest_words
