// The embedded catalog against the counts, printed order, numbering and target years that
// docs/catalog-format.md §10 states. The expectations are written here as data, copied from the document,
// never computed from the catalog files.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "mamori/catalog/loader.hpp"
#include "text.hpp"

namespace mamori::catalog {
namespace {

const Catalog& embedded_catalog() {
    static const std::shared_ptr<const Catalog> catalog = [] {
        auto builder = CatalogBuilder::from_files(embedded::catalog_files());
        if (!builder) throw std::runtime_error(builder.error().message);
        auto built = builder->build();
        if (!built) {
            std::string all = built.error().message;
            for (const auto& f : built.error().fields) all += "\n" + f.field + ": " + f.message;
            throw std::runtime_error(all);
        }
        return *built;
    }();
    return *catalog;
}

// ---------------------------------------------------------------------------------------------------------
// §10 counts

struct FormCounts {
    const char* edition;
    const char* form;
    std::size_t items;
    std::size_t rows;
    std::size_t s1, s2, s3;
    GateStatus gate;
    std::size_t v, s, i;
};

constexpr GateStatus kPresent = GateStatus::present, kAbsent = GateStatus::absent,
                     kUnknown = GateStatus::unknown;

const FormCounts kCounts[] = {
    {"r5", "medical", 13, 17, 1, 9, 3, kUnknown, 9, 3, 1},
    {"r5", "pharmacy", 13, 17, 1, 9, 3, kUnknown, 0, 1, 12},
    {"r5", "vendor", 12, 16, 1, 9, 2, kAbsent, 1, 0, 11},
    {"r6", "medical", 13, 17, 1, 9, 3, kPresent, 12, 0, 1},
    {"r6", "pharmacy", 13, 17, 1, 9, 3, kPresent, 0, 5, 8},
    {"r6", "vendor", 12, 16, 1, 9, 2, kAbsent, 0, 0, 12},
    {"r7", "medical", 18, 20, 1, 13, 4, kAbsent, 10, 0, 8},
    {"r7", "pharmacy", 18, 20, 1, 13, 4, kAbsent, 0, 1, 17},
    {"r7", "vendor", 16, 18, 1, 13, 2, kAbsent, 0, 0, 16},
};

TEST(CatalogData, EditionsFormsAndTotals) {
    const Catalog& c = embedded_catalog();
    ASSERT_EQ(c.editions.size(), 3u);
    const std::pair<const char*, int> editions[] = {{"r5", 2023}, {"r6", 2024}, {"r7", 2025}};
    std::size_t total_items = 0;
    for (std::size_t i = 0; i < 3; ++i) {
        const Edition& e = c.editions[i].latest();
        EXPECT_EQ(e.id, editions[i].first);
        EXPECT_EQ(e.fiscal_year, editions[i].second);
        EXPECT_EQ(e.revision.revision, 1);
        EXPECT_EQ(e.revision.source, "embedded");
        EXPECT_EQ(e.revision.sha256.size(), 64u);
        ASSERT_EQ(e.forms.size(), 3u);
        EXPECT_EQ(e.forms[0].id, "medical");
        EXPECT_EQ(e.forms[1].id, "pharmacy");
        EXPECT_EQ(e.forms[2].id, "vendor");
        for (const auto& f : e.forms) total_items += f.items.size();
    }
    EXPECT_EQ(total_items, 128u);
    EXPECT_EQ(c.guideline.entries.size(), 89u);
    EXPECT_EQ(c.canonical.size(), 19u);
    EXPECT_EQ(c.priorities.size(), 18u);
    EXPECT_EQ(c.mappings.size(), 2u);
}

TEST(CatalogData, CountsPerEditionAndForm) {
    const Catalog& c = embedded_catalog();
    for (const auto& want : kCounts) {
        SCOPED_TRACE(std::string(want.edition) + " " + want.form);
        const Edition* e = c.latest(want.edition);
        ASSERT_NE(e, nullptr);
        const Form* f = e->find(want.form);
        ASSERT_NE(f, nullptr);
        EXPECT_EQ(f->items.size(), want.items);
        std::size_t rows = 0, s1 = 0, s2 = 0, s3 = 0, v = 0, s = 0, i = 0;
        for (const auto& item : f->items) {
            rows += item.rows.size();
            (item.section_id == "S1" ? s1 : item.section_id == "S2" ? s2 : s3)++;
            (item.confidence == Confidence::verified    ? v
             : item.confidence == Confidence::secondary ? s
                                                        : i)++;
        }
        EXPECT_EQ(rows, want.rows);
        EXPECT_EQ(s1, want.s1);
        EXPECT_EQ(s2, want.s2);
        EXPECT_EQ(s3, want.s3);
        EXPECT_EQ(f->gate_status, want.gate);
        EXPECT_EQ(v, want.v);
        EXPECT_EQ(s, want.s);
        EXPECT_EQ(i, want.i);
    }
}

// ---------------------------------------------------------------------------------------------------------
// §10 printed order, numbering and target years

struct ExpectedRow {
    const char* key;
    int target;
};
struct ExpectedItem {
    const char* number;
    const char* canonical_id;
    std::vector<ExpectedRow> rows;
};

// R5 medical, with the row targets of the §10 table (令和5年度中 = 2023, 令和6年度中 = 2024).
const std::vector<ExpectedItem> kR5Medical = {
    {"1-(1)", "GOV-01", {{"main", 2023}}},
    {"2-(1)", "AST-01", {{"general", 2023}}},
    {"2-(2)", "VND-01", {{"general", 2023}}},
    {"2-(3)", "VND-02", {{"general", 2023}}},
    {"2-(4)", "IAM-01", {{"server", 2023}, {"terminal", 2024}}},
    {"2-(5)", "IAM-02", {{"server", 2023}, {"terminal", 2024}}},
    {"2-(6)", "LOG-01", {{"server", 2023}}},
    {"2-(7)", "VUL-01", {{"server", 2024}, {"terminal", 2024}, {"network", 2023}}},
    {"2-(8)", "NET-01", {{"network", 2023}}},
    {"2-(9)", "HRD-01", {{"server+terminal", 2024}}},
    {"3-(1)", "IR-01", {{"main", 2023}}},
    {"3-(2)", "IR-02", {{"main", 2024}}},
    {"3-(3)", "IR-03", {{"main", 2024}}},
};

// R7 medical: every row 2025 (目標日 within 令和7年度) except two-factor, 令和9年度.
const std::vector<ExpectedItem> kR7Medical = {
    {"1-①", "GOV-01", {{"main", 2025}}},
    {"2-①", "AST-01", {{"general", 2025}}},
    {"2-②", "VND-01", {{"general", 2025}}},
    {"2-③", "VND-02", {{"general", 2025}}},
    {"2-④", "IAM-01", {{"server", 2025}, {"terminal", 2025}}},
    {"2-⑤", "IAM-02", {{"server", 2025}, {"terminal", 2025}}},
    {"2-⑥", "VUL-01", {{"general", 2025}}},
    {"2-⑦", "IAM-03", {{"general", 2025}}},
    {"2-⑧", "IAM-04", {{"general", 2025}}},
    {"2-⑨", "DEV-01", {{"server+terminal", 2025}}},
    {"2-⑩", "IAM-05", {{"main", 2027}}},
    {"2-⑪", "LOG-01", {{"server", 2025}}},
    {"2-⑫", "HRD-01", {{"server+terminal", 2025}}},
    {"2-⑬", "NET-01", {{"network", 2025}}},
    {"3-①", "IR-01", {{"main", 2025}}},
    {"3-②", "IR-02", {{"main", 2025}}},
    {"3-③", "IR-03", {{"main", 2025}}},
    {"3-④", "GOV-02", {{"main", 2025}}},
};

// with_year: the same items with every row target set to `year` (R6: all items due in FY2024).
std::vector<ExpectedItem> with_year(std::vector<ExpectedItem> items, int year) {
    for (auto& item : items)
        for (auto& row : item.rows) row.target = year;
    return items;
}

// without: the list minus the given canonical ids (the vendor forms).
std::vector<ExpectedItem> without(std::vector<ExpectedItem> items, std::set<std::string> ids) {
    std::erase_if(items, [&](const ExpectedItem& i) { return ids.count(i.canonical_id) > 0; });
    return items;
}

struct ExpectedForm {
    const char* edition;
    const char* form;
    std::vector<ExpectedItem> items;
};

const std::vector<ExpectedForm>& expected_forms() {
    static const std::vector<ExpectedForm> forms = {
        {"r5", "medical", kR5Medical},
        {"r5", "pharmacy", kR5Medical},
        {"r5", "vendor", without(kR5Medical, {"IR-03"})},
        {"r6", "medical", with_year(kR5Medical, 2024)},
        {"r6", "pharmacy", with_year(kR5Medical, 2024)},
        {"r6", "vendor", with_year(without(kR5Medical, {"IR-03"}), 2024)},
        {"r7", "medical", kR7Medical},
        {"r7", "pharmacy", kR7Medical},
        {"r7", "vendor", without(kR7Medical, {"IR-03", "GOV-02"})},
    };
    return forms;
}

TEST(CatalogData, PrintedOrderNumberingRowsAndTargetYears) {
    const Catalog& c = embedded_catalog();
    for (const auto& want : expected_forms()) {
        SCOPED_TRACE(std::string(want.edition) + " " + want.form);
        const Form* f = c.latest(want.edition)->find(want.form);
        ASSERT_NE(f, nullptr);
        ASSERT_EQ(f->items.size(), want.items.size());
        for (std::size_t i = 0; i < want.items.size(); ++i) {
            const Item& got = f->items[i];
            const ExpectedItem& item = want.items[i];
            SCOPED_TRACE(item.number);
            EXPECT_EQ(got.number, item.number);
            EXPECT_EQ(got.canonical_id, item.canonical_id);
            ASSERT_EQ(got.rows.size(), item.rows.size());
            int earliest = 9999;
            for (std::size_t r = 0; r < item.rows.size(); ++r) {
                EXPECT_EQ(got.rows[r].key, item.rows[r].key);
                EXPECT_EQ(got.rows[r].target_fiscal_year, item.rows[r].target);
                earliest = std::min(earliest, item.rows[r].target);
            }
            EXPECT_EQ(got.target_fiscal_year, earliest);
        }
    }
}

TEST(CatalogData, TenRowsOfR5MedicalAreDueInFy2023) {
    const Form* f = embedded_catalog().latest("r5")->find("medical");
    int due_2023 = 0;
    for (const auto& item : f->items)
        for (const auto& row : item.rows) due_2023 += row.target_fiscal_year == 2023;
    EXPECT_EQ(due_2023, 10);
}

// Every item of every form carries what a clinic needs to read it and what the regime document says of it.
TEST(CatalogData, EveryItemHasTextExplanationReferencesSourceAndConfidence) {
    const Catalog& c = embedded_catalog();
    std::size_t checked = 0, none_given = 0;
    for (const auto& revisions : c.editions)
        for (const auto& form : revisions.latest().forms)
            for (const auto& item : form.items) {
                SCOPED_TRACE(revisions.id + " " + form.id + " " + item.number);
                const Json& j = item.json;
                EXPECT_TRUE(contains_japanese(item.text_ja));
                EXPECT_FALSE(j.at("text_en").get<std::string>().empty());
                for (const char* key : {"meaning_ja", "how_ja", "evidence_ja"})
                    EXPECT_TRUE(contains_japanese(j.at("explanation_ja").at(key).get<std::string>())) << key;
                for (const char* key : {"meaning_en", "how_en", "evidence_en"})
                    EXPECT_FALSE(j.at("explanation_en").at(key).get<std::string>().empty()) << key;
                EXPECT_TRUE(!item.guideline_refs.empty() || item.guideline_refs_none_given);
                EXPECT_NE(item.guideline_refs.empty(), !item.guideline_refs_none_given);
                if (item.guideline_refs_none_given) {
                    ++none_given;
                    EXPECT_EQ(item.canonical_id, "DEV-01");
                }
                for (const auto& ref : item.guideline_refs) EXPECT_NE(c.guideline.find(ref), nullptr) << ref;
                EXPECT_TRUE(is_url(j.at("source").get<std::string>()));
                const std::string confidence = j.at("confidence").get<std::string>();
                EXPECT_TRUE(confidence == "V" || confidence == "S" || confidence == "I") << confidence;
                ++checked;
            }
    EXPECT_EQ(checked, 128u);
    EXPECT_EQ(none_given, 3u);  // DEV-01 on the three R7 forms
}

TEST(CatalogData, GuidelineCanonicalRegistryAndPriorities) {
    const Catalog& c = embedded_catalog();
    EXPECT_EQ(c.guideline.id, "gl-6.0");
    std::size_t volumes = 0, unknown_titles = 0;
    for (const auto& e : c.guideline.entries) {
        volumes += e.json.at("kind") == "volume";
        unknown_titles += e.json.at("title_known") == false;
    }
    EXPECT_EQ(volumes, 4u);
    EXPECT_EQ(unknown_titles, 24u);
    const GuidelineEntry* c16 = c.guideline.find("C-16");
    ASSERT_NE(c16, nullptr);
    EXPECT_EQ(c16->confidence, Confidence::inferred);
    EXPECT_FALSE(c16->title_ja.has_value());

    ASSERT_NE(c.find_canonical("PRE-00"), nullptr);
    EXPECT_EQ(c.find_canonical("PRE-00")->kind, "gate");
    EXPECT_EQ(
        std::count_if(c.canonical.begin(), c.canonical.end(), [](const auto& i) { return i.kind == "item"; }),
        18);

    const std::vector<std::string> order = {"GOV-01", "AST-01", "VND-01", "VND-02", "VUL-01", "IR-02",
                                            "IR-01",  "IR-03",  "IAM-03", "IAM-04", "IAM-02", "IAM-01",
                                            "NET-01", "HRD-01", "DEV-01", "LOG-01", "IAM-05", "GOV-02"};
    ASSERT_EQ(c.priorities.size(), order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        EXPECT_EQ(c.priorities[i].rank, static_cast<int>(i) + 1);
        EXPECT_EQ(c.priorities[i].canonical_id, order[i]);
    }
}

TEST(CatalogData, MappingSummariesAndGateChanges) {
    struct Summary {
        const char* mapping;
        const char* form;
        int unchanged, reworded, merged, added, removed;
        const char* gate_from;
        const char* gate_to;
    };
    const Summary want[] = {
        {"r5-r6", "medical", 13, 0, 0, 0, 0, "unknown", "present"},
        {"r5-r6", "pharmacy", 13, 0, 0, 0, 0, "unknown", "present"},
        {"r5-r6", "vendor", 12, 0, 0, 0, 0, "absent", "absent"},
        {"r6-r7", "medical", 11, 1, 1, 5, 0, "present", "absent"},
        {"r6-r7", "pharmacy", 11, 1, 1, 5, 0, "present", "absent"},
        {"r6-r7", "vendor", 10, 1, 1, 4, 0, "absent", "absent"},
    };
    const Catalog& c = embedded_catalog();
    for (const auto& w : want) {
        SCOPED_TRACE(std::string(w.mapping) + " " + w.form);
        const std::string id = w.mapping;
        const Mapping* m = c.find_mapping(id.substr(0, 2), id.substr(3));
        ASSERT_NE(m, nullptr);
        const FormMapping* fm = m->find(w.form);
        ASSERT_NE(fm, nullptr);
        std::map<MappingKind, int> kinds;
        for (const auto& e : fm->entries) ++kinds[e.kind];
        EXPECT_EQ(kinds[MappingKind::unchanged], w.unchanged);
        EXPECT_EQ(kinds[MappingKind::reworded], w.reworded);
        EXPECT_EQ(kinds[MappingKind::merged], w.merged);
        EXPECT_EQ(kinds[MappingKind::split], 0);
        EXPECT_EQ(kinds[MappingKind::added], w.added);
        EXPECT_EQ(static_cast<int>(fm->removed.size()), w.removed);
        const auto index = static_cast<std::size_t>(fm - m->forms.data());  // elements in file order
        EXPECT_EQ(m->json.at("forms").at(index).at("gate_change").at("from"), w.gate_from);
        EXPECT_EQ(m->json.at("forms").at(index).at("gate_change").at("to"), w.gate_to);
    }
}

}  // namespace
}  // namespace mamori::catalog
