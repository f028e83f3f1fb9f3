// A questionnaire file (reference/surveys/*.json) read with limits; every problem named by its JSON path.
#include "mamori/survey/questionnaire.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "mamori/core/embedded.hpp"
#include "mamori/core/field_problems.hpp"
#include "mamori/core/json_fields.hpp"
#include "mamori/core/json_limits.hpp"
#include "mamori/core/utf8.hpp"

namespace mamori::survey {

namespace {

using nlohmann::json;

constexpr long kMaxTitle = 200;
constexpr long kMaxText = 1000;
constexpr long kMaxLabel = 100;
constexpr long kMaxNote = 2000;
constexpr std::size_t kMaxId = 40;
constexpr std::size_t kMaxNumber = 20;
constexpr std::size_t kMaxUrl = 500;

constexpr std::string_view kConfidence[] = {"V", "S", "I", "?"};
constexpr std::string_view kWordings[] = {"mamori", "official"};
constexpr std::string_view kFacilityKinds[] = {"hospital", "clinic", "dental_clinic", "pharmacy"};

// is_id: 1..40 of a-z, 0-9, _ and -, starting with a letter or digit.
bool is_id(std::string_view s) {
    return !s.empty() && s.size() <= kMaxId && s.front() != '_' && s.front() != '-' &&
           std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
           });
}

// Fields: a JsonFields with this file's id alphabet and its addresses that must be given, if only as null.
class Fields : public JsonFields {
  public:
    using JsonFields::JsonFields;

    std::string id(const char* name) const {
        return matching(name, is_id, "an id of 1 to 40 characters a–z, 0–9, _ and -");
    }

    // url: an https address, or nullopt when the member is null (it must be present).
    std::optional<std::string> url(const char* name) const {
        if (!present(name)) {
            add(name, "an https:// address or null is required");
            return std::nullopt;
        }
        return JsonFields::url(name, kMaxUrl, fmt::format("an https:// address of at most {} bytes, or null", kMaxUrl));
    }
};

std::vector<Option> yes_no() {
    return {{"yes", "はい", "Yes"}, {"no", "いいえ", "No"}};
}

std::vector<Option> read_options(const Fields& q, const std::string& path, FieldProblems& problems) {
    const json* value = q.find("options");
    if (value && value->is_string() && *value == "yes_no") return yes_no();
    const json* list = q.array("options", 1, max_options);
    if (!list) return {};
    std::vector<Option> out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto at = fmt::format("{}.options[{}]", path, i);
        if (!(*list)[i].is_object()) {
            problems.add(at, "an object is required");
            continue;
        }
        const Fields o((*list)[i], at, problems);
        Option option{o.id("id"), o.text("label_ja", kMaxLabel), o.text("label_en", kMaxLabel)};
        if (!option.id.empty() && !ids.insert(option.id).second) problems.add(o.at("id"), "ids must be unique");
        out.push_back(std::move(option));
    }
    if (out.size() < 2) problems.add(q.at("options"), "a question has at least two options");
    return out;
}

struct FileQuestion {
    Question question;
    std::vector<std::string> versions;
};

std::optional<ShownIf> read_shown_if(const Fields& q, const std::vector<FileQuestion>& earlier,
                                     const std::vector<std::string>& versions, FieldProblems& problems) {
    if (!q.present("shown_if")) {
        problems.add(q.at("shown_if"), "a condition or null is required");
        return std::nullopt;
    }
    if (!q.find("shown_if")) return std::nullopt;
    const json* object = q.object("shown_if");
    if (!object) return std::nullopt;
    const Fields c(*object, q.at("shown_if"), problems);
    ShownIf out;
    out.question = c.id("question");
    const auto found = std::find_if(earlier.begin(), earlier.end(),
                                    [&](const FileQuestion& f) { return f.question.id == out.question; });
    if (!out.question.empty() && found == earlier.end()) {
        problems.add(c.at("question"), "names a question listed before this one");
        return out;
    }
    if (found != earlier.end() &&
        std::any_of(versions.begin(), versions.end(), [&](const std::string& v) {
            return std::find(found->versions.begin(), found->versions.end(), v) == found->versions.end();
        }))
        problems.add(c.at("question"), "names a question of every version this one is in");
    const json* options = c.array("options", 1, max_options);
    if (!options) return out;
    for (std::size_t i = 0; i < options->size(); ++i) {
        const auto& o = (*options)[i];
        const auto at = fmt::format("{}[{}]", c.at("options"), i);
        if (!o.is_string() || (found != earlier.end() && !found->question.find_option(o.get<std::string>()))) {
            problems.add(at, "an option of the question named");
            continue;
        }
        out.options.push_back(o.get<std::string>());
    }
    return out;
}

