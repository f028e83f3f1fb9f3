#include "mamori/http/problem.hpp"

#include <gtest/gtest.h>

namespace mamori::http {
namespace {

Request json_request(std::string body, std::string content_type = "application/json") {
    Request r;
    r.method = Method::post;
    r.path = "/api/v1/things";
    if (!content_type.empty()) r.headers.emplace_back("Content-Type", std::move(content_type));
    r.body = std::move(body);
    return r;
}

TEST(ParseJsonBody, AcceptsJsonWithOrWithoutParameters) {
    for (const char* type :
         {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"}) {
        SCOPED_TRACE(type);
        auto parsed = parse_json_body(json_request(R"({"name":"守り","n":[1,2]})", type));
        ASSERT_TRUE(parsed) << parsed.error().message;
        EXPECT_EQ((*parsed)["name"], "守り");
        EXPECT_EQ((*parsed)["n"].size(), 2u);
    }
}

TEST(ParseJsonBody, RejectsAMissingOrWrongContentType) {
    for (const char* type : {"", "text/plain", "application/jsonp", "application/x-www-form-urlencoded",
                             "multipart/form-data; boundary=x"}) {
        SCOPED_TRACE(type);
        auto parsed = parse_json_body(json_request(R"({"a":1})", type));
        ASSERT_FALSE(parsed);
        EXPECT_EQ(parsed.error().code, ErrorCode::invalid_input);
        EXPECT_NE(parsed.error().message.find("Content-Type: application/json"), std::string::npos)
            << parsed.error().message;
        ASSERT_EQ(parsed.error().fields.size(), 1u);
        EXPECT_EQ(parsed.error().fields[0].field, "Content-Type");
    }
}

TEST(ParseJsonBody, MalformedJsonNamesTheByte) {
    struct Case {
        const char* body;
        const char* byte;
    };
    // nlohmann counts bytes from 1; the offset is where the parser gave up.
    for (const auto& [body, byte] : {Case{R"({"a": })", "at byte 7"}, Case{"", "at byte 1"},
                                     Case{R"({"a":1}x)", "at byte 8"}, Case{R"([1,2)", "at byte 5"}}) {
        SCOPED_TRACE(body);
        auto parsed = parse_json_body(json_request(body));
        ASSERT_FALSE(parsed);
        EXPECT_EQ(parsed.error().code, ErrorCode::invalid_input);
        EXPECT_NE(parsed.error().message.find("not valid JSON"), std::string::npos) << parsed.error().message;
        EXPECT_NE(parsed.error().message.find(byte), std::string::npos) << parsed.error().message;
        ASSERT_EQ(parsed.error().fields.size(), 1u);
        EXPECT_EQ(parsed.error().fields[0].field, "body");
    }
}

TEST(ParseJsonBody, MalformedJsonBecomesA400Problem) {
    auto parsed = parse_json_body(json_request("{oops"));
    ASSERT_FALSE(parsed);
    const Response r = problem_response(parsed.error(), "req-1");
    EXPECT_EQ(r.status, 400);
    const auto body = nlohmann::json::parse(r.body);
    EXPECT_EQ(body["code"], "invalid_input");
    EXPECT_EQ(body["detail"], parsed.error().message);
    ASSERT_EQ(body["errors"].size(), 1u);
    EXPECT_EQ(body["errors"][0]["field"], "body");
}

struct CodeCase {
    ErrorCode code;
    int status;
    const char* name;
    const char* title;
};

constexpr CodeCase kEveryCode[] = {
    {ErrorCode::invalid_input, 400, "invalid_input", "Bad Request"},
    {ErrorCode::unauthenticated, 401, "unauthenticated", "Unauthorized"},
    {ErrorCode::forbidden, 403, "forbidden", "Forbidden"},
    {ErrorCode::not_found, 404, "not_found", "Not Found"},
    {ErrorCode::conflict, 409, "conflict", "Conflict"},
    {ErrorCode::too_large, 413, "too_large", "Content Too Large"},
    {ErrorCode::rate_limited, 429, "rate_limited", "Too Many Requests"},
    {ErrorCode::unavailable, 503, "unavailable", "Service Unavailable"},
    {ErrorCode::internal, 500, "internal", "Internal Server Error"},
};

TEST(ProblemResponse, MapsEveryErrorCodeToItsStatusAndAnRfc9457Body) {
    for (const auto& c : kEveryCode) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(status_for(c.code), c.status);
        const Error error{c.code, std::string("something about ") + c.name, {}};
        const Response r = problem_response(error, "abc123");
        EXPECT_EQ(r.status, c.status);
        EXPECT_EQ(r.header("Content-Type").value_or(""), "application/problem+json; charset=utf-8");
        const auto body = nlohmann::json::parse(r.body);
        EXPECT_EQ(body["type"], std::string("urn:mamori:problem:") + c.name);
        EXPECT_EQ(body["title"], c.title);
        EXPECT_EQ(body["status"], c.status);
        EXPECT_EQ(body["detail"], error.message);
        EXPECT_EQ(body["code"], c.name);
        EXPECT_EQ(body["request_id"], "abc123");
        EXPECT_FALSE(body.contains("errors"));
    }
}

TEST(ProblemResponse, FieldErrorsBecomeAnErrorsArray) {
    Error error{ErrorCode::invalid_input,
                "two fields are wrong",
                {{"items[0].id", "is empty"}, {"name", "too long"}}};
    const auto body = nlohmann::json::parse(problem_response(error, "r").body);
    ASSERT_EQ(body["errors"].size(), 2u);
    EXPECT_EQ(body["errors"][0]["field"], "items[0].id");
    EXPECT_EQ(body["errors"][0]["message"], "is empty");
    EXPECT_EQ(body["errors"][1]["field"], "name");
    EXPECT_EQ(body["errors"][1]["message"], "too long");
}

TEST(ProblemResponse, StatusesTheServerMakesItselfGetAStableCode) {
    struct StatusCase {
        int status;
        const char* code;
        const char* title;
    };
    for (const auto& [status, code, title] :
         {StatusCase{400, "invalid_input", "Bad Request"}, StatusCase{404, "not_found", "Not Found"},
          StatusCase{405, "invalid_input", "Method Not Allowed"},
          StatusCase{408, "unavailable", "Request Timeout"},
          StatusCase{413, "too_large", "Content Too Large"},
          StatusCase{415, "invalid_input", "Unsupported Media Type"},
          StatusCase{431, "too_large", "Request Header Fields Too Large"},
          StatusCase{500, "internal", "Internal Server Error"},
          StatusCase{503, "unavailable", "Service Unavailable"}}) {
        SCOPED_TRACE(status);
        const Response r = problem_response(status, "detail text", "id-9");
        EXPECT_EQ(r.status, status);
        EXPECT_EQ(r.header("Content-Type").value_or(""), "application/problem+json; charset=utf-8");
        const auto body = nlohmann::json::parse(r.body);
        EXPECT_EQ(body["type"], std::string("urn:mamori:problem:") + code);
        EXPECT_EQ(body["code"], code);
        EXPECT_EQ(body["title"], title);
        EXPECT_EQ(body["status"], status);
        EXPECT_EQ(body["detail"], "detail text");
        EXPECT_EQ(body["request_id"], "id-9");
    }
}

TEST(ProblemResponse, DetailWithInvalidUtf8StillGivesValidJson) {
    const Error error{ErrorCode::not_found, "nothing is at /\xff\xfe", {}};
    const Response r = problem_response(error, "x");
    const auto body = nlohmann::json::parse(r.body);  // throws if the dump produced invalid UTF-8
    EXPECT_EQ(body["status"], 404);
}

}  // namespace
}  // namespace mamori::http
