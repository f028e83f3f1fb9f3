#include "mamori/services/catalog_service.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <algorithm>

#include "mamori/catalog/comparison.hpp"
#include "mamori/catalog/views.hpp"
#include "mamori/core/time.hpp"
#include "mamori/store/catalog_repository.hpp"

namespace mamori::services {

namespace {

using catalog::CatalogBuilder;

CatalogView make_view(const catalog::Json& json) {
    CatalogView view{json.dump(), {}};
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(view.body.data(), view.body.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    // 128 bits of the hash are plenty to tell two versions of one answer apart.
    std::string hex;
    for (unsigned int i = 0; i < 16 && i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
    view.etag = fmt::format("\"{}\"", hex);
    return view;
}

std::string stored_label(const store::StoredCatalogRevision& row) {
    return fmt::format("database: {} revision {}", row.edition_id, row.revision);
}

// apply_stored: adds the imported revisions, oldest first, as they were stored.
Status apply_stored(CatalogBuilder& builder, const std::vector<store::StoredCatalogRevision>& rows) {
    for (const auto& row : rows) {
        auto bundle = catalog::parse_bundle(stored_label(row), row.content);
        if (!bundle) return fail(bundle.error());
        auto added = builder.add_revision(*bundle, {row.revision, row.source, row.imported_at, row.sha256});
        if (!added) return fail(added.error());
    }
    return {};
}

// Prepared: what importing a file would do.
struct Prepared {
    catalog::Bundle bundle;
    CatalogSummary summary;
    std::optional<CatalogBuilder> next;  // absent when the import changes nothing
    std::shared_ptr<const catalog::Catalog> catalog;
    std::string sha256;
};

std::string kind_counts(const catalog::FormMapping& fm) {
    std::vector<std::string> parts;
    for (auto kind :
         {catalog::MappingKind::unchanged, catalog::MappingKind::reworded, catalog::MappingKind::merged,
          catalog::MappingKind::split, catalog::MappingKind::added}) {
        const auto n = std::count_if(fm.entries.begin(), fm.entries.end(),
                                     [&](const catalog::MappingEntry& e) { return e.kind == kind; });
        if (n > 0) parts.push_back(fmt::format("{} {}", to_string(kind), n));
    }
    if (!fm.removed.empty()) parts.push_back(fmt::format("removed {}", fm.removed.size()));
    return fmt::format("{}", fmt::join(parts, ", "));
}

CatalogSummary summarize(const catalog::Catalog& before, const catalog::Catalog& after,
                         const catalog::Bundle& bundle) {
    CatalogSummary s;
    s.edition_id = bundle.edition_id();
    const catalog::Edition* edition = after.latest(s.edition_id);
    if (edition == nullptr) return s;
    s.fiscal_year = edition->fiscal_year;
    s.title_ja = edition->title_ja;
    if (const catalog::Edition* current = before.latest(s.edition_id))
        s.current_revision = current->revision.revision;
    for (const auto& f : edition->forms)
        s.forms.push_back(
            {f.id, f.items.size(),
             static_cast<std::size_t>(std::count_if(f.items.begin(), f.items.end(), [](const auto& i) {
                 return i.confidence == catalog::Confidence::inferred;
             }))});
    for (const auto& m : bundle.mappings) {
        const auto id = m.value("id", std::string{});
        for (const auto& mapping : after.mappings)
            if (mapping.id == id)
                for (const auto& fm : mapping.forms)
                    s.mappings.push_back(fmt::format("{} {}: {}", mapping.id, fm.form, kind_counts(fm)));
    }
    for (const auto& c : bundle.canonical_items) {
        const auto id = c.value("canonical_id", std::string{});
        if (before.find_canonical(id) == nullptr) s.new_canonical_ids.push_back(id);
    }
    for (const auto& g : bundle.guideline_entries) {
        const auto id = g.value("id", std::string{});
        if (before.guideline.find(id) == nullptr) s.new_guideline_entries.push_back(id);
    }
    // Without mappings to its neighbours an edition can be read, but answers cannot be carried forward and
    // the editions cannot be compared.
    for (std::size_t i = 0; i < after.editions.size(); ++i) {
        if (after.editions[i].id != s.edition_id) continue;
        if (i > 0 && after.find_mapping(after.editions[i - 1].id, s.edition_id) == nullptr)
            s.warnings.push_back(
                fmt::format("no mapping {}-{}: answers to {} cannot be carried forward and the "
                            "editions cannot be compared",
                            after.editions[i - 1].id, s.edition_id, after.editions[i - 1].id));
        if (i + 1 < after.editions.size() &&
            after.find_mapping(s.edition_id, after.editions[i + 1].id) == nullptr)
            s.warnings.push_back(fmt::format("no mapping {}-{}: the editions cannot be compared",
                                             s.edition_id, after.editions[i + 1].id));
    }
    return s;
}

Result<Prepared> prepare(const CatalogBuilder& current, std::string_view file, std::string_view text,
                         std::string source, std::optional<std::string> imported_at) {
    auto bundle = catalog::parse_bundle(file, text);
    if (!bundle) return fail(bundle.error());
    auto before = current.build();
    if (!before)
        return fail(ErrorCode::internal,
                    fmt::format("the catalog in use is itself invalid ({})", before.error().message));
    std::string sha256 = catalog::edition_sha256(bundle->edition);
    Prepared p{std::move(*bundle), {}, std::nullopt, *before, std::move(sha256)};
    if (catalog::adds_nothing(**before, p.bundle)) {
        p.summary = summarize(**before, **before, p.bundle);
        return p;
    }
    CatalogBuilder next = current;
    const int revision = current.latest_revision(p.bundle.edition_id()) + 1;
    if (auto added = next.add_revision(p.bundle, {revision, std::move(source), std::move(imported_at), {}});
        !added)
        return fail(added.error());
    auto after = next.build();
    if (!after) return fail(after.error());
    p.summary = summarize(**before, **after, p.bundle);
    p.summary.next_revision = revision;
    p.catalog = *after;
    p.next = std::move(next);
    return p;
}

}  // namespace

CatalogSnapshot::CatalogSnapshot(std::shared_ptr<const catalog::Catalog> catalog)
    : catalog_(std::move(catalog)) {
    const catalog::Catalog& c = *catalog_;
    editions_ = make_view(catalog::editions_view(c));
    guideline_ = make_view(c.guideline.json);
    catalog::Json all_guidelines = catalog::Json::array({c.guideline.json});
    for (const auto& later : c.later_guidelines) all_guidelines.push_back(later.json);
    guidelines_ = make_view(catalog::Json{{"guidelines", std::move(all_guidelines)}});
    priorities_ = make_view(c.priorities_json);
    for (const auto& revisions : c.editions)
        for (const auto& edition : revisions.revisions) {
            const int n = edition->revision.revision;
            edition_views_.emplace(std::pair{edition->id, n},
                                   make_view(catalog::edition_view(revisions, *edition)));
            for (const auto& form : edition->forms)
                form_views_.emplace(std::tuple{edition->id, n, form.id},
                                    make_view(catalog::form_view(c, *edition, form)));
        }
    for (const auto& canonical : c.canonical)
        item_views_.emplace(canonical.canonical_id, make_view(catalog::item_history_view(c, canonical)));
}

namespace {

// resolve_revision: the revision number asked for, or the current one; not_found names what is missing.
Result<int> resolve_revision(const catalog::Catalog& c, std::string_view id, std::optional<int> revision) {
    const catalog::EditionRevisions* revisions = c.revisions(id);
    if (revisions == nullptr)
        return fail(ErrorCode::not_found, fmt::format("unknown edition \"{}\"", id), "id");
    if (!revision) return revisions->latest().revision.revision;
    if (revisions->find(*revision) == nullptr)
        return fail(ErrorCode::not_found,
                    fmt::format("edition {} has no revision {} (the current revision is {})", id, *revision,
                                revisions->latest().revision.revision),
                    "revision");
    return *revision;
}

}  // namespace

Result<const CatalogView*> CatalogSnapshot::edition(std::string_view id, std::optional<int> revision) const {
    auto n = resolve_revision(*catalog_, id, revision);
    if (!n) return fail(n.error());
    return &edition_views_.at({std::string(id), *n});
}

Result<const CatalogView*> CatalogSnapshot::form(std::string_view edition, std::string_view form,
                                                 std::optional<int> revision) const {
    auto n = resolve_revision(*catalog_, edition, revision);
    if (!n) return fail(n.error());
    const auto found = form_views_.find({std::string(edition), *n, std::string(form)});
    if (found == form_views_.end())
        return fail(ErrorCode::not_found,
                    fmt::format("edition {} (revision {}) has no form \"{}\"", edition, *n, form), "form");
    return &found->second;
}

Result<const CatalogView*> CatalogSnapshot::item(std::string_view canonical_id) const {
    const auto found = item_views_.find(canonical_id);
    if (found == item_views_.end())
        return fail(ErrorCode::not_found, fmt::format("unknown canonical item \"{}\"", canonical_id),
                    "canonical_id");
    return &found->second;
}

Result<const CatalogView*> CatalogSnapshot::compare(std::string_view from, std::string_view to,
                                                    std::string_view form) const {
    return compare(from, to, form, form);
}

Result<const CatalogView*> CatalogSnapshot::compare(std::string_view from, std::string_view to,
                                                    std::string_view form, std::string_view from_form) const {
    const std::tuple<std::string, std::string, std::string> key{
        from, to, from_form == form ? std::string(form) : fmt::format("{}>{}", from_form, form)};
    {
        std::lock_guard lock(compare_mutex_);
        if (const auto found = compare_views_.find(key); found != compare_views_.end())
            return found->second.get();
    }
    auto comparison = catalog::compare(*catalog_, from, to, from_form, form);
    if (!comparison) return fail(comparison.error());
    auto view =
        std::make_unique<const CatalogView>(make_view(catalog::comparison_view(*catalog_, *comparison)));
    std::lock_guard lock(compare_mutex_);
    // Another thread may have built the same answer meanwhile; keep the first so pointers stay valid.
    return compare_views_.try_emplace(key, std::move(view)).first->second.get();
}

CatalogService::CatalogService(CatalogBuilder embedded, CatalogBuilder current,
                               std::shared_ptr<const catalog::Catalog> catalog, std::size_t stored_revisions)
    : embedded_(std::move(embedded)),
      current_(std::move(current)),
      stored_revisions_(stored_revisions),
      snapshot_(std::make_shared<const CatalogSnapshot>(std::move(catalog))) {}

Result<std::unique_ptr<CatalogService>> CatalogService::load(std::span<const embedded::File> files,
                                                             store::Database* db) {
    auto embedded = CatalogBuilder::from_files(files);
    if (!embedded) return fail(embedded.error());
    CatalogBuilder current = *embedded;
    std::size_t stored_revisions = 0;
    if (db != nullptr) {
        auto exists = store::catalog_revisions_exist(*db);
        if (!exists) return fail(exists.error());
        if (*exists) {
            std::vector<store::StoredCatalogRevision> rows;
            try {
                auto lease = db->acquire();
                rows = store::load_catalog_revisions(*lease);
            } catch (const std::exception& e) {
                return fail(ErrorCode::unavailable,
                            fmt::format("cannot read the imported catalog revisions: {}", e.what()),
                            "database");
            }
            if (auto applied = apply_stored(current, rows); !applied) return fail(applied.error());
            stored_revisions = rows.size();
        }
    }
    auto built = current.build();
    if (!built) return fail(built.error());
    return std::unique_ptr<CatalogService>(
        new CatalogService(std::move(*embedded), std::move(current), *built, stored_revisions));
}

Result<bool> CatalogService::refresh(store::Database& db) {
    std::lock_guard lock(mutex_);
    std::vector<store::StoredCatalogRevision> rows;
    try {
        auto lease = db.acquire();
        if (store::count_catalog_revisions(*lease) == stored_revisions_) return false;
        rows = store::load_catalog_revisions(*lease);
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable,
                    fmt::format("cannot read the imported catalog revisions: {}", e.what()), "database");
    }
    CatalogBuilder next = embedded_;
    if (auto applied = apply_stored(next, rows); !applied) return fail(applied.error());
    auto built = next.build();
    if (!built) return fail(built.error());
    current_ = std::move(next);
    stored_revisions_ = rows.size();
    snapshot_.store(std::make_shared<const CatalogSnapshot>(*built));
    return true;
}

Result<CatalogSummary> CatalogService::validate_file(std::string_view file, std::string_view text) const {
    std::lock_guard lock(mutex_);
    auto prepared = prepare(current_, file, text, "validate", std::nullopt);
    if (!prepared) return fail(prepared.error());
    return prepared->summary;
}

Result<CatalogService::CatalogTrial> CatalogService::try_file(std::string_view file,
                                                             std::string_view text) const {
    std::lock_guard lock(mutex_);
    auto prepared = prepare(current_, file, text, "validate", std::nullopt);
    if (!prepared) return fail(prepared.error());
    return CatalogTrial{prepared->summary, prepared->catalog};
}

Result<CatalogImportReport> CatalogService::import_file(store::Database& db, std::string_view file,
                                                        std::string_view text, std::string source,
                                                        audit::Entry by, const audit::Context& context,
                                                        const ImportStep& in_same_transaction) {
    std::lock_guard lock(mutex_);
    std::optional<Prepared> done;
    std::size_t stored_revisions = 0;
    try {
        auto stored = db.transaction([&](soci::session& sql) -> Status {
            // Re-read inside the write lock: another process may have imported since this one started.
            CatalogBuilder current = embedded_;
            const auto stored = store::load_catalog_revisions(sql);
            if (auto applied = apply_stored(current, stored); !applied) return fail(applied.error());
            stored_revisions = stored.size();
            const std::string now = to_iso_utc(std::chrono::system_clock::now());
            auto prepared = prepare(current, file, text, source, now);
            if (!prepared) return fail(prepared.error());
            if (prepared->next) {
                store::insert_catalog_revision(
                    sql, {prepared->bundle.edition_id(), prepared->summary.next_revision,
                          prepared->bundle.normalized(), prepared->sha256, now, source});
                by.action = "catalog.imported";
                by.target = fmt::format("catalog:{}:{}", prepared->bundle.edition_id(),
                                        prepared->summary.next_revision);
                by.detail = {{"file", file}, {"sha256", prepared->sha256}, {"source", source}};
                audit::append(sql, by, context);
            } else
                prepared->next = std::move(current);
            if (in_same_transaction) {
                const bool imported = prepared->summary.next_revision != 0;
                const CatalogImportReport so_far{
                    prepared->summary, imported,
                    imported ? prepared->summary.next_revision : prepared->summary.current_revision,
                    prepared->sha256};
                if (auto step = in_same_transaction(sql, so_far); !step) return fail(step.error());
            }
            done = std::move(*prepared);
            return {};
        });
        if (!stored) return fail(stored.error());
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable, fmt::format("cannot store the catalog revision: {}", e.what()),
                    "database");
    }
    CatalogImportReport report{
        done->summary, done->summary.next_revision != 0,
        done->summary.next_revision != 0 ? done->summary.next_revision : done->summary.current_revision,
        done->sha256};
    current_ = std::move(*done->next);
    stored_revisions_ = stored_revisions + (report.imported ? 1 : 0);
    snapshot_.store(std::make_shared<const CatalogSnapshot>(done->catalog));
    return report;
}

}  // namespace mamori::services
