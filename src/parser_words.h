// The command-line parser's (CLI11's) messages in Chinese. CLI11 words its
// errors in English ("--as-of: 1 required DATE missing", "The following
// argument was not expected: x"); plan's own validators word theirs the
// same way ("'2020-13-01' is not a date (YYYY-MM-DD)"). parser_message()
// knows the shapes of those that a person meets and gives each in both
// languages; a message of any other shape keeps its English in both. Any
// text is taken: a value typed on the command line may be of any length.
#pragma once

#include <string_view>

#include "diagnostic.h"

namespace plan {

// `what`: the error's text (CLI::Error::what()).
Message parser_message(std::string_view what);

}  // namespace plan
