#include "mamori/core/json_limits.hpp"

#include <fmt/format.h>

#include <functional>
#include <string>
#include <vector>

namespace mamori {

std::optional<std::size_t> first_too_deep(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > max_depth) return i;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return std::nullopt;
}

namespace {

// ValuePath: follows the parser's events to name the value being read when the parser gives up on it
// ("answers[2].value"), so that an out-of-range number is refused naming its field.
template <class Json>
class ValuePath {
  public:
    bool operator()(int, typename Json::parse_event_t event, Json& parsed) {
        using Event = typename Json::parse_event_t;
        switch (event) {
            case Event::object_start: frames_.push_back({true, {}, 0}); break;
            case Event::array_start: frames_.push_back({false, {}, 0}); break;
            case Event::key:
                if (!frames_.empty()) frames_.back().key = parsed.template get<std::string>();
                break;
            case Event::object_end:
            case Event::array_end:
                frames_.pop_back();
                element_done();
                break;
            case Event::value: element_done(); break;
        }
        return true;
    }

    std::string path() const {
        std::string out;
        for (const auto& f : frames_) {
            if (f.object)
                out += out.empty() ? f.key : "." + f.key;
            else
                out += fmt::format("[{}]", f.index);
        }
        return out;
    }

  private:
    struct Frame {
        bool object;
        std::string key;
        std::size_t index;
    };
    void element_done() {
        if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    }
    std::vector<Frame> frames_;
};

// path_of_bad_number: parses again, following the path, to find where the out-of-range number is.
template <class Json>
std::string path_of_bad_number(std::string_view text, std::string_view fallback) {
    ValuePath<Json> tracker;
    try {
        const Json ignored = Json::parse(text, std::ref(tracker));
    } catch (const nlohmann::json::exception&) {
        // Keys come from the sender: a path longer than any field of ours names no field of ours.
        if (auto path = tracker.path(); !path.empty() && path.size() <= 200) return path;
    }
    return std::string(fallback);
}

}  // namespace

template <class Json>
Result<Json> parse_limited_json(std::string_view text, int max_depth, std::string_view field) {
    if (const auto deep = first_too_deep(text, max_depth))
        return fail(ErrorCode::invalid_input,
                    fmt::format("the JSON nests deeper than {} levels (at byte {})", max_depth, *deep),
                    std::string(field));
    try {
        return Json::parse(text);
    } catch (const nlohmann::json::out_of_range&) {
        // 1e400 and the like: no double holds it.
        const auto path = path_of_bad_number<Json>(text, field);
        return fail(ErrorCode::invalid_input, fmt::format("the number in '{}' is too large", path), path);
    } catch (const nlohmann::json::parse_error& e) {
        return fail(ErrorCode::invalid_input,
                    fmt::format("'{}' is not valid JSON (at byte {})", field, e.byte), std::string(field));
    } catch (const nlohmann::json::exception&) {
        return fail(ErrorCode::invalid_input, fmt::format("'{}' is not valid JSON", field),
                    std::string(field));
    }
}

template Result<nlohmann::json> parse_limited_json<nlohmann::json>(std::string_view, int, std::string_view);
template Result<nlohmann::ordered_json> parse_limited_json<nlohmann::ordered_json>(std::string_view, int,
                                                                                   std::string_view);

}  // namespace mamori
