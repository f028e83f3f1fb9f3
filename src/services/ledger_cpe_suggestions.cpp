// Ledger::cpe_suggestions: CPE names from the NVD CPE dictionary for an asset, with a confidence
// (exposure::suggest_cpes); a person confirms one by adding it to the asset (origin "suggestion").
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "ledger.hpp"
#include "mamori/exposure/suggest.hpp"
#include "mamori/store/like.hpp"
#include "mamori/store/prepared.hpp"

namespace mamori::services {

namespace {

// The dictionary is large (over a million names): the entries read are those of a vendor or a product the
// asset's words could name, at most this many.
constexpr long long kMaxCandidates = 5000;

// words: the ASCII words of `text`, lower case, as CPE names write vendors and products ("Microsoft
// Corporation" → microsoft, corporation; "Windows 7" → windows, 7 and windows_7).
std::set<std::string> words(const std::string& text) {
    std::set<std::string> out;
    std::string word, joined;
    const auto flush = [&] {
        if (word.size() >= 2) out.insert(word);
        if (!word.empty()) {
            if (!joined.empty()) joined += '_';
            joined += word;
        }
        word.clear();
    };
    for (const char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else
            flush();
    }
    flush();
    if (joined.find('_') != std::string::npos) out.insert(joined);
    return out;
}

}  // namespace

Result<std::vector<exposure::Suggestion>> Ledger::cpe_suggestions(const identity::Caller& caller,
                                                                  std::int64_t id) {
    auto found = get(caller, id);
    if (!found) return fail(found.error());
    const auto& r = found->asset.record;
    const exposure::DeviceDescription device{r.manufacturer, r.model, r.os_name, r.os_version, r.firmware_version};
    std::set<std::string> vendors = words(r.manufacturer), products;
    for (const auto* text : {&r.model, &r.os_name})
        for (auto& w : words(*text)) products.insert(std::move(w));
    std::vector<exposure::DictionaryEntry> entries;
    std::set<std::string> seen;
    auto lease = db_.acquire();
    const auto read = [&](const char* column, const std::string& value) {
        for (const auto& row : store::query(*lease,
                                            std::string("SELECT cpe, title_en, title_ja, deprecated FROM cpe_dictionary "
                                                        "WHERE ") +
                                                column + " = :v LIMIT :n",
                                            value, kMaxCandidates)) {
            if (static_cast<long long>(entries.size()) >= kMaxCandidates) return;
            auto cpe = row.get<std::string>(0);
            if (!seen.insert(cpe).second) continue;
            entries.push_back({std::move(cpe), row.get<std::string>(1), row.get<std::string>(2),
                               row.get<int>(3) != 0});
        }
    };
    for (const auto& v : vendors) read("vendor", v);
    for (const auto& p : products) read("product", p);
    // A maker written in Japanese ("富士通") names no vendor: the Japanese titles are searched instead.
    const bool ascii = std::all_of(r.manufacturer.begin(), r.manufacturer.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (entries.empty() && !r.manufacturer.empty() && !ascii)
        for (const auto& row : store::query(*lease,
                                            "SELECT cpe, title_en, title_ja, deprecated FROM cpe_dictionary WHERE "
                                            "title_ja LIKE :t ESCAPE '!' LIMIT :n",
                                            fmt::format("%{}%", store::like_escaped(r.manufacturer)), kMaxCandidates))
            entries.push_back({row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2),
                               row.get<int>(3) != 0});
    auto suggestions = exposure::suggest_cpes(device, entries);
    // What the asset already names is no suggestion.
    std::erase_if(suggestions, [&](const exposure::Suggestion& s) {
        return std::any_of(r.cpes.begin(), r.cpes.end(), [&](const ledger::AssetCpe& c) { return c.cpe == s.cpe; });
    });
    return suggestions;
}

}  // namespace mamori::services
