// The digest of `plan report` built from record text, as the command builds
// it: one pass over the records feeds the ledger at D, the ledger one period
// earlier and the tally of the period. Shared by the digest's tests.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "digest.h"
#include "mini_fixture.h"
#include "record_reader.h"

namespace plan::testing {

// The golden ledger: a monthly digest as of 2020-12-15, compared with
// 2020-11-15. 2020-12-15 is day 350 of 2020 and day 1080 of the period
// (365 + 365 + 350); 2020-11-15 is day 320 of 2020. 16 days remain to
// 2020-12-31: 16 / 30.4375 = 0.525667 months.
inline constexpr const char* kGoldenRecords =
    "2018-12-31  jobs.urban_new  17000  by=人社局\n"
    "2019-12-31  jobs.urban_new  17000  by=人社局\n"
    "2020-11-15  jobs.urban_new  15000  by=人社局\n"  // D - 1 month: before the window
    "2020-11-16  jobs.urban_new  600  by=人社局  note=\"十一月快报\"\n"
    "2020-12-15  jobs.urban_new  400  by=财政局\n"
    "2020-12-20  jobs.urban_new  700  by=人社局\n"  // after D: nowhere
    "2018-12-31  skills.total  6000  by=人社局\n"
    "2019-12-31  skills.total  4000  by=人社局\n"
    "2020-06-30  skills.total  2000  by=人社局\n"
    "2020-12-01  skills.total  500  by=人社局\n"
    "2018-12-31  skills.high  2000  by=人社局\n"
    "2019-12-31  skills.high  2000  by=人社局\n"
    "2020-10-31  skills.high  1800  by=人社局\n"
    "2020-12-01  skills.high  300  by=人社局\n"
    "2019-05-20  skills.leaders  1  by=人社局\n"
    "2020-09-30  unemployment.rate  2.8%  by=人社局\n"
    "2020-12-10  unemployment.rate  3.1%  by=人社局\n"
    "2020-10-31  graduates.rate  94%  by=教育局\n"
    "2020-12-05  graduates.rate  96%  by=教育局\n";

inline Digest digest_of(const Plan& plan, std::string_view records, const char* as_of,
                        Period period, std::string unit = "", std::size_t top = 5) {
  Date d = day(as_of);
  Date since = period_back(d, period);
  Ledger now(plan, d), before(plan, since);
  PeriodRecords recorded(plan, since, d);
  Diagnostics diags;
  read_record_text(records, "test.rec", plan, diags, [&](const Entry& e) {
    now.add(e);
    before.add(e);
    recorded.add(e);
  });
  REQUIRE_MESSAGE(!diags.has_errors(), diags.first_error()->headline());
  DigestOptions o;
  o.period = period;
  o.unit = std::move(unit);
  o.top = top;
  return build_digest(now, before, recorded, o);
}

}  // namespace plan::testing
