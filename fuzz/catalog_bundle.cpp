// A checklist edition offered for import (`mamori catalog import`, the catalog admin API), through the
// steps of the catalog service: parse_bundle (size and nesting limits, duplicate keys), adds_nothing against
// the embedded catalog, add_revision and build (every rule of docs/catalog-format.md). A bundle that builds
// is stored in its normalized form and read back when a server starts, so that form must parse to itself
// and build again with the stored hash.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "check.hpp"
#include "mamori/catalog/loader.hpp"
#include "mamori/core/embedded.hpp"

namespace {

using mamori::fuzz::fuzz_check;
using namespace mamori::catalog;

const CatalogBuilder& embedded_builder() {
    static const CatalogBuilder builder = *CatalogBuilder::from_files(mamori::embedded::catalog_files());
    return builder;
}

const Catalog& embedded_catalog() {
    static const std::shared_ptr<const Catalog> catalog = *embedded_builder().build();
    return *catalog;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto bundle = parse_bundle("fuzz.json", text);
    if (!bundle) {
        fuzz_check(!bundle.error().fields.empty(), "a refused file says where it is wrong");
        return 0;
    }
    if (adds_nothing(embedded_catalog(), *bundle)) return 0;
    CatalogBuilder next = embedded_builder();
    const int revision = next.latest_revision(bundle->edition_id()) + 1;
    if (!next.add_revision(*bundle, {revision, "fuzz", "2026-01-01T00:00:00Z", {}})) return 0;
    if (!next.build()) return 0;

    const std::string stored = bundle->normalized();
    const auto reloaded = parse_bundle("stored", stored);
    fuzz_check(reloaded.has_value(), "a stored revision parses");
    fuzz_check(reloaded->normalized() == stored, "a stored revision normalizes to itself");
    CatalogBuilder restarted = embedded_builder();
    fuzz_check(restarted
                   .add_revision(*reloaded,
                                 {revision, "fuzz", "2026-01-01T00:00:00Z", edition_sha256(bundle->edition)})
                   .has_value(),
               "a stored revision is added back with its hash");
    fuzz_check(restarted.build().has_value(), "a stored revision builds again");
    return 0;
}
