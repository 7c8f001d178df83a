// SPDX-License-Identifier: MIT
// The HTML view in a real browser: Debian's chromium, headless, WebGL through SwiftShader.
// Each Chromium start costs seconds, so there are few of these; they skip, saying so, where
// chromium is not installed (scripts/install-deps.sh installs it).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/export/html_page.hpp"

using namespace cg::exporters::testing;

namespace {

class HtmlViewInChromium : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!haveChromium())
            GTEST_SKIP() << kChromium << " is not installed: run scripts/install-deps.sh";
    }

    // Writes the view of `files` to view.html in a folder of its own and returns its path.
    std::filesystem::path writeView(const std::vector<std::string>& files) {
        Investigation investigation(files);
        auto view = investigation.view();
        std::string path = dir_.file("view.html");
        std::ofstream(path, std::ios::binary) << investigation.exportAs("html", view);
        relationIds_.clear();
        auto d = viewData(readFile(path));
        for (const auto& e : d["edges"].GetArray()) {
            std::string claims;
            for (const auto& c : e["claims"].GetArray())
                claims += std::string(c["id"].GetString()) + " ";
            relationIds_.emplace_back(claims, e["id"].GetInt64());
        }
        return path;
    }

    // The relation whose claims begin with `claim`.
    std::int64_t relationOf(const std::string& claim) const {
        for (const auto& [claims, id] : relationIds_)
            if (claims.rfind(claim + " ", 0) == 0) return id;
        ADD_FAILURE() << "no relation with claim " << claim;
        return 0;
    }

    // The text of the element with id `id` in a dumped DOM (its outer HTML up to the next
    // element of the same tag closing; enough for the panel, which holds no nested aside).
    static std::string element(const std::string& dom, const std::string& tag,
                               const std::string& id) {
        auto begin = dom.find("<" + tag + " id=\"" + id + "\"");
        if (begin == std::string::npos) return {};
        auto end = dom.find("</" + tag + ">", begin);
        return dom.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
    }

    TempDir dir_;
    std::vector<std::pair<std::string, std::int64_t>> relationIds_;
};

std::string viewHostile() {
    return std::string(CG_TEST_DATA) + "/export/view-hostile.claims.jsonl";
}

}  // namespace

TEST_F(HtmlViewInChromium, AnEntityLinkOpensItsPanelAndHostileNamesRunNoScript) {
    auto page = writeView({viewHostile()});
    auto r = chromiumDom(page, "#entity=vh-owner");
    ASSERT_EQ(r.status, 0) << r.output.substr(0, 2000);
    EXPECT_NE(r.output.find("data-ready=\"true\""), std::string::npos) << r.output.substr(0, 2000);
    // Nothing in the data changed the title or became an element.
    EXPECT_NE(r.output.find("<title>claimgraph view</title>"), std::string::npos);
    EXPECT_EQ(r.output.find("<img"), std::string::npos);
    EXPECT_EQ(r.output.find("<b>"), std::string::npos);
    std::string panel = element(r.output, "aside", "cg-panel");
    EXPECT_NE(panel.find("&lt;img src=x onerror=\"document.title='pwned-name'\"&gt; Oskar \"Ox\" "
                         "Brandt &amp; Sons"),
              std::string::npos)
        << panel;
    EXPECT_NE(panel.find("&lt;/script&gt;&lt;script&gt;document.title='pwned-company'&lt;/"
                         "script&gt; Shell Ltd"),
              std::string::npos)
        << panel;
    EXPECT_NE(panel.find("owns"), std::string::npos);
    EXPECT_NE(panel.find("controls"), std::string::npos);
    EXPECT_NE(panel.find("40%–55%"), std::string::npos);
}

