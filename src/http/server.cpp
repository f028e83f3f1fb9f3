// The server: sockets, coroutines and connection limits. With beast_request.cpp, the only translation units
// that include Boost.Beast (it compiles slowly).
#include "mamori/http/server.hpp"

#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "beast_request.hpp"
#include "mamori/core/log.hpp"
#include "mamori/http/framing.hpp"
#include "mamori/http/host_check.hpp"
#include "mamori/http/problem.hpp"

namespace mamori::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;

namespace {

constexpr auto kAsTuple = asio::as_tuple(use_awaitable);

// Connection: what the server needs to reach a live connection at shutdown.
// Everything but `stream` is touched only on the connection's strand.
struct Connection {
    beast::tcp_stream stream;
    beast::flat_buffer buffer;
    // The request timeout. Not basic_stream's expiry: that closes the socket, leaving no way to answer 408.
    asio::steady_timer deadline;
    unsigned generation = 0;  // a deadline handler from an earlier operation must not cancel a later one
    bool timed_out = false;
    bool busy = false;
    const RequestParser* parser = nullptr;  // while a read is pending

    explicit Connection(tcp::socket socket) : stream(std::move(socket)), deadline(stream.get_executor()) {}

    // arm: cancels the socket's pending operation after `timeout` (sets timed_out); disarm: stops that.
    void arm(std::chrono::milliseconds timeout) {
        const unsigned armed = ++generation;
        timed_out = false;
        deadline.expires_after(timeout);
        deadline.async_wait([this, armed](const beast::error_code& e) {
            if (e || armed != generation) return;  // never touches `this` once cancelled
            timed_out = true;
            beast::error_code ignored;
            stream.socket().cancel(ignored);
        });
    }
    void disarm() {
        ++generation;
        deadline.cancel();
    }

    // request_begun: part of a request has arrived; a graceful stop lets it finish.
    bool request_begun() const {
        beast::error_code ec;
        return busy || buffer.size() > 0 || (parser != nullptr && parser->got_some()) ||
               stream.socket().available(ec) > 0;
    }
};

bhttp::response<bhttp::string_body> to_beast(Response& response, unsigned version, bool keep_alive,
                                             bool head) {
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), version};
    for (auto& [name, value] : response.headers) out.set(name, value);
    const auto length = response.body.size();
    if (!head) out.body() = std::move(response.body);
    out.keep_alive(keep_alive);
    if (head) {
        out.content_length(length);
    } else if (response.status != 304 && response.status != 204) {
        out.prepare_payload();
    }
    return out;
}

constexpr std::size_t kMebibyte = std::size_t{1024} * 1024;

// Parse failures the client caused, mapped to a status and a sentence for the problem body.
std::pair<int, std::string> classify_read_error(const beast::error_code& ec, const ServerOptions& options,
                                                std::size_t body_limit) {
    if (ec == bhttp::error::header_limit)
        return {431, fmt::format("the request headers exceed {} bytes", options.max_header_bytes)};
    if (ec == bhttp::error::body_limit)
        return {413, body_limit % kMebibyte == 0
                         ? fmt::format("the request body exceeds {} MiB ({} bytes)", body_limit / kMebibyte,
                                       body_limit)
                         : fmt::format("the request body exceeds {} bytes", body_limit)};
    if (ec == beast::error::timeout)
        return {408,
                fmt::format("the request was not received within {} ms", options.request_timeout.count())};
    return {400, fmt::format("the request is not valid HTTP/1.1 ({})", ec.message())};
}

// framing_problem: why the body of a request whose header has arrived cannot be delimited safely.
std::optional<std::string> framing_problem(const bhttp::request<bhttp::string_body>& header) {
    std::vector<std::string_view> transfer_encodings;
    const auto [first, last] = header.equal_range(bhttp::field::transfer_encoding);
    for (auto field = first; field != last; ++field)
        transfer_encodings.emplace_back(field->value().data(), field->value().size());
    return refuse_framing(transfer_encodings, header.count(bhttp::field::content_length) > 0,
                          header.version() % 10);
}

}  // namespace

