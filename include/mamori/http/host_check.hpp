/// @file
/// @brief Which `Host` a request may name. A web page on another site can make a browser send requests to
/// mamori by pointing its own DNS name at mamori's address (DNS rebinding); the browser then treats mamori's
/// answers as that site's and lets the page read them. The request still names the page's site in `Host`,
/// so refusing every Host that is not mamori's own name stops it. Accepted names:
/// - the names and addresses configured with `--allowed-hosts` (the public name behind a proxy);
/// - the address the connection arrived at (so the listen address, and an IP a monitoring host uses);
/// - `localhost`, `127.0.0.1` and `[::1]` on a connection that arrived on a loopback address.
/// The port is not compared: the browser always writes the port it connected to, so it tells nothing about
/// the page, and a proxy may drop it (nginx's `$host`).
///
///     auto allowed = AllowedHosts::parse("mamori.clinic.example, 192.0.2.7");   // error names the entry
///     if (auto refused = refuse_host(request, *allowed, local_address)) answer refused->first and close
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/http/forwarded_address.hpp"
#include "mamori/http/message.hpp"

namespace mamori::http {

class AllowedHosts {
  public:
    // parse: a comma-separated list of host names and IP addresses (IPv6 with or without brackets), without
    // ports; blank entries are skipped.
    static Result<AllowedHosts> parse(std::string_view list);

    // allows: whether the Host header value `host` ("name", "name:port", "[v6]:port") names this server on a
    // connection whose local address is `local_address` (as the socket gives it, e.g. "::ffff:127.0.0.1").
    bool allows(std::string_view host, std::string_view local_address) const;

  private:
    std::vector<std::string> names_;  // lower-case
    std::vector<IpAddress> addresses_;
};

// exempt_from_host_check: the operational endpoints (/healthz, /readyz, /metrics) answer whatever the Host:
// monitors and load balancers often probe by an address or a name of their own, and these change nothing
// and tell a page nothing worth a rebinding attack (restrict /metrics at the proxy or firewall anyway).
bool exempt_from_host_check(std::string_view path);

// HostRefusal: the status (400: no Host or several; 421: a name that is not this server's) and why.
using HostRefusal = std::pair<int, std::string>;

// refuse_host: why `request`, which arrived at `local_address`, may not be answered; nullopt when it may.
std::optional<HostRefusal> refuse_host(const Request& request, const AllowedHosts& allowed,
                                       std::string_view local_address);

}  // namespace mamori::http
