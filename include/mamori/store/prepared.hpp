/// @file
/// @brief Statements prepared once per pooled connection and reused by every later request on it. Without
/// this, SQLite parses and plans each query again on every request, and SOCI prepares, executes and
/// deallocates a named statement on PostgreSQL — three round trips where one (execute) is needed.
///
///     for (const soci::row& r : store::query(sql, "SELECT name FROM users WHERE id = :id", id)) ...;
///     const long long changed = store::execute(sql, "UPDATE users SET name = :n WHERE id = :id", name, id);
///
/// Parameters bind by position: each placeholder appears once, in the order of the arguments (integers,
/// text, or std::optional of either for NULL). Only fixed query texts belong here (the cache of a connection
/// holds at most kStatementCacheSize of them; beyond that statements are prepared per call as before).
/// A statement is cached while its connection is leased from Database (which owns the cache and clears it
/// when it reconnects); on a session without a lease, or while the same statement is still being read
/// further up the stack, a one-off statement is used. Every result is finished when `Rows` is destroyed
/// (SQLite: the statement is reset), so a partly read result never keeps a read snapshot open.
#pragma once

#include <soci/soci.h>

#include <concepts>
#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <typeindex>
#include <unordered_map>

namespace mamori::store {

// kStatementCacheSize: how many statements one connection keeps prepared.
inline constexpr std::size_t kStatementCacheSize = 64;

// PreparedStatement: a SOCI statement with its result row; parameters live in the derived TypedStatement.
class PreparedStatement {
  public:
    PreparedStatement(soci::session& sql, std::type_index types);
    virtual ~PreparedStatement() = default;
    PreparedStatement(const PreparedStatement&) = delete;
    PreparedStatement& operator=(const PreparedStatement&) = delete;

    // finish: ends the current execution (SQLite: resets the statement, releasing its read snapshot).
    void finish();

    soci::statement statement;
    soci::row row;
    const std::type_index types;
    const bool sqlite;  // SOCI's backend classes export no type information: no dynamic_cast
    bool in_use = false;
};

// StatementCache: one connection's prepared statements by query text. Owned by Database, one per pooled
// session; not thread-safe (a leased session is used by one thread at a time).
class StatementCache {
  public:
    // find: the cached statement for `text` bound to parameters of `types`, or nullptr.
    PreparedStatement* find(std::string_view text, std::type_index types) const;
    // keep: caches `statement` under `text` if there is room; returns it either way.
    PreparedStatement* keep(std::string_view text, std::unique_ptr<PreparedStatement>& statement);
    // clear: drops every statement (before a reconnect: server-side statements die with the connection).
    void clear() { entries_.clear(); }
    std::size_t size() const { return entries_.size(); }

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::unique_ptr<PreparedStatement>, Hash, std::equal_to<>> entries_;
};

// bind_cache: from now until unbind_cache(sql) on this thread, statements on `sql` made on this thread are
// cached in `cache` (Database::Lease does this; leases end on the thread that took them, as handlers are
// synchronous). Bindings may end in any order.
void bind_cache(soci::session& sql, StatementCache& cache);
void unbind_cache(soci::session& sql);

// cache_for: the cache bound to `sql` on this thread, or nullptr.
StatementCache* cache_for(soci::session& sql);

namespace detail {

// Slot: one bound parameter (value and NULL indicator), at a fixed address for SOCI's use().
template <typename T>
struct Slot {
    T value{};
    soci::indicator indicator = soci::i_ok;
};

template <typename T>
struct Param;
template <std::integral T>
struct Param<T> {
    using type = long long;
    static void set(Slot<type>& s, T v) { s = {static_cast<long long>(v), soci::i_ok}; }
};
template <>
struct Param<bool> {
    using type = int;
    static void set(Slot<type>& s, bool v) { s = {v ? 1 : 0, soci::i_ok}; }
};
template <>
struct Param<std::string> {
    using type = std::string;
    static void set(Slot<type>& s, const std::string& v) {
        s.value = v;
        s.indicator = soci::i_ok;
    }
};
template <typename T>
struct Param<std::optional<T>> {
    using type = typename Param<T>::type;
    static void set(Slot<type>& s, const std::optional<T>& v) {
        if (v) {
            Param<T>::set(s, *v);
        } else {
            s.value = type{};
            s.indicator = soci::i_null;
        }
    }
};

template <typename... P>
class TypedStatement final : public PreparedStatement {
  public:
    TypedStatement(soci::session& sql, std::string_view text, bool returns_rows)
        : PreparedStatement(sql, typeid(TypedStatement)) {
        if (returns_rows) statement.exchange(soci::into(row));
        std::apply([&](auto&... slot) { (statement.exchange(soci::use(slot.value, slot.indicator)), ...); },
                   slots);
        statement.alloc();
        statement.prepare(std::string(text));
        statement.define_and_bind();
    }
    template <typename... A>
    void set(const A&... values) {
        set_each(std::index_sequence_for<A...>{}, values...);
    }

