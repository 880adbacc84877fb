// Why a workbook could not be read, in the words of the libraries that
// read it and in Chinese: libzip's reason (the workbook's zip container),
// expat's (its XML parts) and freexl's (an .xls). The English is the
// library's own (freexl has none: plan's); the Chinese is plan's for the
// reasons a damaged or foreign file meets, and the library's English for
// the rest.
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

// freexl's error `code` (freexl.h: FREEXL_CFBF_READ_ERROR, ...), as what
// it means to the person importing, with the code after it: "the file is
// cut short or cannot be read (freexl error -8)". FREEXL_OK: what freexl_open
// answers with no workbook, for a file it could not read.
Message freexl_reason(int code);

}  // namespace plan
