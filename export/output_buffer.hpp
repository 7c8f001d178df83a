// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string_view>

namespace cg::exporters {

/// A large write-through buffer in front of a stream, so that writers append bytes and
/// numbers without allocating and the stream sees a few big writes; appends and flush()
/// throw Error when the stream fails (the destructor flushes too, but cannot report).
class OutputBuffer {
  public:
    static constexpr std::size_t kDefaultCapacity = std::size_t{1} << 20;

    explicit OutputBuffer(std::ostream& out, std::size_t capacity = kDefaultCapacity);
    ~OutputBuffer();
    OutputBuffer(const OutputBuffer&) = delete;
    OutputBuffer& operator=(const OutputBuffer&) = delete;

    /// Appends one byte.
    void put(char c) {
        if (used_ == capacity_) drain();
        data_[used_++] = c;
    }
    /// Appends bytes as they are.
    void put(std::string_view text);
    /// Appends a decimal integer.
    void putInt(std::int64_t value);
    /// Appends the shortest decimal text that reads back as `value`, with a decimal point
    /// ("1.0", "0.95") so that readers type it as a real number.
    void putReal(double value);
    /// The same for a single-precision value, as the view keeps confidence and shares.
    void putReal(float value);
    /// Appends a yyyymmdd day key as ISO text ("2022-08-30").
    void putDay(std::int32_t dayKey);
    /// Room for at least `n` bytes; returns where to write them, to be committed by commit().
    char* reserve(std::size_t n) {
        if (capacity_ - used_ < n) drain();
        return data_.get() + used_;
    }
    /// Marks `n` bytes written after reserve().
    void commit(std::size_t n) { used_ += n; }
    /// Writes everything buffered to the stream; throws Error when the stream fails.
    void flush();
    /// Bytes appended so far, buffered or written.
    std::uint64_t size() const { return written_ + used_; }

  private:
    void drain();

    std::ostream& out_;
    std::unique_ptr<char[]> data_;
    std::size_t capacity_;
    std::size_t used_ = 0;
    std::uint64_t written_ = 0;
};

}  // namespace cg::exporters
