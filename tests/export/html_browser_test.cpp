// SPDX-License-Identifier: MIT
// The HTML view in a real browser: Debian's chromium, headless, WebGL through SwiftShader.
// Each Chromium start costs seconds, so there are few of these; they skip, saying so, where
// chromium is not installed (scripts/install-deps.sh installs it).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

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

namespace {

// Runs `driver` in `page` once the page is ready and returns what it left in data-test.
rapidjson::Document drive(const TempDir& dir, const std::filesystem::path& page,
                          const std::string& driver) {
    std::string script =
        "(function () {\n"
        "  const run = () => {\n"
        "    const out = {};\n" +
        driver +
        "\n    document.body.setAttribute(\"data-test\", JSON.stringify(out));\n"
        "  };\n"
        "  if (document.body.getAttribute(\"data-ready\") === \"true\") run();\n"
        "  else new MutationObserver((m, o) => {\n"
        "    if (document.body.getAttribute(\"data-ready\") !== \"true\") return;\n"
        "    o.disconnect();\n"
        "    run();\n"
        "  }).observe(document.body, { attributes: true });\n"
        "})();\n";
    auto driven = std::filesystem::path(dir.file("driven.html"));
    EXPECT_TRUE(withDriver(page, script, driven, dir));
    auto r = chromiumDom(driven, "");
    EXPECT_EQ(r.status, 0);
    auto d = driverResult(r.output);
    EXPECT_TRUE(d.IsObject()) << r.output.substr(0, 3000);
    return d;
}

// The page `claimgraph export --format html ARGS` writes from `files`.
std::filesystem::path exportPage(const TempDir& dir, const std::vector<std::string>& files,
                                 const std::string& args) {
    std::string db = shellQuote(dir.file("v.claimgraph"));
    std::string bin = shellQuote(CG_BINARY);
    std::string list;
    for (const auto& f : files) list += " " + shellQuote(f);
    auto ingest = runCommand(bin + " --db " + db + " ingest" + list);
    EXPECT_EQ(ingest.status, 0) << ingest.output;
    std::string page = dir.file("page.html");
    auto r = runCommand(bin + " --db " + db + " -q export --format html " + args + " --out " +
                        shellQuote(page));
    EXPECT_EQ(r.status, 0) << r.output;
    return page;
}

// The relation id of each edge by its first claim's id, from the page's data.
std::map<std::string, std::int64_t> relationsByClaim(const std::filesystem::path& page) {
    std::map<std::string, std::int64_t> ids;
    auto d = viewData(readFile(page.string()));
    for (const auto& e : d["edges"].GetArray())
        ids[e["claims"][0]["id"].GetString()] = e["id"].GetInt64();
    return ids;
}

std::string viewDates() { return std::string(CG_TEST_DATA) + "/export/view-dates.claims.jsonl"; }

}  // namespace

TEST_F(HtmlViewInChromium, KindsColourRelationsDisputedOnesAreDashedAndDeniedOnesRed) {
    auto page = exportPage(dir_, {viewHostile()}, "--include-denied");
    auto d = drive(dir_, page, R"(
    const v = window.claimgraphView;
    out.colours = {};
    const data = JSON.parse(document.getElementById("cg-data").textContent);
    data.edges.forEach((e, k) => {
      out.colours[e.claims[0].id] = v.graph().getEdgeAttribute("e" + k, "color");
    });
    out.dashed = document.querySelector("#cg-graph canvas.cg-dashes").getAttribute("data-dashed");
    out.legend = document.getElementById("cg-legend").textContent;
    // Clicking the denied relation opens its claims.
    const k = data.edges.findIndex((e) => e.claims[0].id === "vh-06");
    v.renderer().emit("clickEdge", { edge: "e" + k });
    out.panel = document.getElementById("cg-panel").textContent;
    out.hash = location.hash;)");
    ASSERT_TRUE(d.IsObject());
    const auto& colours = d["colours"];
    EXPECT_STREQ(colours["vh-04"].GetString(), "#3f7f4f") << "ownership";
    EXPECT_STREQ(colours["vh-02"].GetString(), "#7b5ea7") << "control";
    EXPECT_STREQ(colours["vh-05"].GetString(), "#4f7fae") << "role";
    EXPECT_STREQ(colours["vh-06"].GetString(), "#d62728") << "denied only: red";
    EXPECT_STREQ(colours["vh-01"].GetString(), "#d4508740") << "disputed: faint, dashed above";
    EXPECT_STREQ(d["dashed"].GetString(), "1");
    std::string legend = d["legend"].GetString();
    EXPECT_NE(legend.find("disputed (dashed)"), std::string::npos) << legend;
    EXPECT_NE(legend.find("denied only"), std::string::npos) << legend;
    EXPECT_NE(legend.find("ownership (2)"), std::string::npos) << legend;
    std::string panel = d["panel"].GetString();
    EXPECT_NE(panel.find("Lone says he never met Brandt"), std::string::npos) << panel;
    EXPECT_NE(panel.find("denied only: no claim asserts it"), std::string::npos) << panel;
    EXPECT_EQ(std::string(d["hash"].GetString()),
              "#relation=" + std::to_string(relationsByClaim(page)["vh-06"]));

    // The dashes and the red line are on the screen, not only in the data.
    std::string png = dir_.file("kinds.png");
    auto shot = chromiumScreenshot(page, png, 1000, 700);
    ASSERT_EQ(shot.status, 0) << shot.output;
    for (const char* colour : {"d45087", "d62728"}) {
        auto count = runCommand("python3 " +
                                shellQuote(std::string(CG_EXPORT_TESTS_DIR) + "/png_pixels.py") +
                                " " + shellQuote(png) + " " + colour + " 24");
        std::istringstream in(count.output);
        long matching = 0, total = 0;
        in >> matching >> total;
        EXPECT_GT(matching, 20) << colour << ": " << count.output;
    }
}

