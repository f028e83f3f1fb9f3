#include "documents/xml_cursor.hpp"

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include <cctype>
#include <mutex>

namespace mamori::documents {

namespace {

struct ReaderFree {
    void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
};

std::string_view view(const xmlChar* text) {
    return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

}  // namespace

struct XmlCursor::State {
    std::unique_ptr<xmlTextReader, ReaderFree> reader;
    std::string part;
    std::string first_error;
    int error_line = 0;
    bool allow_bare_doctype = false;
};

namespace {

void record_error(void* arg, xmlErrorPtr error) {
    auto* state = static_cast<XmlCursor::State*>(arg);  // NOLINT: libxml2 gives back our pointer
    if (!state->first_error.empty() || !error || error->level < XML_ERR_ERROR) return;
    std::string message = error->message ? error->message : "malformed XML";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    state->first_error = std::move(message);
    state->error_line = error->line;
}

}  // namespace

XmlCursor::XmlCursor(std::unique_ptr<State> state) : state_(std::move(state)) {}
XmlCursor::XmlCursor(XmlCursor&&) noexcept = default;
XmlCursor& XmlCursor::operator=(XmlCursor&&) noexcept = default;
XmlCursor::~XmlCursor() = default;

namespace {

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.' || c == ':';
}

// bare_doctype: the text is `<!DOCTYPE` + whitespace + a name + optional whitespace + `>`, and nothing else.
bool bare_doctype(std::string_view declaration) {
    constexpr std::string_view opening = "<!DOCTYPE";
    if (!declaration.starts_with(opening) || !declaration.ends_with('>')) return false;
    std::string_view rest = declaration.substr(opening.size(), declaration.size() - opening.size() - 1);
    std::size_t i = 0;
    const auto space = [&] {
        return i < rest.size() && std::isspace(static_cast<unsigned char>(rest[i])) != 0;
    };
    if (!space()) return false;
    while (space()) ++i;
    const std::size_t name_start = i;
    while (i < rest.size() && is_name_char(rest[i])) ++i;
    if (i == name_start) return false;
    while (space()) ++i;
    return i == rest.size();
}

}  // namespace

Result<XmlCursor> XmlCursor::open(std::string_view xml, std::string part) {
    return open(xml, std::move(part), {});
}

Result<XmlCursor> XmlCursor::open(std::string_view xml, std::string part, Options options) {
    static std::once_flag initialised;
    std::call_once(initialised, [] { xmlInitParser(); });
    // A DTD is never part of an .xlsx; refusing it up front rules out entity expansion of any kind. The
    // opt-in bare declaration has no subset and no external identifier, so it declares nothing either.
    const auto doctype = xml.find("<!DOCTYPE");
    bool doctype_refused = doctype != std::string_view::npos;
    if (doctype_refused && options.allow_bare_doctype) {
        const auto close = xml.find('>', doctype);
        doctype_refused = close == std::string_view::npos ||
                          !bare_doctype(xml.substr(doctype, close - doctype + 1)) ||
                          xml.find("<!DOCTYPE", doctype + 1) != std::string_view::npos;
    }
    if (doctype_refused || xml.find("<!ENTITY") != std::string_view::npos)
        return fail(ErrorCode::invalid_input, fmt::format("{}: XML with a DTD is not accepted", part), part);
    if (xml.size() > static_cast<std::size_t>(INT32_MAX))
        return fail(ErrorCode::invalid_input, fmt::format("{}: too large", part), part);
    auto state = std::make_unique<State>();
    state->part = std::move(part);
    state->allow_bare_doctype = doctype != std::string_view::npos && options.allow_bare_doctype;
    state->reader.reset(xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    if (!state->reader)
        return fail(ErrorCode::internal, fmt::format("{}: libxml2 could not start a reader", state->part));
    xmlTextReaderSetStructuredErrorHandler(state->reader.get(), record_error, state.get());
    return XmlCursor(std::move(state));
}

int XmlCursor::line() const {
    xmlNode* node = xmlTextReaderCurrentNode(state_->reader.get());
    return node ? static_cast<int>(xmlGetLineNo(node))
                : xmlTextReaderGetParserLineNumber(state_->reader.get());
}

std::optional<std::string_view> XmlCursor::attribute(std::string_view local_name) const {
    for (const auto& [name, value] : attributes_)
        if (name == local_name) return std::string_view(value);
    return std::nullopt;
}

Result<XmlCursor::Event> XmlCursor::next() {
    if (pending_end_) {
        pending_end_ = false;
        attributes_.clear();
        return Event::end;
    }
    xmlTextReader* reader = state_->reader.get();
    for (;;) {
        const int rc = xmlTextReaderRead(reader);
        if (rc == 0) return Event::done;
        if (rc < 0 || !state_->first_error.empty()) {
            const std::string why = state_->first_error.empty() ? "malformed XML" : state_->first_error;
            return fail(ErrorCode::invalid_input,
                        fmt::format("{} line {}: {}", state_->part, state_->error_line, why), state_->part);
        }
        switch (xmlTextReaderNodeType(reader)) {
            case XML_READER_TYPE_ELEMENT: {
                name_ = view(xmlTextReaderConstLocalName(reader));
                attributes_.clear();
                while (xmlTextReaderMoveToNextAttribute(reader) == 1)
                    attributes_.emplace_back(view(xmlTextReaderConstLocalName(reader)),
                                             view(xmlTextReaderConstValue(reader)));
                xmlTextReaderMoveToElement(reader);
                pending_end_ = xmlTextReaderIsEmptyElement(reader) == 1;
                return Event::start;
            }
            case XML_READER_TYPE_END_ELEMENT:
                name_ = view(xmlTextReaderConstLocalName(reader));
                attributes_.clear();
                return Event::end;
            case XML_READER_TYPE_TEXT:
            case XML_READER_TYPE_CDATA:
            case XML_READER_TYPE_WHITESPACE:
            case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
                text_ = view(xmlTextReaderConstValue(reader));
                return Event::text;
            case XML_READER_TYPE_DOCUMENT_TYPE:
                if (state_->allow_bare_doctype) break;
                [[fallthrough]];
            case XML_READER_TYPE_ENTITY_REFERENCE:
                return fail(ErrorCode::invalid_input,
                            fmt::format("{}: XML with a DTD or entities is not accepted", state_->part),
                            state_->part);
            default: break;
        }
    }
}

}  // namespace mamori::documents
