// The reader of nmap's XML output (feeds/nmap_xml): any bytes give devices or an error, never a crash or a
// hang; with small limits every limit is reached, and what is read obeys them.
#include "mamori/feeds/nmap_xml.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const mamori::feeds::InventoryLimits limits{
        .max_bytes = 1 << 20, .max_devices = 8, .max_software = 16, .max_depth = 16};
    auto file = mamori::feeds::read_nmap_xml(bytes, "fuzz", limits);
    if (!file) {
        mamori::fuzz::fuzz_check(!file.error().message.empty(), "an error says what is wrong");
        return 0;
    }
    mamori::fuzz::fuzz_check(file->devices.size() <= limits.max_devices, "at most max_devices devices");
    for (const auto& device : file->devices) {
        mamori::fuzz::fuzz_check(!device.where.empty(), "every device says where it is in the file");
        mamori::fuzz::fuzz_check(!device.software || device.software->size() <= limits.max_software,
                                 "at most max_software software entries");
    }
    return 0;
}
