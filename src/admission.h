// Whether new entries may join the ledger, judged against what it already
// holds: `plan import` and `plan record` refuse, before writing anything,
//  - a duplicate: the same date, id, value, by= and period= as an entry of the
//    ledger, or as an earlier new entry (duplicates.h), unless
//    allow_duplicates; when every new entry is one, a single error says the
//    whole batch is there already;
//  - an implausible figure (plausibility.h), unless force: then it is
//    let in with a warning, as force also lets in figures for periods not
//    over and dates after today, and a typo must not ride in with them;
//  - a late report about to count for the next period (late_report.h);
//  - a flow figure whose reporter already has one for its period
//    (refiling.h), which would count the period twice, unless `add` (it
//    adds to them: written, with a warning that says what the period comes
//    to) or `replace` (it replaces them: Admission::replaces says what to
//    record, as_replacement); a negative figure, a correction recorded as
//    the difference, is written with the warning, and is refused under
//    `replace` unless force (the period would come to less than zero).
// One streaming pass over the records (read_records, in parallel where it
// pays, with the same verdicts as one thread), holding the new
// entries' fingerprints and one range per indicator: memory follows the
// batch and the plan, not the ledger. Problems of the ledger itself (bad
// lines) are plan check's business and are not reported here.
#pragma once

#include <filesystem>
#include <vector>

#include "diagnostic.h"
#include "env.h"
#include "plan.h"
#include "record.h"

namespace plan {

struct NewFigure {
  const Entry* entry;  // must outlive the call
  Location at;         // where to report it: its row, or its value's cell
};

struct AdmissionOptions {
  bool allow_duplicates = false;
  bool force = false;
  // Names the batch in the all-duplicates message ("q1.csv"); may be "".
  std::string batch_name;
  // Workers reading the ledger, as read_records takes them (0: it decides).
  unsigned threads = 0;
  // How a period is given, in the late-report error: "--period", "报送期".
  std::string period_option = "--period";
  // A reporter's second figure for a period adds to the first, or replaces
  // it (then a figure equal to one already in is no duplicate either).
  bool add = false, replace = false;
  // The batch is the good rows of a sheet with bad ones: no one message
  // says that "every row" is in the ledger.
  bool partial = false;
  // period_option names a sheet's column (import), not an option.
  bool period_is_column = false;
};

struct Admission {
  // Errors (ErrorKind::bad_data) for the entries that may not be added, in
  // batch order, none when all may; and warnings, which do not stop them.
  Diagnostics diags;
  // Per entry, with `replace`: what its reporter already has in all for its
  // period, which the entry replaces (as_replacement); nullopt for a first
  // figure, recorded as it is.
  std::vector<std::optional<Decimal>> replaces;
};

Admission admit(Env& env, const std::filesystem::path& records, const Plan& plan,
                const std::vector<NewFigure>& batch, const AdmissionOptions& options);

}  // namespace plan
