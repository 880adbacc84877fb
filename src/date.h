// Calendar dates without time zones: the plan and the records speak in days.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace plan {

inline bool is_leap_year(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
inline int days_in_year(int y) {
  return is_leap_year(y) ? 366 : 365;
}
inline int days_in_month(int y, int m) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

// A date's calendar fields.
struct Ymd {
  int year = 1970, month = 1, day = 1;
};

class Date {
 public:
  Date() = default;
  // y-m-d must be a real calendar date (check with is_valid first).
  // Inline: the record reader calls both for every line.
  static Date from_ymd(int y, int m, int d);
  static bool is_valid(int y, int m, int d) {
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
  }
  // Strict ISO "YYYY-MM-DD" (four-digit year, two-digit month and day, a real
  // date); nullopt otherwise.
  static std::optional<Date> parse(std::string_view s);
  static Date from_days(std::int32_t days_since_epoch) {
    Date d;
    d.days_ = days_since_epoch;
    return d;
  }

  int year() const;
  int month() const;
  int day() const;
  // All three at once, for readers that need them per entry.
  void to_ymd(int* y, int* m, int* d) const;
  Ymd ymd() const;
  std::int32_t days_since_epoch() const { return days_; }
  std::string iso() const;

  Date add_days(int n) const { return from_days(days_ + n); }
  // The same day n months later (or earlier), clamped to the month's end:
  // 2020-03-31 minus one month is 2020-02-29.
  Date add_months(int n) const;
  friend int operator-(Date a, Date b) { return a.days_ - b.days_; }
  friend auto operator<=>(Date a, Date b) = default;

 private:
  std::int32_t days_ = 0;  // days since 1970-01-01
};

// Howard Hinnant's days_from_civil.
inline Date Date::from_ymd(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return from_days(era * 146097 + static_cast<int>(doe) - 719468);
}

// Fraction of the inclusive span [start, end] that has elapsed by the end of
// day d: (d - start + 1) / (end - start + 1), clamped to [0, 1].
double progress(Date start, Date end, Date d);

}  // namespace plan
