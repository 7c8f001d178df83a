// SPDX-License-Identifier: MIT
#include "graph/utf8.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

using cg::graph::decodeUtf8;
using cg::graph::isValidUtf8;
using cg::graph::Utf8Char;

namespace {

Utf8Char decodeFirst(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    return decodeUtf8(p, p + text.size());
}

}  // namespace

TEST(DecodeUtf8, GivesTheCodePointAndLengthOfAWellFormedSequence) {
    Utf8Char euro = decodeFirst("\xE2\x82\xAC and more");
    EXPECT_TRUE(euro.valid);
    EXPECT_EQ(euro.codePoint, U'\u20AC');
    EXPECT_EQ(euro.length, 3u);
    Utf8Char emoji = decodeFirst("\xF0\x9F\x98\x80");
    EXPECT_EQ(emoji.codePoint, U'\U0001F600');
    EXPECT_EQ(emoji.length, 4u);
    EXPECT_EQ(decodeFirst("a").codePoint, U'a');
}

TEST(DecodeUtf8, SpansTheMaximalIllFormedSubpart) {
    Utf8Char broken = decodeFirst("\xE2\x82x");  // a euro sign missing its last byte
    EXPECT_FALSE(broken.valid);
    EXPECT_FALSE(broken.cut);
    EXPECT_EQ(broken.length, 2u);
    EXPECT_EQ(decodeFirst("\xED\xA0\x80").length,
              1u);  // a surrogate: its second byte is out of range
    EXPECT_EQ(decodeFirst("\xFF").length, 1u);
}

TEST(DecodeUtf8, SaysWhenTheTextEndsInsideASequence) {
    Utf8Char cut = decodeFirst("\xF0\x9F\x98");
    EXPECT_FALSE(cut.valid);
    EXPECT_TRUE(cut.cut);
    EXPECT_EQ(cut.length, 3u);
}

TEST(IsValidUtf8, AcceptsWellFormedText) {
    EXPECT_TRUE(isValidUtf8(""));
    EXPECT_TRUE(isValidUtf8("plain ascii"));
    EXPECT_TRUE(isValidUtf8("Ñoño ហ៊ុន សែន 洪森"));
    EXPECT_TRUE(isValidUtf8("\xF0\x9F\x98\x80"));      // U+1F600
    EXPECT_TRUE(isValidUtf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF, the last code point
    EXPECT_TRUE(isValidUtf8("\xEE\x80\x80"));          // U+E000, just past the surrogates
    EXPECT_TRUE(isValidUtf8(std::string("a\0b", 3)));  // NUL is a valid code point
}

TEST(IsValidUtf8, RejectsOverlongEncodings) {
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));  // '/' in two bytes
    EXPECT_FALSE(isValidUtf8("\xC1\xBF"));
    EXPECT_FALSE(isValidUtf8("\xE0\x80\xAF"));      // '/' in three bytes
    EXPECT_FALSE(isValidUtf8("\xE0\x9F\xBF"));      // U+07FF in three bytes
    EXPECT_FALSE(isValidUtf8("\xF0\x80\x80\xAF"));  // '/' in four bytes
    EXPECT_FALSE(isValidUtf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in four bytes
}

TEST(IsValidUtf8, RejectsSurrogatesAndCodePointsPastTheLast) {
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));      // U+D800
    EXPECT_FALSE(isValidUtf8("\xED\xBF\xBF"));      // U+DFFF
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // U+110000
    EXPECT_FALSE(isValidUtf8("\xF7\xBF\xBF\xBF"));
}

TEST(IsValidUtf8, RejectsTruncatedAndStrayBytes) {
    EXPECT_FALSE(isValidUtf8("\xE2\x82"));         // euro sign cut short
    EXPECT_FALSE(isValidUtf8("abc\xF0\x9F\x98"));  // at the very end
    EXPECT_FALSE(isValidUtf8("\xE2\x82 x"));       // cut short by an ASCII byte
    EXPECT_FALSE(isValidUtf8("\x80"));             // a continuation byte alone
    EXPECT_FALSE(
        isValidUtf8("a\xBF"
                    "b"));
    EXPECT_FALSE(isValidUtf8("\xF8\x88\x80\x80\x80"));  // five-byte forms are not UTF-8
    EXPECT_FALSE(isValidUtf8("\xFE"));
    EXPECT_FALSE(isValidUtf8("\xFF"));
    EXPECT_FALSE(isValidUtf8("Latin-1 caf\xE9"));
}
