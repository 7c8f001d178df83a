// SPDX-License-Identifier: MIT
#include "export/text_escape.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

using cg::exporters::OutputBuffer;
using cg::exporters::XmlContext;

namespace {

template <typename Fn>
std::string render(Fn&& fn) {
    std::ostringstream out;
    {
        OutputBuffer buffer(out, 256);
        fn(buffer);
        buffer.flush();
    }
    return out.str();
}

std::string xml(std::string_view text, XmlContext context) {
    return render([&](OutputBuffer& b) { cg::exporters::putXml(b, text, context); });
}

std::string json(std::string_view text) {
    return render([&](OutputBuffer& b) { cg::exporters::putJsonString(b, text); });
}

std::string csv(std::string_view text) {
    return render([&](OutputBuffer& b) { cg::exporters::putCsvField(b, text); });
}

const std::string kReplacement = "\xEF\xBF\xBD";

}  // namespace

TEST(XmlEscape, EscapesMarkupCharacters) {
    EXPECT_EQ(xml("a & b <c> \"d\" 'e'", XmlContext::Attribute),
              "a &amp; b &lt;c&gt; &quot;d&quot; 'e'");
    EXPECT_EQ(xml("a & b <c> \"d\" ]]>", XmlContext::Text), "a &amp; b &lt;c&gt; \"d\" ]]&gt;");
}

TEST(XmlEscape, KeepsWhitespaceThatAttributeNormalisationWouldLose) {
    EXPECT_EQ(xml("a\tb\nc\rd", XmlContext::Attribute), "a&#9;b&#10;c&#13;d");
    EXPECT_EQ(xml("a\tb\nc\rd", XmlContext::Text), "a\tb\nc&#13;d");
}

TEST(XmlEscape, ReplacesCharactersXml10Forbids) {
    EXPECT_EQ(xml(std::string("a\x01"
                              "b\x1f"
                              "c",
                              5),
                  XmlContext::Text),
              "a" + kReplacement + "b" + kReplacement + "c");
    EXPECT_EQ(xml(std::string("nul\0end", 7), XmlContext::Attribute), "nul" + kReplacement + "end");
    // U+FFFE and U+FFFF are well-formed UTF-8 but not XML characters.
    EXPECT_EQ(xml("x\xEF\xBF\xBEy\xEF\xBF\xBFz", XmlContext::Text),
              "x" + kReplacement + "y" + kReplacement + "z");
}

TEST(XmlEscape, ReplacesInvalidUtf8ByteByByte) {
    EXPECT_EQ(xml("a\xC3(b", XmlContext::Text), "a" + kReplacement + "(b");  // truncated sequence
    EXPECT_EQ(xml("\xC0\xAF", XmlContext::Text), kReplacement + kReplacement);  // overlong '/'
    EXPECT_EQ(xml("\xED\xA0\x80", XmlContext::Text),
              kReplacement + kReplacement + kReplacement);  // surrogate
    EXPECT_EQ(xml("\xF4\x90\x80\x80", XmlContext::Text),    // above U+10FFFF
              kReplacement + kReplacement + kReplacement + kReplacement);
    EXPECT_EQ(xml("end\xE2\x82", XmlContext::Text), "end" + kReplacement + kReplacement);
}

TEST(XmlEscape, KeepsValidMultibyteTextAsIs) {
    std::string text = "شركة النور \u200fחברת 🦈 Ünïcødé";
    EXPECT_EQ(xml(text, XmlContext::Attribute), text);
}

TEST(JsonEscape, EscapesQuotesBackslashesAndControls) {
    EXPECT_EQ(json("say \"hi\" \\ now"), "\"say \\\"hi\\\" \\\\ now\"");
    EXPECT_EQ(json(std::string("\n\t\r\b\f\x01\0", 7)), "\"\\n\\t\\r\\b\\f\\u0001\\u0000\"");
}

TEST(JsonEscape, EscapesLineSeparatorsForJavaScript) {
    EXPECT_EQ(json("a\u2028b\u2029c"), "\"a\\u2028b\\u2029c\"");
}

TEST(JsonEscape, ReplacesInvalidUtf8) {
    EXPECT_EQ(json("bad\xFFtail"), "\"bad" + kReplacement + "tail\"");
    EXPECT_EQ(json("🦈"), "\"🦈\"");
}

TEST(CsvField, QuotesAndDoublesQuotes) {
    EXPECT_EQ(csv("plain"), "\"plain\"");
    EXPECT_EQ(csv("say \"hi\", then\nleave"), "\"say \"\"hi\"\", then\nleave\"");
    EXPECT_EQ(csv(""), "\"\"");
}

TEST(CsvField, NeutralisesFormulas) {
    EXPECT_EQ(csv("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    EXPECT_EQ(csv("+1"), "\"'+1\"");
    EXPECT_EQ(csv("-2"), "\"'-2\"");
    EXPECT_EQ(csv("@sum"), "\"'@sum\"");
    EXPECT_EQ(csv("\tx"), "\"'\tx\"");
    EXPECT_EQ(csv("a=b"), "\"a=b\"");
}

TEST(CsvField, ReplacesNulAndInvalidUtf8) {
    EXPECT_EQ(csv(std::string("a\0b\xFE", 4)), "\"a" + kReplacement + "b" + kReplacement + "\"");
}

TEST(ValidUtf8, ReplacesNulLoneSurrogatesAndStrayBytesAndKeepsTheRest) {
    using cg::exporters::withValidUtf8;
    EXPECT_EQ(withValidUtf8("plain =1+1, \"quoted\"\n"), "plain =1+1, \"quoted\"\n");
    EXPECT_EQ(withValidUtf8("Caf\xC3\xA9 \xE2\x80\xA8"), "Caf\xC3\xA9 \xE2\x80\xA8");
    EXPECT_EQ(withValidUtf8(std::string("a\0b", 3)), "a" + kReplacement + "b");
    // A lone low surrogate (U+DC00 as CESU bytes), an overlong '/', a Latin-1 byte.
    EXPECT_EQ(withValidUtf8("x\xED\xB0\x80y"),
              "x" + kReplacement + kReplacement + kReplacement + "y");
    EXPECT_EQ(withValidUtf8("\xC0\xAF"), kReplacement + kReplacement);
    EXPECT_EQ(withValidUtf8("M\xFCller"), "M" + kReplacement + "ller");
    std::string longText(3u << 20, 'x');
    EXPECT_EQ(withValidUtf8(longText), longText);
}
