// Forms per organisation kind: a form names the kinds that answer it (organisation_kinds), every institution
// kind answers exactly one form of an edition, and a merged form's mapping names the earlier form of each
// element (from_form). The fixture r8-merged-bundle.json is a FICTIONAL "R8-like" edition built from R7
// items: one form `institution` for hospitals, clinics, dental clinics and pharmacies; no official wording.
#include <gtest/gtest.h>


#include "mamori/catalog/comparison.hpp"
#include "mamori/catalog/loader.hpp"
#include "mamori/core/embedded.hpp"
#include "testing/catalog_fixtures.hpp"

namespace mamori::catalog {
namespace {

std::string merged_fixture() {
    return testing::catalog_fixture_text("r8-merged-bundle.json");
}

Result<std::shared_ptr<const Catalog>> import_text(const std::string& name, const std::string& text) {
    auto builder = CatalogBuilder::from_files(embedded::catalog_files());
    if (!builder) return fail(builder.error());
    auto bundle = parse_bundle(name, text);
    if (!bundle) return fail(bundle.error());
    auto added = builder->add_revision(*bundle, {builder->latest_revision(bundle->edition_id()) + 1, "test"});
    if (!added) return fail(added.error());
    return builder->build();
}

std::string describe(const Error& e) {
    std::string s = e.message;
    for (const auto& f : e.fields) s += "\n  " + f.field + ": " + f.message;
    return s;
}

// has_error: an error at exactly `field` whose message contains `words`.
bool has_error(const Error& e, const std::string& field, const std::string& words) {
    for (const auto& f : e.fields)
        if (f.field == field && f.message.find(words) != std::string::npos) return true;
    return false;
}

TEST(FormKinds, ShippedEditionsGiveEachKindItsForm) {
    auto catalog = CatalogBuilder::from_files(embedded::catalog_files())->build();
    ASSERT_TRUE(catalog) << describe(catalog.error());
    for (const char* id : {"r5", "r6", "r7"}) {
        const Edition* e = (*catalog)->latest(id);
        ASSERT_NE(e, nullptr) << id;
        for (const char* kind : {"hospital", "clinic", "dental_clinic"})
            EXPECT_EQ(e->form_for_kind(kind)->id, "medical") << id << " " << kind;
        EXPECT_EQ(e->form_for_kind("pharmacy")->id, "pharmacy") << id;
        EXPECT_EQ(e->form_for_kind("vendor")->id, "vendor") << id;
    }
}

TEST(FormKinds, MergedEditionServesEveryInstitutionKindFromOneForm) {
    auto catalog = import_text("r8-merged.json", merged_fixture());
    ASSERT_TRUE(catalog) << describe(catalog.error());
    const Edition* r8 = (*catalog)->latest("r8");
    ASSERT_NE(r8, nullptr);
    ASSERT_EQ(r8->forms.size(), 1u);
    for (const char* kind : {"hospital", "clinic", "dental_clinic", "pharmacy"})
        EXPECT_EQ(r8->form_for_kind(kind)->id, "institution") << kind;
    EXPECT_EQ(r8->form_for_kind("vendor"), nullptr);

    for (const char* earlier : {"medical", "pharmacy"}) {
        auto c = compare(**catalog, "r7", "r8", earlier, "institution");
        ASSERT_TRUE(c) << earlier << ": " << c.error().message;
        EXPECT_EQ(c->from_form, earlier);
        EXPECT_EQ(c->form, "institution");
        EXPECT_EQ(c->added, 1) << earlier;
        EXPECT_EQ(c->entries.size(), 4u + 15u)
            << earlier;  // the 4 merged-form items and the 15 R7 items gone
        EXPECT_EQ(c->removed, 15) << earlier;
    }
    // Through two mappings: R6 pharmacy → R7 pharmacy → R8 merged.
    auto r6 = compare(**catalog, "r6", "r8", "pharmacy", "institution");
    ASSERT_TRUE(r6) << r6.error().message;
    EXPECT_EQ(r6->mappings, (std::vector<std::string>{"r6-r7", "r7-r8"}));
    // The vendor form was not merged: no way leads from it into the institutions' form.
    EXPECT_FALSE(compare(**catalog, "r7", "r8", "vendor", "institution"));
}

TEST(FormKinds, AnInstitutionKindWithoutAFormIsRefused) {
    auto doc = Json::parse(merged_fixture());
    doc["edition"]["forms"][0]["organisation_kinds"] = Json::array({"hospital", "clinic", "dental_clinic"});
    auto result = import_text("no-pharmacy.json", doc.dump());
    ASSERT_FALSE(result);
    EXPECT_TRUE(has_error(result.error(), "no-pharmacy.json: edition.forms",
                          "no form lists \"pharmacy\" in organisation_kinds"))
        << describe(result.error());
}

TEST(FormKinds, AnInstitutionKindWithTwoFormsIsRefused) {
    auto doc = Json::parse(merged_fixture());
    Json vendor = doc["edition"]["forms"][0];  // a second form claiming pharmacies too
    vendor["id"] = "vendor";
    vendor["title_ja"] = "事業者確認用";
    vendor["organisation_kinds"] = Json::array({"pharmacy"});
    doc["edition"]["forms"].push_back(vendor);
    auto result = import_text("two.json", doc.dump());
    ASSERT_FALSE(result);
    EXPECT_TRUE(has_error(result.error(), "two.json: edition.forms[1].organisation_kinds",
                          "\"pharmacy\" already answers form \"institution\" (forms[0])"))
        << describe(result.error());
}

TEST(FormKinds, OrganisationKindsAreCheckedField) {
    auto doc = Json::parse(merged_fixture());
    doc["edition"]["forms"][0]["organisation_kinds"] =
        Json::array({"hospital", "clinic", "dental_clinic", "pharmacy", "clinic", "school"});
    auto result = import_text("kinds.json", doc.dump());
    ASSERT_FALSE(result);
    EXPECT_TRUE(
        has_error(result.error(), "kinds.json: edition.forms[0].organisation_kinds[4]", "listed twice"))
        << describe(result.error());
    EXPECT_TRUE(has_error(result.error(), "kinds.json: edition.forms[0].organisation_kinds[5]",
                          "unknown organisation kind \"school\""))
        << describe(result.error());

    // Only the three forms of R5–R7 may leave the field out (their kinds are known); a new form may not.
    doc = Json::parse(merged_fixture());
    doc["edition"]["forms"][0].erase("organisation_kinds");
    result = import_text("missing.json", doc.dump());
    ASSERT_FALSE(result);
    EXPECT_TRUE(has_error(result.error(), "missing.json: edition.forms[0].organisation_kinds",
                          "required field is missing"))
        << describe(result.error());
}

TEST(FormKinds, AMergedFormNeedsAMappingFromEachEarlierForm) {
    auto doc = Json::parse(merged_fixture());
    auto& forms = doc["mappings"][0]["forms"];
    forms.erase(forms.begin() + 1);  // drop R7 pharmacy → institution
    auto result = import_text("half.json", doc.dump());
    ASSERT_FALSE(result);
    EXPECT_TRUE(has_error(result.error(), "half.json: mappings[0].forms",
                          "\"pharmacy\" answers form \"pharmacy\" in r7 and form \"institution\" in r8"))
        << describe(result.error());

    doc = Json::parse(merged_fixture());
    doc["mappings"][0]["forms"][1]["from_form"] = "medical";  // the same element twice
    result = import_text("twice.json", doc.dump());
    ASSERT_FALSE(result);
    EXPECT_TRUE(
        has_error(result.error(), "twice.json: mappings[0].forms[1].form", "mapped twice from \"medical\""))
        << describe(result.error());
}

}  // namespace
}  // namespace mamori::catalog
