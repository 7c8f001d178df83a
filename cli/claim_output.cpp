// SPDX-License-Identifier: MIT
#include "cli/claim_output.hpp"

#include <cstdio>

#include "graph/date.hpp"

namespace cg::cli {

namespace {

std::string stanceName(graph::Stance s) {
    return s == graph::Stance::Denies ? "denies" : "asserts";
}

}  // namespace

std::string fmtConfidence(double c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", c);
    return buf;
}

std::string fmtShare(const std::optional<double>& lo, const std::optional<double>& hi) {
    if (!lo || !hi) return "";
    char buf[48];
    if (*lo == *hi) {
        std::snprintf(buf, sizeof buf, "%g%%", *lo);
    } else {
        std::snprintf(buf, sizeof buf, "%g–%g%%", *lo, *hi);
    }
    return buf;
}

std::string fmtValid(const std::string& from, const std::string& to) {
    if (from.empty() && to.empty()) return "";
    return (from.empty() ? std::string("…") : from) + " to " + (to.empty() ? std::string("…") : to);
}

std::string fmtValidKeys(const std::optional<int>& from, const std::optional<int>& to) {
    return fmtValid(from ? graph::dayKeyText(*from) : "", to ? graph::dayKeyText(*to) : "");
}

void writeClaimJson(JsonOut& j, const graph::ClaimRow& c) {
    j.beginObject();
    j.field("id", c.key);
    j.field("stance", stanceName(c.stance));
    j.field("confidence", c.confidence);
    j.beginObject("source")
        .field("id", c.sourceKey)
        .textOrNull("title", c.sourceTitle)
        .textOrNull("published", c.sourcePublished)
        .endObject();
    j.textOrNull("quote", c.quote);
    if (!c.relation.empty()) j.field("relation", c.relation);
    if (!c.property.empty()) j.field("property", c.property).field("value", c.value);
    j.raw("attributes", c.attributesJson);
    // A date only where the claim gives one.
    if (c.validFrom.empty())
        j.null("valid_from");
    else
        j.field("valid_from", c.validFrom);
    if (c.validTo.empty())
        j.null("valid_to");
    else
        j.field("valid_to", c.validTo);
    j.field("file", c.file).field("line", c.line);
    j.endObject();
}

void printClaim(std::ostream& out, const graph::ClaimRow& c, const std::string& indent) {
    out << indent << stanceName(c.stance) << "  " << c.key << "  conf "
        << fmtConfidence(c.confidence) << "  source " << c.sourceKey;
    if (!c.sourcePublished.empty()) out << " (" << c.sourcePublished << ")";
    std::string valid = fmtValid(c.validFrom, c.validTo);
    if (!valid.empty()) out << "  valid " << valid;
    if (!c.attributesJson.empty() && c.attributesJson != "{}") out << "  " << c.attributesJson;
    out << '\n';
    if (!c.sourceTitle.empty()) out << indent << "  from: " << c.sourceTitle << '\n';
    if (!c.quote.empty()) out << indent << "  \"" << c.quote << "\"\n";
}

std::string entityLabel(graph::Store& store, graph::EntityId id) {
    auto e = store.entity(id);
    if (!e) return "#" + std::to_string(id);
    return e->name + " (" + e->type + ")";
}

void writeEntityKeyJson(JsonOut& j, graph::Store& store, const char* key,
                        const std::string& entityKey) {
    j.beginObject(key).field("id", entityKey);
    std::optional<graph::EntityRow> row;
    if (auto id = store.entityByKey(entityKey)) row = store.entity(*id);
    if (row) {
        j.field("name", row->name).field("type", row->type);
    } else {
        j.null("name").null("type");
    }
    j.endObject();
}

}  // namespace cg::cli
