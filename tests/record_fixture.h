// A small plan for the record tests: one indicator of every kind, units that
// exercise the '%' rule, and two ids close enough to be confused.
#pragma once

#include "plan.h"

namespace plan::testing {

inline Indicator make_indicator(std::string id, Kind kind, std::string unit, const char* target) {
  Indicator ind;
  ind.id = std::move(id);
  ind.kind = kind;
  ind.unit = std::move(unit);
  ind.target = *Decimal::parse(target);
  return ind;
}

inline Plan record_test_plan() {
  Plan p;
  p.id = "test";
  p.start = *Date::parse("2018-01-01");
  p.end = *Date::parse("2020-12-31");
  p.areas.push_back({"a", "区域"});
  p.tasks.push_back({"a.t", "任务", 0});
  p.indicators.push_back(make_indicator("jobs.urban_new", Kind::total, "人", "51000"));
  p.indicators.push_back(make_indicator("jobs.rural_new", Kind::total, "人", "9000"));
  p.indicators.push_back(make_indicator("unemployment.rate", Kind::cap, "%", "3"));
  p.indicators.push_back(make_indicator("startup.jobs_ratio", Kind::floor, "", "4"));
  p.indicators.push_back(make_indicator("grad.employment_rate", Kind::floor, "%", "95"));
  Indicator range = make_indicator("skills.gusu_leaders", Kind::range, "人", "3");
  range.target_max = *Decimal::parse("5");
  p.indicators.push_back(range);
  p.indicators.push_back(make_indicator("skills.high_new", Kind::total, "人次", "30000"));
  Indicator m = make_indicator("hr.portal_online", Kind::milestone, "项", "0");
  m.due = *Date::parse("2020-12-31");
  p.indicators.push_back(m);
  p.build_index();
  return p;
}

}  // namespace plan::testing
