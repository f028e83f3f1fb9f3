#include "identity_handlers.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "mamori/http/problem.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;

constexpr http::RouteOptions kBlocking{.blocking = true};

json user_json(const services::UserView& u) {
    json out = {{"id", u.id},
            {"organisation_id", u.organisation_id},
            {"organisation_name", u.organisation_name},
            {"organisation_kind", u.organisation_kind},
            {"login", u.login},
            {"display_name", u.display_name},
            {"roles", u.roles},
            {"mfa_enabled", u.mfa_enabled},
            {"mfa_required", u.mfa_required},
            {"disabled", u.disabled},
            {"created_at", u.created_at}};
    if (u.may_edit_catalog) out["may_edit_catalog"] = *u.may_edit_catalog;
    return out;
}

// audit_names_json: {"user:2": {"kind": "user", "name": "山田 太郎", "organisation": "東京都"}, …}.
json audit_names_json(const audit::PartyNames& names) {
    json out = json::object();
    for (const auto& [key, party] : names) {
        json entry = {{"kind", party.kind}, {"name", party.name}};
        if (!party.organisation.empty()) entry["organisation"] = party.organisation;
        if (party.fiscal_year) entry["fiscal_year"] = *party.fiscal_year;
        if (!party.form.empty()) entry["form"] = party.form;
        out[key] = std::move(entry);
    }
    return out;
}

std::string_view step_name(services::MfaStep step) {
    switch (step) {
        case services::MfaStep::verify: return "verify";
        case services::MfaStep::enrol: return "enrol";
        case services::MfaStep::none: break;
    }
    return "none";
}

Response session_response(int status, const services::SessionStart& start, const AuthSettings& settings) {
    json body = {
        {"user", user_json(start.user)},
        {"mfa", step_name(start.step)},
        {"csrf_token", start.csrf_token},
        {"session_idle_seconds", settings.session_idle.count()}};
    if (!start.recovery_codes.empty()) body["recovery_codes"] = start.recovery_codes;
    if (start.account_reset) body["account_reset"] = true;
    Response r = Response::json(status, body);
    set_session_cookie(r, start.token, settings);
    return r;
}

Result<services::SetupRequest> read_setup(const json& body) {
    services::SetupRequest setup;
    auto code = string_field(body, "setup_code", 64);
    if (!code) return fail(code.error());
    setup.setup_code = std::move(*code);
    auto org_id = optional_int_field(body, "organisation_id", 1, INT64_MAX);
    if (!org_id) return fail(org_id.error());
    auto kind = optional_string_field(body, "organisation_kind", 32);
    if (!kind) return fail(kind.error());
    auto org_name = optional_string_field(body, "organisation_name", 400);
    if (!org_name) return fail(org_name.error());
    for (auto [name, target, max] :
         {std::tuple{"purpose", &setup.purpose, std::size_t{16}},
          std::tuple{"facility_id", &setup.facility_id, std::size_t{32}},
          std::tuple{"prefecture_code", &setup.prefecture_code, std::size_t{8}},
          std::tuple{"municipality_code", &setup.municipality_code, std::size_t{16}}}) {
        auto value = optional_string_field(body, name, max);
        if (!value) return fail(value.error());
        *target = value->value_or("");
    }
    auto login = string_field(body, "login", 254);
    if (!login) return fail(login.error());
    auto name = string_field(body, "display_name", 400);
    if (!name) return fail(name.error());
    auto password = string_field(body, "password", 1024);
    if (!password) return fail(password.error());
    setup.organisation_id = *org_id;
    setup.organisation_kind = kind->value_or("");
    setup.organisation_name = org_name->value_or("");
    setup.login = std::move(*login);
    setup.display_name = std::move(*name);
    setup.password = std::move(*password);
    return setup;
}

