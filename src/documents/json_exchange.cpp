#include "mamori/documents/json_exchange.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "mamori/core/json_limits.hpp"

namespace mamori::documents {

namespace {

// Json: the export, members in the order written. Parsed: an upload; ordered_json would look up each member
// among all before it while parsing, quadratic in their number (a 1 MiB upload of distinct keys took half a
// minute of a worker thread).
using Json = nlohmann::ordered_json;
using Parsed = nlohmann::json;

constexpr std::size_t kMaxRows = 500;

Json answer_json(const DocumentAnswer& a) {
    Json second = nullptr;
    if (!a.second_value.empty())
        second = {{"value", a.second_value}, {"confirmed_on", a.second_confirmed_on}};
    return {{"value", a.value},
            {"reason", a.reason.empty() ? Json(nullptr) : Json(a.reason)},
            {"confirmed_on", a.confirmed_on.empty() ? Json(nullptr) : Json(a.confirmed_on)},
            {"target_date", a.target_date.empty() ? Json(nullptr) : Json(a.target_date)},
            {"second", second},
            {"note", a.note},
            {"needs_reconfirmation", a.needs_reconfirmation}};
}

// Reader: collects problems with their JSON paths.
struct Reader {
    Error error{ErrorCode::invalid_input, "the file is not a valid mamori assessment export", {}};

    void problem(std::string path, std::string message) {
        if (error.fields.size() < 50) error.fields.push_back({std::move(path), std::move(message)});
    }

    std::string text(const Parsed& object, const char* key, const std::string& path, bool nullable) {
        const auto it = object.find(key);
        if (it == object.end()) {
            if (!nullable) problem(path + "." + key, "missing");
            return {};
        }
        if (it->is_null() && nullable) return {};
        if (!it->is_string()) {
            problem(path + "." + key, "must be a string");
            return {};
        }
        auto value = it->get<std::string>();
        if (value.size() > 10000) problem(path + "." + key, "too long");
        return value;
    }

    int integer(const Parsed& object, const char* key) {
        const auto it = object.find(key);
        if (it == object.end() || !it->is_number_integer()) {
            problem(std::string("$.") + key, "must be an integer");
            return 0;
        }
        return it->get<int>();
    }

    DocumentAnswer answer(const Parsed& j, const std::string& path) {
        DocumentAnswer a;
        a.value = text(j, "value", path, false);
        a.reason = text(j, "reason", path, true);
        a.confirmed_on = text(j, "confirmed_on", path, true);
        a.target_date = text(j, "target_date", path, true);
        a.note = text(j, "note", path, true);
        if (const auto second = j.find("second"); second != j.end() && !second->is_null()) {
            if (!second->is_object()) {
                problem(path + ".second", "must be an object or null");
            } else {
                a.second_value = text(*second, "value", path + ".second", false);
                a.second_confirmed_on = text(*second, "confirmed_on", path + ".second", true);
            }
        }
        const auto reconfirm = j.find("needs_reconfirmation");
        if (reconfirm != j.end() && !reconfirm->is_boolean())
            problem(path + ".needs_reconfirmation", "must be true or false");
        else if (reconfirm != j.end())
            a.needs_reconfirmation = reconfirm->get<bool>();
        return a;
    }
};

}  // namespace

std::string write_json(const AssessmentDocument& doc) {
    Json rows = Json::array();
    for (const auto& r : doc.rows) {
        rows.push_back({{"canonical_id", r.canonical_id},
                        {"row_key", r.row_key},
                        {"number", r.number},
                        {"text_ja", r.text_ja},
                        {"row_label_ja", r.row_label_ja},
                        {"answer", r.answer ? answer_json(*r.answer) : Json(nullptr)}});
    }
    const Json out = {{"format", kJsonFormat},
                      {"format_version", 1},
                      {"assessment_id", doc.assessment_id},
                      {"institution_name", doc.institution_name},
                      {"institution_code", doc.institution_code},
                      {"fiscal_year", doc.fiscal_year},
                      {"edition", doc.edition_id},
                      {"edition_revision", doc.edition_revision},
                      {"form", doc.form_id},
                      {"status", doc.status},
                      {"submitted_at", doc.submitted_at.empty() ? Json(nullptr) : Json(doc.submitted_at)},
                      {"generated_at", doc.generated_at},
                      {"rows", rows}};
    return out.dump(2);
}

Result<AssessmentDocument> read_json(std::string_view text) {
    // Our export nests four levels; anything much deeper is not one of our files.
    auto parsed = parse_limited_json<Parsed>(text, 16, "$");
    if (!parsed || !parsed->is_object())
        return fail(ErrorCode::invalid_input, "the file is not JSON (or not a JSON object)", "$");
    const Parsed& j = *parsed;
    // Members of the wrong type are compared, never converted: json::value() throws on them.
    const auto format = j.find("format");
    const auto version = j.find("format_version");
    if (format == j.end() || !format->is_string() || format->get_ref<const std::string&>() != kJsonFormat ||
        version == j.end() || *version != 1)
        return fail(
            ErrorCode::invalid_input,
            fmt::format("the file is not a mamori assessment export (format \"{}\", version 1)", kJsonFormat),
            "$.format");
    Reader reader;
    AssessmentDocument doc;
    if (const auto id = j.find("assessment_id"); id != j.end() && !id->is_number_integer())
        reader.problem("$.assessment_id", "must be an integer");
    else if (id != j.end())
        doc.assessment_id = id->get<std::int64_t>();
    doc.fiscal_year = reader.integer(j, "fiscal_year");
    doc.edition_id = reader.text(j, "edition", "$", false);
    doc.edition_revision = reader.integer(j, "edition_revision");
    doc.form_id = reader.text(j, "form", "$", false);
    const auto rows = j.find("rows");
    if (rows == j.end() || !rows->is_array()) {
        reader.problem("$.rows", "must be an array");
    } else if (rows->size() > kMaxRows) {
        reader.problem("$.rows", fmt::format("at most {} rows", kMaxRows));
    } else {
        for (std::size_t i = 0; i < rows->size(); ++i) {
            const auto& r = (*rows)[i];
            const std::string path = fmt::format("$.rows[{}]", i);
            if (!r.is_object()) {
                reader.problem(path, "must be an object");
                continue;
            }
            DocumentRow row;
            row.canonical_id = reader.text(r, "canonical_id", path, false);
            row.row_key = reader.text(r, "row_key", path, false);
            const auto answer = r.find("answer");
            if (answer != r.end() && answer->is_object())
                row.answer = reader.answer(*answer, path + ".answer");
            else if (answer != r.end() && !answer->is_null())
                reader.problem(path + ".answer", "must be an object or null");
            doc.rows.push_back(std::move(row));
        }
    }
    if (!reader.error.fields.empty()) return fail(std::move(reader.error));
    return doc;
}

}  // namespace mamori::documents