TEST_F(HtmlViewInChromium, FiltersHideTypesKindsWeakRelationsAndSources) {
    auto page = exportPage(dir_, {viewHostile()}, "");
    auto ids = relationsByClaim(page);
    auto d = drive(dir_, page, R"(
    const v = window.claimgraphView;
    const shown = () => v.shownRelations().join(" ");
    const entry = (text) =>
      Array.from(document.querySelectorAll("#cg-legend label"))
        .find((l) => l.textContent.startsWith(text)).querySelector("input");
    out.all = shown();
    entry("Person").click();
    out.noPerson = shown();
    out.noPersonCounts = document.getElementById("cg-counts").textContent;
    entry("Person").click();
    entry("ownership").click();
    out.noOwnership = shown();
    entry("ownership").click();
    const c = document.getElementById("cg-min-confidence");
    c.value = "0.75";
    c.dispatchEvent(new Event("input"));
    out.confident = shown();
    c.value = "0";
    c.dispatchEvent(new Event("input"));
    entry("Registry of Imaginary Companies").click();
    out.newsOnly = shown();)");
    ASSERT_TRUE(d.IsObject());
    auto list = [&](std::initializer_list<const char*> claims) {
        std::vector<std::int64_t> r;
        for (auto c : claims) r.push_back(ids[c]);
        std::sort(r.begin(), r.end());
        std::string text;
        for (auto id : r) text += (text.empty() ? "" : " ") + std::to_string(id);
        return text;
    };
    EXPECT_EQ(d["all"].GetString(), list({"vh-01", "vh-02", "vh-04", "vh-05"}));
    // Both people hidden: only the parent company's holding stays.
    EXPECT_EQ(d["noPerson"].GetString(), list({"vh-04"}));
    EXPECT_STREQ(d["noPersonCounts"].GetString(), "3 of 5 entities · 1 of 4 relations");
    EXPECT_EQ(d["noOwnership"].GetString(), list({"vh-02", "vh-05"}));
    EXPECT_EQ(d["confident"].GetString(), list({"vh-04", "vh-05"}));
    // The news only denies vh-01's ownership (vh-03): that does not make it a source of it.
    EXPECT_EQ(d["newsOnly"].GetString(), list({"vh-02"}));
}

TEST_F(HtmlViewInChromium, EntitiesAreSizedByTheChosenCentralityTheHighestScoreLargest) {
    auto page = exportPage(dir_, {viewHostile()}, "--size-by pagerank");
    auto data = viewData(readFile(page.string()));
    ASSERT_TRUE(data.IsObject());
    std::string top, bottom;
    double high = -1, low = 2;
    for (const auto& n : data["nodes"].GetArray()) {
        double score = n["size_score"].GetDouble();
        if (score > high) high = score, top = n["id"].GetString();
        if (score < low) low = score, bottom = n["id"].GetString();
    }
    ASSERT_LT(low, high);
    auto d = drive(dir_, page, R"(
    const g = window.claimgraphView.graph();
    out.sizes = {};
    g.forEachNode((key, a) => { out.sizes[key] = a.size; });
    out.legend = document.getElementById("cg-legend").textContent;)");
    ASSERT_TRUE(d.IsObject());
    std::map<std::string, double> size;
    std::size_t i = 0;
    for (const auto& n : data["nodes"].GetArray())
        size[n["id"].GetString()] = d["sizes"][std::to_string(i++).c_str()].GetDouble();
    EXPECT_DOUBLE_EQ(size[top], 18.0);
    EXPECT_LT(size[bottom], size[top]);
    EXPECT_GT(size[bottom], 3.0);
    EXPECT_NE(std::string(d["legend"].GetString()).find("size: pagerank (whole graph)"),
              std::string::npos);
}

