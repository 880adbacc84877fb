#include "log_entries.h"

#include <algorithm>
#include <cstring>

namespace plan {

// A length, then the bytes. A line is at most kMaxLineBytes, so that its
// texts' lengths fit 32 bits.
void LogEntries::put(std::string_view s) {
  const auto n = static_cast<std::uint32_t>(s.size());
  text_.append(reinterpret_cast<const char*>(&n), sizeof n);
  text_.append(s);
}

std::string_view LogEntries::take(std::uint64_t* at) const {
  std::uint32_t n;
  std::memcpy(&n, text_.data() + *at, sizeof n);
  const std::string_view s(text_.data() + *at + sizeof n, n);
  *at += sizeof n + n;
  return s;
}

void LogEntries::add(const Entry& e) {
  Item item{};
  item.amount = e.amount.units();
  item.text = text_.size();
  item.date = e.date.days_since_epoch();
  // The id as read names an indicator of the plan (the reader looked it
  // up); kept as text otherwise, as for an entry built by hand.
  const std::optional<std::size_t> index = known_indicator(plan_, e);
  const bool known = index && *index < kNoIndicator;
  item.indicator = known ? static_cast<std::uint32_t>(*index) : kNoIndicator;
  if (!known) put(e.id);
  if (files_.empty() || files_.back() != e.where.file) files_.push_back(e.where.file);
  item.file = static_cast<std::uint32_t>(files_.size() - 1);
  item.line = e.where.line;
  // A line of at most kMaxLineBytes holds far fewer tags than 2^32.
  item.tags = static_cast<std::uint32_t>(e.tags.size());
  for (const auto& [key, value] : e.tags) {
    put(key);
    put(value);
  }
  item.flags = static_cast<std::uint8_t>((e.done ? kDone : 0) | (e.is_state ? kState : 0) |
                                         (e.is_explanation ? kExplanation : 0));
  items_.push_back(item);
}

void LogEntries::sort_by_date() {
  std::stable_sort(items_.begin(), items_.end(),
                   [](const Item& a, const Item& b) { return a.date < b.date; });
}

void LogEntries::get(std::size_t i, Entry* out) const {
  const Item& item = items_[i];
  std::uint64_t at = item.text;
  out->date = Date::from_days(item.date);
  if (item.indicator == kNoIndicator) {
    out->id.assign(take(&at));
    out->indicator = Entry::kNoIndicator;
  } else {
    out->id = plan_.indicators[item.indicator].id;
    out->indicator = item.indicator;
  }
  out->amount = Decimal::from_units(item.amount);
  out->done = item.flags & kDone;
  out->is_state = item.flags & kState;
  out->is_explanation = item.flags & kExplanation;
  out->tags.resize(item.tags);
  for (auto& [key, value] : out->tags) {
    key.assign(take(&at));
    value.assign(take(&at));
  }
  out->where.file = files_[item.file];
  out->where.line = item.line;
  out->where.column = 1;
  out->by_column = 0;
  out->value_column = 0;
}

}  // namespace plan
