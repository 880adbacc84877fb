#include "plan_loader.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <set>

#include "gb18030.h"
#include "text.h"
#include "toml_words.h"

namespace plan {

namespace {

// Reports problems at the node they concern. The loader keeps going after an
// error so that one run of `plan check` shows everything wrong with a plan.
class Loader {
 public:
  Loader(std::string path, Diagnostics& diags) : path_(std::move(path)), diags_(diags) {}

  std::optional<Plan> load(const toml::table& root);

 private:
  Location at(const toml::node& n) const {
    return {path_, static_cast<int>(n.source().begin.line),
            static_cast<int>(n.source().begin.column)};
  }
  // Every message in English and Chinese (diagnostic.h): a section chief
  // who edits the plan reads it in the language of the rest of plan.
  void error(const toml::node& n, Message msg) { diags_.error(at(n), std::move(msg)); }

  // Keys a table may have; anything else is a typo worth stopping for, since
  // a misspelt `partner` would otherwise drop data silently.
  // `where` names the table, as "[plan]" or "indicator 'x'" (指标“x”).
  void check_keys(const toml::table& t, std::initializer_list<std::string_view> allowed,
                  const Message& where);
  void missing_key(const toml::table& t, std::string_view key, const Message& where);

  std::optional<std::string> get_string(const toml::table& t, std::string_view key,
                                        const Message& where, bool required);
  std::optional<Date> get_date(const toml::table& t, std::string_view key, const Message& where,
                               bool required);
  std::optional<Decimal> get_number(const toml::table& t, std::string_view key,
                                    const Message& where, bool required);
  // `what` names the number, as "'target'" (“target”).
  std::optional<Decimal> to_decimal(const toml::node& n, const Message& what);
  // The strings of an array; `places` (when given) gets where each one is.
  std::vector<std::string> get_strings(const toml::table& t, std::string_view key,
                                       std::vector<Location>* places = nullptr);
  bool valid_id(const toml::node& n, const std::string& id, const Message& what);

  void load_plan_table(const toml::table& root, Plan& plan);
  void load_areas(const toml::table& root, Plan& plan);
  void load_indicator(const toml::table& t, Plan& plan);
  void check_parents(const Plan& plan);
  void load_settings(const toml::table& root, Plan& plan);
  void load_reporters(const toml::table& root, Plan& plan);
  // frequency and due_day of [schedule] or of an [[indicator]], onto `s`.
  void load_schedule_keys(const toml::table& t, const Message& where, Schedule& s);
  void resolve_reporters(Plan& plan);

  Schedule default_schedule_;
  // Per indicator: its reported_by node (or nullptr), for locations.
  std::vector<const toml::node*> reported_by_nodes_;
  std::vector<bool> own_frequency_;  // per indicator: it set `frequency`

  std::string path_;
  Diagnostics& diags_;
  std::unordered_map<std::string, std::size_t> task_index_;
  std::set<std::string> indicator_ids_;
  std::vector<const toml::node*> parent_nodes_;  // per indicator, for locations
};

Message type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string:
      return {"a string", "字符串"};
    case toml::node_type::integer:
      return {"an integer", "整数"};
    case toml::node_type::floating_point:
      return {"a number", "小数"};
    case toml::node_type::boolean:
      return {"a boolean", "布尔值"};
    case toml::node_type::date:
      return {"a date", "日期"};
    case toml::node_type::time:
      return {"a time", "时间"};
    case toml::node_type::date_time:
      return {"a date-time", "日期时间"};
    case toml::node_type::array:
      return {"an array", "数组"};
    case toml::node_type::table:
      return {"a table", "表"};
    default:
      return {"nothing", "空"};
  }
}

// A table's name, the same in both languages ("[plan]", "[[indicator]]").
Message table_name(std::string_view name) {
  return {std::string(name), std::string(name) + " 表"};
}

// A flow's target (or a year's) below zero: it could never be short.
Message negative_target(Kind kind, const Decimal& value) {
  return {fmt::format("a {} target cannot be negative ({})", kind_name(kind), value.to_string()),
          fmt::format("{} 类指标的目标不能为负（{}）", kind_name(kind), value.to_string())};
}

// A key of the plan file, quoted as each language quotes.
Message key_name(std::string_view key) {
  return {fmt::format("'{}'", key), fmt::format("“{}”", key)};
}

