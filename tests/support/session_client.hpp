// A browser-like API client for tests: keeps the session cookie and CSRF token, sends JSON, and can finish a
// TOTP step by computing the code from the enrolment secret.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "support/http_client.hpp"

namespace mamori::testing {

class SessionClient {
  public:
    SessionClient(std::string host, int port) : host_(std::move(host)), port_(port) {}

    HttpResult get(const std::string& target) { return call("GET", target, std::nullopt); }
    HttpResult post(const std::string& target, const nlohmann::json& body) {
        return call("POST", target, body);
    }
    HttpResult patch(const std::string& target, const nlohmann::json& body) {
        return call("PATCH", target, body);
    }
    HttpResult put(const std::string& target, const nlohmann::json& body) {
        return call("PUT", target, body);
    }
    HttpResult del(const std::string& target) { return call("DELETE", target, std::nullopt); }
    // call: any request; a session cookie and CSRF token are sent when held; Set-Cookie and `csrf_token` in
    // a JSON answer are kept.
    HttpResult call(const std::string& method, const std::string& target,
                    const std::optional<nlohmann::json>& body,
                    std::vector<std::pair<std::string, std::string>> extra_headers = {});
    // send: any request with a raw body (an upload) of `content_type`.
    HttpResult send(const std::string& method, const std::string& target, const std::string& body,
                    const std::string& content_type,
                    std::vector<std::pair<std::string, std::string>> extra_headers = {});

    // login: password step, then (when asked) the TOTP step with `totp_secret` (Base32).
    HttpResult login(const std::string& login, const std::string& password,
                     const std::optional<std::string>& totp_secret = std::nullopt);
    // enrol_totp: enrolment + confirmation; returns the Base32 secret (recovery codes in
    // `last_recovery_codes`).
    std::string enrol_totp();
    // set_up_clinic: first-run setup with `setup_code` (ServerProcess::setup_code) creating the clinic
    // テスト内科クリニック with its administrator `login`, who then enrols TOTP (this client stays logged in
    // as them); throws std::runtime_error with the server's answer if setup is refused.
    struct Clinic {
        long long organisation_id = 0;
        std::string totp_secret;
    };
    Clinic set_up_clinic(const std::string& setup_code, const std::string& login,
                         const std::string& password);

    const std::string& cookie() const { return cookie_; }
    void set_cookie(std::string value) { cookie_ = std::move(value); }
    const std::string& csrf() const { return csrf_; }
    void set_csrf(std::string value) { csrf_ = std::move(value); }
    std::vector<std::string> last_recovery_codes;
    bool send_csrf = true;

  private:
    std::string host_;
    int port_;
    std::string cookie_;
    std::string csrf_;
};

// current_totp: the code of now for a Base32 secret.
std::string current_totp(const std::string& base32_secret);
// next_totp: the code of the next 30 s step (a step not used yet, for a second login within one step).
std::string next_totp(const std::string& base32_secret);

}  // namespace mamori::testing
