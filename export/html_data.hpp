// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "export/writer.hpp"

namespace cg::exporters {

/// What a view says about itself besides the graph.
struct HtmlViewOptions {
    std::string title = "claimgraph view";
    /// The id text of the entity whose panel opens when the page's address names none (the
    /// centre of `claimgraph view ENTITY`); empty: none.
    std::string focus;
};

/// The data an HTML view embeds, as one JSON document (snake_case keys, described in
/// docs/view.md): the entity and relation types, the sources cited, every selected node with
/// its laid-out position, degree, names, identifiers and properties, and every selected edge
/// with its claims (quote, source, date, stance, confidence, claim id), the title and the
/// entity to open first. Deterministic: nodes
/// and edges in index order, their facts sorted. Throws StorageError when the store cannot be
/// read. The text is plain JSON; htmlSafeJson() makes it safe inside a script element.
std::string viewDataJson(const ExportInput& input, const HtmlViewOptions& options);

/// `json` with every '<', '>' and '&' written as a \u escape (valid only inside JSON
/// strings, where these characters can only be), so that it cannot close or open an element
/// when placed in a `<script type="application/json">`.
std::string htmlSafeJson(const std::string& json);

}  // namespace cg::exporters
