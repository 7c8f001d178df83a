// SPDX-License-Identifier: MIT
// The HTML view's page as written: one file, nothing from the network, data that cannot
// close its element, the evidence of every entity and relation.
#include "export/html_writer.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "export/html_data.hpp"
#include "graph/error.hpp"
#include "tests/export/html_page.hpp"

using namespace cg::exporters::testing;

namespace {

std::string viewHostile() {
    return std::string(CG_TEST_DATA) + "/export/view-hostile.claims.jsonl";
}

std::string page(Investigation& investigation, const cg::graph::Subgraph* subgraph = nullptr) {
    auto view = investigation.view();
    return investigation.exportAs("html", view, subgraph);
}

const rapidjson::Value* nodeWithId(const rapidjson::Document& d, const std::string& id) {
    for (const auto& n : d["nodes"].GetArray()) {
        if (id == n["id"].GetString()) return &n;
    }
    return nullptr;
}

// The SHA-256 of `text` in base64, as a CSP names it, computed by python3's hashlib.
std::string cspHash(const TempDir& dir, const std::string& text) {
    std::string file = dir.file("script.txt");
    std::ofstream(file, std::ios::binary) << text;
    auto r = runCommand(
        "python3 -c 'import base64,hashlib,sys; print(base64.b64encode("
        "hashlib.sha256(open(sys.argv[1],\"rb\").read()).digest()).decode(), end=\"\")' " +
        shellQuote(file));
    EXPECT_EQ(r.status, 0) << r.output;
    return "'sha256-" + r.output + "'";
}

}  // namespace

TEST(HtmlView, WritesOnePageThatLoadsNothingFromTheNetwork) {
    Investigation investigation(sampleFiles());
    std::string html = page(investigation);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                        "&#39;none&#39;; script-src &#39;sha256-"),
              std::string::npos);
    EXPECT_EQ(html.find("<script src"), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_EQ(html.find("<iframe"), std::string::npos);
    EXPECT_EQ(html.find("@import"), std::string::npos);
    // The libraries and their licences are in the page.
    EXPECT_NE(html.find("Sigma=ue()"), std::string::npos);
    EXPECT_NE(html.find(").graphology=e()"), std::string::npos);
    EXPECT_NE(html.find("Alexis Jacomy"), std::string::npos);
    EXPECT_NE(html.find("Guillaume Plique"), std::string::npos);
}

TEST(HtmlView, PolicyAllowsExactlyTheEmbeddedScriptsAndStyleByTheirHashes) {
    Investigation investigation(sampleFiles());
    std::string html = page(investigation);
    auto policy = cg::exporters::viewContentSecurityPolicy();
    auto scripts = inlineScripts(html);
    ASSERT_EQ(scripts.size(), 3u);
    std::string scriptSrc = "script-src";
    for (const auto& s : scripts) scriptSrc += " " + cspHash(investigation.dir(), s);
    EXPECT_NE(policy.find(scriptSrc + ";"), std::string::npos) << policy;
    auto styleBegin = html.find("<style>") + 7;
    std::string style = html.substr(styleBegin, html.find("</style>") - styleBegin);
    EXPECT_NE(policy.find("style-src " + cspHash(investigation.dir(), style) + ";"),
              std::string::npos)
        << policy;
    EXPECT_EQ(policy.rfind("default-src 'none'; ", 0), 0u);
    EXPECT_EQ(policy.find("unsafe"), std::string::npos);
}

