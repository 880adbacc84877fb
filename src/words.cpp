#include "words.h"

#include <algorithm>

#include "render.h"

namespace plan {

std::string_view status_name_zh(Status s) {
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
      return "未达标";
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

std::string status_word(Status s, bool zh) {
  if (zh) return std::string(status_name_zh(s));
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

Cell status_cell(Status s) {
  Cell c = Cell::of_status(std::string(status_name(s)), tone_of(s));
  c.text_zh = status_name_zh(s);
  return c;
}

std::string readable_target(const Indicator& ind, Decimal target, bool zh) {
  std::string pct = ind.is_percent() ? "%" : "";
  switch (ind.kind) {
    case Kind::total:
      return format_amount(target, true) + pct;
    case Kind::range:
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

Cell target_cell(const Indicator& ind, Decimal target) {
  Cell c = Cell::of_text(readable_target(ind, target));
  c.text_zh = readable_target(ind, target, true);
  return c;
}

std::string_view word(Word w, bool zh) {
  switch (w) {
    case Word::shortfall:
      return zh ? "距目标" : "to target";
    case Word::behind_by:
      return zh ? "落后序时" : "behind plan";
    case Word::furthest_behind:
      return zh ? "差距最大" : "Furthest behind";
    case Word::expected:
      return zh ? "应完成" : "expected";
    case Word::actual:
      return zh ? "完成" : "actual";
    case Word::completion:
      return zh ? "完成率" : "done";
    case Word::achieved:
      return zh ? "完成/达标" : "achieved";
    case Word::unit:
      return zh ? "责任单位" : "unit";
    case Word::no_by:
      return zh ? "（未注明单位）" : "(no by=)";
  }
  return {};
}

std::string heading(Word w, bool zh) {
  std::string s(word(w, zh));
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string format_expected(const Indicator& ind, double v) {
  return format_number(v, ind.is_whole() || v >= 100 ? 0 : 1);
}

Cell expected_cell(const Indicator& ind, std::optional<double> v) {
  if (!v) return Cell::none();
  return Cell::of_number(v, ind.is_whole() || *v >= 100 ? 0 : 1);
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