TEST_F(HtmlViewInChromium, ARelationLinkShowsItsClaimsAndLinksOnlyWebAddresses) {
    auto page = writeView({viewHostile()});
    auto id = relationOf("vh-01");
    auto r = chromiumDom(page, "#relation=" + std::to_string(id));
    ASSERT_EQ(r.status, 0) << r.output.substr(0, 2000);
    EXPECT_NE(r.output.find("data-ready=\"true\""), std::string::npos);
    std::string panel = element(r.output, "aside", "cg-panel");
    EXPECT_NE(panel.find("Shareholder: BRANDT &lt;script&gt;document.title='pwned-quote'&lt;/"
                         "script&gt;"),
              std::string::npos)
        << panel;
    EXPECT_NE(panel.find("Brandt denies owning &lt;b&gt;any&lt;/b&gt; shares"), std::string::npos);
    EXPECT_NE(panel.find(">vh-01<"), std::string::npos);
    EXPECT_NE(panel.find(">vh-03<"), std::string::npos);
    EXPECT_NE(panel.find(">denies<"), std::string::npos);
    EXPECT_NE(panel.find("2023-11-20"), std::string::npos);
    // The registry's https address is a link; the paper's javascript: address is only text.
    EXPECT_NE(panel.find("href=\"https://example.org/fictional/registry?a=1&amp;b=%3C2%3E\""),
              std::string::npos)
        << panel;
    EXPECT_NE(panel.find("&lt;img src=x onerror=\"document.title='pwned-title'\"&gt; Gazette"),
              std::string::npos);
    EXPECT_EQ(r.output.find("href=\"javascript"), std::string::npos);
    EXPECT_NE(r.output.find("<title>claimgraph view</title>"), std::string::npos);
}

TEST_F(HtmlViewInChromium, WithoutWebGlSaysSoAndTheLinksStillOpenThePanels) {
    auto page = writeView({viewHostile()});
    auto r = chromiumDom(page, "#entity=vh-parent", "--disable-webgl");
    ASSERT_EQ(r.status, 0) << r.output.substr(0, 2000);
    EXPECT_NE(r.output.find("data-ready=\"true\""), std::string::npos);
    EXPECT_NE(r.output.find("WebGL is not available in this browser"), std::string::npos);
    EXPECT_EQ(r.output.find("<canvas"), std::string::npos);
    EXPECT_NE(element(r.output, "aside", "cg-panel").find("Parent &lt;!-- comment --&gt; Holdings"),
              std::string::npos);
}

TEST_F(HtmlViewInChromium, DrawsTheGraphSoTheScreenshotIsNotBlank) {
    auto page = writeView(sampleFiles());
    std::string png = dir_.file("view.png");
    auto r = chromiumScreenshot(page, png, 1000, 700);
    ASSERT_EQ(r.status, 0) << r.output;
    ASSERT_TRUE(std::filesystem::exists(png)) << r.output;
    // Person nodes are drawn in the schema's Person colour (#e15759); the legend's swatch
    // alone is under a hundred pixels.
    auto count =
        runCommand("python3 " + shellQuote(std::string(CG_EXPORT_TESTS_DIR) + "/png_pixels.py") +
                   " " + shellQuote(png) + " e15759");
    ASSERT_EQ(count.status, 0) << count.output;
    std::istringstream in(count.output);
    long matching = 0, total = 0;
    in >> matching >> total;
    EXPECT_EQ(total, 1000L * 700L);
    EXPECT_GT(matching, 400) << count.output;
}

TEST_F(HtmlViewInChromium, ATwentyThousandEntityViewBecomesReady) {
    // 20,000 entities in 400 ownership trees of 50, one claim each.
    std::string claims = dir_.file("big.claims.jsonl");
    {
        std::ofstream out(claims);
        out << "{\"source\": {\"id\": \"big\", \"title\": \"Generated (fictional)\"}}\n";
        for (int i = 0; i < 20000; ++i) {
            if (i % 50 == 0) continue;
            int parent = i - 1 - (i % 7 == 0 ? (i % 50) / 2 : 0);
            if (parent < i - (i % 50)) parent = i - (i % 50);
            out << "{\"id\": \"c" << i
                << "\", \"source\": \"big\", \"subject\": {\"type\": "
                   "\"Company\", \"id\": \"co"
                << parent << "\", \"name\": \"Company " << parent
                << "\"}, \"relation\": \"owns\", \"object\": {\"type\": \"Company\", \"id\": \"co"
                << i << "\", \"name\": \"Company " << i << "\"}, \"quote\": \"holds shares\"}\n";
        }
    }
    auto page = writeView({claims});
    auto r = chromiumDom(page, "#entity=co19999");
    ASSERT_EQ(r.status, 0);
    EXPECT_NE(r.output.find("data-ready=\"true\""), std::string::npos) << r.output.substr(0, 2000);
    EXPECT_NE(r.output.find("20000 entities · 19600 relations"), std::string::npos);
    EXPECT_NE(element(r.output, "aside", "cg-panel").find("Company 19999"), std::string::npos);
}