struct Server::Impl {
    ServerOptions options;
    const Dispatcher& dispatcher;
    asio::io_context io;
    tcp::acceptor acceptor{io};
    asio::signal_set signals{io};
    std::atomic<bool> stopping{false};
    std::atomic<std::size_t> open{0};
    // The worker pool for blocking routes: its own io_context and threads that run at a lower priority, so
    // a storm of Argon2id logins cannot starve the I/O threads of CPU.
    asio::io_context work_io;
    asio::executor_work_guard<asio::io_context::executor_type> work_guard{work_io.get_executor()};
    std::vector<std::jthread> work_threads;
    std::atomic<std::size_t> worker_load{0};
    std::mutex connections_mutex;
    std::set<std::shared_ptr<Connection>> connections;

    Impl(ServerOptions o, const Dispatcher& d)
        : options(std::move(o)), dispatcher(d), io(static_cast<int>(thread_count())) {
        const std::size_t n = options.worker_threads > 0
                                  ? options.worker_threads
                                  : std::max<std::size_t>(1, std::thread::hardware_concurrency() / 2);
        for (std::size_t i = 0; i < n; ++i) {
            work_threads.emplace_back([this] {
                // Linux applies nice per thread; failure only means equal priority.
                (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
                work_io.run();
            });
        }
    }

    ~Impl() {
        work_guard.reset();
        work_io.stop();
        work_threads.clear();
    }

    // respond: runs the handler, on the worker pool for blocking routes (then back on the connection's
    // strand).
    awaitable<Response> respond(Request& request) {
        if (!dispatcher.runs_on_worker(request)) co_return dispatcher.handle(request);
        if (worker_load.fetch_add(1) >= work_threads.size() + options.max_worker_queue) {
            worker_load.fetch_sub(1);
            request.request_id = assign_request_id(request);
            Response busy =
                problem_response(503, "the server is busy; retry in a moment", request.request_id);
            busy.set_header("Retry-After", "1");
            dispatcher.finish(request, busy, "busy", std::chrono::steady_clock::now());
            co_return busy;
        }
        // co_spawn runs the handler on a worker thread; awaiting it resumes this coroutine on its own strand.
        // (A bare `co_await post(work_io, use_awaitable)` would resume right back on the strand, hashing on
        // the I/O thread after all.)
        Response response = co_await asio::co_spawn(
            work_io, [this, &request]() -> awaitable<Response> { co_return dispatcher.handle(request); },
            use_awaitable);
        worker_load.fetch_sub(1);
        co_return response;
    }

    std::size_t thread_count() const {
        if (options.threads > 0) return options.threads;
        return std::max(1u, std::thread::hardware_concurrency());
    }

    awaitable<void> write_problem(beast::tcp_stream& stream, int status, const std::string& detail,
                                  const std::string& remote) {
        Request request;
        request.remote_address = remote;
        request.request_id = assign_request_id(request);
        Response response = problem_response(status, detail, request.request_id);
        response.close_connection = true;
        dispatcher.finish(request, response, "rejected", std::chrono::steady_clock::now());
        auto out = to_beast(response, 11, false, false);
        stream.expires_after(std::chrono::seconds(5));
        co_await bhttp::async_write(stream, out, kAsTuple);
    }

    awaitable<void> serve(std::shared_ptr<Connection> connection) {
        auto& stream = connection->stream;
        beast::error_code ec;
        const auto endpoint = stream.socket().remote_endpoint(ec);
        const std::string remote = ec ? std::string("unknown") : endpoint.address().to_string();
        const auto local_endpoint = stream.socket().local_endpoint(ec);
        const std::string local = ec ? std::string() : local_endpoint.address().to_string();
        stream.socket().set_option(tcp::no_delay(true), ec);
        auto& buffer = connection->buffer;
        for (;;) {
            RequestParser parser;
            limit_header(parser, options.max_header_bytes);
            connection->busy = false;
            if (stopping.load()) break;
            connection->parser = &parser;
            connection->arm(options.request_timeout);
            // The header first: the route decides how large a body it accepts (uploads may be larger).
            auto [read_error, bytes] = co_await bhttp::async_read_header(stream, buffer, parser, kAsTuple);
            std::size_t body_limit = options.max_body_bytes;
            if (!read_error && !connection->timed_out) {
                // Before any body is read: what follows a badly framed header is never parsed as a request.
                if (auto refused = framing_problem(parser.get())) {
                    connection->disarm();
                    connection->parser = nullptr;
                    co_await write_problem(stream, 400, *refused, remote);
                    break;
                }
            }
            if (!read_error && !connection->timed_out && !parser.is_done()) {
                const auto& header = parser.get();
                body_limit =
                    dispatcher.body_limit(parse_method(header.method_string()),
                                          {header.target().data(), header.target().size()}, body_limit);
                if (!limit_body(parser, body_limit)) {
                    read_error = bhttp::error::body_limit;
                } else {
                    std::tie(read_error, bytes) =
                        co_await bhttp::async_read(stream, buffer, parser, kAsTuple);
                }
            }
            (void)bytes;
            connection->disarm();
            connection->parser = nullptr;
            if (connection->timed_out) read_error = beast::error::timeout;
            if (read_error) {
                const bool partial = parser.got_some() || buffer.size() > 0;
                const bool peer_gone = read_error == bhttp::error::end_of_stream ||
                                       read_error == asio::error::operation_aborted ||
                                       read_error == asio::error::connection_reset ||
                                       read_error == asio::error::eof;
                // An idle keep-alive connection that times out or closes is normal, not an error to answer.
                if (peer_gone || (read_error == beast::error::timeout && !partial)) break;
                auto [status, detail] = classify_read_error(read_error, options, body_limit);
                co_await write_problem(stream, status, detail, remote);
                break;
            }
            connection->busy = true;
            const auto started = std::chrono::steady_clock::now();
            auto message = parser.release();
            const bool client_keep_alive = message.keep_alive();
            const unsigned version = message.version();
            bool bad_target = false;
            Request request = to_request(std::move(message), remote, options.trusted_proxies, bad_target);
            Response response;
            const auto wrong_host = refuse_host(request, options.allowed_hosts, local);
            if (bad_target || wrong_host) {
                request.request_id = assign_request_id(request);
                const auto& [status, detail] =
                    wrong_host ? *wrong_host : HostRefusal{400, "the request target is not a valid path"};
                response = problem_response(status, detail, request.request_id);
                // A request for another site's name (DNS rebinding) gets nothing more on this connection.
                response.close_connection = wrong_host.has_value();
                dispatcher.finish(request, response, "rejected", started);
            } else {
                response = co_await respond(request);
            }
            const bool keep_alive = client_keep_alive && !response.close_connection && !stopping.load();
            auto out = to_beast(response, version, keep_alive, request.method == Method::head);
            connection->arm(options.request_timeout);
            auto [write_error, written] = co_await bhttp::async_write(stream, out, kAsTuple);
            (void)written;
            connection->disarm();
            if (write_error || !keep_alive) break;
        }
        stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream.socket().close(ec);
    }

    void track(const std::shared_ptr<Connection>& c, bool add) {
        std::lock_guard lock(connections_mutex);
        if (add) {
            connections.insert(c);
        } else {
            connections.erase(c);
        }
    }

    awaitable<void> accept_loop() {
        for (;;) {
            auto strand = asio::make_strand(io);
            auto [ec, socket] = co_await acceptor.async_accept(strand, kAsTuple);
            if (ec) {
                if (!acceptor.is_open() || stopping.load()) co_return;
                log_event(spdlog::level::warn, "accept failed", {{"error", ec.message()}});
                continue;
            }
            auto connection = std::make_shared<Connection>(std::move(socket));
            const bool over_limit = open.load() >= options.max_connections;
            open.fetch_add(1);
            dispatcher.metrics().connection_opened();
            track(connection, true);
            asio::co_spawn(strand, handle_connection(connection, over_limit), asio::detached);
        }
    }

    awaitable<void> handle_connection(std::shared_ptr<Connection> connection, bool over_limit) {
        try {
            if (over_limit) {
                beast::error_code ec;
                const auto endpoint = connection->stream.socket().remote_endpoint(ec);
                const std::string remote = ec ? std::string("unknown") : endpoint.address().to_string();
                co_await write_problem(connection->stream, 503,
                                       "the server has too many open connections; retry", remote);
            } else {
                co_await serve(connection);
            }
        } catch (const std::exception& e) {
            log_event(spdlog::level::err, "connection failed", {{"error", e.what()}});
        }
        track(connection, false);
        open.fetch_sub(1);
        dispatcher.metrics().connection_closed();
    }

    void begin_stop() {
        if (stopping.exchange(true)) return;
        log_event(spdlog::level::info, "shutting down", {{"open_connections", open.load()}});
        asio::post(io, [this] {
            beast::error_code ec;
            acceptor.close(ec);
            signals.cancel(ec);
            std::vector<std::shared_ptr<Connection>> idle;
            {
                std::lock_guard lock(connections_mutex);
                idle.assign(connections.begin(), connections.end());
            }
            for (auto& c : idle) {
                asio::post(c->stream.get_executor(), [c] {
                    if (c->request_begun()) return;  // finishes its response, sees `stopping` and closes
                    beast::error_code ignored;
                    c->stream.socket().cancel(ignored);
                });
            }
            asio::co_spawn(io, force_stop_after_grace(), asio::detached);
        });
    }

    awaitable<void> force_stop_after_grace() {
        asio::steady_timer timer(io);
        const auto deadline = std::chrono::steady_clock::now() + options.shutdown_grace;
        while (open.load() > 0 && std::chrono::steady_clock::now() < deadline) {
            timer.expires_after(std::chrono::milliseconds(20));
            co_await timer.async_wait(kAsTuple);
        }
        if (open.load() > 0) {
            log_event(spdlog::level::warn, "shutdown grace period over; closing remaining connections",
                      {{"open_connections", open.load()}});
            io.stop();
        }
    }
};

Server::Server(ServerOptions options, const Dispatcher& dispatcher)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher)) {}

