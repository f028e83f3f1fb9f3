// The BCP 確認表 data file to parse_bcp_checklist, and the same bytes as an answer body to check_bcp_answer.
// A refusal is invalid input naming the file (the checklist) or a field (the answer); an accepted answer
// checks again to itself and an accepted checklist has at least one phase, each row in its phase.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check.hpp"
#include "mamori/core/json_limits.hpp"
#include "mamori/preparedness/bcp.hpp"

using mamori::fuzz::fuzz_check;
using namespace mamori::preparedness;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto parsed = parse_bcp_checklist("b.json", text);
    if (!parsed) {
        fuzz_check(parsed.error().code == mamori::ErrorCode::invalid_input, "a refusal is invalid input");
        fuzz_check(parsed.error().message.starts_with("b.json: "), "the message names the file");
    } else {
        fuzz_check(!parsed->phases.empty(), "a checklist has a phase");
        for (const auto& phase : parsed->phases)
            for (const auto& row : phase.rows) {
                fuzz_check(row.code.starts_with(phase.code + "-"), "a row is in its phase");
                fuzz_check(find_bcp_row(*parsed, row.code) == &row, "a row is found by its code");
            }
    }
    const auto body = mamori::parse_limited_json(text, mamori::kMaxRequestNesting);
    if (!body) return 0;
    const auto answer = check_bcp_answer(*body);
    if (!answer) {
        fuzz_check(answer.error().code == mamori::ErrorCode::invalid_input, "a refusal is invalid input");
        return 0;
    }
    const auto again = check_bcp_answer(*answer);
    fuzz_check(again.has_value() && *again == *answer, "a stored answer checks again to itself");
    return 0;
}
