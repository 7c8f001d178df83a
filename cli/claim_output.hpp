// SPDX-License-Identifier: MIT
// How claims, confidences, shares and dates are printed by `show` and `explain`.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "cli/json_out.hpp"
#include "graph/store.hpp"

namespace cg::cli {

/// A confidence with two decimals.
std::string fmtConfidence(double c);
/// "25%" or "25–30%"; empty when either end is missing.
std::string fmtShare(const std::optional<double>& lo, const std::optional<double>& hi);
/// "2019 to …"; empty when both ends are open.
std::string fmtValid(const std::string& from, const std::string& to);
/// fmtValid of two yyyymmdd day keys.
std::string fmtValidKeys(const std::optional<int>& from, const std::optional<int>& to);
/// A claim as a JSON object: id, stance, confidence, source, quote, relation or property,
/// attributes, validity, file and line.
void writeClaimJson(JsonOut& j, const graph::ClaimRow& c);
/// A claim as text lines, each starting with `indent`.
void printClaim(std::ostream& out, const graph::ClaimRow& c, const std::string& indent);
/// "Name (Type)", or "#id" for an id the store does not know.
std::string entityLabel(graph::Store& store, graph::EntityId id);
/// An entity as scripts get it, `{id, name, type}` under `key`, looked up by its id (key);
/// name and type are null when the store no longer has it.
void writeEntityKeyJson(JsonOut& j, graph::Store& store, const char* key,
                        const std::string& entityKey);

}  // namespace cg::cli
