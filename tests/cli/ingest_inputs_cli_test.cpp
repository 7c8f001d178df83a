// SPDX-License-Identifier: MIT
// `claimgraph ingest` on whole files as a user meets them, through the binary: files in
// another encoding refused whole while the others go in, exit codes, standard input, folders,
// and `rejections` describing each file's latest read.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/cli/cli_runner.hpp"

using cg::testing::contains;
using cg::testing::shellWord;
using Outcome = cg::testing::CliOutcome;

namespace {

const std::string kSource =
    R"({"source": {"id": "s1", "title": "Test article", "kind": "article"}})";
const std::string kClaim =
    R"({"id": "c1", "source": "s1", "subject": {"type": "Person", "name": "Sar Kheng"}, "relation": "officer_of", "object": {"type": "PublicBody", "name": "Ministry of Interior"}})";
const std::string kOtherClaim =
    R"({"id": "c2", "source": "s1", "subject": {"type": "Company", "name": "Golden Sands Ltd"}, "property": "name", "value": "Golden Sands Ltd"})";
const std::string kBadClaim =
    R"({"id": "bad", "source": "s1", "subject": {"type": "Compnay", "name": "X"}, "property": "name", "value": "X"})";

std::string utf16le(const std::string& ascii) {
    std::string out = "\xFF\xFE";
    for (char c : ascii) {
        out += c;
        out += '\0';
    }
    return out;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

class IngestInputs : public cg::testing::CliTest {
  protected:
    std::string write(const std::string& name, const std::string& text) const {
        return dir_.write(name, text);
    }
    // The binary with `input` on its standard input.
    Outcome runWithInput(const std::string& input, const std::vector<std::string>& args,
                         bool json = false) const {
        std::string in = dir_.write("stdin.bytes", input);
        std::string out = dir_.file("out.txt"), err = dir_.file("err.txt");
        std::string cmd = "cd " + shellWord(dir_.path().string()) + " && " + shellWord(CG_BINARY) +
                          " --db " + shellWord(db_) + (json ? " --json" : "");
        for (const auto& a : args) cmd += " " + shellWord(a);
        cmd += " >" + shellWord(out) + " 2>" + shellWord(err) + " <" + shellWord(in);
        int status = std::system(cmd.c_str());
        Outcome r;
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.out = cg::testing::readFile(out);
        r.err = cg::testing::readFile(err);
        return r;
    }
    std::int64_t stat(const char* key) const {
        auto d = json({"stats"});
        return d[key].GetInt64();
    }
};

}  // namespace

// --- whole files and exit codes ---

TEST_F(IngestInputs, AUtf16FileIsRefusedWithOneErrorWhileTheOtherFilesGoIn) {
    write("a.claims.jsonl", kSource + "\n" + kClaim + "\n");
    write("wide.claims.jsonl", utf16le(kSource + "\n" + kOtherClaim + "\n"));
    write("c.claims.jsonl", kSource + "\n" + kOtherClaim + "\n");
    Outcome r = run({"ingest", "a.claims.jsonl", "wide.claims.jsonl", "c.claims.jsonl"});
    EXPECT_EQ(r.code, 1) << r;
    EXPECT_EQ(count(r.err, "wide.claims.jsonl: "), 1u) << r;
    EXPECT_EQ(count(r.err, "\n"), 2u) << "the refusal and the summary of the exit code\n" << r;
    EXPECT_TRUE(contains(r.err,
                         "error: wide.claims.jsonl: the file is UTF-16 LE with a "
                         "byte-order mark, not UTF-8"))
        << r;
    EXPECT_TRUE(
        contains(r.err, "iconv -f UTF-16 -t UTF-8 wide.claims.jsonl > wide-utf8.claims.jsonl"))
        << r;
    EXPECT_TRUE(contains(r.out, "a.claims.jsonl (claims): accepted 1")) << r;
    EXPECT_TRUE(contains(r.out, "c.claims.jsonl (claims): accepted 1")) << r;
    EXPECT_EQ(stat("claims"), 2);
    EXPECT_EQ(stat("rejections"), 0);
}

TEST_F(IngestInputs, AUtf16FileWithoutAByteOrderMarkAndALatin1FileAreRefusedToo) {
    std::string wide = utf16le(kSource + "\n").substr(2);
    write("plain16.jsonl", wide);
    write("latin.claims.jsonl",
          kSource +
              "\n"
              R"({"id": "c", "source": "s1", "subject": {"type": "Person", "name": "Caf)"
              "\xE9"
              R"("}, "property": "name", "value": "x"})"
              "\n");
    Outcome r = run({"ingest", "plain16.jsonl", "latin.claims.jsonl"});
    EXPECT_EQ(r.code, 1) << r;
    EXPECT_TRUE(contains(r.err, "plain16.jsonl: the file is UTF-16 LE, not UTF-8")) << r;
    EXPECT_TRUE(contains(r.err, "iconv -f UTF-16LE -t UTF-8")) << r;
    EXPECT_TRUE(contains(r.err, "latin.claims.jsonl: the file is Latin-1 (ISO-8859-1), not UTF-8"))
        << r;
    EXPECT_TRUE(contains(r.err, "iconv -f LATIN1 -t UTF-8")) << r;
}

