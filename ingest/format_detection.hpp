// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace cg::ingest {

/// The format the first bytes of a file are written in, told by their shape and the keys of
/// the first record: "bods" (statementType, or recordType with recordDetails), "psc"
/// (company_number with data, or a PSC kind), "ftm" (id, schema and properties), "claims"
/// (a source declaration or a claim), "icij" (a header of the Offshore Leaks
/// files). Empty when the bytes do not say, or could be more than one format (any other CSV).
std::string formatOfContent(std::string_view head);

}  // namespace cg::ingest
