// SPDX-License-Identifier: MIT
// The report's entity card and relations: the store's detail reader (as `show`) and the
// per-source derivation of every relation (as `explain`), nothing derived a second time.
#include "cli/report_assembly.hpp"

#include <array>
#include <map>
#include <string>
#include <vector>

#include "cli/claim_output.hpp"
#include "graph/relation_explanation.hpp"

namespace cg::cli {

namespace {

using exporters::ReportClaim;
using exporters::ReportSources;

std::string plural(std::int64_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// The key of one of the relation's claims, or empty.
std::string claimKey(const graph::RelationExplanation& r, graph::ClaimId id) {
    const graph::ClaimRow* c = r.claim(id);
    return c ? c->key : "";
}

// What one source says of the relation, in `explain`'s words.
std::string witnessText(const graph::RelationExplanation& r, const graph::SourceWitness& w) {
    std::string says =
        plural(static_cast<std::int64_t>(r.claimsOf(w.source).size()), "claim") + ":";
    if (w.asserting > 0) {
        says += " asserts " + fmtConfidence(w.assertConfidence) + " (claim " +
                claimKey(r, w.assertClaim) + " counts)";
    }
    if (w.denying > 0) {
        says += std::string(w.asserting > 0 ? "," : "") + " denies " +
                fmtConfidence(w.denyConfidence) + " (claim " + claimKey(r, w.denyClaim) +
                " counts)";
    }
    std::string share = fmtShare(w.shareMin, w.shareMax);
    if (!share.empty()) says += ", share " + share;
    return says;
}

std::string statement(graph::Store& store, const graph::Schema& schema,
                      const graph::RelationRow& r) {
    const graph::RelationType* type = schema.relationType(r.type);
    std::string label = type && !type->label.empty() ? type->label : r.type;
    return entityLabel(store, r.src) + " " + label + " " + entityLabel(store, r.dst);
}

exporters::ReportRelation reportRelation(graph::Store& store, const graph::Schema& schema,
                                         const graph::RelationRow& row,
                                         const graph::RelationExplanation& r,
                                         ReportSources& sources) {
    exporters::ReportRelation out;
    const graph::RelationDerivation& d = r.derivation;
    out.statement = statement(store, schema, row);
    out.stance = d.support == 0 ? "denied" : d.dispute > 0 ? "disputed" : "asserted";
    out.figures = "support " + fmtConfidence(d.supportConfidence()) + ", dispute " +
                  fmtConfidence(d.disputeConfidence()) + ", confidence " +
                  fmtConfidence(d.confidence()) + " over " +
                  plural(d.assertingSources(), "asserting source");
    std::string share = fmtShare(d.shareMin, d.shareMax);
    if (!share.empty()) out.figures += ", share " + share;
    std::string valid = fmtValidKeys(d.validFrom, d.validTo);
    if (!valid.empty()) out.figures += ", valid " + valid;
    if (const graph::SourceWitness* best = d.sourcesDisagree ? d.bestWitness() : nullptr) {
        out.notes.push_back(
            "share conflict: the sources' figures do not meet, so support is the best single "
            "source's (" +
            r.claimsOf(best->source).front()->sourceKey + "), not their combination");
    } else if (d.shareConflict) {
        out.notes.push_back("share conflict: the figures one source gives do not meet");
    }
    for (const auto& w : d.witnesses) {
        out.witnesses.push_back(
            {sources.cite(w.source), r.claimsOf(w.source).front()->sourceKey, witnessText(r, w)});
    }
    for (const auto& c : r.claims) {
        (c.stance == graph::Stance::Denies ? out.denials : out.claims)
            .push_back(reportClaim(c, sources));
    }
    return out;
}

}  // namespace

exporters::ReportClaim reportClaim(const graph::ClaimRow& c, exporters::ReportSources& sources) {
    exporters::ReportClaim r;
    r.key = c.key;
    r.denies = c.stance == graph::Stance::Denies;
    r.confidence = c.confidence;
    r.quote = c.quote;
    r.source = sources.cite(c.source);
    r.sourceKey = c.sourceKey;
    r.published = c.sourcePublished;
    r.valid = fmtValid(c.validFrom, c.validTo);
    r.location = c.location;
    r.file = c.file;
    r.line = c.line;
    if (!c.attributesJson.empty() && c.attributesJson != "{}") r.details = c.attributesJson;
    return r;
}

void registerSources(graph::Store& store, ReportSources& sources) {
    store.forEachSource([&](graph::SourceId id, const graph::Source& s) {
        sources.add(id, {0, s.key, s.title, s.publisher, s.published, s.url, s.retrieved});
    });
}

exporters::ReportDocument assembleEvidence(graph::Store& store, const graph::Schema& schema,
                                           graph::EntityId entity, ReportSources& sources) {
    graph::EntityDetail d = store.detail(entity);
    exporters::ReportDocument doc;
    doc.name = d.entity.name;
    doc.type = d.entity.type;
    doc.key = d.entity.key;

    // Every relation's claims, read once: they give the relations and the names' sources.
    std::vector<std::vector<graph::ClaimRow>> relationClaims;
    std::map<std::string, graph::SourceId> sourceOfClaim;
    for (const auto& r : d.relations) {
        relationClaims.push_back(store.claimsOfRelation(r.id));
        for (const auto& c : relationClaims.back()) sourceOfClaim[c.key] = c.source;
    }
    for (const auto& p : d.properties) {
        for (const auto& c : p.claims) sourceOfClaim[c.key] = c.source;
    }

    for (const auto& n : d.names) {
        exporters::ReportName name{n.name == d.entity.name ? "name" : "alias", n.name, n.claimKey,
                                   0};
        if (auto s = sourceOfClaim.find(n.claimKey); s != sourceOfClaim.end())
            name.source = sources.cite(s->second);
        doc.names.push_back(std::move(name));
    }
    for (const auto& [scheme, value] : d.identifiers) doc.names.push_back({scheme, value, "", 0});
    for (const auto& p : d.properties) {
        exporters::ReportProperty property{p.name, p.value, {}, {}};
        for (const auto& c : p.claims) property.claims.push_back(reportClaim(c, sources));
        for (const auto& c : p.denials) property.denials.push_back(reportClaim(c, sources));
        doc.properties.push_back(std::move(property));
    }

    // Relations by kind, in the schema's order of kinds, each kind in detail()'s order.
    std::array<std::vector<exporters::ReportRelation>, graph::kRelationKindCount> byKind;
    for (std::size_t i = 0; i < d.relations.size(); ++i) {
        const graph::RelationRow& row = d.relations[i];
        auto explained = graph::explainRelations(relationClaims[i]);
        if (explained.empty()) continue;
        const graph::RelationType* type = schema.relationType(row.type);
        auto kind = static_cast<std::size_t>(type ? type->kind : graph::RelationKind::Weak);
        byKind[kind].push_back(reportRelation(store, schema, row, explained.front(), sources));
    }
    for (std::size_t k = 0; k < byKind.size(); ++k) {
        if (byKind[k].empty()) continue;
        doc.kinds.push_back(
            {std::string(graph::relationKindName(static_cast<graph::RelationKind>(k))),
             std::move(byKind[k])});
    }
    return doc;
}

}  // namespace cg::cli
