// SPDX-License-Identifier: MIT
// End to end: the built claimgraph binary on samples/, as an investigator runs it.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <pty.h>
#include <rapidjson/document.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

#include "tests/graph/temp_dir.hpp"

using cg::testing::readFile;
using cg::testing::TempDir;

namespace {

const std::string kSeed = CG_SOURCE_DIR "/samples/seed-article.claims.jsonl";
const std::string kFictional = CG_SOURCE_DIR "/samples/fictional-ownership.claims.jsonl";

std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

struct Outcome {
    int code = -1;
    std::string out;
    std::string err;
};

std::ostream& operator<<(std::ostream& os, const Outcome& r) {
    return os << "exit " << r.code << "\n--- stdout\n" << r.out << "--- stderr\n" << r.err;
}

// The samples' records: how many claims each file holds, and the claims themselves.
struct SampleFile {
    int sources = 0;
    int claims = 0;
    std::vector<std::string> lines;
};

SampleFile readSample(const std::string& path) {
    SampleFile f;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        rapidjson::Document d;
        d.Parse(line.c_str());
        if (d.HasParseError() || !d.IsObject()) continue;
        if (d.HasMember("source") && d["source"].IsObject()) {
            ++f.sources;
        } else {
            ++f.claims;
            f.lines.push_back(line);
        }
    }
    return f;
}

// Runs claimgraph in its own directory against its own database.
class CliTest : public ::testing::Test {
  protected:
    Outcome run(std::initializer_list<std::string> args) {
        return runArgs(std::vector<std::string>(args));
    }

    Outcome runArgs(const std::vector<std::string>& args) {
        std::string out = dir_.file("stdout.txt");
        std::string err = dir_.file("stderr.txt");
        std::string cmd = "cd " + shellQuote(dir_.path().string()) + " && " + shellQuote(CG_BINARY);
        for (const auto& a : args) cmd += " " + shellQuote(a);
        cmd += " >" + shellQuote(out) + " 2>" + shellQuote(err) + " </dev/null";
        int status = std::system(cmd.c_str());
        Outcome r;
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.out = readFile(out);
        r.err = readFile(err);
        return r;
    }

    // Runs with --db pointing at this test's database.
    Outcome db(std::initializer_list<std::string> args) {
        std::vector<std::string> all{"--db", db_};
        all.insert(all.end(), args);
        return runArgs(all);
    }

    // Runs with --db on a pseudo-terminal, as an investigator sees it: standard output and
    // standard error both go to the terminal, and come back together in `out`.
    Outcome dbOnTerminal(std::initializer_list<std::string> args) {
        std::vector<std::string> all{CG_BINARY, "--db", db_};
        all.insert(all.end(), args);
        std::vector<char*> argv;
        for (auto& a : all) argv.push_back(a.data());
        argv.push_back(nullptr);
        std::string dir = dir_.path().string();
        Outcome r;
        int terminal = -1;
        pid_t pid = forkpty(&terminal, nullptr, nullptr, nullptr);
        if (pid < 0) {
            ADD_FAILURE() << "forkpty failed: errno " << errno;
            return r;
        }
        if (pid == 0) {
            if (chdir(dir.c_str()) == 0) execv(argv[0], argv.data());
            _exit(127);
        }
        char buffer[4096];
        for (;;) {
            ssize_t n = read(terminal, buffer, sizeof buffer);
            if (n > 0) {
                r.out.append(buffer, static_cast<std::size_t>(n));
            } else if (n < 0 && errno == EINTR) {
                continue;
            } else {
                break;  // EIO: the program has exited and closed the terminal
            }
        }
        close(terminal);
        int status = 0;
        waitpid(pid, &status, 0);
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return r;
    }

