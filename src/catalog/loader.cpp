#include "mamori/catalog/loader.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <algorithm>
#include <map>
#include <set>

#include "checks.hpp"
#include "json_text.hpp"
#include "schema.hpp"

namespace mamori::catalog {

namespace {

constexpr Field kBundleFields[] = {
    {"kind", Type::str},       {"format_version", Type::integer}, {"edition", Type::object},
    {"mappings", Type::array}, {"canonical_items", Type::array},  {"guideline_entries", Type::array},
};
// kOptionalBundleArrays: bundle members that may be left out (they default to empty).
constexpr std::string_view kOptionalBundleArrays[] = {"mappings", "canonical_items", "guideline_entries"};

constexpr std::string_view kIndexPath = "catalog.json";

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string hex_sha256(std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
    return hex;
}

// same_content: JSON equality that ignores the order of object keys (ordered_json compares it), so a file
// rewritten by a tool that sorts keys is still the same content.
bool same_content(const Json& a, const Json& b) {
    if (a.type() != b.type()) return a == b;
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        for (const auto& [key, value] : a.items()) {
            const auto other = b.find(key);
            if (other == b.end() || !same_content(value, *other)) return false;
        }
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!same_content(a[i], b[i])) return false;
        return true;
    }
    return a == b;
}

// replace_or_add: puts `value` in `list`, replacing an element whose `key` member is equal.
void replace_or_add(std::vector<Located>& list, Located value, std::string_view key) {
    const std::string id = text(value.value, key);
    for (auto& existing : list)
        if (text(existing.value, key) == id) {
            existing = std::move(value);
            return;
        }
    list.push_back(std::move(value));
}

// already_present: whether `list` (array `key` of `file`, then `extra`) holds an element with the same
// `id_key` and the same content as `value`.
bool already_present(const Located& file, std::string_view key, const std::vector<Located>& extra,
                     const Json& value, std::string_view id_key) {
    const std::string id = text(value, id_key);
    const Json& list = member(file.value, key);
    if (list.is_array())
        for (const auto& e : list)
            if (text(e, id_key) == id && same_content(e, value)) return true;
    return std::any_of(extra.begin(), extra.end(), [&](const Located& e) {
        return text(e.value, id_key) == id && same_content(e.value, value);
    });
}

}  // namespace

std::string edition_sha256(const Json& edition) {
    return hex_sha256(edition.dump());
}

std::string Bundle::edition_id() const {
    return text(edition, "id");
}

std::string Bundle::normalized() const {
    Json out = Json::object();
    out["kind"] = "edition_bundle";
    out["format_version"] = member(edition, "format_version");
    out["edition"] = edition;
    out["mappings"] = Json::array();
    for (const auto& m : mappings) out["mappings"].push_back(m);
    out["canonical_items"] = Json::array();
    for (const auto& c : canonical_items) out["canonical_items"].push_back(c);
    out["guideline_entries"] = Json::array();
    for (const auto& g : guideline_entries) out["guideline_entries"].push_back(g);
    return out.dump();
}

Result<Bundle> parse_bundle(std::string_view file, std::string_view text_in) {
    Diagnostics out;
    const auto doc = parse_json_text(file, text_in, out);
    if (!doc) return fail(out.to_error(file));
    Bundle bundle;
    bundle.file = std::string(file);
    const std::string kind = text(*doc, "kind");
    if (kind == "edition") {
        bundle.edition = *doc;
        return bundle;
    }
    const Location root{bundle.file, ""};
    if (kind != "edition_bundle") {
        out.add(
            file, "kind",
            fmt::format("must be \"edition\" (an edition file) or \"edition_bundle\" (an edition with its "
                        "mappings and additions), got {}",
                        quoted(member(*doc, "kind"))));
        return fail(out.to_error(file));
    }
    Json full = *doc;
    for (const auto key : kOptionalBundleArrays)
        if (!full.contains(key)) full[std::string(key)] = Json::array();
    if (check_fields(full, root, kBundleFields, out) && integer(full, "format_version") != 1)
        out.add(file, "format_version",
                fmt::format("is {} but this mamori reads catalog format version 1",
                            quoted(member(*doc, "format_version"))));
    if (!out.empty()) return fail(out.to_error(file));
    bundle.wrapped = true;
    bundle.edition = full["edition"];
    for (const auto& [key, list] :
         {std::pair{"mappings", &bundle.mappings}, std::pair{"canonical_items", &bundle.canonical_items},
          std::pair{"guideline_entries", &bundle.guideline_entries}})
        for (const auto& e : member(full, key)) list->push_back(e);
    return bundle;
}

CatalogBuilder::CatalogBuilder(std::unique_ptr<detail::CatalogSources> sources)
    : sources_(std::move(sources)) {}
