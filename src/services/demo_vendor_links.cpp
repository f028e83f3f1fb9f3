#include "demo_vendor_links.hpp"

#include "identity_records.hpp"
#include "mamori/services/systems_register.hpp"
#include "mamori/services/vendor_links.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

const audit::Context kDemoContext{"local", "demo"};
constexpr const char* kImagingVendor = "デモイメージング株式会社";
constexpr const char* kImagingCorporateNumber = "1345678901234";  // fictional, with a right check digit

std::optional<identity::Caller> caller_of(store::Database& db, const std::string& login) {
    auto lease = db.acquire();
    auto user = records::find_user_by_login(*lease, login);
    if (!user) return std::nullopt;
    return records::caller_for(*lease, *user);
}

long long count(store::Database& db, const std::string& query, const std::string& value) {
    auto lease = db.acquire();
    for (const auto& row : store::query(*lease, query, value)) return store::int64_at(row, 0);
    return 0;
}

Status invite_cloud_vendor(store::Database& db, VendorLinks& links) {
    auto clinic = caller_of(db, "sakura@demo.example");
    if (!clinic) return {};
    if (count(db,
              "SELECT COUNT(*) FROM vendor_invitations i JOIN organisations o ON o.id = "
              "i.institution_organisation_id WHERE o.name = :n",
              "さくら内科クリニック") > 0)
        return {};
    SystemsRegister systems(db);
    auto list = systems.list(*clinic);
    if (!list) return fail(list.error());
    VendorInvitationInput input;
    input.vendor_name = "デモクラウドヘルス株式会社";
    for (const auto& s : list->in_use)
        if (s.record.kind == "ehr") input.system_ids.push_back(s.id);
    auto made = links.invite(*clinic, input, kDemoContext);
    if (!made) return fail(made.error());
    return {};
}

Status register_imaging_vendor(store::Database& db, VendorLinks& links) {
    auto ministry = caller_of(db, "mhlw-admin@demo.example");
    auto hospital = caller_of(db, "hospital@demo.example");
    if (!ministry || !hospital) return {};
    if (count(db, "SELECT COUNT(*) FROM organisations WHERE kind = 'vendor' AND name = :n", kImagingVendor) > 0)
        return {};
    auto vendor = links.register_vendor(*ministry, kImagingVendor, std::string(kImagingCorporateNumber), false,
                                        kDemoContext);
    if (!vendor) return fail(vendor.error());
    auto linked = links.link_by_operator(*ministry, vendor->id, hospital->organisation.id, kDemoContext);
    if (!linked) return fail(linked.error());
    SystemsRegister systems(db);
    auto list = systems.list(*hospital);
    if (!list) return fail(list.error());
    for (const auto& s : list->in_use) {
        if (s.record.kind != "pacs") continue;
        auto record = s.record;
        record.vendor_organisation_id = vendor->id;
        record.vendor_name = kImagingVendor;
        auto changed = systems.update(*hospital, s.id, s.version, record, kDemoContext);
        if (!changed) return fail(changed.error());
    }
    return {};
}

}  // namespace

Status create_vendor_links_demo(store::Database& db) {
    VendorLinks links(db);
    if (auto ok = invite_cloud_vendor(db, links); !ok) return ok;
    return register_imaging_vendor(db, links);
}

}  // namespace mamori::services
