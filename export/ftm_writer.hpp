// SPDX-License-Identifier: MIT
#pragma once

#include "export/writer.hpp"

namespace cg::exporters {

/// FollowTheMoney entities as JSON Lines (`{"id", "schema", "properties"}` with every value
/// a list), the format Aleph, OpenSanctions and `ftm` tools read: one entity per graph node
/// (all its names, identifiers and asserted property values, conflicting ones side by side),
/// then one interval entity per relation (Ownership, Directorship, Family, ... or
/// UnknownLink when FtM has no schema for it or its ends do not fit the schema), each with its
/// sources' links and a summary of its confidence, support and sources. Entities that came
/// from FtM keep their FtM ids, so results go back into the collection they came from.
class FtmWriter : public GraphWriter {
  public:
    void write(const ExportInput& input, std::ostream& out) override;
};

}  // namespace cg::exporters
