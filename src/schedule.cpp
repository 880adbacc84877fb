#include "schedule.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "text.h"

namespace plan {

namespace {

// Calendar periods are numbered from year 0: (year*12 + month-1) / months.
int calendar_key(Frequency f, Ymd d) {
  return (d.year * 12 + d.month - 1) / months_per_period(f);
}
int calendar_key(Frequency f, Date d) {
  return calendar_key(f, d.ymd());
}

Date calendar_start(Frequency f, int key) {
  int m0 = key * months_per_period(f);
  return Date::from_ymd(m0 / 12, m0 % 12 + 1, 1);
}

Date calendar_end(Frequency f, int key) {
  return calendar_start(f, key + 1).add_days(-1);
}

Date due_after(Date calendar_end_day, int due_day) {
  Date next = calendar_end_day.add_days(1);  // first day of the next month
  int y, m, first;
  next.to_ymd(&y, &m, &first);
  return Date::from_ymd(y, m, std::min(due_day, days_in_month(y, m)));
}

}  // namespace

int months_per_period(Frequency f) {
  switch (f) {
    case Frequency::monthly:
      return 1;
    case Frequency::quarterly:
      return 3;
    case Frequency::half_yearly:
      return 6;
    case Frequency::yearly:
      return 12;
    case Frequency::ad_hoc:
      return 0;
  }
  return 0;
}

int period_count(const Plan& plan, const Indicator& ind) {
  if (!ind.scheduled() || plan.end < plan.start) return 0;
  Frequency f = ind.schedule.frequency;
  return calendar_key(f, plan.end) - calendar_key(f, plan.start) + 1;
}

ReportingPeriod period_at(const Plan& plan, const Indicator& ind, int index) {
  Frequency f = ind.schedule.frequency;
  int key = calendar_key(f, plan.start) + index;
  ReportingPeriod p;
  p.frequency = f;
  p.index = index;
  p.start = std::max(calendar_start(f, key), plan.start);
  Date end = calendar_end(f, key);
  p.end = std::min(end, plan.end);
  p.due = due_after(end, ind.schedule.due_day);
  return p;
}

std::optional<ReportingPeriod> last_due_period(const Plan& plan, const Indicator& ind, Date d) {
  int n = period_count(plan, ind);
  if (n == 0) return std::nullopt;
  // The period containing d-1 month is at most one step from the answer:
  // walk back from the period containing d.
  Frequency f = ind.schedule.frequency;
  int i = std::clamp(calendar_key(f, d) - calendar_key(f, plan.start), 0, n - 1);
  for (; i >= 0; --i) {
    ReportingPeriod p = period_at(plan, ind, i);
    if (p.due < d) return p;
  }
  return std::nullopt;
}

std::optional<int> period_of_entry(const Plan& plan, const Indicator& ind, Date date,
                                   std::string_view period_tag) {
  return PeriodIndex(plan, ind).of(date, date.ymd(), period_tag);
}

PeriodIndex::PeriodIndex(const Plan& plan, const Indicator& ind) {
  const int n = period_count(plan, ind);
  if (n == 0) return;
  frequency_ = ind.schedule.frequency;
  first_key_ = calendar_key(frequency_, plan.start);
  end_due_.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    ReportingPeriod p = period_at(plan, ind, i);
    end_due_.emplace_back(p.end.days_since_epoch(), p.due.days_since_epoch());
  }
  const int months = months_per_period(frequency_);
  first_month_ = static_cast<std::size_t>(first_key_) * static_cast<std::size_t>(months);
  for (int i = 0; i <= n; ++i) {
    Month m{-1, INT32_MAX, -1, INT32_MIN, INT32_MIN};
    if (i < n) m.now = i, m.now_end = end_due_[static_cast<std::size_t>(i)].first;
    if (i >= 1) {
      m.prev = i - 1;
      std::tie(m.prev_end, m.prev_due) = end_due_[static_cast<std::size_t>(i - 1)];
    }
    months_.insert(months_.end(), static_cast<std::size_t>(months), m);
  }
}

