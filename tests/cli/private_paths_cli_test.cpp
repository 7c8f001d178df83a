// SPDX-License-Identifier: MIT
// No output names the folders above the database (issue 17, point 5): files read from a
// temporary folder, then every export format and every --json command searched for that
// folder's absolute path; a file spelled another way (relative, ./x, absolute, through a
// symlinked folder) is recognised as the same file by a re-ingest and by retract --file.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/cli/cli_runner.hpp"

using cg::testing::CliOutcome;
using cg::testing::contains;
using cg::testing::readFile;
using cg::testing::shellWord;

namespace {

namespace fs = std::filesystem;

const std::string kInside = CG_SOURCE_DIR "/tests/data/claims/private-paths/inside.claims.jsonl";
const std::string kOutside = CG_SOURCE_DIR "/tests/data/claims/private-paths/outside.claims.jsonl";

// A case folder holding the database and, under leaks/, one file; a second file in a folder
// beside it (outside the database's folder); a symlink to the case folder.
class PrivatePaths : public cg::testing::CliTest {
  protected:
    PrivatePaths() {
        db_ = (caseDir_ / "case.claimgraph").string();
        fs::create_directories(caseDir_ / "leaks");
        fs::create_directories(otherDir_);
        fs::copy_file(kInside, inside_);
        fs::copy_file(kOutside, outside_);
        fs::create_directory_symlink(caseDir_, linkDir_);
    }

    // Runs the CLI from `cwd` on the case's database, named relative to `cwd`: `stats` and
    // `init` echo the --db given, which is not an ingested file.
    CliOutcome runIn(const std::string& cwd, const std::vector<std::string>& args,
                     bool json = false) const {
        std::string out = dir_.file("out.txt"), err = dir_.file("err.txt");
        std::string db = fs::relative(db_, cwd).string();
        std::string cmd = "cd " + shellWord(cwd) + " && " + shellWord(CG_BINARY) + " --db " +
                          shellWord(db) + (json ? " --json" : "");
        for (const auto& a : args) cmd += " " + shellWord(a);
        cmd += " >" + shellWord(out) + " 2>" + shellWord(err) + " </dev/null";
        int status = std::system(cmd.c_str());
        CliOutcome r;
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.out = readFile(out);
        r.err = readFile(err);
        return r;
    }

    // Runs the CLI from the temporary folder.
    CliOutcome runHere(const std::vector<std::string>& args, bool json = false) const {
        return runIn(dir_.path().string(), args, json);
    }

    // The temporary folder as the test spelled it and as the file system resolves it.
    std::vector<std::string> privateFolders() const {
        return {dir_.path().string(), fs::canonical(dir_.path()).string()};
    }

    void expectNoPrivatePath(const std::string& what, const std::string& text) const {
        EXPECT_FALSE(text.empty()) << what << " wrote nothing";
        for (const auto& folder : privateFolders()) {
            EXPECT_FALSE(contains(text, folder)) << what << " names " << folder << ":\n" << text;
        }
    }

    fs::path caseDir_ = dir_.path() / "case";
    fs::path otherDir_ = dir_.path() / "elsewhere";
    fs::path linkDir_ = dir_.path() / "case-link";
    std::string inside_ = (caseDir_ / "leaks" / "inside.claims.jsonl").string();
    std::string outside_ = (otherDir_ / "outside.claims.jsonl").string();
};

}  // namespace

TEST_F(PrivatePaths, NoExportNamesTheFoldersAboveTheDatabase) {
    CliOutcome ingest = runHere({"ingest", inside_, outside_});
    ASSERT_EQ(ingest.code, 0) << ingest;
    for (const std::string format : {"graphml", "gexf", "json", "cytoscape", "ftm"}) {
        std::string out = dir_.file("graph." + format);
        CliOutcome r = runHere({"export", "--format", format, "--include-denied", "--out", out});
        ASSERT_EQ(r.code, 0) << r;
        expectNoPrivatePath(format, readFile(out));
        expectNoPrivatePath(format + " on standard output",
                            runHere({"export", "--format", format, "--evidence", "full"}).out);
    }
    std::string neo4j = dir_.file("neo4j");
    ASSERT_EQ(runHere({"export", "--format", "neo4j", "--out", neo4j}).code, 0);
    for (const char* file : {"nodes.csv", "relationships.csv"}) {
        expectNoPrivatePath(file, readFile((fs::path(neo4j) / file).string()));
    }
}

