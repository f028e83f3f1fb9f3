// The config file (`mamori serve --config FILE`): parse_config_text. Keys and values it accepts are trimmed
// and keys are non-empty; writing the entries back as `key = "value"` lines parses to the same entries.
#include "cli/config_file.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

#include "check.hpp"

using mamori::fuzz::fuzz_check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto entries = mamori::cli::parse_config_text(text, "fuzz.conf");
    if (!entries) return 0;
    std::string rewritten;
    for (const auto& [key, entry] : *entries) {
        fuzz_check(!key.empty() && key.find('=') == std::string::npos, "a key is a name before '='");
        fuzz_check(key.front() != '#' && key.find('\n') == std::string::npos, "a key is on one line");
        rewritten += key + " = \"" + entry.value + "\"\n";
    }
    const auto again = mamori::cli::parse_config_text(rewritten, "rewritten.conf");
    fuzz_check(again.has_value() && again->size() == entries->size(), "rewritten entries parse");
    for (const auto& [key, entry] : *entries)
        fuzz_check(again->contains(key) && again->at(key).value == entry.value,
                   "rewritten entries are equal");
    return 0;
}
