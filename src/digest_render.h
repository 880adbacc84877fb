// The renderers of the `plan report` digest (digest.h), one file each:
// digest_text.cpp, digest_markdown.cpp, digest_html.cpp, digest_xlsx.cpp.
// They word the digest's figures through digest_words.h. `o.zh` picks
// Chinese words; colour and BOM are ignored.
#pragma once

#include <string>

#include "diagnostic.h"
#include "digest.h"
#include "render.h"

namespace plan {

// Plain text for mail: at most 80 display columns a line, no colour, record
// text sanitized.
std::string digest_text(const Digest& d, const RenderOptions& o);
// GitHub-flavoured Markdown; tables through render_markdown.
std::string digest_markdown(const Digest& d, const RenderOptions& o);
// One self-contained HTML document: inline CSS and SVG, no scripts, no
// external resources; every text from the plan or the records goes through
// html_escape (html_escape.h).
std::string digest_html(const Digest& d, const RenderOptions& o);
// One Excel workbook (render_xlsx.h), a sheet per section: Summary (the
// headline: period, time progress, status counts), Reports missing (and
// falling due), Changes (needing attention, then the others), Behind (the
// --top flows furthest behind, with a native bar chart of their completion
// against the time progress), Milestones, Units, Recorded (per indicator)
// and By reporter (per by= tag); sheet names and headers in Chinese under
// `o.zh`. A reporter's digest has the Reports missing sheet alone. Errors
// as render_xlsx's.
Expected<std::string> digest_xlsx(const Digest& d, const RenderOptions& o);

}  // namespace plan
