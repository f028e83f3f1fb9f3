// The survey-indicator reference file: the embedded file parses and says what the domain file says, every line
// it maps exists in the embedded catalog's edition with that number, and broken copies are refused naming the
// JSON path.
#include "mamori/statistics/indicators.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "mamori/catalog/loader.hpp"
#include "mamori/core/embedded.hpp"

namespace mamori::statistics {
namespace {

using nlohmann::json;

const catalog::Catalog& embedded_catalog() {
    static const std::shared_ptr<const catalog::Catalog> built = [] {
        auto builder = catalog::CatalogBuilder::from_files(embedded::catalog_files());
        if (!builder) throw std::runtime_error(builder.error().message);
        auto result = builder->build();
        if (!result) throw std::runtime_error(result.error().message);
        return *result;
    }();
    return *built;
}

std::string embedded_text() {
    for (const auto& f : embedded::reference_files())
        if (f.path == kSurveyIndicatorsFile) return std::string(f.data);
    ADD_FAILURE() << "not embedded";
    return {};
}

TEST(SurveyIndicators, TheEmbeddedFileParses) {
    const auto parsed = parse_survey_indicators("f.json", embedded_text());
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->labels_are, "mamori");
    EXPECT_GE(parsed->indicators.size(), 5u);
}

TEST(SurveyIndicators, TheFiguresAreTheDomainFilesWithTheirTags) {
    const auto& data = builtin_survey_indicators();
    const auto* bcp = find_indicator(data, "cyber_bcp");
    ASSERT_NE(bcp, nullptr);
    EXPECT_EQ(bcp->relation, IndicatorRelation::same_question);
    // The 2024 survey (fielded Feb–Mar 2024, FY2023): 27% [S] with four bands; 2023 survey (FY2022): 23% [V].
    const auto y2023 = figure_for_year(data, *bcp, 2023);
    ASSERT_TRUE(y2023);
    EXPECT_TRUE(y2023->same_year);
    EXPECT_DOUBLE_EQ(y2023->figure->value, 0.27);
    EXPECT_EQ(y2023->figure->confidence, "S");
    EXPECT_EQ(y2023->figure->source, "https://cbnews.jp/news/entry/20240610180255");
    EXPECT_EQ(y2023->figure->denominator.text_ja, "有効回答の得られたすべての医療機関数を母数");
    ASSERT_EQ(y2023->figure->bands.size(), 4u);
    EXPECT_EQ(y2023->figure->bands.back().band, inspection::BedBand::hospital_500_plus);
    EXPECT_DOUBLE_EQ(y2023->figure->bands.back().value, 0.44);
    const auto y2022 = figure_for_year(data, *bcp, 2022);
    ASSERT_TRUE(y2022);
    EXPECT_DOUBLE_EQ(y2022->figure->value, 0.23);
    EXPECT_EQ(y2022->figure->confidence, "V");
    // A later year shows the latest earlier survey, marked as such; before the first there is none.
    const auto y2025 = figure_for_year(data, *bcp, 2025);
    ASSERT_TRUE(y2025);
    EXPECT_FALSE(y2025->same_year);
    EXPECT_EQ(y2025->survey->fiscal_year, 2023);
    EXPECT_FALSE(figure_for_year(data, *bcp, 2021));

    const auto* manager = find_indicator(data, "security_manager");
    ASSERT_NE(manager, nullptr);
    ASSERT_EQ(manager->figures.size(), 1u);
    EXPECT_EQ(manager->figures[0].confidence, "?") << "press reports only";
    EXPECT_EQ(manager->figures[0].source, std::nullopt);
    EXPECT_EQ(manager->figures[0].denominator.kind, DenominatorKind::unknown);

    for (const auto& i : data.indicators) {
        EXPECT_FALSE(i.label_ja.empty());
        for (const auto& f : i.figures) {
            EXPECT_TRUE(f.source || f.confidence == "?") << i.id;
            EXPECT_NE(f.confidence, "I") << i.id << ": a published figure is never mamori's inference";
        }
        for (const auto& l : i.lines) EXPECT_EQ(l.mapping_confidence, "I") << "no source states a mapping";
    }
}

TEST(SurveyIndicators, EveryMappedLineIsALineOfItsEditionWithThatNumber) {
    const auto& catalog = embedded_catalog();
    const auto& data = builtin_survey_indicators();
    for (const auto& indicator : data.indicators) {
        for (const auto& line : indicator.lines) {
            SCOPED_TRACE(indicator.id + " " + line.edition);
            const auto* edition = catalog.latest(line.edition);
            ASSERT_NE(edition, nullptr);
            const auto* form = edition->find(line.form);
            ASSERT_NE(form, nullptr);
            const auto* item = form->find(line.item);
            ASSERT_NE(item, nullptr);
            EXPECT_EQ(item->number, line.number);
            EXPECT_TRUE(std::any_of(item->rows.begin(), item->rows.end(),
                                    [&](const catalog::Row& r) { return r.key == line.row; }));
        }
        // Every embedded edition whose medical form has the item has a line, so no year silently lacks one.
        for (const auto& edition : catalog.editions) {
            const auto* form = edition.latest().find("medical");
            if (form && !indicator.lines.empty() && form->find(indicator.lines.front().item)) {
                EXPECT_NE(line_for_edition(indicator, edition.id), nullptr) << indicator.id << " " << edition.id;
            }
        }
    }
}

json good_file() {
    return json::parse(R"j({
      "format": "mamori.survey-indicators", "format_version": 1,
      "title_ja": "表", "title_en": "Table", "labels_are": "mamori",
      "surveys": [{"id": "s-1", "title_ja": "調査", "label_ja": "調査", "label_en": "Survey",
                   "fielded": "2024-02", "fiscal_year": 2023, "source": "https://example.org/s"}],
      "indicators": [{
        "id": "bcp", "label_ja": "BCP", "label_en": "BCP", "relation": "same_question",
        "lines": [{"edition": "r5", "form": "medical", "item": "IR-03", "row": "main", "number": "3-(3)",
                   "mapping_confidence": "I"}],
        "figures": [{"survey": "s-1", "value": 0.27, "confidence": "S", "source": "https://example.org/f",
                     "denominator": {"kind": "all_respondents", "text_ja": "全病院", "text_en": "All",
                                     "quoted": false, "confidence": "V"},
                     "bands": [{"band": "hospital_500_plus", "value": 0.44, "confidence": "S",
                                "band_inferred": false}]}]
      }]
    })j");
}

