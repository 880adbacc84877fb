#include "report_json.h"

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "schedule.h"
#include "text.h"

namespace plan {
namespace {

void make_valid(nlohmann::ordered_json& j) {
  if (j.is_string()) {
    auto& s = j.get_ref<std::string&>();
    if (find_invalid_utf8(s)) s = valid_utf8(s);
  } else if (j.is_array()) {
    for (auto& x : j) make_valid(x);
  } else if (j.is_object()) {
    bool bad_key = false;
    for (auto it = j.begin(); it != j.end(); ++it) {
      make_valid(it.value());
      bad_key = bad_key || find_invalid_utf8(it.key());
    }
    if (bad_key) {
      nlohmann::ordered_json fixed = nlohmann::ordered_json::object();
      for (auto it = j.begin(); it != j.end(); ++it) fixed[valid_utf8(it.key())] = it.value();
      j = std::move(fixed);
    }
  }
}

// doc.dump(2), with text that is not valid UTF-8 mended first. The dump
// checks every string as it writes it, by the same rule as utf8_sequence
// (Unicode's well-formed sequences), and throws on the first bad byte: only
// then is the document walked and mended, which otherwise cost twice the
// dump.
std::string dump_valid(nlohmann::ordered_json& doc) {
  try {
    return doc.dump(2);
  } catch (const nlohmann::ordered_json::type_error&) {
    make_valid(doc);
    return doc.dump(2);
  }
}

}  // namespace

std::string json_text(nlohmann::ordered_json doc) {
  return dump_valid(doc) + "\n";
}

void append_json(std::string& out, nlohmann::ordered_json value, int depth) {
  const std::string text = dump_valid(value);
  const std::string indent(2 * static_cast<std::size_t>(depth), ' ');
  // The dump's line breaks are all between tokens: a break in a string is
  // written as \n.
  std::size_t start = 0;
  for (;;) {
    const std::size_t nl = text.find('\n', start);
    out += indent;
    out.append(text, start, nl == std::string::npos ? std::string::npos : nl + 1 - start);
    if (nl == std::string::npos) return;
    start = nl + 1;
  }
}

nlohmann::ordered_json json_number(Decimal d) {
  if (d.units() % Decimal::kScale == 0) return nlohmann::ordered_json(d.units() / Decimal::kScale);
  return nlohmann::ordered_json(d.to_double());
}

nlohmann::ordered_json json_number(const std::optional<Decimal>& d) {
  return d ? json_number(*d) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json json_number(const std::optional<double>& d) {
  if (!d) return nullptr;
  // Whole amounts as integers (25430, not 25430.0), as for decimals: the
  // whole things due of a count, a completion of exactly 1.
  constexpr double kExact = 9007199254740992.0;  // 2^53
  if (std::isfinite(*d) && *d == std::floor(*d) && std::fabs(*d) < kExact)
    return static_cast<std::int64_t>(*d);
  return *d;
}

nlohmann::ordered_json plan_json(const Plan& plan) {
  return {
      {"id", plan.id}, {"title", plan.title}, {"start", plan.start.iso()}, {"end", plan.end.iso()}};
}

nlohmann::ordered_json indicator_head(const Plan& plan, const Indicator& ind) {
  return {{"id", ind.id},
          {"name", ind.name},
          {"area", plan.area_of(ind).name},
          {"task", plan.task_of(ind).name},
          {"unit", ind.unit},
          {"kind", kind_name(ind.kind)}};
}

nlohmann::ordered_json missing_json(const std::vector<OwedReport>& missing) {
  // Member by member rather than from an initializer list, which copies
  // each value: a year's owed reports run to a thousand objects.
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const OwedReport& r : missing) {
    nlohmann::ordered_json& o = out.emplace_back(nlohmann::ordered_json::object());
    o["reporter"] =
        r.reporter.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.reporter);
    o["period"] = period_label(r.period);
    o["due"] = r.period.due.iso();
    o["days_overdue"] = r.days_overdue;
  }
  return out;
}

nlohmann::ordered_json explanation_json(const Explanation& x) {
  using json = nlohmann::ordered_json;
  auto or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  return {{"date", x.date.iso()},
          {"by", or_null(x.by)},
          {"period", or_null(x.period)},
          {"note", x.note},
          {"measures", or_null(x.measures)},
          {"file", x.where.file},
          {"line", x.where.line}};
}

nlohmann::ordered_json explanations_json(const std::vector<Explanation>& list) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Explanation& x : list) out.push_back(explanation_json(x));
  return out;
}

nlohmann::ordered_json entry_value_json(const Entry& e) {
  if (e.is_explanation) return "explain";
  if (e.is_state) return e.done ? "done" : "undone";
  return json_number(e.amount);
}

nlohmann::ordered_json entry_tags_json(const Entry& e) {
  nlohmann::ordered_json tags = nlohmann::ordered_json::object();
  for (const auto& [k, v] : e.tags) tags[k] = v;
  return tags;
}

nlohmann::ordered_json years_json(const std::vector<YearFigures>& years) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const YearFigures& y : years)
    out.push_back({{"year", y.year},
                   {"target", json_number(y.target)},
                   {"actual", json_number(y.actual)},
                   {"completion", json_number(y.completion)},
                   {"status", y.status ? nlohmann::ordered_json(status_name(*y.status))
                                       : nlohmann::ordered_json(nullptr)},
                   {"change", json_number(y.change)}});
  return out;
}

}  // namespace plan
