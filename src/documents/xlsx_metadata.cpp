#include "documents/xlsx_metadata.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>

namespace mamori::documents {

namespace {

template <typename Int>
Status parse_integer(std::string_view key, std::string_view text, std::string_view where, Int& out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size())
        return fail(
            ErrorCode::invalid_input,
            fmt::format("sheet \"mamori\" cell {}: {} \"{}\" is not a whole number", where, key, text),
            std::string(where));
    return {};
}

Status parse_flag(std::string_view key, std::string_view text, std::string_view where, bool& out) {
    if (text != "0" && text != "1")
        return fail(ErrorCode::invalid_input,
                    fmt::format("sheet \"mamori\" cell {}: {} \"{}\" is not 0 or 1", where, key, text),
                    std::string(where));
    out = text == "1";
    return {};
}

}  // namespace

std::vector<std::pair<std::string_view, std::string>> document_metadata(const AssessmentDocument& doc) {
    return {
        {"assessment_id", std::to_string(doc.assessment_id)},
        {"institution_name", doc.institution_name},
        {"institution_code", doc.institution_code},
        {"fiscal_year", std::to_string(doc.fiscal_year)},
        {"fiscal_year_ja", doc.fiscal_year_ja},
        {"edition_id", doc.edition_id},
        {"edition_revision", std::to_string(doc.edition_revision)},
        {"edition_title_ja", doc.edition_title_ja},
        {"form_id", doc.form_id},
        {"form_title_ja", doc.form_title_ja},
        {"document_title_ja", doc.document_title_ja},
        {"has_second_confirmation", doc.has_second_confirmation ? "1" : "0"},
        {"status", doc.status},
        {"submitted_at", doc.submitted_at},
        {"submitted_by", doc.submitted_by},
        {"generated_at", doc.generated_at},
    };
}

std::vector<std::string_view> required_metadata_keys() {
    return {"assessment_id",    "fiscal_year", "edition_id",
            "edition_revision", "form_id",     "has_second_confirmation"};
}

Status set_document_metadata(AssessmentDocument& doc, std::string_view key, std::string_view value,
                             std::string_view where) {
    const std::string text(value);
    if (key == "assessment_id") return parse_integer(key, value, where, doc.assessment_id);
    if (key == "fiscal_year") return parse_integer(key, value, where, doc.fiscal_year);
    if (key == "edition_revision") return parse_integer(key, value, where, doc.edition_revision);
    if (key == "has_second_confirmation") return parse_flag(key, value, where, doc.has_second_confirmation);
    if (key == "institution_name")
        doc.institution_name = text;
    else if (key == "institution_code")
        doc.institution_code = text;
    else if (key == "fiscal_year_ja")
        doc.fiscal_year_ja = text;
    else if (key == "edition_id")
        doc.edition_id = text;
    else if (key == "edition_title_ja")
        doc.edition_title_ja = text;
    else if (key == "form_id")
        doc.form_id = text;
    else if (key == "form_title_ja")
        doc.form_title_ja = text;
    else if (key == "document_title_ja")
        doc.document_title_ja = text;
    else if (key == "status")
        doc.status = text;
    else if (key == "submitted_at")
        doc.submitted_at = text;
    else if (key == "submitted_by")
        doc.submitted_by = text;
    else if (key == "generated_at")
        doc.generated_at = text;
    return {};
}

}  // namespace mamori::documents