CatalogBuilder::CatalogBuilder(const CatalogBuilder& other)
    : sources_(std::make_unique<detail::CatalogSources>(*other.sources_)) {}
CatalogBuilder& CatalogBuilder::operator=(const CatalogBuilder& other) {
    if (this != &other) sources_ = std::make_unique<detail::CatalogSources>(*other.sources_);
    return *this;
}
CatalogBuilder::CatalogBuilder(CatalogBuilder&&) noexcept = default;
CatalogBuilder& CatalogBuilder::operator=(CatalogBuilder&&) noexcept = default;
CatalogBuilder::~CatalogBuilder() = default;

Result<CatalogBuilder> CatalogBuilder::from_files(std::span<const embedded::File> files) {
    Diagnostics out;
    std::map<std::string, Json> parsed;
    std::set<std::string> unreadable;
    for (const auto& f : files) {
        if (!ends_with(f.path, ".json")) continue;
        if (auto doc = parse_json_text(f.path, f.data, out))
            parsed.emplace(std::string(f.path), std::move(*doc));
        else
            unreadable.emplace(f.path);
    }
    const auto index = parsed.find(std::string(kIndexPath));
    if (index == parsed.end()) {
        if (unreadable.count(std::string(kIndexPath)) == 0)
            out.add(kIndexPath, "", "the catalog index catalog.json is missing");
        return fail(out.to_error("the catalog"));
    }

    auto sources = std::make_unique<detail::CatalogSources>();
    sources->index = {index->second, {std::string(kIndexPath), ""}};
    std::set<std::string> listed{std::string(kIndexPath)};
    std::map<std::string, int> singletons;
    const Location files_at{std::string(kIndexPath), "files"};
    const Json& list = member(index->second, "files");
    for (std::size_t i = 0; list.is_array() && i < list.size(); ++i) {
        const Location at = files_at.at(i);
        const std::string path = text(list[i], "path");
        const std::string kind = text(list[i], "kind");
        const auto id = optional_text(list[i], "id");
        if (path.empty()) continue;  // reported by check_index
        if (!listed.insert(path).second) {
            out.add(at.file, join_path(at.path, "path"), fmt::format("\"{}\" is listed twice", path));
            continue;
        }
        const auto doc = parsed.find(path);
        if (doc == parsed.end()) {
            if (unreadable.count(path) == 0)
                out.add(at.file, join_path(at.path, "path"),
                        fmt::format("lists \"{}\" but there is no such file in the catalog", path));
            continue;
        }
        Located located{doc->second, {path, ""}};
        const std::string doc_id = text(doc->second, "id");
        if (kind == "edition" || kind == "mapping") {
            const std::string folder = kind == "edition" ? "editions/" : "mappings/";
            if (!id || *id != doc_id || path != folder + doc_id + ".json")
                out.add(
                    path, "id",
                    fmt::format("is \"{}\": it must match the index id ({}) and the file name ({}{}.json)",
                                doc_id, id ? *id : "null", folder, doc_id));
            if (kind == "edition") {
                if (sources->editions.count(doc_id) > 0)
                    out.add(path, "id", fmt::format("duplicate edition id \"{}\"", doc_id));
                else
                    sources->editions[doc_id].push_back(
                        {located, {1, "embedded", std::nullopt, edition_sha256(doc->second)}});
            } else {
                if (std::any_of(sources->mappings.begin(), sources->mappings.end(),
                                [&](const Located& m) { return text(m.value, "id") == doc_id; }))
                    out.add(path, "id", fmt::format("duplicate mapping id \"{}\"", doc_id));
                else
                    sources->mappings.push_back(std::move(located));
            }
            continue;
        }
        if (kind == "guideline" && singletons[kind] > 0) {
            if (!id || *id != doc_id)
                out.add(path, "id",
                        fmt::format("is \"{}\" but catalog.json lists it as {}", doc_id, id ? *id : "null"));
            else if (doc_id == text(sources->guideline.value, "id") ||
                     std::any_of(sources->later_guidelines.begin(), sources->later_guidelines.end(),
                                 [&](const Located& g) { return text(g.value, "id") == doc_id; }))
                out.add(path, "id", fmt::format("duplicate guideline id \"{}\"", doc_id));
            else
                sources->later_guidelines.push_back(std::move(located));
            continue;
        }
        if (++singletons[kind] > 1) {
            out.add(at.file, join_path(at.path, "kind"),
                    fmt::format("a catalog has exactly one file of kind \"{}\"", kind));
            continue;
        }
        if (kind == "guideline") {
            if (!id || *id != doc_id)
                out.add(path, "id",
                        fmt::format("is \"{}\" but catalog.json lists it as {}", doc_id, id ? *id : "null"));
            sources->guideline = std::move(located);
        } else if (kind == "canonical") {
            sources->canonical = std::move(located);
        } else if (kind == "priorities") {
            sources->priorities = std::move(located);
        }
    }
    for (const auto& [path, doc] : parsed)
        if (listed.count(path) == 0) out.add(path, "", "the file is not listed in catalog.json `files`");
    for (const char* kind : {"guideline", "canonical", "priorities"})
        if (singletons[kind] == 0 && list.is_array())
            out.add(kIndexPath, "files", fmt::format("no file of kind \"{}\" is listed", kind));
    if (!out.empty()) return fail(out.to_error("the catalog"));
    return CatalogBuilder(std::move(sources));
}

