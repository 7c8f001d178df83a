// SPDX-License-Identifier: MIT
#include "graph/normalize.hpp"

#include <gtest/gtest.h>

#include <string>

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
