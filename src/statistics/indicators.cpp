// MHLW's survey indicators beside the checklist (reference/mhlw-survey-indicators.json): parsing with limits
// and the look-ups the statistics service needs.
#include "mamori/statistics/indicators.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "mamori/core/embedded.hpp"
#include "mamori/core/field_problems.hpp"
#include "mamori/core/json_fields.hpp"

namespace mamori::statistics {

namespace {

using nlohmann::json;

constexpr long kMaxLabel = 200;
constexpr long kMaxNote = 2000;
constexpr std::size_t kMaxId = 60;
constexpr std::size_t kMaxUrl = 500;
constexpr std::size_t kMaxBands = 6;

constexpr std::string_view kRelations[] = {"same_question", "related_question"};
constexpr std::string_view kDenominatorKinds[] = {"all_respondents", "subset", "unknown"};
constexpr std::string_view kForms[] = {"medical", "pharmacy"};

// is_code: 1..60 of a-z, 0-9, _ and - (an id of this file), or of A-Z, 0-9 and - when `upper` (a canonical item id).
bool is_code(const std::string& s, bool upper) {
    return !s.empty() && s.size() <= kMaxId && std::all_of(s.begin(), s.end(), [&](char c) {
        return (c >= '0' && c <= '9') || c == '-' ||
               (upper ? (c >= 'A' && c <= 'Z') : ((c >= 'a' && c <= 'z') || c == '_'));
    });
}

// Reader: a JsonFields with this file's codes, confidences, addresses and shares.
class Reader : public JsonFields {
  public:
    using JsonFields::JsonFields;

    std::string code(const char* name, bool upper = false) const {
        return matching(name, [&](const std::string& s) { return is_code(s, upper); },
                        upper ? "an id of 1 to 60 characters A–Z, 0–9 and -"
                              : "an id of 1 to 60 characters a–z, 0–9, _ and -");
    }

    std::string confidence(const char* name) const { return word(name, confidence_tags); }

    std::optional<std::string> url(const char* name, bool required) const {
        if (!find(name)) {
            if (required) add(name, "an https:// address is required");
            return std::nullopt;
        }
        return JsonFields::url(name, kMaxUrl, fmt::format("an https:// address of at most {} bytes", kMaxUrl));
    }

    double share(const char* name) const {
        const json* value = find(name);
        if (!value || !value->is_number() || !std::isfinite(value->get<double>()) || value->get<double>() < 0 ||
            value->get<double>() > 1) {
            add(name, "a share from 0 to 1 (e.g. 0.27 for 27%)");
            return 0;
        }
        return value->get<double>();
    }

};

// objects: calls `read(entry, path)` for each entry of `list` that is an object; names the others.
template <typename Read>
void objects(const json& list, const std::string& path, FieldProblems& problems, Read read) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = fmt::format("{}[{}]", path, i);
        if (!list[i].is_object())
            problems.add(at, "each entry is an object");
        else
            read(list[i], at);
    }
}

std::vector<Survey> read_surveys(const Reader& top, FieldProblems& problems) {
    std::vector<Survey> out;
    const json* list = top.array("surveys", 1, max_surveys);
    if (!list) return out;
    std::set<std::string> ids;
    std::set<int> years;
    objects(*list, "surveys", problems, [&](const json& entry, const std::string& path) {
        const Reader r(entry, path, problems);
        Survey s;
        s.id = r.code("id");
        if (!s.id.empty() && !ids.insert(s.id).second) problems.add(r.at("id"), fmt::format("\"{}\" is listed twice", s.id));
        s.title_ja = r.text("title_ja", kMaxLabel);
        s.label_ja = r.text("label_ja", kMaxLabel);
        s.label_en = r.text("label_en", kMaxLabel);
        s.fielded = r.text("fielded", kMaxLabel);
        s.fiscal_year = r.year("fiscal_year");
        if (s.fiscal_year && !years.insert(s.fiscal_year).second)
            problems.add(r.at("fiscal_year"), fmt::format("another survey is of fiscal year {}", s.fiscal_year));
        s.fiscal_year_note = r.optional_text("fiscal_year_note", kMaxNote);
        s.source = r.url("source", true).value_or("");
        out.push_back(std::move(s));
    });
    return out;
}