void Loader::check_keys(const toml::table& t, std::initializer_list<std::string_view> allowed,
                        const Message& where) {
  for (const auto& [key, node] : t) {
    bool ok = false;
    for (auto a : allowed) ok = ok || key.str() == a;
    if (!ok) {
      std::string list, list_zh;
      for (auto a : allowed) {
        list += (list.empty() ? "" : ", ") + std::string(a);
        list_zh += (list_zh.empty() ? "" : "、") + std::string(a);
      }
      error(node,
            {fmt::format("unknown key '{}' in {} (expected one of: {})", key.str(), where.en, list),
             fmt::format("{}中有未知的键“{}”（应为以下之一：{}）", where.zh, key.str(), list_zh)});
    }
  }
}

void Loader::missing_key(const toml::table& t, std::string_view key, const Message& where) {
  error(t, {fmt::format("{} is missing required key '{}'", where.en, key),
            fmt::format("{}缺少必填键“{}”", where.zh, key)});
}

std::optional<std::string> Loader::get_string(const toml::table& t, std::string_view key,
                                              const Message& where, bool required) {
  const toml::node* n = t.get(key);
  if (!n) {
    if (required) missing_key(t, key, where);
    return std::nullopt;
  }
  if (!n->is_string()) {
    const Message type = type_name(*n);
    error(*n, {fmt::format("'{}' must be a string, not {}", key, type.en),
               fmt::format("“{}”应为字符串，而不是{}", key, type.zh)});
    return std::nullopt;
  }
  std::string s = n->as_string()->get();
  if (s.empty()) {
    error(*n, {fmt::format("'{}' must not be empty", key), fmt::format("“{}”不能为空", key)});
    return std::nullopt;
  }
  return s;
}

std::optional<Date> Loader::get_date(const toml::table& t, std::string_view key,
                                     const Message& where, bool required) {
  const toml::node* n = t.get(key);
  if (!n) {
    if (required) missing_key(t, key, where);
    return std::nullopt;
  }
  if (!n->is_date()) {
    const Message type = type_name(*n);
    error(*n, {fmt::format("'{}' must be a date (YYYY-MM-DD, unquoted), not {}", key, type.en),
               fmt::format("“{}”应为日期（YYYY-MM-DD，不加引号），而不是{}", key, type.zh)});
    return std::nullopt;
  }
  toml::date d = n->as_date()->get();
  if (!Date::is_valid(d.year, d.month, d.day)) {  // TOML takes year 0000
    const std::string date = fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
    error(*n, {fmt::format("'{}' {} is outside the years 0001 to 9999", key, date),
               fmt::format("“{}”{} 不在 0001 至 9999 年之内", key, date)});
    return std::nullopt;
  }
  return Date::from_ymd(d.year, d.month, d.day);
}

std::optional<Decimal> Loader::to_decimal(const toml::node& n, const Message& what) {
  std::optional<Decimal> d;
  if (n.is_integer()) {
    d = Decimal::from_int(n.as_integer()->get());
  } else if (n.is_floating_point()) {
    double v = n.as_floating_point()->get();
    if (std::isnan(v)) {
      error(n, {fmt::format("{} is not a number (nan)", what.en),
                fmt::format("{}不是有效数值（nan）", what.zh)});
      return std::nullopt;
    }
    if (std::isinf(v)) {
      error(n, {fmt::format("{} is infinite", what.en), fmt::format("{}为无穷大", what.zh)});
      return std::nullopt;
    }
    // The shortest fixed notation that reads back as v is what was written
    // (0.0000001 for 1e-7): parsed as a record value is, so that more than
    // six decimal places is refused here too instead of rounded to 0.
    char buf[400];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    Message why;
    if (ec == std::errc()) d = Decimal::parse(std::string_view(buf, end - buf), 0, &why);
    if (!d && !why.en.empty() && why.en != "number too large") {
      const std::string_view written(buf, end - buf);
      error(n, {fmt::format("{} {}: {}", what.en, written, why.en),
                fmt::format("{} {}：{}", what.zh, written, why.zh)});
      return std::nullopt;
    }
  } else {
    const Message type = type_name(n);
    error(n, {fmt::format("{} must be a number, not {}", what.en, type.en),
              fmt::format("{}应为数值，而不是{}", what.zh, type.zh)});
    return std::nullopt;
  }
  if (!d || !within_figure_limit(d->units())) {
    error(n, {fmt::format("{} is too large (at most 4,611,686,018,427.387903)", what.en),
              fmt::format("{}过大（至多 4,611,686,018,427.387903）", what.zh)});
    return std::nullopt;
  }
  return d;
}