std::vector<std::string> refused_fields(const json& doc) {
    const auto parsed = parse_survey_indicators("t.json", doc.dump());
    if (parsed) return {};
    std::vector<std::string> out;
    for (const auto& f : parsed.error().fields) out.push_back(f.field);
    EXPECT_TRUE(parsed.error().message.starts_with("t.json: ")) << parsed.error().message;
    return out;
}

TEST(SurveyIndicators, AGoodFileIsRead) {
    const auto parsed = parse_survey_indicators("t.json", good_file().dump());
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_EQ(parsed->indicators.size(), 1u);
    EXPECT_EQ(parsed->indicators[0].figures[0].bands[0].band, inspection::BedBand::hospital_500_plus);
}

TEST(SurveyIndicators, BrokenCopiesAreRefusedNamingThePath) {
    struct Case {
        const char* pointer;
        json value;
        const char* field;
    };
    const std::vector<Case> cases = {
        {"/format", "other", "format"},
        {"/labels_are", "mhlw", "labels_are"},
        {"/surveys/0/fiscal_year", 1999, "surveys[0].fiscal_year"},
        {"/surveys/0/fiscal_year", 2101, "surveys[0].fiscal_year"},
        {"/surveys/0/source", "http://example.org/s", "surveys[0].source"},
        {"/indicators/0/relation", "similar", "indicators[0].relation"},
        {"/indicators/0/lines/0/item", "ir-03", "indicators[0].lines[0].item"},
        {"/indicators/0/lines/0/form", "vendor", "indicators[0].lines[0].form"},
        {"/indicators/0/lines/0/mapping_confidence", "A", "indicators[0].lines[0].mapping_confidence"},
        {"/indicators/0/figures/0/value", 27, "indicators[0].figures[0].value"},
        {"/indicators/0/figures/0/value", -0.1, "indicators[0].figures[0].value"},
        {"/indicators/0/figures/0/value", "0.27", "indicators[0].figures[0].value"},
        {"/indicators/0/figures/0/confidence", "X", "indicators[0].figures[0].confidence"},
        {"/indicators/0/figures/0/source", nullptr, "indicators[0].figures[0].source"},
        {"/indicators/0/figures/0/survey", "s-2", "indicators[0].figures[0].survey"},
        {"/indicators/0/figures/0/denominator/kind", "most", "indicators[0].figures[0].denominator.kind"},
        {"/indicators/0/figures/0/bands/0/band", "clinic_with_beds", "indicators[0].figures[0].bands[0].band"},
        {"/indicators/0/figures/0/bands/0/value", 1.5, "indicators[0].figures[0].bands[0].value"},
        {"/indicators/0/label_ja", "", "indicators[0].label_ja"},
        {"/indicators/0/label_ja", std::string(201, 'a'), "indicators[0].label_ja"},
    };
    for (const auto& c : cases) {
        json doc = good_file();
        doc[json::json_pointer(c.pointer)] = c.value;
        const auto fields = refused_fields(doc);
        ASSERT_FALSE(fields.empty()) << c.pointer << " accepted";
        EXPECT_EQ(fields.front(), c.field) << c.pointer;
    }
    // A figure tagged "?" may lack an address (the domain file gives none for press reports).
    json unknown = good_file();
    unknown["indicators"][0]["figures"][0]["confidence"] = "?";
    unknown["indicators"][0]["figures"][0]["source"] = nullptr;
    EXPECT_TRUE(refused_fields(unknown).empty());
    // Duplicates: an indicator id, a band, a second figure of one survey, a second line for one edition.
    json twice = good_file();
    twice["indicators"].push_back(twice["indicators"][0]);
    EXPECT_EQ(refused_fields(twice).front(), "indicators[1].id");
    json band = good_file();
    band["indicators"][0]["figures"][0]["bands"].push_back(band["indicators"][0]["figures"][0]["bands"][0]);
    EXPECT_EQ(refused_fields(band).front(), "indicators[0].figures[0].bands[1].band");
    json figure = good_file();
    figure["indicators"][0]["figures"].push_back(figure["indicators"][0]["figures"][0]);
    EXPECT_EQ(refused_fields(figure).front(), "indicators[0].figures[1].survey");
    json line = good_file();
    line["indicators"][0]["lines"].push_back(line["indicators"][0]["lines"][0]);
    EXPECT_EQ(refused_fields(line).front(), "indicators[0].lines[1].edition");
}

TEST(SurveyIndicators, LimitsAndNonsenseAreRefused) {
    EXPECT_FALSE(parse_survey_indicators("t.json", "not json"));
    EXPECT_FALSE(parse_survey_indicators("t.json", "[]"));
    EXPECT_FALSE(parse_survey_indicators("t.json", std::string(max_indicator_file_bytes + 1, ' ')));
    json many = good_file();
    for (std::size_t i = 0; i < max_indicators; ++i) {
        json copy = many["indicators"][0];
        copy["id"] = fmt::format("i{}", i);
        many["indicators"].push_back(copy);
    }
    EXPECT_EQ(refused_fields(many).front(), "indicators");
    json no_lines = good_file();
    no_lines["indicators"][0]["lines"] = json::array();
    EXPECT_EQ(refused_fields(no_lines).front(), "indicators[0].lines");
}

}  // namespace
}  // namespace mamori::statistics