TEST_F(IngestInputs, ARefusedFileIsInTheJsonSummaryWithItsError) {
    write("a.claims.jsonl", kSource + "\n" + kClaim + "\n");
    write("wide.claims.jsonl", utf16le(kSource + "\n"));
    Outcome r = run({"ingest", "a.claims.jsonl", "wide.claims.jsonl"}, true);
    EXPECT_EQ(r.code, 1) << r;
    auto d = parse(r);
    ASSERT_EQ(d["files"].Size(), 2u) << r;
    EXPECT_TRUE(d["files"][0]["error"].IsNull());
    EXPECT_EQ(std::string(d["files"][1]["file"].GetString()), "wide.claims.jsonl");
    EXPECT_TRUE(d["files"][1]["format"].IsNull());
    EXPECT_TRUE(contains(d["files"][1]["error"].GetString(), "UTF-16 LE")) << r;
    EXPECT_EQ(d["files"][1]["accepted"].GetInt(), 0);
}

TEST_F(IngestInputs, AnEmptyFileExitsWithFourAndAWarningAfterTheOthers) {
    write("empty.claims.jsonl", "");
    write("a.claims.jsonl", kSource + "\n" + kClaim + "\n");
    Outcome r = run({"ingest", "empty.claims.jsonl", "a.claims.jsonl"});
    EXPECT_EQ(r.code, 4) << r;
    EXPECT_TRUE(contains(r.err, "warning: empty.claims.jsonl: file is empty, nothing to ingest"))
        << r;
    EXPECT_TRUE(contains(r.err, "no record was accepted from 1 file(s): empty.claims.jsonl")) << r;
    EXPECT_EQ(stat("claims"), 1);
}

TEST_F(IngestInputs, AFileWhoseEveryRecordIsRejectedExitsWithFour) {
    write("bad.claims.jsonl", kBadClaim + "\n");
    Outcome r = run({"ingest", "bad.claims.jsonl"});
    EXPECT_EQ(r.code, 4) << r;
}

TEST_F(IngestInputs, AFileReadAgainAddsNothingAndStillSucceeds) {
    write("a.claims.jsonl", kSource + "\n" + kClaim + "\n");
    ASSERT_EQ(run({"ingest", "a.claims.jsonl"}).code, 0);
    Outcome r = run({"ingest", "a.claims.jsonl"});
    EXPECT_EQ(r.code, 0) << r;
    EXPECT_TRUE(contains(r.out, "accepted 0, rejected 0, already stored 1")) << r;
}

TEST_F(IngestInputs, TheHighestExitCodeWins) {
    write("wide.claims.jsonl", utf16le(kSource + "\n"));
    write("some-bad.claims.jsonl", kSource + "\n" + kClaim + "\n" + kBadClaim + "\n");
    write("empty.claims.jsonl", "");
    EXPECT_EQ(run({"ingest", "--strict", "wide.claims.jsonl", "some-bad.claims.jsonl"}).code, 3);
    Outcome all = run(
        {"ingest", "--strict", "wide.claims.jsonl", "some-bad.claims.jsonl", "empty.claims.jsonl"});
    EXPECT_EQ(all.code, 4) << all;
    // Every reason is said, not only the one whose code wins.
    EXPECT_TRUE(contains(all.err, "1 file(s) refused whole")) << all;
    EXPECT_TRUE(contains(all.err, "--strict was given")) << all;
}

