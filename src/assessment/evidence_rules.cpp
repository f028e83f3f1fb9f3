#include "mamori/assessment/evidence_rules.hpp"

#include <algorithm>

#include "mamori/core/utf8.hpp"

namespace mamori::assessment {

namespace {

bool starts_with_bytes(std::string_view content, std::string_view magic) {
    return content.starts_with(magic);
}

bool ends_with_lower(std::string_view name, std::string_view suffix) {
    if (name.size() < suffix.size()) return false;
    return std::equal(suffix.begin(), suffix.end(), name.end() - static_cast<long>(suffix.size()),
                      [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b); });
}

// looks_like_text: valid UTF-8 without NUL or other control characters than tab, CR and LF.
bool looks_like_text(std::string_view content) {
    if (character_count(content) < 0) return false;
    return std::none_of(content.begin(), content.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 && c != '\t' && c != '\r' && c != '\n';
    });
}

}  // namespace

Result<std::string> sniff_media_type(std::string_view content, std::string_view file_name) {
    if (content.empty()) return fail(ErrorCode::invalid_input, "the file is empty", "file");
    if (starts_with_bytes(content, "%PDF-")) return std::string{"application/pdf"};
    if (starts_with_bytes(content, "\x89PNG\r\n\x1a\n")) return std::string{"image/png"};
    if (starts_with_bytes(content, "\xff\xd8\xff")) return std::string{"image/jpeg"};
    if (starts_with_bytes(content, std::string_view("PK\x03\x04", 4)) &&
        content.find("[Content_Types].xml") != std::string_view::npos) {
        if (content.find("xl/") != std::string_view::npos)
            return std::string{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
        if (content.find("word/") != std::string_view::npos)
            return std::string{"application/vnd.openxmlformats-officedocument.wordprocessingml.document"};
    }
    if (looks_like_text(content))
        return std::string{ends_with_lower(file_name, ".csv") ? "text/csv; charset=utf-8"
                                                              : "text/plain; charset=utf-8"};
    return fail(
        ErrorCode::invalid_input,
        "this type of file is not accepted as evidence: use PDF, PNG, JPEG, Excel (.xlsx), Word (.docx) "
        "or UTF-8 text/CSV",
        "file");
}

Result<std::string> clean_file_name(std::string_view file_name) {
    const auto slash = file_name.find_last_of("/\\");
    if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
    std::string out;
    for (char c : file_name)
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f && c != '"') out += c;
    while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
    if (out.empty()) return fail(ErrorCode::invalid_input, "the file needs a name", "file_name");
    // The name reaches every document and download header: the same text rule as every other field.
    if (auto problem = text_problem(out)) return fail(ErrorCode::invalid_input, *problem, "file_name");
    if (character_count(out) > 200)
        return fail(ErrorCode::invalid_input, "the file name is longer than 200 characters", "file_name");
    return out;
}

Status check_link(std::string_view url, std::string_view title) {
    const bool scheme = url.starts_with("https://") || url.starts_with("http://");
    const bool clean = std::none_of(
        url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; });
    if (!scheme || !clean || url.size() > 2000 || url.find("://") + 3 == url.size())
        return fail(ErrorCode::invalid_input,
                    "the link must be an http(s) address of at most 2000 characters", "url");
    const long characters = character_count(title);
    if (characters < 0 || characters > 200)
        return fail(ErrorCode::invalid_input, "the title must be UTF-8 text of at most 200 characters",
                    "title");
    return {};
}

}  // namespace mamori::assessment
