// Ledgers as the record reader's sink: every entry goes to each ledger (a
// report may want two as-of dates from one pass) and, for a digest, to the
// period's tally; the reader may fill them from several threads
// (record_reader.h, Ledger::merge, PeriodRecords::merge).
#pragma once

#include <memory>
#include <vector>

#include "ledger.h"
#include "period_records.h"
#include "record_reader.h"

namespace plan {

class LedgerSink : public ShardableSink {
 public:
  // The ledgers and the tally must outlive the sink; they receive entries
  // or a merge. `recorded` may be null.
  explicit LedgerSink(std::vector<Ledger*> ledgers, PeriodRecords* recorded = nullptr);

  void begin_file(std::size_t index, const std::string& name, Diagnostics& diags) override;
  void add(const Entry& e) override;
  bool takes_views() const override { return true; }
  void add_view(const EntryView& e) override;
  std::unique_ptr<ShardableSink> make_shard() const override;
  bool merge(std::vector<std::unique_ptr<ShardableSink>>& shards) override;

 private:
  std::vector<Ledger*> ledgers_;
  PeriodRecords* recorded_;
  std::vector<std::unique_ptr<Ledger>> owned_;  // a shard's own ledgers and tally
  std::unique_ptr<PeriodRecords> owned_recorded_;
};

}  // namespace plan
