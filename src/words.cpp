#include "words.h"

#include <algorithm>
#include <cmath>

#include "render.h"

namespace plan {

std::string_view status_name_zh(Status s, Kind k) {
  switch (s) {
    case Status::achieved:
      return "已完成";
    case Status::on_track:
      return "进度正常";
    case Status::behind:
      return "滞后";
    case Status::met:
      return "达标";
    case Status::missed:
      return is_flow(k) ? "未完成" : "未达标";
    case Status::no_data:
      return "无数据";
    case Status::done:
      return "已办结";
    case Status::pending:
      return "推进中";
    case Status::overdue:
      return "逾期";
    case Status::unreported:
      return "未报送";
  }
  return "?";
}

std::string status_word(Status s, Kind k, bool zh) {
  if (zh) return std::string(status_name_zh(s, k));
  std::string w(status_name(s));
  std::replace(w.begin(), w.end(), '_', ' ');
  return w;
}

namespace {

Tone tone_of(Status s) {
  switch (s) {
    case Status::achieved:
    case Status::met:
    case Status::done:
      return Tone::good;
    case Status::on_track:
      return Tone::fine;
    case Status::behind:
    case Status::overdue:
    case Status::unreported:
      return Tone::warn;
    case Status::missed:
      return Tone::bad;
    case Status::no_data:
      return Tone::dim;
    case Status::pending:
      return Tone::plain;
  }
  return Tone::plain;
}

}  // namespace

Cell status_cell(Status s, Kind k) {
  Cell c = Cell::of_status(std::string(status_name(s)), tone_of(s));
  c.text_zh = status_name_zh(s, k);
  return c;
}

std::string readable_target(const Indicator& ind, Decimal target, bool zh, TargetOf of) {
  std::string pct = ind.is_percent() ? "%" : "";
  switch (ind.kind) {
    case Kind::total:
      return format_amount(target, true) + pct;
    case Kind::range:
      if (of == TargetOf::year) return format_amount(target, true) + pct;
      return format_amount(target, true) + "–" + format_amount(*ind.target_max, true) + pct;
    case Kind::floor:
      return "≥ " + format_amount(target, true) + pct;
    case Kind::cap:
      return "≤ " + format_amount(target, true) + pct;
    case Kind::milestone:
      return zh ? ind.due->iso() + "前" : "due " + ind.due->iso();
  }
  return {};
}

Cell target_cell(const Indicator& ind, Decimal target, TargetOf of) {
  Cell c = Cell::of_text(readable_target(ind, target, false, of));
  c.text_zh = readable_target(ind, target, true, of);
  return c;
}

std::string_view word(Word w, bool zh) {
  switch (w) {
    case Word::shortfall:
      return zh ? "距目标" : "to target";
    case Word::behind_by:
      return zh ? "落后序时" : "behind plan";
    case Word::of_target:
      return zh ? "占目标" : "of target";
    case Word::furthest_behind:
      return zh ? "差距最大" : "Furthest behind";
    case Word::gap:
      return zh ? "差距" : "gap";
    case Word::expected:
      return zh ? "应完成" : "expected";
    case Word::actual:
      return zh ? "完成" : "actual";
    case Word::target:
      return zh ? "目标" : "target";
    case Word::completion:
      return zh ? "完成率" : "done";
    case Word::needed:
      return zh ? "每月需完成" : "needed a month";
    case Word::pace:
      return zh ? "此前月均" : "pace so far";
    case Word::progress:
      return zh ? "进度" : "progress";
    case Word::indicator:
      return zh ? "指标" : "indicator";
    case Word::id:
      return zh ? "指标代码" : "ID";
    case Word::milestone:
      return zh ? "节点任务" : "milestone";
    case Word::status:
      return zh ? "状态" : "status";
    case Word::change:
      return zh ? "变化" : "change";
    case Word::figures_at:
      return zh ? "截至本期" : "figures at the date";
    case Word::achieved:
      return zh ? "已完成" : "achieved";
    case Word::on_track:
      return zh ? "正常" : "on track";
    case Word::behind:
      return zh ? "滞后" : "behind";
    case Word::missed:
      return zh ? "未完成" : "missed";
    case Word::no_data:
      return zh ? "无数据" : "no data";
    case Word::unreported:
      return zh ? "未报送" : "unreported";
    case Word::unit:
      return zh ? "责任单位" : "unit";
    case Word::leads:
      return zh ? "牵头" : "leads";
    case Word::partners:
      return zh ? "参与" : "partners";
    case Word::reporter:
      return zh ? "报送单位" : "reporter";
    case Word::any_unit:
      return zh ? "（任一单位）" : "(any unit)";
    case Word::report_period:
      return zh ? "报送期" : "period";
    case Word::due:
      return zh ? "截止日期" : "due";
    case Word::days_left:
      return zh ? "剩余天数" : "days left";
    case Word::days_overdue:
      return zh ? "逾期天数" : "days overdue";
    case Word::recorded:
      return zh ? "填报" : "recorded";
    case Word::entries:
      return zh ? "条数" : "entries";
    case Word::units_count:
      return zh ? "填报单位数" : "units";
    case Word::reported_by:
      return zh ? "填报单位" : "reported by";
    case Word::no_by:
      return zh ? "（未注明单位）" : "(no by=)";
    case Word::latest_note:
      return zh ? "最新备注" : "latest note";
    case Word::total:
      return zh ? "合计" : "total";
  }
  return {};
}

std::string heading(Word w, bool zh) {
  std::string s(word(w, zh));
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

int expected_decimals(const Indicator& ind, double v) {
  double size = std::fabs(v);
  if (size >= 100) return 0;
  if (!ind.is_whole()) return 1;
  // Whole things: what is due is whole (evaluation.h); a behind-by beside a
  // fractional actual (1.5 家 in) keeps its tenth below ten, where it says
  // something, and a figure that is whole needs no ".0".
  if (size >= 10) return 0;
  return std::fabs(v * 10 - std::round(v) * 10) < 0.5 ? 0 : 1;
}

std::string format_expected(const Indicator& ind, double v) {
  return format_number(v, expected_decimals(ind, v));
}

Cell expected_cell(const Indicator& ind, std::optional<double> v) {
  if (!v) return Cell::none();
  return Cell::of_number(v, expected_decimals(ind, *v));
}

int expected_decimals(const Indicator& ind, std::optional<double> expected,
                      std::optional<double> behind) {
  return std::max(expected ? expected_decimals(ind, *expected) : 0,
                  behind ? expected_decimals(ind, *behind) : 0);
}

std::string kind_word(Kind k, bool zh) {
  if (!zh) return std::string(kind_name(k));
  switch (k) {
    case Kind::total:
      return "总量";
    case Kind::range:
      return "区间";
    case Kind::floor:
      return "不低于";
    case Kind::cap:
      return "不高于";
    case Kind::milestone:
      return "节点任务";
  }
  return {};
}

}  // namespace plan
