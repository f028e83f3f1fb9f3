/// @file
/// @brief Files compiled into the binary at build time (tools/embed_files.cpp): the web shell, the SQL
/// migrations, the checklist catalog and reference data. A deployment needs nothing but the binary.
///
///     for (const auto& f : mamori::embedded::migrations()) use(f.path, f.data);
#pragma once

#include <span>
#include <string_view>

namespace mamori::embedded {

// File: one embedded file; `path` is relative to its root folder and uses '/'.
struct File {
    std::string_view path;
    std::string_view data;
};

// web_assets: the built SPA (web/dist).
std::span<const File> web_assets();

// migrations: every migrations/<dialect>/NNNN_name.sql file.
std::span<const File> migrations();

// catalog_files: the checklist catalog (catalog/**.json).
std::span<const File> catalog_files();

// reference_files: reference data that is not the checklist (reference/*.json, e.g. the kinds of systems in
// an institution's systems register).
std::span<const File> reference_files();

}  // namespace mamori::embedded
