// Calendar dates without time zones: the plan and the records speak in days.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace plan {

bool is_leap_year(int year);
int days_in_year(int year);
int days_in_month(int year, int month);

class Date {
 public:
  Date() = default;
  // y-m-d must be a real calendar date (check with is_valid first).
  static Date from_ymd(int y, int m, int d);
  static bool is_valid(int y, int m, int d);
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

// Fraction of the inclusive span [start, end] that has elapsed by the end of
// day d: (d - start + 1) / (end - start + 1), clamped to [0, 1].
double progress(Date start, Date end, Date d);

}  // namespace plan
