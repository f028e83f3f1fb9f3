#include "mamori/http/host_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "mamori/http/forwarded_address.hpp"

namespace mamori::http {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool is_name_character(unsigned char c) {
    return std::isalnum(c) != 0 || c == '-' || c == '.';
}

// host_name: the name of a Host value without its port and IPv6 brackets; nullopt when malformed.
std::optional<std::string_view> host_name(std::string_view host) {
    std::string_view name = host, port;
    if (!host.empty() && host.front() == '[') {
        const auto close = host.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        name = host.substr(1, close - 1);
        const auto rest = host.substr(close + 1);
        if (!rest.empty() && rest.front() != ':') return std::nullopt;
        if (!rest.empty()) port = rest.substr(1);
        if (!IpAddress::parse(name)) return std::nullopt;
    } else {
        const auto colon = host.find(':');
        if (colon != std::string_view::npos) {
            name = host.substr(0, colon);
            port = host.substr(colon + 1);
            if (port.empty()) return std::nullopt;
        }
        if (name.empty() || !std::all_of(name.begin(), name.end(), is_name_character)) return std::nullopt;
    }
    if (!std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c) != 0; }))
        return std::nullopt;
    return name;
}

// is_loopback: 127.0.0.0/8 (also IPv4-mapped) or ::1.
bool is_loopback(const IpAddress& address) {
    static const IpAddress kIpv6Loopback = *IpAddress::parse("::1");
    return address == kIpv6Loopback || (address.is_v4() && address.bytes[12] == 127);
}

}  // namespace

Result<AllowedHosts> AllowedHosts::parse(std::string_view list) {
    AllowedHosts allowed;
    while (!list.empty()) {
        const auto comma = list.find(',');
        const auto entry = trim(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        if (entry.empty()) continue;
        std::string_view name = entry;
        if (name.size() > 2 && name.front() == '[' && name.back() == ']')
            name = name.substr(1, name.size() - 2);
        if (const auto address = IpAddress::parse(name)) {
            allowed.addresses_.push_back(*address);
            continue;
        }
        if (!std::all_of(name.begin(), name.end(), is_name_character))
            return fail(ErrorCode::invalid_input,
                        fmt::format("'{}' is not a host name or IP address (give no port or scheme)", entry),
                        "allowed-hosts");
        allowed.names_.push_back(lower(name));
    }
    return allowed;
}

bool AllowedHosts::allows(std::string_view host, std::string_view local_address) const {
    const auto name_view = host_name(trim(host));
    if (!name_view) return false;
    const std::string name = lower(*name_view);
    const auto address = IpAddress::parse(name);  // a Host naming an IP address (no DNS, so no rebinding)
    if (address ? std::find(addresses_.begin(), addresses_.end(), *address) != addresses_.end()
                : std::find(names_.begin(), names_.end(), name) != names_.end())
        return true;
    const auto local = IpAddress::parse(local_address);
    if (!local) return false;
    if (address && *address == *local) return true;
    return is_loopback(*local) && (name == "localhost" || (address && is_loopback(*address)));
}

bool exempt_from_host_check(std::string_view path) {
    return path == "/healthz" || path == "/readyz" || path == "/metrics";
}

std::optional<HostRefusal> refuse_host(const Request& request, const AllowedHosts& allowed,
                                       std::string_view local_address) {
    if (exempt_from_host_check(request.path)) return std::nullopt;
    const auto count = std::count_if(request.headers.begin(), request.headers.end(),
                                     [](const auto& h) { return iequals(h.first, "Host"); });
    if (count != 1) return HostRefusal{400, "the request must have exactly one Host header"};
    if (!allowed.allows(*request.header("Host"), local_address))
        return HostRefusal{421,
                           "this server does not answer for the name in the Host header; an operator can "
                           "add it with --allowed-hosts"};
    return std::nullopt;
}

}  // namespace mamori::http
