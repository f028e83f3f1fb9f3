// Row access for edition drafts: the draft rows and their saved versions. Every function works inside the
// caller's session (usually an open transaction) and does no access checks.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mamori/services/edition_drafts.hpp"

namespace mamori::services::edition_draft_records {

std::optional<EditionDraft> find(soci::session& sql, std::int64_t id);
// all: newest first.
std::vector<EditionDraft> all(soci::session& sql, std::size_t limit);
// insert: the draft as version 1 with its first saved version; nullopt (nothing written) when an open draft
// of the same edition exists.
std::optional<std::int64_t> insert(soci::session& sql, const EditionDraft& draft, std::int64_t user_id);
// save_version: the next version of the document, conditional on the stored version being `version` and
// the draft being open: false, and nothing written, otherwise.
[[nodiscard]] bool save_version(soci::session& sql, std::int64_t id, int version, const std::string& document,
                                int fiscal_year, std::int64_t user_id, const std::string& at);
// set_status: published (with its revision) or discarded, conditional like save_version.
[[nodiscard]] bool set_status(soci::session& sql, std::int64_t id, int version, const std::string& status,
                              std::optional<int> published_revision, std::int64_t user_id,
                              const std::string& at);

}  // namespace mamori::services::edition_draft_records
