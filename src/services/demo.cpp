#include "mamori/services/demo.hpp"

#include <fmt/format.h>
#include <soci/boost-optional.h>

#include <boost/optional.hpp>
#include <string>

#include "demo_records.hpp"
#include "mamori/core/time.hpp"

namespace mamori::services {

namespace {

struct DemoOrganisation {
    const char* kind;
    const char* name;
    int parent;  // index into kDemo, or -1
    const char* prefecture;
    const char* municipality;
    const char* facility_id;
    const char* address;
    int beds;  // beds_total, or -1 when not known
};

// Fictional names and facility ids (the 9999… range is not used by the MHLW open data).
constexpr DemoOrganisation kDemo[] = {
    {"ministry", "厚生労働省", -1, nullptr, nullptr, nullptr, "東京都千代田区霞が関1-2-2", -1},
    {"prefecture", "東京都", 0, "13", nullptr, nullptr, nullptr, -1},
    {"health_centre", "デモ区保健所", 1, "13", "131016", nullptr, nullptr, -1},
    {"hospital", "デモ総合病院", 2, "13", "131016", "9913000000001", "東京都千代田区デモ町1-1", 318},
    {"clinic", "さくら内科クリニック", 2, "13", "131016", "9913000000002", "東京都千代田区デモ町2-3", 0},
    {"dental_clinic", "ひまわり歯科医院", 2, "13", "131016", "9913000000003", "東京都千代田区デモ町4-5", 0},
    {"pharmacy", "あおば薬局", 2, "13", "131016", "9913000000004", "東京都千代田区デモ町6-7", -1},
    {"vendor", "デモ医療システム株式会社", -1, nullptr, nullptr, nullptr, "東京都港区デモ1-2-3", -1},
    // A second prefecture, so that every access rule has someone on the other side of it.
    {"prefecture", "大阪府", 0, "27", nullptr, nullptr, nullptr, -1},
    {"clinic", "なにわ診療所", 8, "27", "271004", "9927000000001", "大阪府大阪市デモ区1-1", 12},
};

// kDemoHealthCentre / kDemoJurisdiction: デモ区保健所 covers 千代田区 (131016).
constexpr std::size_t kDemoHealthCentre = 2;
constexpr const char* kDemoJurisdiction = "131016";

boost::optional<std::string> text(const char* value) {
    return value == nullptr ? boost::none : boost::optional<std::string>(value);
}

}  // namespace

std::size_t insert_demo_organisations(soci::session& sql, const DemoOptions& options) {
    const std::string now = to_iso_utc(std::chrono::system_clock::now());
    std::vector<long long> ids;
    for (const auto& org : kDemo) {
        // SOCI binds by reference and runs the statement at the end of the expression: every bound value
        // must outlive it, so no temporaries inside use().
        boost::optional<long long> parent;
        if (org.parent >= 0) parent = ids.at(static_cast<std::size_t>(org.parent));
        const std::string kind = org.kind, name = org.name;
        const auto prefecture = text(org.prefecture), municipality = text(org.municipality),
                   facility = text(org.facility_id), address = text(org.address);
        const auto beds = org.beds < 0 ? boost::none : boost::optional<int>(org.beds);
        long long id = 0;
        sql << "INSERT INTO organisations (kind, name, parent_id, prefecture_code, municipality_code, "
               "facility_id, address, beds_total, created_at) VALUES (:k, :n, :p, :pc, :mc, :f, :a, :b, :c) "
               "RETURNING id",
            soci::use(kind), soci::use(name), soci::use(parent), soci::use(prefecture),
            soci::use(municipality), soci::use(facility), soci::use(address), soci::use(beds), soci::use(now),
            soci::into(id);
        ids.push_back(id);
    }

    // The demo's municipalities by name (real codes of the 全国地方公共団体コード), unless the master is
    // loaded.
    sql << "INSERT INTO municipalities (code, prefecture_code, name, kana, updated_at) "
           "SELECT '131016', '13', '千代田区', 'ちよだく', :at WHERE NOT EXISTS "
           "(SELECT 1 FROM municipalities WHERE code = '131016')",
        soci::use(now);
    sql << "INSERT INTO municipalities (code, prefecture_code, name, kana, updated_at) "
           "SELECT '271004', '27', '大阪市', 'おおさかし', :at WHERE NOT EXISTS "
           "(SELECT 1 FROM municipalities WHERE code = '271004')",
        soci::use(now);

    const long long health_centre_id = ids.at(kDemoHealthCentre);
    const std::string municipality = kDemoJurisdiction;
    sql << "INSERT INTO jurisdictions (organisation_id, municipality_code) VALUES (:o, :m)",
        soci::use(health_centre_id), soci::use(municipality);

    if (options.synthetic_institutions > 0) {
        const long long health_centre = ids.at(kDemoHealthCentre);
        std::string name, facility;
        soci::statement insert =
            (sql.prepare << "INSERT INTO organisations (kind, name, parent_id, prefecture_code, "
                            "municipality_code, facility_id, created_at) VALUES ('clinic', :n, :p, '13', "
                            "'131016', :f, :c)",
             soci::use(name), soci::use(health_centre), soci::use(facility), soci::use(now));
        for (std::size_t i = 0; i < options.synthetic_institutions; ++i) {
            name = fmt::format("合成診療所{:06}", i + 1);
            facility = fmt::format("98{:011}", i + 1);
            insert.execute(true);
        }
    }
    return std::size(kDemo) + options.synthetic_institutions;
}

bool has_demo_organisations(soci::session& sql) {
    // The demo hospital's fictional facility id (the 9999… range is not used by the MHLW open data).
    long long found = 0;
    sql << "SELECT COUNT(*) FROM organisations WHERE facility_id = '9913000000001' AND kind = 'hospital'",
        soci::into(found);
    return found > 0;
}

Result<DemoResult> load_demo(store::Database& db, const DemoOptions& options) {
    return db.transaction([&](soci::session& sql) -> Result<DemoResult> {
        long long existing = 0;
        sql << "SELECT COUNT(*) FROM organisations", soci::into(existing);
        if (existing > 0) return DemoResult{false, static_cast<std::size_t>(existing)};
        return DemoResult{true, insert_demo_organisations(sql, options)};
    });
}

}  // namespace mamori::services
