// SPDX-License-Identifier: MIT
#include "export/output_buffer.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "graph/error.hpp"

using cg::exporters::OutputBuffer;

TEST(OutputBuffer, WritesRealsShortestWithAPoint) {
    std::ostringstream out;
    OutputBuffer b(out);
    b.putReal(0.95f);
    b.put(' ');
    b.putReal(1.0f);
    b.put(' ');
    b.putReal(0.1);
    b.put(' ');
    b.putReal(25.0);
    b.put(' ');
    b.putReal(1e-7);
    b.flush();
    EXPECT_EQ(out.str(), "0.95 1.0 0.1 25.0 1e-07");
}

TEST(OutputBuffer, WritesIntegersAndDays) {
    std::ostringstream out;
    OutputBuffer b(out);
    b.putInt(-42);
    b.put(' ');
    b.putInt(9007199254740993LL);
    b.put(' ');
    b.putDay(20220830);
    b.put(' ');
    b.putDay(10101);
    b.flush();
    EXPECT_EQ(out.str(), "-42 9007199254740993 2022-08-30 0001-01-01");
}

TEST(OutputBuffer, KeepsOrderAcrossManyFlushesAndLongPieces) {
    std::ostringstream out;
    std::string expected;
    {
        OutputBuffer b(out, 256);
        for (int i = 0; i < 1000; ++i) {
            std::string piece(static_cast<std::size_t>(i % 700), static_cast<char>('a' + i % 26));
            b.put(piece);
            b.putInt(i);
            expected += piece + std::to_string(i);
        }
        EXPECT_EQ(b.size(), expected.size());
        b.flush();
    }
    EXPECT_EQ(out.str(), expected);
}

TEST(OutputBuffer, ThrowsWhenTheStreamFails) {
    std::ostringstream out;
    out.setstate(std::ios::badbit);
    OutputBuffer b(out);
    b.put("text");
    EXPECT_THROW(b.flush(), cg::Error);
}