TEST_F(HtmlViewInChromium, TheMonthSliderKeepsRelationsValidThatMonthPartialDatesAsPeriods) {
    auto page = exportPage(dir_, {viewDates()}, "");
    auto ids = relationsByClaim(page);
    auto d = drive(dir_, page, R"(
    const v = window.claimgraphView;
    const shown = () => v.shownRelations().join(" ");
    const on = document.getElementById("cg-time-on");
    const slider = document.getElementById("cg-time");
    const at = (year, month) => {
      slider.value = String(year * 12 + month - 1);
      slider.dispatchEvent(new Event("input"));
      return shown();
    };
    out.range = [slider.min, slider.max];
    on.click();
    out.y2011 = at(2011, 5);
    out.y2013 = at(2013, 1);
    out.may2015 = at(2015, 5);
    out.june2015 = at(2015, 6);
    out.label = document.querySelector(".cg-time").textContent;
    on.click();
    out.any = shown();)");
    ASSERT_TRUE(d.IsObject());
    auto one = [&](const char* c) { return std::to_string(ids[c]); };
    auto two = [&](const char* a, const char* b) {
        auto x = ids[a], y = ids[b];
        return std::to_string(std::min(x, y)) + " " + std::to_string(std::max(x, y));
    };
    EXPECT_EQ(d["y2011"].GetString(), two("vd-01", "vd-03")) << "undated: valid at any time";
    EXPECT_EQ(d["y2013"].GetString(), one("vd-03"));
    EXPECT_EQ(d["may2015"].GetString(), one("vd-03"));
    // "2015-06" is the whole month: the control holds in June 2015.
    EXPECT_EQ(d["june2015"].GetString(), two("vd-02", "vd-03"));
    EXPECT_NE(std::string(d["label"].GetString()).find("2015-06"), std::string::npos);
    // Unticked, the slider limits nothing.
    EXPECT_EQ(d["any"].GetString(), one("vd-01") + " " + one("vd-02") + " " + one("vd-03"));
}

TEST_F(HtmlViewInChromium, AQueryViewShowsItsResultAndDrawsARouteInBlue) {
    std::string db = samplesWithSavedQuery(dir_, "pm-circle-to-facilities");
    ASSERT_FALSE(db.empty());
    std::string bin = shellQuote(CG_BINARY);
    std::string page = dir_.file("routes.html");
    auto r = runCommand(bin + " --db " + db +
                        " -q export --query pm-circle-to-facilities --format html --out " +
                        shellQuote(page));
    ASSERT_EQ(r.status, 0) << r.output;
    auto d = drive(dir_, page, R"(
    const v = window.claimgraphView;
    const data = JSON.parse(document.getElementById("cg-data").textContent);
    out.heading = document.querySelector("#cg-panel h2").textContent;
    out.header = Array.from(document.querySelectorAll("#cg-panel th")).map((t) => t.textContent);
    let cell = null;
    for (const row of data.figures.rows) for (const c of row) if (!cell && c.route.length > 0) cell = c;
    out.routeLength = cell.route.length;
    const b = Array.from(document.querySelectorAll("#cg-panel td button"))
      .find((x) => x.textContent === cell.text);
    b.click();
    out.colours = cell.route.map((k) => v.graph().getEdgeAttribute("e" + k, "color"));
    out.steps = document.querySelectorAll("#cg-panel ol li").length;
    out.resultButton = document.getElementById("cg-show-result") !== null;)");
    ASSERT_TRUE(d.IsObject());
    EXPECT_STREQ(d["heading"].GetString(), "Result of pm-circle-to-facilities");
    ASSERT_GT(d["header"].Size(), 0u);
    ASSERT_GT(d["routeLength"].GetInt(), 0);
    EXPECT_EQ(d["steps"].GetInt(), d["routeLength"].GetInt());
    for (const auto& c : d["colours"].GetArray()) EXPECT_STREQ(c.GetString(), "#1f3f99");
    EXPECT_TRUE(d["resultButton"].GetBool());
}
