// A questionnaire file (reference/surveys/*.json or an operator's copy) to survey::parse_questionnaire, then
// the rules of a response on what it read. A refusal is invalid input naming at least one JSON path, its
// message naming the file; a file that parses has unique ids, at least two options per question, conditions
// only on earlier questions' options, windows that close on or after they open — and for answers made up from
// the input, validate_answers and missing_required agree with shown().
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "check.hpp"
#include "mamori/survey/questionnaire.hpp"

namespace {

using mamori::fuzz::fuzz_check;
using namespace mamori::survey;

bool is_tag(const std::string& t) { return t == "V" || t == "S" || t == "I" || t == "?"; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto parsed = parse_questionnaire("t.json", text);
    if (!parsed) {
        fuzz_check(parsed.error().code == mamori::ErrorCode::invalid_input, "a refusal is invalid input");
        fuzz_check(!parsed.error().fields.empty(), "a refusal names at least one field");
        fuzz_check(parsed.error().message.starts_with("t.json: "), "the message names the file");
        return 0;
    }
    fuzz_check(!parsed->facility_kinds.empty() && !parsed->versions.empty(), "targets and versions");
    std::set<std::string> versions;
    for (const auto& v : parsed->versions) {
        fuzz_check(versions.insert(v.id).second, "version ids are unique");
        fuzz_check(v.opens <= v.closes, "a window closes on or after it opens");
        fuzz_check(v.fiscal_year >= 2000 && v.fiscal_year <= 2100, "fiscal years 2000–2100");
        fuzz_check(!v.questions.empty(), "a version has questions");
        fuzz_check(is_tag(v.source.confidence), "a version's source has a tag");
        std::set<std::string> ids;
        Answers first_options;
        for (std::size_t i = 0; i < v.questions.size(); ++i) {
            const auto& q = v.questions[i];
            fuzz_check(ids.insert(q.id).second, "question ids are unique");
            fuzz_check(v.find_question(q.id) == &q, "a question is found by its id");
            fuzz_check(q.options.size() >= 2, "at least two options");
            fuzz_check(is_tag(q.confidence), "a question has a tag");
            fuzz_check(q.wording == "mamori" || q.confidence == "V", "official wording only when verified");
            if (q.shown_if) {
                const auto* parent = v.find_question(q.shown_if->question);
                fuzz_check(parent != nullptr && parent < &q, "a condition names an earlier question");
                for (const auto& o : q.shown_if->options)
                    fuzz_check(parent->find_option(o) != nullptr, "a condition names the question's options");
            }
            first_options[q.id] = q.options[i % q.options.size()].id;
        }
        // Keep only the answers of shown questions, in order: that set validates, and what it misses is
        // exactly the required shown questions without an answer (none).
        Answers kept;
        for (const auto& q : v.questions)
            if (shown(v, q, kept)) kept[q.id] = first_options[q.id];
        fuzz_check(static_cast<bool>(validate_answers(v, kept)), "answers to shown questions validate");
        fuzz_check(missing_required(v, kept).empty(), "every shown question answered: nothing missing");
        const auto all = validate_answers(v, first_options);
        if (!all)
            for (const auto& f : all.error().fields) fuzz_check(f.field.starts_with("answers."), "errors name answers.<id>");
        for (const auto& id : missing_required(v, {})) {
            const auto* q = v.find_question(id);
            fuzz_check(q && q->required && !q->shown_if, "with no answers only unconditional questions are missing");
        }
    }
    return 0;
}
