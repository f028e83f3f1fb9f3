// The ledger template (feeds/asset_template): the first byte chooses CSV or .xlsx; any bytes give rows or
// an error, never a crash; every row and every issue says where it is in the file.
#include "mamori/feeds/asset_template.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    const mamori::feeds::InventoryLimits limits{.max_bytes = 1 << 20, .max_devices = 16};
    auto file = (data[0] & 1) ? mamori::feeds::read_asset_template_xlsx(bytes, "fuzz.xlsx", limits)
                              : mamori::feeds::read_asset_template_csv(bytes, "fuzz.csv", limits);
    if (!file) return 0;
    mamori::fuzz::fuzz_check(file->devices.size() <= limits.max_devices, "at most max_devices rows");
    for (const auto& device : file->devices) {
        mamori::fuzz::fuzz_check(!device.where.empty(), "every row says where it is");
        for (const auto& issue : device.issues)
            mamori::fuzz::fuzz_check(!issue.where.empty(), "issues say where");
    }
    return 0;
}
