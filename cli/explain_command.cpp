// SPDX-License-Identifier: MIT
// `claimgraph explain A B`: the claims linking two entities, and for each relation between
// them how its confidence follows from them, source by source.
#include <ostream>

#include "cli/claim_output.hpp"
#include "cli/commands.hpp"
#include "cli/json_out.hpp"
#include "graph/relation_explanation.hpp"
#include "resolve/entity_lookup.hpp"

namespace cg::cli {

namespace {

void writeEntityJson(JsonOut& j, const char* key, graph::Store& store, graph::EntityId id) {
    auto e = store.entity(store.canonical(id));
    j.beginObject(key);
    if (e) {
        j.field("id", e->key).field("name", e->name).field("type", e->type);
    } else {
        j.null("id").null("name").null("type");
    }
    j.endObject();
}

// The key of one of the relation's claims, or empty.
std::string claimKey(const graph::RelationExplanation& r, graph::ClaimId id) {
    const graph::ClaimRow* c = r.claim(id);
    return c ? c->key : "";
}

void writeRelationJson(JsonOut& j, graph::Store& store, const graph::RelationExplanation& r) {
    const graph::ClaimRow& first = r.claims.front();
    const graph::RelationDerivation& d = r.derivation;
    j.beginObject().field("relation_id", r.relation).field("type", first.relation);
    writeEntityJson(j, "subject", store, first.subject);
    writeEntityJson(j, "object", store, first.object);
    j.beginArray("sources");
    for (const auto& w : d.witnesses) {
        auto claims = r.claimsOf(w.source);
        const graph::ClaimRow& any = *claims.front();
        j.beginObject();
        j.beginObject("source")
            .field("id", any.sourceKey)
            .field("title", any.sourceTitle)
            .field("published", any.sourcePublished)
            .endObject();
        j.beginArray("claims");
        for (const auto* c : claims) j.field(nullptr, c->key);
        j.endArray();
        j.field("asserting", w.asserting).field("denying", w.denying);
        if (w.asserting > 0) {
            j.beginObject("assertion").field("claim", claimKey(r, w.assertClaim));
            j.field("confidence", w.assertConfidence).endObject();
        } else {
            j.null("assertion");
        }
        if (w.denying > 0) {
            j.beginObject("denial").field("claim", claimKey(r, w.denyClaim));
            j.field("confidence", w.denyConfidence).endObject();
        } else {
            j.null("denial");
        }
        j.field("share_min", w.shareMin).field("share_max", w.shareMax);
        j.endObject();
    }
    j.endArray();
    j.field("support", d.supportConfidence()).field("dispute", d.disputeConfidence());
    j.field("confidence", d.confidence());
    j.field("share_min", d.shareMin).field("share_max", d.shareMax);
    j.field("share_conflict", d.shareConflict).field("sources_disagree", d.sourcesDisagree);
    const graph::SourceWitness* best = d.sourcesDisagree ? d.bestWitness() : nullptr;
    if (best) {
        j.field("best_source", r.claimsOf(best->source).front()->sourceKey);
    } else {
        j.null("best_source");
    }
    j.endObject();
}

std::string plural(std::int64_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void printRelation(std::ostream& o, graph::Store& store, const graph::RelationExplanation& r) {
    const graph::ClaimRow& first = r.claims.front();
    const graph::RelationDerivation& d = r.derivation;
    o << "  " << entityLabel(store, store.canonical(first.subject)) << "  " << first.relation
      << "  " << entityLabel(store, store.canonical(first.object)) << '\n';
    for (const auto& w : d.witnesses) {
        auto claims = r.claimsOf(w.source);
        const graph::ClaimRow& any = *claims.front();
        o << "    source " << any.sourceKey;
        if (!any.sourcePublished.empty()) o << " (" << any.sourcePublished << ")";
        o << ", " << plural(static_cast<std::int64_t>(claims.size()), "claim") << ":";
        if (w.asserting > 0) {
            o << " asserts " << fmtConfidence(w.assertConfidence) << " (claim "
              << claimKey(r, w.assertClaim) << " counts)";
        }
        if (w.denying > 0) {
            o << (w.asserting > 0 ? "," : "") << " denies " << fmtConfidence(w.denyConfidence)
              << " (claim " << claimKey(r, w.denyClaim) << " counts)";
        }
        std::string share = fmtShare(w.shareMin, w.shareMax);
        if (!share.empty()) o << ", share " << share;
        o << '\n';
        for (const auto* c : claims) printClaim(o, *c, "      ");
    }
    o << "    combined over " << plural(d.assertingSources(), "asserting source") << ": support "
      << fmtConfidence(d.supportConfidence()) << ", dispute "
      << fmtConfidence(d.disputeConfidence()) << ", confidence " << fmtConfidence(d.confidence());
    std::string share = fmtShare(d.shareMin, d.shareMax);
    if (!share.empty()) o << ", share " << share;
    o << '\n';
    if (const graph::SourceWitness* best = d.sourcesDisagree ? d.bestWitness() : nullptr) {
        o << "    share conflict: the sources' figures do not meet, so support is the best single "
             "source's ("
          << r.claimsOf(best->source).front()->sourceKey << "), not their combination\n";
    } else if (d.shareConflict) {
        o << "    share conflict: the figures one source gives do not meet\n";
    }
}

}  // namespace

int runExplain(Context& ctx, const std::string& textA, const std::string& textB) {
    auto& store = ctx.store();
    graph::EntityId a = resolve::findEntity(store, textA);
    graph::EntityId b = resolve::findEntity(store, textB);
    auto claims = store.claimsBetween(a, b);
    auto relations = graph::explainRelations(claims);
    if (ctx.json) {
        JsonOut j;
        j.beginObject();
        writeEntityKeyJson(j, store, "a", store.entity(a)->key);
        writeEntityKeyJson(j, store, "b", store.entity(b)->key);
        j.beginArray("claims");
        for (const auto& c : claims) writeClaimJson(j, c);
        j.endArray().beginArray("relations");
        for (const auto& r : relations) writeRelationJson(j, store, r);
        j.endArray().endObject().print(ctx.out);
        return kOk;
    }
    auto& o = ctx.out;
    o << entityLabel(store, a) << "  and  " << entityLabel(store, b) << ": " << claims.size()
      << " claim(s)\n";
    for (const auto& r : relations) printRelation(o, store, r);
    if (claims.empty()) o << "  no claim links them directly; try 'claimgraph query path'\n";
    return kOk;
}

}  // namespace cg::cli
