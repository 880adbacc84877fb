#include "digest_period.h"

namespace plan {

std::optional<Period> parse_period(std::string_view s) {
  if (s == "week") return Period::week;
  if (s == "month") return Period::month;
  return std::nullopt;
}

std::string_view period_name(Period p) {
  return p == Period::week ? "week" : "month";
}

Date period_back(Date d, Period p) {
  return p == Period::week ? d.add_days(-7) : d.add_months(-1);
}

Date period_ahead(Date d, Period p) {
  return p == Period::week ? d.add_days(7) : d.add_months(1);
}

}  // namespace plan
