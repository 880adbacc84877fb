// Renderers for Table (table.h). JSON is not here: each report has its own
// JSON shape (SPEC §6), written by that report's code with nlohmann::json.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "table.h"

namespace plan {

enum class Format { table, csv, tsv, json, md };
std::optional<Format> parse_format(std::string_view s);

struct RenderOptions {
  bool color = false;  // ANSI colours by status (terminal tables only)
  bool zh = false;     // Chinese headers
  bool bom = false;    // CSV/TSV: start with a UTF-8 BOM, for Excel
};

// Aligned by display width (CJK = 2 columns), thousands separators, ratios as
// "45.3%", groups as headings; every line of the body has the same width.
// Text from the data is sanitized (control characters neutralised).
std::string render_table(const Table& t, const RenderOptions& o);

// RFC 4180 CSV (sep ',') or TSV (sep '\t'): header row of column keys, plain
// numbers, ISO dates; cells a spreadsheet would read as a formula are
// neutralised with a leading apostrophe. Lines end in "\r\n" for CSV, "\n"
// for TSV.
std::string render_delimited(const Table& t, char sep, const RenderOptions& o);

// GitHub-flavoured Markdown: one pipe table per group, headed "### group".
std::string render_markdown(const Table& t, const RenderOptions& o);

// Plain textual forms shared by the renderers.
std::string format_amount(Decimal d, bool thousands);  // "51,000", "1.9"
std::string format_ratio(double r);                    // "45.3%"

}  // namespace plan
