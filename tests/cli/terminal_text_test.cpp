// SPDX-License-Identifier: MIT
#include "cli/terminal_text.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <sstream>
#include <string>

using cg::cli::TerminalSafeBuf;
using cg::cli::TerminalSafeStream;
using cg::cli::terminalText;

namespace {

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD

std::string replacements(int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += kReplacement;
    return out;
}

// Text written through a TerminalSafeBuf in the pieces given, the buffer then destroyed.
std::string throughBuffer(std::initializer_list<std::string> pieces) {
    std::ostringstream destination;
    {
        TerminalSafeBuf buffer(destination.rdbuf());
        std::ostream out(&buffer);
        for (const auto& piece : pieces) {
            out << piece;
            out.flush();
        }
    }
    return destination.str();
}

}  // namespace

TEST(TerminalText, KeepsPrintableTextInAnyScript) {
    for (const std::string text :
         {"Sar Kheng, 60% of Aurelian Holdings Ltd", "Ñoño Müller-Lüdenscheidt", "مرحبا بالعالم",
          "שלום עולם", "中文 日本語 한국어", "😀 👍🏽 🇰🇭",
          "e\xCC\x81 (e and a combining accent)",
          "no-break\xC2\xA0space, \xE2\x80\x8F right-to-left mark", "\xF4\x8F\xBF\xBF"}) {
        EXPECT_EQ(terminalText(text), text);
    }
}

TEST(TerminalText, KeepsNewlinesTabsAndCarriageReturnsEndingALine) {
    EXPECT_EQ(terminalText("a\tb\nc\r\nd\n"), "a\tb\nc\r\nd\n");
}

