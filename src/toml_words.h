// toml++'s messages in Chinese. toml++ words a syntax error in English as
// "Error while parsing SCOPE: DETAIL" ("Error while parsing key-value pair:
// expected '=', saw '\"'"). toml_message() keeps the English and gives in
// Chinese the SCOPE and the DETAILs of the shapes a person editing a plan
// meets: a missing '=' or quote, text not in quotes, a second [plan], a
// bad date or number, a backslash. A detail of any other shape keeps its
// English after the Chinese scope; a message of any other shape keeps all
// its English after "TOML 语法错误：". Where the Chinese names the likely
// mistake (text not in quotes, a closing quote missing, a backslash not
// doubled), the English says it too, after toml++'s words. Any text is
// taken.
#pragma once

#include <string_view>

#include "diagnostic.h"

namespace plan {

// `description`: toml::parse_error::description().
Message toml_message(std::string_view description);

}  // namespace plan
