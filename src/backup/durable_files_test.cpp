#include "mamori/backup/durable_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

namespace mamori::backup {
namespace {

namespace fs = std::filesystem;

class DurableFiles : public ::testing::Test {
  protected:
    DurableFiles()
        : dir_(fs::temp_directory_path() / ("mamori-durable-" + std::to_string(std::random_device{}()))) {
        fs::create_directories(dir_);
    }
    ~DurableFiles() override { fs::remove_all(dir_); }

    static std::string read(const fs::path& path) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }

    fs::path dir_;
};

TEST_F(DurableFiles, DigestIsTheSha256OfTheBytes) {
    ASSERT_TRUE(write_file_durably(dir_ / "abc", "abc"));
    auto digest = digest_file(dir_ / "abc");
    ASSERT_TRUE(digest) << digest.error().message;
    EXPECT_EQ(digest->bytes, 3u);
    EXPECT_EQ(digest->sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    auto empty = (write_file_durably(dir_ / "empty", ""), digest_file(dir_ / "empty"));
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_F(DurableFiles, CopyReturnsTheDigestOfWhatItWrote) {
    std::string big(200'000, 'x');
    big[123'456] = 'y';
    ASSERT_TRUE(write_file_durably(dir_ / "big", big));
    auto copied = copy_file_durably(dir_ / "big", dir_ / "copy");
    ASSERT_TRUE(copied) << copied.error().message;
    EXPECT_EQ(read(dir_ / "copy"), big);
    EXPECT_EQ(copied->bytes, big.size());
    EXPECT_EQ(copied->sha256, digest_file(dir_ / "big")->sha256);
    auto again = copy_file_durably(dir_ / "big", dir_ / "copy");
    ASSERT_FALSE(again) << "the copy never overwrites";
    EXPECT_NE(again.error().message.find((dir_ / "copy").string()), std::string::npos)
        << again.error().message;
}

TEST_F(DurableFiles, WriteReplacesTheWholeFileAndLeavesNoTemporary) {
    ASSERT_TRUE(write_file_durably(dir_ / "f", "first version, longer"));
    ASSERT_TRUE(write_file_durably(dir_ / "f", "second"));
    EXPECT_EQ(read(dir_ / "f"), "second");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator{}), 1);
}

TEST_F(DurableFiles, TemporaryFileIsHiddenBesideTheTargetAndRemovedUnlessReleased) {
    const auto name = temporary_beside(dir_ / "mamori.db");
    EXPECT_EQ(name.parent_path(), dir_);
    EXPECT_EQ(name.filename().string().rfind(".mamori.db.tmp-", 0), 0u) << name;
    EXPECT_NE(temporary_beside(dir_ / "mamori.db"), name);
    {
        TemporaryFile tmp(name);
        ASSERT_TRUE(write_file_durably(tmp.path(), "x"));
        ASSERT_TRUE(write_file_durably(fs::path(tmp.path().string() + "-wal"), "x"));
    }
    EXPECT_FALSE(fs::exists(name));
    EXPECT_FALSE(fs::exists(name.string() + "-wal"));
    {
        TemporaryFile kept(name);
        ASSERT_TRUE(write_file_durably(kept.path(), "x"));
        kept.release();
    }
    EXPECT_TRUE(fs::exists(name));
}

TEST_F(DurableFiles, ErrorsNameThePath) {
    auto missing = digest_file(dir_ / "absent");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find((dir_ / "absent").string()), std::string::npos);
    auto nowhere = write_file_durably(dir_ / "no" / "such" / "dir" / "f", "x");
    ASSERT_FALSE(nowhere);
    EXPECT_NE(nowhere.error().message.find("no/such/dir"), std::string::npos) << nowhere.error().message;
}

}  // namespace
}  // namespace mamori::backup
