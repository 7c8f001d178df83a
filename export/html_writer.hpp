// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "export/html_data.hpp"
#include "export/writer.hpp"

namespace cg::exporters {

/// One self-contained HTML page that draws the graph with sigma.js (WebGL) and shows each
/// entity's and relation's evidence on click (docs/view.md): scripts, style and data inline,
/// a Content-Security-Policy that lets the page load nothing (scripts allowed by their
/// SHA-256 only), the data as JSON that cannot close its element, positions computed here
/// (forceLayout). Works from file:// with no connection. Throws InputError when the selection
/// holds more than HtmlViewOptions::maxEntities entities.
class HtmlWriter : public GraphWriter {
  public:
    explicit HtmlWriter(HtmlViewOptions options = {}) : options_(std::move(options)) {}

    void write(const ExportInput& input, std::ostream& out) override;

  private:
    HtmlViewOptions options_;
};

/// The page's Content-Security-Policy: nothing from anywhere, the embedded scripts and style
/// by their hashes, images only as data: URLs.
std::string viewContentSecurityPolicy();

}  // namespace cg::exporters