std::optional<Decimal> Loader::get_number(const toml::table& t, std::string_view key,
                                          const Message& where, bool required) {
  const toml::node* n = t.get(key);
  if (!n) {
    if (required) missing_key(t, key, where);
    return std::nullopt;
  }
  return to_decimal(*n, key_name(key));
}

std::vector<std::string> Loader::get_strings(const toml::table& t, std::string_view key,
                                             std::vector<Location>* places) {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const toml::array* arr = n->as_array();
  if (!arr) {
    const Message type = type_name(*n);
    error(*n, {fmt::format("'{}' must be an array of strings, not {}", key, type.en),
               fmt::format("“{}”应为字符串数组，而不是{}", key, type.zh)});
    return out;
  }
  for (const auto& item : *arr) {
    if (!item.is_string() || item.as_string()->get().empty()) {
      const Message type = type_name(item);
      error(item, {fmt::format("'{}' must hold non-empty strings, not {}", key, type.en),
                   fmt::format("“{}”的各项应为非空字符串，而不是{}", key, type.zh)});
      continue;
    }
    out.push_back(item.as_string()->get());
    if (places) places->push_back(at(item));
  }
  return out;
}

bool Loader::valid_id(const toml::node& n, const std::string& id, const Message& what) {
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '-';
    if (!ok) {
      error(n, {fmt::format("{} '{}' may only use A-Z a-z 0-9 _ . -", what.en, id),
                fmt::format("{}“{}”只能使用 A-Z a-z 0-9 _ . -", what.zh, id)});
      return false;
    }
  }
  return true;
}

void Loader::load_plan_table(const toml::table& root, Plan& plan) {
  const toml::node* n = root.get("plan");
  if (!n || !n->is_table()) {
    diags_.error({path_, 1, 1},
                 Message{"missing [plan] table (id, title, issuer, issued, start, end)",
                         "缺少 [plan] 表（id、title、issuer、issued、start、end）"});
    return;
  }
  const toml::table& t = *n->as_table();
  const Message where = table_name("[plan]");
  check_keys(t, {"id", "title", "issuer", "issued", "start", "end", "units"}, where);
  plan.id = get_string(t, "id", where, true).value_or("");
  plan.title = get_string(t, "title", where, true).value_or("");
  plan.issuer = get_string(t, "issuer", where, false).value_or("");
  plan.issued = get_date(t, "issued", where, false);
  auto start = get_date(t, "start", where, true);
  auto end = get_date(t, "end", where, true);
  if (start) plan.start = *start;
  if (end) plan.end = *end;
  if (start && end && *end < *start)
    error(*t.get("end"),
          {fmt::format("the plan ends ({}) before it starts ({})", end->iso(), start->iso()),
           fmt::format("计划的结束日期（{}）早于开始日期（{}）", end->iso(), start->iso())});
  plan.units = get_strings(t, "units");
}

void Loader::load_areas(const toml::table& root, Plan& plan) {
  const toml::node* n = root.get("area");
  if (!n) return;
  const toml::array* areas = n->as_array();
  if (!areas || !areas->is_array_of_tables()) {
    error(*n, {"'area' must be an array of tables ([[area]])", "“area”应为表数组（[[area]]）"});
    return;
  }
  std::set<std::string> area_ids;
  for (const auto& an : *areas) {
    const toml::table& at = *an.as_table();
    const Message where = table_name("[[area]]");
    check_keys(at, {"id", "name", "task"}, where);
    auto id = get_string(at, "id", where, true);
    auto name = get_string(at, "name", where, true);
    if (!id) continue;
    if (!valid_id(*at.get("id"), *id, {"area id", "主要任务代码"})) continue;
    if (!area_ids.insert(*id).second) {
      error(*at.get("id"),
            {fmt::format("duplicate area id '{}'", *id), fmt::format("主要任务代码“{}”重复", *id)});
      continue;
    }
    std::size_t area_index = plan.areas.size();
    plan.areas.push_back({*id, name.value_or(*id)});
    const toml::node* tn = at.get("task");
    if (!tn) continue;
    const toml::array* tasks = tn->as_array();
    if (!tasks || !tasks->is_array_of_tables()) {
      error(*tn, {"'task' must be an array of tables ([[area.task]])",
                  "“task”应为表数组（[[area.task]]）"});
      continue;
    }
    for (const auto& tk : *tasks) {
      const toml::table& tt = *tk.as_table();
      const Message task_where = table_name("[[area.task]]");
      check_keys(tt, {"id", "name"}, task_where);
      auto tid = get_string(tt, "id", task_where, true);
      auto tname = get_string(tt, "name", task_where, true);
      if (!tid || !valid_id(*tt.get("id"), *tid, {"task id", "重点任务代码"})) continue;
      if (!task_index_.emplace(*tid, plan.tasks.size()).second) {
        error(*tt.get("id"), {fmt::format("duplicate task id '{}'", *tid),
                              fmt::format("重点任务代码“{}”重复", *tid)});
        continue;
      }
      plan.tasks.push_back({*tid, tname.value_or(*tid), area_index});
    }
  }
}