TEST_F(IngestInputs, APrettyPrintedFileGetsOneErrorPerRecordNotOnePerLine) {
    write("pretty.claims.jsonl",
          "{\n  \"source\": {\"id\": \"s1\", \"title\": \"T\"}\n}\n{\n  \"id\": "
          "\"c1\",\n  \"source\": \"s1\"\n}\n");
    Outcome r = run({"ingest", "pretty.claims.jsonl"});
    EXPECT_EQ(r.code, 4) << r;
    EXPECT_EQ(count(r.err, "pretty.claims.jsonl:"), 2u) << r;
    EXPECT_TRUE(contains(r.err,
                         "pretty.claims.jsonl:1: a JSON object written over lines 1-3 "
                         "(pretty-printed), where JSON Lines holds each record on one line"))
        << r;
}

TEST_F(IngestInputs, AJsonArrayIsReadWithoutAskingForTheFormat) {
    write("export.json", "[\n  " + kSource + ",\n  " + kClaim + "\n]\n");
    Outcome r = run({"ingest", "export.json"});
    EXPECT_EQ(r.code, 0) << r;
    EXPECT_TRUE(contains(r.out, "export.json (claims): accepted 1")) << r;
}

// --- standard input ---

TEST_F(IngestInputs, ADashReadsStandardInputUnderItsName) {
    Outcome r = runWithInput(kSource + "\n" + kClaim + "\n" + kBadClaim + "\n",
                             {"ingest", "-", "--name", "pipe.claims.jsonl"});
    EXPECT_EQ(r.code, 0) << r;
    EXPECT_TRUE(contains(r.out, "pipe.claims.jsonl (claims): accepted 1, rejected 1")) << r;
    EXPECT_TRUE(contains(r.err, "pipe.claims.jsonl:3: unknown entity type 'Compnay'")) << r;
    Outcome listed = run({"rejections", "--file", "pipe.claims.jsonl"});
    EXPECT_TRUE(contains(listed.out, "pipe.claims.jsonl:3: unknown entity type")) << listed;
    // The same data again under the same name adds nothing and keeps one rejection.
    Outcome again = runWithInput(kSource + "\n" + kClaim + "\n" + kBadClaim + "\n",
                                 {"ingest", "-", "--name", "pipe.claims.jsonl"});
    EXPECT_TRUE(contains(again.out, "accepted 0, rejected 1, already stored 1")) << again;
    EXPECT_EQ(stat("rejections"), 1);
}

TEST_F(IngestInputs, StandardInputWithoutANameIsADashAndItsFormatIsSniffed) {
    Outcome r = runWithInput("[" + kSource + ", " + kClaim + "]", {"ingest", "-"});
    EXPECT_EQ(r.code, 0) << r;
    EXPECT_TRUE(contains(r.out, "- (claims): accepted 1")) << r;
    Outcome given = runWithInput(kSource + "\n", {"ingest", "-", "--format", "claims"});
    EXPECT_EQ(given.code, 0) << given;
}

TEST_F(IngestInputs, StandardInputInUtf16IsRefusedWithTheConversionForAPipe) {
    Outcome r = runWithInput(utf16le(kSource + "\n"), {"ingest", "-"});
    EXPECT_EQ(r.code, 1) << r;
    EXPECT_TRUE(contains(r.err, "error: -: the file is UTF-16 LE")) << r;
    EXPECT_TRUE(contains(r.err, "iconv -f UTF-16 -t UTF-8 in the pipe before claimgraph")) << r;
}

// --- folders ---

TEST_F(IngestInputs, AnIcijFolderIsOneDatasetAndReadingItAgainAddsNothing) {
    std::string folder = CG_SOURCE_DIR "/tests/data/icij";
    Outcome r = run({"ingest", folder});
    EXPECT_EQ(r.code, 0) << r;
    EXPECT_EQ(count(r.out, "(icij): accepted"), 6u) << r;
    EXPECT_LT(r.out.find("nodes-others.csv (icij)"), r.out.find("relationships.csv (icij)")) << r;
    std::int64_t claims = stat("claims");
    EXPECT_GT(claims, 0);
    Outcome again = run({"ingest", folder});
    EXPECT_EQ(again.code, 0) << again;
    EXPECT_EQ(count(again.out, "accepted 0,"), 6u) << again;
    EXPECT_EQ(stat("claims"), claims);
    // A file outside the database's folder is named as outputs show it.
    Outcome officers = run({"rejections", "--file", "nodes-officers.csv"});
    EXPECT_TRUE(contains(officers.out, "nodes-officers.csv:5: quote opened here is never closed"))
        << officers;
    EXPECT_FALSE(contains(officers.out, "relationships.csv")) << officers;
}

