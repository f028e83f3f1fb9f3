#include "evidence_files.hpp"

#include <fmt/format.h>

#include "mamori/assessment/evidence_rules.hpp"
#include "mamori/identity/tokens.hpp"
#include "mamori/services/assessment_service.hpp"

namespace mamori::services::evidence_files {

Result<CheckedFile> check_upload(const std::string& file_name, const std::string& content) {
    if (content.size() > kMaxEvidenceBytes)
        return fail(
            ErrorCode::too_large,
            fmt::format("the file is larger than {} MiB", kMaxEvidenceBytes / (std::size_t{1024} * 1024)),
            "file");
    auto name = assessment::clean_file_name(file_name);
    if (!name) return fail(name.error());
    auto media_type = assessment::sniff_media_type(content, *name);
    if (!media_type) return fail(media_type.error());
    return CheckedFile{std::move(*name), std::move(*media_type), identity::sha256_hex(content)};
}

}  // namespace mamori::services::evidence_files
