// CPE suggestions: fold the device's free text and the dictionary titles to comparable words, then score
// vendor, product and version evidence (see suggest.hpp for the weights).
#include "mamori/exposure/suggest.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "mamori/core/ascii.hpp"
#include "mamori/exposure/cpe.hpp"
#include "mamori/exposure/version.hpp"

namespace mamori::exposure {
namespace {

constexpr std::uint32_t flag(SuggestionReason r) {
    return static_cast<std::uint32_t>(r);
}

// fold: ASCII lower case; full-width ASCII (U+FF01–U+FF5E) and the ideographic space (U+3000) to ASCII; other
// UTF-8 kept as it is.
std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0x80) {
            out.push_back(' ');
            i += 2;
            continue;
        }
        if (c == 0xEF && i + 2 < text.size()) {
            auto b1 = static_cast<unsigned char>(text[i + 1]);
            auto b2 = static_cast<unsigned char>(text[i + 2]);
            // U+FF01..U+FF3F: EF BC 81..BF; U+FF40..U+FF5E: EF BD 80..9E
            int code = -1;
            if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) code = 0xFF00 + (b2 - 0x80);
            if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) code = 0xFF40 + (b2 - 0x80);
            if (code >= 0) {
                out.push_back(ascii_lower(static_cast<char>(code - 0xFF00 + 0x20)));
                i += 2;
                continue;
            }
        }
        out.push_back(ascii_lower(static_cast<char>(c)));
    }
    return out;
}

bool is_word_byte(char c) {
    auto u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80;
}

// words: runs of letters, digits and non-ASCII bytes in folded text.
std::vector<std::string> words(std::string_view folded) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < folded.size()) {
        while (i < folded.size() && !is_word_byte(folded[i])) ++i;
        std::size_t start = i;
        while (i < folded.size() && is_word_byte(folded[i])) ++i;
        if (i > start) out.emplace_back(folded.substr(start, i - start));
    }
    return out;
}

constexpr std::array<std::string_view, 14> kCompanyWords = {
    "inc", "incorporated", "corp", "corporation", "co",  "ltd",     "limited",
    "llc", "gmbh",         "ag",   "sa",          "plc", "systems", "company"};

bool is_company_word(std::string_view word) {
    return std::find(kCompanyWords.begin(), kCompanyWords.end(), word) != kCompanyWords.end();
}

std::string joined(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& w : list) out += w;
    return out;
}

// The folded manufacturer without Japanese company forms ("富士通株式会社" → 富士通).
std::string folded_maker(std::string_view manufacturer) {
    std::string text = fold(manufacturer);
    for (std::string_view form : {"株式会社", "有限会社", "(株)", "(有)"}) {
        for (auto at = text.find(form); at != std::string::npos; at = text.find(form))
            text.erase(at, form.size());
    }
    return text;
}

