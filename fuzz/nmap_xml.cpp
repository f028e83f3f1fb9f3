// The reader of nmap's XML output (feeds/nmap_xml): the checks of inventory_reader_check.hpp.
#include "mamori/feeds/nmap_xml.hpp"

#include <cstddef>
#include <cstdint>

#include "inventory_reader_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return mamori::fuzz::check_inventory_reader(data, size, mamori::feeds::read_nmap_xml);
}
