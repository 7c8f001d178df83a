// SPDX-License-Identifier: MIT
// libFuzzer target: the ICIJ Offshore Leaks CSV reader on arbitrary bytes.
#include <cstddef>
#include <cstdint>

#include "ingest/icij_reader.hpp"
#include "tests/fuzz/fuzz_sink.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    cg::ingest::IcijReader reader(cg::fuzz::fuzzSchema(), cg::fuzz::kFuzzMaxRecord);
    cg::fuzz::readAll(reader, data, size);
    return 0;
}
