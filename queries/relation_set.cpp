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

// Places and positions, with their subtypes: two entities are not connected through the
// country they are both in, nor two holders of one post through the post.
std::uint64_t placesAndPositions(const graph::Schema& schema) {
    std::uint64_t mask = 0;
    for (const char* name : {"Place", "Position"}) {
        auto ancestor = schema.entityTypeId(name);
        if (!ancestor) continue;
        for (std::size_t t = 0; t < schema.entityTypes().size(); ++t) {
            if (schema.isA(static_cast<graph::EntityTypeId>(t), *ancestor))
                mask |= std::uint64_t{1} << t;
        }
    }
    return mask;
}

}  // namespace

RelationSet RelationSet::connections(const graph::Schema& schema,
                                     const std::vector<std::string>& names, bool viaPlaces) {
    using graph::RelationKind;
    const auto& types = schema.relationTypes();
    RelationSet set;
    if (!names.empty()) {
        fromNames(schema, names, set.bits_);
        set.all_ = false;
        for (std::size_t i = 0; i < types.size(); ++i) {
            if (set.contains(static_cast<std::uint8_t>(i)) &&
                types[i].kind == RelationKind::Location)
                viaPlaces = true;
        }
    } else {
        set.bits_.fill(0);
        for (std::size_t i = 0; i < types.size(); ++i) {
            RelationKind kind = types[i].kind;
            bool follow =
                kind != RelationKind::Mention && (kind != RelationKind::Location || viaPlaces);
            if (follow) {
                set.bits_[i >> 6] |= std::uint64_t{1} << (i & 63);
            } else {
                set.all_ = false;
            }
        }
    }
    if (!viaPlaces) set.endOnlyTypes_ = placesAndPositions(schema);
    return set;
}

RelationSet RelationSet::named(const graph::Schema& schema, const std::vector<std::string>& names) {
    RelationSet set;
    if (names.empty()) return set;
    fromNames(schema, names, set.bits_);
    set.all_ = false;
    return set;
}

}  // namespace cg::queries
