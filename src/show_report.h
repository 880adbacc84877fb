// The `plan show ID` report: one indicator in full — its definition, the
// per-year split, the projection, a month-by-month picture of the cumulative
// actual against the expected line, and the records that made the figure.
#pragma once

#include <string>
#include <vector>

#include "evaluation.h"
#include "ledger.h"
#include "record.h"
#include "render.h"

namespace plan {

struct ShowReport {
  const Plan* plan = nullptr;
  Date as_of;
  IndicatorStatus status;
  std::vector<MonthPoint> months;  // flows: period start to the as-of month
  std::vector<Entry> records;      // this indicator's figures <= as-of, by date
  // Every explanation of the indicator dated <= as-of, by date (the ledger
  // keeps one per period and by=; `show` lists them all, history included).
  std::vector<Explanation> explanations;
};

// `records` are this indicator's entries in read order (the caller filters
// the stream); they are sorted by date here, ties kept in read order.
ShowReport build_show(const Ledger& ledger, const Indicator& ind, std::vector<Entry> records);

// Text for a terminal (tables rendered with `o`), and JSON.
std::string show_text(const ShowReport& r, const RenderOptions& o);
std::string show_json(const ShowReport& r);

}  // namespace plan
