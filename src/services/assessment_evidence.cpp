// AssessmentService: evidence files and links.
#include <fmt/format.h>

#include "assessment_records.hpp"
#include "assessment_state.hpp"
#include "evidence_files.hpp"
#include "mamori/assessment/evidence_rules.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/assessment_service.hpp"

namespace mamori::services {

namespace {

namespace st = assessment_state;
using assessment::RowKey;
using identity::Caller;

Status check_evidence_room(const st::Loaded& loaded, soci::session& sql, const RowKey& key) {
    if (!assessment::find_row(*loaded.form, key))
        return fail(ErrorCode::not_found,
                    fmt::format("the checklist has no line {}/{}", key.canonical_id, key.row));
    if (assessment_records::evidence_count(sql, loaded.record.id, key) >= kMaxEvidencePerRow)
        return fail(
            ErrorCode::invalid_input,
            fmt::format("a line holds at most {} pieces of evidence: remove one first", kMaxEvidencePerRow),
            "file");
    return {};
}

Result<Evidence> add_evidence(soci::session& sql, const Caller& caller, const st::Loaded& loaded, Evidence e,
                              const audit::Context& context) {
    e.added_at = to_iso_utc(std::chrono::system_clock::now());
    e.id = assessment_records::insert_evidence(sql, loaded.record.id, e, caller.user_id);
    audit::append(sql,
                  audit::caller_entry(caller, "evidence.added", fmt::format("evidence:{}", e.id),
                                      {{"assessment", loaded.record.id},
                                       {"line", fmt::format("{}/{}", e.key.canonical_id, e.key.row)},
                                       {"kind", e.kind},
                                       {"sha256", e.sha256},
                                       {"url", e.url}}),
                  context);
    auto stored = assessment_records::find_evidence(sql, e.id);
    return stored->evidence;
}

}  // namespace

Result<Evidence> AssessmentService::add_file(const Caller& caller, std::int64_t id, const RowKey& key,
                                             const std::string& file_name, const std::string& content,
                                             const audit::Context& context) {
    auto checked = evidence_files::check_upload(file_name, content);
    if (!checked) return fail(checked.error());
    return db_.transaction([&](soci::session& sql) -> Result<Evidence> {
        auto loaded = st::load_for_update(sql, catalog_, caller, id, st::Access::edit);
        if (!loaded) return fail(loaded.error());
        if (auto ok = check_evidence_room(*loaded, sql, key); !ok) return fail(ok.error());
        assessment_records::store_blob(sql, checked->sha256, checked->media_type, content);
        Evidence e;
        e.key = key;
        e.kind = "file";
        e.file_name = checked->file_name;
        e.sha256 = checked->sha256;
        return add_evidence(sql, caller, *loaded, std::move(e), context);
    });
}

Result<Evidence> AssessmentService::add_link(const Caller& caller, std::int64_t id, const RowKey& key,
                                             const std::string& url, const std::string& title,
                                             const audit::Context& context) {
    if (auto ok = assessment::check_link(url, title); !ok) return fail(ok.error());
    return db_.transaction([&](soci::session& sql) -> Result<Evidence> {
        auto loaded = st::load_for_update(sql, catalog_, caller, id, st::Access::edit);
        if (!loaded) return fail(loaded.error());
        if (auto ok = check_evidence_room(*loaded, sql, key); !ok) return fail(ok.error());
        Evidence e;
        e.key = key;
        e.kind = "link";
        e.url = url;
        e.title = title;
        return add_evidence(sql, caller, *loaded, std::move(e), context);
    });
}

Result<EvidenceFile> AssessmentService::evidence_file(const Caller& caller, std::int64_t evidence_id) {
    auto lease = db_.acquire();
    auto owner = assessment_records::find_evidence(*lease, evidence_id);
    const auto not_found = [&] {
        return fail(ErrorCode::not_found, fmt::format("no evidence {}", evidence_id));
    };
    if (!owner || owner->evidence.kind != "file") return not_found();
    if (auto loaded = st::load(*lease, catalog_, caller, owner->assessment_id, st::Access::read); !loaded)
        return not_found();
    auto content = assessment_records::blob_content(*lease, owner->evidence.sha256);
    if (!content)
        return fail(ErrorCode::internal, fmt::format("evidence {}: its content is missing", evidence_id));
    return EvidenceFile{owner->evidence.file_name, owner->evidence.media_type, std::move(*content)};
}

Status AssessmentService::remove_evidence(const Caller& caller, std::int64_t evidence_id,
                                          const audit::Context& context) {
    return db_
        .transaction([&](soci::session& sql) -> Result<int> {
            auto owner = assessment_records::find_evidence(sql, evidence_id, /*include_removed=*/true);
            if (!owner) return fail(ErrorCode::not_found, fmt::format("no evidence {}", evidence_id));
            auto loaded = st::load_for_update(sql, catalog_, caller, owner->assessment_id, st::Access::edit);
            if (!loaded) {
                if (loaded.error().code == ErrorCode::not_found)
                    return fail(ErrorCode::not_found, fmt::format("no evidence {}", evidence_id));
                return fail(loaded.error());
            }
            if (owner->removed) return 0;
            assessment_records::remove_evidence(sql, evidence_id, caller.user_id);
            audit::append(
                sql,
                audit::caller_entry(caller, "evidence.removed", fmt::format("evidence:{}", evidence_id),
                                    {{"assessment", owner->assessment_id}}),
                context);
            return 0;
        })
        .map([](int) {});
}

}  // namespace mamori::services
