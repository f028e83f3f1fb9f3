#include "documents/xlsx_workbook_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace mamori::documents {

namespace {

// Removes the temporary file libxlsxwriter writes into, whatever happens.
struct RemoveFile {
    std::string path;
    ~RemoveFile() {
        std::error_code ec;
        if (!path.empty()) std::filesystem::remove(path, ec);
    }
};

}  // namespace

Result<std::string> render_workbook(const std::function<Status(lxw_workbook*)>& fill) {
    std::error_code ec;
    const auto dir = std::filesystem::temp_directory_path(ec);
    if (ec) return fail(ErrorCode::internal, "no temporary directory: " + ec.message());
    std::string name = (dir / "mamori-table-XXXXXX").string();
    const int fd = mkstemp(name.data());
    if (fd < 0) return fail(ErrorCode::internal, "cannot create a temporary file in " + dir.string());
    close(fd);
    RemoveFile remove{name};
    std::string tmpdir = dir.string();
    lxw_workbook_options options{};
    options.tmpdir = tmpdir.data();
    lxw_workbook* workbook = workbook_new_opt(name.c_str(), &options);
    if (workbook == nullptr) return fail(ErrorCode::internal, "libxlsxwriter could not create a workbook");
    if (auto filled = fill(workbook); !filled) {
        lxw_workbook_free(workbook);
        return fail(filled.error());
    }
    const lxw_error closed = workbook_close(workbook);
    if (closed != LXW_NO_ERROR)
        return fail(ErrorCode::internal,
                    fmt::format("libxlsxwriter could not save the workbook: {}", lxw_strerror(closed)));
    std::ifstream in(name, std::ios::binary);
    if (!in) return fail(ErrorCode::internal, "cannot read the workbook back");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace mamori::documents
