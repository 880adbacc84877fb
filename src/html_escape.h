// Text into HTML, for the HTML digest (digest_html.cpp, where it is defined).
#pragma once

#include <string>
#include <string_view>

namespace plan {

// & < > " ' as entities (control characters made visible first, as in the
// terminal), safe in element text and in quoted attribute values.
std::string html_escape(std::string_view s);

}  // namespace plan
