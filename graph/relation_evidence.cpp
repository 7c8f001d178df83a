// SPDX-License-Identifier: MIT
#include "graph/relation_evidence.hpp"

#include <rapidjson/document.h>

#include <algorithm>

#include "graph/date.hpp"

namespace cg::graph {

void RelationDerivation::add(const ClaimEvidence& e) {
    if (!e.seen.empty()) {
        if (firstSeen.empty() || e.seen < firstSeen) firstSeen = e.seen;
        if (lastSeen.empty() || e.seen > lastSeen) lastSeen = e.seen;
    }
    double c = std::clamp(e.confidence, 0.0, 1.0);
    if (e.denies) {
        ++dispute;
        missDispute *= 1 - c;
        return;
    }
    ++support;
    missSupport *= 1 - c;
    if (e.direct) ++(*e.direct ? directClaims : indirectClaims);
    if (e.shareMin && e.shareMax) {
        shareMin = shareMin ? std::min(*shareMin, *e.shareMin) : *e.shareMin;
        shareMax = shareMax ? std::max(*shareMax, *e.shareMax) : *e.shareMax;
        overlapMin = overlapMin ? std::max(*overlapMin, *e.shareMin) : *e.shareMin;
        overlapMax = overlapMax ? std::min(*overlapMax, *e.shareMax) : *e.shareMax;
        shareConflict = *overlapMin > *overlapMax;
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

std::optional<bool> directAttribute(std::string_view attributesJson) {
    if (attributesJson.find("\"direct\"") == std::string_view::npos) return std::nullopt;
    rapidjson::Document doc;
    doc.Parse(attributesJson.data(), attributesJson.size());
    if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
    auto it = doc.FindMember("direct");
    if (it == doc.MemberEnd() || !it->value.IsBool()) return std::nullopt;
    return it->value.GetBool();
}

double RelationDerivation::confidence() const { return (1 - missSupport) * missDispute; }

}  // namespace cg::graph
