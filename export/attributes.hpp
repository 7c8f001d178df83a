// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace cg::exporters {

/// The value kinds of exported attributes; each writer maps them to its own type names.
/// StringList holds ids (Neo4j `string[]`); TextList holds free text (Neo4j: JSON text, since
/// no array delimiter is safe in a quote); Json is a JSON object or array (JSON formats carry
/// it as is, the others as text). GraphML and GEXF write every list as a JSON array in one
/// string.
enum class AttributeType { String, Int, Long, Real, Boolean, StringList, TextList, Json, Date };

/// An exported attribute: its name in every format and its value kind.
struct AttributeDef {
    std::string_view name;
    AttributeType type;
};

}  // namespace cg::exporters
