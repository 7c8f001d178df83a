// SPDX-License-Identifier: MIT
#include "export/provenance.hpp"

#include <algorithm>
#include <limits>

#include "graph/date.hpp"

namespace cg::exporters {

namespace {

constexpr std::int32_t kOpenStart = std::numeric_limits<std::int32_t>::min();
constexpr std::int32_t kOpenEnd = std::numeric_limits<std::int32_t>::max();

std::int32_t dayAfter(std::int32_t day) {
    int year = day / 10000;
    int month = (day / 100) % 100;
    int d = day % 100;
    if (month < 1 || month > 12) return day + 1;
    if (d < graph::daysInMonth(year, month)) return day + 1;
    if (month < 12) return year * 10000 + (month + 1) * 100 + 1;
    return (year + 1) * 10000 + 101;
}

}  // namespace

std::vector<DayInterval> Provenance::mergeIntervals(std::vector<DayInterval> intervals) {
    for (auto& r : intervals) {
        if (r.from == 0) r.from = kOpenStart;
        if (r.to == 0) r.to = kOpenEnd;
        if (r.from == kOpenStart && r.to == kOpenEnd) return {};
    }
    std::sort(intervals.begin(), intervals.end(), [](const DayInterval& a, const DayInterval& b) {
        return a.from < b.from || (a.from == b.from && a.to < b.to);
    });
    std::vector<DayInterval> merged;
    for (const auto& r : intervals) {
        if (!merged.empty()) {
            DayInterval& last = merged.back();
            if (last.to == kOpenEnd || r.from <= last.to || r.from == dayAfter(last.to)) {
                last.to = std::max(last.to, r.to);
                continue;
            }
        }
        merged.push_back(r);
    }
    for (auto& r : merged) {
        if (r.from == kOpenStart) r.from = 0;
        if (r.to == kOpenEnd) r.to = 0;
    }
    return merged;
}

std::pair<std::string_view, std::string_view> Provenance::seen(
    std::span<const std::uint32_t> sources) const {
    std::string_view first, last;
    for (auto s : sources) {
        const std::string& date = sourcePublished_[s];
        if (date.empty()) continue;
        if (first.empty() || date < first) first = date;
        if (last.empty() || date > last) last = date;
    }
    return {first, last};
}

Provenance::Range Provenance::addSources(std::span<const std::uint32_t> ids) {
    Range r{static_cast<std::uint32_t>(sourceRefs_.size()), 0};
    for (auto id : ids) {
        if (id >= indexOfSource_.size()) continue;
        std::uint32_t index = indexOfSource_[id];
        if (index == std::numeric_limits<std::uint32_t>::max()) continue;
        sourceRefs_.push_back(index);
        ++r.count;
    }
    // Index order is key order, so lists read alphabetically.
    std::sort(sourceRefs_.begin() + r.begin, sourceRefs_.end());
    return r;
}

Provenance Provenance::load(graph::Store& store, const graph::ClaimProvenance& claims,
                            const graph::GraphView& view, const Selection& selection) {
    Provenance p;
    store.forEachSource([&](graph::SourceId id, const graph::Source& source) {
        if (id < 0) return;
        auto at = static_cast<std::size_t>(id);
        if (at >= p.indexOfSource_.size()) {
            p.indexOfSource_.resize(at + 1, std::numeric_limits<std::uint32_t>::max());
        }
        p.indexOfSource_[at] = static_cast<std::uint32_t>(p.sourceKeys_.size());
        p.sourceKeys_.push_back(source.key);
        p.sourcePublished_.push_back(source.published);
        p.sourceTitles_.push_back(source.title);
        p.sourceUrls_.push_back(source.url);
        p.sourcePublishers_.push_back(source.publisher);
    });
    p.claims_ = &claims;

    p.nodes_.resize(selection.nodeCount());
    for (std::size_t i = 0; i < selection.nodeCount(); ++i) {
        graph::EntityId entity = view.entityId(selection.node(i));
        NodeFacts& facts = p.nodes_[i];
        facts.entity = entity;
        facts.sources = p.addSources(claims.entitySources(entity));
        facts.confidence = claims.entityConfidence(entity);
        facts.denied = claims.entityDenied(entity);
    }

    p.edges_.resize(selection.edgeCount());
    for (std::size_t i = 0; i < selection.edgeCount(); ++i) {
        graph::RelationId relation = view.relationId(selection.edge(i));
        EdgeFacts& facts = p.edges_[i];
        facts.relation = relation;
        facts.sources = p.addSources(claims.relationSources(relation));
        auto validity = claims.relationValidity(relation);
        auto merged = mergeIntervals({validity.begin(), validity.end()});
        facts.intervals = {static_cast<std::uint32_t>(p.intervals_.size()),
                           static_cast<std::uint32_t>(merged.size())};
        p.intervals_.insert(p.intervals_.end(), merged.begin(), merged.end());
    }
    return p;
}

}  // namespace cg::exporters
