// A stored answers text (survey_responses.answers) to survey::for_each_answer, checked against answers_of: what
// the hand-written reader accepts it must read exactly as the JSON parser does, and what it refuses it must
// refuse before visiting anything. answers_of never throws, and answers_text of what it read reads back the same.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check.hpp"
#include "mamori/survey/stored_answers.hpp"

using mamori::fuzz::fuzz_check;
using namespace mamori::survey;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const Answers parsed = answers_of(text);
    Answers read;
    std::size_t visits = 0;
    const bool accepted = for_each_answer(text, [&](std::string_view question, std::string_view option) {
        ++visits;
        read[std::string(question)] = std::string(option);
    });
    if (accepted) {
        fuzz_check(read == parsed, "an accepted text reads as the JSON parser reads it");
    } else {
        fuzz_check(visits == 0, "a refused text visits nothing");
    }
    fuzz_check(answers_of(answers_text(parsed)) == parsed, "written answers read back the same");
    return 0;
}