void Loader::load_indicator(const toml::table& t, Plan& plan) {
  check_keys(t,
             {"id", "name", "unit", "kind", "target", "target_max", "years", "due", "task", "lead",
              "partners", "parent", "note", "frequency", "due_day", "reported_by"},
             table_name("[[indicator]]"));
  Indicator ind;
  ind.where = at(t);
  auto id = get_string(t, "id", table_name("[[indicator]]"), true);
  if (!id || !valid_id(*t.get("id"), *id, {"indicator id", "指标代码"})) return;
  ind.id = *id;
  const Message where{fmt::format("indicator '{}'", ind.id), fmt::format("指标“{}”", ind.id)};
  if (!indicator_ids_.insert(ind.id).second) {
    error(*t.get("id"), {fmt::format("duplicate indicator id '{}'", ind.id),
                         fmt::format("指标代码“{}”重复", ind.id)});
    return;
  }
  ind.name = get_string(t, "name", where, true).value_or("");
  ind.unit = get_string(t, "unit", where, true).value_or("");
  ind.note = get_string(t, "note", where, false).value_or("");
  ind.lead = get_strings(t, "lead", &ind.lead_where);
  ind.partners = get_strings(t, "partners", &ind.partners_where);

  auto kind_s = get_string(t, "kind", where, true);
  std::optional<Kind> kind;
  if (kind_s) {
    kind = parse_kind(*kind_s);
    if (!kind)
      error(*t.get("kind"),
            {fmt::format("unknown kind '{}' (expected total, range, floor, cap or milestone)",
                         *kind_s),
             fmt::format("未知的类型“{}”（应为 total、range、floor、cap 或 milestone）", *kind_s)});
  }
  if (kind) ind.kind = *kind;

  if (auto task = get_string(t, "task", where, true)) {
    auto it = task_index_.find(*task);
    if (it == task_index_.end())
      error(*t.get("task"),
            {fmt::format("unknown task '{}' (tasks are declared under [[area.task]])", *task),
             fmt::format("未知的重点任务“{}”（任务在 [[area.task]] 下声明）", *task)});
    else
      ind.task = it->second;
  }

  bool is_milestone = kind == Kind::milestone;
  if (is_milestone) {
    ind.due = get_date(t, "due", where, false);
    if (!ind.due && !t.get("due"))
      error(t, {fmt::format("{} is a milestone but has no 'due' date", where.en),
                fmt::format("{}是节点任务，但没有“due”日期", where.zh)});
    if (ind.due && !plan.in_period(*ind.due))
      error(*t.get("due"), {fmt::format("due date {} is outside the plan period {} … {}",
                                        ind.due->iso(), plan.start.iso(), plan.end.iso()),
                            fmt::format("完成期限 {} 不在计划期 {} 至 {} 之内", ind.due->iso(),
                                        plan.start.iso(), plan.end.iso())});
    for (auto key : {"target", "target_max", "years"})
      if (const toml::node* n = t.get(key))
        error(*n, {fmt::format("a milestone has no '{}'; it is done or not by its due date", key),
                   fmt::format("节点任务不设“{}”：只看到期前是否完成", key)});
  } else if (kind) {
    if (auto target = get_number(t, "target", where, true)) {
      ind.target = *target;
      ind.target_where = at(*t.get("target"));
      // A flow counts toward its target from 0: a negative one could never
      // be short, and its completion would have the wrong sign. A level's
      // threshold may be below zero (a growth rate of at least -2 %).
      if (is_flow(*kind) && target->is_negative())
        error(*t.get("target"), negative_target(*kind, *target));
    }
    if (const toml::node* n = t.get("due"))
      error(*n, {"'due' is only for milestones", "“due”只用于节点任务（kind = \"milestone\"）"});
    if (kind == Kind::range) {
      ind.target_max = get_number(t, "target_max", where, true);
      if (ind.target_max && *ind.target_max < ind.target)
        error(*t.get("target_max"),
              {fmt::format("range upper bound {} is below its lower bound {}",
                           ind.target_max->to_string(), ind.target.to_string()),
               fmt::format("区间上限 {} 低于下限 {}", ind.target_max->to_string(),
                           ind.target.to_string())});
    } else if (const toml::node* n = t.get("target_max")) {
      error(*n,
            {"'target_max' is only for kind = \"range\"", "“target_max”只用于 kind = \"range\""});
    }
    if (const toml::node* yn = t.get("years")) {
      ind.years_where = at(*yn);
      if (!yn->is_table()) {
        const Message type = type_name(*yn);
        error(*yn,
              {fmt::format("'years' must be a table such as {{ 2018 = 100 }}, not {}", type.en),
               fmt::format("“years”应为表，如 {{ 2018 = 100 }}，而不是{}", type.zh)});
      } else {
        for (const auto& [key, val] : *yn->as_table()) {
          std::string_view ks = key.str();
          // Four digits or nothing: a longer key is refused before it is
          // added up (12345678901234 would overflow an int).
          int year = 0;
          bool digits = ks.size() == 4;
          for (std::size_t i = 0; digits && i < ks.size(); ++i) {
            digits = ks[i] >= '0' && ks[i] <= '9';
            year = year * 10 + (ks[i] - '0');
          }
          if (!digits) {
            error(val, {fmt::format("'years' keys must be four-digit years, not '{}'", ks),
                        fmt::format("“years”的键应为四位数的年份，而不是“{}”", ks)});
            continue;
          }
          if (year < plan.start.year() || year > plan.end.year()) {
            error(val, {fmt::format("year {} is outside the plan period {} … {}", year,
                                    plan.start.iso(), plan.end.iso()),
                        fmt::format("{} 年不在计划期 {} 至 {} 之内", year, plan.start.iso(),
                                    plan.end.iso())});
            continue;
          }
          if (auto v = to_decimal(val, {fmt::format("the target for {}", year),
                                        fmt::format("{} 年的目标", year)})) {
            if (is_flow(*kind) && v->is_negative()) error(val, negative_target(*kind, *v));
            ind.years.emplace(year, *v);
          }
        }
      }
    }
  }
  ind.schedule = default_schedule_;
  load_schedule_keys(t, where, ind.schedule);
  own_frequency_.push_back(t.get("frequency") != nullptr);
  if (is_milestone) {
    // A milestone's one date is `due`: it is reported when done.
    if (const toml::node* f = t.get("frequency");
        f && f->is_string() && f->as_string()->get() != "ad-hoc")
      error(*f, {"a milestone is reported when done: its frequency can only be \"ad-hoc\"",
                 "节点任务在完成时报送：其 frequency 只能是 \"ad-hoc\""});
    ind.schedule.frequency = Frequency::ad_hoc;
  }
  ind.reported_by = get_strings(t, "reported_by");
  reported_by_nodes_.push_back(t.get("reported_by"));
  if (auto parent = get_string(t, "parent", where, false)) {
    ind.parent = *parent;
    parent_nodes_.push_back(t.get("parent"));
  } else {
    parent_nodes_.push_back(nullptr);
  }
  plan.indicators.push_back(std::move(ind));
}

