// The reader of CycloneDX JSON SBOMs (feeds/cyclonedx): the checks of inventory_reader_check.hpp.
#include "mamori/feeds/cyclonedx.hpp"

#include <cstddef>
#include <cstdint>

#include "inventory_reader_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return mamori::fuzz::check_inventory_reader(data, size, mamori::feeds::read_cyclonedx);
}
