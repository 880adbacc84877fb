// tests/fixtures/mini.toml and entries built by hand, for the ledger and the
// report tests. The plan runs 2018-01-01 … 2020-12-31 (1096 days) and has,
// in file order: jobs.urban_new (total 51000, 17000 a year), unemployment.rate
// (cap 3%), graduates.rate (floor 95%), skills.leaders (range 3–5),
// skills.total (total 18000, 6000 a year), skills.high (total 6000, 2000 a
// year, parent skills.total) and hr.portal (milestone due 2020-12-31).
// Areas: jobs (就业; the first three and hr.portal), skills (技能).
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ledger.h"
#include "plan_loader.h"
#include "record.h"
#include "record_reader.h"

namespace plan::testing {

inline const Plan& mini_plan() {
  static const Plan p = [] {
    Diagnostics d;
    auto loaded = load_plan(Env::posix(), PLAN_SOURCE_DIR "/tests/fixtures/mini.toml", d);
    REQUIRE(loaded);
    return std::move(*loaded);
  }();
  return p;
}

// tests/fixtures/cycle.toml: 2019, monthly reports due on the 10th;
// jobs.urban_new filed by 人社局, jobs.reemployed by 镇甲 and 镇乙.
inline const Plan& cycle_plan() {
  static const Plan p = [] {
    Diagnostics d;
    auto loaded = load_plan(Env::posix(), PLAN_SOURCE_DIR "/tests/fixtures/cycle.toml", d);
    REQUIRE(loaded);
    return std::move(*loaded);
  }();
  return p;
}

inline Date day(const char* s) {
  auto d = Date::parse(s);
  REQUIRE_MESSAGE(d, s);
  return *d;
}

inline Decimal dec(const char* s) {
  auto d = Decimal::parse(s);
  REQUIRE_MESSAGE(d, s);
  return *d;
}

// An entry as parse_line would give it, minus the indicator index (the
// ledger looks the id up itself then). `value` is a number, "done" or "undone".
inline Entry make_entry(const char* date, const char* id, const char* value, const char* by = "",
                        Location where = {}) {
  Entry e;
  e.date = day(date);
  e.id = id;
  std::string v = value;
  if (v == "done" || v == "undone") {
    e.is_state = true;
    e.done = v == "done";
  } else {
    e.amount = dec(value);
  }
  if (*by) e.tags.emplace_back("by", by);
  e.where = where;
  e.where.column = 1;
  return e;
}

// Entries numbered f.rec:1, f.rec:2, … in the order they are added.
struct Entries {
  std::vector<Entry> list;
  Entries& add(const char* date, const char* id, const char* value, const char* by = "") {
    list.push_back(
        make_entry(date, id, value, by, {"f.rec", static_cast<int>(list.size()) + 1, 1}));
    return *this;
  }
  Ledger ledger(const char* as_of) const {
    Ledger l(mini_plan(), day(as_of));
    for (const Entry& e : list) l.add(e);
    return l;
  }
};

// The entries of tests/fixtures/records, in read order (edu/2018.rec, then
// hrss/2018.rec and hrss/2019.rec):
//   2018-12-31 graduates.rate 96.5
//   2018-03-31 jobs.urban_new 4210, 2018-07-15 -120, 2018-12-31 12000
//   2018-12-31 unemployment.rate 2.1, skills.total 6500, skills.high 1900
//   2019-05-20 skills.leaders 3
//   2019-06-30 jobs.urban_new 9000, unemployment.rate 1.9, skills.total 3000,
//              skills.high 1000
//   2019-12-31 jobs.urban_new 8000, unemployment.rate 3.2
inline Entries fixture_records() {
  Entries out;
  Diagnostics d;
  read_records(PLAN_SOURCE_DIR "/tests/fixtures/records", mini_plan(), d,
               [&](const Entry& e) { out.list.push_back(e); });
  REQUIRE_FALSE(d.has_errors());
  REQUIRE(out.list.size() == 14);
  return out;
}

}  // namespace plan::testing
