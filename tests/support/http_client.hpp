// A deliberately raw HTTP/1.1 client over a blocking socket, so tests can send anything: malformed requests,
// oversized bodies, half-sent headers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace mamori::testing {

// HttpResult: a parsed response; `status` is 0 when the server closed without answering.
struct HttpResult {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    std::optional<std::string> header(const std::string& name) const;  // case-insensitive
    nlohmann::json json() const;                                         // throws if the body is not JSON
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
    HttpResult read_response(int timeout_ms = 10000);
    // closed_by_peer: true when the server has closed the connection (waits up to timeout_ms).
    bool closed_by_peer(int timeout_ms);

private:
    int fd_ = -1;
    std::string pending_;
};

// request: one request on a fresh connection ("Connection: close").
HttpResult request(const std::string& host, int port, const std::string& method, const std::string& target,
                   const std::string& body = "", const std::vector<std::pair<std::string, std::string>>& headers = {});

}  // namespace mamori::testing
