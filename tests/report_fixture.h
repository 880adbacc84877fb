// The digest of `plan report` built from record text, as the command builds
// it: one pass over the records feeds the ledger at D, the ledger one period
// earlier and the tally of the period. Shared by the digest's tests.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "mini_fixture.h"
#include "record_reader.h"
#include "report.h"

namespace plan::testing {

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