std::optional<int> PeriodIndex::of_label(std::string_view period_tag) const {
  if (count() == 0) return std::nullopt;
  auto label = parse_period_label(period_tag);
  if (!label || label->first != frequency_) return std::nullopt;
  const int i = calendar_key(frequency_, label->second) - first_key_;
  if (i < 0 || i >= count()) return std::nullopt;
  return i;
}

bool reports_after_end(const Plan& plan, const Indicator& ind, Date date,
                       std::string_view period_tag) {
  return date > plan.end && ind.scheduled() &&
         period_of_entry(plan, ind, date, period_tag).has_value();
}

std::string period_label(const ReportingPeriod& p) {
  // The calendar period's first day, not the clipped start.
  int key = calendar_key(p.frequency, p.end);
  Date s = calendar_start(p.frequency, key);
  switch (p.frequency) {
    case Frequency::monthly:
      return fmt::format("{}-{:02}", s.year(), s.month());
    case Frequency::quarterly:
      return fmt::format("{}Q{}", s.year(), (s.month() - 1) / 3 + 1);
    case Frequency::half_yearly:
      return fmt::format("{}H{}", s.year(), (s.month() - 1) / 6 + 1);
    case Frequency::yearly:
      return fmt::format("{}", s.year());
    case Frequency::ad_hoc:
      break;
  }
  return "";
}

std::optional<Date> period_last_day(std::string_view label) {
  auto period = parse_period_label(label);
  if (!period) return std::nullopt;
  return period->second.add_months(months_per_period(period->first)).add_days(-1);
}

std::optional<Message> period_date_problem(std::string_view label, Date d, bool report) {
  auto period = parse_period_label(label);
  if (!period) return std::nullopt;
  // A label that parses is ASCII: nothing to sanitize.
  if (period->second > d)
    return Message{
        fmt::format("period {} begins after the date {} (a figure is dated the day it came in)",
                    label, d.iso()),
        fmt::format("报送期 {} 在日期 {} 之后才开始（数据的日期是它报来的那一天）", label,
                    d.iso())};
  const Date last = *period_last_day(label);
  if (!report || last <= d) return std::nullopt;
  return Message{
      fmt::format("period {} is not over on {} (it ends {}); a report is dated after its period",
                  label, d.iso(), last.iso()),
      fmt::format("报送期 {} 截至 {} 尚未结束（止于 {}）；报送日期应在报送期结束之后", label,
                  d.iso(), last.iso())};
}

Message not_a_period_label(std::string_view written, bool explanation) {
  // Any text: cut short, as a formula in a message is.
  const std::string shown = truncate_to_width(sanitize(written), 40);
  return Message{
      fmt::format("period '{}' names no reporting period (2019-06, 2019Q2, 2019H1 or 2019): {}",
                  shown,
                  explanation ? "the explanation is of no period"
                              : "it files no report, and the figure counts on its date"),
      fmt::format("报送期“{}”写法不对（应如 2019-06、2019Q2、2019H1 或 2019）：{}", shown,
                  explanation ? "该情况说明不对应任何报送期" : "不计为报送，按填报日期计入")};
}

Message period_of_unscheduled(std::string_view label, std::string_view id) {
  const std::string shown = sanitize(label);
  return Message{
      fmt::format("period {} files nothing: {} has no reporting schedule, and its "
                  "figure counts on its date",
                  shown, id),
      fmt::format("报送期 {} 不计为报送：{} 为不定期报送指标，按填报日期计入", shown, id)};
}

bool period_files_report(const Indicator& ind,
                         const std::optional<std::pair<Frequency, Date>>& label, bool explanation) {
  return !explanation && ind.scheduled() && label && label->first == ind.schedule.frequency;
}

