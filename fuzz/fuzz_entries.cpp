#include "fuzz_entries.h"

#include <fmt/format.h>
#include <stdlib.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "csv.h"
#include "date.h"
#include "decimal.h"
#include "diagnostic.h"
#include "digest.h"
#include "digest_period.h"
#include "digest_render.h"
#include "due_report.h"
#include "env.h"
#include "import.h"
#include "ledger.h"
#include "log_entries.h"
#include "log_report.h"
#include "parser_words.h"
#include "plan_loader.h"
#include "record.h"
#include "record_fast.h"
#include "record_reader.h"
#include "render.h"
#include "show_report.h"
#include "status_report.h"
#include "text.h"
#include "units_report.h"
#include "workbook_reader.h"
#include "yoy_report.h"

namespace plan::fuzz {
namespace {

void expect(bool ok, std::string_view what) {
  if (!ok) throw FuzzFailure(std::string(what));
}

// The plan the record and import targets read against: the shipped one, so
// that the shipped records are meaningful seeds.
const Plan& shipped_plan() {
  static const Plan p = [] {
    Diagnostics d;
    auto loaded = load_plan(Env::posix(), PLAN_SOURCE_DIR "/plans/wujiang-2018-2020.toml", d);
    if (!loaded) throw std::runtime_error("cannot load the shipped plan");
    return std::move(*loaded);
  }();
  return p;
}

// The values an entry carries (not where it came from).
bool same_values(const Entry& a, const Entry& b) {
  return a.date == b.date && a.id == b.id && a.amount == b.amount && a.done == b.done &&
         a.is_state == b.is_state && a.tags == b.tags && a.indicator == b.indicator;
}

std::string describe(const Entry& e) {
  std::string s =
      fmt::format("{}:{} {} {} {} {}/{} by@{}", e.where.file, e.where.line, e.date.iso(), e.id,
                  e.amount.units(), e.is_state, e.done, e.by_column);
  for (const auto& [k, v] : e.tags) s += " " + k + "=" + v;
  return s;
}

// Everything a read produced, as text, to compare two reads.
struct Read {
  std::vector<std::string> entries;
  std::vector<std::string> messages;
  ReadStats stats;
};

void collect(Read& r, const Diagnostics& d) {
  for (const Diagnostic& x : d.items()) r.messages.push_back(x.to_string());
}

// parse_line(format_entry(e)) gives e back.
void round_trip(const Entry& e, const Plan& plan) {
  expect(e.indicator < plan.indicators.size(), "entry without its indicator index");
  std::string line = format_entry(e, plan.indicators[e.indicator]);
  Entry back;
  auto kind = parse_line(line, plan, e.where, &back);
  expect(kind.ok(), "formatted entry does not parse: " + line +
                        (kind.ok() ? "" : " -- " + kind.error().message));
  expect(*kind == LineKind::entry, "formatted entry reads as blank: " + line);
  expect(same_values(e, back),
         "round trip changed the entry: " + describe(e) + " -> " + line + " -> " + describe(back));
}

}  // namespace

void records(std::string_view data) {
  if (data.empty()) return;
  const Plan& plan = shipped_plan();
  unsigned seed = static_cast<unsigned char>(data[0]);
  std::string_view text = data.substr(1);

  Read whole, chunked;
  std::vector<Entry> read;  // for plan log, below
  LogEntries held(plan);
  {
    Diagnostics d;
    whole.stats = read_record_text(text, "f.rec", plan, d, [&](const Entry& e) {
      whole.entries.push_back(describe(e));
      round_trip(e, plan);
      read.push_back(e);
      held.add(e);
    });
    collect(whole, d);
  }
  // plan log: the entries held as LogEntries come back in the order
  // sort_by_date gives them, as they were (but for the columns messages
  // use), and their JSON made an entry at a time is the whole's.
  sort_by_date(read);
  held.sort_by_date();
  expect(held.size() == read.size(), "LogEntries lost or gained entries");
  LogJson json(plan);
  std::string pieces;
  Entry back;
  for (std::size_t i = 0; i < held.size(); ++i) {
    held.get(i, &back);
    const Entry& e = read[i];
    expect(same_values(back, e) && back.is_explanation == e.is_explanation &&
               back.where.file == e.where.file && back.where.line == e.where.line,
           "LogEntries gave back another entry: " + describe(e) + " -> " + describe(back));
    pieces += json.entries(std::span<const Entry>(&back, 1));
  }
  pieces += json.finish();
  expect(pieces == log_json(plan, read), "plan log's JSON in pieces is not the whole's");
  {
    Diagnostics d;
    RecordStream stream("f.rec", plan, d,
                        [&](const Entry& e) { chunked.entries.push_back(describe(e)); });
    // Chunk sizes 1 … 32 in a sequence the seed picks (a small LCG), so that
    // line ends, multi-byte characters and the BOM fall across feeds.
    std::size_t at = 0;
    unsigned state = seed;
    while (at < text.size()) {
      state = state * 1103515245u + 12345u;
      std::size_t n = 1 + (state >> 16) % 32;
      if (seed & 1) n = 1 + seed % 7;
      stream.feed(text.substr(at, n));
      at += n;
    }
    chunked.stats = stream.finish();
    collect(chunked, d);
  }
  expect(whole.entries == chunked.entries, "chunked feed gave other entries");
  expect(whole.messages == chunked.messages, "chunked feed gave other messages");
  expect(whole.stats.lines == chunked.stats.lines && whole.stats.entries == chunked.stats.entries,
         "chunked feed gave other counts");
  expect(whole.stats.entries == whole.entries.size(), "entry count differs from entries");

  // The fast path answers only when the slow parser agrees.
  FastLineParser fast(plan);
  Location where{"f.rec", 0, 0};
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    ++where.line;
    // Read in place, as the reader does: the rest of the input follows. And
    // the line less its last byte, which then follows it (the bytes after a
    // line must never join its last field).
    for (std::string_view l : {line, line.substr(0, line.empty() ? 0 : line.size() - 1)}) {
      if (l.size() > kMaxLineBytes) break;
      Entry a, b;
      a.where.file = where.file;  // the caller's part (record_fast.h)
      EntryView v;
      v.file = &where.file;
      auto kind = fast.parse(l, where, &a, text.size() - start);
      auto as_view = fast.parse(l, where, &v, text.size() - start);
      expect(kind == as_view,
             "fast path read as an Entry and as a view disagree: " + std::string(l));
      if (!kind) continue;
      auto slow = parse_line(l, plan, where, &b);
      expect(slow.ok(), "fast path took a line parse_line refuses: " + std::string(l));
      expect(*slow == *kind, "fast path and parse_line disagree on the kind");
      if (*kind != LineKind::entry) continue;
      expect(same_values(a, b) && a.by_column == b.by_column && a.where.line == b.where.line,
             "fast path and parse_line disagree: " + describe(a) + " vs " + describe(b));
      const EntryView w = view_of(b, b.indicator);
      expect(v.indicator == w.indicator && v.date == w.date && v.ymd.year == w.ymd.year &&
                 v.ymd.month == w.ymd.month && v.ymd.day == w.ymd.day && v.amount == w.amount &&
                 v.is_state == w.is_state && v.done == w.done && !v.is_explanation &&
                 v.by == w.by && v.period == w.period && v.note == w.note &&
                 v.by_column == w.by_column && v.line == w.line && v.column == w.column,
             "the fast path's view is not parse_line's entry: " + describe(b));
    }
    start = end + 1;
  }
}

