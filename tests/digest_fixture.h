// The digest of `plan report` built from record text, as the command builds
// it: one pass over the records feeds the ledger at D, the ledger one period
// earlier and the tally of the period. Shared by the digest's tests.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "digest.h"
#include "mini_fixture.h"
#include "record_reader.h"

namespace plan::testing {

// The golden ledger, tests/fixtures/digest/golden.rec: the monthly digest
// of November 2020 (E = 2020-11-30), compared with 2020-10-31. 2020-11-30
// is day 335 of 2020 (a leap year) and day 1065 of the period (365 + 365 +
// 335); 2020-10-31 is day 305 of 2020. 31 days remain from E to 2020-12-31:
// 31 / 30.4375 = 1.018480 months.
inline std::string golden_records() {
  std::ifstream in(PLAN_SOURCE_DIR "/tests/fixtures/digest/golden.rec", std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The period of kind `k` named `label` ("2020-12", "2019-W27", …).
inline CalendarPeriod period(PeriodKind k, const char* label) {
  auto p = parse_calendar_label(k, label);
  REQUIRE_MESSAGE(p, label);
  return *p;
}

inline Digest digest_of(const Plan& plan, std::string_view records, const CalendarPeriod& p,
                        std::string unit = "", std::size_t top = 5) {
  DigestSources sources(plan, p);
  Diagnostics diags;
  read_record_text(records, "test.rec", plan, diags, [&](const Entry& e) { sources.add(e); });
  REQUIRE_MESSAGE(!diags.has_errors(), diags.first_error()->headline());
  DigestOptions o;
  o.unit = std::move(unit);
  o.top = top;
  return build_digest(sources, o);
}

}  // namespace plan::testing
