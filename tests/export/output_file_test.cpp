// SPDX-License-Identifier: MIT
// writeOutputFile and writeOutputDirectory: outputs that never clobber what they should not.
#include "export/output_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <future>
#include <stdexcept>
#include <string>
#include <vector>

#include "graph/error.hpp"
#include "tests/graph/temp_dir.hpp"

using cg::exporters::OutputFill;
using cg::exporters::writeOutputDirectory;
using cg::exporters::writeOutputFile;
using cg::testing::readFile;
using cg::testing::TempDir;
namespace fs = std::filesystem;

namespace {

OutputFill text(const std::string& content) {
    return [content](std::ostream& out) { out << content; };
}

mode_t modeOf(const std::string& path) {
    struct stat st {};
    EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
    return st.st_mode & 07777;
}

// Names in `dir` other than those expected: leftovers of a write.
std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

TEST(OutputFile, WritesANewFileWithTheUsualModeAndLeavesNothingElse) {
    TempDir dir;
    std::string out = dir.file("graph.graphml");
    mode_t mask = ::umask(022);
    writeOutputFile(out, text("<graphml/>"));
    ::umask(mask);
    EXPECT_EQ(readFile(out), "<graphml/>");
    EXPECT_EQ(modeOf(out), 0644u);
    EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"graph.graphml"});
}

TEST(OutputFile, BlocksLargerThanItsBufferArriveWholeAndInOrder) {
    // Small writes are buffered, a block of a megabyte goes to the file at once: the bytes
    // must come out in the order they were given either way.
    TempDir dir;
    std::string path = dir.file("mixed.txt");
    std::string big(std::size_t{1} << 20, 'b'), bigger(300000, 'c');
    big.back() = 'B';
    writeOutputFile(path, [&](std::ostream& out) {
        out << "head ";
        out.write(big.data(), static_cast<std::streamsize>(big.size()));
        out << " middle ";
        out.write(bigger.data(), static_cast<std::streamsize>(bigger.size()));
        out << " tail";
    });
    EXPECT_EQ(readFile(path), "head " + big + " middle " + bigger + " tail");
}

TEST(OutputFile, ReplacingAFileKeepsItsMode) {
    TempDir dir;
    std::string out = dir.write("private.json", "old");
    fs::permissions(out, fs::perms(0600));
    writeOutputFile(out, text("new"));
    EXPECT_EQ(readFile(out), "new");
    EXPECT_EQ(modeOf(out), 0600u);
}

TEST(OutputFile, ALinkPlantedAtTheOldPartialNameIsNeitherFollowedNorReused) {
    TempDir dir;
    std::string victim = dir.write("victim.txt", "precious");
    std::string out = dir.file("graph.json");
    fs::create_symlink(victim, out + ".partial");
    writeOutputFile(out, text("export"));
    EXPECT_EQ(readFile(victim), "precious");
    EXPECT_EQ(readFile(out), "export");
    EXPECT_TRUE(fs::is_symlink(out + ".partial"));
}

TEST(OutputFile, AFailedFillLeavesTheOldFileAndNoTemporary) {
    TempDir dir;
    std::string out = dir.write("graph.gexf", "old and whole");
    EXPECT_THROW(writeOutputFile(out,
                                 [](std::ostream& o) {
                                     o << std::string(200000, 'x');
                                     throw std::runtime_error("store gone");
                                 }),
                 std::runtime_error);
    EXPECT_EQ(readFile(out), "old and whole");
    EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"graph.gexf"});
}

TEST(OutputFile, AFifoIsStreamedIntoNotReplaced) {
    TempDir dir;
    std::string fifo = dir.file("pipe");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto reader = std::async(std::launch::async, [&] { return readFile(fifo); });
    writeOutputFile(fifo, text(std::string(300000, 'n')));
    EXPECT_EQ(reader.get(), std::string(300000, 'n'));
    struct stat st {};
    ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST(OutputFile, ACharacterDeviceIsWrittenToNotReplaced) {
    // /dev/null through a link of our own, so that a regression replaces the link, never the
    // system's /dev/null.
    TempDir dir;
    std::string link = dir.file("null");
    fs::create_symlink("/dev/null", link);
    writeOutputFile(link, text("discarded"));
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_TRUE(fs::is_character_file("/dev/null"));
    EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"null"});
}

TEST(OutputFile, AFullDeviceIsReportedWithItsReason) {
    if (!fs::is_character_file("/dev/full")) GTEST_SKIP() << "no /dev/full here";
    // Through a link of our own: run as root against a regression, the test once replaced the
    // system's /dev/full with a regular file.
    TempDir dir;
    std::string link = dir.file("full");
    fs::create_symlink("/dev/full", link);
    try {
        writeOutputFile(link, text(std::string(100000, 'x')));
        FAIL() << "writing /dev/full succeeded";
    } catch (const cg::InputError& e) {
        EXPECT_EQ(std::string(e.what()), link + ": cannot write: no space left on device");
    }
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"full"});
}

TEST(OutputFile, ALinkToAFileKeepsTheLinkAndReplacesWhatItPointsTo) {
    TempDir dir;
    std::string real = dir.write("real.json", "old");
    std::string link = dir.file("link.json");
    fs::create_symlink(real, link);
    writeOutputFile(link, text("new"));
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(readFile(real), "new");
}

TEST(OutputFile, ADirectoryIsRefused) {
    TempDir dir;
    EXPECT_THROW(writeOutputFile(dir.path(), text("x")), cg::InputError);
}

TEST(OutputDirectory, ReplacesTheOldFilesAsAWhole) {
    TempDir dir;
    fs::path out = dir.path() / "neo4j";
    writeOutputDirectory(
        out, {{"nodes.csv", text("old nodes")}, {"relationships.csv", text("old rels")}});
    fs::permissions(out, fs::perms(0750));
    auto written = writeOutputDirectory(
        out, {{"nodes.csv", text("new nodes")}, {"relationships.csv", text("new rels")}});
    ASSERT_EQ(written.size(), 2u);
    EXPECT_EQ(readFile((out / "nodes.csv").string()), "new nodes");
    EXPECT_EQ(readFile((out / "relationships.csv").string()), "new rels");
    EXPECT_EQ(modeOf(out.string()), 0750u);
    EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"neo4j"});
}

TEST(OutputDirectory, AFailureHalfwayLeavesTheOldPairUntouched) {
    TempDir dir;
    fs::path out = dir.path() / "neo4j";
    writeOutputDirectory(
        out, {{"nodes.csv", text("old nodes")}, {"relationships.csv", text("old rels")}});
    OutputFill broken = [](std::ostream&) { throw std::runtime_error("killed"); };
    EXPECT_THROW(writeOutputDirectory(
                     out, {{"nodes.csv", text("new nodes")}, {"relationships.csv", broken}}),
                 std::runtime_error);
    EXPECT_EQ(readFile((out / "nodes.csv").string()), "old nodes");
    EXPECT_EQ(readFile((out / "relationships.csv").string()), "old rels");
    EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"neo4j"});
}

TEST(OutputDirectory, ADirectoryHoldingOtherFilesIsRefusedAndKept) {
    TempDir dir;
    fs::path out = dir.path() / "work";
    fs::create_directories(out);
    dir.write("work/notes.txt", "mine");
    try {
        writeOutputDirectory(out, {{"nodes.csv", text("n")}});
        FAIL() << "a directory of the user's was replaced";
    } catch (const cg::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("holds 'notes.txt'"), std::string::npos) << e.what();
    }
    EXPECT_EQ(readFile((out / "notes.txt").string()), "mine");
    EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"work"});
}

}  // namespace
