// SPDX-License-Identifier: MIT
// decimal(): a float read as the decimal it was written as, whether converted or remembered.
#include "queries/result.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <vector>

namespace {

double printedAndParsed(float value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.7g", static_cast<double>(value));
    return std::strtod(buf, nullptr);
}

TEST(Decimal, ReadsAFloatAsTheDecimalItWasWrittenAs) {
    EXPECT_EQ(cg::queries::decimal(0.95f), 0.95);
    EXPECT_EQ(cg::queries::decimal(33.33f), 33.33);
    EXPECT_EQ(cg::queries::decimal(60.0f), 60.0);
    EXPECT_EQ(cg::queries::decimal(0.0f), 0.0);
    EXPECT_TRUE(std::isnan(cg::queries::decimal(std::numeric_limits<float>::quiet_NaN())));
    EXPECT_EQ(cg::queries::decimal(std::numeric_limits<float>::infinity()),
              std::numeric_limits<double>::infinity());
}

// Far more distinct values than the per-thread memory holds, each asked for three times in
// an order that makes them evict one another: every answer is the printed-and-parsed value.
TEST(Decimal, RememberedValuesAreTheConvertedOnes) {
    std::vector<float> values;
    for (int i = 0; i < 5000; ++i) values.push_back(static_cast<float>(i) / 37.0f);
    for (int i = 0; i < 200; ++i) values.push_back(std::bit_cast<float>(0x3f800000u + 1024u * i));
    values.push_back(-0.0f);
    for (int pass = 0; pass < 3; ++pass) {
        for (std::size_t k = 0; k < values.size(); ++k) {
            float v = values[(k * 7919 + static_cast<std::size_t>(pass)) % values.size()];
            double got = cg::queries::decimal(v);
            ASSERT_EQ(std::bit_cast<std::uint64_t>(got),
                      std::bit_cast<std::uint64_t>(printedAndParsed(v)))
                << v << " in pass " << pass;
        }
    }
}

}  // namespace