    // Claims whose names, title, quote and entity type carry terminal escape sequences.
    std::string writeHostileClaims() {
        return dir_.write(
            "hostile.claims.jsonl",
            R"({"source": {"id": "s1", "title": "Leak \u001b]0;pwned\u0007 files"}})"
            "\n"
            R"({"id": "c1", "source": "s1", "subject": {"type": "Person", "name": "Evil \u001b[31mRed"}, "relation": "director_of", "object": {"type": "Company", "name": "Plain Holdings"}, "quote": "he said \u001b[2J nothing"})"
            "\n"
            R"({"id": "c2", "source": "s1", "subject": {"type": "Comp\u001b[2Jany", "name": "X"}, "relation": "owns", "object": {"type": "Company", "name": "Y"}})"
            "\n");
    }

    static rapidjson::Document parse(const Outcome& r) {
        rapidjson::Document d;
        d.Parse(r.out.c_str());
        EXPECT_FALSE(d.HasParseError()) << "not JSON:\n" << r;
        return d;
    }

    void ingestSamples() {
        Outcome r = db({"ingest", kSeed, kFictional});
        ASSERT_EQ(r.code, 0) << r;
    }

    TempDir dir_;
    std::string db_ = dir_.file("case.claimgraph");
};

}  // namespace

TEST_F(CliTest, HelpExitsZero) {
    Outcome r = run({"--help"});
    EXPECT_EQ(r.code, 0) << r;
    for (const char* verb : {"init", "ingest", "stats", "sources", "entities", "show", "explain"}) {
        EXPECT_NE(r.out.find(verb), std::string::npos) << verb << " missing from help:\n" << r;
    }
    EXPECT_NE(r.out.find("Exit codes"), std::string::npos) << r;
    Outcome sub = run({"ingest", "--help"});
    EXPECT_EQ(sub.code, 0) << sub;
    EXPECT_NE(sub.out.find("--strict"), std::string::npos) << sub;
}

TEST_F(CliTest, NoCommandIsABadCommandLine) {
    EXPECT_EQ(run({}).code, 2);
    EXPECT_EQ(run({"frobnicate"}).code, 2);
    EXPECT_EQ(db({"stats", "--no-such-option"}).code, 2);
}

TEST_F(CliTest, IngestsBothSamplesWithoutRejections) {
    SampleFile seed = readSample(kSeed);
    SampleFile fictional = readSample(kFictional);
    ASSERT_GT(seed.claims, 0);
    ASSERT_GT(fictional.claims, 0);
    Outcome r = db({"ingest", kSeed, kFictional});
    ASSERT_EQ(r.code, 0) << r;
    EXPECT_NE(r.out.find("accepted " + std::to_string(seed.claims) + ", rejected 0"),
              std::string::npos)
        << r;
    EXPECT_NE(r.out.find("accepted " + std::to_string(fictional.claims) + ", rejected 0"),
              std::string::npos)
        << r;
    Outcome stats = db({"--json", "stats"});
    ASSERT_EQ(stats.code, 0) << stats;
    auto d = parse(stats);
    ASSERT_TRUE(d.IsObject());
    EXPECT_EQ(d["claims"].GetInt(), seed.claims + fictional.claims);
    EXPECT_EQ(d["rejections"].GetInt(), 0);
    EXPECT_GT(d["entities"].GetInt(), 0);
    EXPECT_GT(d["relations"].GetInt(), 0);
}

TEST_F(CliTest, IngestingTwiceLeavesTheStatsUnchanged) {
    ingestSamples();
    Outcome before = db({"--json", "stats"});
    ASSERT_EQ(before.code, 0) << before;
    Outcome again = db({"ingest", kSeed, kFictional});
    ASSERT_EQ(again.code, 0) << again;
    EXPECT_NE(again.out.find("accepted 0, rejected 0, already stored " +
                             std::to_string(readSample(kSeed).claims)),
              std::string::npos)
        << again;
    Outcome after = db({"--json", "stats"});
    ASSERT_EQ(after.code, 0) << after;
    EXPECT_EQ(parse(before), parse(after));
    EXPECT_EQ(before.out, after.out);
}

TEST_F(CliTest, ShowListsARelationWithItsQuoteAndSource) {
    ingestSamples();
    // The claim about Sar Kheng, read from the sample itself.
    std::string quote, source, id;
    for (const auto& line : readSample(kSeed).lines) {
        rapidjson::Document d;
        d.Parse(line.c_str());
        if (d["subject"].HasMember("name") &&
            std::string(d["subject"]["name"].GetString()) == "Sar Kheng") {
            quote = d["quote"].GetString();
            source = d["source"].GetString();
            id = d["id"].GetString();
        }
    }
    ASSERT_FALSE(quote.empty()) << "the seed sample has no claim about Sar Kheng";
    Outcome r = db({"show", "Sar Kheng"});
    ASSERT_EQ(r.code, 0) << r;
    EXPECT_EQ(r.out.rfind("Sar Kheng", 0), 0u) << r;
    EXPECT_NE(r.out.find("officer of  Ministry of Interior"), std::string::npos) << r;
    EXPECT_NE(r.out.find("\"" + quote + "\""), std::string::npos) << r;
    EXPECT_NE(r.out.find("source " + source), std::string::npos) << r;
    EXPECT_NE(r.out.find(id), std::string::npos) << r;
    // The same by id and in another case.
    Outcome byId = db({"show", "person/sar-kheng"});
    EXPECT_EQ(byId.code, 0) << byId;
    EXPECT_EQ(byId.out, r.out);
    EXPECT_EQ(db({"show", "SAR KHENG"}).out, r.out);
}

TEST_F(CliTest, ExplainPrintsTheClaimsLinkingTwoEntities) {
    ingestSamples();
    Outcome r = db({"explain", "Sar Kheng", "Ministry of Interior"});
    ASSERT_EQ(r.code, 0) << r;
    EXPECT_NE(r.out.find("1 claim(s)"), std::string::npos) << r;
    EXPECT_NE(r.out.find("officer_of"), std::string::npos) << r;
    EXPECT_NE(r.out.find("seed-002"), std::string::npos) << r;
    EXPECT_NE(r.out.find("Inside Minister Sar Kheng"), std::string::npos) << r;
    // Either order gives the same claims.
    Outcome reversed = db({"explain", "Ministry of Interior", "Sar Kheng"});
    EXPECT_EQ(reversed.code, 0);
    EXPECT_NE(reversed.out.find("seed-002"), std::string::npos) << reversed;
}

TEST_F(CliTest, ExplainFindsTheClaimsOfEntitiesMergedIntoEitherEnd) {
    std::string file = dir_.write(
        "merged.claims.jsonl",
        R"({"source": {"id": "s1", "title": "Registry"}})"
        "\n"
        R"({"id": "m1", "source": "s1", "subject": {"id": "p1", "type": "Person", "name": "Chea Sim"}, "relation": "director_of", "object": {"id": "k1", "type": "Company", "name": "Harbour Ltd"}})"
        "\n"
        R"({"id": "m2", "source": "s1", "subject": {"id": "p2", "type": "Person", "name": "Chea S."}, "relation": "director_of", "object": {"id": "k2", "type": "Company", "name": "Harbour Limited"}})"
        "\n"
        R"({"id": "m3", "source": "s1", "subject": {"id": "k2", "type": "Company", "name": "Harbour Limited"}, "relation": "paid", "object": {"id": "p2", "type": "Person", "name": "Chea S."}})"
        "\n");
    ASSERT_EQ(db({"ingest", file}).code, 0);
    ASSERT_EQ(db({"resolve", "merge", "p1", "p2"}).code, 0);
    ASSERT_EQ(db({"resolve", "merge", "k1", "k2"}).code, 0);
    // Each end's merged entity brings its claims, in either direction, each once.
    Outcome r = db({"explain", "p1", "k1"});
    ASSERT_EQ(r.code, 0) << r;
    EXPECT_NE(r.out.find("3 claim(s)"), std::string::npos) << r;
    for (const char* claim : {"m1", "m2", "m3"}) {
        EXPECT_NE(r.out.find(claim), std::string::npos) << claim << " missing\n" << r;
    }
}

TEST_F(CliTest, AnUnknownNameExitsOneAndSuggests) {
    ingestSamples();
    Outcome r = db({"show", "Nobody Of Note"});
    EXPECT_EQ(r.code, 1) << r;
    EXPECT_NE(r.err.find("no entity matches 'Nobody Of Note'"), std::string::npos) << r;
    Outcome partial = db({"show", "Kheng"});
    EXPECT_EQ(partial.code, 1) << partial;
    EXPECT_NE(partial.err.find("person/sar-kheng"), std::string::npos) << partial;
    Outcome explain = db({"explain", "Sar Kheng", "Nobody Of Note"});
    EXPECT_EQ(explain.code, 1) << explain;
}

TEST_F(CliTest, AnAmbiguousNameExitsOneAndListsTheCandidates) {
    std::string file = dir_.write(
        "ambiguous.claims.jsonl",
        R"({"source": {"id": "s1", "title": "Test"}})"
        "\n"
        R"({"id": "a1", "source": "s1", "subject": {"type": "Person", "name": "Ly Yong Phat"}, "relation": "director_of", "object": {"type": "Company", "name": "Ly Yong Phat"}})"
        "\n");
    Outcome in = db({"ingest", file});
    ASSERT_EQ(in.code, 0) << in;
    Outcome r = db({"show", "Ly Yong Phat"});
    EXPECT_EQ(r.code, 1) << r;
    EXPECT_NE(r.err.find("matches 2 entities"), std::string::npos) << r;
    EXPECT_NE(r.err.find("person/ly-yong-phat"), std::string::npos) << r;
    EXPECT_NE(r.err.find("company/ly-yong-phat"), std::string::npos) << r;
    EXPECT_EQ(db({"show", "company/ly-yong-phat"}).code, 0);
}

TEST_F(CliTest, RejectionsAreReportedAndStrictFailsWithThree) {
    std::string file = dir_.write(
        "bad.claims.jsonl",
        R"({"source": {"id": "s1", "title": "Test"}})"
        "\n"
        R"({"id": "ok", "source": "s1", "subject": {"type": "Person", "name": "Sar Kheng"}, "relation": "officer_of", "object": {"type": "PublicBody", "name": "Ministry of Interior"}})"
        "\n"
        R"({"id": "bad", "source": "s1", "subject": {"type": "Compnay", "name": "X"}, "relation": "owns", "object": {"type": "Facility", "name": "Y"}})"
        "\n");
    Outcome strict = db({"ingest", "--strict", file});
    EXPECT_EQ(strict.code, 3) << strict;
    EXPECT_NE(strict.out.find("accepted 1, rejected 1"), std::string::npos) << strict;
    // The file lies in the database's folder: named relative to it (docs/storage.md).
    std::string shown = std::filesystem::path(file).filename().string();
    EXPECT_NE(strict.err.find(shown + ":3: unknown entity type 'Compnay'"), std::string::npos)
        << strict;
    // Without --strict the same rejections are still reported, and the ingest succeeds.
    Outcome lenient = db({"ingest", file});
    EXPECT_EQ(lenient.code, 0) << lenient;
    EXPECT_NE(lenient.out.find("accepted 0, rejected 1, already stored 1"), std::string::npos)
        << lenient;
    Outcome listed = db({"rejections"});
    EXPECT_EQ(listed.code, 0) << listed;
    EXPECT_EQ(listed.out.rfind(shown + ":3: unknown entity type 'Compnay' (expected ", 0), 0u)
        << listed;
    EXPECT_EQ(std::count(listed.out.begin(), listed.out.end(), '\n'), 1) << "stored once:\n"
                                                                         << listed;
    Outcome json = db({"--json", "rejections"});
    auto d = parse(json);
    ASSERT_TRUE(d.IsArray());
    ASSERT_EQ(d.Size(), 1u);
    EXPECT_EQ(std::string(d[0]["file"].GetString()), shown);
    EXPECT_EQ(d[0]["line"].GetInt(), 3);
    EXPECT_NE(std::string(d[0]["raw"].GetString()).find("Compnay"), std::string::npos);
}

TEST_F(CliTest, AMissingFileIsABadCommandLine) {
    Outcome r = db({"ingest", dir_.file("absent.claims.jsonl")});
    EXPECT_EQ(r.code, 2) << r;  // the README: a file that does not exist is exit code 2
    EXPECT_NE(r.err.find("absent.claims.jsonl"), std::string::npos) << r;
}

TEST_F(CliTest, AnEmptyFileIsAWarningAndExitsFour) {
    std::string file = dir_.write("empty.claims.jsonl", "");
    Outcome r = db({"ingest", file});
    EXPECT_EQ(r.code, 4) << r;  // issue 21: no record accepted, an empty file included
    EXPECT_NE(r.err.find("warning: empty.claims.jsonl: file is empty"), std::string::npos) << r;
    EXPECT_NE(r.out.find("accepted 0, rejected 0"), std::string::npos) << r;
}

TEST_F(CliTest, ReadingAMissingDatabaseExitsOne) {
    Outcome r = db({"stats"});
    EXPECT_EQ(r.code, 1) << r;
    EXPECT_NE(r.err.find("no such database"), std::string::npos) << r;
    EXPECT_FALSE(std::filesystem::exists(db_)) << "reading commands never create a database";
}

TEST_F(CliTest, InitCreatesADatabase) {
    Outcome r = db({"--json", "init"});
    EXPECT_EQ(r.code, 0) << r;
    auto d = parse(r);
    ASSERT_TRUE(d.IsObject());
    EXPECT_GE(d["schema_version"].GetInt(), 1);
    EXPECT_TRUE(std::filesystem::exists(db_));
    Outcome stats = db({"--json", "stats"});
    EXPECT_EQ(stats.code, 0) << stats;
    EXPECT_EQ(parse(stats)["claims"].GetInt(), 0);
}

TEST_F(CliTest, JsonOutputParses) {
    Outcome ingest = db({"--json", "ingest", kSeed, kFictional});
    ASSERT_EQ(ingest.code, 0) << ingest;
    auto in = parse(ingest);
    ASSERT_TRUE(in.IsObject() && in.HasMember("files"));
    ASSERT_EQ(in["files"].Size(), 2u);
    EXPECT_EQ(in["files"][0]["accepted"].GetInt(), readSample(kSeed).claims);
    EXPECT_EQ(in["files"][0]["rejected"].GetInt(), 0);

    auto sources = parse(db({"--json", "sources"}));
    ASSERT_TRUE(sources.IsArray());
    EXPECT_EQ(static_cast<int>(sources.Size()),
              readSample(kSeed).sources + readSample(kFictional).sources);

    auto people = parse(db({"--json", "entities", "--type", "Person"}));
    ASSERT_TRUE(people.IsArray());
    ASSERT_GT(people.Size(), 0u);
    for (const auto& e : people.GetArray()) EXPECT_EQ(std::string(e["type"].GetString()), "Person");

    auto show = parse(db({"--json", "show", "Sar Kheng"}));
    ASSERT_TRUE(show.IsObject());
    EXPECT_EQ(std::string(show["name"].GetString()), "Sar Kheng");
    ASSERT_EQ(show["relations"].Size(), 1u);
    const auto& rel = show["relations"][0];
    EXPECT_EQ(std::string(rel["type"].GetString()), "officer_of");
    EXPECT_EQ(std::string(rel["other"]["name"].GetString()), "Ministry of Interior");
    ASSERT_EQ(rel["claims"].Size(), 1u);
    EXPECT_EQ(std::string(rel["claims"][0]["id"].GetString()), "seed-002");
    EXPECT_EQ(std::string(rel["claims"][0]["attributes"]["role"].GetString()), "Interior Minister");

    auto explain = parse(db({"--json", "explain", "Sar Kheng", "Ministry of Interior"}));
    ASSERT_TRUE(explain.IsObject());
    EXPECT_EQ(std::string(explain["a"]["id"].GetString()), "person/sar-kheng");
    ASSERT_EQ(explain["claims"].Size(), 1u);
    EXPECT_EQ(std::string(explain["claims"][0]["source"]["id"].GetString()), "voa-2022-08");

    auto rejections = parse(db({"--json", "rejections"}));
    ASSERT_TRUE(rejections.IsArray());
    EXPECT_EQ(rejections.Size(), 0u);
}

TEST_F(CliTest, EscapeSequencesInDataReachTablesAsVisibleSymbols) {
    Outcome in = db({"ingest", writeHostileClaims()});
    ASSERT_EQ(in.code, 0) << in;
    auto noEscape = [](const Outcome& r) { return r.out.find('\x1b') == std::string::npos; };
    Outcome entities = db({"entities"});
    ASSERT_EQ(entities.code, 0) << entities;
    EXPECT_NE(entities.out.find("Evil ␛[31mRed"), std::string::npos) << entities;
    EXPECT_TRUE(noEscape(entities)) << entities;
    Outcome sources = db({"sources"});
    ASSERT_EQ(sources.code, 0) << sources;
    EXPECT_NE(sources.out.find("Leak ␛]0;pwned␇ files"), std::string::npos) << sources;
    EXPECT_TRUE(noEscape(sources)) << sources;
    Outcome neighbours = db({"query", "neighbours", "Plain Holdings"});
    ASSERT_EQ(neighbours.code, 0) << neighbours;
    EXPECT_NE(neighbours.out.find("Evil ␛[31mRed"), std::string::npos) << neighbours;
    EXPECT_TRUE(noEscape(neighbours)) << neighbours;
    // Programs get the data exactly: JSON escapes it, and a pipe gets the bytes as they are.
    auto json = parse(db({"--json", "show", "Plain Holdings"}));
    ASSERT_TRUE(json.IsObject());
    ASSERT_EQ(json["relations"].Size(), 1u);
    const auto& other = json["relations"][0]["other"];
    EXPECT_EQ(std::string(other["name"].GetString()), "Evil \x1b[31mRed");
    Outcome show = db({"show", other["id"].GetString()});
    ASSERT_EQ(show.code, 0) << show;
    EXPECT_EQ(show.out.rfind("Evil \x1b[31mRed", 0), 0u) << show;
}

TEST_F(CliTest, OnATerminalNoTextFromTheDataReachesItAsControlCharacters) {
    if (int fd = posix_openpt(O_RDWR | O_NOCTTY); fd >= 0) {
        close(fd);
    } else {
        GTEST_SKIP() << "this system gives no pseudo-terminal (posix_openpt: errno " << errno
                     << "), so the terminal filter cannot be run here";
    }
    std::string file = writeHostileClaims();
    std::vector<Outcome> outcomes;
    outcomes.push_back(dbOnTerminal({"ingest", file}));  // the rejection's reason, on stderr
    EXPECT_EQ(outcomes.back().code, 0) << outcomes.back();
    EXPECT_NE(outcomes.back().out.find("unknown entity type 'Comp␛[2Jany'"), std::string::npos)
        << outcomes.back();
    auto json = parse(db({"--json", "show", "Plain Holdings"}));
    ASSERT_TRUE(json.IsObject() && json["relations"].Size() == 1u);
    std::string evil = json["relations"][0]["other"]["id"].GetString();
    outcomes.push_back(dbOnTerminal({"show", evil}));
    EXPECT_NE(outcomes.back().out.find("Evil ␛[31mRed"), std::string::npos) << outcomes.back();
    EXPECT_NE(outcomes.back().out.find("\"he said ␛[2J nothing\""), std::string::npos)
        << outcomes.back();
    outcomes.push_back(dbOnTerminal({"explain", evil, "Plain Holdings"}));
    EXPECT_NE(outcomes.back().out.find("from: Leak ␛]0;pwned␇ files"), std::string::npos)
        << outcomes.back();
    outcomes.push_back(dbOnTerminal({"rejections"}));
    EXPECT_NE(outcomes.back().out.find("'Comp␛[2Jany'"), std::string::npos) << outcomes.back();
    outcomes.push_back(dbOnTerminal({"show", "Nobody \x1b[2J"}));  // an error, on stderr
    EXPECT_EQ(outcomes.back().code, 1) << outcomes.back();
    EXPECT_NE(outcomes.back().out.find("no entity matches 'Nobody ␛[2J'"), std::string::npos)
        << outcomes.back();
    outcomes.push_back(dbOnTerminal({"--json", "show", evil}));  // JSON is exact on a terminal too
    auto shown = parse(outcomes.back());
    ASSERT_TRUE(shown.IsObject()) << outcomes.back();
    EXPECT_EQ(std::string(shown["name"].GetString()), "Evil \x1b[31mRed");
    for (const auto& r : outcomes) {
        EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r;
    }
}
