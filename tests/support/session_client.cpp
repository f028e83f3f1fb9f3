#include "support/session_client.hpp"

#include <stdexcept>

#include "mamori/identity/totp.hpp"

namespace mamori::testing {

HttpResult SessionClient::call(const std::string& method, const std::string& target,
                               const std::optional<nlohmann::json>& body,
                               std::vector<std::pair<std::string, std::string>> headers) {
    if (!body) return send(method, target, "", "", std::move(headers));
    return send(method, target, body->dump(), "application/json", std::move(headers));
}

HttpResult SessionClient::send(const std::string& method, const std::string& target, const std::string& body,
                               const std::string& content_type,
                               std::vector<std::pair<std::string, std::string>> headers) {
    if (!cookie_.empty()) headers.emplace_back("Cookie", "mamori_session=" + cookie_);
    if (send_csrf && !csrf_.empty()) headers.emplace_back("X-CSRF-Token", csrf_);
    if (!content_type.empty()) headers.emplace_back("Content-Type", content_type);
    HttpResult r = request(host_, port_, method, target, body, headers);
    for (const auto& [name, value] : r.headers) {
        if (name != "Set-Cookie" || value.rfind("mamori_session=", 0) != 0) continue;
        cookie_ = value.substr(15, value.find(';') - 15);
    }
    if (r.header("Content-Type").value_or("").rfind("application/json", 0) == 0) {
        auto json = nlohmann::json::parse(r.body, nullptr, false);
        if (json.is_object() && json.contains("csrf_token")) csrf_ = json["csrf_token"].get<std::string>();
    }
    return r;
}

HttpResult SessionClient::login(const std::string& login, const std::string& password,
                                const std::optional<std::string>& totp_secret) {
    HttpResult r = post("/api/v1/session", {{"login", login}, {"password", password}});
    if (r.status != 200 || !totp_secret || r.json()["mfa"] != "verify") return r;
    return post("/api/v1/session/mfa", {{"code", next_totp(*totp_secret)}});
}

SessionClient::Clinic SessionClient::set_up_clinic(const std::string& setup_code, const std::string& login,
                                                   const std::string& password) {
    auto setup = post("/api/v1/setup", {{"setup_code", setup_code},
                                        {"organisation_kind", "clinic"},
                                        {"organisation_name", "テスト内科クリニック"},
                                        {"login", login},
                                        {"display_name", "管理 太郎"},
                                        {"password", password}});
    if (setup.status != 201)
        throw std::runtime_error("first-run setup answered " + std::to_string(setup.status) + ": " +
                                 setup.body);
    const long long organisation = setup.json()["user"]["organisation_id"];
    return {organisation, enrol_totp()};
}

std::string SessionClient::enrol_totp() {
    HttpResult e = post("/api/v1/me/mfa/enrolment", nlohmann::json::object());
    if (e.status != 201) throw std::runtime_error("enrolment failed: " + e.body);
    const std::string secret = e.json()["secret"];
    HttpResult c = post("/api/v1/me/mfa/confirmation", {{"code", current_totp(secret)}});
    if (c.status != 200) throw std::runtime_error("confirmation failed: " + c.body);
    last_recovery_codes = c.json()["recovery_codes"].get<std::vector<std::string>>();
    return secret;
}

std::string current_totp(const std::string& base32_secret) {
    return identity::totp_code(*identity::base32_decode(base32_secret),
                               identity::totp_step(std::chrono::system_clock::now()));
}

std::string next_totp(const std::string& base32_secret) {
    return identity::totp_code(*identity::base32_decode(base32_secret),
                               identity::totp_step(std::chrono::system_clock::now()) + 1);
}

}  // namespace mamori::testing
