// SPDX-License-Identifier: MIT
// libFuzzer target: the claims JSON Lines reader, and the format detection that runs before
// any reader, on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/claims_reader.hpp"
#include "ingest/format_detection.hpp"
#include "tests/fuzz/fuzz_sink.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    cg::ingest::ClaimsReader reader(cg::fuzz::fuzzSchema(), cg::fuzz::kFuzzMaxRecord);
    cg::fuzz::readAll(reader, data, size);
    cg::ingest::formatOfContent(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
