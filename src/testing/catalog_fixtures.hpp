// Unit tests' access to the catalog fixtures of tests/fixtures/catalog (in the source tree, MAMORI_SOURCE_DIR).
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

#include "mamori/catalog/loader.hpp"
#include "mamori/core/embedded.hpp"

namespace mamori::testing {

// catalog_fixture_text: the content of tests/fixtures/catalog/`name`; throws when it cannot be read.
inline std::string catalog_fixture_text(const std::string& name) {
    const auto path = std::filesystem::path(MAMORI_SOURCE_DIR) /
                      "tests/fixtures/catalog" / name;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// catalog_with_fixture: the embedded catalog with the edition bundle `name` added as revision 1 of its
// edition; throws naming the error when the bundle does not load.
inline std::shared_ptr<const catalog::Catalog> catalog_with_fixture(const std::string& name) {
    auto builder = *catalog::CatalogBuilder::from_files(embedded::catalog_files());
    auto bundle = catalog::parse_bundle(name, catalog_fixture_text(name));
    if (!bundle) throw std::runtime_error(bundle.error().message);
    if (auto added = builder.add_revision(*bundle, {1, "test"}); !added)
        throw std::runtime_error(added.error().message);
    return *builder.build();
}

}  // namespace mamori::testing