TEST(TerminalText, ShowsEscapeSequencesAsControlPictures) {
    EXPECT_EQ(terminalText("\x1b[2J"), "␛[2J");
    EXPECT_EQ(terminalText("\x1b[31mred\x1b[0m"), "␛[31mred␛[0m");
    EXPECT_EQ(terminalText("\x1b]0;pwned\x07"), "␛]0;pwned␇");
    EXPECT_EQ(terminalText("\x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\"),
              "␛]8;;https://example.org␛\\link␛]8;;␛\\");
}

TEST(TerminalText, ShowsEveryOtherC0ControlAndDeleteAsItsPicture) {
    for (int c = 0; c < 0x20; ++c) {
        if (c == '\t' || c == '\n' || c == '\r') continue;
        std::string picture = "\xE2\x90";
        picture += static_cast<char>(0x80 + c);  // U+2400 + c
        EXPECT_EQ(terminalText(std::string(1, static_cast<char>(c))), picture) << "control " << c;
    }
    EXPECT_EQ(terminalText(std::string("a\0b", 3)), "a␀b");
    EXPECT_EQ(terminalText("\x08\x08\x08xyz"), "␈␈␈xyz");
    EXPECT_EQ(terminalText("a\x7f"), "a␡");
}

TEST(TerminalText, ShowsACarriageReturnThatDoesNotEndALine) {
    EXPECT_EQ(terminalText("rejected\rACCEPTED"), "rejected␍ACCEPTED");
    EXPECT_EQ(terminalText("end\r"), "end␍");
    EXPECT_EQ(terminalText("\r\r\n"), "␍\r\n");
}

TEST(TerminalText, ReplacesC1Controls) {
    EXPECT_EQ(terminalText("\xC2\x80"), kReplacement);
    const std::string csi = "\xC2\x9B", osc = "\xC2\x9D", terminator = "\xC2\x9C";
    EXPECT_EQ(terminalText(csi + "2J"), kReplacement + "2J");
    EXPECT_EQ(terminalText(osc + "0;x" + terminator), kReplacement + "0;x" + kReplacement);
    EXPECT_EQ(terminalText("\xC2\x9F"), kReplacement);
    EXPECT_EQ(terminalText("\xC2\xA0"), "\xC2\xA0");
}

TEST(TerminalText, ReplacesBidiEmbeddingsOverridesAndIsolates) {
    for (char last : {'\xAA', '\xAB', '\xAC', '\xAD', '\xAE'}) {  // U+202A to U+202E
        EXPECT_EQ(terminalText(std::string("a\xE2\x80") + last + "b"), "a" + kReplacement + "b");
    }
    for (char last : {'\xA6', '\xA7', '\xA8', '\xA9'}) {  // U+2066 to U+2069
        EXPECT_EQ(terminalText(std::string("a\xE2\x81") + last + "b"), "a" + kReplacement + "b");
    }
    // "Trojan Source": a right-to-left override shows "dtL emcA" as "Acme Ltd".
    const std::string rightToLeft = "\xE2\x80\xAE", pop = "\xE2\x80\xAC";
    EXPECT_EQ(terminalText(rightToLeft + "dtL emcA" + pop),
              kReplacement + "dtL emcA" + kReplacement);
}

TEST(TerminalText, ReplacesEachIllFormedSubpartOnce) {
    EXPECT_EQ(terminalText("a\x80z"), "a" + kReplacement + "z");  // lone continuation
    EXPECT_EQ(terminalText("\xBF\xBF"), replacements(2));
    EXPECT_EQ(terminalText("\xC0\xAF"), replacements(2));          // overlong '/'
    EXPECT_EQ(terminalText("\xE0\x80\xAF"), replacements(3));      // overlong, 3 bytes
    EXPECT_EQ(terminalText("\xF0\x80\x80\xAF"), replacements(4));  // overlong, 4 bytes
    EXPECT_EQ(terminalText("\xED\xA0\x80"), replacements(3));      // high surrogate
    EXPECT_EQ(terminalText("\xED\xBF\xBF"), replacements(3));      // low surrogate
    EXPECT_EQ(terminalText("\xF4\x90\x80\x80"), replacements(4));  // past U+10FFFF
    EXPECT_EQ(terminalText("\xF5\xFE\xFF"), replacements(3));
    EXPECT_EQ(terminalText("\xE2\x82x"), kReplacement + "x");  // cut, then ASCII
    EXPECT_EQ(terminalText("\xF0\x9F\x98\xE2\x82\xAC"), kReplacement + "€");
    EXPECT_EQ(terminalText("\xC3\x1b"), kReplacement + "␛");
}

TEST(TerminalText, ReplacesASequenceCutAtTheEnd) {
    EXPECT_EQ(terminalText("abc\xC3"), "abc" + kReplacement);
    EXPECT_EQ(terminalText("abc\xE2\x82"), "abc" + kReplacement);
    EXPECT_EQ(terminalText("abc\xF0\x9F\x98"), "abc" + kReplacement);
}

TEST(TerminalSafeBuf, FiltersWhatIsWrittenThroughIt) {
    EXPECT_EQ(throughBuffer({"\x1b]0;pwned\x07 title\n"}), "␛]0;pwned␇ title\n");
    std::ostringstream destination;
    TerminalSafeBuf buffer(destination.rdbuf());
    std::ostream out(&buffer);
    out << 'x' << '\x1b' << "[2J " << 42 << ' ' << std::string("\xE2\x80\xAE");
    out.flush();
    EXPECT_EQ(destination.str(), "x␛[2J 42 " + kReplacement);
}

TEST(TerminalSafeBuf, JoinsASequenceSplitBetweenWrites) {
    EXPECT_EQ(throughBuffer({"caf\xC3", "\xA9"}), "café");
    EXPECT_EQ(throughBuffer({"\xF0", "\x9F", "\x98", "\x80!"}), "😀!");
    EXPECT_EQ(throughBuffer({"\xE2\x80", "\xAE"}), kReplacement);  // a split bidi override
    EXPECT_EQ(throughBuffer({"\xC2", "\x9B"}), kReplacement);      // a split C1 control
    EXPECT_EQ(throughBuffer({"a,b\r", "\nc\r", "d"}), "a,b\r\nc␍d");
}

TEST(TerminalSafeBuf, GivesTheSameTextWhereverTheWritesAreSplit) {
    const std::string text =
        "Ñ\x1b[31m😀\xE2\x80\xAE\xC0\xAF\xED\xA0\x80 مرحبا\r\n\xC2\x9B\x7f\xF0\x9F\x98 \r中";
    const std::string whole = terminalText(text);
    for (std::size_t cut = 0; cut <= text.size(); ++cut) {
        EXPECT_EQ(throughBuffer({text.substr(0, cut), text.substr(cut)}), whole)
            << "cut at " << cut;
    }
    std::ostringstream destination;
    {
        TerminalSafeBuf buffer(destination.rdbuf());
        std::ostream out(&buffer);
        for (char c : text) out.put(c);
    }
    EXPECT_EQ(destination.str(), whole);
}

TEST(TerminalSafeBuf, HoldsAnUnfinishedSequenceUntilItEnds) {
    std::ostringstream destination;
    TerminalSafeBuf buffer(destination.rdbuf());
    std::ostream out(&buffer);
    out << "ok \xE2\x82";
    out.flush();
    EXPECT_EQ(destination.str(), "ok ");  // the flush does not guess at the rest
    EXPECT_TRUE(buffer.finish());
    EXPECT_EQ(destination.str(), "ok " + kReplacement);
    EXPECT_EQ(throughBuffer({"cut \xF0\x9F"}), "cut " + kReplacement);  // at destruction
    EXPECT_EQ(throughBuffer({"line\r"}), "line␍");
}

TEST(TerminalSafeStream, FiltersAStreamWhileAliveAndThenGivesItsBufferBack) {
    std::ostringstream text;
    std::ostream& stream = text;  // std::ostringstream::rdbuf() always names its own buffer
    std::streambuf* own = stream.rdbuf();
    {
        TerminalSafeStream safe(stream);
        EXPECT_NE(stream.rdbuf(), own);
        stream << "name: \x1b[2J\xF0\x9F";
    }
    EXPECT_EQ(stream.rdbuf(), own);
    stream << "\x1b";
    EXPECT_EQ(text.str(), "name: ␛[2J" + kReplacement + "\x1b");
}