  private:
    template <std::size_t... I, typename... A>
    void set_each(std::index_sequence<I...>, const A&... values) {
        (Param<P>::set(std::get<I>(slots), values), ...);
    }
    std::tuple<Slot<typename Param<P>::type>...> slots;
};

// Lease: a statement for one execution, cached or one-off; finished and released when destroyed.
class Lease {
  public:
    Lease(PreparedStatement* statement, std::unique_ptr<PreparedStatement> owned)
        : statement_(statement), owned_(std::move(owned)) {
        statement_->in_use = true;
    }
    Lease(Lease&& other) noexcept : statement_(other.statement_), owned_(std::move(other.owned_)) {
        other.statement_ = nullptr;
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    PreparedStatement& operator*() const { return *statement_; }
    PreparedStatement* operator->() const { return statement_; }

  private:
    PreparedStatement* statement_;
    std::unique_ptr<PreparedStatement> owned_;
};

template <typename T>
using param_t = std::conditional_t<std::is_convertible_v<const T&, std::string_view> &&
                                       !std::is_same_v<std::decay_t<T>, std::nullopt_t>,
                                   std::string, std::decay_t<T>>;

// statement_for: the cached statement for `text` (prepared and cached on first use) with the parameters
// set, or a one-off statement when there is no cache or the cached one is in use.
template <typename... A>
Lease statement_for(soci::session& sql, std::string_view text, bool returns_rows, const A&... values) {
    using Typed = TypedStatement<param_t<A>...>;
    StatementCache* cache = cache_for(sql);
    PreparedStatement* found = cache ? cache->find(text, typeid(Typed)) : nullptr;
    std::unique_ptr<PreparedStatement> owned;
    if (found == nullptr || found->in_use) {
        owned = std::make_unique<Typed>(sql, text, returns_rows);
        if (cache != nullptr && found == nullptr) found = cache->keep(text, owned);
        if (owned) found = owned.get();
    }
    static_cast<Typed&>(*found).set(param_t<A>(values)...);
    return Lease(found, std::move(owned));
}

}  // namespace detail

// Rows: the result of query(), read once from begin() to end(); the row object is reused for each row.
class Rows {
  public:
    explicit Rows(detail::Lease lease) : lease_(std::move(lease)) { more_ = lease_->statement.execute(true); }

    class Iterator {
      public:
        using value_type = soci::row;
        using difference_type = std::ptrdiff_t;
        explicit Iterator(Rows* rows) : rows_(rows) {}
        const soci::row& operator*() const { return rows_->lease_->row; }
        Iterator& operator++() {
            rows_->more_ = rows_->lease_->statement.fetch();
            return *this;
        }
        bool operator==(std::default_sentinel_t) const { return !rows_->more_; }

      private:
        Rows* rows_;
    };
    Iterator begin() { return Iterator(this); }
    std::default_sentinel_t end() const { return {}; }

  private:
    detail::Lease lease_;
    bool more_ = false;
};

// query: runs a SELECT with the given parameters.
template <typename... A>
Rows query(soci::session& sql, std::string_view text, const A&... values) {
    return Rows(detail::statement_for(sql, text, true, values...));
}

// execute: runs an INSERT, UPDATE or DELETE with the given parameters; returns the rows it changed.
template <typename... A>
long long execute(soci::session& sql, std::string_view text, const A&... values) {
    auto lease = detail::statement_for(sql, text, false, values...);
    lease->statement.execute(true);
    return lease->statement.get_affected_rows();
}

}  // namespace mamori::store
