// SPDX-License-Identifier: MIT
#include "resolve/database_entity_finder.hpp"

#include "resolve/entity_lookup.hpp"

namespace cg::resolve {

EntityId DatabaseEntityFinder::entity(const std::string& text) const {
    return findEntity(store_, text);
}

std::vector<ClaimCitation> DatabaseEntityFinder::claimsOfRelation(RelationId id) const {
    std::vector<ClaimCitation> out;
    for (auto& c : store_.claimsOfRelation(id)) {
        // Sources are few and a query may cite many claims: read their addresses once.
        if (!urlsRead_) {
            for (const auto& r : store_.sources()) urls_[r.source.key] = r.source.url;
            urlsRead_ = true;
        }
        auto url = urls_.find(c.sourceKey);
        out.push_back({std::move(c.key), c.stance, c.sourceKey, std::move(c.sourceTitle),
                       url == urls_.end() ? std::string() : url->second, std::move(c.quote)});
    }
    return out;
}

}  // namespace cg::resolve
