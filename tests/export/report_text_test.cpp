// SPDX-License-Identifier: MIT
#include "export/report_text.hpp"

#include <gtest/gtest.h>

using cg::exporters::htmlText;
using cg::exporters::linkableUrl;
using cg::exporters::markdownText;

TEST(ReportText, HtmlTextEscapesMarkupAndQuotes) {
    EXPECT_EQ(htmlText("<script>alert('x')</script> & \"y\""),
              "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
}

TEST(ReportText, HtmlTextReplacesControlsAndInvalidUtf8) {
    EXPECT_EQ(htmlText("a\x01"
                       "b\xff"
                       "c\td\n"),
              "a\xEF\xBF\xBD"
              "b\xEF\xBF\xBD"
              "c\td\n");
}

TEST(ReportText, MarkdownTextEscapesLinksTagsEmphasisAndTables) {
    EXPECT_EQ(markdownText("*Fixer* [x](javascript:alert(1)) <b>|~&#!_`\\"),
              "\\*Fixer\\* \\[x\\](javascript:alert(1)) \\<b\\>\\|\\~\\&\\#\\!\\_\\`\\\\");
}

TEST(ReportText, MarkdownTextKeepsEachTextOnOneLine) {
    EXPECT_EQ(markdownText("Tab\tand\nNew Line\r"), "Tab and New Line ");
}

TEST(ReportText, LinksOnlyHttpAndHttpsUrls) {
    EXPECT_EQ(linkableUrl("https://example.org/a?b=1&c=2"), "https://example.org/a?b=1&c=2");
    EXPECT_EQ(linkableUrl("HTTP://example.org/"), "HTTP://example.org/");
    EXPECT_FALSE(linkableUrl("javascript:alert(1)"));
    EXPECT_FALSE(linkableUrl(" https://example.org/"));
    EXPECT_FALSE(linkableUrl("JavaScript:https://example.org/"));
    EXPECT_FALSE(linkableUrl("data:text/html,<script>alert(1)</script>"));
    EXPECT_FALSE(linkableUrl("https://example.org/\"onmouseover=\"alert(1)"));
    EXPECT_FALSE(linkableUrl("https://"));
    EXPECT_FALSE(linkableUrl("example.org"));
}