void Loader::check_parents(const Plan& plan) {
  for (std::size_t i = 0; i < plan.indicators.size(); ++i) {
    const Indicator& ind = plan.indicators[i];
    if (ind.parent.empty()) continue;
    const Indicator* parent = plan.find(ind.parent);
    if (!parent) {
      error(*parent_nodes_[i], {fmt::format("parent '{}' is not an indicator of this plan{}",
                                            ind.parent, plan.did_you_mean(ind.parent, 1)),
                                fmt::format("parent“{}”不是本计划的指标{}", ind.parent,
                                            plan.did_you_mean(ind.parent, 1, true))});
      continue;
    }
    // Walk up; more steps than indicators means a cycle.
    const Indicator* p = parent;
    for (std::size_t steps = 0; p && steps <= plan.indicators.size(); ++steps) {
      if (p == &ind) {
        error(*parent_nodes_[i], {fmt::format("parent chain of '{}' loops back to itself", ind.id),
                                  fmt::format("“{}”的 parent 链形成循环", ind.id)});
        break;
      }
      p = p->parent.empty() ? nullptr : plan.find(p->parent);
    }
  }
}

void Loader::load_schedule_keys(const toml::table& t, const Message& where, Schedule& s) {
  if (auto f = get_string(t, "frequency", where, false)) {
    if (auto freq = parse_frequency(*f))
      s.frequency = *freq;
    else
      error(*t.get("frequency"),
            {fmt::format("unknown frequency '{}' (expected monthly, quarterly, half-yearly, "
                         "yearly or ad-hoc)",
                         *f),
             fmt::format("未知的报送频次“{}”（应为 monthly、quarterly、half-yearly、yearly 或 "
                         "ad-hoc）",
                         *f)});
  }
  if (const toml::node* n = t.get("due_day")) {
    if (!n->is_integer() || n->as_integer()->get() < 1 || n->as_integer()->get() > 31)
      error(*n, {"'due_day' must be a day of the month, 1 to 31",
                 "“due_day”应为每月中的一天，1 至 31"});
    else
      s.due_day = static_cast<int>(n->as_integer()->get());
  }
}

