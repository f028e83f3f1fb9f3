#include "mamori/http/framing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace mamori::http {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool is_chunked(std::string_view coding) {
    return std::equal(coding.begin(), coding.end(), std::string_view("chunked").begin(),
                      std::string_view("chunked").end(),
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

// codings: every transfer coding named, in order, over all field lines (a list may span lines and hold
// empty elements; parameters after ';' are not part of the name).
std::vector<std::string_view> codings(const std::vector<std::string_view>& fields) {
    std::vector<std::string_view> out;
    for (auto field : fields) {
        while (!field.empty()) {
            const auto comma = field.find(',');
            auto element = field.substr(0, comma);
            element = trim(element.substr(0, element.find(';')));
            if (!element.empty()) out.push_back(element);
            if (comma == std::string_view::npos) break;
            field.remove_prefix(comma + 1);
        }
    }
    return out;
}

}  // namespace

std::optional<std::string> refuse_framing(const std::vector<std::string_view>& transfer_encodings,
                                          bool has_content_length, unsigned minor_version) {
    if (transfer_encodings.empty()) return std::nullopt;
    // HTTP/1.0 has no transfer codings: a proxy speaking 1.0 would frame this body by Content-Length or by
    // the connection's end (RFC 9112 §6.1).
    if (minor_version == 0) return "Transfer-Encoding is not allowed in an HTTP/1.0 request";
    if (has_content_length) return "a request must not have both Transfer-Encoding and Content-Length";
    const auto named = codings(transfer_encodings);
    if (named.empty() || !is_chunked(named.back()))
        return "the last Transfer-Encoding of a request must be chunked (RFC 9112 §6.3)";
    if (named.size() > 1)
        return fmt::format("only Transfer-Encoding: chunked is supported, not '{}'", named.front());
    return std::nullopt;
}

}  // namespace mamori::http
