// SPDX-License-Identifier: MIT
#include "graph/relation_explanation.hpp"

#include <algorithm>
#include <map>

namespace cg::graph {

const ClaimRow* RelationExplanation::claim(ClaimId id) const {
    for (const auto& c : claims) {
        if (c.id == id) return &c;
    }
    return nullptr;
}

std::vector<const ClaimRow*> RelationExplanation::claimsOf(SourceId source) const {
    std::vector<const ClaimRow*> out;
    for (const auto& c : claims) {
        if (c.source == source) out.push_back(&c);
    }
    return out;
}

ClaimEvidence claimEvidence(const ClaimRow& c) {
    ClaimEvidence e;
    e.claim = c.id;
    e.source = c.source;
    e.denies = c.stance == Stance::Denies;
    e.confidence = c.confidence;
    e.shareMin = c.shareMin;
    e.shareMax = c.shareMax;
    e.validFrom = c.validFrom;
    e.validTo = c.validTo;
    e.seen = c.sourcePublished;
    if (!c.attributesJson.empty()) e.direct = directAttribute(c.attributesJson);
    return e;
}

std::vector<RelationExplanation> explainRelations(const std::vector<ClaimRow>& claims) {
    std::map<RelationId, RelationExplanation> byRelation;
    for (const auto& c : claims) {
        if (c.relationId == 0) continue;
        auto& r = byRelation[c.relationId];
        r.relation = c.relationId;
        r.claims.push_back(c);
    }
    std::vector<RelationExplanation> out;
    out.reserve(byRelation.size());
    for (auto& [id, r] : byRelation) {
        std::sort(r.claims.begin(), r.claims.end(),
                  [](const ClaimRow& a, const ClaimRow& b) { return a.id < b.id; });
        for (const auto& c : r.claims) r.derivation.add(claimEvidence(c));
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace cg::graph
