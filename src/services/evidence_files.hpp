// The checks every uploaded evidence file passes before it is stored in evidence_blobs (checklist evidence,
// MDS/SDS): the size limit, a safe file name and the media type sniffed from the content.
#pragma once

#include <string>

#include "mamori/core/error.hpp"

namespace mamori::services::evidence_files {

struct CheckedFile {
    std::string file_name;   // cleaned (assessment::clean_file_name)
    std::string media_type;  // sniffed from the content (assessment::sniff_media_type)
    std::string sha256;      // of the content, its key in evidence_blobs
};

// check_upload: too_large (field "file") beyond kMaxEvidenceBytes; invalid_input naming "file_name" or
// "file" otherwise.
Result<CheckedFile> check_upload(const std::string& file_name, const std::string& content);

}  // namespace mamori::services::evidence_files
