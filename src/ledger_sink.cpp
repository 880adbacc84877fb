#include "ledger_sink.h"

namespace plan {

LedgerSink::LedgerSink(std::vector<Ledger*> ledgers, PeriodRecords* recorded)
    : ledgers_(std::move(ledgers)), recorded_(recorded) {}

void LedgerSink::begin_file(std::size_t index, const std::string& /*name*/,
                            Diagnostics& /*diags*/) {
  if (recorded_) recorded_->begin_file(index);
}

void LedgerSink::add(const Entry& e) {
  for (Ledger* l : ledgers_) l->add(e);
  if (recorded_) recorded_->add(e);
}

void LedgerSink::add_view(const EntryView& e) {
  for (Ledger* l : ledgers_) l->add(e);
  if (recorded_) recorded_->add(e);
}

std::unique_ptr<ShardableSink> LedgerSink::make_shard() const {
  std::vector<std::unique_ptr<Ledger>> owned;
  std::vector<Ledger*> ledgers;
  for (const Ledger* l : ledgers_) {
    owned.push_back(std::make_unique<Ledger>(l->plan(), l->as_of(), l->known_by()));
    owned.back()->only_by(l->only_by());
    ledgers.push_back(owned.back().get());
  }
  std::unique_ptr<PeriodRecords> recorded;
  if (recorded_) recorded = std::make_unique<PeriodRecords>(recorded_->empty_copy());
  auto shard = std::make_unique<LedgerSink>(std::move(ledgers), recorded.get());
  shard->owned_ = std::move(owned);
  shard->owned_recorded_ = std::move(recorded);
  return shard;
}

bool LedgerSink::merge(std::vector<std::unique_ptr<ShardableSink>>& shards) {
  // Each ledger's parts: the same ledger of every shard; likewise the tally.
  std::vector<std::vector<const Ledger*>> parts(ledgers_.size());
  std::vector<const PeriodRecords*> recorded;
  for (auto& s : shards) {
    const auto& shard = static_cast<const LedgerSink&>(*s);  // made by make_shard
    for (std::size_t i = 0; i < ledgers_.size(); ++i) parts[i].push_back(shard.ledgers_[i]);
    if (shard.recorded_) recorded.push_back(shard.recorded_);
  }
  for (const auto& p : parts)
    if (!Ledger::can_merge(p)) return false;
  if (recorded_ && !PeriodRecords::can_merge(recorded)) return false;
  for (std::size_t i = 0; i < ledgers_.size(); ++i) ledgers_[i]->merge(parts[i]);
  if (recorded_) recorded_->merge(recorded);
  return true;
}

}  // namespace plan