TEST(HtmlView, EmbeddedDataCannotCloseOrOpenAnElement) {
    Investigation investigation({viewHostile(), hostileFile()});
    std::string html = page(investigation);
    std::string data = dataText(html);
    ASSERT_FALSE(data.empty());
    EXPECT_EQ(data.find('<'), std::string::npos);
    EXPECT_EQ(data.find('>'), std::string::npos);
    EXPECT_EQ(data.find('&'), std::string::npos);
    EXPECT_EQ(data.find("\xE2\x80\xA8"), std::string::npos);  // U+2028
    EXPECT_EQ(data.find("\xE2\x80\xA9"), std::string::npos);  // U+2029
    // The data element and the three scripts are the only elements a script end closes.
    EXPECT_EQ(occurrences(html, "</script"), 4u);
    EXPECT_EQ(cg::exporters::htmlSafeJson("{\"a\":\"</script><!--&\"}"),
              "{\"a\":\"\\u003c/script\\u003e\\u003c!--\\u0026\"}");
}

TEST(HtmlView, DataKeepsHostileTextExactly) {
    Investigation investigation({viewHostile()});
    auto d = viewData(page(investigation));
    ASSERT_TRUE(d.IsObject());
    const auto* owner = nodeWithId(d, "vh-owner");
    ASSERT_NE(owner, nullptr);
    EXPECT_STREQ((*owner)["name"].GetString(),
                 "<img src=x onerror=\"document.title='pwned-name'\"> Oskar \"Ox\" Brandt & Sons");
    const auto* shell = nodeWithId(d, "vh-shell");
    ASSERT_NE(shell, nullptr);
    EXPECT_STREQ((*shell)["name"].GetString(),
                 "</script><script>document.title='pwned-company'</script> Shell Ltd");
    ASSERT_EQ((*shell)["identifiers"].Size(), 1u);
    EXPECT_STREQ((*shell)["identifiers"][0][1].GetString(), "NV-<b>777</b>");
    bool quoteFound = false;
    for (const auto& e : d["edges"].GetArray()) {
        for (const auto& c : e["claims"].GetArray()) {
            if (std::string(c["id"].GetString()) == "vh-01") {
                quoteFound = true;
                EXPECT_STREQ(c["quote"].GetString(),
                             "Shareholder: BRANDT <script>document.title='pwned-quote'</script> "
                             "\xE2\x80\xA8 holds 40-55% & more");
            }
        }
    }
    EXPECT_TRUE(quoteFound);
}

TEST(HtmlView, RelationsCarryTheirClaimsWithQuotesSourcesAndStances) {
    Investigation investigation({viewHostile()});
    auto d = viewData(page(investigation));
    ASSERT_TRUE(d.IsObject());
    const auto& sources = d["sources"];
    const rapidjson::Value* owns = nullptr;
    for (const auto& e : d["edges"].GetArray()) {
        const auto& type = d["relation_types"][e["type"].GetUint()];
        const auto& from = d["nodes"][e["source"].GetUint()];
        if (std::string(type["name"].GetString()) == "owns" &&
            std::string(from["id"].GetString()) == "vh-owner")
            owns = &e;
    }
    ASSERT_NE(owns, nullptr);
    EXPECT_TRUE((*owns)["disputed"].GetBool());
    EXPECT_FLOAT_EQ((*owns)["share"][0].GetFloat(), 40.0f);
    EXPECT_FLOAT_EQ((*owns)["share"][1].GetFloat(), 55.0f);
    EXPECT_STREQ((*owns)["valid_from"].GetString(), "2019-04-01");
    const auto& claims = (*owns)["claims"];
    ASSERT_EQ(claims.Size(), 2u);
    EXPECT_STREQ(claims[0]["id"].GetString(), "vh-01");
    EXPECT_STREQ(claims[0]["stance"].GetString(), "asserts");
    EXPECT_DOUBLE_EQ(claims[0]["confidence"].GetDouble(), 0.9);
    EXPECT_STREQ(claims[0]["valid_from"].GetString(), "2019-04-01");
    const auto& registry = sources[claims[0]["source"].GetUint()];
    EXPECT_STREQ(registry["id"].GetString(), "vh-registry");
    EXPECT_STREQ(registry["url"].GetString(), "https://example.org/fictional/registry?a=1&b=<2>");
    EXPECT_STREQ(registry["published"].GetString(), "2023-11-20");
    EXPECT_STREQ(claims[1]["id"].GetString(), "vh-03");
    EXPECT_STREQ(claims[1]["stance"].GetString(), "denies");
    EXPECT_STREQ(claims[1]["quote"].GetString(), "Brandt denies owning <b>any</b> shares");
    EXPECT_STREQ(sources[claims[1]["source"].GetUint()]["id"].GetString(), "vh-news");
    // A director's role travels in the claim's attributes.
    bool roleFound = false;
    for (const auto& e : d["edges"].GetArray()) {
        for (const auto& c : e["claims"].GetArray()) {
            if (std::string(c["id"].GetString()) == "vh-05") {
                ASSERT_EQ(c["attributes"].Size(), 1u);
                roleFound = std::string(c["attributes"][0][0].GetString()) == "role" &&
                            std::string(c["attributes"][0][1].GetString()) == "nominee director";
            }
        }
    }
    EXPECT_TRUE(roleFound);
}

