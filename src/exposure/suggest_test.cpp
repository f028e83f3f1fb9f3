#include "mamori/exposure/suggest.hpp"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "exposure/test_data.hpp"

namespace mamori::exposure {
namespace {

using nlohmann::json;

const std::map<std::string, SuggestionReason> kReasonNames = {
    {"vendor_matched", SuggestionReason::vendor_matched},
    {"vendor_in_japanese_title", SuggestionReason::vendor_in_japanese_title},
    {"product_equals_model", SuggestionReason::product_equals_model},
    {"model_in_title", SuggestionReason::model_in_title},
    {"model_partly_in_title", SuggestionReason::model_partly_in_title},
    {"os_name_matched", SuggestionReason::os_name_matched},
    {"version_matched", SuggestionReason::version_matched},
    {"version_from_device", SuggestionReason::version_from_device},
    {"deprecated", SuggestionReason::deprecated},
};

// The real CPE API page: every product with its English and Japanese titles and the deprecated flag.
const std::vector<DictionaryEntry>* real_entries() {
    static std::vector<DictionaryEntry> entries;
    static bool loaded = false;
    if (!loaded) {
        loaded = true;
        auto path = testing::shared_data_dir() / "nvd" / "api_responses" / "cpes-2023.json.gz";
        if (!std::filesystem::exists(path)) return nullptr;
        json page = json::parse(testing::read_gzip_file(path));
        for (const auto& product : page.at("products")) {
            const auto& cpe = product.at("cpe");
            DictionaryEntry entry{cpe.at("cpeName"), "", "", cpe.value("deprecated", false)};
            for (const auto& title : cpe.value("titles", json::array())) {
                if (title.value("lang", "") == "en") entry.title_en = title.value("title", "");
                if (title.value("lang", "") == "ja") entry.title_ja = title.value("title", "");
            }
            entries.push_back(std::move(entry));
        }
    }
    return entries.empty() ? nullptr : &entries;
}

DeviceDescription device_of(const json& d) {
    return {d.value("manufacturer", ""), d.value("model", ""), d.value("os_name", ""),
            d.value("os_version", ""), d.value("firmware_version", "")};
}

void run_cases(bool real, int& ran) {
    json file = json::parse(testing::read_text_file(testing::exposure_data_dir() / "suggestion_cases.json"));
    std::vector<DictionaryEntry> hand_made;
    for (const auto& e : file.at("hand_made_entries"))
        hand_made.push_back(
            {e.at("cpe"), e.value("title_en", ""), e.value("title_ja", ""), e.value("deprecated", false)});
    ran = 0;
    for (const auto& test_case : file.at("cases")) {
        bool uses_real = test_case.at("entries") == "shared:cpes-2023";
        if (uses_real != real) continue;
        SCOPED_TRACE(test_case.at("name").get<std::string>());
        const std::vector<DictionaryEntry>* entries = real ? real_entries() : &hand_made;
        if (entries == nullptr) {
            ran = -1;
            return;
        }
        auto suggestions = suggest_cpes(device_of(test_case.at("device")), *entries);
        ++ran;
        if (test_case.value("none", false)) {
            EXPECT_TRUE(suggestions.empty()) << suggestions.front().cpe;
            continue;
        }
        ASSERT_FALSE(suggestions.empty());
        const auto& top = suggestions.front();
        EXPECT_EQ(top.cpe, test_case.at("top").get<std::string>());
        EXPECT_GE(top.confidence, test_case.value("min", 0));
        EXPECT_LE(top.confidence, test_case.value("max", 100));
        for (const auto& name : test_case.value("reasons", json::array()))
            EXPECT_TRUE(top.has(kReasonNames.at(name.get<std::string>()))) << name;
        for (const auto& absent : test_case.value("absent", json::array())) {
            for (const auto& s : suggestions) EXPECT_NE(s.cpe, absent.get<std::string>());
        }
        if (test_case.contains("deprecated_below")) {
            std::string deprecated = test_case.at("deprecated_below");
            auto it = std::find_if(suggestions.begin(), suggestions.end(),
                                   [&](const Suggestion& s) { return s.source_cpe == deprecated; });
            ASSERT_NE(it, suggestions.end()) << deprecated << " not suggested";
            EXPECT_TRUE(it->has(SuggestionReason::deprecated));
            EXPECT_LT(it->confidence, top.confidence);
        }
        for (std::size_t i = 1; i < suggestions.size(); ++i)
            EXPECT_GE(suggestions[i - 1].confidence, suggestions[i].confidence);
    }
}

TEST(CpeSuggestions, HandMadeDictionary) {
    int ran = 0;
    run_cases(false, ran);
    EXPECT_GE(ran, 4);
}

TEST(CpeSuggestions, RealDictionaryPage) {
    int ran = 0;
    run_cases(true, ran);
    if (ran < 0)
        GTEST_SKIP() << "cpes-2023.json.gz not found under " << testing::shared_data_dir()
                     << " (../shared/data is absent): skipped";
    EXPECT_GE(ran, 6);
}

TEST(CpeSuggestions, RespectsTheResultLimit) {
    std::vector<DictionaryEntry> entries;
    for (int i = 0; i < 30; ++i)
        entries.push_back({"cpe:2.3:h:acme:pump_" + std::to_string(i) + ":-:*:*:*:*:*:*:*",
                           "Acme Pump " + std::to_string(i), "", false});
    SuggestOptions options;
    options.max_results = 5;
    auto suggestions = suggest_cpes({"Acme", "Pump", "", "", ""}, entries, options);
    EXPECT_EQ(suggestions.size(), 5u);
}

}  // namespace
}  // namespace mamori::exposure
