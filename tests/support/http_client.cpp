#include "support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

#include "mamori/http/message.hpp"

namespace mamori::testing {

std::optional<std::string> HttpResult::header(const std::string& name) const {
    for (const auto& [k, v] : headers)
        if (http::iequals(k, name)) return v;
    return std::nullopt;
}

nlohmann::json HttpResult::json() const {
    return nlohmann::json::parse(body);
}

Connection::Connection(const std::string& host, int port) {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, host.c_str(), &addr.sin_addr);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd_);
        throw std::runtime_error("cannot connect to " + host + ":" + std::to_string(port));
    }
}

Connection::~Connection() {
    if (fd_ >= 0) close(fd_);
}

void Connection::send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return;  // the server may close early (e.g. after 413); the reply is still readable
        sent += static_cast<std::size_t>(n);
    }
}

HttpResult Connection::read_response(int timeout_ms, bool head_request) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    HttpResult result;
    bool eof = false;
    auto fill = [&] {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd p{fd_, POLLIN, 0};
        if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
        char buf[16384];
        const ssize_t n = recv(fd_, buf, sizeof buf, 0);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pending_.append(buf, static_cast<std::size_t>(n));
        return true;
    };
    std::size_t header_end;
    while ((header_end = pending_.find("\r\n\r\n")) == std::string::npos)
        if (!fill()) return result;
    const std::string head = pending_.substr(0, header_end);
    pending_.erase(0, header_end + 4);
    std::size_t line_end = head.find("\r\n");
    const std::string status_line = head.substr(0, line_end);
    result.status = std::stoi(status_line.substr(9, 3));
    while (line_end != std::string::npos) {
        const std::size_t start = line_end + 2;
        line_end = head.find("\r\n", start);
        const std::string line =
            head.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        result.headers.emplace_back(line.substr(0, colon), value);
    }
    if (head_request) return result;
    if (auto length = result.header("Content-Length")) {
        const std::size_t want = std::stoul(*length);
        while (pending_.size() < want)
            if (!fill()) break;
        result.body = pending_.substr(0, want);
        pending_.erase(0, std::min(want, pending_.size()));
    } else if (result.status != 304 && result.status != 204) {
        while (!eof && fill()) {
        }
        result.body = std::move(pending_);
        pending_.clear();
    }
    return result;
}

bool Connection::closed_by_peer(int timeout_ms) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return false;
    char c;
    return recv(fd_, &c, 1, MSG_PEEK) == 0;
}

bool Connection::ended(int timeout_ms) {
    if (!pending_.empty()) return false;
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return false;
    char c;
    return recv(fd_, &c, 1, MSG_PEEK) <= 0;
}

std::string Connection::read_rest(int timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    std::string out = std::move(pending_);
    pending_.clear();
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd p{fd_, POLLIN, 0};
        if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
        char buf[16384];
        const ssize_t n = recv(fd_, buf, sizeof buf, 0);
        if (n <= 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

bool can_connect(const std::string& host, int port) {
    try {
        Connection c(host, port);
        return true;
    } catch (const std::runtime_error&) {
        return false;
    }
}

HttpResult request(const std::string& host, int port, const std::string& method, const std::string& target,
                   const std::string& body, const std::vector<std::pair<std::string, std::string>>& headers) {
    Connection c(host, port);
    std::string raw = method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n";
    for (const auto& [k, v] : headers) raw += k + ": " + v + "\r\n";
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")
        raw += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    raw += "\r\n" + body;
    c.send(raw);
    return c.read_response(10000, method == "HEAD");
}

}  // namespace mamori::testing
