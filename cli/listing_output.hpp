// SPDX-License-Identifier: MIT
// Listings (entities, sources, judgements, saved queries, suggested pairs) printed as their
// command was asked: a table for people, or JSON, JSON Lines or CSV for scripts.
#pragma once

#include <ostream>
#include <string>

#include "cli/context.hpp"
#include "cli/json_out.hpp"
#include "cli/result_output.hpp"

namespace cg::cli {

/// The format a listing is printed in: --format when given, else csv for --csv, json for
/// --json (before or after the command), else table.
std::string listingFormat(const Context& ctx, const ResultFormat& format);

/// Prints `array`, a JSON array of objects as the command's --json writes it, as `format`:
/// json (the array), jsonl (an object a line) or csv. The CSV has a header of the objects'
/// keys in the order they first appear; an entity ({id, name, type}) gives its name and, in a
/// column `KEY_id` after it, its id; booleans are true/false, null an empty field, arrays and
/// other objects their JSON text; text a spreadsheet would run as a formula is quoted.
void printListing(std::ostream& out, const std::string& format, JsonOut& array);

}  // namespace cg::cli