// The manufacturer's words without company-form words ("Cisco Systems, Inc." → cisco).
std::vector<std::string> maker_words(std::string_view manufacturer) {
    auto list = words(folded_maker(manufacturer));
    std::vector<std::string> out;
    for (auto& w : list) {
        if (!is_company_word(w)) out.push_back(std::move(w));
    }
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// A version written by the device, as a CPE value (lower case; '\' before characters a CPE quotes).
CpeValue version_value(std::string_view plain) {
    std::string folded = fold(plain);
    CpeValue value{CpeValue::Kind::value, {}};
    for (char c : folded) {
        if (c == ' ') c = '_';
        bool bare = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
        if (!bare) value.text.push_back('\\');
        value.text.push_back(c);
    }
    return value;
}

struct Device {
    std::vector<std::string> maker;
    std::string maker_joined;
    std::string maker_folded;        // for non-ASCII makers found inside the Japanese title
    std::vector<std::string> model;  // model words without the maker's words
    std::string model_joined;
    std::string os_joined;
    std::vector<std::string> os;
    std::string os_version, firmware_version;
};

Device prepare(const DeviceDescription& d) {
    Device device;
    device.maker = maker_words(d.manufacturer);
    device.maker_joined = joined(device.maker);
    device.maker_folded = trimmed_blanks(folded_maker(d.manufacturer));
    for (auto& w : words(fold(d.model))) {
        if (!contains(device.maker, w)) device.model.push_back(std::move(w));
    }
    device.model_joined = joined(device.model);
    for (auto& w : words(fold(d.os_name))) {
        if (!contains(device.maker, w)) device.os.push_back(std::move(w));
    }
    device.os_joined = joined(device.os);
    device.os_version = trimmed_blanks(d.os_version);
    device.firmware_version = trimmed_blanks(d.firmware_version);
    return device;
}

bool has_digit(const std::string& word) {
    return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The share of `wanted` words found in `title`; 0 when wanted is empty or when a word with a digit (a model
// number, the part that tells "Switch 2816" from "Switch 2824") is missing.
double share_found(const std::vector<std::string>& wanted, const std::vector<std::string>& title) {
    if (wanted.empty()) return 0;
    std::size_t found = 0;
    for (const auto& w : wanted) {
        bool here = contains(title, w);
        if (!here && has_digit(w)) return 0;
        found += here ? 1 : 0;
    }
    return static_cast<double>(found) / static_cast<double>(wanted.size());
}

}  // namespace

std::vector<Suggestion> suggest_cpes(const DeviceDescription& description,
                                     std::span<const DictionaryEntry> entries,
                                     const SuggestOptions& options) {
    Device device = prepare(description);
    std::vector<Suggestion> out;
    for (const auto& entry : entries) {
        auto parsed = parse_cpe(entry.cpe);
        if (!parsed || parsed->vendor.kind != CpeValue::Kind::value ||
            parsed->product.kind != CpeValue::Kind::value)
            continue;
        Cpe cpe = std::move(*parsed);
        std::uint32_t reasons = 0;
        int score = 0;

        auto vendor_words = words(fold(unquoted_text(cpe.vendor.text)));
        auto product_words = words(fold(unquoted_text(cpe.product.text)));
        std::string vendor_joined = joined(vendor_words);
        std::string product_joined = joined(product_words);
        auto title_en = words(fold(entry.title_en));
        auto title_ja = words(fold(entry.title_ja));

        bool vendor = !device.maker_joined.empty() &&
                      (vendor_joined == device.maker_joined ||
                       (!title_en.empty() && !device.maker.empty() &&
                        title_en.front() == device.maker.front() && device.maker.size() == 1));
        if (!vendor && !device.maker_folded.empty() &&
            static_cast<unsigned char>(device.maker_folded[0]) >= 0x80 &&
            fold(entry.title_ja).find(device.maker_folded) != std::string::npos) {
            vendor = true;
            reasons |= flag(SuggestionReason::vendor_in_japanese_title);
        }
        if (vendor) {
            reasons |= flag(SuggestionReason::vendor_matched);
            score += 30;
        }

        // Product evidence: the strongest one counts.
        int product_score = 0;
        std::uint32_t product_reason = 0;
        auto consider = [&](int s, SuggestionReason r) {
            if (s > product_score) {
                product_score = s;
                product_reason = flag(r);
            }
        };
        if (!device.model_joined.empty() && device.model_joined == product_joined)
            consider(50, SuggestionReason::product_equals_model);
        bool os_matched = !device.os_joined.empty() && (device.os_joined == product_joined ||
                                                        device.os_joined == vendor_joined + product_joined);
        if (os_matched) consider(45, SuggestionReason::os_name_matched);
        for (const auto* title : {&title_en, &title_ja}) {
            std::vector<std::string> rest;  // title words that are not the maker's
            for (const auto& w : *title) {
                if (!contains(device.maker, w) && !contains(vendor_words, w)) rest.push_back(w);
            }
            double share = share_found(device.model, rest);
            if (share >= 1.0) {
                double closeness = rest.empty() ? 1.0
                                                : static_cast<double>(device.model.size()) /
                                                      static_cast<double>(rest.size());
                consider(40 + static_cast<int>(10 * std::min(1.0, closeness)),
                         SuggestionReason::model_in_title);
            } else if (share > 0.5) {
                consider(static_cast<int>(40 * share), SuggestionReason::model_partly_in_title);
            }
        }
        if (product_score == 0) continue;
        score += product_score;
        reasons |= product_reason;

        // Version evidence: the OS version for an entry the OS name matched, else the firmware (or OS)
        // version for an operating system or firmware ('o'); hardware models keep their own.
        std::string known;
        if (os_matched) {
            known = device.os_version.empty() ? device.firmware_version : device.os_version;
        } else if (cpe.part == 'o') {
            known = device.firmware_version.empty() ? device.os_version : device.firmware_version;
        }
        if (cpe.version.kind == CpeValue::Kind::value) {
            if (known.empty()) {
                score -= 10;
            } else if (std::is_eq(compare_versions(cpe.version.text, fold(known)))) {
                score += 10;
                reasons |= flag(SuggestionReason::version_matched);
            } else {
                // Another version: the entry still names the product; the device's version replaces its own
                // (and its update, which belonged to that version).
                cpe.version = version_value(known);
                cpe.update = CpeValue{};
                reasons |= flag(SuggestionReason::version_from_device);
            }
        } else if (!known.empty() && cpe.part != 'h') {
            cpe.version = version_value(known);
            reasons |= flag(SuggestionReason::version_from_device);
        }
        if (entry.deprecated) {
            score -= 25;
            reasons |= flag(SuggestionReason::deprecated);
        }
        score = std::clamp(score, 0, 100);
        if (score < options.min_confidence) continue;
        std::string suggested = to_formatted(cpe);
        if (parse_cpe(suggested).has_value() == false) continue;  // a device version a CPE cannot carry
        out.push_back({std::move(suggested), entry.cpe, score, reasons});
    }
    std::sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) {
        if (a.confidence != b.confidence) return a.confidence > b.confidence;
        if (a.has(SuggestionReason::deprecated) != b.has(SuggestionReason::deprecated))
            return !a.has(SuggestionReason::deprecated);
        return a.cpe < b.cpe;
    });
    // The same suggested CPE from two entries: keep the best.
    std::vector<Suggestion> unique;
    for (auto& s : out) {
        bool seen =
            std::any_of(unique.begin(), unique.end(), [&](const Suggestion& u) { return u.cpe == s.cpe; });
        if (!seen) unique.push_back(std::move(s));
        if (unique.size() == options.max_results) break;
    }
    return unique;
}

}  // namespace mamori::exposure
