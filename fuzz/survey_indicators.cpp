// A survey-indicators data file (reference/mhlw-survey-indicators.json or an operator's corrected copy) to
// statistics::parse_survey_indicators. A refusal is invalid input naming at least one JSON path, its message
// naming the file; a file that parses has unique ids, confidence tags from the fixed set, shares 0–1, fiscal
// years 2000–2100, https sources (absent only for a "?" figure) and figures of surveys in the file.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "check.hpp"
#include "mamori/statistics/indicators.hpp"

namespace {

using mamori::fuzz::fuzz_check;
using namespace mamori::statistics;

bool is_tag(const std::string& t) { return t == "V" || t == "S" || t == "I" || t == "?"; }
bool is_share(double v) { return v >= 0 && v <= 1; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto parsed = parse_survey_indicators("t.json", text);
    if (!parsed) {
        fuzz_check(parsed.error().code == mamori::ErrorCode::invalid_input, "a refusal is invalid input");
        fuzz_check(!parsed.error().fields.empty(), "a refusal names at least one field");
        fuzz_check(parsed.error().message.starts_with("t.json: "), "the message names the file");
        return 0;
    }
    fuzz_check(!parsed->surveys.empty() && !parsed->indicators.empty(), "a file has surveys and indicators");
    std::set<int> years;
    for (const auto& s : parsed->surveys) {
        fuzz_check(s.fiscal_year >= 2000 && s.fiscal_year <= 2100, "a survey's fiscal year is 2000–2100");
        fuzz_check(years.insert(s.fiscal_year).second, "one survey per fiscal year");
        fuzz_check(s.source.starts_with("https://"), "a survey's source is an https address");
        fuzz_check(find_survey(*parsed, s.id) == &s, "a survey is found by its id");
    }
    for (const auto& i : parsed->indicators) {
        fuzz_check(find_indicator(*parsed, i.id) == &i, "indicator ids are unique");
        fuzz_check(!i.lines.empty() && !i.figures.empty(), "an indicator has lines and figures");
        for (const auto& l : i.lines) {
            fuzz_check(is_tag(l.mapping_confidence), "a mapping has a confidence tag");
            fuzz_check(line_for_edition(i, l.edition, l.form) == &l, "one line per edition and form");
        }
        std::set<std::string> surveys;
        for (const auto& f : i.figures) {
            fuzz_check(find_survey(*parsed, f.survey) != nullptr, "a figure is of a survey in the file");
            fuzz_check(surveys.insert(f.survey).second, "one figure per survey");
            fuzz_check(is_share(f.value) && is_tag(f.confidence), "a figure is a share with a tag");
            fuzz_check(f.source ? f.source->starts_with("https://") : f.confidence == "?",
                       "a figure has an https source unless it is unknown");
            fuzz_check(is_tag(f.denominator.confidence), "a denominator has a tag");
            std::set<mamori::inspection::BedBand> bands;
            for (const auto& b : f.bands) {
                fuzz_check(bands.insert(b.band).second, "a band at most once");
                fuzz_check(mamori::inspection::bed_range(b.band).kind == "hospital", "hospital bands only");
                fuzz_check(is_share(b.value) && is_tag(b.confidence), "a band figure is a share with a tag");
            }
        }
        for (int year : years) {
            const auto figure = figure_for_year(*parsed, i, year);
            if (figure) fuzz_check(figure->survey->fiscal_year <= year, "never a later survey");
        }
    }
    return 0;
}
