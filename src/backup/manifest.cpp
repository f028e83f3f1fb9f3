#include "mamori/backup/manifest.hpp"

#include <fmt/format.h>

#include <limits>
#include <nlohmann/json.hpp>

#include "mamori/core/json_limits.hpp"

namespace mamori::backup {

namespace {

using nlohmann::json;

tl::unexpected<Error> bad_field(std::string_view where, std::string_view field, std::string_view problem) {
    return fail(ErrorCode::invalid_input, fmt::format("{}: '{}' {}", where, field, problem),
                fmt::format("{}: {}", where, field));
}

bool is_lower_hex(std::string_view text) {
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

}  // namespace

std::filesystem::path manifest_path(const std::filesystem::path& backup_file) {
    auto path = backup_file;
    path += ".manifest.json";
    return path;
}

std::string to_json(const BackupManifest& m) {
    json counts = json::object();
    for (const auto& [table, rows] : m.row_counts) counts[table] = rows;
    const json doc = {
        {"format", kManifestFormat},
        {"database_file", m.database_file},
        {"bytes", m.bytes},
        {"sha256", m.sha256},
        {"schema_version", m.schema_version},
        {"mamori_version", m.mamori_version},
        {"created_at", m.created_at},
        {"source", m.source},
        {"row_counts", counts},
    };
    return doc.dump(2) + "\n";
}

Result<BackupManifest> parse_manifest(std::string_view text, std::string_view where) {
    auto parsed = parse_limited_json(text, 8, where);
    if (!parsed || !parsed->is_object())
        return fail(ErrorCode::invalid_input, fmt::format("{} is not a JSON object", where),
                    std::string(where));
    const json& doc = *parsed;
    auto string_field = [&](const char* name) -> Result<std::string> {
        const auto it = doc.find(name);
        if (it == doc.end() || !it->is_string()) return bad_field(where, name, "is missing or not a string");
        return it->get<std::string>();
    };
    auto format = string_field("format");
    if (!format) return fail(format.error());
    if (*format != kManifestFormat)
        return bad_field(where, "format",
                         fmt::format("is '{}'; this mamori reads '{}' manifests", *format, kManifestFormat));
    BackupManifest m;
    for (auto [name, target] : {std::pair{"database_file", &m.database_file},
                                {"sha256", &m.sha256},
                                {"mamori_version", &m.mamori_version},
                                {"created_at", &m.created_at},
                                {"source", &m.source}}) {
        auto value = string_field(name);
        if (!value) return fail(value.error());
        *target = std::move(*value);
    }
    if (m.sha256.size() != 64 || !is_lower_hex(m.sha256))
        return bad_field(where, "sha256", "is not 64 lowercase hex digits");
    const auto bytes = doc.find("bytes");
    if (bytes == doc.end() || !bytes->is_number_unsigned())
        return bad_field(where, "bytes", "is missing or not a non-negative integer");
    m.bytes = bytes->get<std::uint64_t>();
    const auto version = doc.find("schema_version");
    if (version == doc.end() || !version->is_number_integer() || version->get<std::int64_t>() < 0 ||
        version->get<std::int64_t>() > 1'000'000)
        return bad_field(where, "schema_version", "is missing or not a schema version number");
    m.schema_version = version->get<int>();
    const auto counts = doc.find("row_counts");
    if (counts == doc.end() || !counts->is_object())
        return bad_field(where, "row_counts", "is missing or not an object");
    for (const auto& [table, rows] : counts->items()) {
        // A count is held as int64: a larger unsigned number would come out negative.
        if (!rows.is_number_unsigned() ||
            rows.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return bad_field(where, "row_counts." + table, "is not a non-negative integer");
        m.row_counts[table] = rows.get<std::int64_t>();
    }
    return m;
}

Status check_digest(const BackupManifest& manifest, const FileDigest& actual, std::string_view backup_file) {
    if (actual.bytes != manifest.bytes)
        return fail(
            ErrorCode::invalid_input,
            fmt::format("{} is {} bytes but its manifest says {} bytes: the backup is {}; it is not "
                        "restored",
                        backup_file, actual.bytes, manifest.bytes,
                        actual.bytes < manifest.bytes ? "truncated" : "longer than when it was written"),
            std::string(backup_file));
    if (actual.sha256 != manifest.sha256)
        return fail(ErrorCode::invalid_input,
                    fmt::format("{}: SHA-256 mismatch: the file hashes to {} but its manifest says {}: the "
                                "backup was altered or damaged after it was written; it is not restored",
                                backup_file, actual.sha256, manifest.sha256),
                    std::string(backup_file));
    return {};
}

}  // namespace mamori::backup
