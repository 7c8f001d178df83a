// SPDX-License-Identifier: MIT
#include "graph/relation_evidence.hpp"

#include <rapidjson/document.h>

#include <algorithm>

#include "graph/date.hpp"

namespace cg::graph {

namespace {

// Whether a claim of confidence c and id `claim` beats the one that counts so far: more
// confident, or as confident and earlier, so the choice does not depend on the order of adding.
bool beats(double c, ClaimId claim, double best, ClaimId bestClaim) {
    return c > best || (c == best && claim < bestClaim);
}

}  // namespace

void RelationDerivation::add(const ClaimEvidence& e) {
    if (!e.seen.empty()) {
        if (firstSeen.empty() || e.seen < firstSeen) firstSeen = e.seen;
        if (lastSeen.empty() || e.seen > lastSeen) lastSeen = e.seen;
    }
    double c = std::clamp(e.confidence, 0.0, 1.0);
    // Witnesses stay sorted by source, so the result is the same in whatever order claims come.
    auto at = std::lower_bound(witnesses.begin(), witnesses.end(), e.source,
                               [](const SourceWitness& w, SourceId s) { return w.source < s; });
    if (at == witnesses.end() || at->source != e.source) {
        at = witnesses.insert(at, SourceWitness{});
        at->source = e.source;
    }
    SourceWitness& w = *at;
    if (e.denies) {
        ++dispute;
        if (w.denying++ == 0 || beats(c, e.claim, w.denyConfidence, w.denyClaim)) {
            w.denyConfidence = c;
            w.denyClaim = e.claim;
        }
        return;
    }
    ++support;
    if (w.asserting++ == 0 || beats(c, e.claim, w.assertConfidence, w.assertClaim)) {
        w.assertConfidence = c;
        w.assertClaim = e.claim;
    }
    if (e.direct) ++(*e.direct ? directClaims : indirectClaims);
    if (e.shareMin && e.shareMax) {
        shareMin = shareMin ? std::min(*shareMin, *e.shareMin) : *e.shareMin;
        shareMax = shareMax ? std::max(*shareMax, *e.shareMax) : *e.shareMax;
        overlapMin = overlapMin ? std::max(*overlapMin, *e.shareMin) : *e.shareMin;
        overlapMax = overlapMax ? std::min(*overlapMax, *e.shareMax) : *e.shareMax;
        shareConflict = *overlapMin > *overlapMax;
        w.shareMin = w.shareMin ? std::min(*w.shareMin, *e.shareMin) : *e.shareMin;
        w.shareMax = w.shareMax ? std::max(*w.shareMax, *e.shareMax) : *e.shareMax;
        // Only a conflict between claims can be one between sources.
        if (shareConflict) settleSources();
    }
    auto from = e.validFrom.empty() ? std::nullopt : PartialDate::parse(e.validFrom);
    auto to = e.validTo.empty() ? std::nullopt : PartialDate::parse(e.validTo);
    if (!from) {
        openStart = true;
        validFrom.reset();
    } else if (!openStart) {
        validFrom = validFrom ? std::min(*validFrom, from->firstDay()) : from->firstDay();
    }
    if (!to) {
        openEnd = true;
        validTo.reset();
    } else if (!openEnd) {
        validTo = validTo ? std::max(*validTo, to->lastDay()) : to->lastDay();
    }
}

void RelationDerivation::settleSources() {
    // Intervals on a line meet pairwise exactly when they share a point: the highest lower
    // end is then at most the lowest upper end.
    std::optional<double> highestMin, lowestMax;
    for (const auto& w : witnesses) {
        if (!w.shareMin) continue;
        highestMin = highestMin ? std::max(*highestMin, *w.shareMin) : *w.shareMin;
        lowestMax = lowestMax ? std::min(*lowestMax, *w.shareMax) : *w.shareMax;
    }
    sourcesDisagree = highestMin && *highestMin > *lowestMax;
}

double RelationDerivation::supportConfidence() const {
    if (sourcesDisagree) {
        const SourceWitness* best = bestWitness();
        return best ? best->assertConfidence : 0;
    }
    double miss = 1;
    for (const auto& w : witnesses) {
        if (w.asserting > 0) miss *= 1 - w.assertConfidence;
    }
    return 1 - miss;
}

double RelationDerivation::disputeConfidence() const {
    double miss = 1;
    for (const auto& w : witnesses) {
        if (w.denying > 0) miss *= 1 - w.denyConfidence;
    }
    return 1 - miss;
}

double RelationDerivation::confidence() const {
    return supportConfidence() * (1 - disputeConfidence());
}

const SourceWitness* RelationDerivation::bestWitness() const {
    const SourceWitness* best = nullptr;
    for (const auto& w : witnesses) {
        if (w.asserting > 0 && (!best || w.assertConfidence > best->assertConfidence)) best = &w;
    }
    return best;
}

std::int64_t RelationDerivation::assertingSources() const {
    return std::count_if(witnesses.begin(), witnesses.end(),
                         [](const SourceWitness& w) { return w.asserting > 0; });
}

RelationDerivation deriveRelation(const std::vector<ClaimEvidence>& claims) {
    RelationDerivation d;
    for (const auto& e : claims) d.add(e);
    return d;
}

std::optional<bool> directAttribute(std::string_view attributesJson) {
    if (attributesJson.find("\"direct\"") == std::string_view::npos) return std::nullopt;
    rapidjson::Document doc;
    doc.Parse(attributesJson.data(), attributesJson.size());
    if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
    auto it = doc.FindMember("direct");
    if (it == doc.MemberEnd() || !it->value.IsBool()) return std::nullopt;
    return it->value.GetBool();
}

}  // namespace cg::graph
