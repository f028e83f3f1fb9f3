#include "mamori/identity/caller.hpp"

#include <gtest/gtest.h>

namespace mamori::identity {
namespace {

OrganisationRef org(std::int64_t id, OrgKind kind, std::string pref = "", std::string municipality = "") {
    return {id, kind, std::nullopt, std::move(pref), std::move(municipality)};
}

Caller caller_in(OrganisationRef o, std::set<Role> roles, std::vector<std::string> municipalities = {}) {
    Caller c;
    c.user_id = 1;
    c.organisation = std::move(o);
    c.roles = std::move(roles);
    c.municipalities = std::move(municipalities);
    return c;
}

const auto kTokyo = org(2, OrgKind::prefecture, "13");
const auto kHealthCentre = org(3, OrgKind::health_centre, "13", "131016");
const auto kClinicChiyoda = org(5, OrgKind::clinic, "13", "131016");
const auto kClinicShinjuku = org(6, OrgKind::clinic, "13", "131041");
const auto kClinicOsaka = org(10, OrgKind::clinic, "27", "271004");
const auto kMinistry = org(1, OrgKind::ministry);
const auto kVendor = org(8, OrgKind::vendor);

TEST(Access, InstitutionsSeeOnlyThemselves) {
    const auto clinic = caller_in(kClinicChiyoda, {Role::administrator});
    EXPECT_TRUE(can_read_organisation(clinic, kClinicChiyoda));
    EXPECT_FALSE(can_read_organisation(clinic, kClinicShinjuku));
    EXPECT_FALSE(can_read_organisation(clinic, kTokyo));
}

TEST(Access, PrefecturesSeeTheirInstitutionsOnly) {
    const auto pref = caller_in(kTokyo, {Role::inspector});
    EXPECT_TRUE(can_read_organisation(pref, kClinicChiyoda));
    EXPECT_TRUE(can_read_organisation(pref, kClinicShinjuku));
    EXPECT_TRUE(can_read_organisation(pref, kHealthCentre));
    EXPECT_FALSE(can_read_organisation(pref, kClinicOsaka));
    EXPECT_FALSE(can_read_organisation(pref, kVendor));
}

TEST(Access, HealthCentresSeeTheirMunicipalitiesOnly) {
    const auto hc = caller_in(kHealthCentre, {Role::inspector}, {"131016"});
    EXPECT_TRUE(can_read_organisation(hc, kClinicChiyoda));
    EXPECT_FALSE(can_read_organisation(hc, kClinicShinjuku));
    EXPECT_FALSE(can_read_organisation(hc, kClinicOsaka));
    const auto no_jurisdiction = caller_in(kHealthCentre, {Role::inspector});
    EXPECT_FALSE(can_read_organisation(no_jurisdiction, kClinicChiyoda));
}

TEST(Access, TheMinistryAndVendorsSeeNoInstitution) {
    EXPECT_FALSE(can_read_organisation(caller_in(kMinistry, {Role::analyst}), kClinicChiyoda));
    EXPECT_FALSE(can_read_organisation(caller_in(kVendor, {Role::vendor_respondent}), kClinicChiyoda));
}

TEST(Access, OnlyAdministratorsManageTheirOwnUsers) {
    EXPECT_TRUE(can_manage_users(caller_in(kClinicChiyoda, {Role::administrator}), kClinicChiyoda));
    EXPECT_FALSE(
        can_manage_users(caller_in(kClinicChiyoda, {Role::security_manager, Role::editor}), kClinicChiyoda));
    EXPECT_FALSE(can_manage_users(caller_in(kTokyo, {Role::administrator}), kClinicChiyoda));
    EXPECT_TRUE(can_read_audit(caller_in(kClinicChiyoda, {Role::administrator}), kClinicChiyoda));
    EXPECT_FALSE(can_read_audit(caller_in(kClinicChiyoda, {Role::viewer}), kClinicChiyoda));
}

TEST(Access, OnboardingFollowsTheSupervisionTree) {
    const auto ministry = caller_in(kMinistry, {Role::administrator});
    EXPECT_TRUE(can_onboard(ministry, kTokyo));
    EXPECT_TRUE(can_onboard(ministry, kVendor));
    EXPECT_FALSE(can_onboard(ministry, kClinicChiyoda));
    const auto pref = caller_in(kTokyo, {Role::administrator});
    EXPECT_TRUE(can_onboard(pref, kClinicShinjuku));
    EXPECT_TRUE(can_onboard(pref, kHealthCentre));
    EXPECT_FALSE(can_onboard(pref, kClinicOsaka));
    EXPECT_FALSE(can_onboard(caller_in(kTokyo, {Role::inspector}), kClinicShinjuku));
    const auto hc = caller_in(kHealthCentre, {Role::administrator}, {"131016"});
    EXPECT_TRUE(can_onboard(hc, kClinicChiyoda));
    EXPECT_FALSE(can_onboard(hc, kClinicShinjuku));
}

TEST(Access, RolesAndMfaRules) {
    EXPECT_EQ(roles_for(OrgKind::pharmacy),
              (std::vector<Role>{Role::administrator, Role::security_manager, Role::editor, Role::viewer}));
    EXPECT_EQ(roles_for(OrgKind::vendor), (std::vector<Role>{Role::administrator, Role::vendor_respondent}));
    EXPECT_TRUE(mfa_required({Role::inspector}));
    EXPECT_TRUE(mfa_required({Role::analyst}));
    EXPECT_TRUE(mfa_required({Role::viewer, Role::administrator}));
    EXPECT_FALSE(mfa_required({Role::editor, Role::security_manager}));
    for (auto r : {Role::administrator, Role::vendor_respondent}) EXPECT_EQ(parse_role(to_string(r)), r);
    EXPECT_FALSE(parse_role("root"));
    EXPECT_FALSE(parse_org_kind("hospital ").has_value());
}

TEST(Access, ReadOnlyTokensCannotWrite) {
    auto c = caller_in(kClinicChiyoda, {Role::editor});
    EXPECT_TRUE(allows_write(c));
    c.api_token_id = 7;
    c.token_scopes = {"read"};
    EXPECT_FALSE(allows_write(c));
    c.token_scopes.insert("write");
    EXPECT_TRUE(allows_write(c));
}

TEST(Access, CatalogEditorsAreMinistryAdministratorsOrTheSingleInstitutionsAdministrator) {
    EXPECT_TRUE(can_edit_catalog(caller_in(kMinistry, {Role::administrator}), false));
    EXPECT_TRUE(can_edit_catalog(caller_in(kMinistry, {Role::administrator}), true));
    EXPECT_FALSE(can_edit_catalog(caller_in(kMinistry, {Role::analyst}), false));
    EXPECT_FALSE(can_edit_catalog(caller_in(kTokyo, {Role::administrator}), false));
    EXPECT_FALSE(can_edit_catalog(caller_in(kHealthCentre, {Role::administrator}), false));
    EXPECT_FALSE(can_edit_catalog(caller_in(kVendor, {Role::administrator}), true));
    // An institution's administrator edits only where no ministry, prefecture or health centre exists.
    EXPECT_FALSE(can_edit_catalog(caller_in(kClinicChiyoda, {Role::administrator}), false));
    EXPECT_TRUE(can_edit_catalog(caller_in(kClinicChiyoda, {Role::administrator}), true));
    EXPECT_FALSE(can_edit_catalog(caller_in(kClinicChiyoda, {Role::security_manager}), true));
}

}  // namespace
}  // namespace mamori::identity