TEST(HtmlView, RelationTypesCarryTheirKindAndEdgesTheirStance) {
    Investigation investigation({viewHostile()});
    auto d = viewData(page(investigation));
    ASSERT_TRUE(d.IsObject());
    std::map<std::string, std::string> kinds;
    for (const auto& t : d["relation_types"].GetArray())
        kinds[t["name"].GetString()] = t["kind"].GetString();
    EXPECT_EQ(kinds["owns"], "ownership");
    EXPECT_EQ(kinds["controls"], "control");
    EXPECT_EQ(kinds["director_of"], "role");
    EXPECT_EQ(kinds["linked_to"], "weak");
    EXPECT_EQ(kinds["located_in"], "location");
    std::map<std::string, int> stances;
    for (const auto& e : d["edges"].GetArray()) ++stances[e["stance"].GetString()];
    EXPECT_EQ(stances["disputed"], 1) << "the owner's shares, denied by vh-03";
    EXPECT_EQ(stances["asserted"], 3);
}

TEST(HtmlView, SummaryEvidenceShowsOnlyTheStrongestQuoteAndNoneShowsNoQuote) {
    Investigation investigation({viewHostile()});
    auto view = investigation.view();
    auto quotesOf = [&](cg::exporters::EvidenceLevel level) {
        cg::exporters::ExportOptions options;
        options.evidence = level;
        std::ostringstream out;
        cg::exporters::HtmlWriter().write({view, investigation.store(), nullptr, nullptr, &options},
                                          out);
        auto d = viewData(out.str());
        std::vector<std::string> quotes;
        for (const auto& e : d["edges"].GetArray()) {
            for (const auto& c : e["claims"].GetArray()) {
                if (c["quote"].IsString()) quotes.push_back(c["id"].GetString());
            }
        }
        EXPECT_STREQ(d["evidence"].GetString(), cg::exporters::evidenceLevelName(level).data());
        return quotes;
    };
    EXPECT_EQ(quotesOf(cg::exporters::EvidenceLevel::Full),
              (std::vector<std::string>{"vh-01", "vh-03", "vh-02", "vh-04", "vh-05"}));
    // vh-03 denies what vh-01 (0.9) asserts: only the stronger, asserting claim keeps its quote.
    EXPECT_EQ(quotesOf(cg::exporters::EvidenceLevel::Summary),
              (std::vector<std::string>{"vh-01", "vh-02", "vh-04", "vh-05"}));
    EXPECT_TRUE(quotesOf(cg::exporters::EvidenceLevel::None).empty());
}

