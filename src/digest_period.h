// The period a `plan report` digest covers: a week or a month ending on the
// as-of date D. The digest looks one period back (what was recorded, what
// changed status) and one period ahead (milestones coming due).
#pragma once

#include <optional>
#include <string_view>

#include "date.h"

namespace plan {

enum class Period { week, month };

std::optional<Period> parse_period(std::string_view s);  // "week", "month"
std::string_view period_name(Period p);
// One period before and after d: seven days for a week; for a month the same
// day of the previous (next) month, clamped to that month's end, so the
// monthly report of 2020-03-31 covers 2020-03-01 … 2020-03-31 (after
// 2020-02-29).
Date period_back(Date d, Period p);
Date period_ahead(Date d, Period p);

}  // namespace plan
