/// @file
/// @brief The client's address behind a reverse proxy. `TrustedProxies` is the `--trusted-proxies` list (IPv4
/// and IPv6 addresses and CIDR ranges); `client_address` takes the client from `X-Forwarded-For` only when
/// the TCP peer is one of them, so a client talking to mamori directly cannot choose its own address.
///
///     auto trusted = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8, ::1");   // error names a bad entry
///     request.remote_address = client_address(peer, request.headers, *trusted);
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/http/message.hpp"

namespace mamori::http {

// A longer X-Forwarded-For is ignored (the peer address is used): no honest chain of proxies is this long.
inline constexpr std::size_t kMaxForwardedForBytes = 1024;

// IpAddress: an IPv4 or IPv6 address; IPv4 is held as IPv4-mapped IPv6 (::ffff:a.b.c.d), so 127.0.0.1 and
// ::ffff:127.0.0.1 (a dual-stack listener's view of it) are the same address.
struct IpAddress {
    std::array<std::uint8_t, 16> bytes{};

    // parse: a bare address ("192.0.2.1", "2001:db8::1"); no port, brackets, zone or surrounding space.
    static std::optional<IpAddress> parse(std::string_view text);
    bool is_v4() const;
    // to_string: the canonical text: dotted quad for IPv4, RFC 5952 for IPv6.
    std::string to_string() const;
    bool operator==(const IpAddress&) const = default;
};

// TrustedProxies: the peers whose X-Forwarded-For is believed. Empty trusts nobody.
class TrustedProxies {
  public:
    // parse: a comma-separated list of addresses and CIDR ranges ("127.0.0.1, 10.0.0.0/8, fd00::/8"); blank
    // entries are skipped. The error names the first bad entry.
    static Result<TrustedProxies> parse(std::string_view list);

    bool empty() const { return ranges_.empty(); }
    bool trusts(const IpAddress& address) const;

  private:
    struct Range {
        IpAddress network;
        unsigned prefix = 128;  // over the 128-bit form: an IPv4 /8 is /104
    };
    std::vector<Range> ranges_;
};

// client_address: `peer` unless it is a trusted proxy; then the X-Forwarded-For entries (all such headers,
// in order) are walked from the right, skipping trusted proxies, and the first other address is the client
// (the leftmost when all are trusted). A malformed entry reached on that walk, or an empty or overlong
// header, gives `peer`; entries left of the client are the client's own words and are never read.
std::string client_address(std::string_view peer, const Headers& headers, const TrustedProxies& trusted);

}  // namespace mamori::http
