// A deliberately raw HTTP/1.1 client over a blocking socket, so tests can send anything: malformed requests,
// oversized bodies, half-sent headers.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace mamori::testing {

// HttpResult: a parsed response; `status` is 0 when the server closed without answering.
struct HttpResult {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    std::optional<std::string> header(const std::string& name) const;  // case-insensitive
    nlohmann::json json() const;                                       // throws if the body is not JSON
};

// Connection: one TCP connection; send raw bytes, read one response.
class Connection {
  public:
    Connection(const std::string& host, int port);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void send(const std::string& bytes);
    // read_response: reads one whole response (Content-Length or until close), waiting up to timeout_ms.
    // For the answer to a HEAD request pass `head`: its Content-Length announces a body that is not sent.
    HttpResult read_response(int timeout_ms = 10000, bool head = false);
    // closed_by_peer: true when the server has closed the connection (waits up to timeout_ms).
    bool closed_by_peer(int timeout_ms);
    // ended: true when the server has closed or reset the connection without sending anything more (waits
    // up to timeout_ms). A connection still in the listen backlog when the server stops is reset, not closed.
    bool ended(int timeout_ms);
    // read_rest: every byte not yet consumed, read until the server closes or timeout_ms passes.
    std::string read_rest(int timeout_ms);

  private:
    int fd_ = -1;
    std::string pending_;
};

// request: one request on a fresh connection ("Connection: close").
HttpResult request(const std::string& host, int port, const std::string& method, const std::string& target,
                   const std::string& body = "",
                   const std::vector<std::pair<std::string, std::string>>& headers = {});

// can_connect: whether a TCP connection to host:port is accepted by the kernel right now.
bool can_connect(const std::string& host, int port);

}  // namespace mamori::testing
