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

std::string readable_target(const Indicator& ind, Decimal target) {
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
      return "due " + ind.due->iso();
  }
  return {};
}

}  // namespace plan
