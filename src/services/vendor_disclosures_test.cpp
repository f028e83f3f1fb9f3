// VendorDisclosures inside the process: the counting function for the checklist's MDS/SDS line
// (disclosure_summary), which systems it counts and how uploads and withdrawals move it.
#include "mamori/services/vendor_disclosures.hpp"

#include <gtest/gtest.h>

#include "identity_records.hpp"
#include "mamori/services/demo.hpp"
#include "testing/temp_database.hpp"

namespace mamori::services {
namespace {

constexpr const char* kPdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

class VendorDisclosuresTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(load_demo(temp.db(), {}));
        auto lease = temp.db().acquire();
        soci::session& sql = *lease;
        sql << "SELECT id FROM organisations WHERE name = 'さくら内科クリニック'", soci::into(clinic);
        sql << "INSERT INTO organisations (kind, name, created_at) VALUES ('vendor', "
               "'テスト医療システム株式会社', "
               "'2026-01-01T00:00:00Z') RETURNING id",
            soci::into(vendor_org);
        sql << "INSERT INTO vendor_links (institution_organisation_id, vendor_organisation_id, via, "
               "created_at) "
               "VALUES (:i, :v, 'operator', '2026-01-01T00:00:00Z')",
            soci::use(clinic), soci::use(vendor_org);
        ehr = system(sql, "電子カルテ", vendor_org);
        receipt = system(sql, "レセコン", vendor_org);
        system(sql, "PACS", std::nullopt);  // no linked vendor: not counted
        product = product_of(sql, "テストカルテ");
        sql << "INSERT INTO system_products (system_id, vendor_product_id, set_at) VALUES (:s, :p, "
               "'2026-01-01T00:00:00Z')",
            soci::use(ehr), soci::use(product);
        vendor = person(sql, "respondent@vendor.example", vendor_org, "vendor_respondent");
    }

    long long system(soci::session& sql, const std::string& name, std::optional<long long> by) {
        long long id = 0;
        soci::indicator ind = by ? soci::i_ok : soci::i_null;
        long long v = by.value_or(0);
        sql << "INSERT INTO systems (organisation_id, kind, name, vendor_organisation_id, data_location, "
               "backup_responsibility, created_at, updated_at) VALUES (:o, 'ehr', :n, :v, 'on_premises', "
               "'vendor', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
            soci::use(clinic), soci::use(name), soci::use(v, ind), soci::into(id);
        return id;
    }

    long long product_of(soci::session& sql, const std::string& name) {
        long long id = 0;
        sql << "INSERT INTO vendor_products (vendor_organisation_id, name, created_at) VALUES (:v, :n, "
               "'2026-01-01T00:00:00Z') RETURNING id",
            soci::use(vendor_org), soci::use(name), soci::into(id);
        return id;
    }

    identity::Caller person(soci::session& sql, const std::string& login, long long org,
                            const std::string& role) {
        long long id = 0;
        sql << "INSERT INTO users (organisation_id, login, display_name, password_hash, created_at, "
               "updated_at, "
               "password_changed_at) VALUES (:o, :l, :l2, 'x', '2026-01-01T00:00:00Z', "
               "'2026-01-01T00:00:00Z', "
               "'2026-01-01T00:00:00Z') RETURNING id",
            soci::use(org), soci::use(login), soci::use(login), soci::into(id);
        sql << "INSERT INTO user_roles (user_id, role) VALUES (:u, :r)", soci::use(id), soci::use(role);
        return records::caller_for(sql, *records::find_user(sql, id));
    }

    DisclosureSummary summary() {
        auto lease = temp.db().acquire();
        return disclosure_summary(*lease, clinic);
    }

    testing::TempDatabase temp;
    audit::Context context{"127.0.0.1", "test"};
    long long clinic = 0, vendor_org = 0, ehr = 0, receipt = 0, product = 0;
    identity::Caller vendor;
};

TEST_F(VendorDisclosuresTest, SummaryCountsLinkedSystemsAndNamesThoseWithoutACurrentOne) {
    VendorDisclosures service(temp.db());
    auto before = summary();
    EXPECT_EQ(before.systems_with_vendor, 2);
    EXPECT_EQ(before.with_current, 0);
    EXPECT_EQ(before.without, (std::vector<std::string>{"レセコン", "電子カルテ"}));

    // An outdated MDS does not count; a current SDS does.
    auto old =
        service.upload(vendor, product, {"mds", "Ver.4.0", "2019-04-01", "", "mds.pdf", kPdf}, context);
    ASSERT_TRUE(old) << old.error().message;
    EXPECT_EQ(old->state, "outdated");
    EXPECT_EQ(summary().with_current, 0);
    auto sds =
        service.upload(vendor, product, {"sds", "Ver.5.0", "2025-04-01", "", "sds.pdf", kPdf}, context);
    ASSERT_TRUE(sds) << sds.error().message;
    auto after = summary();
    EXPECT_EQ(after.with_current, 1);
    EXPECT_EQ(after.without, (std::vector<std::string>{"レセコン"}));

    // Withdrawn, it counts no more.
    ASSERT_TRUE(service.withdraw(vendor, sds->id, "誤登録", context));
    EXPECT_EQ(summary().with_current, 0);
}

TEST_F(VendorDisclosuresTest, AnEndedLinkOrARetiredSystemIsNotCounted) {
    {
        auto lease = temp.db().acquire();
        *lease << "UPDATE systems SET status = 'retired' WHERE id = :id", soci::use(receipt);
        *lease << "UPDATE vendor_links SET ended_at = '2026-02-01T00:00:00Z' WHERE "
                  "institution_organisation_id = :i",
            soci::use(clinic);
    }
    const auto s = summary();
    EXPECT_EQ(s.systems_with_vendor, 0);
    EXPECT_TRUE(s.without.empty());
}

}  // namespace
}  // namespace mamori::services
