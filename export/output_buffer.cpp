// SPDX-License-Identifier: MIT
#include "export/output_buffer.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "graph/error.hpp"

namespace cg::exporters {

namespace {

// The longest text std::to_chars gives for a double in shortest form, with room to spare.
constexpr std::size_t kMaxReal = 40;

template <typename Real>
std::size_t writeReal(char* at, Real value) {
    auto [end, ec] = std::to_chars(at, at + kMaxReal, value);
    std::size_t n = static_cast<std::size_t>(end - at);
    // Integral values ("1") and non-finite ones ("inf") get no point; integral ones need it
    // so that JSON and CSV readers keep the column real.
    if (std::find_if(at, end, [](char c) { return c == '.' || c == 'e' || c == 'n'; }) == end) {
        at[n++] = '.';
        at[n++] = '0';
    }
    return n;
}

}  // namespace

OutputBuffer::OutputBuffer(std::ostream& out, std::size_t capacity)
    : out_(out),
      data_(new char[std::max<std::size_t>(capacity, 256)]),
      capacity_(std::max<std::size_t>(capacity, 256)) {}

OutputBuffer::~OutputBuffer() {
    try {
        drain();
    } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw
    }
}

void OutputBuffer::drain() {
    if (used_ == 0) return;
    out_.write(data_.get(), static_cast<std::streamsize>(used_));
    written_ += used_;
    used_ = 0;
    if (!out_) throw Error("export: cannot write the output (disk full or stream closed)");
}

void OutputBuffer::put(std::string_view text) {
    if (text.size() > capacity_ - used_) {
        drain();
        if (text.size() > capacity_) {
            out_.write(text.data(), static_cast<std::streamsize>(text.size()));
            written_ += text.size();
            if (!out_) throw Error("export: cannot write the output (disk full or stream closed)");
            return;
        }
    }
    std::memcpy(data_.get() + used_, text.data(), text.size());
    used_ += text.size();
}

void OutputBuffer::putInt(std::int64_t value) {
    char* at = reserve(24);
    auto [end, ec] = std::to_chars(at, at + 24, value);
    commit(static_cast<std::size_t>(end - at));
}

void OutputBuffer::putReal(double value) { commit(writeReal(reserve(kMaxReal + 2), value)); }

void OutputBuffer::putReal(float value) { commit(writeReal(reserve(kMaxReal + 2), value)); }

void OutputBuffer::putDay(std::int32_t dayKey) {
    char* at = reserve(16);
    int year = dayKey / 10000;
    int month = (dayKey / 100) % 100;
    int day = dayKey % 100;
    if (year < 0 || year > 9999) {
        auto [end, ec] = std::to_chars(at, at + 16, dayKey);
        commit(static_cast<std::size_t>(end - at));
        return;
    }
    at[0] = static_cast<char>('0' + year / 1000);
    at[1] = static_cast<char>('0' + year / 100 % 10);
    at[2] = static_cast<char>('0' + year / 10 % 10);
    at[3] = static_cast<char>('0' + year % 10);
    at[4] = '-';
    at[5] = static_cast<char>('0' + month / 10);
    at[6] = static_cast<char>('0' + month % 10);
    at[7] = '-';
    at[8] = static_cast<char>('0' + day / 10);
    at[9] = static_cast<char>('0' + day % 10);
    commit(10);
}

void OutputBuffer::flush() {
    drain();
    out_.flush();
    if (!out_) throw Error("export: cannot write the output (disk full or stream closed)");
}

}  // namespace cg::exporters