namespace {

// What every import returns, from a CSV or a workbook: its good rows (with
// errors too, to be judged against the ledger and never written: import.h),
// each row's line the entry's canonical text, reading back to it, in sheet
// order.
void check_import(const ImportResult& result, const Plan& plan) {
  for (std::size_t i = 1; i < result.rows.size(); ++i)
    expect(result.rows[i - 1].row < result.rows[i].row, "imported rows out of sheet order");
  for (const ImportRow& row : result.rows) {
    expect(row.entry.indicator < plan.indicators.size(), "imported row without indicator");
    expect(format_entry(row.entry, plan.indicators[row.entry.indicator]) == row.line,
           "imported line is not the entry's canonical text: " + row.line);
    Entry back;
    auto kind = parse_line(row.line, plan, {"f.rec", 1, 1}, &back);
    expect(kind.ok() && *kind == LineKind::entry, "imported line does not parse: " + row.line);
    expect(same_values(row.entry, back), "imported line reads back differently: " + row.line);
  }
}

}  // namespace

void csv_import(std::string_view data) {
  if (data.empty()) return;
  const Plan& plan = shipped_plan();
  unsigned flags = static_cast<unsigned char>(data[0]);
  std::string_view bytes = data.substr(1);
  const char* encoding = (flags & 1) ? "gb18030" : "utf-8";
  bool force = flags & 2;
  auto text = to_utf8(bytes, encoding, "f.csv");
  if (!text) {
    expect(text.error().where.file == "f.csv", "conversion error without the file name");
    return;
  }
  expect(!find_invalid_utf8(*text), "to_utf8 returned invalid UTF-8");
  if (!(flags & 1)) expect(*text == bytes, "UTF-8 input changed by to_utf8");

  auto records = parse_csv(*text, "f.csv");
  if (records) {
    int last = 0;
    for (const CsvRecord& r : *records) {
      expect(r.line > last, "CSV records out of line order");
      last = r.line;
    }
  }

  Date today = Date::from_ymd(2020, 12, 31);
  ImportResult result = import_csv(*text, "f.csv", plan, today, force);
  check_import(result, plan);
}

