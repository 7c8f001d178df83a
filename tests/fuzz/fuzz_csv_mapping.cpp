// SPDX-License-Identifier: MIT
// libFuzzer target: the parser of CSV mapping files (CsvMapping::fromJson) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "graph/error.hpp"
#include "ingest/csv_mapping.hpp"
#include "tests/fuzz/fuzz_sink.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    try {
        cg::ingest::CsvMapping mapping =
            cg::ingest::CsvMapping::fromJson(text, "fuzz-mapping", cg::fuzz::fuzzSchema());
        mapping.columns();
    } catch (const cg::InputError&) {
        // A mapping that is wrong is refused with a message, as it should be.
    }
    return 0;
}
