/// @file
/// @brief Serves the embedded single-page app: content types by extension, long caching for hashed assets
/// under `assets/`, ETags, and `index.html` for client-side routes.
///
///     StaticFiles spa(mamori::embedded::web_assets());
///     if (auto r = spa.serve("/catalog", if_none_match)) return *r;
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "mamori/core/embedded.hpp"
#include "mamori/http/message.hpp"

namespace mamori::web {

// content_type_for: the Content-Type of a file name by its extension; octet-stream when unknown.
std::string_view content_type_for(std::string_view path);

// StaticFiles: an index of embedded files by URL path.
class StaticFiles {
  public:
    explicit StaticFiles(std::span<const embedded::File> files);

    // serve: the response for a GET of `path`; a path without a file extension that names no file is a
    // client route and gets index.html; nullopt when a file-like path does not exist.
    std::optional<http::Response> serve(std::string_view path,
                                        std::optional<std::string_view> if_none_match) const;

  private:
    struct Entry {
        std::string_view data;
        std::string etag;
    };
    std::optional<http::Response> respond(std::string_view name, const Entry& entry,
                                          std::optional<std::string_view> if_none_match) const;
    std::unordered_map<std::string_view, Entry> files_;
};

}  // namespace mamori::web