TEST(HtmlView, EntitiesCarryTheirAliasesIdentifiersDegreeAndPosition) {
    Investigation investigation(sampleFiles());
    auto d = viewData(page(investigation));
    ASSERT_TRUE(d.IsObject());
    const auto* marisol = nodeWithId(d, "e-fx-marisol");
    ASSERT_NE(marisol, nullptr);
    bool alias = false;
    for (const auto& a : (*marisol)["aliases"].GetArray())
        alias = alias || std::string(a.GetString()) == "Marisol V. Tongeren";
    EXPECT_TRUE(alias);
    EXPECT_GE((*marisol)["degree"].GetInt(), 1);
    EXPECT_TRUE((*marisol)["x"].IsNumber() && (*marisol)["y"].IsNumber());
    bool identifier = false;
    for (const auto& n : d["nodes"].GetArray()) {
        for (const auto& i : n["identifiers"].GetArray()) {
            identifier = identifier || (std::string(i[0].GetString()) == "fx-norvania" &&
                                        std::string(i[1].GetString()) == "NV-100231");
        }
    }
    EXPECT_TRUE(identifier);
    // Types come with the schema's colours, the same as GraphML and GEXF.
    const auto& type = d["entity_types"][(*marisol)["type"].GetUint()];
    EXPECT_STREQ(type["name"].GetString(), "Person");
    EXPECT_STREQ(type["color"].GetString(), "#e15759");
}

TEST(HtmlView, AQueryResultWritesOnlyItsNodesAndEdges) {
    Investigation investigation({viewHostile()});
    auto view = investigation.view();
    cg::graph::Subgraph part;
    part.edges.push_back(0);
    std::string html = investigation.exportAs("html", view, &part);
    auto d = viewData(html);
    ASSERT_TRUE(d.IsObject());
    EXPECT_EQ(d["nodes"].Size(), 2u);
    ASSERT_EQ(d["edges"].Size(), 1u);
    EXPECT_EQ(d["edges"][0]["id"].GetInt64(), view.relationId(0));
    EXPECT_LT(d["edges"][0]["source"].GetUint(), 2u);
    EXPECT_LT(d["edges"][0]["target"].GetUint(), 2u);
}

TEST(HtmlView, TheSameInputGivesTheSameBytes) {
    Investigation investigation(sampleFiles());
    EXPECT_EQ(page(investigation), page(investigation));
}

TEST(HtmlView, TheCommandWritesTheViewToAFile) {
    TempDir dir;
    std::string db = shellQuote(dir.file("v.claimgraph"));
    std::string bin = shellQuote(CG_BINARY);
    auto ingest = runCommand(bin + " --db " + db + " ingest " + shellQuote(viewHostile()));
    ASSERT_EQ(ingest.status, 0) << ingest.output;
    auto r = runCommand(bin + " --db " + db + " export --format html --out " +
                        shellQuote(dir.file("view.html")));
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("exported 5 nodes"), std::string::npos) << r.output;
    std::string html = readFile(dir.file("view.html"));
    EXPECT_NE(html.find("cg-data"), std::string::npos);
    EXPECT_EQ(html.find(dir.path().string()), std::string::npos);
}

TEST(HtmlView, TheViewCommandWritesAnEntitysNeighbourhoodWithItsPanelFirst) {
    TempDir dir;
    std::string db = shellQuote(dir.file("v.claimgraph"));
    std::string bin = shellQuote(CG_BINARY);
    auto ingest = runCommand(bin + " --db " + db + " ingest " + shellQuote(viewHostile()));
    ASSERT_EQ(ingest.status, 0) << ingest.output;
    auto one = runCommand(bin + " --db " + db + " view vh-parent --hops 1 --out " +
                          shellQuote(dir.file("one.html")));
    EXPECT_EQ(one.status, 0) << one.output;
    EXPECT_NE(one.output.find("(2 entities, 1 relations within 1 hop) to "), std::string::npos)
        << one.output;
    auto d = viewData(readFile(dir.file("one.html")));
    ASSERT_TRUE(d.IsObject());
    EXPECT_STREQ(d["focus"].GetString(), "vh-parent");
    EXPECT_STREQ(d["title"].GetString(), "Parent <!-- comment --> Holdings: 1 hop");
    EXPECT_EQ(d["nodes"].Size(), 2u);
    EXPECT_EQ(d["edges"].Size(), 1u);
    // Two hops reach the owner, with every relation among the three.
    auto two = runCommand(bin + " --db " + db + " view vh-parent --out " +
                          shellQuote(dir.file("two.html")));
    EXPECT_EQ(two.status, 0) << two.output;
    auto d2 = viewData(readFile(dir.file("two.html")));
    ASSERT_TRUE(d2.IsObject());
    EXPECT_EQ(d2["nodes"].Size(), 3u);
    EXPECT_EQ(d2["edges"].Size(), 3u);
    auto unknown = runCommand(bin + " --db " + db + " view nobody-at-all --out " +
                              shellQuote(dir.file("none.html")));
    EXPECT_NE(unknown.status, 0);
    EXPECT_FALSE(std::filesystem::exists(dir.file("none.html")));
}

