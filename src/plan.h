// The plan model: what a plan file says, validated and in plain C++ types.
// Nothing here knows about TOML; plan_loader.h builds a Plan from a file.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "date.h"
#include "decimal.h"
#include "diagnostic.h"

namespace plan {

// SPEC §3. Flows (total, range) are summed; levels (floor, cap) are readings
// of which the latest counts; milestones are done or not.
enum class Kind { total, range, floor, cap, milestone };

std::string_view kind_name(Kind k);
std::optional<Kind> parse_kind(std::string_view s);
inline bool is_flow(Kind k) {
  return k == Kind::total || k == Kind::range;
}
inline bool is_level(Kind k) {
  return k == Kind::floor || k == Kind::cap;
}

// How often an indicator is reported (plan-file(5), [schedule]). ad_hoc:
// when something happens (milestones, awards, accreditations): no report is
// ever due.
enum class Frequency { ad_hoc, monthly, quarterly, half_yearly, yearly };

std::string_view frequency_name(Frequency f);     // "monthly", "half-yearly", "ad-hoc", …
std::string_view frequency_name_zh(Frequency f);  // "月度", "半年度", "不定期", …
std::optional<Frequency> parse_frequency(std::string_view s);

// When reports fall due: each period's report is due on `due_day` of the
// month after the period ends (clamped to that month's last day).
struct Schedule {
  Frequency frequency = Frequency::ad_hoc;
  int due_day = 10;
};

// A unit that files figures ([[reporter]]): a responsible unit or not (a
// town, say). `group` lets indicators name several reporters at once
// (reported_by = ["各区镇"]).
struct Reporter {
  std::string name;    // as by= writes it, e.g. "人社局"
  std::string folder;  // below the records folder, e.g. "hrss"; may be empty
  std::string group;   // e.g. "各区镇"; may be empty
  Location where;
};

// Display defaults of the project ([settings]); the command line wins.
struct Settings {
  std::string lang;  // "", "en" or "zh"
};

struct Area {
  std::string id;    // ASCII, e.g. "employment"
  std::string name;  // as the plan words it, e.g. "坚持就业优先战略"
};

struct Task {
  std::string id;        // ASCII, unique in the plan, e.g. "employment.platform"
  std::string name;      // e.g. "打造公共就业服务平台"
  std::size_t area = 0;  // index into Plan::areas
};

struct Indicator {
  std::string id;    // [A-Za-z0-9_.-]+, e.g. "jobs.urban_new"
  std::string name;  // Chinese, as the seed words it
  std::string unit;  // 人, 家, 个, 项, 人次, %, …
  Kind kind = Kind::total;
  // total: the amount; range: the lower bound; floor/cap: the threshold;
  // milestone: unused (zero).
  Decimal target;
  std::optional<Decimal> target_max;  // range only
  // Per-year targets (flows: that year's share; levels: that year's threshold).
  std::map<int, Decimal> years;
  std::optional<Date> due;  // milestone only
  std::size_t task = 0;     // index into Plan::tasks
  std::vector<std::string> lead;
  std::vector<std::string> partners;
  Schedule schedule;  // the plan's [schedule] unless the indicator sets its own
  // Names of the reporters who file this indicator's figures, groups
  // expanded, in plan order of [[reporter]]: from `reported_by`, else those
  // of its lead units that are reporters. Empty for ad hoc indicators is fine.
  std::vector<std::string> reported_by;
  std::string parent;  // id of the indicator this one is "of which" (其中) part of
  std::string note;    // free text: where in the seed the target comes from
  Location where;      // the [[indicator]] table in the plan file
  // Where the values that plan_check judges sit in the plan file, so that a
  // warning points at the value, not at the table; empty when not given.
  Location target_where, years_where;
  std::vector<Location> lead_where, partners_where;  // one per unit, in order

  bool is_percent() const { return unit == "%"; }
  // Counted in whole things (人, 家, 个, 项 …; see kWholeUnits): what is
  // expected by a day is the whole things below the expected line.
  bool is_whole() const;
  bool scheduled() const { return schedule.frequency != Frequency::ad_hoc; }
  // The threshold or share for `year`: its per-year target when the plan gives
  // one, else the overall target.
  Decimal target_for_year(int year) const;
  bool involves(std::string_view unit_name) const;  // lead or partner
  bool leads(std::string_view unit_name) const;
};

struct Plan {
  std::string id;
  std::string title;
  std::string issuer;
  std::optional<Date> issued;
  Date start;
  Date end;
  std::vector<std::string> units;  // known responsible units (may be empty)
  std::vector<Area> areas;
  std::vector<Task> tasks;
  std::vector<Indicator> indicators;  // in file order
  std::vector<Reporter> reporters;    // [[reporter]], in file order
  Settings settings;
  std::string source;  // the file it was loaded from

