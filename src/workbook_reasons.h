// Why a workbook could not be read, in the words of the libraries that
// read it and in Chinese: libzip's reason (the workbook's zip container)
// and expat's (its XML parts). The English is the library's own; the
// Chinese is plan's for the reasons a damaged or foreign file meets, and
// the library's English for the rest.
#pragma once

#include <expat.h>
#include <zip.h>

#include "diagnostic.h"

namespace plan {

// libzip's error `err` (zip_error_t: a libzip code, and the system's error
// number for the codes that carry one).
Message zip_reason(zip_error_t* err);

// expat's error `code`.
Message xml_reason(XML_Error code);

}  // namespace plan
