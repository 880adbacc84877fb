// The fuzz targets' bodies, one function per target (fuzz/README.md). Each
// takes any bytes, runs them through the core library and checks what must
// hold whatever the input: no crash, no sanitizer finding, and the target's
// invariants (a round trip, two parsers agreeing, chunking not mattering).
// A broken invariant throws FuzzFailure.
//
// The libFuzzer mains (fuzz/*_fuzz.cpp) call these; so does
// tests/fuzz_entries_test.cpp, which replays every kept input of
// fuzz/regressions/<target>/ in the ordinary test suite, without libFuzzer,
// under any compiler.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace plan::fuzz {

// An invariant that did not hold, with what was expected.
struct FuzzFailure : std::logic_error {
  using std::logic_error::logic_error;
};

// Record text against the shipped plan, fed to RecordStream in chunks whose
// sizes the first byte picks: the entries and messages equal those of one
// whole feed; every entry survives format_entry -> parse_line unchanged;
// every line FastLineParser answers for, parse_line answers the same.
void records(std::string_view data);

// A CSV import against the shipped plan; the first byte picks the encoding
// (UTF-8 or GB18030) and --force. Every imported row's canonical line parses
// back to the row's entry; rows come only without errors.
void csv_import(std::string_view data);

// Workbook bytes through read_workbook, then import_sheet against the
// shipped plan; the first byte's bit 0 is --force. A refused workbook's
// error names its file; a sheet's rows come in row order; the import's rows
// as csv_import's. Only the .xlsx path, our code over libzip and expat:
// bytes that start as an .xls (OLE2) are skipped: freexl runs in a child
// process, whose coverage libFuzzer cannot see, and libfreexl 1.0.6 itself
// over-reads on malformed ones (fuzz/README.md).
void workbook_import(std::string_view data);

// The scalar parsers; the first byte picks one: Date::parse, Decimal::parse
// (with and without the 万 shift), spreadsheet_date, strip_thousands, and
// the calendar period labels. Whatever parses formats back to something that
// parses to the same value.
void scalars(std::string_view data);

// A plan file through load_plan_text; a plan that loads gets a small ledger
// built from its own indicators and goes through every report (status, show,
// yoy, units, due, log, digest) in every renderer (table in English and
// Chinese, CSV, TSV, Markdown, JSON; digest text, Markdown and HTML).
void plan_reports(std::string_view data);

// The targets by name, for the replay test: nullptr for an unknown name.
using Target = void (*)(std::string_view);
Target target_named(std::string_view name);

}  // namespace plan::fuzz
