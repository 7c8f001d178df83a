// SPDX-License-Identifier: MIT
#include "ingest/text_encoding.hpp"

#include <gtest/gtest.h>

#include <string>

using cg::ingest::encodingRefusal;
using cg::ingest::foreignEncoding;

namespace {

const std::string kRecord = R"({"source": {"id": "s1", "title": "Caf)"
                            "\xC3\xA9"
                            R"( notes"}})"
                            "\n";

// `text` (ASCII) as UTF-16 or UTF-32, little or big endian, code unit by code unit.
std::string wide(const std::string& text, int unit, bool little) {
    std::string out;
    for (char c : text) {
        std::string u(static_cast<std::size_t>(unit), '\0');
        u[little ? 0 : u.size() - 1] = c;
        out += u;
    }
    return out;
}

std::string nameOf(const std::string& head, bool cut = false) {
    auto e = foreignEncoding(head, cut);
    return e ? e->name : "";
}

}  // namespace

TEST(TextEncoding, Utf8AndAsciiAreNotForeign) {
    EXPECT_FALSE(foreignEncoding(kRecord, false));
    EXPECT_FALSE(foreignEncoding("node_id,name\n1,Opaline\n", false));
    EXPECT_FALSE(foreignEncoding("\xEF\xBB\xBF" + kRecord, false)) << "a UTF-8 byte-order mark";
    EXPECT_FALSE(foreignEncoding("", false));
}

TEST(TextEncoding, TellsUtf16AndUtf32ByTheirByteOrderMarks) {
    std::string ascii = R"({"id": "c1"})";
    EXPECT_EQ(nameOf("\xFF\xFE" + wide(ascii, 2, true)), "UTF-16 LE with a byte-order mark");
    EXPECT_EQ(nameOf("\xFE\xFF" + wide(ascii, 2, false)), "UTF-16 BE with a byte-order mark");
    EXPECT_EQ(nameOf(std::string("\xFF\xFE\0\0", 4) + wide(ascii, 4, true)),
              "UTF-32 LE with a byte-order mark");
    EXPECT_EQ(nameOf(std::string("\0\0\xFE\xFF", 4) + wide(ascii, 4, false)),
              "UTF-32 BE with a byte-order mark");
    EXPECT_EQ(foreignEncoding("\xFF\xFE" + wide(ascii, 2, true), false)->iconv, "UTF-16");
}

TEST(TextEncoding, TellsUtf16AndUtf32WithoutAMarkByTheirZeroBytes) {
    std::string ascii = R"({"id": "c1", "subject": {"name": "Opaline Bay"}})"
                        "\n";
    EXPECT_EQ(nameOf(wide(ascii, 2, true)), "UTF-16 LE");
    EXPECT_EQ(nameOf(wide(ascii, 2, false)), "UTF-16 BE");
    EXPECT_EQ(nameOf(wide(ascii, 4, true)), "UTF-32 LE");
    EXPECT_EQ(nameOf(wide(ascii, 4, false)), "UTF-32 BE");
    EXPECT_EQ(foreignEncoding(wide(ascii, 2, false), false)->iconv, "UTF-16BE");
}

TEST(TextEncoding, TellsLatin1AndWindows1252WhenNoByteSequenceIsUtf8) {
    auto latin1 = foreignEncoding("{\"name\": \"Opaline\"}\n{\"name\": \"Caf\xE9\"}\n", false);
    ASSERT_TRUE(latin1);
    EXPECT_EQ(latin1->name, "Latin-1 (ISO-8859-1)");
    EXPECT_EQ(latin1->iconv, "LATIN1");
    EXPECT_EQ(latin1->evidence, "line 2 has byte 0xE9, and no byte sequence of the file is UTF-8");
    // Curly quotes are 0x93 and 0x94 in Windows-1252, control codes in Latin-1.
    auto windows = foreignEncoding("{\"quote\": \"\x93hello\x94\"}\n", false);
    ASSERT_TRUE(windows);
    EXPECT_EQ(windows->iconv, "WINDOWS-1252");
}

TEST(TextEncoding, AUtf8FileWithOneDamagedByteKeepsItsPerRecordRejections) {
    EXPECT_FALSE(foreignEncoding(kRecord + "{\"name\": \"Hun Man\xE9t\"}\n", false));
}

TEST(TextEncoding, ASequenceCutAtTheEndOfTheFirstBytesIsNotHeldAgainstThem) {
    std::string head = "{\"name\": \"Opaline\"}\n{\"name\": \"Caf\xC3";
    EXPECT_FALSE(foreignEncoding(head, true));
    EXPECT_TRUE(foreignEncoding(head, false)) << "the file ends there: the byte is not UTF-8";
}

TEST(TextEncoding, TheRefusalSaysWhatWasFoundAndHowToConvertIt) {
    auto e = foreignEncoding("\xFF\xFE" + wide("{}", 2, true), false);
    ASSERT_TRUE(e);
    EXPECT_EQ(encodingRefusal("leak.claims.jsonl", *e),
              "leak.claims.jsonl: the file is UTF-16 LE with a byte-order mark, not UTF-8; "
              "claimgraph reads UTF-8 only: convert it first with iconv -f UTF-16 -t UTF-8 "
              "leak.claims.jsonl > leak-utf8.claims.jsonl");
    EXPECT_NE(encodingRefusal("my leak.jsonl", *e).find("'my leak.jsonl' > 'my leak-utf8.jsonl'"),
              std::string::npos);
    EXPECT_NE(encodingRefusal("-", *e).find("iconv -f UTF-16 -t UTF-8 in the pipe"),
              std::string::npos);
}
