// SPDX-License-Identifier: MIT
// Every input a fuzz target of tests/fuzz crashed on, replayed through the same reader or
// parser in the normal suite: the files under tests/fuzz/regressions/<target>/, and inputs
// too large to keep as files, made here. Each must be read (records or rejections) or refused
// with the typed error its reader documents; a crash fails the suite, sanitizers or not.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <map>
#include <sstream>
#include <string>

#include "graph/error.hpp"
#include "ingest/bods_reader.hpp"
#include "ingest/claims_reader.hpp"
#include "ingest/csv_mapping.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/format_detection.hpp"
#include "ingest/ftm_reader.hpp"
#include "ingest/icij_reader.hpp"
#include "ingest/loose_date.hpp"
#include "ingest/psc_reader.hpp"
#include "queries/saved_query.hpp"
#include "tests/fuzz/fuzz_sink.hpp"
#include "tests/graph/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using cg::fuzz::fuzzSchema;
using cg::fuzz::kFuzzMaxRecord;
using cg::fuzz::readAll;

// What a fuzz target does with its input; returns what came out, for the messages.
std::string replay(const std::string& target, const std::string& input,
                   std::size_t maxRecord = kFuzzMaxRecord) {
    const auto* data = reinterpret_cast<const std::uint8_t*>(input.data());
    std::size_t size = input.size();
    if (target == "claims_reader") {
        cg::ingest::ClaimsReader reader(fuzzSchema(), maxRecord);
        readAll(reader, data, size);
        return "format " + cg::ingest::formatOfContent(input);
    }
    if (target == "ftm_reader") {
        cg::ingest::FtmReader reader(fuzzSchema(), maxRecord);
        readAll(reader, data, size);
    } else if (target == "bods_reader") {
        cg::ingest::BodsReader reader(fuzzSchema(), maxRecord);
        readAll(reader, data, size);
    } else if (target == "psc_reader") {
        cg::ingest::PscReader reader(fuzzSchema(), maxRecord);
        readAll(reader, data, size);
    } else if (target == "icij_reader") {
        cg::ingest::IcijReader reader(fuzzSchema(), maxRecord);
        readAll(reader, data, size);
    } else if (target == "csv_reader") {
        auto mapping = cg::ingest::CsvMapping::fromFile(CG_TEST_DATA "/csv/registry.mapping.json",
                                                        fuzzSchema());
        cg::ingest::CsvReader reader(fuzzSchema(), mapping, maxRecord);
        readAll(reader, data, size);
    } else if (target == "csv_mapping") {
        try {
            cg::ingest::CsvMapping::fromJson(input, "regression", fuzzSchema());
        } catch (const cg::InputError& e) {
            return e.what();
        }
    } else if (target == "saved_query") {
        try {
            cg::queries::bindSavedQuery(cg::queries::parseSavedQuery(input, "regression"), {});
        } catch (const cg::QueryError& e) {
            return e.what();
        }
    } else {
        ADD_FAILURE() << "no fuzz target " << target;
    }
    return "read";
}

const char* const kTargets[] = {"claims_reader", "ftm_reader", "bods_reader", "psc_reader",
                                "icij_reader",   "csv_reader", "csv_mapping", "saved_query"};

TEST(FuzzRegressions, EveryKeptCrashInputIsReadOrRefused) {
    fs::path root = fs::path(CG_SOURCE_DIR) / "tests" / "fuzz" / "regressions";
    std::size_t replayed = 0;
    for (const char* target : kTargets) {
        if (!fs::is_directory(root / target)) continue;
        for (const auto& entry : fs::directory_iterator(root / target)) {
            SCOPED_TRACE(entry.path().string());
            replay(target, cg::testing::readFile(entry.path().string()));
            ++replayed;
        }
    }
    std::cout << "[ replayed ] " << replayed << " kept fuzz inputs\n";
}

// Found by reasoning and confirmed with the binary before any fuzzing: RapidJSON parses
// recursively, and a line of a million '[' overflowed the stack of every JSON reader.
TEST(FuzzRegressions, DeepNestingIsRefusedByEveryJsonParser) {
    const std::string deep(1000000, '[');
    const std::size_t limit = std::size_t{16} << 20;  // the readers' default, above the input
    for (const char* target : kTargets) {
        SCOPED_TRACE(target);
        replay(target, deep, limit);
        replay(target, "{}\n" + deep + "\n", limit);
        replay(target, "{\"a\": " + deep, limit);
    }
    EXPECT_NE(replay("saved_query", deep).find("nests deeper than 64 levels"), std::string::npos);
    EXPECT_NE(replay("csv_mapping", deep).find("nests deeper than 64 levels"), std::string::npos);
}

// Found by reasoning about the fuzz targets' code paths, then confirmed with the binary:
// libstdc++'s std::regex matches recursively, so a date field of 300 KB (ICIJ, CSV) or a PSC
// nature of control of 200 KB overflowed the stack; and a PSC band of 400 digits made
// std::stod throw out_of_range, which ended the whole ingest with "error: stod".
TEST(FuzzRegressions, LongDateTextIsNotADateAndNeverReachesTheRegex) {
    std::string error;
    std::string text = "1" + std::string(300000, ' ') + "Jan 2020";
    EXPECT_EQ(cg::ingest::parseLooseDate(text, &error), std::nullopt);
    EXPECT_NE(error.find("longer than any date"), std::string::npos) << error.substr(0, 200);
    EXPECT_LT(error.size(), 200u);
}

TEST(FuzzRegressions, LongOrHugePscNaturesAreRejectedNotCrashed) {
    auto record = [](const std::string& nature) {
        return R"({"company_number": "09000001", "data": {"kind": "individual-person-with-significant-control", "name": "A Person", "natures_of_control": [")" +
               nature + R"("]}})" + "\n";
    };
    std::string input = record(std::string(200000, 'x') + "-25-to-50-percent") +
                        record("ownership-of-shares-25-to-" + std::string(400, '9') + "-percent");
    std::istringstream in(input);
    cg::fuzz::CountingSink sink(input.size());
    cg::ingest::PscReader reader(fuzzSchema());
    reader.read(in, cg::fuzz::kFuzzFile, sink);
    EXPECT_EQ(sink.rejections, 2u);
}

}  // namespace