std::vector<IndicatorLine> read_lines(const Reader& r, FieldProblems& problems) {
    std::vector<IndicatorLine> out;
    const json* list = r.array("lines", 1, max_indicator_lines);
    if (!list) return out;
    std::set<std::pair<std::string, std::string>> editions;
    objects(*list, r.at("lines"), problems, [&](const json& entry, const std::string& path) {
        const Reader l(entry, path, problems);
        IndicatorLine line;
        line.edition = l.code("edition");
        line.form = l.word("form", kForms);
        line.item = l.code("item", true);
        line.row = l.code("row");
        line.number = l.text("number", 20);
        line.mapping_confidence = l.confidence("mapping_confidence");
        line.note = l.optional_text("note", kMaxNote);
        if (!line.edition.empty() && !line.form.empty() && !editions.insert({line.edition, line.form}).second)
            problems.add(l.at("edition"), fmt::format("a second line for {} {}", line.edition, line.form));
        out.push_back(std::move(line));
    });
    return out;
}

SurveyDenominator read_denominator(const Reader& figure, const json& entry, FieldProblems& problems) {
    SurveyDenominator d;
    const auto found = entry.find("denominator");
    if (found == entry.end() || !found->is_object()) {
        problems.add(figure.at("denominator"), "an object with kind, text_ja, text_en, quoted and confidence");
        return d;
    }
    const Reader r(*found, figure.at("denominator"), problems);
    const auto kind = r.word("kind", kDenominatorKinds);
    d.kind = kind == "all_respondents" ? DenominatorKind::all_respondents
             : kind == "subset"        ? DenominatorKind::subset
                                       : DenominatorKind::unknown;
    d.text_ja = r.text("text_ja", kMaxLabel);
    d.text_en = r.text("text_en", kMaxLabel);
    d.quoted = r.boolean("quoted");
    d.confidence = r.confidence("confidence");
    d.note = r.optional_text("note", kMaxNote);
    return d;
}

std::vector<BandFigure> read_bands(const Reader& figure, FieldProblems& problems) {
    std::vector<BandFigure> out;
    const json* list = figure.array("bands", 0, kMaxBands);
    if (!list) return out;
    std::set<inspection::BedBand> seen;
    objects(*list, figure.at("bands"), problems, [&](const json& entry, const std::string& path) {
        const Reader r(entry, path, problems);
        BandFigure b;
        const json* band = r.find("band");
        const auto parsed = band && band->is_string() ? inspection::parse_bed_band(band->get<std::string>())
                                                      : std::nullopt;
        if (!parsed || inspection::bed_range(*parsed).kind != "hospital")
            problems.add(r.at("band"), "a hospital bed band (hospital_20_99 … hospital_500_plus)");
        else if (!seen.insert(*parsed).second)
            problems.add(r.at("band"), "this band is listed twice");
        else
            b.band = *parsed;
        b.value = r.share("value");
        b.confidence = r.confidence("confidence");
        b.band_inferred = r.boolean("band_inferred");
        b.note = r.optional_text("note", kMaxNote);
        out.push_back(std::move(b));
    });
    return out;
}

std::vector<SurveyFigure> read_figures(const Reader& r, const std::vector<Survey>& surveys, FieldProblems& problems) {
    std::vector<SurveyFigure> out;
    const json* list = r.array("figures", 1, max_indicator_figures);
    if (!list) return out;
    std::set<std::string> used;
    objects(*list, r.at("figures"), problems, [&](const json& entry, const std::string& path) {
        const Reader f(entry, path, problems);
        SurveyFigure figure;
        figure.survey = f.code("survey");
        if (!figure.survey.empty()) {
            if (std::none_of(surveys.begin(), surveys.end(), [&](const Survey& s) { return s.id == figure.survey; }))
                problems.add(f.at("survey"), fmt::format("\"{}\" is not a survey of this file", figure.survey));
            else if (!used.insert(figure.survey).second)
                problems.add(f.at("survey"), "a second figure from the same survey");
        }
        figure.value = f.share("value");
        figure.confidence = f.confidence("confidence");
        // A figure without an address is one the domain file itself marks unknown.
        figure.source = f.url("source", figure.confidence != "?");
        figure.denominator = read_denominator(f, entry, problems);
        figure.bands = read_bands(f, problems);
        figure.note = f.optional_text("note", kMaxNote);
        out.push_back(std::move(figure));
    });
    return out;
}

