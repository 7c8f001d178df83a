// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "export/writer.hpp"

namespace cg::exporters {

/// The format names makeWriter() accepts, in the order help lists them.
const std::vector<std::string>& formatNames();

/// "graphml, gexf, json, cytoscape, neo4j" for help and error messages.
std::string formatList();

/// The writer for a format name; throws InputError listing the formats when it is unknown.
std::unique_ptr<GraphWriter> makeWriter(const std::string& format);

}  // namespace cg::exporters
