// SPDX-License-Identifier: MIT
#pragma once

#include <ostream>

#include "export/exported_graph.hpp"
#include "export/writer.hpp"

namespace cg::exporters {

/// Files for `neo4j-admin database import`: a directory with nodes.csv (entity_id:ID,
/// :LABEL with the entity type and its concrete ancestors) and relationships.csv
/// (:START_ID, :END_ID, :TYPE as the upper-case relation type), typed property columns
/// (confidence:double, source_ids:string[] split on ';', disputed:boolean, valid_from:date),
/// every text cell quoted, and text that starts like a spreadsheet formula neutralised.
class Neo4jCsvWriter : public GraphWriter {
  public:
    /// Always throws InputError: the format is a directory of two files; use writeTo().
    void write(const ExportInput& input, std::ostream& out) override;
    bool writesDirectory() const override { return true; }
    /// Creates `path` as a directory when needed and writes nodes.csv and relationships.csv.
    std::vector<std::filesystem::path> writeTo(const ExportInput& input,
                                               const std::filesystem::path& path) override;

    /// The nodes file alone.
    static void writeNodes(const ExportedGraph& graph, std::ostream& out);
    /// The relationships file alone.
    static void writeRelationships(const ExportedGraph& graph, std::ostream& out);
};

}  // namespace cg::exporters