TEST(HtmlView, SizesEntitiesByTheCentralityTheQueryComputesOverTheWholeGraph) {
    TempDir dir;
    std::string db = shellQuote(dir.file("v.claimgraph"));
    std::string bin = shellQuote(CG_BINARY);
    ASSERT_EQ(runCommand(bin + " --db " + db + " -q ingest " + shellQuote(viewHostile())).status,
              0);
    auto query =
        runCommand(bin + " --db " + db + " --json query centrality --metric pagerank --top 0");
    ASSERT_EQ(query.status, 0) << query.output;
    rapidjson::Document q;
    q.Parse(query.output.c_str());
    ASSERT_TRUE(q.IsObject()) << query.output;
    std::map<std::string, double> pagerank;
    for (const auto& row : q["rows"].GetArray())
        pagerank[row["entity"]["id"].GetString()] = row["pagerank"].GetDouble();

    auto r = runCommand(bin + " --db " + db + " view vh-parent --hops 1 --size-by pagerank --out " +
                        shellQuote(dir.file("sized.html")));
    ASSERT_EQ(r.status, 0) << r.output;
    auto d = viewData(readFile(dir.file("sized.html")));
    ASSERT_TRUE(d.IsObject());
    EXPECT_STREQ(d["size_by"].GetString(), "pagerank");
    ASSERT_EQ(d["nodes"].Size(), 2u);
    for (const auto& n : d["nodes"].GetArray()) {
        ASSERT_TRUE(n.HasMember("size_score")) << n["id"].GetString();
        EXPECT_DOUBLE_EQ(n["size_score"].GetDouble(), pagerank.at(n["id"].GetString()));
    }

    // By default entities are sized by their degree in the page: no score is written.
    ASSERT_EQ(runCommand(bin + " --db " + db + " -q export --format html --out " +
                         shellQuote(dir.file("plain.html")))
                  .status,
              0);
    auto plain = viewData(readFile(dir.file("plain.html")));
    EXPECT_TRUE(plain["size_by"].IsNull());
    EXPECT_FALSE(plain["nodes"][0].HasMember("size_score"));

    auto unknown =
        runCommand(bin + " --db " + db + " -q export --format html --size-by fame --out " +
                   shellQuote(dir.file("fame.html")));
    EXPECT_NE(unknown.status, 0);
    EXPECT_NE(unknown.output.find("--size-by: expected one of degree, betweenness, pagerank"),
              std::string::npos)
        << unknown.output;
    auto graphml = runCommand(bin + " --db " + db + " export --format graphml --size-by pagerank");
    EXPECT_NE(graphml.status, 0);
    EXPECT_NE(graphml.output.find("--size-by sizes the entities of an HTML view"),
              std::string::npos)
        << graphml.output;
}

