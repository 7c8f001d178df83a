// SPDX-License-Identifier: MIT
// Shared by the HTML view's tests: the parts of a written page, and headless Chromium.
#pragma once

#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/export/export_fixture.hpp"

namespace cg::exporters::testing {

inline constexpr const char* kDataOpen = "<script type=\"application/json\" id=\"cg-data\">";

/// The embedded data's text, as it stands in the page.
inline std::string dataText(const std::string& page) {
    auto begin = page.find(kDataOpen);
    if (begin == std::string::npos) return {};
    begin += std::string(kDataOpen).size();
    auto end = page.find("</script>", begin);
    return page.substr(begin, end - begin);
}

/// The embedded data, parsed.
inline rapidjson::Document viewData(const std::string& page) {
    rapidjson::Document d;
    d.Parse(dataText(page).c_str());
    return d;
}

/// The texts of the page's executable inline scripts, in order.
inline std::vector<std::string> inlineScripts(const std::string& page) {
    std::vector<std::string> scripts;
    std::size_t at = 0;
    const std::string open = "<script>";
    while ((at = page.find(open, at)) != std::string::npos) {
        auto end = page.find("</script>", at);
        scripts.push_back(page.substr(at + open.size(), end - at - open.size()));
        at = end;
    }
    return scripts;
}

/// How many times `needle` occurs in `text`.
inline std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

inline constexpr const char* kChromium = "/usr/bin/chromium";

/// True when Debian's chromium is installed (scripts/install-deps.sh installs it).
inline bool haveChromium() { return std::filesystem::exists(kChromium); }

/// Headless Chromium as the issue runs it: no GPU (SwiftShader for WebGL), no network
/// services, a fresh profile, virtual time so that the page settles before the dump.
inline std::string chromiumCommand(const TempDir& profile, const std::string& what) {
    return std::string(kChromium) +
           " --headless --no-sandbox --disable-gpu --use-angle=swiftshader "
           "--enable-unsafe-swiftshader --disable-background-networking "
           "--disable-component-update --disable-sync --no-first-run --user-data-dir=" +
           shellQuote(profile.path().string()) + " --virtual-time-budget=10000 " + what;
}

/// The DOM of `page` (with `fragment`, say "#entity=x") after its scripts ran; `flags` are
/// more Chromium options ("--disable-webgl").
inline CommandResult chromiumDom(const std::filesystem::path& page, const std::string& fragment,
                                 const std::string& flags = "") {
    TempDir profile;
    std::string url = "file://" + std::filesystem::absolute(page).string() + fragment;
    // Only the DOM on standard output: Chromium's log lines go to standard error.
    return runCommand("(" + chromiumCommand(profile, flags + " --dump-dom " + shellQuote(url)) +
                      " 2>/dev/null)");
}

/// Takes a screenshot of `page` into `png`.
inline CommandResult chromiumScreenshot(const std::filesystem::path& page,
                                        const std::filesystem::path& png, int width, int height) {
    TempDir profile;
    std::string url = "file://" + std::filesystem::absolute(page).string();
    return runCommand(chromiumCommand(profile, "--screenshot=" + shellQuote(png.string()) +
                                                   " --window-size=" + std::to_string(width) + "," +
                                                   std::to_string(height) + " " + shellQuote(url)));
}

/// A database of the samples in `dir` with the saved query samples/queries/QUERY.json
/// stored; returns its path, shell-quoted, or "" (and fails the test) when that went wrong.
inline std::string samplesWithSavedQuery(const TempDir& dir, const std::string& query) {
    std::string db = shellQuote(dir.file("q.claimgraph"));
    std::string bin = shellQuote(CG_BINARY);
    std::string files;
    for (const auto& f : sampleFiles()) files += " " + shellQuote(f);
    auto ingest = runCommand(bin + " --db " + db + " -q ingest" + files);
    EXPECT_EQ(ingest.status, 0) << ingest.output;
    auto saved =
        runCommand(bin + " --db " + db + " -q query save " +
                   shellQuote(std::string(CG_SOURCE_DIR) + "/samples/queries/" + query + ".json"));
    EXPECT_EQ(saved.status, 0) << saved.output;
    return ingest.status == 0 && saved.status == 0 ? db : std::string();
}

/// Writes `page` to `out` with `script` run after the view's own (its hash added to the page's
/// policy, as the page's own scripts are allowed), so that a test can drive the page (tick
/// boxes, move sliders) and leave what it saw in the DOM; throws nothing, returns false when
/// python3 could not write it.
inline bool withDriver(const std::filesystem::path& page, const std::string& script,
                       const std::filesystem::path& out, const TempDir& dir) {
    std::string scriptFile = dir.file("driver.js");
    { std::ofstream(scriptFile, std::ios::binary) << script; }
    auto r = runCommand(
        "python3 -c 'import base64,hashlib,sys\n"
        "page = open(sys.argv[1], encoding=\"utf-8\").read()\n"
        "js = open(sys.argv[2], encoding=\"utf-8\").read()\n"
        "h = base64.b64encode(hashlib.sha256(js.encode()).digest()).decode()\n"
        "page = page.replace(\"script-src \", \"script-src &#39;sha256-\" + h + \"&#39; \", 1)\n"
        "page = page.replace(\"</body>\", \"<script>\" + js + \"</script>\\n</body>\", 1)\n"
        "open(sys.argv[3], \"w\", encoding=\"utf-8\").write(page)' " +
        shellQuote(page.string()) + " " + shellQuote(scriptFile) + " " + shellQuote(out.string()));
    return r.status == 0;
}

/// The JSON a driver script left in the body's data-test attribute, parsed.
inline rapidjson::Document driverResult(const std::string& dom) {
    rapidjson::Document d;
    const std::string open = "data-test=\"";
    auto begin = dom.find(open);
    if (begin == std::string::npos) return d;
    begin += open.size();
    auto end = dom.find('"', begin);
    std::string text = dom.substr(begin, end - begin);
    std::string json;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            json += text[i];
            continue;
        }
        auto semi = text.find(';', i);
        std::string entity = text.substr(i, semi - i + 1);
        json += entity == "&quot;"  ? "\""
                : entity == "&amp;" ? "&"
                : entity == "&lt;"  ? "<"
                : entity == "&gt;"  ? ">"
                                    : entity;
        i = semi;
    }
    d.Parse(json.c_str());
    return d;
}

}  // namespace cg::exporters::testing
