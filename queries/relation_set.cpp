// SPDX-License-Identifier: MIT
#include "queries/relation_set.hpp"

#include "graph/error.hpp"

namespace cg::queries {

namespace {

void fromNames(const graph::Schema& schema, const std::vector<std::string>& names,
               std::array<std::uint64_t, 4>& bits) {
    bits.fill(0);
    for (const auto& name : names) {
        const graph::RelationType* rt = schema.relationType(name);
        if (!rt) {
            throw QueryError("unknown relation type '" + name + "' (expected " +
                             schema.relationTypeList() + ")");
        }
        auto index = static_cast<std::size_t>(rt - schema.relationTypes().data());
        bits[index >> 6] |= std::uint64_t{1} << (index & 63);
    }
}

}  // namespace

RelationSet RelationSet::named(const graph::Schema& schema, const std::vector<std::string>& names) {
    RelationSet set;
    if (names.empty()) return set;
    fromNames(schema, names, set.bits_);
    set.all_ = false;
    return set;
}

}  // namespace cg::queries
