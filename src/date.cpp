#include "date.h"

#include <fmt/format.h>

#include <algorithm>

namespace plan {

// Howard Hinnant's civil_from_days (days_from_civil is in date.h).
namespace {
struct Civil {
  int y, m, d;
};
Civil civil(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}
}  // namespace

int Date::year() const {
  return civil(days_).y;
}
int Date::month() const {
  return civil(days_).m;
}
int Date::day() const {
  return civil(days_).d;
}

Ymd Date::ymd() const {
  Civil c = civil(days_);
  return {c.y, c.m, c.d};
}

void Date::to_ymd(int* y, int* m, int* d) const {
  Civil c = civil(days_);
  *y = c.y;
  *m = c.m;
  *d = c.d;
}

std::string Date::iso() const {
  Civil c = civil(days_);
  if (c.y < 0 || c.y > 9999) return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
  // By hand: reports write a date per row, and fmt parses its format
  // string at run time, ten times the work.
  std::string text = "0000-00-00";
  // The `digits` digits of v, ending before text[end].
  auto put = [&](std::size_t end, int v, int digits) {
    for (int k = 1; k <= digits; ++k, v /= 10) text[end - k] += static_cast<char>(v % 10);
  };
  put(4, c.y, 4);
  put(7, c.m, 2);
  put(10, c.d, 2);
  return text;
}

std::optional<Date> Date::parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](std::size_t pos, std::size_t len, int* out) {
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  int y, m, d;
  if (!num(0, 4, &y) || !num(5, 2, &m) || !num(8, 2, &d) || !is_valid(y, m, d)) return std::nullopt;
  return from_ymd(y, m, d);
}

Date Date::add_months(int n) const {
  Civil c = civil(days_);
  int total = c.y * 12 + (c.m - 1) + n;
  // Floor division: before year 0 the month count is negative, and C++'s
  // division would give a month of 0 or less (found by fuzz/, scalars).
  int y = (total >= 0 ? total : total - 11) / 12, m = total - y * 12 + 1;
  return from_ymd(y, m, std::min(c.d, days_in_month(y, m)));
}

double progress(Date start, Date end, Date d) {
  double total = (end - start) + 1;
  double done = (d - start) + 1;
  return std::clamp(done / total, 0.0, 1.0);
}

}  // namespace plan