void register_session_routes(ApiRoutes& routes) {
    auto& identity = routes.identity();
    const auto settings = routes.settings();

    routes.open(Method::get, "/api/v1/setup", [&identity](Request& request) {
        auto needed = identity.setup_needed();
        if (!needed) return problem(needed.error(), request);
        return Response::json(200, {{"needed", *needed}});
    });

    routes.open(
        Method::post, "/api/v1/setup",
        [&identity, settings](Request& request) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto setup = read_setup(*body);
            if (!setup) return problem(setup.error(), request);
            auto start = identity.setup(*setup, audit_context(request));
            if (!start) return problem(start.error(), request);
            return session_response(201, *start, settings);
        },
        kBlocking);

    routes.open(
        Method::post, "/api/v1/session",
        [&identity, settings](Request& request) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto login = string_field(*body, "login", 254);
            if (!login) return problem(login.error(), request);
            auto password = string_field(*body, "password", 1024);
            if (!password) return problem(password.error(), request);
            auto start = identity.login(*login, *password, audit_context(request));
            if (!start) return problem(start.error(), request);
            return session_response(200, *start, settings);
        },
        kBlocking);

    routes.open(Method::post, "/api/v1/session/mfa", [&identity, settings](Request& request) {
        const auto token = session_token(request);
        if (token.empty())
            return problem(Error{ErrorCode::unauthenticated, "log in with your password first", {}}, request);
        if (auto csrf = check_csrf(request, token); !csrf) return problem(csrf.error(), request);
        auto body = json_object(request);
        if (!body) return problem(body.error(), request);
        auto code = string_field(*body, "code", 32);
        if (!code) return problem(code.error(), request);
        auto start = identity.verify_mfa(token, *code, audit_context(request));
        if (!start) return problem(start.error(), request);
        return session_response(200, *start, settings);
    });

    routes.mfa_pending(
        Method::get, "/api/v1/session", [&identity, settings](Request& request, const Caller& caller) {
            auto me = identity.me(caller);
            if (!me) return problem(me.error(), request);
            const auto token = session_token(request);
            auto full =
                identity.authenticate_session(token, audit_context(request), services::SessionUse::full);
            const bool enrolled = me->mfa_enabled;
            const std::string_view step = full ? "none" : enrolled ? "verify" : "enrol";
            return Response::json(
                200, {{"user", user_json(*me)},
                      {"mfa", step},
                      {"csrf_token", token.empty() ? "" : services::IdentityService::csrf_token_for(token)},
                      {"session_idle_seconds", settings.session_idle.count()}});
        });

    routes.mfa_pending(Method::del, "/api/v1/session",
                       [&identity, settings](Request& request, const Caller&) {
                           if (auto ok = identity.logout(session_token(request), audit_context(request)); !ok)
                               return problem(ok.error(), request);
                           Response r;
                           r.status = 204;
                           clear_session_cookie(r, settings);
                           return r;
                       });
}