TEST(HtmlView, RefusesMoreEntitiesThanItsLimitSuggestingANeighbourhoodOrAQuery) {
    Investigation investigation({viewHostile()});
    auto view = investigation.view();
    cg::exporters::HtmlViewOptions options;
    options.maxEntities = 4;
    cg::exporters::HtmlWriter writer(options);
    std::ostringstream out;
    try {
        writer.write(cg::exporters::ExportInput{view, investigation.store()}, out);
        FAIL() << "no error";
    } catch (const cg::InputError& e) {
        EXPECT_EQ(
            std::string(e.what()).rfind("--format html: 5 entities are more than a view draws (4): "
                                        "view one entity's neighbourhood with `claimgraph view "
                                        "ENTITY`, a saved query's result with --query NAME",
                                        0),
            0u)
            << e.what();
    }
    EXPECT_TRUE(out.str().empty());
    options.maxEntities = 5;
    cg::exporters::HtmlWriter enough(options);
    enough.write(cg::exporters::ExportInput{view, investigation.store()}, out);
    EXPECT_FALSE(out.str().empty());
}

TEST(HtmlView, TheTitleIsTextWithControlsAndBadBytesReplaced) {
    Investigation investigation({viewHostile()});
    auto view = investigation.view();
    cg::exporters::HtmlViewOptions options;
    options.title = std::string("<b>Bad\x01 \xff</b>: 1 hop");
    cg::exporters::HtmlWriter writer(options);
    std::ostringstream out;
    writer.write(cg::exporters::ExportInput{view, investigation.store()}, out);
    EXPECT_NE(
        out.str().find("<title>&lt;b&gt;Bad\xEF\xBF\xBD \xEF\xBF\xBD&lt;/b&gt;: 1 hop</title>"),
        std::string::npos);
    EXPECT_EQ(out.str().find("\x01"), std::string::npos);
}

TEST(HtmlView, SizesByASampleOfBetweennessWhereTheExactOneWouldTakeLong) {
    TempDir dir;
    std::string db = shellQuote(dir.file("big.claimgraph"));
    std::string claims = dir.file("ring.claims.jsonl");
    {
        std::ofstream out(claims);
        out << "{\"source\": {\"id\": \"s\", \"title\": \"t\"}}\n";
        for (int i = 0; i < 300; ++i) {
            out << "{\"id\": \"r" << i << "\", \"source\": \"s\", \"subject\": {\"type\": "
                << "\"Company\", \"id\": \"c" << i << "\", \"name\": \"C " << i
                << "\"}, \"relation\": \"owns\", \"object\": {\"type\": \"Company\", \"id\": \"c"
                << (i + 1) % 300 << "\", \"name\": \"C " << (i + 1) % 300 << "\"}}\n";
        }
    }
    std::string bin = shellQuote(CG_BINARY);
    ASSERT_EQ(runCommand(bin + " --db " + db + " -q ingest " + shellQuote(claims)).status, 0);
    auto r = runCommand("CLAIMGRAPH_SLOW_QUERY_SECONDS=0 " + bin + " --db " + db +
                        " -q export --format html --size-by betweenness --out " +
                        shellQuote(dir.file("sampled.html")));
    ASSERT_EQ(r.status, 0) << r.output;
    auto d = viewData(readFile(dir.file("sampled.html")));
    ASSERT_TRUE(d.IsObject());
    EXPECT_EQ(std::string(d["size_by"].GetString()).rfind("betweenness estimated from ", 0), 0u)
        << d["size_by"].GetString();
    auto exact =
        runCommand(bin + " --db " + db + " -q export --format html --size-by betweenness --out " +
                   shellQuote(dir.file("exact.html")));
    ASSERT_EQ(exact.status, 0) << exact.output;
    EXPECT_STREQ(viewData(readFile(dir.file("exact.html")))["size_by"].GetString(), "betweenness");
}