void Loader::load_settings(const toml::table& root, Plan& plan) {
  if (const toml::node* n = root.get("settings")) {
    if (!n->is_table()) {
      error(*n, {"'settings' must be a table ([settings])", "“settings”应为表（[settings]）"});
    } else {
      const toml::table& t = *n->as_table();
      check_keys(t, {"lang"}, table_name("[settings]"));
      if (auto lang = get_string(t, "lang", table_name("[settings]"), false)) {
        if (*lang == "en" || *lang == "zh")
          plan.settings.lang = *lang;
        else
          error(*t.get("lang"), {fmt::format("unknown lang '{}' (expected en or zh)", *lang),
                                 fmt::format("未知的语言“{}”（应为 en 或 zh）", *lang)});
      }
    }
  }
  if (const toml::node* n = root.get("schedule")) {
    if (!n->is_table()) {
      error(*n, {"'schedule' must be a table ([schedule])", "“schedule”应为表（[schedule]）"});
    } else {
      const toml::table& t = *n->as_table();
      check_keys(t, {"frequency", "due_day"}, table_name("[schedule]"));
      load_schedule_keys(t, table_name("[schedule]"), default_schedule_);
    }
  }
}

void Loader::load_reporters(const toml::table& root, Plan& plan) {
  const toml::node* n = root.get("reporter");
  if (!n) return;
  if (!n->is_array_of_tables()) {
    error(*n, {"'reporter' must be an array of tables ([[reporter]])",
               "“reporter”应为表数组（[[reporter]]）"});
    return;
  }
  for (const auto& item : *n->as_array()) {
    const toml::table& t = *item.as_table();
    const Message where = table_name("[[reporter]]");
    check_keys(t, {"name", "folder", "group"}, where);
    Reporter r;
    r.where = at(t);
    auto name = get_string(t, "name", where, true);
    if (!name) continue;
    r.name = *name;
    r.group = get_string(t, "group", where, false).value_or("");
    if (auto folder = get_string(t, "folder", where, false)) {
      // A path below the records folder: relative, no "..", "/" separators.
      bool ok = folder->front() != '/' && folder->find('\\') == std::string::npos;
      std::size_t pos = 0;
      while (ok && pos <= folder->size()) {
        std::size_t slash = folder->find('/', pos);
        if (slash == std::string::npos) slash = folder->size();
        std::string_view part(folder->data() + pos, slash - pos);
        ok = !part.empty() && part != "." && part != "..";
        pos = slash + 1;
      }
      if (ok)
        r.folder = *folder;
      else
        error(*t.get("folder"),
              {fmt::format("folder '{}' must be a relative path below the records folder, "
                           "without . or .. parts",
                           *folder),
               fmt::format("folder“{}”应为记录文件夹下的相对路径，不含 . 或 .. 部分", *folder)});
    }
    if (plan.find_reporter(r.name)) {
      error(*t.get("name"), {fmt::format("duplicate reporter '{}'", r.name),
                             fmt::format("报送单位“{}”重复", r.name)});
      continue;
    }
    plan.reporters.push_back(std::move(r));
  }
  // A group name must say one thing: several reporters, not one of them.
  for (const auto& item : *n->as_array()) {
    const toml::node* g = item.as_table()->get("group");
    if (g && g->is_string() && plan.find_reporter(g->as_string()->get()))
      error(*g, {fmt::format("group '{}' is also the name of a reporter", g->as_string()->get()),
                 fmt::format("报送单位分组“{}”与某报送单位同名", g->as_string()->get())});
  }
}