std::vector<Version> read_versions(const Fields& top, FieldProblems& problems) {
    std::vector<Version> out;
    const json* list = top.array("versions", 1, max_versions);
    if (!list) return out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto path = fmt::format("versions[{}]", i);
        if (!(*list)[i].is_object()) {
            problems.add(path, "an object is required");
            continue;
        }
        const Fields v((*list)[i], path, problems);
        Version version;
        version.id = v.id("id");
        if (!version.id.empty() && !ids.insert(version.id).second) problems.add(v.at("id"), "ids must be unique");
        version.fiscal_year = v.year("fiscal_year");
        version.opens = v.date("opens");
        version.closes = v.date("closes");
        if (version.opens.ok() && version.closes.ok() && version.closes < version.opens)
            problems.add(v.at("closes"), "closes on or after the day it opens");
        if (const json* source = v.object("source")) {
            const Fields s(*source, v.at("source"), problems);
            version.source.url = s.url("url");
            version.source.confidence = s.word("confidence", kConfidence);
            version.source.note_ja = s.text("note_ja", kMaxNote);
            version.source.note_en = s.text("note_en", kMaxNote);
        }
        out.push_back(std::move(version));
    }
    return out;
}

std::vector<FileQuestion> read_questions(const Fields& top, const std::vector<Version>& versions,
                                         FieldProblems& problems) {
    std::vector<FileQuestion> out;
    const json* list = top.array("questions", 1, max_questions);
    if (!list) return out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto path = fmt::format("questions[{}]", i);
        if (!(*list)[i].is_object()) {
            problems.add(path, "an object is required");
            continue;
        }
        const Fields q((*list)[i], path, problems);
        FileQuestion f;
        auto& question = f.question;
        question.id = q.id("id");
        if (!question.id.empty() && !ids.insert(question.id).second) problems.add(q.at("id"), "ids must be unique");
        if (const json* in = q.array("versions", 1, max_versions)) {
            for (std::size_t j = 0; j < in->size(); ++j) {
                const auto& v = (*in)[j];
                const bool known = v.is_string() && std::any_of(versions.begin(), versions.end(), [&](const Version& x) {
                                       return x.id == v.get<std::string>();
                                   });
                if (!known || std::find(f.versions.begin(), f.versions.end(), v.get<std::string>()) != f.versions.end())
                    problems.add(fmt::format("{}.versions[{}]", path, j), "a version of this file, once");
                else
                    f.versions.push_back(v.get<std::string>());
            }
        }
        if (!q.present("number")) {
            problems.add(q.at("number"), "the printed number, or null when it is not known");
        } else if (const json* number = q.find("number")) {
            if (!number->is_string() || number->get<std::string>().empty() ||
                number->get<std::string>().size() > kMaxNumber || text_problem(number->get<std::string>()))
                problems.add(q.at("number"), fmt::format("text of 1 to {} bytes, or null", kMaxNumber));
            else
                question.number = number->get<std::string>();
        }
        question.text_ja = q.text("text_ja", kMaxText);
        question.text_en = q.text("text_en", kMaxText);
        question.wording = q.word("wording", kWordings);
        question.confidence = q.word("confidence", kConfidence);
        question.source = q.url("source");
        if (question.wording == "official" && question.confidence != "V")
            problems.add(q.at("wording"), "official wording needs a verified (V) source");
        if (!question.source && question.confidence != "?" && question.confidence != "I")
            problems.add(q.at("source"), "a source is required unless the confidence is ? or I");
        question.note = q.optional_text("note", kMaxNote);
        question.required = q.boolean("required");
        question.options = read_options(q, path, problems);
        question.shown_if = read_shown_if(q, out, f.versions, problems);
        if (!q.present("indicator")) {
            problems.add(q.at("indicator"), "an indicator id, or null");
        } else if (q.find("indicator")) {
            question.indicator = q.id("indicator");
        }
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace

const Option* Question::find_option(std::string_view id) const {
    for (const auto& o : options)
        if (o.id == id) return &o;
    return nullptr;
}

const Question* Version::find_question(std::string_view id) const {
    for (const auto& q : questions)
        if (q.id == id) return &q;
    return nullptr;
}

bool Questionnaire::targets(std::string_view facility_kind) const {
    return std::find(facility_kinds.begin(), facility_kinds.end(), facility_kind) != facility_kinds.end();
}

Result<Questionnaire> parse_questionnaire(std::string_view file, std::string_view text) {
    FieldProblems problems;
    const auto refuse = [&]() -> Result<Questionnaire> {
        auto error = problems.status().error();
        error.message = fmt::format("{}: {}", file, error.message);
        return fail(std::move(error));
    };
    if (text.size() > max_questionnaire_bytes) {
        problems.add("", fmt::format("the file is larger than {} bytes", max_questionnaire_bytes));
        return refuse();
    }
    auto doc = parse_limited_json(text, max_questionnaire_depth, "");
    if (!doc) {
        problems.add("", doc.error().message);
        return refuse();
    }
    if (!doc->is_object()) {
        problems.add("", "the file is not a JSON object");
        return refuse();
    }
    if (const auto format = doc->find("format"); format == doc->end() || *format != kQuestionnaireFormat)
        problems.add("format", fmt::format("the format must be \"{}\"", kQuestionnaireFormat));
    if (const auto version = doc->find("format_version"); version == doc->end() || *version != 1)
        problems.add("format_version", "the format version must be 1");
    const Fields top(*doc, "", problems);
    Questionnaire out;
    out.id = top.id("id");
    out.title_ja = top.text("title_ja", kMaxTitle);
    out.title_en = top.text("title_en", kMaxTitle);
    if (const json* targets = top.object("targets")) {
        const Fields t(*targets, "targets", problems);
        if (const json* kinds = t.array("facility_kinds", 1, max_target_kinds)) {
            for (std::size_t i = 0; i < kinds->size(); ++i) {
                const auto& k = (*kinds)[i];
                if (!k.is_string() || !one_of(kFacilityKinds, k.get<std::string>()) ||
                    out.targets(k.get<std::string>()))
                    problems.add(fmt::format("targets.facility_kinds[{}]", i),
                                 fmt::format("one of {}, once", listed(kFacilityKinds)));
                else
                    out.facility_kinds.push_back(k.get<std::string>());
            }
        }
    }
    out.versions = read_versions(top, problems);
    const auto questions = read_questions(top, out.versions, problems);
    if (problems.size() > 0) return refuse();
    for (auto& version : out.versions) {
        for (const auto& f : questions)
            if (std::find(f.versions.begin(), f.versions.end(), version.id) != f.versions.end())
                version.questions.push_back(f.question);
        if (version.questions.empty()) problems.add("versions", fmt::format("version {} has no question", version.id));
    }
    if (problems.size() > 0) return refuse();
    return out;
}

const std::vector<Questionnaire>& builtin_questionnaires() {
    static const std::vector<Questionnaire> all = [] {
        std::vector<Questionnaire> out;
        for (const auto& f : embedded::reference_files()) {
            if (!f.path.starts_with("surveys/")) continue;
            auto parsed = parse_questionnaire(f.path, f.data);
            if (!parsed) throw std::logic_error(parsed.error().message);
            if (find_questionnaire(out, parsed->id))
                throw std::logic_error(fmt::format("{}: questionnaire id {} twice", f.path, parsed->id));
            out.push_back(std::move(*parsed));
        }
        return out;
    }();
    return all;
}

const Questionnaire* find_questionnaire(const std::vector<Questionnaire>& all, std::string_view id) {
    for (const auto& q : all)
        if (q.id == id) return &q;
    return nullptr;
}

const Version* find_version(const Questionnaire& questionnaire, std::string_view id) {
    for (const auto& v : questionnaire.versions)
        if (v.id == id) return &v;
    return nullptr;
}

}  // namespace mamori::survey