  // nullptr when no indicator has this id.
  const Indicator* find(std::string_view id) const;
  std::optional<std::size_t> index_of(std::string_view id) const;
  const Area& area_of(const Indicator& ind) const { return areas[tasks[ind.task].area]; }
  const Task& task_of(const Indicator& ind) const { return tasks[ind.task]; }
  // Ids of the indicators whose parent is `id`, in file order.
  std::vector<std::string> children_of(std::string_view id) const;
  // The indicators grouped by area (in area order), plan order within an
  // area: the order of every report grouped by area.
  std::vector<const Indicator*> by_area() const;
  // Years the period touches, first to last.
  std::vector<int> years() const;
  bool in_period(Date d) const { return d >= start && d <= end; }
  // Up to `max` ids closest to `id` by edit distance (for "did you mean").
  std::vector<std::string> suggest(std::string_view id, std::size_t max = 3) const;
  // "; did you mean 'a'?" / "'a' or 'b'?" / "'a', 'b' or 'c'?" from suggest(),
  // or "" when nothing is close: the tail of every unknown-id message. `zh`:
  // in Chinese ("；是否是“a”或“b”？").
  std::string did_you_mean(std::string_view id, std::size_t max = 3, bool zh = false) const;

  // The indicator whose name is exactly `name` (as a spreadsheet's 指标 column
  // may give it), or nullptr; nullptr too when two indicators share it.
  const Indicator* find_by_name(std::string_view name) const;
  // "; did you mean 'jobs.urban_new' (城镇新增就业人数)?" for up to three
  // indicators whose names are closest to `name` (by code points: within a
  // third of its length, at least one; or holding it, or held by it), or "".
  // `zh`: in Chinese, as did_you_mean.
  std::string did_you_mean_name(std::string_view name, bool zh = false) const;

  // The reporter named `name`, or nullptr.
  const Reporter* find_reporter(std::string_view name) const;
  // True when `reporter` is `name` or belongs to the group `name` (平望镇 and
  // 各区镇): whom plan due --unit and report --unit hold to a report.
  bool reporter_is(std::string_view reporter, std::string_view name) const;
  // True when `name` is a reporter group (各区镇): some reporter's group.
  bool is_group(std::string_view name) const;
  // The names reporter_is(·, name) accepts: `name`, then the reporters of
  // the group `name` in plan order.
  std::vector<std::string> reporters_as(std::string_view name) const;
  // True when `name` files reports of `ind`: one of its reporters, or their
  // group.
  bool reports(const Indicator& ind, std::string_view name) const;
  // The indicators --unit means: those `name` leads, partners or reports
  // (a town's reports count, though it leads none).
  bool concerns(const Indicator& ind, std::string_view name) const {
    return ind.involves(name) || reports(ind, name);
  }
  std::optional<std::size_t> reporter_index(std::string_view name) const;
  // True when `name` may stand in by=: a reporter, a responsible unit of
  // [plan] units or of an indicator's lead/partners, or a reporter group.
  bool knows_unit(std::string_view name) const;
  // Every name by=, --by and --unit may carry, each once: the [plan] units
  // list, then other lead and partner units in order of use, then the
  // reporters and their groups.
  std::vector<std::string_view> unit_names() const;
  // "; did you mean '人社局'?" for the closest known unit names (by code
  // points), or "". `zh`: in Chinese, as did_you_mean.
  std::string did_you_mean_unit(std::string_view name, bool zh = false) const;
  // Up to three known unit names closest to `name`, for did_you_mean_unit.
  std::vector<std::string> suggest_units(std::string_view name) const;
  // "unknown unit '人设局'; did you mean '人社局'?", in Chinese too: what
  // record refuses and check warns of.
  Message unknown_unit(std::string_view name) const;

  // Must be called after indicators change; find() depends on it.
  void build_index();

 private:
  // Transparent hashing: the record reader looks ids up by string_view once
  // per line, and building a std::string for each lookup would allocate.
  struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::size_t, IdHash, std::equal_to<>> index_;
};

// Unit or id names joined with the Chinese enumeration comma: "人社局、财政局".
std::string join_names(const std::vector<std::string>& names);

// Whether a figure of `ind` filed under by=`unit` is one its reporters owe:
// false when the indicator is scheduled, has reporters, and `unit` is not
// one of them (a town's figure under 教育局, a group's name for its
// members). Such a figure counts, but files no report.
bool files_report(const Indicator& ind, std::string_view unit);
// The warning for such a figure: "教育局 is not a reporter of jobs.towns:
// the figure counts, but files no report; plan due still asks 平望镇、盛泽镇
// and 6 more" (for an explanation: "the explanation is kept, but answers
// for no report"); for `unit` "", "no reporter named (by=) for jobs.towns:
// …". In Chinese too. REQUIRES: !files_report(ind, unit).
Message not_a_reporter(const Indicator& ind, std::string_view unit, bool explanation = false);

// The tail of a "did you mean" message for the names `near`: "; did you
// mean 'a'?" / "'a' or 'b'?" / "'a', 'b' or 'c'?", or "" for none; in
// Chinese (`zh`) "；是否是“a”、“b”或“c”？". `notes`, when given, has a
// note for each name, said after it: "'a' (城镇新增就业人数)".
std::string did_you_mean_tail(const std::vector<std::string>& near, bool zh,
                              const std::vector<std::string>* notes = nullptr);

// Units of indicators counted in whole things: 人 人次 家 个 项 所 名 户 次 件 场 处 座 本.
extern const std::vector<std::string_view> kWholeUnits;

// Levenshtein distance over bytes (ids are ASCII).
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace plan
