// For unit tests that hand files to other programs (LibreOffice, poppler): a temporary directory, a shell command
// with a time limit, whole-file reads and writes.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <system_error>

namespace mamori::testing {

// TempDir: a fresh directory, removed with everything in it; path() is empty when it could not be made.
class TempDir {
  public:
    TempDir() {
        std::string name = (std::filesystem::temp_directory_path() / "mamori-shell-XXXXXX").string();
        if (mkdtemp(name.data())) path_ = name;
    }
    ~TempDir() {
        std::error_code ec;
        if (!path_.empty()) std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

struct CommandResult {
    int exit_code = -1;  // -1: it did not exit (killed by the time limit or a signal)
    std::string output;  // stdout and stderr
};

// run_command: `command` through the shell, stopped after 180 s.
inline CommandResult run_command(const std::string& command) {
    struct PipeClose {
        void operator()(FILE* pipe) const { pclose(pipe); }
    };
    CommandResult result;
    FILE* raw = popen(("timeout 180 " + command + " 2>&1").c_str(), "r");
    if (!raw) return result;
    std::unique_ptr<FILE, PipeClose> pipe(raw);
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe.get()))
        result.output.append(buffer.data(), n);
    const int status = pclose(pipe.release());
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

// installed: whether `tool` is on the PATH, saying which Debian package brings it when it is not.
inline ::testing::AssertionResult installed(const std::string& tool, const std::string& package) {
    if (run_command("sh -c 'command -v " + tool + "'").exit_code == 0) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << tool << " is missing: install the Debian package " << package << " (scripts/setup.sh does)";
}

inline std::string quoted(const std::filesystem::path& path) {
    std::string out = "'";
    out += path.string();
    out += '\'';
    return out;
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return std::move(out).str();
}

// soffice: LibreOffice headless with its profile inside `dir`, so that runs do not share (or lock) one.
inline std::string soffice(const TempDir& dir) {
    return "soffice --headless --norestore -env:UserInstallation=file://" + (dir.path() / "lo").string();
}

// LibreOffice's CSV export filter: comma-separated, double quotes, UTF-8 (44,34,76); cells as shown.
inline constexpr const char* kLibreOfficeCsv = "'csv:Text - txt - csv (StarCalc):44,34,76'";

}  // namespace mamori::testing
