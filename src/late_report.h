// A late report about to be filed as the next period's. Without period=,
// a figure reports for the period its date falls in, or for the one before
// while the date is in that one's due window (schedule.h). A town's June
// report that comes in on 12 July, after its due day (10 July), and is
// recorded with that date would count for July: July is not over, June
// stays 未报送, and July's own report later counts twice. `plan record` and
// `plan import` refuse such a figure and ask which period it is for: a new
// flow or level figure of a scheduled indicator, not negative (a
// correction, -120 as 更正 of a double count, is no report), without period=, dated
// before the end of its period, whose reporter (by=) has no figure for the
// period before, in the ledger or among the new figures.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "filings.h"
#include "plan.h"
#include "record.h"

namespace plan {

struct LateReportWords {
  // How a period is given: "--period" for plan record, "报送期" for a
  // sheet's column.
  std::string_view period_option = "--period";
  // --add or --replace was given: a figure may join the reporter's figure
  // of the next period, so that way out is offered even when there is one.
  bool joins = false;
  // Some rows of the sheet are bad (and not among the fresh entries): one
  // of them may be the period before, which the sentence then says.
  bool bad_rows = false;
  // period_option names a sheet's column, not a command-line option: the
  // hint then asks for "报送期 2019-07 and --force", not "--period 2019-07
  // --force".
  bool period_is_column = false;
};

// Per fresh entry, in order: the sentence that refuses it, or nullopt.
// `ledger` holds the ledger's filings on every date (Filings at the last
// date there is). The sentence names the period as `words` says: "--period
// 2019-06 if it is the late 2019-06 report, --period 2019-07 --force if it is 2019-07's
// so far" (a figure for a period not over needs --force: new_entry.h). When
// the reporter has a figure for 2019-07 already (in the ledger or among the
// other new figures) and `words.joins` is false, only the first way out is
// offered: "…would count for
// 2019-07, which has 镇乙's report already: --period 2019-06 if it is the
// late 2019-06 report".
std::vector<std::optional<Message>> late_reports(const Plan& plan, const Filings& ledger,
                                                 const std::vector<const Entry*>& fresh,
                                                 const LateReportWords& words);

}  // namespace plan
