#include "mamori/http/forwarded_address.hpp"

#include <arpa/inet.h>
#include <fmt/format.h>

#include <charconv>

namespace mamori::http {

namespace {

constexpr unsigned kV4Offset = 96;  // bits before an IPv4 address in its IPv4-mapped form

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

bool in_range(const IpAddress& address, const IpAddress& network, unsigned prefix) {
    for (unsigned i = 0; i < 16 && prefix > 0; ++i) {
        const unsigned bits = prefix >= 8 ? 8 : prefix;
        const auto mask = static_cast<std::uint8_t>(0xFF << (8 - bits));
        if ((address.bytes[i] & mask) != (network.bytes[i] & mask)) return false;
        prefix -= bits;
    }
    return true;
}

// forwarded_for: every X-Forwarded-For header joined in arrival order, as if they had been one list.
std::optional<std::string> forwarded_for(const Headers& headers) {
    std::optional<std::string> joined;
    for (const auto& [name, value] : headers) {
        if (!iequals(name, "X-Forwarded-For")) continue;
        if (joined) {
            *joined += ',';
            *joined += value;
        } else {
            joined = value;
        }
        if (joined->size() > kMaxForwardedForBytes) return std::nullopt;
    }
    return joined;
}

}  // namespace

std::optional<IpAddress> IpAddress::parse(std::string_view text) {
    // inet_pton needs a terminated string, so a NUL inside would end the text early and the rest go unread;
    // anything longer than the longest IPv6 text is not an address.
    if (text.empty() || text.size() >= INET6_ADDRSTRLEN || text.find('\0') != std::string_view::npos)
        return std::nullopt;
    const std::string terminated(text);
    IpAddress address;
    if (text.find(':') == std::string_view::npos) {
        in_addr v4{};
        if (inet_pton(AF_INET, terminated.c_str(), &v4) != 1) return std::nullopt;
        address.bytes[10] = 0xFF;
        address.bytes[11] = 0xFF;
        const auto* octets = reinterpret_cast<const std::uint8_t*>(&v4.s_addr);
        std::copy(octets, octets + 4, address.bytes.begin() + 12);
        return address;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, terminated.c_str(), &v6) != 1) return std::nullopt;
    std::copy(v6.s6_addr, v6.s6_addr + 16, address.bytes.begin());
    return address;
}

bool IpAddress::is_v4() const {
    for (unsigned i = 0; i < 10; ++i)
        if (bytes[i] != 0) return false;
    return bytes[10] == 0xFF && bytes[11] == 0xFF;
}

std::string IpAddress::to_string() const {
    char text[INET6_ADDRSTRLEN] = {};
    if (is_v4()) return fmt::format("{}.{}.{}.{}", bytes[12], bytes[13], bytes[14], bytes[15]);
    in6_addr v6{};
    std::copy(bytes.begin(), bytes.end(), v6.s6_addr);
    inet_ntop(AF_INET6, &v6, text, sizeof text);
    return text;
}

Result<TrustedProxies> TrustedProxies::parse(std::string_view list) {
    TrustedProxies trusted;
    while (!list.empty()) {
        const auto comma = list.find(',');
        const auto entry = trim(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
        if (entry.empty()) continue;
        const auto bad = [&entry] {
            return fail(
                ErrorCode::invalid_input,
                fmt::format("'{}' is not an IP address or CIDR range (e.g. 127.0.0.1, 10.0.0.0/8, ::1)",
                            entry),
                "trusted-proxies");
        };
        const auto slash = entry.find('/');
        const auto address = IpAddress::parse(entry.substr(0, slash));
        if (!address) return bad();
        const unsigned width = address->is_v4() && entry.find(':') == std::string_view::npos ? 32 : 128;
        unsigned prefix = width;
        if (slash != std::string_view::npos) {
            const auto digits = entry.substr(slash + 1);
            const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
            if (digits.empty() || digits.size() > 3 || ec != std::errc() ||
                end != digits.data() + digits.size() || prefix > width)
                return bad();
        }
        trusted.ranges_.push_back({*address, width == 32 ? prefix + kV4Offset : prefix});
    }
    return trusted;
}

bool TrustedProxies::trusts(const IpAddress& address) const {
    for (const auto& range : ranges_)
        if (in_range(address, range.network, range.prefix)) return true;
    return false;
}

std::string client_address(std::string_view peer, const Headers& headers, const TrustedProxies& trusted) {
    if (trusted.empty()) return std::string(peer);
    const auto peer_address = IpAddress::parse(peer);
    if (!peer_address || !trusted.trusts(*peer_address)) return std::string(peer);
    const auto list = forwarded_for(headers);
    if (!list) return std::string(peer);
    std::string_view rest = *list;
    std::optional<IpAddress> leftmost;
    while (!rest.empty()) {
        const auto comma = rest.rfind(',');
        const auto entry = trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
        const auto address = IpAddress::parse(entry);
        if (!address) return std::string(peer);
        if (!trusted.trusts(*address)) return address->to_string();
        leftmost = address;
    }
    return leftmost ? leftmost->to_string() : std::string(peer);
}

}  // namespace mamori::http