TEST_F(IngestInputs, AnyOtherFolderIsReadFileByFileSortedByName) {
    std::filesystem::create_directories(dir_.path() / "in" / "deeper");
    write("in/b.claims.jsonl", kClaim + "\n");
    write("in/a.claims.jsonl", kSource + "\n");
    write("in/deeper/c.claims.jsonl", kSource + "\n");
    Outcome r = run({"ingest", "in"});
    EXPECT_EQ(r.code, 0) << r;
    std::size_t a = r.out.find("in/a.claims.jsonl (claims)");
    std::size_t b = r.out.find("in/b.claims.jsonl (claims): accepted 1");
    ASSERT_NE(a, std::string::npos) << r;
    ASSERT_NE(b, std::string::npos) << r;
    EXPECT_LT(a, b) << "the source is declared before the claim that names it";
    EXPECT_TRUE(contains(r.err, "in/deeper: a folder inside the folder, not read")) << r;
    EXPECT_FALSE(contains(r.out, "c.claims.jsonl")) << r;
}

// --- rejections of the latest read ---

TEST_F(IngestInputs, AFixedFileReadAgainNoLongerCountsItsOldRejections) {
    write("a.claims.jsonl", kSource + "\n" + kClaim + "\n" + kBadClaim + "\n");
    write("b.claims.jsonl", kSource + "\n" + kBadClaim + "\n");
    run({"ingest", "a.claims.jsonl", "b.claims.jsonl"});
    EXPECT_EQ(stat("rejections"), 2);
    write("a.claims.jsonl", kSource + "\n" + kClaim + "\n" + kOtherClaim + "\n");
    Outcome r = run({"ingest", "a.claims.jsonl"});
    EXPECT_EQ(r.code, 0) << r;
    EXPECT_EQ(stat("rejections"), 1);
    Outcome a = run({"rejections", "--file", "a.claims.jsonl"});
    EXPECT_EQ(a.code, 0) << a;
    EXPECT_EQ(a.out, "no rejections from a.claims.jsonl\n");
    Outcome b = run({"rejections", "--file", "b.claims.jsonl"});
    EXPECT_TRUE(contains(b.out, "b.claims.jsonl:2: unknown entity type 'Compnay'")) << b;
    EXPECT_FALSE(contains(b.out, "a.claims.jsonl")) << b;
}

TEST_F(IngestInputs, RejectionsAreClearedForOneFileOrAll) {
    write("a.claims.jsonl", kSource + "\n" + kBadClaim + "\n");
    write("b.claims.jsonl", kSource + "\n" + kBadClaim + "\n");
    run({"ingest", "a.claims.jsonl", "b.claims.jsonl"});
    Outcome one = run({"rejections", "--clear", "--file", "a.claims.jsonl"});
    EXPECT_EQ(one.code, 0) << one;
    EXPECT_EQ(one.out, "cleared 1 rejection(s) from a.claims.jsonl\n");
    EXPECT_EQ(stat("rejections"), 1);
    auto d = json({"rejections", "--clear"});
    EXPECT_EQ(d["cleared"].GetInt(), 1);
    EXPECT_TRUE(d["file"].IsNull());
    Outcome none = run({"rejections"});
    EXPECT_EQ(none.out, "no rejections\n");
}

TEST_F(IngestInputs, HelpTellsOfStandardInputFoldersAndClearing) {
    Outcome ingest = run({"ingest", "--help"});
    EXPECT_TRUE(contains(ingest.out, "'-' reads standard input")) << ingest;
    EXPECT_TRUE(contains(ingest.out, "--name")) << ingest;
    EXPECT_TRUE(contains(ingest.out, "ICIJ")) << ingest;
    Outcome rejections = run({"rejections", "--help"});
    EXPECT_TRUE(contains(rejections.out, "--clear")) << rejections;
    EXPECT_TRUE(contains(rejections.out, "--file")) << rejections;
}
