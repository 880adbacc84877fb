// A small table shared by the renderer tests: two groups, Chinese and Latin
// text, a name to cut to an odd width (fitted to 43 columns), an empty ratio and an empty status, a
// title and a footer.
#pragma once

#include "decimal.h"
#include "table.h"

namespace plan::testing {

inline Table sample() {
  Table t;
  t.title = "Status";
  t.columns = {
      {"id", "ID", "编号"},
      {"name", "Indicator", "指标", false, true, true, 0, Fit::name},
      {"target", "Target", "目标", true},
      {"done", "Done", "完成率", true},
      {"status", "Status", "状态"},
  };
  t.rows = {
      {{Cell::of_text("1.1"), Cell::of_text("外贸进出口额"),
        Cell::of_amount(*Decimal::parse("51000")), Cell::of_ratio(0.4534),
        Cell::of_status("behind", Tone::warn)},
       "经济"},
      {{Cell::of_text("1.2"), Cell::of_text("GDP"), Cell::of_amount(*Decimal::parse("-1200")),
        Cell::none(), Cell::of_status("achieved", Tone::good)},
       "经济"},
      {{Cell::of_text("2.10"), Cell::of_text("跨境电商"),
        Cell::of_amount(*Decimal::parse("12345.6")), Cell::of_ratio(1.0), Cell::none()},
       "Trade"},
  };
  t.footer = {"1 behind", "数据截至 2019-06-30"};
  return t;
}

}  // namespace plan::testing
