// An asset as the ledger's API reads it (ledger/asset.cpp, asset_json.cpp): a JSON body (depth-limited) to
// record_from_json, normalise_record and check_asset_record; each line of the input also to normalise_ip and
// normalise_mac. A refusal is invalid input naming fields; normalising is idempotent; an address in normal
// form normalises to itself; a record that passes writes JSON that reads back to the same record with no
// changed fields.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "check.hpp"
#include "mamori/core/json_limits.hpp"
#include "mamori/ledger/asset.hpp"

using mamori::fuzz::fuzz_check;
namespace ledger = mamori::ledger;

namespace {

void addresses(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const auto line = text.substr(start, end - start);
        if (const auto ip = ledger::normalise_ip(line))
            fuzz_check(ledger::normalise_ip(*ip) == *ip, "an IP address in normal form normalises to itself");
        if (const auto mac = ledger::normalise_mac(line)) {
            fuzz_check(mac->size() == 17, "a MAC address is six hex pairs");
            fuzz_check(ledger::normalise_mac(*mac) == *mac,
                       "a MAC address in normal form normalises to itself");
        }
        start = end + 1;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 64 * 1024) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    addresses(text);
    const auto body = mamori::parse_limited_json(text, 16);
    if (!body || !body->is_object()) return 0;
    const auto record = ledger::normalise_record(ledger::record_from_json(*body));
    fuzz_check(ledger::normalise_record(record) == record, "normalising is idempotent");
    const auto checked = ledger::check_asset_record(record);
    if (!checked) {
        fuzz_check(checked.error().code == mamori::ErrorCode::invalid_input, "a refusal is invalid input");
        fuzz_check(!checked.error().fields.empty(), "a refusal names its fields");
        return 0;
    }
    const auto again = ledger::record_from_json(ledger::record_json(record));
    fuzz_check(again == record, "a valid record reads back from its JSON");
    fuzz_check(ledger::changed_fields(record, again).empty(), "no field changed");
    return 0;
}
