#include "mamori/backup/durable_files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <random>

namespace mamori::backup {

namespace fs = std::filesystem;

namespace {

std::string os_error(std::string_view what, const fs::path& path) {
    return fmt::format("cannot {} {}: {}", what, path.string(), std::strerror(errno));
}

tl::unexpected<Error> io_failure(std::string_view what, const fs::path& path) {
    return fail(ErrorCode::unavailable, os_error(what, path), path.string());
}

// Fd: a file descriptor closed at scope exit.
class Fd {
  public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    bool ok() const { return fd_ >= 0; }
    // close_checked: closes now and reports whether close(2) succeeded (it can report a late write error).
    bool close_checked() {
        const int fd = fd_;
        fd_ = -1;
        return ::close(fd) == 0;
    }

  private:
    int fd_;
};

fs::path directory_of(const fs::path& path) {
    const auto parent = path.parent_path();
    return parent.empty() ? fs::path(".") : parent;
}

std::string hex(const unsigned char* bytes, std::size_t size) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out += kDigits[bytes[i] >> 4];
        out += kDigits[bytes[i] & 0x0f];
    }
    return out;
}

bool write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

// read_hashing: reads `in` to its end, feeding every chunk to the hash and to `sink` (may be null).
template <typename Sink>
Result<FileDigest> read_hashing(int in, const fs::path& path, Sink&& sink) {
    if (sodium_init() < 0) return fail(ErrorCode::internal, "libsodium failed to initialise");
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::array<char, 1 << 16> buffer{};
    FileDigest digest;
    for (;;) {
        const ssize_t n = ::read(in, buffer.data(), buffer.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return io_failure("read", path);
        }
        if (n == 0) break;
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buffer.data()),
                                  static_cast<unsigned long long>(n));
        digest.bytes += static_cast<std::uint64_t>(n);
        if (auto ok = sink(buffer.data(), static_cast<std::size_t>(n)); !ok) return fail(ok.error());
    }
    std::array<unsigned char, crypto_hash_sha256_BYTES> out{};
    crypto_hash_sha256_final(&state, out.data());
    digest.sha256 = hex(out.data(), out.size());
    return digest;
}

}  // namespace

TemporaryFile::~TemporaryFile() {
    if (released_) return;
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
        auto path = path_;
        path += suffix;
        fs::remove(path, ignored);
    }
}

fs::path temporary_beside(const fs::path& target) {
    std::random_device random;
    const auto name = fmt::format(".{}.tmp-{}-{:08x}", target.filename().string(), ::getpid(), random());
    return directory_of(target) / name;
}

Result<FileDigest> digest_file(const fs::path& path) {
    Fd in(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!in.ok()) return io_failure("open", path);
    return read_hashing(in.get(), path, [](const char*, std::size_t) -> Status { return {}; });
}

Result<FileDigest> copy_file_durably(const fs::path& from, const fs::path& to) {
    Fd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
    if (!in.ok()) return io_failure("open", from);
    Fd out(::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!out.ok()) return io_failure("create", to);
    auto digest = read_hashing(in.get(), from, [&](const char* data, std::size_t size) -> Status {
        if (!write_all(out.get(), data, size)) return io_failure("write", to);
        return {};
    });
    if (!digest) return digest;
    if (::fsync(out.get()) != 0) return io_failure("fsync", to);
    if (!out.close_checked()) return io_failure("close", to);
    return digest;
}

Status sync_file(const fs::path& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.ok()) return io_failure("open", path);
    if (::fsync(fd.get()) != 0) return io_failure("fsync", path);
    return {};
}

Status rename_durably(const fs::path& from, const fs::path& to) {
    if (::rename(from.c_str(), to.c_str()) != 0)
        return fail(
            ErrorCode::unavailable,
            fmt::format("cannot rename {} to {}: {}", from.string(), to.string(), std::strerror(errno)),
            to.string());
    const auto dir = directory_of(to);
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.ok()) return io_failure("open the directory", dir);
    if (::fsync(fd.get()) != 0) return io_failure("fsync the directory", dir);
    return {};
}

Status write_file_durably(const fs::path& path, std::string_view text) {
    TemporaryFile tmp(temporary_beside(path));
    {
        Fd out(::open(tmp.path().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
        if (!out.ok()) return io_failure("create", tmp.path());
        if (!write_all(out.get(), text.data(), text.size())) return io_failure("write", tmp.path());
        if (::fsync(out.get()) != 0) return io_failure("fsync", tmp.path());
        if (!out.close_checked()) return io_failure("close", tmp.path());
    }
    if (auto ok = rename_durably(tmp.path(), path); !ok) return ok;
    tmp.release();
    return {};
}

}  // namespace mamori::backup
