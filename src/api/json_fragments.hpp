// JSON objects written as text with holes: the fixed members are written once, the members named as holes
// are filled in later, and the result is byte for byte what nlohmann::json::dump() gives for the whole
// object (members in nlohmann::json's sorted key order, no spaces, invalid UTF-8 replaced).
//
//     auto parts = json_fragments({{"id", 7}, {"name", "a"}}, {"answer"});   // {"{\"answer\":",
//     ",\"id\":7,…}"} std::string out = parts[0] + answer_text + parts[1];
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace mamori::api {

// dump_json: `value` as Response::json writes it.
std::string dump_json(const nlohmann::json& value);
void append_json(std::string& out, const nlohmann::json& value);

// json_fragments: the text of `object` with a member for each of `holes` (keys not in `object`), cut
// before each hole's value: holes.size() + 1 pieces, in the order the holes' keys sort.
std::vector<std::string> json_fragments(const nlohmann::json& object,
                                        std::initializer_list<std::string_view> holes);

}  // namespace mamori::api
