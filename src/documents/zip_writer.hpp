/// @file
/// @brief A zip archive of a few small parts, deflated (for the .docx package): no zip64, no encryption;
/// names and data as given, in order.
///
///     std::string zip = write_zip({{"[Content_Types].xml", types}, {"word/document.xml", body}});
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace mamori::documents {

// write_zip: the archive of (name, data) entries; each part under 4 GiB (the documents are far smaller).
std::string write_zip(const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace mamori::documents
