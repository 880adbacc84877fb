// Round ticks for the value axis of a chart: steps of 1, 2, 2.5 or 5 times
// a power of ten ("nice numbers"), so that a reader can interpolate, and
// whole steps for indicators counted in whole things (no "0.5 人").
#pragma once

#include <vector>

namespace plan {

// The smallest step of 1, 2, 2.5 or 5 × 10^k that splits [0, top] into at
// most `max_intervals` intervals (at least 1). With `whole`, the step is a
// whole number: at least 1, and never 2.5 (25 and 250 are fine). A `top`
// of zero or less is treated as 1.
double nice_step(double top, int max_intervals, bool whole);

// The ticks 0, step, 2·step, … up to the first at or above `top`, which is
// where the axis ends; at least two ticks.
std::vector<double> nice_ticks(double top, int max_intervals, bool whole);

}  // namespace plan
