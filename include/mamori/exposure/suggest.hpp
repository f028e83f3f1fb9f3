/// @file
/// @brief CPE suggestions for a device from its free-text description (Japanese or English) and NVD CPE
/// dictionary entries. Pure; src/exposure/suggest.cpp.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace mamori::exposure {

// What an asset says about itself (ledger fields; free text, any width, any case).
struct DeviceDescription {
    std::string manufacturer, model, os_name, os_version, firmware_version;
};

// One entry of the CPE dictionary (cpe_dictionary row): canonical formatted CPE and its titles.
struct DictionaryEntry {
    std::string cpe;
    std::string title_en, title_ja;
    bool deprecated = false;
};

// Why a suggestion was made: flags the UI words in its own language (never shown as codes).
enum class SuggestionReason : std::uint32_t {
    vendor_matched = 1u << 0,            // the manufacturer names the CPE vendor (or the title's maker)
    vendor_in_japanese_title = 1u << 1,  // … found in the Japanese title ("スリーコム")
    product_equals_model = 1u << 2,      // the model is the CPE product ("3C16485")
    model_in_title = 1u << 3,            // every word of the model is in the title
    model_partly_in_title = 1u << 4,     // most words of the model are in the title
    os_name_matched = 1u << 5,           // the OS name is the CPE product ("Windows 7" → windows_7)
    version_matched = 1u << 6,           // the entry's version equals the device's
    version_from_device = 1u << 7,       // the device's version was put in the entry's place
    deprecated = 1u << 9,                // NVD deprecated the entry (lowers confidence)
};

struct Suggestion {
    std::string cpe;            // canonical formatted CPE to store (the entry's, with the version filled in)
    std::string source_cpe;     // the dictionary entry it came from
    int confidence = 0;         // 0–100
    std::uint32_t reasons = 0;  // SuggestionReason flags
    bool has(SuggestionReason r) const { return (reasons & static_cast<std::uint32_t>(r)) != 0; }
};

struct SuggestOptions {
    int min_confidence = 30;
    std::size_t max_results = 10;
};

// suggest_cpes: the dictionary entries that fit the device, best first (confidence, then non-deprecated, then
// CPE). Confidence: vendor 30; product evidence up to 50 (model = product 50, OS name = product 45, every
// model word in a title 40 + closeness up to 10, more than half of them 21–39, but never when a model word
// with a digit is missing); version equal +10, an entry for one specific version when the device's version is
// unknown −10; deprecated −25. An entry for another version than the device's known one is suggested with the
// device's version in its place (version_from_device). Never suggested: an entry without product evidence,
// whatever its vendor. Linear in the entries given (the caller narrows the dictionary first, e.g. by vendor).
std::vector<Suggestion> suggest_cpes(const DeviceDescription& device,
                                     std::span<const DictionaryEntry> entries,
                                     const SuggestOptions& options = {});

}  // namespace mamori::exposure