void register_account_routes(ApiRoutes& routes) {
    auto& identity = routes.identity();
    const auto settings = routes.settings();

    routes.authenticated(Method::get, "/api/v1/me", [&identity](Request& request, const Caller& caller) {
        auto me = identity.me(caller);
        if (!me) return problem(me.error(), request);
        return Response::json(200, user_json(*me));
    });

    routes.mfa_pending(
        Method::post, "/api/v1/me/mfa/enrolment", [&identity](Request& request, const Caller& caller) {
            auto e = identity.begin_totp(caller);
            if (!e) return problem(e.error(), request);
            return Response::json(
                201, {{"secret", e->secret_base32}, {"otpauth_uri", e->uri}, {"qr_svg", e->qr_svg}});
        });

    routes.mfa_pending(Method::post, "/api/v1/me/mfa/confirmation",
                       [&identity, settings](Request& request, const Caller& caller) {
                           auto body = json_object(request);
                           if (!body) return problem(body.error(), request);
                           auto code = string_field(*body, "code", 32);
                           if (!code) return problem(code.error(), request);
                           auto start = identity.confirm_totp(caller, session_token(request), *code,
                                                              audit_context(request));
                           if (!start) return problem(start.error(), request);
                           return session_response(200, *start, settings);
                       });

    routes.authenticated(
        Method::post, "/api/v1/me/password",
        [&identity](Request& request, const Caller& caller) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto current = string_field(*body, "current_password", 1024);
            if (!current) return problem(current.error(), request);
            auto next = string_field(*body, "new_password", 1024);
            if (!next) return problem(next.error(), request);
            if (auto ok = identity.change_password(caller, session_token(request), *current, *next,
                                                   audit_context(request));
                !ok)
                return problem(ok.error(), request);
            Response r;
            r.status = 204;
            return r;
        },
        kBlocking);

    routes.authenticated(
        Method::get, "/api/v1/me/tokens", [&identity](Request& request, const Caller& caller) {
            auto tokens = identity.api_tokens(caller);
            if (!tokens) return problem(tokens.error(), request);
            json list = json::array();
            for (const auto& t : *tokens)
                list.push_back({{"id", t.id},
                                {"name", t.name},
                                {"scopes", t.scopes},
                                {"created_at", t.created_at},
                                {"expires_at", t.expires_at},
                                {"last_used_at", t.last_used_at ? json(*t.last_used_at) : json(nullptr)}});
            return Response::json(200, {{"tokens", list}});
        });

    routes.authenticated(
        Method::post, "/api/v1/me/tokens", [&identity](Request& request, const Caller& caller) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto name = string_field(*body, "name", 400);
            if (!name) return problem(name.error(), request);
            auto scopes = string_list_field(*body, "scopes", 2, 16, true);
            if (!scopes) return problem(scopes.error(), request);
            auto days = optional_int_field(*body, "expires_in_days", 1, 365);
            if (!days) return problem(days.error(), request);
            auto created = identity.create_api_token(
                caller, *name, **scopes, static_cast<int>(days->value_or(90)), audit_context(request));
            if (!created) return problem(created.error(), request);
            return Response::json(
                201, {{"id", created->id}, {"token", created->token}, {"expires_at", created->expires_at}});
        });

    routes.authenticated(Method::del, "/api/v1/me/tokens/{id}",
                         with_id([&identity](Request& request, const Caller& caller, std::int64_t id) {
                             if (auto ok = identity.revoke_api_token(caller, id, audit_context(request)); !ok)
                                 return problem(ok.error(), request);
                             Response r;
                             r.status = 204;
                             return r;
                         }));
}

