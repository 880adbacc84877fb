// The `plan show ID` report: one indicator in full — its definition, the
// per-year split, what each reporter contributed (a flow that towns report:
// the district total is theirs added up), the projection, a month-by-month
// picture of the cumulative actual against the expected line, and the
// records that made the figure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evaluation.h"
#include "ledger.h"
#include "record.h"
#include "render.h"

namespace plan {

// A flow's figures of one reporter (by=), up to the as-of date: what it
// contributed to the actual, and how recently.
struct ReporterShare {
  std::string by;     // "" for figures without by=
  Decimal total;      // its figures counted in the plan period (count_date.h)
  Decimal this_year;  // … counted in ShowReport::share_year
  std::size_t entries = 0;
  std::optional<Date> last;  // its latest figure's date
};

struct ShowReport {
  const Plan* plan = nullptr;
  Date as_of;
  IndicatorStatus status;
  std::vector<MonthPoint> months;  // flows: period start to the as-of month
  std::vector<Entry> records;      // this indicator's figures <= as-of, by date
  // Flows: per reporter, the indicator's [[reporter]]s in plan order first
  // (also those without a figure), then other by= in the order they first
  // appear, then figures without by=. Empty for levels and milestones, and
  // when there is one row: one source of every figure.
  std::vector<ReporterShare> by_reporter;
  // The year of ReporterShare::this_year: the as-of date's, or the plan's
  // last after its end (its last reports are filed after it), its first
  // before its start.
  int share_year = 0;
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
