// Lint for records that parse: entries that are legal but probably wrong.
// Fed entry by entry from the reader, like the ledger.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "date.h"
#include "diagnostic.h"
#include "plan.h"
#include "record.h"

namespace plan {

class RecordChecker {
 public:
  // `today` decides what a future date is (the clock stays outside).
  RecordChecker(const Plan& plan, Date today, Diagnostics& diags);

  // Warnings, at the entry's line:
  //  - a suspected double entry: same date, id, value and `by` as an earlier
  //    entry (named in the message);
  //  - a date outside the plan period (a flow's increment then counts
  //    nowhere; a level reading or milestone state still counts while it is
  //    the latest entry);
  //  - a date after today.
  // (A `by` unit outside [plan].units is fine: towns and offices below the
  // plan's units report too.)
  // Remembers a 64-bit fingerprint and a location per distinct entry, so
  // unlike the ledger its memory grows with the records: it is a lint.
  void add(const Entry& e);

 private:
  struct Seen {
    std::uint32_t file;
    int line;
  };
  const Plan& plan_;
  Date today_;
  Diagnostics& diags_;
  std::vector<std::string> files_;  // interned file names for Seen
  std::unordered_map<std::uint64_t, Seen> seen_;
};

}  // namespace plan
