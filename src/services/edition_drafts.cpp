#include "mamori/services/edition_drafts.hpp"

#include <fmt/format.h>

#include "edition_draft_records.hpp"
#include "identity_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/catalog/comparison.hpp"
#include "mamori/catalog/loader.hpp"
#include "mamori/catalog/views.hpp"
#include "mamori/core/time.hpp"

namespace mamori::services {

namespace {

namespace draft_records = edition_draft_records;
using catalog::Json;

constexpr std::string_view kDraftFile = "draft";
constexpr std::size_t kListLimit = 200;

std::string now_text() {
    return to_iso_utc(std::chrono::system_clock::now());
}

tl::unexpected<Error> unavailable(const std::exception& e) {
    return fail(ErrorCode::unavailable, fmt::format("cannot reach the edition drafts: {}", e.what()),
                "database");
}

// relative: a validator path "draft: edition.forms[0]" as the bundle's own path "edition.forms[0]".
std::string relative(const std::string& field, std::string_view file = kDraftFile) {
    const std::string prefix = fmt::format("{}: ", file);
    return field.rfind(prefix, 0) == 0 ? field.substr(prefix.size()) : field;
}

Result<Json> parse_document(std::string_view text) {
    if (text.size() > kMaxDraftBytes)
        return fail(ErrorCode::too_large, fmt::format("the document is larger than {} bytes", kMaxDraftBytes),
                    "document");
    auto bundle = catalog::parse_bundle(kDraftFile, text);  // size, nesting and outer shape
    if (!bundle) {
        Error e = bundle.error();
        for (auto& f : e.fields) f.field = relative(f.field);
        return fail(std::move(e));
    }
    Json json = Json::parse(bundle->normalized());
    return json;
}

int fiscal_year_of(const Json& document) {
    const Json& fy = document["edition"]["fiscal_year"];
    return fy.is_number_integer() && fy.get<int>() >= 2000 && fy.get<int>() <= 2100 ? fy.get<int>() : 0;
}

}  // namespace

Result<bool> EditionDraftService::may_edit(const identity::Caller& caller) {
    try {
        auto lease = db_.acquire();
        return identity::can_edit_catalog(caller, services::records::single_institution(*lease));
    } catch (const std::exception& e) {
        return unavailable(e);
    }
}

Status EditionDraftService::check_editor(const identity::Caller& caller, bool writes) {
    auto allowed = may_edit(caller);
    if (!allowed) return fail(allowed.error());
    if (!*allowed || (writes && !identity::allows_write(caller)))
        return fail(ErrorCode::forbidden,
                    "only administrators of the ministry (or of the institution on a single-institution "
                    "installation) edit checklist editions");
    return {};
}

DraftValidation EditionDraftService::validate(const std::string& document) const {
    DraftValidation v;
    auto summary = catalog_.validate_file(kDraftFile, document);
    if (!summary) {
        for (const auto& f : summary.error().fields) v.errors.push_back({relative(f.field), f.message});
        if (v.errors.empty()) v.errors.push_back({"", summary.error().message});
        return v;
    }
    v.valid = true;
    v.warnings = summary->warnings;
    return v;
}

Result<DraftList> EditionDraftService::list(const identity::Caller& caller) {
    if (auto ok = check_editor(caller, false); !ok) return fail(ok.error());
    DraftList list;
    try {
        auto lease = db_.acquire();
        list.drafts = draft_records::all(*lease, kListLimit);
    } catch (const std::exception& e) {
        return unavailable(e);
    }
    const auto snapshot = catalog_.snapshot();
    for (const auto& e : snapshot->catalog().editions)
        list.editable_editions.push_back(
            {e.id, e.latest().revision.revision, e.latest().fiscal_year, e.latest().title_ja});
    return list;
}

Result<EditionDraft> EditionDraftService::store_new(const identity::Caller& caller, const Json& document,
                                                    const std::string& based_on_edition,
                                                    int based_on_revision, const std::string& action,
                                                    const audit::Context& context) {
    EditionDraft draft;
    draft.edition_id =
        document["edition"]["id"].is_string() ? document["edition"]["id"].get<std::string>() : "";
    draft.fiscal_year = fiscal_year_of(document);
    draft.based_on_edition = based_on_edition;
    draft.based_on_revision = based_on_revision;
    draft.document = document.dump();
    draft.created_at = now_text();
    if (draft.edition_id.empty() || draft.edition_id.size() > 40)
        return fail(ErrorCode::invalid_input, "the edition needs an id of at most 40 characters",
                    "edition.id");
    if (draft.fiscal_year == 0)
        return fail(ErrorCode::invalid_input, "the edition needs a fiscal year between 2000 and 2100",
                    "edition.fiscal_year");
    if (draft.document.size() > kMaxDraftBytes)
        return fail(ErrorCode::too_large, "the draft is too large", "document");
    try {
        auto stored = db_.transaction([&](soci::session& sql) -> Result<std::int64_t> {
            auto id = draft_records::insert(sql, draft, caller.user_id);
            if (!id)
                return fail(
                    ErrorCode::conflict,
                    fmt::format("edition {} already has an open draft: continue that one or discard it",
                                draft.edition_id),
                    "edition_id");
            audit::append(sql,
                          audit::caller_entry(
                              caller, action, fmt::format("catalog_draft:{}", *id),
                              {{"edition", draft.edition_id},
                               {"based_on", fmt::format("{}:{}", based_on_edition, based_on_revision)}}),
                          context);
            return *id;
        });
        if (!stored) return fail(stored.error());
        auto lease = db_.acquire();
        return *draft_records::find(*lease, *stored);
    } catch (const std::exception& e) {
        return unavailable(e);
    }
}

Result<EditionDraft> EditionDraftService::create(const identity::Caller& caller,
                                                 const catalog_editor::StartOptions& options,
                                                 const audit::Context& context) {
    if (auto ok = check_editor(caller, true); !ok) return fail(ok.error());
    const auto snapshot = catalog_.snapshot();
    auto document = catalog_editor::start_draft(snapshot->catalog(), options);
    if (!document) return fail(document.error());
    const catalog::Edition* from = snapshot->catalog().latest(options.from_edition);
    return store_new(caller, *document, options.from_edition, from->revision.revision,
                     "catalog.draft_created", context);
}

Result<EditionDraft> EditionDraftService::import_document(const identity::Caller& caller,
                                                          std::string_view text,
                                                          const audit::Context& context) {
    if (auto ok = check_editor(caller, true); !ok) return fail(ok.error());
    auto document = parse_document(text);
    if (!document) return fail(document.error());
    // Based on the edition its mapping comes from, else (a corrected revision) on its own current revision.
    const auto snapshot = catalog_.snapshot();
    const std::string id =
        (*document)["edition"]["id"].is_string() ? (*document)["edition"]["id"].get<std::string>() : "";
    std::string based_on = id;
    for (const auto& m : (*document)["mappings"])
        if (m.is_object() && m.value("to_edition", "") == id && m["from_edition"].is_string())
            based_on = m["from_edition"].get<std::string>();
    const catalog::Edition* base = snapshot->catalog().latest(based_on);
    if (base == nullptr) {
        // A new edition without a mapping: based on the latest edition before it.
        for (const auto& e : snapshot->catalog().editions)
            if (e.latest().fiscal_year < fiscal_year_of(*document)) base = &e.latest();
    }
    if (base == nullptr)
        return fail(ErrorCode::invalid_input, "the file has no earlier edition to be based on", "mappings");
    catalog_editor::reconcile(snapshot->catalog(), *document);
    return store_new(caller, *document, base->id, base->revision.revision, "catalog.draft_imported", context);
}

Result<EditionDraft> EditionDraftService::get(const identity::Caller& caller, std::int64_t id) {
    if (auto ok = check_editor(caller, false); !ok) return fail(ok.error());
    try {
        auto lease = db_.acquire();
        auto draft = draft_records::find(*lease, id);
        if (!draft) return fail(ErrorCode::not_found, fmt::format("no edition draft {}", id), "id");
        return *draft;
    } catch (const std::exception& e) {
        return unavailable(e);
    }
}

Result<EditionDraft> EditionDraftService::store_version(const identity::Caller& caller, std::int64_t id,
                                                        int version, const Json& document,
                                                        const std::string& action, const Json& detail,
                                                        const audit::Context& context) {
    const std::string text = document.dump();
    if (text.size() > kMaxDraftBytes) return fail(ErrorCode::too_large, "the draft is too large", "document");
    const int fiscal_year = fiscal_year_of(document);
    if (fiscal_year == 0)
        return fail(ErrorCode::invalid_input, "the edition needs a fiscal year between 2000 and 2100",
                    "document.edition.fiscal_year");
    try {
        auto saved = db_.transaction([&](soci::session& sql) -> Status {
            auto current = draft_records::find(sql, id);
            if (!current) return fail(ErrorCode::not_found, fmt::format("no edition draft {}", id), "id");
            if (current->status != "draft")
                return fail(ErrorCode::conflict,
                            fmt::format("draft {} is {}: start a new draft", id, current->status), "status");
            if (document["edition"]["id"] != current->edition_id)
                return fail(
                    ErrorCode::invalid_input,
                    fmt::format("the draft is of edition {}; its id cannot change", current->edition_id),
                    "document.edition.id");
            if (!draft_records::save_version(sql, id, version, text, fiscal_year, caller.user_id, now_text()))
                return fail(ErrorCode::conflict,
                            fmt::format("draft {} was saved meanwhile (version {}, not {}): reload it", id,
                                        current->version, version),
                            "version");
            Json d = detail;
            d["version"] = version + 1;
            audit::append(sql, audit::caller_entry(caller, action, fmt::format("catalog_draft:{}", id), d),
                          context);
            return {};
        });
        if (!saved) return fail(saved.error());
        auto lease = db_.acquire();
        return *draft_records::find(*lease, id);
    } catch (const std::exception& e) {
        return unavailable(e);
    }
}

Result<EditionDraft> EditionDraftService::save(const identity::Caller& caller, std::int64_t id, int version,
                                               const Json& document, const audit::Context& context) {
    if (auto ok = check_editor(caller, true); !ok) return fail(ok.error());
    auto parsed = parse_document(document.dump());
    if (!parsed) return fail(parsed.error());
    return store_version(caller, id, version, *parsed, "catalog.draft_saved", Json::object(), context);
}

Result<EditionDraft> EditionDraftService::operate(const identity::Caller& caller, std::int64_t id,
                                                  int version, const Json& operation,
                                                  const audit::Context& context) {
    if (auto ok = check_editor(caller, true); !ok) return fail(ok.error());
    auto draft = get(caller, id);
    if (!draft) return fail(draft.error());
    if (draft->version != version)
        return fail(ErrorCode::conflict,
                    fmt::format("draft {} was saved meanwhile (version {}, not {}): reload it", id,
                                draft->version, version),
                    "version");
    const auto snapshot = catalog_.snapshot();
    auto next = catalog_editor::apply(snapshot->catalog(), Json::parse(draft->document), operation);
    if (!next) return fail(next.error());
    Json detail{{"op", operation.value("op", "")}};
    for (const auto* key : {"form", "canonical_id", "into"})
        if (operation.contains(key) && operation[key].is_string()) detail[key] = operation[key];
    return store_version(caller, id, version, *next, "catalog.draft_changed", detail, context);
}

Result<std::string> EditionDraftService::compare(const identity::Caller& caller, std::int64_t id,
                                                 const std::string& form, const std::string& from_form) {
    auto draft = get(caller, id);
    if (!draft) return fail(draft.error());
    auto trial = catalog_.try_file(kDraftFile, draft->document);
    if (!trial) {
        Error e = trial.error();
        for (auto& f : e.fields) f.field = relative(f.field);
        return fail(std::move(e));
    }
    auto comparison = catalog::compare(*trial->catalog, draft->based_on_edition, draft->edition_id,
                                       from_form.empty() ? form : from_form, form);
    if (!comparison) return fail(comparison.error());
    return catalog::comparison_view(*trial->catalog, *comparison).dump();
}

Result<PublishedDraft> EditionDraftService::publish(const identity::Caller& caller, std::int64_t id,
                                                    int version, const audit::Context& context) {
    if (auto ok = check_editor(caller, true); !ok) return fail(ok.error());
    auto draft = get(caller, id);
    if (!draft) return fail(draft.error());
    if (draft->status != "draft")
        return fail(ErrorCode::conflict, fmt::format("draft {} is {}", id, draft->status), "status");
    if (draft->version != version)
        return fail(ErrorCode::conflict,
                    fmt::format("draft {} was saved meanwhile (version {}, not {}): reload it", id,
                                draft->version, version),
                    "version");
    const std::string at = now_text();
    const std::string file = fmt::format("{}-draft-{}.json", draft->edition_id, id);
    auto report = catalog_.import_file(
        db_, file, draft->document, fmt::format("editor: draft {}", id),
        audit::caller_entry(caller, "catalog.imported", ""), context,
        [&](soci::session& sql, const CatalogImportReport& so_far) -> Status {
            if (!so_far.imported)
                return fail(ErrorCode::conflict,
                            fmt::format("the draft equals revision {} of {}: nothing to publish",
                                        so_far.revision, draft->edition_id),
                            "document");
            if (!draft_records::set_status(sql, id, version, "published", so_far.revision, caller.user_id, at))
                return fail(ErrorCode::conflict, fmt::format("draft {} changed meanwhile: reload it", id),
                            "version");
            audit::append(
                sql,
                audit::caller_entry(caller, "catalog.draft_published", fmt::format("catalog_draft:{}", id),
                                    {{"edition", draft->edition_id}, {"revision", so_far.revision}}),
                context);
            return {};
        });
    if (!report) {
        Error e = report.error();
        for (auto& f : e.fields) f.field = relative(f.field, file);
        return fail(std::move(e));
    }
    auto after = get(caller, id);
    if (!after) return fail(after.error());
    return PublishedDraft{draft->edition_id, report->revision, *after};
}

Result<EditionDraft> EditionDraftService::discard(const identity::Caller& caller, std::int64_t id,
                                                  const audit::Context& context) {
    if (auto ok = check_editor(caller, true); !ok) return fail(ok.error());
    try {
        auto done = db_.transaction([&](soci::session& sql) -> Status {
            auto current = draft_records::find(sql, id);
            if (!current) return fail(ErrorCode::not_found, fmt::format("no edition draft {}", id), "id");
            if (current->status != "draft")
                return fail(ErrorCode::conflict, fmt::format("draft {} is {}", id, current->status),
                            "status");
            if (!draft_records::set_status(sql, id, current->version, "discarded", std::nullopt, caller.user_id,
                                     now_text()))
                return fail(ErrorCode::conflict, fmt::format("draft {} changed meanwhile: reload it", id),
                            "version");
            audit::append(
                sql,
                audit::caller_entry(caller, "catalog.draft_discarded", fmt::format("catalog_draft:{}", id),
                                    {{"edition", current->edition_id}}),
                context);
            return {};
        });
        if (!done) return fail(done.error());
        auto lease = db_.acquire();
        return *draft_records::find(*lease, id);
    } catch (const std::exception& e) {
        return unavailable(e);
    }
}

}  // namespace mamori::services
