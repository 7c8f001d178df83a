// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "graph/view.hpp"
#include "queries/query_kinds.hpp"

namespace cg::queries {

/// A parameter a saved query declares.
struct ParamDef {
    std::string name;
    ArgType type = ArgType::String;
    std::string description;
    bool hasDefault = false;
    std::string defaultText;          ///< the default as it would be given on the command line
    std::vector<std::string> values;  ///< the choices of an enum
};

/// A named, versioned, parameterised query (docs/saved-queries.md). Parsed and checked as a
/// whole before it is stored or run.
struct SavedQuery {
    std::string name;
    int version = 1;
    std::string description;
    std::vector<ParamDef> params;
    std::string kind;
    std::string text;  ///< the document as given, kept for `query show` and for sharing
};

/// Parses and validates a saved query document. Throws QueryError, prefixed with `origin`,
/// for malformed JSON, an unknown query kind (listing the valid ones), an unknown argument of
/// the kind (listing its arguments), a reference to an undeclared parameter, a parameter whose
/// type cannot feed the argument, a literal of the wrong type, or a missing required argument.
SavedQuery parseSavedQuery(std::string_view json, const std::string& origin);

/// Reads and parses a saved query file; throws InputError when it cannot be read.
SavedQuery readSavedQuery(const std::string& path);

/// A saved query with its parameters bound: what to run, and the view it runs on.
struct BoundQuery {
    const KindDef* kind = nullptr;
    Args args;
    graph::ViewFilter filter;
};

/// Binds parameter values given as text (`--param K=V`) and defaults. Throws QueryError for a
/// parameter the query does not declare (listing those it does), a required parameter left
/// out, or a value that does not fit its type. Entities are looked up when the query runs.
BoundQuery bindSavedQuery(const SavedQuery& query, const std::map<std::string, std::string>& given);

}  // namespace cg::queries