void workbook_import(std::string_view data) {
  if (data.empty()) return;
  const Plan& plan = shipped_plan();
  bool force = static_cast<unsigned char>(data[0]) & 1;
  std::string_view bytes = data.substr(1);
  if (bytes.starts_with("\xD0\xCF")) return;  // an .xls: freexl's, not ours (fuzz_entries.h)
  // libzip and freexl read files: one scratch file per process, rewritten
  // for every input.
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    std::string p = std::string(dir && *dir ? dir : "/tmp") + "/plan-fuzz-workbook.XXXXXX";
    int fd = ::mkstemp(p.data());
    if (fd < 0) throw std::runtime_error("cannot make the scratch workbook");
    ::close(fd);
    return p;
  }();
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::size_t n = std::fwrite(bytes.data(), 1, bytes.size(), f);
    bool closed = std::fclose(f) == 0;
    if (n != bytes.size() || !closed) throw std::runtime_error("cannot write the scratch workbook");
  } else {
    throw std::runtime_error("cannot open the scratch workbook");
  }
  Expected<Sheet> sheet = read_workbook(path, "");
  if (!sheet) {
    expect(sheet.error().where.file == path, "workbook error without the file name");
    return;
  }
  expect(sheet->file == path && sheet->cell_prefix.starts_with(path + ":"),
         "sheet not located in its file");
  int last = 0;
  for (const SheetRow& r : sheet->rows) {
    expect(r.line > last, "sheet rows out of order");
    last = r.line;
  }
  ImportResult result = import_sheet(*sheet, plan, Date::from_ymd(2020, 12, 31), force);
  check_import(result, plan);
}

namespace {

void period_laws(const CalendarPeriod& p) {
  expect(p.first <= p.last, "period ends before it begins");
  expect(period_containing(p.kind, p.first) == p && period_containing(p.kind, p.last) == p,
         "period does not contain its own days");
  auto back = parse_calendar_label(p.kind, calendar_label(p));
  expect(back && *back == p, "calendar label does not read back: " + calendar_label(p));
}

// Days from 0001-01-01 to 9999-12-31: four-digit years, as every reader
// takes them.
constexpr std::int32_t kFirstDay = -719162, kLastDay = 2932896;

}  // namespace

