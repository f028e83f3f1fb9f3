// The client address behind a reverse proxy: the input's first line is a --trusted-proxies list
// (TrustedProxies::parse), the second the TCP peer, every further line an X-Forwarded-For header
// (client_address). An address that IpAddress::parse accepts is a bare address (hex digits, '.' and ':' only)
// and its canonical text parses back to it; the client is the peer or such an address.
#include "mamori/http/forwarded_address.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "check.hpp"

namespace {

using mamori::fuzz::fuzz_check;
using mamori::http::IpAddress;

void check_address(std::string_view text) {
    const auto address = IpAddress::parse(text);
    if (!address) return;
    fuzz_check(text.find_first_not_of("0123456789abcdefABCDEF.:") == std::string_view::npos,
               "an accepted address is a bare address");
    fuzz_check(IpAddress::parse(address->to_string()) == address, "the canonical text parses back");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string_view> lines;
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        lines.push_back(rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    }
    if (lines.size() < 2) return 0;
    const auto trusted = mamori::http::TrustedProxies::parse(lines[0]);
    if (!trusted) return 0;
    mamori::http::Headers headers;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        check_address(lines[i]);
        if (i > 1) headers.emplace_back("X-Forwarded-For", std::string(lines[i]));
    }
    const auto client = mamori::http::client_address(lines[1], headers, *trusted);
    fuzz_check(client == lines[1] || IpAddress::parse(client).has_value(),
               "the client is the peer or an address");
    return 0;
}
