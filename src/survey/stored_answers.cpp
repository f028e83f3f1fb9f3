// Stored answers (stored_answers.hpp): written and read with nlohmann, and read without it on the analyst
// view's hot path.
#include "mamori/survey/stored_answers.hpp"

#include <nlohmann/json.hpp>

namespace mamori::survey {

using nlohmann::json;

std::string answers_text(const Answers& answers) {
    json out = json::object();
    for (const auto& [question, option] : answers) out[question] = option;
    return out.dump();
}

Answers answers_of(const std::string& text) {
    Answers out;
    const auto doc = json::parse(text, nullptr, false);
    if (!doc.is_object()) return out;
    for (const auto& [question, option] : doc.items())
        if (option.is_string()) out[question] = option.get<std::string>();
    return out;
}

bool for_each_answer(std::string_view text, const std::function<void(std::string_view, std::string_view)>& visit) {
    // Pass 1 checks the shape, pass 2 visits: nothing is visited for a text that is then refused.
    const auto walk = [&](bool call) {
        std::size_t i = 0;
        const auto skip = [&] {
            while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
        };
        const auto string = [&](std::string_view& out) {
            if (i >= text.size() || text[i] != '"') return false;
            const std::size_t start = ++i;
            while (i < text.size() && text[i] != '"') {
                // Escapes, control bytes and non-ASCII (whose UTF-8 the parser checks) are left to answers_of.
                const auto byte = static_cast<unsigned char>(text[i]);
                if (text[i] == '\\' || byte < 0x20 || byte >= 0x80) return false;
                ++i;
            }
            if (i >= text.size()) return false;
            out = text.substr(start, i - start);
            ++i;
            return true;
        };
        skip();
        if (i >= text.size() || text[i++] != '{') return false;
        skip();
        if (i < text.size() && text[i] == '}') return ++i, skip(), i == text.size();
        while (true) {
            std::string_view key, value;
            skip();
            if (!string(key)) return false;
            skip();
            if (i >= text.size() || text[i++] != ':') return false;
            skip();
            if (!string(value)) return false;
            if (call) visit(key, value);
            skip();
            if (i < text.size() && text[i] == ',') {
                ++i;
                continue;
            }
            if (i < text.size() && text[i] == '}') {
                ++i;
                skip();
                return i == text.size();
            }
            return false;
        }
    };
    if (!walk(false)) return false;
    walk(true);
    return true;
}

}  // namespace mamori::survey
