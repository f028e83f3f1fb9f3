// pdf_text: what a reader's tool reads from a PDF (poppler's pdftotext), for asserting a document's words.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace mamori::testing {

// pdf_text: the text of `pdf`, through files in `dir`.
inline std::string pdf_text(const std::string& pdf, const std::filesystem::path& dir) {
    const auto in = dir / "document.pdf";
    const auto out = dir / "document.txt";
    std::ofstream(in, std::ios::binary) << pdf;
    const std::string command = "pdftotext -enc UTF-8 '" + in.string() + "' '" + out.string() + "'";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    std::stringstream text;
    text << std::ifstream(out, std::ios::binary).rdbuf();
    return text.str();
}

}  // namespace mamori::testing