Status CatalogBuilder::add_revision(const Bundle& bundle, RevisionInfo info) {
    const std::string id = bundle.edition_id();
    const std::string base = bundle.wrapped ? "edition" : "";
    if (id.empty())
        return fail(ErrorCode::invalid_input, "the edition has no id",
                    fmt::format("{}: {}", bundle.file, join_path(base, "id")));
    auto& revisions = sources_->editions[id];
    if (info.revision == 1 && revisions.size() == 1 && revisions.front().info.source == "embedded")
        revisions.clear();
    const int expected = revisions.empty() ? 1 : revisions.back().info.revision + 1;
    if (info.revision != expected)
        return fail(ErrorCode::conflict,
                    fmt::format("revision {} of edition {} cannot follow revision {}", info.revision, id,
                                expected - 1),
                    bundle.file);
    const std::string sha = edition_sha256(bundle.edition);
    if (!info.sha256.empty() && info.sha256 != sha)
        return fail(
            ErrorCode::internal,
            fmt::format("revision {} of edition {} is damaged: its content does not match its sha256 {}",
                        info.revision, id, info.sha256),
            bundle.file);
    info.sha256 = sha;

    for (std::size_t i = 0; i < bundle.mappings.size(); ++i)
        if (text(bundle.mappings[i], "from_edition") != id && text(bundle.mappings[i], "to_edition") != id)
            return fail(ErrorCode::invalid_input,
                        fmt::format("a bundle may only carry mappings from or to its own edition {}", id),
                        fmt::format("{}: {}", bundle.file, index_path("mappings", i)));

    revisions.push_back({{bundle.edition, {bundle.file, base}}, info});
    for (std::size_t i = 0; i < bundle.mappings.size(); ++i)
        replace_or_add(sources_->mappings, {bundle.mappings[i], {bundle.file, index_path("mappings", i)}},
                       "id");
    for (std::size_t i = 0; i < bundle.canonical_items.size(); ++i)
        if (!already_present(sources_->canonical, "items", sources_->canonical_extra,
                             bundle.canonical_items[i], "canonical_id"))
            sources_->canonical_extra.push_back(
                {bundle.canonical_items[i], {bundle.file, index_path("canonical_items", i)}});
    for (std::size_t i = 0; i < bundle.guideline_entries.size(); ++i)
        if (!already_present(sources_->guideline, "entries", sources_->guideline_extra,
                             bundle.guideline_entries[i], "id"))
            sources_->guideline_extra.push_back(
                {bundle.guideline_entries[i], {bundle.file, index_path("guideline_entries", i)}});
    return {};
}

int CatalogBuilder::latest_revision(std::string_view id) const {
    const auto found = sources_->editions.find(std::string(id));
    return found == sources_->editions.end() || found->second.empty() ? 0
                                                                      : found->second.back().info.revision;
}

Result<std::shared_ptr<const Catalog>> CatalogBuilder::build() const {
    return build_catalog(*sources_);
}

bool adds_nothing(const Catalog& catalog, const Bundle& bundle) {
    const Edition* current = catalog.latest(bundle.edition_id());
    if (current == nullptr || !same_content(current->json, bundle.edition)) return false;
    for (const auto& m : bundle.mappings) {
        const auto found =
            std::find_if(catalog.mappings.begin(), catalog.mappings.end(),
                         [&](const Mapping& existing) { return existing.id == text(m, "id"); });
        if (found == catalog.mappings.end() || !same_content(found->json, m)) return false;
    }
    for (const auto& c : bundle.canonical_items) {
        const CanonicalItem* existing = catalog.find_canonical(text(c, "canonical_id"));
        if (existing == nullptr || !same_content(existing->json, c)) return false;
    }
    for (const auto& g : bundle.guideline_entries) {
        const GuidelineEntry* existing = catalog.guideline.find(text(g, "id"));
        if (existing == nullptr || !same_content(existing->json, g)) return false;
    }
    return true;
}

}  // namespace mamori::catalog
