#include "mamori/backup/copy_text.hpp"

#include <gtest/gtest.h>

namespace mamori::backup {
namespace {

std::string line(const RowValues& row) {
    std::string out;
    append_copy_row(out, row);
    return out;
}

TEST(CopyText, FieldsAreTabSeparatedAndTheRowEndsWithANewline) {
    EXPECT_EQ(line({"1", "clinic", "さくら内科クリニック"}), "1\tclinic\tさくら内科クリニック\n");
}

TEST(CopyText, NullIsBackslashNAndDiffersFromTheTextBackslashN) {
    EXPECT_EQ(line({std::nullopt, "\\N", ""}), "\\N\t\\\\N\t\n");
}

TEST(CopyText, BackslashTabNewlineAndCarriageReturnAreEscaped) {
    EXPECT_EQ(line({"a\\b\tc\nd\re"}), "a\\\\b\\tc\\nd\\re\n");
}

TEST(CopyText, AnEndOfDataMarkerInsideAValueIsEscaped) {
    EXPECT_EQ(line({"\\."}), "\\\\.\n");
}

TEST(CopyText, OtherCharactersPassUnchanged) {
    EXPECT_EQ(line({"=SUM(A1),\"引用\" 'x'; -- \x01"}), "=SUM(A1),\"引用\" 'x'; -- \x01\n");
}

TEST(CopyText, RowsAppendToTheChunk) {
    std::string out = "x\n";
    append_copy_row(out, {"1"});
    append_copy_row(out, {"2", std::nullopt});
    EXPECT_EQ(out, "x\n1\n2\t\\N\n");
}

TEST(CopyText, AnEmptyRowIsAnEmptyLine) {
    EXPECT_EQ(line({}), "\n");
}

}  // namespace
}  // namespace mamori::backup