void scalars(std::string_view data) {
  if (data.empty()) return;
  unsigned which = static_cast<unsigned char>(data[0]);
  std::string_view s = data.substr(1);
  switch (which % 8) {
    case 0:
      if (auto d = Date::parse(s)) {
        expect(d->iso() == s, "ISO date does not format back: " + std::string(s));
        int y, m, dd;
        d->to_ymd(&y, &m, &dd);
        expect(Date::is_valid(y, m, dd) && Date::from_ymd(y, m, dd) == *d, "ymd round trip");
        expect(d->year() == y && d->month() == m && d->day() == dd, "ymd accessors disagree");
      }
      break;
    case 1:
    case 2: {
      int shift = which % 8 == 2 ? 4 : 0;
      Message why;
      if (auto d = Decimal::parse(s, shift, &why)) {
        auto back = Decimal::parse(d->to_string());
        expect(back && *back == *d,
               "decimal does not format back: " + std::string(s) + " -> " + d->to_string());
        Decimal sum = *d;
        if (sum.add(*d)) expect(sum.units() == 2 * d->units(), "decimal add is wrong");
      } else {
        expect(!why.en.empty() && !why.zh.empty(),
               "decimal refused without a reason: " + std::string(s));
      }
      break;
    }
    case 3:
      if (auto d = spreadsheet_date(s, {"f.csv", 1, 1})) {
        auto back = Date::parse(d->iso());
        expect(back && *back == *d, "spreadsheet date does not format back");
      }
      break;
    case 4:
      if (auto t = strip_thousands(s)) {
        if (s.find(',') == std::string_view::npos)
          expect(*t == s, "strip_thousands changed text without commas");
        else
          expect(t->find(',') == std::string::npos && t->size() < s.size(),
                 "strip_thousands left a comma");
      }
      break;
    case 5:
      for (PeriodKind k : {PeriodKind::week, PeriodKind::month, PeriodKind::quarter,
                           PeriodKind::half, PeriodKind::year})
        if (auto p = parse_calendar_label(k, s)) {
          expect(p->kind == k, "label read as another kind");
          period_laws(*p);
        }
      break;
    case 6: {
      // Arithmetic on days: the bytes are a day number and a month count.
      if (s.size() < 6) break;
      std::uint32_t raw = 0;
      for (int i = 0; i < 4; ++i) raw = raw << 8 | static_cast<unsigned char>(s[i]);
      std::int32_t days = kFirstDay + static_cast<std::int32_t>(raw % (kLastDay - kFirstDay + 1));
      int months = static_cast<std::int8_t>(s[4]) * 4 + static_cast<std::int8_t>(s[5]);
      Date d = Date::from_days(days);
      auto back = Date::parse(d.iso());
      expect(back && *back == d, "day does not format back: " + d.iso());
      // At most 635 months either way: keep the result in years 1 … 9999.
      if (days - kFirstDay > 31 * 640 && kLastDay - days > 31 * 640) {
        Date m = d.add_months(months);
        expect(m.day() <= d.day() &&
                   (m.year() * 12 + m.month()) - (d.year() * 12 + d.month()) == months,
               "add_months lands in the wrong month");
        for (PeriodKind k : {PeriodKind::week, PeriodKind::month, PeriodKind::quarter,
                             PeriodKind::half, PeriodKind::year}) {
          CalendarPeriod p = period_containing(k, d);
          expect(p.contains(d), "period_containing misses its day");
          period_laws(p);
          expect(next_period(previous_period(p)) == p, "previous/next are not inverse");
          expect(previous_period(p).last.add_days(1) == p.first, "periods leave a gap");
          expect(iso_weekday(d) >= 0 && iso_weekday(d) <= 6, "weekday out of range");
        }
      }
      break;
    }
    case 7:
      if (auto k = parse_period_kind(s)) expect(period_kind_name(*k) == s, "period kind name");
      if (auto k = parse_kind(s)) expect(parse_kind(kind_name(*k)) == k, "kind name");
      if (auto f = parse_frequency(s)) expect(parse_frequency(frequency_name(*f)) == f, "freq");
      (void)parse_format(s);
      {
        // CLI11's message put into Chinese: any text, its English kept.
        const Message m = parser_message(s);
        expect(m.en == s, "parser_message changed the English");
        expect(!m.zh.empty() || s.empty(), "parser_message gave no Chinese");
      }
      break;
  }
}

namespace {

// A table through every table renderer; CSV must read back as CSV and have
// the same number of fields in every row.
void render_all(const Table& t, const Table& flat) {
  for (bool zh : {false, true}) {
    RenderOptions o;
    o.zh = zh;
    o.color = zh;
    (void)render_table(t, o);
    (void)render_markdown(t, o);
    o.bom = zh;
    (void)render_delimited(flat, '\t', o);
    std::string csv = render_delimited(flat, ',', o);
    auto back = parse_csv(csv, "out.csv");
    expect(back.ok(), "CSV output does not read back: " +
                          (back.ok() ? std::string() : back.error().to_string()));
    for (const CsvRecord& r : *back)
      expect(r.fields.size() == back->front().fields.size(), "CSV rows of different widths");
  }
}

// The reports' JSON parses, and is what nlohmann-json writes for the
// document it parses to (JsonWriter's contract, json_writer.h): read back and
// written again, the same bytes.
void valid_json(const std::string& text) {
  expect(nlohmann::json::accept(text), "JSON output does not parse");
  expect(nlohmann::ordered_json::parse(text).dump(2) + "\n" == text,
         "JSON output is not as nlohmann-json writes its document");
}

}  // namespace