Server::~Server() = default;

Result<std::string> Server::listen() {
    auto& impl = *impl_;
    beast::error_code ec;
    tcp::resolver resolver(impl.io);
    auto results = resolver.resolve(impl.options.host, std::to_string(impl.options.port),
                                    tcp::resolver::passive | tcp::resolver::numeric_service, ec);
    if (ec || results.empty())
        return fail(
            ErrorCode::invalid_input,
            fmt::format("cannot resolve host '{}': {}", impl.options.host, ec ? ec.message() : "no address"),
            "listen");
    const tcp::endpoint endpoint = results.begin()->endpoint();
    impl.acceptor.open(endpoint.protocol(), ec);
    if (!ec) impl.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) impl.acceptor.bind(endpoint, ec);
    if (!ec) impl.acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return fail(
            ErrorCode::unavailable,
            fmt::format("cannot listen on {}:{}: {}", impl.options.host, impl.options.port, ec.message()),
            "listen");
    // Catch SIGINT/SIGTERM from now on, before the caller announces the address: a signal that arrives
    // before run() is queued by the signal_set instead of killing the process.
    if (impl.options.handle_signals) {
        impl.signals.add(SIGINT, ec);
        if (!ec) impl.signals.add(SIGTERM, ec);
        if (ec)
            return fail(ErrorCode::internal, fmt::format("cannot handle signals: {}", ec.message()),
                        "listen");
    }
    const auto bound = impl.acceptor.local_endpoint();
    const auto host = bound.address().is_v6() ? fmt::format("[{}]", bound.address().to_string())
                                              : bound.address().to_string();
    return fmt::format("{}:{}", host, bound.port());
}

void Server::run() {
    auto& impl = *impl_;
    if (impl.options.handle_signals) {
        impl.signals.async_wait([&impl](const beast::error_code& ec, int) {
            if (!ec) impl.begin_stop();
        });
    }
    asio::co_spawn(impl.io, impl.accept_loop(), asio::detached);
    std::vector<std::jthread> io_threads;
    for (std::size_t i = 1; i < impl.thread_count(); ++i) io_threads.emplace_back([&impl] { impl.io.run(); });
    impl.io.run();
    io_threads.clear();
}

void Server::stop() {
    impl_->begin_stop();
}

}  // namespace mamori::http
