// SPDX-License-Identifier: MIT
// The report's neighbourhood diagram end to end: one inline SVG holding the entity and its
// neighbours up to the cap, hostile names as text, --hops, stances drawn apart, the same
// bytes twice, and nothing of it in Markdown.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <utility>

#include "tests/cli/cli_runner.hpp"

namespace {

using cg::testing::CliOutcome;

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

// The report's diagram section, from its heading to the end of the section.
std::string diagramOf(const std::string& html) {
    auto begin = html.find("<section id=\"diagram\">");
    if (begin == std::string::npos) return "";
    return html.substr(begin, html.find("</section>", begin) - begin);
}

// An entity's title in the drawing: its full name and type.
std::string drawn(const std::string& name, const std::string& type) {
    return "<title>" + name + " (" + type + ")</title>";
}

class ReportDiagram : public cg::testing::CliTest {
  protected:
    ReportDiagram() {
        CliOutcome r = run({"ingest", CG_TEST_DATA "/report/dossier.claims.jsonl"});
        EXPECT_EQ(r.code, 0) << r;
    }

    std::string html(const std::string& entity, const std::string& hops = "1") {
        CliOutcome r = run({"report", entity, "--format", "html", "--hops", hops});
        EXPECT_EQ(r.code, 0) << r;
        return r.out;
    }
};

}  // namespace

TEST_F(ReportDiagram, HtmlHoldsOneSvgWithTheEntityAndEachNeighbour) {
    std::string page = html("mara");
    EXPECT_EQ(count(page, "<svg"), 1u);
    std::string svg = diagramOf(page);
    // Mara and her four neighbours at one hop: Halden (owns), Kestrel (director, disputed),
    // Corvid (owns, only denied) and Osk (associate); one circle each, and one in the legend
    // for each of the two types.
    EXPECT_EQ(count(svg, "<circle"), 5u + 2u) << svg;
    for (const auto& [name, type] : {std::pair{"Halden Holdings Ltd", "Company"},
                                     {"Kestrel Port Services", "Company"},
                                     {"Corvid Bank", "Company"},
                                     {"Piet Osk", "Person"}}) {
        EXPECT_NE(svg.find(drawn(name, type)), std::string::npos) << name << "\n" << svg;
    }
    EXPECT_NE(svg.find("The entity and 4 entities within 1 hop"), std::string::npos) << svg;
    EXPECT_EQ(svg.find("not drawn ("), std::string::npos) << svg;
}

TEST_F(ReportDiagram, AHostileNameStaysText) {
    std::string svg = diagramOf(html("mara"));
    EXPECT_NE(svg.find(drawn("Mara Velde &lt;script&gt;alert(1)&lt;/script&gt;", "Person")),
              std::string::npos)
        << svg;
    EXPECT_EQ(svg.find("<script"), std::string::npos);
}

TEST_F(ReportDiagram, ColoursEntitiesByTypeAndDrawsDisputesAndDenialsApart) {
    std::string svg = diagramOf(html("mara"));
    // The default schema's colours, as the HTML view and GraphML give them.
    EXPECT_NE(svg.find("fill=\"#e15759\""), std::string::npos) << svg;  // Person
    EXPECT_NE(svg.find("fill=\"#59a14f\""), std::string::npos) << svg;  // Company
    // The disputed directorship dashed, the denied stake in Corvid dotted: each once, and once
    // more in the legend.
    EXPECT_NE(svg.find("director of (disputed)</text>"), std::string::npos) << svg;
    EXPECT_NE(svg.find("owns (denied)</text>"), std::string::npos) << svg;
    EXPECT_EQ(count(svg, "stroke-dasharray=\"5 3\""), 2u) << svg;
    EXPECT_EQ(count(svg, "stroke-dasharray=\"1.5 3\""), 2u) << svg;
    EXPECT_NE(svg.find("owns 51%</text>"), std::string::npos) << svg;
}

TEST_F(ReportDiagram, TwoHopsReachATwoHopNeighbour) {
    std::string ostra = drawn("Ostra Shipping BV", "Company");
    EXPECT_EQ(diagramOf(html("mara", "1")).find(ostra), std::string::npos);
    std::string svg = diagramOf(html("mara", "2"));
    EXPECT_NE(svg.find(ostra), std::string::npos) << svg;
    EXPECT_NE(svg.find("owns 100%</text>"), std::string::npos) << svg;
    EXPECT_NE(svg.find("The entity and 5 entities within 2 hops"), std::string::npos) << svg;
}

TEST_F(ReportDiagram, HopsZeroLeavesTheDiagramOut) {
    std::string page = html("mara", "0");
    EXPECT_EQ(page.find("<svg"), std::string::npos);
    EXPECT_EQ(page.find("id=\"diagram\""), std::string::npos);
    EXPECT_NE(page.find("Velde holds 51 of the 100 shares in Halden"), std::string::npos);
    EXPECT_NE(run({"report", "mara", "--hops", "-1"}).code, 0);
}

TEST_F(ReportDiagram, GivesTheSameBytesTwice) {
    EXPECT_EQ(html("mara", "2"), html("mara", "2"));
    EXPECT_EQ(html("kestrel", "2"), html("kestrel", "2"));
}

TEST_F(ReportDiagram, MarkdownSaysWhereTheDiagramIsAndHoldsNoSvg) {
    CliOutcome r = run({"report", "mara", "--format", "md", "--hops", "2"});
    ASSERT_EQ(r.code, 0) << r;
    EXPECT_EQ(r.out.find("<svg"), std::string::npos);
    EXPECT_NE(r.out.find("## Neighbourhood\n\nThe entity and 5 entities within 2 hops"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("The drawing is in the HTML report"), std::string::npos) << r.out;
}

TEST_F(ReportDiagram, DrawsAtMostTwentyFourEntitiesTheBestEvidencedAndCountsTheRest) {
    // A holder of thirty companies: the first seven (by file order and name) on weak claims.
    std::string claims = R"({"source": {"id": "rd-register", "title": "Fictional register"}})"
                         "\n";
    for (int i = 1; i <= 30; ++i) {
        char line[256];
        std::snprintf(line, sizeof line,
                      R"({"id": "rd-%d", "source": "rd-register", "subject": {"type": "Person", )"
                      R"("id": "holder", "name": "Vera Holm"}, "relation": "owns", "object": )"
                      R"({"type": "Company", "id": "c%02d", "name": "Company %02d"}, )"
                      R"("confidence": %s})",
                      i, i, i, i <= 7 ? "0.3" : "0.9");
        claims += std::string(line) + "\n";
    }
    ASSERT_EQ(run({"ingest", dir_.write("holder.claims.jsonl", claims)}).code, 0);
    std::string svg = diagramOf(html("holder"));
    EXPECT_EQ(count(svg, "<circle"), 24u + 2u) << svg;  // and the legend's two types
    for (int i = 1; i <= 30; ++i) {
        char name[16];
        std::snprintf(name, sizeof name, "Company %02d", i);
        EXPECT_EQ(svg.find(drawn(name, "Company")) != std::string::npos, i > 7) << name;
    }
    EXPECT_NE(svg.find("The entity and 23 entities within 1 hop"), std::string::npos) << svg;
    EXPECT_NE(svg.find("7 more are not drawn (7 Company)"), std::string::npos) << svg;
}
