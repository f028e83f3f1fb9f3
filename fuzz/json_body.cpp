// JSON request bodies: parse_json_body (the depth-limited entry point of every JSON route) and
// api::json_object with the field readers the handlers use. A parsed body nests at most kMaxRequestNesting
// levels and survives a dump and re-parse unchanged; every error becomes a 400 problem response.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "api/json_input.hpp"
#include "check.hpp"
#include "mamori/core/json_limits.hpp"
#include "mamori/http/problem.hpp"

namespace {

using mamori::fuzz::fuzz_check;
using nlohmann::json;

// depth: how deeply `value` nests (a scalar is 0), without recursion.
int depth(const json& value) {
    int deepest = 0;
    std::vector<std::pair<const json*, int>> pending{{&value, 0}};
    while (!pending.empty()) {
        const auto [node, level] = pending.back();
        pending.pop_back();
        if (!node->is_structured()) continue;
        deepest = std::max(deepest, level + 1);
        for (const auto& child : *node) pending.emplace_back(&child, level + 1);
    }
    return deepest;
}

void refused_as_400(const mamori::Error& error, const mamori::http::Request& request) {
    fuzz_check(mamori::api::problem(error, request).status == 400, "a malformed body is answered with 400");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    mamori::http::Request request;
    request.method = mamori::http::Method::post;
    request.path = "/api/v1/session";
    request.headers = {{"Content-Type", "application/json; charset=utf-8"}};
    request.body.assign(reinterpret_cast<const char*>(data), size);
    request.request_id = "fuzz";

    auto body = mamori::http::parse_json_body(request);
    if (!body) {
        refused_as_400(body.error(), request);
        return 0;
    }
    fuzz_check(depth(*body) <= mamori::kMaxRequestNesting, "a parsed body nests within the limit");
    const auto again = mamori::parse_limited_json(body->dump(), mamori::kMaxRequestNesting);
    fuzz_check(again && *again == *body, "a parsed body re-parses to the same value");

    auto object = mamori::api::json_object(request);
    if (!object) {
        fuzz_check(!body->is_object(), "json_object accepts every JSON object");
        refused_as_400(object.error(), request);
        return 0;
    }
    for (const std::string_view name : {"login", "password", "value", "note", "code"}) {
        if (auto text = mamori::api::optional_string_field(*object, name, 256); !text)
            refused_as_400(text.error(), request);
        if (auto number = mamori::api::optional_int_field(*object, name, -1000, 1000); !number)
            refused_as_400(number.error(), request);
        else if (*number)
            fuzz_check(**number >= -1000 && **number <= 1000, "an integer field is within its range");
        if (auto flag = mamori::api::optional_bool_field(*object, name); !flag)
            refused_as_400(flag.error(), request);
        if (auto list = mamori::api::string_list_field(*object, name, 8, 64, false); !list)
            refused_as_400(list.error(), request);
        else if (*list)
            fuzz_check((*list)->size() <= 8, "a list field has at most max_items strings");
    }
    return 0;
}
