// SPDX-License-Identifier: MIT
// `claimgraph report` end to end on a fictional dossier: every quote, source and denial in
// both formats, the ownership arithmetic, footnotes that resolve, the same bytes twice,
// hostile text kept as text, and the HTML page printed to PDF by headless Chromium.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "export/report_text.hpp"
#include "tests/cli/cli_runner.hpp"

using cg::testing::readFile;

namespace {

using cg::testing::CliOutcome;
using cg::testing::shellWord;

int shell(const std::string& cmd) {
    int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

// Every quote of the fixture (tests/data/report/dossier.claims.jsonl) that Mara Velde's report
// gives: the claims about her, and those behind the links of her ownership chains.
const std::vector<std::string> kQuotes = {
    "Velde holds 51 of the 100 shares in Halden",
    "Halden Holdings Ltd, sole shareholder",
    "Ostra holds between a quarter and a half of Kestrel",
    "Director since April 2021: M. Velde",
    "Velde denies ever sitting on Kestrel's board <img src=x onerror=alert(3)>",
    "Velde says she never held shares in Corvid Bank",
    "Osk, described by colleagues as Velde's \"fixer\"",
    "Nationality: Dutch",
    "She is not Belgian, whatever the old filings say",
};

class ReportCli : public cg::testing::CliTest {
  protected:
    ReportCli() {
        CliOutcome r = run({"ingest", CG_TEST_DATA "/report/dossier.claims.jsonl"});
        EXPECT_EQ(r.code, 0) << r;
    }

    std::string report(const std::string& entity, const std::string& format) {
        CliOutcome r = run({"report", entity, "--format", format});
        EXPECT_EQ(r.code, 0) << r;
        return r.out;
    }
};

}  // namespace

TEST_F(ReportCli, MarkdownCarriesEveryQuoteSourceAndDenial) {
    std::string md = report("mara", "md");
    for (const auto& q : kQuotes) {
        EXPECT_NE(md.find(cg::exporters::markdownText(q)), std::string::npos) << q << "\n" << md;
    }
    // Both sources in the list, the article's javascript: address as text only.
    EXPECT_NE(md.find("Fictional companies register"), std::string::npos) << md;
    EXPECT_NE(md.find("<https://registry.example/companies?id=4471&view=full>"), std::string::npos)
        << md;
    EXPECT_NE(md.find("The \\<b\\>fixer\\</b\\> \\& her \"friends\""), std::string::npos) << md;
    EXPECT_NE(md.find("javascript:alert('source') (not a web address: not linked)"),
              std::string::npos)
        << md;
    // The three denying claims are there as denials, next to what they deny.
    EXPECT_EQ(count(md, "- **denies** · claim rp-"), 3u) << md;
    EXPECT_NE(md.find("Mara Velde \\<script\\>alert(1)\\</script\\> (Person) director of Kestrel "
                      "Port Services (Company) (disputed)"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("owns Corvid Bank (Company) (denied)"), std::string::npos) << md;
    EXPECT_NE(md.find("- **nationality** = BE (**denied**)"), std::string::npos) << md;
    // Where in the source each claim is.
    EXPECT_NE(md.find("at register entry 4471, p. 2"), std::string::npos) << md;
    EXPECT_NE(md.find("at paragraph 7"), std::string::npos) << md;
}

TEST_F(ReportCli, HtmlCarriesEveryQuoteSourceAndDenialAsEscapedText) {
    std::string html = report("mara", "html");
    for (const auto& q : kQuotes) {
        EXPECT_NE(html.find(cg::exporters::htmlText(q)), std::string::npos) << q;
    }
    EXPECT_NE(
        html.find(
            "<a class=\"url\" href=\"https://registry.example/companies?id=4471&amp;view=full\""),
        std::string::npos);
    EXPECT_EQ(count(html, "<tr class=\"denial\"><td class=\"stance-cell\">denies</td>"), 3u);
    EXPECT_NE(html.find("<span class=\"stance\">disputed</span>"), std::string::npos);
    EXPECT_NE(html.find("<span class=\"stance\">denied</span>"), std::string::npos);
    // Nothing from the data becomes markup or a link that runs something.
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_EQ(html.find("href=\"javascript"), std::string::npos);
    EXPECT_EQ(count(html, "href=\"http"), 1u);
    EXPECT_NE(html.find("Mara Velde &lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src 'none'"),
              std::string::npos);
}

TEST_F(ReportCli, QuotesTheClaimsBehindEveryLinkOfAChain) {
    // Halden's own report: Osk's stake is a relation of Halden's (not of Mara's).
    std::string halden = report("Halden Holdings Ltd", "md");
    EXPECT_NE(halden.find("*“Osk holds 49 shares”*[^1]"), std::string::npos) << halden;
    EXPECT_NE(halden.find("- nl-kvk: 55501234 (declared)"), std::string::npos) << halden;
    std::string md = report("mara", "md");
    EXPECT_EQ(md.find("Osk holds 49 shares"), std::string::npos) << md;
    // A link's claims stand under the chain: Ostra's stake in Kestrel is no relation of Mara's.
    std::string chain = "51% × 100% × 25–50% = 12.75–25.5%[^1]\n";
    auto at = md.find(chain);
    ASSERT_NE(at, std::string::npos) << md;
    EXPECT_NE(
        md.find("    - asserts · claim rp-3 · confidence 1.00 · rp-registry, 2024-03-01 · at "
                "register entry 6230 · {\"share\\_min\":25,\"share\\_max\":50}: *“Ostra holds "
                "between a quarter and a half of Kestrel”*[^1]",
                at),
        std::string::npos)
        << md;
}

TEST_F(ReportCli, WritesTheArithmeticOfEachOwnershipChain) {
    std::string md = report("mara", "md");
    EXPECT_NE(md.find("51% × 100% × 25–50% = 12.75–25.5%"), std::string::npos) << md;
    std::string kestrel = report("kestrel", "md");
    // Kestrel's owners: Mara's chain and Osk's, each written out; Ostra is the direct owner.
    EXPECT_NE(kestrel.find("51% × 100% × 25–50% = 12.75–25.5%"), std::string::npos) << kestrel;
    EXPECT_NE(kestrel.find("49% × 100% × 25–50% = 12.25–24.5%"), std::string::npos) << kestrel;
    EXPECT_NE(kestrel.find("**Ostra Shipping BV (Company)**: 25–50%"), std::string::npos)
        << kestrel;
}

TEST_F(ReportCli, MarkdownFootnotesResolve) {
    std::string md = report("mara", "md");
    std::set<std::string> referenced, defined;
    std::regex reference(R"(\[\^(\d+)\](?!:))"), definition(R"((^|\n)\[\^(\d+)\]: )");
    for (std::sregex_iterator i(md.begin(), md.end(), reference), end; i != end; ++i)
        referenced.insert((*i)[1]);
    for (std::sregex_iterator i(md.begin(), md.end(), definition), end; i != end; ++i)
        defined.insert((*i)[2]);
    EXPECT_EQ(referenced, defined) << md;
    EXPECT_EQ(defined, (std::set<std::string>{"1", "2"})) << md;
    // Numbered in the order the report first cites them: the registry gives the name.
    EXPECT_NE(md.find("[^1]: Fictional companies register"), std::string::npos) << md;
}

TEST_F(ReportCli, GivesTheSameBytesTwice) {
    EXPECT_EQ(report("mara", "html"), report("mara", "html"));
    EXPECT_EQ(report("mara", "md"), report("mara", "md"));
}

TEST_F(ReportCli, WritesTheFileItsNameCalls) {
    std::string path = dir_.file("mara.html");
    CliOutcome r = run({"report", "mara", "--out", path});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(readFile(path), report("mara", "html"));
    EXPECT_EQ(report("mara", "md"), run({"report", "mara"}).out);
    EXPECT_NE(run({"report", "nobody-at-all"}).code, 0);
    EXPECT_NE(run({"report", "mara", "--format", "pdf"}).code, 0);
}

TEST_F(ReportCli, PrintsToPdfPagesInHeadlessChromiumAndRunsNoScript) {
    if (shell("command -v chromium >/dev/null 2>&1") != 0) {
        GTEST_SKIP() << "chromium is not installed (scripts/install-deps.sh installs it)";
    }
    std::string html = dir_.file("mara.html"), pdf = dir_.file("mara.pdf"),
                dom = dir_.file("dom.html"), profile = dir_.file("profile");
    ASSERT_EQ(run({"report", "mara", "--out", html}).code, 0);
    std::string chromium =
        "timeout 120 chromium --headless --no-sandbox --disable-gpu "
        "--no-first-run --user-data-dir=" +
        shellWord(profile) + " ";
    ASSERT_EQ(shell(chromium + "--no-pdf-header-footer --print-to-pdf=" + shellWord(pdf) + " " +
                    shellWord("file://" + html) + " >/dev/null 2>&1"),
              0);
    std::string bytes = readFile(pdf);
    ASSERT_EQ(bytes.rfind("%PDF-", 0), 0u);
    std::size_t pages = count(bytes, "/Type /Page") - count(bytes, "/Type /Pages");
    EXPECT_GE(pages, 2u) << "the dossier fills more than one A4 page";
    ASSERT_EQ(shell(chromium + "--dump-dom " + shellWord("file://" + html) + " >" + shellWord(dom) +
                    " 2>/dev/null"),
              0);
    std::string tree = readFile(dom);
    EXPECT_NE(tree.find("Mara Velde &lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_EQ(tree.find("<script"), std::string::npos);
    EXPECT_EQ(tree.find("<img"), std::string::npos);
}