void Loader::resolve_reporters(Plan& plan) {
  for (std::size_t i = 0; i < plan.indicators.size(); ++i) {
    Indicator& ind = plan.indicators[i];
    std::vector<std::string> names;
    auto add = [&](const std::string& n) {
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    };
    if (reported_by_nodes_[i]) {
      const toml::array* arr = reported_by_nodes_[i]->as_array();
      std::size_t k = 0;
      for (const auto& n : ind.reported_by) {
        const toml::node& at_node = arr && k < arr->size() ? *arr->get(k) : *reported_by_nodes_[i];
        ++k;
        bool found = false;
        for (const auto& r : plan.reporters)
          if (r.name == n || r.group == n) add(r.name), found = true;
        if (!found)
          error(
              at_node,
              {fmt::format("'{}' is not a reporter or reporter group of this plan ([[reporter]]){}",
                           n, plan.did_you_mean_unit(n)),
               fmt::format("“{}”不是本计划的报送单位或报送单位分组（[[reporter]]）{}", n,
                           plan.did_you_mean_unit(n, true))});
      }
    } else {
      // By default the lead units file their own figures, when they report.
      for (const auto& l : ind.lead)
        for (const auto& r : plan.reporters)
          if (r.name == l || r.group == l) add(r.name);
    }
    // In [[reporter]] order, so that every listing is stable.
    std::vector<std::string> ordered;
    for (const auto& r : plan.reporters)
      if (std::find(names.begin(), names.end(), r.name) != names.end()) ordered.push_back(r.name);
    ind.reported_by = std::move(ordered);
  }
}

std::optional<Plan> Loader::load(const toml::table& root) {
  Plan plan;
  plan.source = path_;
  check_keys(root, {"plan", "settings", "schedule", "reporter", "area", "indicator"},
             {"the plan file", "计划文件"});
  load_plan_table(root, plan);
  load_settings(root, plan);
  load_reporters(root, plan);
  load_areas(root, plan);
  if (plan.areas.empty() || plan.tasks.empty())
    diags_.error({path_, 1, 1}, Message{"the plan declares no [[area]] with [[area.task]] entries",
                                        "计划没有声明含 [[area.task]] 的 [[area]]"});
  const toml::node* n = root.get("indicator");
  if (!n) {
    diags_.error({path_, 1, 1},
                 Message{"the plan has no [[indicator]] tables", "计划没有 [[indicator]] 表"});
  } else if (!n->is_array_of_tables()) {
    error(*n, {"'indicator' must be an array of tables ([[indicator]])",
               "“indicator”应为表数组（[[indicator]]）"});
  } else {
    for (const auto& item : *n->as_array()) load_indicator(*item.as_table(), plan);
  }
  plan.build_index();
  check_parents(plan);
  resolve_reporters(plan);
  if (diags_.has_errors()) return std::nullopt;
  return plan;
}

// A code point that Debian's toml++ 3.3.0 cannot classify: its
// is_non_ascii_horizontal_whitespace() (unicode_autogenerated.h) reaches
// TOML_UNREACHABLE — undefined behaviour, __builtin_unreachable in a release
// build — for U+00A1..U+0499, U+2FEE..U+33E7 and U+FB06..U+FEFE, except the
// few it names (upstream marzer/tomlplusplus#295, fixed by #305). This is
// that function's own table, asking only whether it would fall through.
bool toml_whitespace_trap(char32_t c) {
  if (c <= 0xA0 || c >= 0xFEFF || c == 0x3000) return false;
  auto child = (static_cast<std::uint64_t>(c) - 0xA0) / 0x3FA;
  if ((std::uint64_t{1} << child) & 0x7FFFFFFFFFFFF75Eull) return false;
  return child != 5 && child != 7;
}

char32_t code_point_at(std::string_view s, std::size_t i) {
  std::size_t n = utf8_length(s.substr(i));
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (n == 1) return b(0);
  char32_t cp = b(0) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (b(k) & 0x3F);
  return cp;
}

struct TextProblem {
  std::size_t offset;
  Message message;
};

