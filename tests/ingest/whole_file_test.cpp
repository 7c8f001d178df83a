// SPDX-License-Identifier: MIT
// What is decided about a file as a whole: its encoding, standard input read as a file, the
// files of a folder, and rejections that describe a file's latest read.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "graph/error.hpp"
#include "ingest/folder_input.hpp"
#include "ingest/ingest.hpp"
#include "tests/ingest/ingest_fixture.hpp"

using cg::ingest::folderInput;
using cg::ingest::ingestFile;
using cg::ingest::IngestOptions;
using cg::ingest::ingestStandardInput;
using cg::ingest::RefusedFile;
using cg::testing::IngestTest;
using cg::testing::kGoodClaim;
using cg::testing::kOtherGoodClaim;
using cg::testing::kSourceLine;

namespace {

using WholeFile = IngestTest;

std::string utf16le(const std::string& ascii) {
    std::string out = "\xFF\xFE";
    for (char c : ascii) {
        out += c;
        out += '\0';
    }
    return out;
}

std::string refusal(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const RefusedFile& e) {
        return e.what();
    }
    return "";
}

const std::string kBadClaim =
    R"({"id": "bad", "source": "s1", "subject": {"type": "Compnay", "name": "X"}, "property": "name", "value": "X"})";

}  // namespace

TEST_F(WholeFile, AUtf16FileIsRefusedWholeWithOneErrorAndNothingStored) {
    std::string path =
        dir_.write("wide.claims.jsonl", utf16le(kSourceLine + "\n" + kGoodClaim + "\n"));
    std::string message = refusal([&] { ingestFile(store_, schema_, path, IngestOptions{}); });
    EXPECT_EQ(message.rfind("wide.claims.jsonl: the file is UTF-16 LE with a byte-order mark, "
                            "not UTF-8",
                            0),
              0u)
        << message;
    EXPECT_NE(message.find("iconv -f UTF-16 -t UTF-8 wide.claims.jsonl > wide-utf8.claims.jsonl"),
              std::string::npos)
        << message;
    EXPECT_EQ(store_.stats().rejections, 0);
    EXPECT_EQ(store_.stats().claims, 0);
}

TEST_F(WholeFile, ALatin1FileIsRefusedWhole) {
    std::string path =
        dir_.write("latin.claims.jsonl",
                   kSourceLine +
                       "\n"
                       R"({"id": "c", "source": "s1", "subject": {"type": "Person", "name": "Caf)"
                       "\xE9"
                       R"("}, "property": "name", "value": "x"})"
                       "\n");
    std::string message = refusal([&] { ingestFile(store_, schema_, path, IngestOptions{}); });
    EXPECT_NE(message.find("the file is Latin-1 (ISO-8859-1), not UTF-8 (line 2 has byte 0xE9"),
              std::string::npos)
        << message;
    EXPECT_EQ(store_.stats().claims, 0);
}

TEST_F(WholeFile, AnArrayOfClaimsWithNoHintInItsNameIsReadAsClaims) {
    std::string path = dir_.write("export.json", "[" + kSourceLine + ",\n" + kGoodClaim + "]\n");
    auto s = ingestFile(store_, schema_, path, IngestOptions{});
    EXPECT_EQ(s.format, "claims");
    EXPECT_EQ(s.accepted, 1);
}

TEST_F(WholeFile, StandardInputIsReadUnderItsNameAndItsFormatIsTold) {
    std::istringstream in(kSourceLine + "\n" + kGoodClaim + "\n" + kBadClaim + "\n");
    cg::ingest::Applier applier(store_, schema_);
    IngestOptions options;
    options.name = "from-pipe";
    auto s = ingestStandardInput(applier, schema_, in, options);
    EXPECT_EQ(s.file, "from-pipe");
    EXPECT_EQ(s.format, "claims");
    EXPECT_EQ(s.accepted, 1);
    ASSERT_EQ(s.rejected, 1);
    EXPECT_EQ(s.firstRejections[0].file, "from-pipe");
    auto stored = store_.rejections(0, {"from-pipe"});
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].line, 3);
}

