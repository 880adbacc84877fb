// CSV as spreadsheets export it (RFC 4180): the input side of `plan import`.
// Excel, WPS and LibreOffice write fields separated by commas, quote fields
// that hold commas, quotes or line breaks, double the quotes inside, end
// lines in CR LF, and (Excel's "CSV UTF-8") start the file with a BOM. A
// Chinese Excel's plain "CSV" is GB18030 rather than UTF-8: to_utf8 converts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"

namespace plan {

struct CsvRecord {
  int line = 0;  // 1-based line on which the record starts
  // Its row in a spreadsheet that opens the file (1-based): its line less
  // the line breaks inside quoted fields before it, which a spreadsheet
  // keeps in their cells. Empty lines are rows too.
  int row = 0;
  std::vector<std::string> fields;
  // Where each field starts (its first character, or its opening quote):
  // line and 1-based column in characters, as an editor shows them. A field
  // after a quoted line break starts on a later line than the record.
  struct Start {
    int line = 0;
    int column = 0;
  };
  std::vector<Start> starts;
};

// Parses a whole CSV text (UTF-8). Accepted: quoted fields holding commas,
// doubled quotes ("") and line breaks; CR LF or LF line endings; a UTF-8 BOM
// at the start (skipped); a last line without a line break. Empty lines
// (anywhere, including trailing ones) are skipped: they hold no fields. A
// CR LF inside a quoted field becomes LF. Fields are returned as written
// (not trimmed); records may have different numbers of fields.
// Errors, at their line and column (`file_name` names the file): a quoted
// field that never ends, a quote inside an unquoted field, text after a
// closing quote.
Expected<std::vector<CsvRecord>> parse_csv(std::string_view text, const std::string& file_name);

// Converts `bytes` in `encoding` to UTF-8. Encodings: "utf-8" (checked, not
// converted; "utf8" is taken too) and "gb18030" (what Chinese Excel writes;
// GBK and GB2312 are subsets of it), case-insensitive. Errors: an unknown
// encoding (Location{file_name}), or a byte sequence invalid in the encoding,
// reported at its line and column with its byte offset.
Expected<std::string> to_utf8(std::string_view bytes, std::string_view encoding,
                              const std::string& file_name);

}  // namespace plan
