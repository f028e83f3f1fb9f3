/// @file
/// @brief A pull parser over one XML part of an .xlsx, on libxml2's xmlTextReader: no network, no DTDs
/// (a document with one is refused, so no entity can expand), errors as invalid_input naming the part and
/// line. Gives element starts and ends by local name, their attributes, and text.
///
///     auto xml = XmlCursor::open(text, "xl/workbook.xml");
///     while (auto event = xml->next()) { if (*event == XmlCursor::Event::done) break; … }
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::documents {

class XmlCursor {
  public:
    enum class Event { start, end, text, done };

    // Options: allow_bare_doctype accepts one document type declaration with nothing but a name in it
    // (`<!DOCTYPE nmaprun>`, as nmap writes): no internal subset, no SYSTEM or PUBLIC identifier, so it
    // declares no entity and loads nothing. Any other DTD or entity declaration is still refused.
    struct Options {
        bool allow_bare_doctype = false;
    };

    // open: `xml` must outlive the cursor; `part` names it in errors.
    static Result<XmlCursor> open(std::string_view xml, std::string part);
    static Result<XmlCursor> open(std::string_view xml, std::string part, Options options);

    // line: the line the reader is on (1-based), for errors about the element just read.
    int line() const;

    XmlCursor(XmlCursor&&) noexcept;
    XmlCursor& operator=(XmlCursor&&) noexcept;
    ~XmlCursor();

    Result<Event> next();

    // name: the local name of the element just started or ended.
    const std::string& name() const { return name_; }
    // text: the text just read (character references and the five predefined entities resolved).
    std::string_view text() const { return text_; }
    // attribute: an attribute of the element just started, by local name.
    std::optional<std::string_view> attribute(std::string_view local_name) const;
    // attributes: every attribute of the element just started (local name, value).
    const std::vector<std::pair<std::string, std::string>>& attributes() const { return attributes_; }

    struct State;  // the libxml2 reader and its first error; opaque

  private:
    explicit XmlCursor(std::unique_ptr<State> state);

    std::unique_ptr<State> state_;
    std::string name_;
    std::string_view text_;
    std::vector<std::pair<std::string, std::string>> attributes_;
    bool pending_end_ = false;
};

}  // namespace mamori::documents
