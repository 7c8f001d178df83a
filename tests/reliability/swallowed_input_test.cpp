// SPDX-License-Identifier: MIT
// Inputs that must not swallow the rest of a file, through the claimgraph binary: an unclosed
// CSV quote, line ends of every kind, and a file from which nothing at all was read.
#include <gtest/gtest.h>

#include <string>

#include "tests/graph/temp_dir.hpp"
#include "tests/reliability/child_process.hpp"

using cg::testing::readFile;
using cg::testing::runChild;
using cg::testing::RunResult;
using cg::testing::TempDir;

namespace {

const std::string kBinary = CG_BINARY;
const std::string kSample = CG_SOURCE_DIR "/samples/fictional-ownership.claims.jsonl";

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

TEST(SwallowedInput, AnUnclosedQuoteInAnIcijFileLosesOneRowNotTheRest) {
    TempDir dir;
    std::string text = "node_id,name,countries,country_codes,sourceID,valid_until,note\n";
    text += "1,\"Unclosed quote,Norvania,XNV,Lantern Papers,,\n";
    for (int i = 2; i <= 3000; ++i) {
        text += std::to_string(i) + ",Officer " + std::to_string(i) +
                ",Norvania,XNV,Lantern Papers,,\n";
    }
    std::string file = dir.write("nodes-officers.csv", text);
    RunResult r = runChild(
        dir, {kBinary, "--db", dir.file("icij.claimgraph"), "ingest", "--format", "icij", file});
    EXPECT_EQ(r.code, 0) << r.err;
    // The file lies in the database's folder: named relative to it (docs/storage.md).
    EXPECT_NE(r.err.find("nodes-officers.csv:2: quote opened here is never closed"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.out.find("rejected 1"), std::string::npos) << r.out;
    EXPECT_EQ(r.err.find("longer than the limit"), std::string::npos) << r.err;
    RunResult found =
        runChild(dir, {kBinary, "--db", dir.file("icij.claimgraph"), "show", "Officer 3000"});
    EXPECT_EQ(found.code, 0) << found.err;
}

TEST(SwallowedInput, ClaimsWithCrLfOrCrLineEndsAreReadAsWithLf) {
    TempDir dir;
    std::string lf = readFile(kSample);
    RunResult expected =
        runChild(dir, {kBinary, "--db", dir.file("lf.claimgraph"), "ingest", kSample});
    ASSERT_EQ(expected.code, 0) << expected.err;
    std::string summary = expected.out.substr(expected.out.find(": accepted"));
    summary = summary.substr(0, summary.find('\n'));
    for (const std::string end : {"\r\n", "\r"}) {
        SCOPED_TRACE(end == "\r" ? "CR" : "CRLF");
        std::string file = dir.write("ends.claims.jsonl", replaceAll(lf, "\n", end));
        std::string db = dir.file(end == "\r" ? "cr.claimgraph" : "crlf.claimgraph");
        RunResult r = runChild(dir, {kBinary, "--db", db, "ingest", "--strict", file});
        EXPECT_EQ(r.code, 0) << r.err;
        EXPECT_NE(r.out.find(summary), std::string::npos) << r.out << " expected " << summary;
    }
}

TEST(SwallowedInput, AFileFromWhichNothingWasReadIsNeverASilentSuccess) {
    TempDir dir;
    std::string file = dir.write("blank.claims.jsonl", "\n   \n\t\n");
    RunResult r = runChild(dir, {kBinary, "--db", dir.file("blank.claimgraph"), "ingest", file});
    EXPECT_EQ(r.code, 4) << r.err;
    EXPECT_NE(r.err.find("warning: blank.claims.jsonl: nothing was read from its 7 bytes"),
              std::string::npos)
        << r.err;
}

}  // namespace