void plan_reports(std::string_view data) {
  Diagnostics diags;
  auto loaded = load_plan_text(data, "p.toml", diags);
  expect(loaded.has_value() == !diags.has_errors(), "plan returned despite errors, or none");
  if (!loaded) {
    for (const Diagnostic& d : diags.items())
      expect(d.where.file == "p.toml", "plan message without the file: " + d.message);
    return;
  }
  const Plan& plan = *loaded;
  expect(plan.start <= plan.end, "plan ends before it starts");
  // A long plan period makes every ledger and report proportionally slower:
  // that is not what this target looks for.
  // So does a large plan: the shipped one (80 indicators) takes seconds
  // through every report under the sanitizers, so the reports see small
  // plans and the loader sees large ones.
  if (plan.end - plan.start > 12 * 366 || plan.indicators.size() > 16) return;

  // The small fixed ledger: each indicator gets entries at the start, the
  // middle and the end of the plan, by its first reporter (or lead unit),
  // written as record lines and read back as the reader would.
  std::vector<Entry> entries;
  Date middle = plan.start.add_days((plan.end - plan.start) / 2);
  int line = 0;
  for (std::size_t i = 0; i < plan.indicators.size(); ++i) {
    const Indicator& ind = plan.indicators[i];
    const Date dates[] = {plan.start, middle, plan.end};
    for (int k = 0; k < 3; ++k) {
      Entry e;
      e.date = dates[k];
      e.id = ind.id;
      e.indicator = i;
      if (ind.kind == Kind::milestone) {
        e.is_state = true;
        e.done = k != 1;
      } else {
        e.amount = k == 0 ? ind.target : Decimal::from_units(1'500'000 * (k + 1));
        if (e.amount.is_negative()) e.amount = -e.amount;
      }
      std::string by = !ind.reported_by.empty() ? ind.reported_by[0]
                       : !ind.lead.empty()      ? ind.lead[0]
                                                : "";
      if (!by.empty()) e.tags.emplace_back("by", by);
      e.tags.emplace_back("note", "n");
      Location where{"f.rec", ++line, 1};
      Entry read;
      auto kind = parse_line(format_entry(e, ind), plan, where, &read);
      if (kind.ok() && *kind == LineKind::entry) entries.push_back(std::move(read));
    }
  }

  for (Date as_of : {middle, plan.end}) {
    Ledger ledger(plan, as_of);
    for (const Entry& e : entries) ledger.add(e);
    if (ledger.error()) continue;  // the commands refuse to report then

    StatusReport status = build_status(ledger, {});
    render_all(status_table(status), status_table(status));
    valid_json(status_json(status));
    StatusFilter by_year;
    by_year.year = plan.start.year();
    StatusReport yearly = build_status(ledger, by_year);
    render_all(status_table(yearly), status_table(yearly));

    for (std::size_t i = 0; i < plan.indicators.size(); ++i) {
      std::vector<Entry> mine;
      for (const Entry& e : entries)
        if (e.indicator == i) mine.push_back(e);
      ShowReport show = build_show(ledger, plan.indicators[i], std::move(mine));
      for (bool zh : {false, true}) {
        RenderOptions o;
        o.zh = zh;
        (void)show_text(show, o);
      }
      valid_json(show_json(show));
    }

    YoyReport yoy = build_yoy(ledger, {});
    render_all(yoy_table(yoy), yoy_rows(yoy));
    valid_json(yoy_json(yoy));

    for (bool lead_only : {false, true}) {
      UnitsReport units = build_units(ledger, lead_only);
      render_all(units_table(units), units_table(units));
      valid_json(units_json(units));
    }

    DueReport due = build_due(ledger, {});
    render_all(due_table(due), due_table(due));
    valid_json(due_json(due));

    render_all(log_table(plan, entries), log_table(plan, entries));
    valid_json(log_json(plan, entries));
    for (char sep : {',', '\t'})
      expect(log_delimited_rows(plan, entries, sep) ==
                 render_delimited_rows(log_table(plan, entries), sep),
             "log CSV/TSV rows differ from the log table's");

    for (PeriodKind k : {PeriodKind::month, PeriodKind::year}) {
      DigestSources sources(plan, period_containing(k, as_of));
      for (const Entry& e : entries) sources.add(e);
      if (sources.now.error() || sources.before.error()) continue;
      Digest digest = build_digest(sources, {});
      for (bool zh : {false, true}) {
        RenderOptions o;
        o.zh = zh;
        (void)digest_text(digest, o);
        (void)digest_markdown(digest, o);
        (void)digest_html(digest, o);
      }
    }
  }
}

Target target_named(std::string_view name) {
  if (name == "records") return records;
  if (name == "import") return csv_import;
  if (name == "workbook") return workbook_import;
  if (name == "scalars") return scalars;
  if (name == "plan") return plan_reports;
  return nullptr;
}

}  // namespace plan::fuzz
