// Writing a libxlsxwriter workbook and getting its bytes: libxlsxwriter 1.1.4 writes only to a file, so the
// workbook goes to a temporary file that is read back and removed whatever happens.
#pragma once

#include <xlsxwriter.h>

#include <functional>
#include <string>

#include "mamori/core/error.hpp"

namespace mamori::documents {

// render_workbook: a new workbook handed to `fill` (which adds sheets and cells; an error from it is
// returned as is), then closed and read back; internal when libxlsxwriter or the file system fails.
Result<std::string> render_workbook(const std::function<Status(lxw_workbook*)>& fill);

}  // namespace mamori::documents