TEST(QueryExport, HoldsNoEstimateOfHowLongTheQueryTookOnThisMachine) {
    TempDir dir;
    std::string db = samplesWithSavedQuery(dir, "central-actors");
    ASSERT_FALSE(db.empty());
    auto query = runCommand(shellQuote(CG_BINARY) + " --db " + db +
                            " --json query run central-actors 2>/dev/null");
    ASSERT_EQ(query.status, 0) << query.output;
    EXPECT_NE(query.output.find("\"estimated_seconds\""), std::string::npos) << query.output;
    auto r = runCommand(shellQuote(CG_BINARY) + " --db " + db +
                        " export --query central-actors --format graphml --out " +
                        shellQuote(dir.file("central.graphml")));
    ASSERT_EQ(r.status, 0) << r.output;
    std::string graphml = readFile(dir.file("central.graphml"));
    EXPECT_NE(graphml.find("central-actors"), std::string::npos);
    EXPECT_EQ(graphml.find("estimated_seconds"), std::string::npos);
}

TEST(HtmlView, AQueryExportShowsTheFiguresTheQueryComputed) {
    TempDir dir;
    std::string db = samplesWithSavedQuery(dir, "ultimate-owners");
    ASSERT_FALSE(db.empty());
    std::string bin = shellQuote(CG_BINARY);
    auto r =
        runCommand(bin + " --db " + db +
                   " export --query ultimate-owners --param threshold=10 --format html --out " +
                   shellQuote(dir.file("owners.html")));
    ASSERT_EQ(r.status, 0) << r.output;
    auto d = viewData(readFile(dir.file("owners.html")));
    ASSERT_TRUE(d.IsObject());
    EXPECT_STREQ(d["title"].GetString(), "claimgraph: ultimate-owners threshold=10");
    ASSERT_TRUE(d["figures"].IsObject());
    const auto& figures = d["figures"];
    EXPECT_STREQ(figures["query"].GetString(), "ultimate-owners threshold=10");
    ASSERT_GT(figures["rows"].Size(), 0u);
    bool share = false, ownerNode = false;
    for (const auto& c : figures["columns"].GetArray())
        share = share || std::string(c.GetString()) == "share";
    for (const auto& row : figures["rows"].GetArray()) {
        for (const auto& cell : row.GetArray()) {
            if (cell["node"].IsUint()) {
                ownerNode = true;
                EXPECT_LT(cell["node"].GetUint(), d["nodes"].Size());
                EXPECT_STREQ(cell["text"].GetString(),
                             d["nodes"][cell["node"].GetUint()]["name"].GetString());
            }
        }
    }
    EXPECT_TRUE(share);
    EXPECT_TRUE(ownerNode);
    Investigation plain({viewHostile()});
    EXPECT_TRUE(viewData(page(plain))["figures"].IsNull());
}

TEST(HtmlView, TheViewCommandDrawsRelationsOnlyDeniedWhenAsked) {
    TempDir dir;
    std::string db = shellQuote(dir.file("d.claimgraph"));
    std::string bin = shellQuote(CG_BINARY);
    ASSERT_EQ(runCommand(bin + " --db " + db + " ingest " + shellQuote(viewHostile())).status, 0);
    auto without = runCommand(bin + " --db " + db + " view vh-alone --hops 1 --out " +
                              shellQuote(dir.file("a.html")));
    ASSERT_EQ(without.status, 0) << without.output;
    EXPECT_EQ(viewData(readFile(dir.file("a.html")))["edges"].Size(), 1u);
    auto with = runCommand(bin + " --db " + db + " view vh-alone --hops 1 --include-denied --out " +
                           shellQuote(dir.file("b.html")));
    ASSERT_EQ(with.status, 0) << with.output;
    auto d = viewData(readFile(dir.file("b.html")));
    ASSERT_EQ(d["edges"].Size(), 2u);
    int deniedOnly = 0;
    for (const auto& e : d["edges"].GetArray()) {
        if (e["support"].GetInt() == 0) {
            ++deniedOnly;
            EXPECT_STREQ(e["claims"][0]["stance"].GetString(), "denies");
            EXPECT_STREQ(e["claims"][0]["id"].GetString(), "vh-06");
        }
    }
    EXPECT_EQ(deniedOnly, 1);
}
