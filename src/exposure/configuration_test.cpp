#include "mamori/exposure/configuration.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include "exposure/test_data.hpp"

namespace mamori::exposure {
namespace {

using nlohmann::json;

// The NVD vulnerabilities of one response file by CVE id (cached: the pages are read once per run).
const std::map<std::string, json>* records_in(const std::string& file) {
    static std::map<std::string, std::map<std::string, json>> cache;
    if (auto it = cache.find(file); it != cache.end()) return &it->second;
    std::string text;
    if (file.rfind("shared:", 0) == 0) {
        auto path = testing::shared_data_dir() / file.substr(7);
        if (!std::filesystem::exists(path)) return nullptr;
        text = testing::read_gzip_file(path);
    } else {
        text = testing::read_text_file(testing::exposure_data_dir() / file);
    }
    auto& records = cache[file];
    json page = json::parse(text);
    for (const auto& item : page.at("vulnerabilities"))
        records[item.at("cve").at("id").get<std::string>()] = item.at("cve");
    return &records;
}

std::vector<Cpe> device_cpes(const json& device) {
    bool scanner = device.value("scanner", false);
    std::vector<Cpe> cpes;
    for (const auto& text : device.at("cpes")) {
        auto cpe = scanner ? from_scanner_uri(text.get<std::string>()) : parse_cpe(text.get<std::string>());
        EXPECT_TRUE(cpe.has_value()) << text;
        if (cpe) cpes.push_back(*cpe);
    }
    return cpes;
}

// Runs the cases of configuration_cases.json whose record is (real = true) or is not (real = false) read from
// ../shared/data; `ran` counts the devices checked, -1 when the real data is absent.
void run_cases(bool real, int& ran) {
    json cases =
        json::parse(testing::read_text_file(testing::exposure_data_dir() / "configuration_cases.json"));
    ran = 0;
    for (const auto& test_case : cases.at("cases")) {
        std::string file = test_case.at("record").at("file");
        if ((file.rfind("shared:", 0) == 0) != real) continue;
        std::string cve = test_case.at("record").at("cve");
        SCOPED_TRACE(cve + ": " + test_case.at("name").get<std::string>());
        const auto* records = records_in(file);
        if (records == nullptr) {
            ran = -1;
            return;
        }
        auto record = records->find(cve);
        if (record == records->end()) {
            ADD_FAILURE() << cve << " not in " << file;
            continue;
        }
        std::string status = record->second.at("vulnStatus");
        auto configurations = parse_configurations(record->second.value("configurations", json()));
        ASSERT_TRUE(configurations.has_value()) << configurations.error().message;
        if (test_case.contains("products")) {
            std::vector<std::array<std::string, 3>> named;
            for (const auto& key : products_named(*configurations))
                named.push_back({std::string(1, key.part), key.vendor, key.product});
            EXPECT_EQ(json(named), test_case.at("products"));
        }
        for (const auto& device : test_case.at("devices")) {
            SCOPED_TRACE("device " + device.at("cpes").dump() + " (" + device.value("why", "") + ")");
            auto cpes = device_cpes(device);
            Evaluation result = evaluate(*configurations, cpes);
            bool affected = is_matchable(status) && result.affected;
            EXPECT_EQ(affected, device.at("affected").get<bool>());
            if (affected) {
                std::vector<std::string> matched;
                for (auto index : result.matched) matched.push_back(to_formatted(cpes.at(index)));
                EXPECT_EQ(json(matched), device.at("matched"));
            }
            ++ran;
        }
    }
}

TEST(NvdConfigurations, HandMadeRecords) {
    int ran = 0;
    run_cases(false, ran);
    EXPECT_GT(ran, 20);
}

TEST(NvdConfigurations, RealNvdRecords) {
    int ran = 0;
    run_cases(true, ran);
    if (ran < 0)
        GTEST_SKIP() << "real NVD responses not found under " << testing::shared_data_dir()
                     << " (../shared/data is absent): skipped";
    EXPECT_GT(ran, 30);
}

TEST(NvdConfigurations, RejectedIsNotMatchable) {
    EXPECT_FALSE(is_matchable("Rejected"));
    EXPECT_TRUE(is_matchable("Analyzed"));
    EXPECT_TRUE(is_matchable("Modified"));
    EXPECT_TRUE(is_matchable("Undergoing Analysis"));
    EXPECT_TRUE(is_matchable("Awaiting Analysis"));
}

// Every configuration in the two real pages parses; each record that has configurations names products.
TEST(NvdConfigurations, EveryRealRecordParses) {
    for (std::string file :
         {"shared:nvd/api_responses/cves-2023.json.gz", "shared:nvd/api_responses/cves-1999.json.gz"}) {
        const auto* records = records_in(file);
        if (records == nullptr) {
            GTEST_SKIP() << "real NVD responses not found under " << testing::shared_data_dir()
                         << ": skipped";
        }
        EXPECT_EQ(records->size(), 200u) << file;
        for (const auto& [id, cve] : *records) {
            auto configurations = parse_configurations(cve.value("configurations", json()));
            ASSERT_TRUE(configurations.has_value()) << id << ": " << configurations.error().message;
            if (!configurations->empty()) {
                EXPECT_FALSE(products_named(*configurations).empty()) << id;
            }
        }
    }
}

TEST(NvdConfigurations, RefusesBadShapesNamingThePath) {
    json cases =
        json::parse(testing::read_text_file(testing::exposure_data_dir() / "bad_configurations.json"));
    for (const auto& test_case : cases.at("cases")) {
        auto parsed = parse_configurations(test_case.at("configurations"));
        ASSERT_FALSE(parsed.has_value()) << test_case.dump();
        EXPECT_EQ(parsed.error().code, ErrorCode::invalid_input);
        EXPECT_NE(parsed.error().message.find(test_case.at("error").get<std::string>()), std::string::npos)
            << parsed.error().message;
    }
}

TEST(NvdConfigurations, RefusesRecordsOverTheLimits) {
    json match = {{"vulnerable", true}, {"criteria", "cpe:2.3:a:foo:bar:*:*:*:*:*:*:*:*"}};
    json node = {{"operator", "OR"}, {"cpeMatch", json::array({match, match, match})}};
    json configurations = json::array({{{"nodes", json::array({node, node})}}});
    ConfigurationLimits limits;
    limits.max_matches = 5;
    auto parsed = parse_configurations(configurations, limits);
    ASSERT_FALSE(parsed.has_value());
    EXPECT_NE(parsed.error().message.find("configurations[0].nodes[1].cpeMatch: more than 5"),
              std::string::npos)
        << parsed.error().message;
    limits = {};
    limits.max_nodes = 1;
    parsed = parse_configurations(configurations, limits);
    ASSERT_FALSE(parsed.has_value());
    EXPECT_NE(parsed.error().message.find("more than 1 nodes"), std::string::npos) << parsed.error().message;
    EXPECT_TRUE(parse_configurations(configurations).has_value());
}

// The findings service evaluates each parsed record against many devices; this keeps the per-pair cost small.
TEST(NvdConfigurations, EvaluatingManyDevicesIsCheap) {
    const auto* records = records_in("shared:nvd/api_responses/cves-2023.json.gz");
    if (records == nullptr) GTEST_SKIP() << "real NVD responses not found: skipped";
    std::vector<std::vector<Configuration>> parsed;
    for (const auto& [id, cve] : *records)
        parsed.push_back(*parse_configurations(cve.value("configurations", json())));
    std::vector<Cpe> device = {*parse_cpe("cpe:2.3:a:atlassian:bitbucket:7.6.18:*:*:*:*:*:*:*"),
                               *parse_cpe("cpe:2.3:o:microsoft:windows_10:21h2:*:*:*:*:*:*:*"),
                               *parse_cpe("cpe:2.3:h:nvidia:geforce:-:*:*:*:*:*:*:*")};
    auto start = std::chrono::steady_clock::now();
    std::size_t affected = 0;
    for (int round = 0; round < 500; ++round) {
        for (const auto& configurations : parsed)
            affected += evaluate(configurations, device).affected ? 1 : 0;
    }
    auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    EXPECT_EQ(affected, 500u);  // CVE-2022-43781 (bitbucket 7.6.18), once per round
    // 100,000 full evaluations; generous for a shared CI machine.
    EXPECT_LT(elapsed.count(), 5000);
}

}  // namespace
}  // namespace mamori::exposure

namespace mamori::exposure {
namespace {

// tests/data/exposure/name_matching.tsv: NISTIR 7696 attribute comparison and the two documented departures.
TEST(CpeNameMatching, DataFile) {
    auto rows = testing::read_tsv(testing::exposure_data_dir() / "name_matching.tsv");
    ASSERT_GT(rows.size(), 20u);
    for (const auto& row : rows) {
        ASSERT_EQ(row.cells.size(), 5u) << "line " << row.line;
        SCOPED_TRACE("name_matching.tsv line " + std::to_string(row.line) + ": " + row.cells[4]);
        auto criterion = parse_cpe(row.cells[0]);
        auto device = parse_cpe(row.cells[1]);
        ASSERT_TRUE(criterion.has_value()) << criterion.error().message;
        ASSERT_TRUE(device.has_value()) << device.error().message;
        EXPECT_EQ(cpe_name_matches(*criterion, *device, row.cells[2] == "yes"), row.cells[3] == "match");
    }
}

}  // namespace
}  // namespace mamori::exposure
