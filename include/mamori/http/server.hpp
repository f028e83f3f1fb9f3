/// @file
/// @brief The HTTP/1.1 server: Boost.Beast with Asio C++20 coroutines on one io_context run by one thread per
/// core. Enforces limits (header and body size, request time, open connections) and shuts down gracefully:
/// on stop() it accepts nothing new, closes idle connections, lets in-flight requests finish, then returns.
///
///     Server server(options, dispatcher);
///     auto address = server.listen();   // "127.0.0.1:41234" when port 0 was asked for
///     server.run();                     // until SIGINT/SIGTERM or stop()
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "mamori/core/error.hpp"
#include "mamori/http/dispatcher.hpp"
#include "mamori/http/forwarded_address.hpp"
#include "mamori/http/host_check.hpp"

namespace mamori::http {

// ServerOptions: where to listen and the limits every connection lives under.
struct ServerOptions {
    std::string host = "127.0.0.1";
    unsigned short port = 8080;
    std::size_t threads = 0;            // 0: one per core
    std::size_t worker_threads = 0;     // for blocking routes (Argon2id, documents); 0: half the cores, ≥ 1
    std::size_t max_worker_queue = 64;  // blocking requests waiting beyond this get 503
    std::size_t max_header_bytes = std::size_t{16} * 1024;
    std::size_t max_body_bytes = std::size_t{1024} * 1024;
    std::chrono::milliseconds request_timeout{30'000};  // to receive one whole request (or idle keep-alive)
    std::size_t max_connections = 4096;
    std::chrono::milliseconds shutdown_grace{10'000};  // in-flight requests get this long to finish
    bool handle_signals = true;                        // SIGINT and SIGTERM begin a graceful stop
    TrustedProxies trusted_proxies;                    // peers whose X-Forwarded-For names the client
    AllowedHosts allowed_hosts;  // names a request's Host may give beyond this server's own addresses
};

// Server: owns the io_context, acceptor and connections.
class Server {
  public:
    Server(ServerOptions options, const Dispatcher& dispatcher);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // listen: binds and listens; returns the bound "host:port" (the real port when 0 was asked for).
    Result<std::string> listen();

    // run: serves on the worker threads until stopped; returns once every connection has ended.
    void run();

    // stop: begins a graceful stop; callable from any thread or a signal handler context.
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace mamori::http
