#include "digest_period.h"

#include <fmt/format.h>

#include <cctype>
#include <iterator>

namespace plan {

namespace {

// What each kind of period is, in PeriodKind's order: one row a kind
// rather than a switch a fact.
struct KindFacts {
  PeriodKind kind;
  std::string_view name;     // as --period takes it
  int months;                // the months it spans (0: a week)
  std::string_view form;     // the label's form, for error messages
  std::string_view form_zh;  // … in Chinese
  std::string_view word_zh;  // the kind's word: 月份
};
constexpr KindFacts kKinds[] = {
    {PeriodKind::week, "week", 0, "YYYY-Www, an ISO week such as 2020-W27",
     "YYYY-Www，ISO 周，如 2020-W27", "周"},
    {PeriodKind::month, "month", 1, "YYYY-MM, such as 2020-06 or 2020年6月",
     "YYYY-MM，如 2020-06 或 2020年6月", "月份"},
    {PeriodKind::quarter, "quarter", 3, "YYYYQn, such as 2020Q2 or 2020年第二季度",
     "YYYYQn，如 2020Q2 或 2020年第二季度", "季度"},
    {PeriodKind::half, "half", 6, "YYYYH1 or YYYYH2, or 2020年上半年",
     "YYYYH1 或 YYYYH2，或 2020年上半年", "半年"},
    {PeriodKind::year, "year", 12, "YYYY, such as 2020 or 2020年", "YYYY，如 2020 或 2020年",
     "年份"},
};

constexpr bool in_order() {
  for (std::size_t i = 0; i < std::size(kKinds); ++i)
    if (static_cast<std::size_t>(kKinds[i].kind) != i) return false;
  return true;
}
static_assert(in_order(), "kKinds is indexed by PeriodKind");

const KindFacts& facts(PeriodKind k) {
  return kKinds[static_cast<std::size_t>(k)];
}

}  // namespace

std::optional<PeriodKind> parse_period_kind(std::string_view s) {
  for (const KindFacts& f : kKinds)
    if (f.name == s) return f.kind;
  return std::nullopt;
}

std::string_view period_kind_name(PeriodKind k) {
  return facts(k).name;
}

int iso_weekday(Date d) {
  // 1970-01-01 was a Thursday (3 counting from Monday 0).
  int r = (d.days_since_epoch() + 3) % 7;
  return r < 0 ? r + 7 : r;
}

namespace {

// Monday of ISO week 1 of `year`: the week that holds 4 January.
Date iso_week_one(int year) {
  Date jan4 = Date::from_ymd(year, 1, 4);
  return jan4.add_days(-iso_weekday(jan4));
}

// Reads exactly `len` digits at `pos`.
bool digits(std::string_view s, std::size_t pos, std::size_t len, int* out) {
  if (pos + len > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

bool letter(std::string_view s, std::size_t pos, char upper) {
  return pos < s.size() && std::toupper(static_cast<unsigned char>(s[pos])) == upper;
}

}  // namespace

CalendarPeriod period_containing(PeriodKind k, Date d) {
  if (k == PeriodKind::week) {
    Date monday = d.add_days(-iso_weekday(d));
    return {k, monday, monday.add_days(6)};
  }
  // The months of a quarter, half or year are counted from January.
  const int months = facts(k).months;
  Date first = Date::from_ymd(d.year(), (d.month() - 1) / months * months + 1, 1);
  return {k, first, first.add_months(months).add_days(-1)};
}

CalendarPeriod previous_period(const CalendarPeriod& p) {
  return period_containing(p.kind, p.first.add_days(-1));
}

CalendarPeriod next_period(const CalendarPeriod& p) {
  return period_containing(p.kind, p.last.add_days(1));
}

CalendarPeriod last_complete_period(PeriodKind k, Date d) {
  return previous_period(period_containing(k, d));
}

std::string calendar_label(const CalendarPeriod& p) {
  int y = p.first.year(), m = p.first.month();
  switch (p.kind) {
    case PeriodKind::week: {
      Date thursday = p.first.add_days(3);
      int week = (thursday - iso_week_one(thursday.year())) / 7 + 1;
      return fmt::format("{:04}-W{:02}", thursday.year(), week);
    }
    case PeriodKind::month:
      return fmt::format("{:04}-{:02}", y, m);
    case PeriodKind::quarter:
      return fmt::format("{:04}Q{}", y, (m - 1) / 3 + 1);
    case PeriodKind::half:
      return fmt::format("{:04}H{}", y, m <= 6 ? 1 : 2);
    case PeriodKind::year:
      return fmt::format("{:04}", y);
  }
  return "?";
}

std::optional<CalendarPeriod> parse_calendar_label(PeriodKind k, std::string_view s) {
  int y = 0, n = 0;
  if (!digits(s, 0, 4, &y) || y < 1) return std::nullopt;
  switch (k) {
    case PeriodKind::week: {
      if (s.size() != 8 || s[4] != '-' || !letter(s, 5, 'W') || !digits(s, 6, 2, &n) || n < 1)
        return std::nullopt;
      // Keep clear of the calendar's ends, where week 1's Monday is not a date.
      if (y < 2 || y > 9998) return std::nullopt;
      CalendarPeriod p = period_containing(k, iso_week_one(y).add_days(7 * (n - 1)));
      // Week 53 of a year with 52 weeks would be week 1 of the next.
      if (calendar_label(p) != fmt::format("{:04}-W{:02}", y, n)) return std::nullopt;
      return p;
    }
    case PeriodKind::month:
      if (s.size() != 7 || s[4] != '-' || !digits(s, 5, 2, &n) || n < 1 || n > 12)
        return std::nullopt;
      return period_containing(k, Date::from_ymd(y, n, 1));
    case PeriodKind::quarter:
      if (s.size() != 6 || !letter(s, 4, 'Q') || !digits(s, 5, 1, &n) || n < 1 || n > 4)
        return std::nullopt;
      return period_containing(k, Date::from_ymd(y, (n - 1) * 3 + 1, 1));
    case PeriodKind::half:
      if (s.size() != 6 || !letter(s, 4, 'H') || !digits(s, 5, 1, &n) || n < 1 || n > 2)
        return std::nullopt;
      return period_containing(k, Date::from_ymd(y, n == 1 ? 1 : 7, 1));
    case PeriodKind::year:
      if (s.size() != 4) return std::nullopt;
      return period_containing(k, Date::from_ymd(y, 1, 1));
  }
  return std::nullopt;
}

std::string_view calendar_label_form(PeriodKind k) {
  return facts(k).form;
}

std::string_view calendar_label_form_zh(PeriodKind k) {
  return facts(k).form_zh;
}

std::string_view period_kind_word_zh(PeriodKind k) {
  return facts(k).word_zh;
}

}  // namespace plan