TEST_F(WholeFile, StandardInputWithoutANameIsRecordedAsADash) {
    std::istringstream in("[" + kSourceLine + ", " + kGoodClaim + "]");
    cg::ingest::Applier applier(store_, schema_);
    auto s = ingestStandardInput(applier, schema_, in, IngestOptions{});
    EXPECT_EQ(s.file, "-");
    EXPECT_EQ(s.accepted, 1);
}

TEST_F(WholeFile, ReadingAFileAgainReplacesItsRejections) {
    std::string path =
        dir_.write("fixed.claims.jsonl", kSourceLine + "\n" + kGoodClaim + "\n" + kBadClaim + "\n");
    std::string other = dir_.write("other.claims.jsonl", kSourceLine + "\n" + kBadClaim + "\n");
    EXPECT_EQ(ingestFile(store_, schema_, path, IngestOptions{}).rejected, 1);
    EXPECT_EQ(ingestFile(store_, schema_, other, IngestOptions{}).rejected, 1);
    EXPECT_EQ(store_.stats().rejections, 2);
    dir_.write("fixed.claims.jsonl",
               kSourceLine + "\n" + kGoodClaim + "\n" + kOtherGoodClaim + "\n");
    auto again = ingestFile(store_, schema_, path, IngestOptions{});
    EXPECT_EQ(again.rejected, 0);
    EXPECT_EQ(again.accepted, 1);
    EXPECT_EQ(store_.stats().rejections, 1) << "the other file's rejection stays";
    auto left = store_.rejections(0);
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].file, "other.claims.jsonl");
}

TEST_F(WholeFile, RejectionsAreListedAndClearedPerFile) {
    std::string a = dir_.write("a.claims.jsonl", kSourceLine + "\n" + kBadClaim + "\n");
    std::string b = dir_.write("b.claims.jsonl", kSourceLine + "\n" + kBadClaim + "\n");
    ingestFile(store_, schema_, a, IngestOptions{});
    ingestFile(store_, schema_, b, IngestOptions{});
    EXPECT_EQ(store_.rejections(0, {"b.claims.jsonl"}).size(), 1u);
    EXPECT_EQ(store_.clearRejections({"a.claims.jsonl"}), 1);
    EXPECT_EQ(store_.stats().rejections, 1);
    EXPECT_EQ(store_.clearRejections({}), 1);
    EXPECT_EQ(store_.stats().rejections, 0);
}

TEST_F(WholeFile, AnIcijFolderIsReadNodesFirstAndRelationshipsLast) {
    auto folder = folderInput(CG_TEST_DATA "/icij");
    EXPECT_TRUE(folder.icij);
    ASSERT_EQ(folder.files.size(), 6u);
    EXPECT_EQ(std::filesystem::path(folder.files.back()).filename(), "relationships.csv");
    EXPECT_EQ(std::filesystem::path(folder.files.front()).filename(), "nodes-addresses.csv");
}

TEST_F(WholeFile, AnyOtherFolderIsReadFileByFileSortedWithoutItsSubFolders) {
    std::filesystem::create_directories(dir_.path() / "in" / "deeper");
    dir_.write("in/b.claims.jsonl", kGoodClaim + "\n");
    dir_.write("in/a.claims.jsonl", kSourceLine + "\n");
    dir_.write("in/.hidden.claims.jsonl", kSourceLine + "\n");
    dir_.write("in/deeper/c.claims.jsonl", kSourceLine + "\n");
    auto folder = folderInput(dir_.file("in"));
    EXPECT_FALSE(folder.icij);
    ASSERT_EQ(folder.files.size(), 2u);
    EXPECT_EQ(folder.files[0], dir_.file("in/a.claims.jsonl"));
    EXPECT_EQ(folder.files[1], dir_.file("in/b.claims.jsonl"));
    ASSERT_EQ(folder.warnings.size(), 1u);
    EXPECT_NE(folder.warnings[0].find("deeper: a folder inside the folder, not read"),
              std::string::npos);
}
