// A backup's manifest as `mamori restore` reads it before touching a database: parse_manifest. A manifest
// it accepts is written back by to_json (as `mamori backup` writes one) and must read back equal.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"
#include "mamori/backup/manifest.hpp"

using mamori::fuzz::fuzz_check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto manifest =
        mamori::backup::parse_manifest({reinterpret_cast<const char*>(data), size}, "fuzz.manifest.json");
    if (!manifest) return 0;
    const auto again = mamori::backup::parse_manifest(mamori::backup::to_json(*manifest), "rewritten");
    fuzz_check(again.has_value(), "a manifest written from an accepted one is accepted");
    fuzz_check(again->bytes == manifest->bytes && again->sha256 == manifest->sha256 &&
                   again->schema_version == manifest->schema_version &&
                   again->row_counts == manifest->row_counts && again->source == manifest->source,
               "a rewritten manifest says the same");
    return 0;
}
