// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "graph/error.hpp"
#include "graph/schema.hpp"
#include "ingest/reader.hpp"

namespace cg::fuzz {

/// The name the fuzz targets give their input in rejections.
inline const std::string kFuzzFile = "fuzz-input";

/// Counts what a reader emits and checks what every reader promises of each record: rejections
/// name the file and a line inside it, and claims name their source.
class CountingSink : public ingest::RecordSink {
  public:
    explicit CountingSink(std::size_t inputSize) : inputSize_(inputSize) {}

    void source(graph::Source&& /*source*/, const std::string& /*file*/,
                std::int64_t /*line*/) override {
        ++sources;
    }
    void claim(graph::Claim&& /*claim*/) override { ++claims; }
    void reject(graph::Rejection&& rejection) override {
        ++rejections;
        // A line number past the input's end (one more than its newlines, plus the line an
        // unterminated record ends on) would point an investigator at nothing.
        if (rejection.file != kFuzzFile || rejection.line < 0 ||
            static_cast<std::uint64_t>(rejection.line) > inputSize_ + 2) {
            std::abort();
        }
    }

    std::size_t sources = 0;
    std::size_t claims = 0;
    std::size_t rejections = 0;

  private:
    std::size_t inputSize_;
};

/// The default schema, built once: building it per input would drown the readers' coverage.
inline const graph::Schema& fuzzSchema() {
    static const graph::Schema schema = graph::Schema::defaults();
    return schema;
}

/// The record-length limit the fuzz targets give readers, small enough that inputs reach it.
constexpr std::size_t kFuzzMaxRecord = 4096;

/// Runs `reader` over the input. A cg::InputError is the reader refusing the whole input, as
/// it may; any other exception escapes and libFuzzer reports it as a crash.
template <typename ReaderT>
void readAll(ReaderT& reader, const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    CountingSink sink(size);
    try {
        reader.read(in, kFuzzFile, sink);
    } catch (const InputError&) {
    }
}

}  // namespace cg::fuzz
