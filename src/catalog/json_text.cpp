#include "json_text.hpp"

#include <fmt/format.h>

#include <set>
#include <string>
#include <vector>

#include "mamori/core/json_limits.hpp"
#include "text.hpp"

namespace mamori::catalog {

namespace {

// KeyTracker: follows the parser's events to find keys given twice in one object (the parser would keep
// only the last silently) and to name where they are.
class KeyTracker {
  public:
    KeyTracker(std::string_view file, Diagnostics& out) : file_(file), out_(out) {}

    bool operator()(int, Json::parse_event_t event, Json& parsed) {
        switch (event) {
            case Json::parse_event_t::object_start: frames_.push_back({true, {}, 0, {}}); break;
            case Json::parse_event_t::array_start: frames_.push_back({false, {}, 0, {}}); break;
            case Json::parse_event_t::key: {
                auto& top = frames_.back();
                top.key = parsed.get<std::string>();
                if (!top.keys.insert(top.key).second)
                    out_.add(file_, path(),
                             fmt::format("the key \"{}\" appears twice in this object", top.key));
                break;
            }
            case Json::parse_event_t::object_end:
            case Json::parse_event_t::array_end:
                frames_.pop_back();
                element_done();
                break;
            case Json::parse_event_t::value: element_done(); break;
        }
        return true;
    }

    // path: the JSON path of the value being read (where the parser stopped, after an error).
    std::string path() const {
        std::string p;
        for (const auto& f : frames_) p = f.object ? join_path(p, f.key) : index_path(p, f.index);
        return p;
    }

  private:
    struct Frame {
        bool object;
        std::string key;
        std::size_t index;
        std::set<std::string> keys;
    };

    void element_done() {
        if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    }

    std::string_view file_;
    Diagnostics& out_;
    std::vector<Frame> frames_;
};

// parser_detail: nlohmann's message without its "[json.exception…] parse error at line L, column C: "
// prefix (we give our own position, in characters rather than bytes).
std::string parser_detail(const std::string& what) {
    const auto colon = what.find(": ");
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

}  // namespace

std::optional<Json> parse_json_text(std::string_view file, std::string_view text, Diagnostics& out) {
    if (text.size() > kMaxFileBytes) {
        out.add(file, "",
                fmt::format("the file is {} bytes; catalog files may be at most {} bytes (8 MiB)",
                            text.size(), kMaxFileBytes));
        return std::nullopt;
    }
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
        out.add(file, "line 1, column 1",
                "the file starts with a byte-order mark; save it as UTF-8 without BOM");
        return std::nullopt;
    }
    if (const auto deep = first_too_deep(text, kMaxNesting)) {
        const auto [line, column] = line_and_column(text, *deep);
        out.add(file, fmt::format("line {}, column {}", line, column),
                fmt::format("JSON nesting deeper than {} levels", kMaxNesting));
        return std::nullopt;
    }
    const std::size_t errors_before = out.size();
    KeyTracker tracker(file, out);
    try {
        Json doc = Json::parse(text, std::ref(tracker));
        if (out.size() != errors_before) return std::nullopt;
        return doc;
    } catch (const Json::out_of_range&) {
        out.add(file, tracker.path(), "the number is too large (at most about 1.8e308)");
        return std::nullopt;
    } catch (const Json::parse_error& e) {
        const auto [line, column] = line_and_column(text, e.byte > 0 ? e.byte - 1 : 0);
        out.add(file, fmt::format("line {}, column {}", line, column),
                fmt::format("malformed JSON: {}", parser_detail(e.what())));
        return std::nullopt;
    }
}

}  // namespace mamori::catalog
