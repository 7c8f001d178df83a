// SPDX-License-Identifier: MIT
#include "graph/normalize.hpp"

#include <gtest/gtest.h>

#include <string>

using cg::graph::isValidUtf8;
using cg::graph::normalizeName;
using cg::graph::slugify;

namespace {

// True when `s` holds only lower-case ASCII letters, digits and single inner spaces.
bool isMatchingForm(const std::string& s) {
    if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == ' ' && s[i - 1] != ' ');
        if (!ok) return false;
    }
    return true;
}

}  // namespace

TEST(NormalizeName, FoldsCase) {
    EXPECT_EQ(normalizeName("SAR KHENG"), "sar kheng");
    EXPECT_EQ(normalizeName("Sar Kheng"), normalizeName("sAR kHENG"));
    // Non-ASCII case folding: German sharp s and Greek capital letters.
    EXPECT_EQ(normalizeName("STRASSE"), normalizeName("Strasse"));
    EXPECT_EQ(normalizeName("ΑΘΗΝΑ"), normalizeName("αθηνα"));
}

TEST(NormalizeName, RemovesAccents) {
    EXPECT_EQ(normalizeName("Sâr  KHÉNG,"), "sar kheng");
    EXPECT_EQ(normalizeName("Ñoño"), "nono");
    EXPECT_EQ(normalizeName("Nguyễn Văn Thành"), "nguyen van thanh");
    EXPECT_EQ(normalizeName("Zürich"), "zurich");
}

TEST(NormalizeName, TransliteratesOtherScriptsToLatin) {
    for (const char* name : {"Москва", "洪森", "กรุงเทพ", "Αθήνα"}) {
        std::string norm = normalizeName(name);
        EXPECT_TRUE(isMatchingForm(norm)) << name << " gave '" << norm << "'";
    }
    EXPECT_EQ(normalizeName("Москва"), "moskva");
    EXPECT_EQ(normalizeName("МОСКВА"), normalizeName("москва"));
    EXPECT_EQ(normalizeName("洪森"), "hong sen");
}

TEST(NormalizeName, TurnsPunctuationIntoSingleSpaces) {
    EXPECT_EQ(normalizeName("Golden Sands, Ltd."), "golden sands ltd");
    EXPECT_EQ(normalizeName("  Golden\tSands--Ltd  "), "golden sands ltd");
    EXPECT_EQ(normalizeName("Golden Sands (Cambodia) Co., Ltd"), "golden sands cambodia co ltd");
    EXPECT_EQ(normalizeName("A.B.C."), "a b c");
    EXPECT_EQ(normalizeName("Prince Holding Group 2"), "prince holding group 2");
    EXPECT_EQ(normalizeName("!!!"), "");
    EXPECT_EQ(normalizeName(""), "");
}

TEST(NormalizeName, JoinsAcrossApostrophes) {
    EXPECT_EQ(normalizeName("O'Brien"), "obrien");
    EXPECT_EQ(normalizeName("O’Brien"), "obrien");  // U+2019
    EXPECT_EQ(normalizeName("O'Brien"), normalizeName("OBrien"));
    EXPECT_EQ(normalizeName("Cambodia's ruling party"), "cambodias ruling party");
}

TEST(Slugify, GivesLowerCaseAsciiWithDashes) {
    EXPECT_EQ(slugify("Golden Sands Ltd"), "golden-sands-ltd");
    EXPECT_EQ(slugify("  Sâr Khéng  "), "sar-kheng");
    EXPECT_EQ(slugify("Москва"), "moskva");
    EXPECT_EQ(slugify("!!!"), "");
    EXPECT_EQ(slugify(std::string(200, 'a')).size(), 64u);
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
