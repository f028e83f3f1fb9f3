#include "beast_request.hpp"

#include <string_view>

namespace mamori::http {

void limit_header(RequestParser& parser, std::size_t max_header_bytes) {
    parser.header_limit(static_cast<std::uint32_t>(max_header_bytes));
    parser.body_limit(boost::none);
}

bool limit_body(RequestParser& parser, std::size_t limit) {
    const auto declared = parser.content_length();
    if (declared && *declared > limit) return false;
    parser.body_limit(limit);
    return true;
}

Request to_request(BeastRequest&& in, const std::string& peer, const TrustedProxies& trusted,
                   bool& bad_target) {
    Request r;
    r.method = parse_method(std::string_view(in.method_string().data(), in.method_string().size()));
    const std::string_view target(in.target().data(), in.target().size());
    const auto question = target.find('?');
    const auto path = target.substr(0, question);
    auto decoded = percent_decode(path);
    bad_target = !decoded || path.empty() || path.front() != '/' || decoded->find('\0') != std::string::npos;
    r.path = decoded ? std::move(*decoded) : std::string(path);
    if (question != std::string_view::npos) r.query = std::string(target.substr(question + 1));
    r.headers.reserve(8);
    for (const auto& field : in)
        r.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    r.body = std::move(in.body());
    r.remote_address = client_address(peer, r.headers, trusted);
    return r;
}

}  // namespace mamori::http
