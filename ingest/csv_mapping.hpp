// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "graph/model.hpp"
#include "graph/schema.hpp"

namespace cg::ingest {

/// Where one value of a row comes from: a column, a constant, or a column whose values are
/// translated through a table (with a default for values the table lacks).
struct CsvValue {
    std::string column;  ///< empty for a constant
    std::string constant;
    std::map<std::string, std::string> table;  ///< value translations, when given
    std::optional<std::string> fallback;       ///< for values missing from `table`

    /// True when the mapping gives no column and no constant.
    bool empty() const { return column.empty() && constant.empty(); }
};

/// How a row describes one entity: its key, type, name, aliases, identifiers, properties.
struct CsvEntity {
    std::string as;           ///< the name relations use for it
    std::string keyTemplate;  ///< "nv-cro:{number}"; empty when the entity is only described
    CsvValue type;
    CsvValue name;
    std::vector<CsvValue> aliases;
    std::vector<std::pair<std::string, CsvValue>> identifiers;  ///< scheme, value
    std::vector<std::pair<std::string, CsvValue>> properties;   ///< schema property, value
};

/// How a row states a relation between two of its entities.
struct CsvRelation {
    std::string relation;
    std::string subject;  ///< a CsvEntity::as
    std::string object;
    std::vector<std::pair<std::string, CsvValue>> attributes;
    CsvValue validFrom;
    CsvValue validTo;
    CsvValue confidence;
    CsvValue quote;
};

/// A mapping file: which columns of a CSV file give entities, their properties, and the
/// relations between them (docs/formats.md, "CSV with a mapping").
struct CsvMapping {
    std::string origin;    ///< the mapping file, for messages
    graph::Source source;  ///< key empty: one is made from the CSV file's name
    char delimiter = ',';
    std::string rowId;  ///< the column that identifies a row; empty: the line number does
    std::vector<CsvEntity> entities;
    std::vector<CsvRelation> relations;

    /// Parses a mapping and checks it against the schema; throws InputError naming `origin`
    /// and what is wrong (an unknown type, relation, property, attribute or entity name).
    static CsvMapping fromJson(const std::string& text, const std::string& origin,
                               const graph::Schema& schema);
    /// Reads and parses a mapping file; throws InputError when it cannot be read or is wrong.
    static CsvMapping fromFile(const std::string& path, const graph::Schema& schema);

    /// Every column the mapping names, for checking against a file's header.
    std::vector<std::string> columns() const;
};

}  // namespace cg::ingest