Message period_of_other_frequency(std::string_view label, const Indicator& ind) {
  const std::string shown = sanitize(label);
  return Message{fmt::format("period {} is not a {} reporting period of {}: it files no report, "
                             "and the figure counts on its date",
                             shown, frequency_name(ind.schedule.frequency), ind.id),
                 fmt::format("报送期 {} 不是 {} 的{}报送期：不计为报送，按填报日期计入", shown,
                             ind.id, frequency_name_zh(ind.schedule.frequency))};
}

std::string period_label_of(std::string_view written) {
  // Full-width digits and letters (２０１９年６月, ２０１９Ｑ２, as a
  // Chinese input method types them) read as ASCII ones first.
  const std::string s = halfwidth(written);
  if (parse_period_label(s)) return s;
  auto year_digits = [&] {
    if (s.size() < 4) return false;
    for (int i = 0; i < 4; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  constexpr std::string_view kYear = "年";
  if (!year_digits() || std::string_view(s).substr(4, kYear.size()) != kYear)
    return std::string(written);
  const std::string year = s.substr(0, 4);
  std::string_view rest = std::string_view(s).substr(4 + kYear.size());
  if (rest.empty() || rest == "度") return year;
  if (rest == "上半年") return year + "H1";
  if (rest == "下半年") return year + "H2";
  // A number first: one or two digits, or a Chinese numeral 一 to 十二.
  auto number = [&](int* n) {
    static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五",
                                                     "六", "七", "八", "九"};
    auto numeral = [&](int* k) {
      for (int i = 0; i < 9; ++i)
        if (rest.starts_with(kNumerals[i])) {
          rest.remove_prefix(kNumerals[i].size());
          *k = i + 1;
          return true;
        }
      return false;
    };
    constexpr std::string_view kTen = "十";
    if (rest.starts_with(kTen)) {  // 十, 十一, 十二
      rest.remove_prefix(kTen.size());
      int unit = 0;
      *n = 10 + (numeral(&unit) ? unit : 0);
      return true;
    }
    if (numeral(n)) return true;
    std::size_t k = 0;
    *n = 0;
    while (k < rest.size() && k < 2 && rest[k] >= '0' && rest[k] <= '9')
      *n = *n * 10 + (rest[k++] - '0');
    rest.remove_prefix(k);
    return k > 0;
  };
  int n = 0;
  // 第 numbers a quarter (第二季度), not a month.
  const bool ordinal = rest.starts_with("第");
  if (ordinal) rest.remove_prefix(std::string_view("第").size());
  if (!number(&n)) return std::string(written);
  if (rest == "月" && !ordinal && n >= 1 && n <= 12) return fmt::format("{}-{:02}", year, n);
  if (rest == "季度" && n >= 1 && n <= 4) return fmt::format("{}Q{}", year, n);
  return std::string(written);
}

std::optional<std::pair<Frequency, Date>> parse_period_label(std::string_view s) {
  if (s.size() < 4) return std::nullopt;
  int year = 0;
  for (int i = 0; i < 4; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    year = year * 10 + (s[i] - '0');
  }
  if (year < 1) return std::nullopt;
  std::string_view rest = s.substr(4);
  if (rest.empty()) return std::pair(Frequency::yearly, Date::from_ymd(year, 1, 1));
  if (rest.size() == 3 && rest[0] == '-' && rest[1] >= '0' && rest[1] <= '1' && rest[2] >= '0' &&
      rest[2] <= '9') {
    int m = (rest[1] - '0') * 10 + (rest[2] - '0');
    if (m < 1 || m > 12) return std::nullopt;
    return std::pair(Frequency::monthly, Date::from_ymd(year, m, 1));
  }
  if (rest.size() == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4')
    return std::pair(Frequency::quarterly, Date::from_ymd(year, (rest[1] - '1') * 3 + 1, 1));
  if (rest.size() == 2 && rest[0] == 'H' && rest[1] >= '1' && rest[1] <= '2')
    return std::pair(Frequency::half_yearly, Date::from_ymd(year, (rest[1] - '1') * 6 + 1, 1));
  return std::nullopt;
}

}  // namespace plan