void register_organisation_routes(ApiRoutes& routes) {
    auto& identity = routes.identity();
    const auto settings = routes.settings();

    routes.authenticated(
        Method::get, "/api/v1/organisations", [&identity](Request& request, const Caller& caller) {
            auto orgs = identity.organisations(caller);
            if (!orgs) return problem(orgs.error(), request);
            // A prefecture's list has tens of thousands of entries: each is written out as soon as it is
            // made rather than built into one JSON tree first (a third of the time; docs/perf.md).
            std::string body = R"({"organisations":[)";
            for (const auto& o : *orgs) {
                if (body.back() != '[') body += ',';
                body += json{{"id", o.ref.id},
                             {"kind", identity::to_string(o.ref.kind)},
                             {"name", o.name},
                             {"parent_id", o.ref.parent_id ? json(*o.ref.parent_id) : json(nullptr)},
                             {"prefecture_code", o.ref.prefecture_code},
                             {"municipality_code", o.ref.municipality_code},
                             {"has_administrator", o.has_administrator},
                             {"can_manage_users", identity::can_manage_users(caller, o.ref)},
                             {"can_onboard", identity::can_onboard(caller, o.ref) && !o.has_administrator}}
                            .dump(-1, ' ', false, json::error_handler_t::replace);
            }
            body += "]}";
            return Response::text(200, std::move(body), "application/json; charset=utf-8");
        });

    routes.authenticated(Method::get, "/api/v1/organisations/{id}/users",
                         with_id([&identity](Request& request, const Caller& caller, std::int64_t id) {
                             auto users = identity.users(caller, id);
                             if (!users) return problem(users.error(), request);
                             json list = json::array();
                             for (const auto& u : *users) list.push_back(user_json(u));
                             return Response::json(200, {{"users", list}});
                         }));

    routes.authenticated(
        Method::post, "/api/v1/organisations/{id}/invitations",
        with_id([&identity](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto login = string_field(*body, "login", 254);
            if (!login) return problem(login.error(), request);
            auto name = string_field(*body, "display_name", 400);
            if (!name) return problem(name.error(), request);
            auto roles = string_list_field(*body, "roles", 8, 32, true);
            if (!roles) return problem(roles.error(), request);
            auto inv = identity.invite(caller, id, *login, *name, **roles, audit_context(request));
            if (!inv) return problem(inv.error(), request);
            return Response::json(201,
                                  {{"id", inv->id}, {"code", inv->code}, {"expires_at", inv->expires_at}});
        }));

    routes.open(
        Method::post, "/api/v1/invitations/accept",
        [&identity, settings](Request& request) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto code = string_field(*body, "code", 32);
            if (!code) return problem(code.error(), request);
            auto password = string_field(*body, "password", 1024);
            if (!password) return problem(password.error(), request);
            auto start = identity.accept_invitation(*code, *password, audit_context(request));
            if (!start) return problem(start.error(), request);
            return session_response(201, *start, settings);
        },
        kBlocking);

    routes.authenticated(Method::patch, "/api/v1/users/{id}",
                         with_id([&identity](Request& request, const Caller& caller, std::int64_t id) {
                             auto body = json_object(request);
                             if (!body) return problem(body.error(), request);
                             services::UserChange change;
                             auto roles = string_list_field(*body, "roles", 8, 32, false);
                             if (!roles) return problem(roles.error(), request);
                             auto disabled = optional_bool_field(*body, "disabled");
                             if (!disabled) return problem(disabled.error(), request);
                             change.roles = *roles;
                             change.disabled = *disabled;
                             auto user = identity.change_user(caller, id, change, audit_context(request));
                             if (!user) return problem(user.error(), request);
                             return Response::json(200, user_json(*user));
                         }));

    routes.authenticated(
        Method::get, "/api/v1/organisations/{id}/audit",
        with_id([&identity](Request& request, const Caller& caller, std::int64_t id) {
            std::optional<std::int64_t> before;
            int limit = 50;
            if (auto text = request.query_param("before")) {
                std::int64_t v = 0;
                auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
                if (ec != std::errc() || end != text->data() + text->size())
                    return problem(Error{ErrorCode::invalid_input,
                                         "before must be a number",
                                         {{"before", "not a number"}}},
                                   request);
                before = v;
            }
            if (auto text = request.query_param("limit")) {
                auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
                if (ec != std::errc() || end != text->data() + text->size())
                    return problem(
                        Error{
                            ErrorCode::invalid_input, "limit must be a number", {{"limit", "not a number"}}},
                        request);
            }
            auto page = identity.audit_log(caller, id, before, limit);
            if (!page) return problem(page.error(), request);
            json list = json::array();
            for (const auto& row : page->rows)
                list.push_back({{"seq", row.seq},
                                {"at", row.at},
                                {"actor", row.entry.actor},
                                {"action", row.entry.action},
                                {"target", row.entry.target},
                                {"detail", row.entry.detail},
                                {"remote", row.context.remote},
                                {"request_id", row.context.request_id}});
            return Response::json(200, {{"entries", list}, {"names", audit_names_json(page->names)}});
        }));
}

}  // namespace

void register_identity_routes(ApiRoutes& routes) {
    register_session_routes(routes);
    register_account_routes(routes);
    register_organisation_routes(routes);
    register_recovery_routes(routes);
    register_organisation_profile_routes(routes);
}

}  // namespace mamori::api
