#include "mamori/catalog/comparison.hpp"

#include <gtest/gtest.h>

#include "mamori/catalog/loader.hpp"
#include "mamori/catalog/views.hpp"

namespace mamori::catalog {
namespace {

std::shared_ptr<const Catalog> embedded_catalog() {
    static const auto catalog = *CatalogBuilder::from_files(embedded::catalog_files())->build();
    return catalog;
}

std::vector<std::string> ids_with(const Comparison& c, ChangeStatus status) {
    std::vector<std::string> ids;
    for (const auto& e : c.entries)
        if (e.status == status)
            ids.push_back(e.to_item != nullptr ? e.to_item->canonical_id : e.from_items.at(0)->canonical_id);
    return ids;
}

TEST(Comparison, R6ToR7MedicalShowsTheFiveNewItemsAndTheMergedPatchItem) {
    auto c = compare(*embedded_catalog(), "r6", "r7", "medical");
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->mappings, std::vector<std::string>{"r6-r7"});
    EXPECT_EQ(ids_with(*c, ChangeStatus::added),
              (std::vector<std::string>{"IAM-03", "IAM-04", "DEV-01", "IAM-05", "GOV-02"}));
    EXPECT_EQ(c->added, 5);
    EXPECT_EQ(c->changed, 2);  // the reworded IAM-01 and the merged VUL-01
    EXPECT_EQ(c->unchanged, 11);
    EXPECT_EQ(c->removed, 0);
    ASSERT_EQ(c->entries.size(), 18u);

    const auto patch = std::find_if(c->entries.begin(), c->entries.end(), [](const ComparisonEntry& e) {
        return e.to_item != nullptr && e.to_item->canonical_id == "VUL-01";
    });
    ASSERT_NE(patch, c->entries.end());
    EXPECT_EQ(patch->kind, MappingKind::merged);
    EXPECT_EQ(patch->status, ChangeStatus::changed);
    EXPECT_TRUE(patch->renumbered);
    EXPECT_EQ(patch->to_item->number, "2-⑥");
    ASSERT_EQ(patch->from_items.size(), 1u);  // three rows of ONE R6 item
    EXPECT_EQ(patch->from_items[0]->number, "2-(7)");
    EXPECT_EQ(patch->from.at(0).rows, (std::vector<std::string>{"server", "terminal", "network"}));
    EXPECT_EQ(patch->to->rows, std::vector<std::string>{"general"});

    // Entries follow the printed order of R7.
    const std::vector<std::string> numbers = {"1-①", "2-①", "2-②", "2-③", "2-④", "2-⑤", "2-⑥", "2-⑦", "2-⑧",
                                              "2-⑨", "2-⑩", "2-⑪", "2-⑫", "2-⑬", "3-①", "3-②", "3-③", "3-④"};
    for (std::size_t i = 0; i < numbers.size(); ++i) EXPECT_EQ(c->entries[i].to_item->number, numbers[i]);
}

TEST(Comparison, RenumberingAloneCountsAsUnchanged) {
    auto c = compare(*embedded_catalog(), "r6", "r7", "medical");
    ASSERT_TRUE(c);
    const auto log = std::find_if(c->entries.begin(), c->entries.end(), [](const ComparisonEntry& e) {
        return e.to_item != nullptr && e.to_item->canonical_id == "LOG-01";
    });
    ASSERT_NE(log, c->entries.end());
    EXPECT_EQ(log->status, ChangeStatus::unchanged);
    EXPECT_TRUE(log->renumbered);  // 2-(6) → 2-⑪
    EXPECT_EQ(log->changes, (std::vector<std::string>{"number", "target"}));
}

TEST(Comparison, VendorHasFourNewItems) {
    auto c = compare(*embedded_catalog(), "r6", "r7", "vendor");
    ASSERT_TRUE(c);
    EXPECT_EQ(ids_with(*c, ChangeStatus::added),
              (std::vector<std::string>{"IAM-03", "IAM-04", "DEV-01", "IAM-05"}));
    EXPECT_EQ(c->unchanged, 10);
    EXPECT_EQ(c->changed, 2);
}

TEST(Comparison, NonConsecutiveEditionsComposeTheMappings) {
    auto c = compare(*embedded_catalog(), "r5", "r7", "medical");
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->mappings, (std::vector<std::string>{"r5-r6", "r6-r7"}));
    EXPECT_EQ(ids_with(*c, ChangeStatus::added),
              (std::vector<std::string>{"IAM-03", "IAM-04", "DEV-01", "IAM-05", "GOV-02"}));
    EXPECT_EQ(c->changed, 2);
    EXPECT_EQ(c->unchanged, 11);
    EXPECT_EQ(c->removed, 0);
    const auto patch = std::find_if(c->entries.begin(), c->entries.end(), [](const ComparisonEntry& e) {
        return e.to_item != nullptr && e.to_item->canonical_id == "VUL-01";
    });
    EXPECT_EQ(patch->kind, MappingKind::merged);
    EXPECT_EQ(patch->from_items.at(0)->number, "2-(7)");
    EXPECT_TRUE(patch->renumbered);
    ASSERT_TRUE(patch->note.has_value());
    EXPECT_NE(patch->note->find("r6-r7: "), std::string::npos) << *patch->note;
}

TEST(Comparison, RefusesWhatHasNoAnswer) {
    const Catalog& c = *embedded_catalog();
    auto backwards = compare(c, "r7", "r5", "medical");
    ASSERT_FALSE(backwards);
    EXPECT_EQ(backwards.error().code, ErrorCode::invalid_input);
    EXPECT_NE(backwards.error().message.find("no mapping leads from r7 form medical to r5 form medical"),
              std::string::npos);
    EXPECT_EQ(compare(c, "r6", "r6", "medical").error().code, ErrorCode::invalid_input);
    auto unknown = compare(c, "r6", "r9", "medical");
    EXPECT_EQ(unknown.error().code, ErrorCode::not_found);
    EXPECT_NE(unknown.error().message.find("r9"), std::string::npos);
    auto form = compare(c, "r6", "r7", "dental");
    EXPECT_EQ(form.error().code, ErrorCode::not_found);
    EXPECT_NE(form.error().message.find("dental"), std::string::npos);
}

TEST(Comparison, ViewCarriesStatusKindAndItems) {
    const auto catalog = embedded_catalog();
    auto c = compare(*catalog, "r6", "r7", "medical");
    const Json view = comparison_view(*catalog, *c);
    EXPECT_EQ(view.at("summary").at("added"), 5);
    EXPECT_EQ(view.at("from").at("id"), "r6");
    EXPECT_EQ(view.at("to").at("fiscal_year"), 2025);
    const Json& first_new = view.at("entries").at(6 + 1);  // 2-⑦ IAM-03
    EXPECT_EQ(first_new.at("status"), "added");
    EXPECT_EQ(first_new.at("kind"), "new");
    EXPECT_TRUE(first_new.at("from_items").empty());
    EXPECT_EQ(first_new.at("to_item").at("canonical_id"), "IAM-03");
    EXPECT_TRUE(first_new.at("to_item").contains("unconfirmed"));
}

}  // namespace
}  // namespace mamori::catalog