std::vector<SurveyIndicator> read_indicators(const Reader& top, const std::vector<Survey>& surveys,
                                             FieldProblems& problems) {
    std::vector<SurveyIndicator> out;
    const json* list = top.array("indicators", 1, max_indicators);
    if (!list) return out;
    std::set<std::string> ids;
    objects(*list, "indicators", problems, [&](const json& entry, const std::string& path) {
        const Reader r(entry, path, problems);
        SurveyIndicator indicator;
        indicator.id = r.code("id");
        if (!indicator.id.empty() && !ids.insert(indicator.id).second)
            problems.add(r.at("id"), fmt::format("\"{}\" is listed twice", indicator.id));
        indicator.label_ja = r.text("label_ja", kMaxLabel);
        indicator.label_en = r.text("label_en", kMaxLabel);
        indicator.relation = r.word("relation", kRelations) == "same_question" ? IndicatorRelation::same_question
                                                                               : IndicatorRelation::related_question;
        indicator.note = r.optional_text("note", kMaxNote);
        indicator.lines = read_lines(r, problems);
        indicator.figures = read_figures(r, surveys, problems);
        out.push_back(std::move(indicator));
    });
    return out;
}

}  // namespace

std::string_view to_string(IndicatorRelation relation) {
    return relation == IndicatorRelation::same_question ? "same_question" : "related_question";
}

std::string_view to_string(DenominatorKind kind) {
    switch (kind) {
        case DenominatorKind::all_respondents: return "all_respondents";
        case DenominatorKind::subset: return "subset";
        default: return "unknown";
    }
}

Result<SurveyIndicators> parse_survey_indicators(std::string_view file, std::string_view text) {
    FieldProblems problems;
    const auto refuse = [&]() -> Result<SurveyIndicators> {
        auto status = problems.status();
        auto error = status.error();
        error.message = fmt::format("{}: {}", file, error.message);
        return fail(std::move(error));
    };
    if (text.size() > max_indicator_file_bytes) {
        problems.add("", fmt::format("the file is larger than {} bytes", max_indicator_file_bytes));
        return refuse();
    }
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        problems.add("", "the file is not a JSON object");
        return refuse();
    }
    if (const auto format = doc.find("format"); format == doc.end() || *format != "mamori.survey-indicators")
        problems.add("format", "the format must be \"mamori.survey-indicators\"");
    if (const auto version = doc.find("format_version"); version == doc.end() || *version != 1)
        problems.add("format_version", "the format version must be 1");
    const Reader top(doc, "", problems);
    SurveyIndicators out;
    out.title_ja = top.text("title_ja", kMaxLabel);
    out.title_en = top.text("title_en", kMaxLabel);
    if (const json* labels = top.find("labels_are"); !labels || *labels != "mamori")
        problems.add("labels_are", "\"mamori\": the labels are mamori's wording, not MHLW's");
    out.labels_are = "mamori";
    out.note = top.optional_text("note", kMaxNote);
    out.surveys = read_surveys(top, problems);
    out.indicators = read_indicators(top, out.surveys, problems);
    if (problems.size() > 0) return refuse();
    return out;
}

const SurveyIndicators& builtin_survey_indicators() {
    static const SurveyIndicators data = [] {
        for (const auto& f : embedded::reference_files())
            if (f.path == kSurveyIndicatorsFile) {
                auto parsed = parse_survey_indicators(f.path, f.data);
                if (!parsed) throw std::logic_error(parsed.error().message);
                return std::move(*parsed);
            }
        throw std::logic_error("reference/mhlw-survey-indicators.json is not embedded");
    }();
    return data;
}

const SurveyIndicator* find_indicator(const SurveyIndicators& data, std::string_view id) {
    for (const auto& i : data.indicators)
        if (i.id == id) return &i;
    return nullptr;
}

const Survey* find_survey(const SurveyIndicators& data, std::string_view id) {
    for (const auto& s : data.surveys)
        if (s.id == id) return &s;
    return nullptr;
}

const IndicatorLine* line_for_edition(const SurveyIndicator& indicator, std::string_view edition,
                                      std::string_view form) {
    for (const auto& l : indicator.lines)
        if (l.edition == edition && l.form == form) return &l;
    return nullptr;
}

std::optional<YearFigure> figure_for_year(const SurveyIndicators& data, const SurveyIndicator& indicator,
                                          int fiscal_year) {
    std::optional<YearFigure> best;
    for (const auto& figure : indicator.figures) {
        const auto* survey = find_survey(data, figure.survey);
        if (!survey || survey->fiscal_year > fiscal_year) continue;
        if (!best || survey->fiscal_year > best->survey->fiscal_year)
            best = YearFigure{&figure, survey, survey->fiscal_year == fiscal_year};
    }
    return best;
}

}  // namespace mamori::statistics
