#include "mamori/web/static_files.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace mamori::web {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::uint64_t fnv1a(std::string_view data) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : data) h = (h ^ c) * 1099511628211ull;
    return h;
}

bool has_extension(std::string_view path) {
    const auto last = path.substr(path.rfind('/') + 1);
    return last.find('.') != std::string_view::npos;
}

}  // namespace

std::string_view content_type_for(std::string_view path) {
    static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
        {".webmanifest", "application/manifest+json"},
    };
    for (const auto& [ext, type] : kTypes)
        if (ends_with(path, ext)) return type;
    return "application/octet-stream";
}

StaticFiles::StaticFiles(std::span<const embedded::File> files) {
    for (const auto& f : files)
        files_.emplace(f.path, Entry{f.data, fmt::format("\"{:016x}\"", fnv1a(f.data))});
}

std::optional<http::Response> StaticFiles::serve(std::string_view path,
                                                 std::optional<std::string_view> if_none_match) const {
    std::string_view name = path;
    while (!name.empty() && name.front() == '/') name.remove_prefix(1);
    if (name.empty()) name = "index.html";
    if (auto it = files_.find(name); it != files_.end()) return respond(name, it->second, if_none_match);
    if (has_extension(path)) return std::nullopt;
    auto index = files_.find("index.html");
    if (index == files_.end()) return std::nullopt;
    return respond("index.html", index->second, if_none_match);
}

std::optional<http::Response> StaticFiles::respond(std::string_view name, const Entry& entry,
                                                   std::optional<std::string_view> if_none_match) const {
    http::Response r;
    // Vite puts a content hash in every file name under assets/, so those never change.
    r.set_header("Cache-Control",
                 name.substr(0, 7) == "assets/" ? "public, max-age=31536000, immutable" : "no-cache");
    r.set_header("ETag", entry.etag);
    if (if_none_match && *if_none_match == entry.etag) {
        r.status = 304;
        return r;
    }
    r.set_header("Content-Type", std::string(content_type_for(name)));
    r.body.assign(entry.data);
    return r;
}

}  // namespace mamori::web
