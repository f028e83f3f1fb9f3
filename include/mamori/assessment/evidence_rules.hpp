/// @file
/// @brief What evidence mamori accepts (pure): the file's type decided from its content, never from its
/// name (PDF, PNG, JPEG, Office Open XML workbooks and documents, UTF-8 text/CSV), a safe file name to
/// offer on download, and web links.
///
///     auto type = sniff_media_type(bytes, "台帳.xlsx");   // "application/vnd.openxmlformats-…sheet"
///     auto name = clean_file_name("../../etc/passwd");     // "passwd"
#pragma once

#include <string>
#include <string_view>

#include "mamori/core/error.hpp"

namespace mamori::assessment {

// sniff_media_type: the media type of `content`; invalid_input (field "file") for anything not accepted.
// The name only tells a workbook from a document inside a zip and CSV from plain text.
Result<std::string> sniff_media_type(std::string_view content, std::string_view file_name);

// clean_file_name: the last path component without control characters, at most 200 characters;
// invalid_input (field "file_name") when nothing is left.
Result<std::string> clean_file_name(std::string_view file_name);

// check_link: an http(s) URL of at most 2000 bytes without spaces or control characters, and a title of at
// most 200 characters; invalid_input names "url" or "title".
Status check_link(std::string_view url, std::string_view title);

}  // namespace mamori::assessment