bool toml_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The plan text is checked before toml++ sees it, so that no input can reach
// toml++ 3.3.0's undefined behaviour (toml_whitespace_trap above): toml++
// asks whether a character is whitespace outside strings, right after a
// backslash in a basic string, and after a line-ending backslash in a
// multi-line basic string. TOML 1.0 allows no character outside ASCII in the
// first two places, so those are refused here, with a clearer message than
// toml++'s; in the third, only the characters toml++ cannot classify are.
// Invalid UTF-8 is refused first (toml++ reports it too, but without a
// column we can trust). A small lexer follows TOML's strings and comments
// for this; everything else is left to toml++.
std::optional<TextProblem> check_toml_text(std::string_view s) {
  if (auto bad = find_invalid_utf8(s))
    return TextProblem{*bad,
                       Message{"invalid UTF-8", "无效的 UTF-8"} + gb18030_hint(s, NotUtf8::file)};
  auto starts = [&](std::size_t i, std::string_view t) { return s.substr(i, t.size()) == t; };
  auto non_ascii = [&](std::size_t i) {
    return i < s.size() && static_cast<unsigned char>(s[i]) >= 0x80;
  };
  // The character at i and its code point: '标' (U+6807), or in Chinese
  // “标”（U+6807）.
  auto name = [&](std::size_t i, bool zh = false) {
    const std::string c = sanitize(s.substr(i, utf8_length(s.substr(i))));
    const auto point = static_cast<std::uint32_t>(code_point_at(s, i));
    return zh ? fmt::format("“{}”（U+{:04X}）", c, point)
              : fmt::format("'{}' (U+{:04X})", c, point);
  };
  auto bad_escape = [&](std::size_t i) {
    return TextProblem{i, {"invalid escape \\" + name(i), "无效的转义 \\" + name(i, true)}};
  };
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '#') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (starts(i, R"(""")") || starts(i, "'''")) {
      // A multi-line string, to its closing delimiter (which one or two
      // more quotes of the string's own may precede).
      const std::string_view close = s.substr(i, 3);
      for (i += 3; i < s.size() && !starts(i, close);) {
        if (c == '"' && s[i] == '\\') {
          if (non_ascii(++i)) return bad_escape(i);
          if (i < s.size() && toml_space(s[i])) {
            while (i < s.size() && toml_space(s[i])) ++i;
            if (non_ascii(i) && toml_whitespace_trap(code_point_at(s, i)))
              return TextProblem{
                  i,
                  {name(i) + " after a line-ending backslash: the TOML reader (toml++ 3.3.0) "
                             "cannot read it there; start the line with another character",
                   "行尾反斜杠之后的 " + name(i, true) +
                       "：TOML 读取器（toml++ 3.3.0）在此处读不了它；请换一个字符作为该行开头"}};
            continue;
          }
        }
        if (i < s.size()) i += utf8_length(s.substr(i));
      }
      for (i += 3; i < s.size() && s[i] == c;) ++i;
    } else if (c == '"' || c == '\'') {
      for (++i; i < s.size() && s[i] != c && s[i] != '\n';) {
        if (c == '"' && s[i] == '\\') {
          if (non_ascii(++i)) return bad_escape(i);
          if (i < s.size() && s[i] == '\n') break;
        }
        if (i < s.size()) i += utf8_length(s.substr(i));
      }
      if (i < s.size() && s[i] == c) ++i;
    } else if (non_ascii(i)) {
      return TextProblem{i,
                         {"unexpected character " + name(i) +
                              "; outside strings and comments TOML is ASCII (text goes in "
                              "quotes)",
                          "意外的字符 " + name(i, true) +
                              "；在字符串和注释之外，TOML 只用 ASCII 字符（文字要放在引号内）"}};
    } else {
      ++i;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Plan> load_plan_text(std::string_view text, const std::string& path,
                                   Diagnostics& diags) {
  if (auto bad = check_toml_text(text)) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < bad->offset; i += utf8_length(text.substr(i))) {
      if (text[i] == '\n')
        line++, col = 1;
      else
        col++;
    }
    diags.error({path, static_cast<int>(line), static_cast<int>(col)}, std::move(bad->message));
    return std::nullopt;
  }
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    diags.error(
        {path, static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column)},
        toml_message(e.description()));
    return std::nullopt;
  }
  return Loader(path, diags).load(root);
}

std::optional<Plan> load_plan(Env& env, const std::string& path, Diagnostics& diags) {
  // A folder reads as empty text on Linux, which would be "missing [plan]";
  // a FIFO would block and /dev/zero never end. Links are followed.
  std::error_code status_error;
  auto st = std::filesystem::status(path, status_error);
  if (std::filesystem::is_directory(st)) {
    diags.add(
        make_io_error({path}, Message{"is a folder, not a plan file; give the .toml file in it",
                                      "是文件夹，不是计划文件；请给出其中的 .toml 文件"}));
    return std::nullopt;
  }
  if (std::filesystem::exists(st) && !std::filesystem::is_regular_file(st)) {
    diags.add(make_io_error({path}, Message{"not a regular file", "不是普通文件"}));
    return std::nullopt;
  }
  std::string text;
  if (auto ec = env.read_file(path, &text)) {
    diags.add(make_io_error(
        {path}, Message{"cannot read the plan: ", "无法读取计划："} + system_reason(ec)));
    return std::nullopt;
  }
  return load_plan_text(text, path, diags);
}

}  // namespace plan
