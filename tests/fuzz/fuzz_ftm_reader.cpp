// SPDX-License-Identifier: MIT
// libFuzzer target: the FollowTheMoney entities reader on arbitrary bytes.
#include <cstddef>
#include <cstdint>

#include "ingest/ftm_reader.hpp"
#include "tests/fuzz/fuzz_sink.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    cg::ingest::FtmReader reader(cg::fuzz::fuzzSchema(), cg::fuzz::kFuzzMaxRecord);
    cg::fuzz::readAll(reader, data, size);
    return 0;
}
