// SPDX-License-Identifier: MIT
// libFuzzer target: the CSV reader with a mapping (tests/data/csv/registry.mapping.json) on
// arbitrary bytes. fuzz_csv_mapping covers the mapping files themselves.
#include <cstddef>
#include <cstdint>

#include "ingest/csv_reader.hpp"
#include "tests/fuzz/fuzz_sink.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const cg::ingest::CsvMapping mapping = cg::ingest::CsvMapping::fromFile(
        CG_TEST_DATA "/csv/registry.mapping.json", cg::fuzz::fuzzSchema());
    cg::ingest::CsvReader reader(cg::fuzz::fuzzSchema(), mapping, cg::fuzz::kFuzzMaxRecord);
    cg::fuzz::readAll(reader, data, size);
    return 0;
}
