// SPDX-License-Identifier: MIT
#include "export/neo4j_csv_writer.hpp"

#include <array>
#include <string>
#include <system_error>

#include "export/output_buffer.hpp"
#include "export/output_file.hpp"
#include "export/text_escape.hpp"
#include "graph/error.hpp"

namespace cg::exporters {

namespace {

std::string_view neo4jType(AttributeType type) {
    switch (type) {
        case AttributeType::Int:
            return ":int";
        case AttributeType::Long:
            return ":long";
        // double, not float: the importer keeps float columns in 32 bits, and 0.95 would
        // come back as 0.949999988.
        case AttributeType::Real:
            return ":double";
        case AttributeType::Boolean:
            return ":boolean";
        case AttributeType::StringList:
            return ":string[]";
        case AttributeType::Date:
            return ":date";
        case AttributeType::String:
        case AttributeType::TextList:
        case AttributeType::Json:
            return "";
    }
    return "";
}

// Writes one row's property cells in column order; a column without a value stays empty,
// which the importer reads as no property.
class CsvCells {
  public:
    CsvCells(OutputBuffer& out, const ExportedGraph& graph, const std::vector<AttributeDef>& defs)
        : out_(out), graph_(graph), defs_(defs) {}

    void begin() { column_ = 0; }
    void finish() { skipTo(defs_.size()); }

    void text(std::size_t i, std::string_view value) {
        reach(i);
        putCsvField(out_, value);
    }
    void integer(std::size_t i, std::int64_t value) {
        reach(i);
        out_.putInt(value);
    }
    void real(std::size_t i, float value) {
        reach(i);
        out_.putReal(value);
    }
    void real(std::size_t i, double value) {
        reach(i);
        out_.putReal(value);
    }
    void boolean(std::size_t i, bool value) {
        reach(i);
        out_.put(value ? "true" : "false");
    }
    void sources(std::size_t i, std::span<const std::uint32_t> list) {
        reach(i);
        if (list.empty()) return;
        openCsvField(out_, graph_.sourceKey(list.front()));
        bool first = true;
        for (auto s : list) {
            if (!first) out_.put(';');
            first = false;
            putCsvText(out_, graph_.sourceKey(s));
        }
        closeCsvField(out_);
    }
    void day(std::size_t i, std::int32_t value) {
        reach(i);
        out_.putDay(value);
    }
    // Ids go in a `string[]` column joined by ';' (the importer's array delimiter); free text
    // could hold any delimiter, so its lists are one JSON array in a string column.
    void list(std::size_t i, TextList list) {
        reach(i);
        if (list.empty()) return;
        if (defs_[i].type == AttributeType::StringList) {
            openCsvField(out_, list.front());
            bool first = true;
            for (auto text : list) {
                if (!first) out_.put(';');
                first = false;
                putCsvText(out_, text);
            }
            closeCsvField(out_);
            return;
        }
        // clear() and push_back rather than assign("["): GCC 12 reports a false -Wrestrict
        // for the assign once writeNodes is reached through a std::function.
        scratch_.clear();
        scratch_.push_back('[');
        for (auto text : list) {
            if (scratch_.size() > 1) scratch_.append(", ");
            appendJsonString(scratch_, text);
        }
        scratch_.push_back(']');
        putCsvField(out_, scratch_);
    }
    void json(std::size_t i, std::string_view value) { text(i, value); }

  private:
    // Writes the separators of the empty cells before column i.
    void skipTo(std::size_t i) {
        for (; column_ < i; ++column_) {
            if (column_ > 0) out_.put(',');
        }
    }
    // Moves to column i, ready for its value.
    void reach(std::size_t i) {
        skipTo(i);
        if (i > 0) out_.put(',');
        column_ = i + 1;
    }

    OutputBuffer& out_;
    const ExportedGraph& graph_;
    const std::vector<AttributeDef>& defs_;
    std::size_t column_ = 0;
    std::string scratch_;
};

void putHeader(OutputBuffer& out, const std::vector<AttributeDef>& defs, std::size_t idColumn) {
    for (std::size_t i = 0; i < defs.size(); ++i) {
        if (i > 0) out.put(',');
        out.put(defs[i].name);
        out.put(i == idColumn ? std::string_view(":ID") : neo4jType(defs[i].type));
    }
}

// Neo4j labels: the entity type, then every concrete type it is a kind of ("Company;
// Organization;Asset"), so that MATCH (o:Organization) finds companies too.
std::vector<std::string> labelsByType(const graph::Schema& schema) {
    const auto& types = schema.entityTypes();
    std::vector<std::string> labels(types.size());
    for (std::size_t t = 0; t < types.size(); ++t) {
        labels[t] = types[t].name;
        for (std::size_t a = 0; a < types.size(); ++a) {
            if (a == t || types[a].abstract || !((types[t].ancestors >> a) & 1u)) continue;
            labels[t] += ';';
            labels[t] += types[a].name;
        }
    }
    return labels;
}

std::string upperType(std::string_view name) {
    std::string out(name);
    for (auto& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

}  // namespace

void Neo4jCsvWriter::write(const ExportInput&, std::ostream&) {
    throw InputError(
        "neo4j: the format is a directory of two files (nodes.csv, "
        "relationships.csv) and cannot go to one stream; give a directory");
}

void Neo4jCsvWriter::writeNodes(const ExportedGraph& graph, std::ostream& stream) {
    OutputBuffer out(stream);
    putHeader(out, graph.nodeAttributes(), kNodeEntityId);
    out.put(",:LABEL\n");
    auto labels = labelsByType(graph.view().schema());
    CsvCells cells(out, graph, graph.nodeAttributes());
    for (std::size_t i = 0; i < graph.nodeCount(); ++i) {
        NodeRecord r = graph.node(i);
        cells.begin();
        ExportedGraph::visit(r, cells);
        cells.finish();
        out.put(',');
        putCsvField(out, labels[graph.view().nodeType(r.node)]);
        out.put('\n');
    }
    out.flush();
}

void Neo4jCsvWriter::writeRelationships(const ExportedGraph& graph, std::ostream& stream) {
    OutputBuffer out(stream);
    out.put(":START_ID,:END_ID,:TYPE,");
    putHeader(out, graph.edgeAttributes(), graph.edgeAttributes().size());
    out.put('\n');
    const auto& relationTypes = graph.view().schema().relationTypes();
    std::vector<std::string> typeNames;
    for (const auto& rt : relationTypes) typeNames.push_back(upperType(rt.name));
    CsvCells cells(out, graph, graph.edgeAttributes());
    for (std::size_t i = 0; i < graph.edgeCount(); ++i) {
        EdgeRecord r = graph.edge(i);
        putCsvField(out, r.sourceKey);
        out.put(',');
        putCsvField(out, r.targetKey);
        out.put(',');
        putCsvField(out, typeNames[graph.view().relationType(r.edge)]);
        out.put(',');
        cells.begin();
        ExportedGraph::visit(r, cells);
        cells.finish();
        out.put('\n');
    }
    out.flush();
}

std::vector<std::filesystem::path> Neo4jCsvWriter::writeTo(const ExportInput& input,
                                                           const std::filesystem::path& path) {
    ExportedGraph graph(input);
    // Both files replace the old pair at once: a kill never leaves new nodes beside old
    // relationships.
    return writeOutputDirectory(
        path, {{"nodes.csv", [&](std::ostream& out) { writeNodes(graph, out); }},
               {"relationships.csv", [&](std::ostream& out) { writeRelationships(graph, out); }}});
}

}  // namespace cg::exporters