TEST_F(PrivatePaths, NoJsonOutputNamesTheFoldersAboveTheDatabase) {
    CliOutcome ingest = runHere({"ingest", inside_, outside_}, true);
    ASSERT_EQ(ingest.code, 0) << ingest;
    expectNoPrivatePath("ingest --json", ingest.out);
    // The file inside the database's folder by its path from there, the other by its name.
    auto summary = parse(ingest);  // the document must outlive the values read from it
    auto files = summary["files"].GetArray();
    ASSERT_EQ(files.Size(), 2u);
    EXPECT_STREQ(files[0]["file"].GetString(), "leaks/inside.claims.jsonl");
    EXPECT_STREQ(files[1]["file"].GetString(), "outside.claims.jsonl");
    EXPECT_STREQ(files[0]["rejections"][0]["file"].GetString(), "leaks/inside.claims.jsonl");

    CliOutcome rejections = runHere({"rejections"}, true);
    expectNoPrivatePath("rejections --json", rejections.out);
    ASSERT_EQ(parse(rejections).Size(), 2u) << rejections;

    const std::vector<std::vector<std::string>> commands = {
        {"stats"},
        {"sources"},
        {"entities"},
        {"show", "Harbour Reed Ltd"},
        {"explain", "Tomas Brell", "Harbour Reed Ltd"},
        {"search", "Harbour"},
        {"query", "owners", "Harbour Reed Ltd", "--explain"},
        {"query", "denials", "--explain"},
        {"query", "neighbours", "Ilse Marrow", "--explain"},
    };
    for (const auto& args : commands) {
        CliOutcome r = runHere(args, true);
        EXPECT_EQ(r.code, 0) << r;
        expectNoPrivatePath(args[0] + " --json", r.out);
    }
    // A file's claims show their file, as the other outputs name it.
    EXPECT_TRUE(
        contains(runHere({"show", "Harbour Reed Ltd"}, true).out, "leaks/inside.claims.jsonl"));

    CliOutcome retract = runHere({"retract", "--file", outside_}, true);
    ASSERT_EQ(retract.code, 0) << retract;
    expectNoPrivatePath("retract --json", retract.out);
    CliOutcome list = runHere({"retract", "--list"}, true);
    expectNoPrivatePath("retract --list --json", list.out);
    EXPECT_STREQ(parse(list)[0]["target"].GetString(), "outside.claims.jsonl");
    expectNoPrivatePath("retract --list", runHere({"retract", "--list"}).out);
}

TEST_F(PrivatePaths, ReingestFromAnotherSpellingIsTheSameFile) {
    ASSERT_EQ(runHere({"ingest", inside_, outside_}).code, 0);
    std::string caseFolder = caseDir_.string();
    // Relative to the working folder, ./x, through the symlinked folder, and absolute.
    const std::vector<std::pair<std::string, std::string>> spellings = {
        {"leaks/inside.claims.jsonl", caseFolder},
        {"./inside.claims.jsonl", (caseDir_ / "leaks").string()},
        {(linkDir_ / "leaks" / "inside.claims.jsonl").string(), dir_.path().string()},
        {"case/leaks/../leaks/inside.claims.jsonl", dir_.path().string()},
    };
    for (const auto& [spelling, cwd] : spellings) {
        CliOutcome r = runIn(cwd, {"ingest", spelling}, true);
        ASSERT_EQ(r.code, 0) << spelling << '\n' << r;
        auto d = parse(r);
        EXPECT_EQ(d["files"][0]["accepted"].GetInt(), 0) << spelling;
        EXPECT_EQ(d["files"][0]["duplicates"].GetInt(), 2) << spelling;
        EXPECT_STREQ(d["files"][0]["file"].GetString(), "leaks/inside.claims.jsonl") << spelling;
    }
    // Each rejected line is kept once, whatever spelling read it again.
    CliOutcome rejections = runHere({"rejections"}, true);
    EXPECT_EQ(parse(rejections).Size(), 2u) << rejections;

    // retract --file takes the file's claims however it is spelled.
    CliOutcome linked = runIn(
        linkDir_.string(), {"retract", "--file", "./leaks/inside.claims.jsonl", "--dry-run"}, true);
    ASSERT_EQ(linked.code, 0) << linked;
    EXPECT_EQ(parse(linked)["claims"].Size(), 2u) << linked;
    CliOutcome byName =
        runIn(caseDir_.string(), {"retract", "--file", "outside.claims.jsonl"}, true);
    ASSERT_EQ(byName.code, 0) << byName;
    EXPECT_EQ(parse(byName)["claims"].Size(), 2u) << byName;
    CliOutcome undo = runHere({"retract", "--undo", "--file", outside_});
    EXPECT_EQ(undo.code, 0) << undo;
}
