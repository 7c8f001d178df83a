// SPDX-License-Identifier: MIT
#include "queries/neighbourhood.hpp"

#include <algorithm>
#include <array>
#include <bit>

#include "queries/node_marks.hpp"

namespace cg::queries {

namespace {

// A new neighbour of the node being expanded, by its most credible relation with that node so
// far. `key` holds the order in one integer: most credible first, ties to the lower edge index.
struct Candidate {
    std::uint64_t key;
    Node node;
    bool forward;
};

// Confidence descending, then edge ascending. A float's bits, with the sign bit flipped for
// non-negative values and every bit flipped for negative ones, order as the floats do; the
// complement puts the most credible first. Zero of either sign maps to one key, as the two
// compare equal.
std::uint64_t orderKey(float confidence, Edge e) {
    if (confidence == 0) confidence = 0;
    auto bits = std::bit_cast<std::uint32_t>(confidence);
    bits = (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);
    return (std::uint64_t{~bits} << 32) | e;
}

// A function object rather than a function, so that the sorts inline the comparison.
struct Before {
    bool operator()(const Candidate& a, const Candidate& b) const { return a.key < b.key; }
};

// Sorts by key, least significant byte first, skipping the bytes every key shares (the top
// of the confidence, the top of the edge index): a few linear passes instead of a comparison
// sort's n log n, for the long candidate lists of hubs. Stable, and the keys are distinct, so
// the order is exactly the comparison sort's.
void radixSort(std::vector<Candidate>& items, std::vector<Candidate>& scratch) {
    const std::size_t n = items.size();
    std::array<std::array<std::uint32_t, 256>, 8> counts{};
    for (const auto& c : items) {
        for (unsigned d = 0; d < 8; ++d) ++counts[d][(c.key >> (8 * d)) & 0xff];
    }
    scratch.resize(n);
    Candidate* from = items.data();
    Candidate* to = scratch.data();
    for (unsigned d = 0; d < 8; ++d) {
        auto& count = counts[d];
        if (count[(from[0].key >> (8 * d)) & 0xff] == n) continue;
        std::uint32_t offset = 0;
        for (auto& c : count) {
            std::uint32_t k = c;
            c = offset;
            offset += k;
        }
        for (std::size_t i = 0; i < n; ++i) to[count[(from[i].key >> (8 * d)) & 0xff]++] = from[i];
        std::swap(from, to);
    }
    if (from != items.data()) std::copy(from, from + n, items.data());
}
constexpr std::size_t kRadixFrom = 256;

// One 4-byte tag per node (NodeTags) says everything the search asks about it. From
// `candidateBase` up, tags belong to the candidates of the node being expanded: candidate
// (tag - candidateBase) / 2. Below it, a tag at an odd distance from the query's base marks a
// node in the answer, and anything else (an even distance, or a tag below the base, left by an
// earlier query) a node not reached. A node's candidates start out odd, taken unless the cap
// leaves them out (those are then set back to 0), or even, left out unless taken (those are
// then set to base + 1): odd when the cap cannot leave out more than it keeps, so that either
// way the cap costs at most `cap` writes however many neighbours a hub has.
struct Search {
    NodeTags tags;
    std::vector<Candidate> candidates;
    std::vector<Candidate> scratch;
};

Search& threadSearch() {
    thread_local Search search;
    return search;
}

}  // namespace

std::size_t neighbourEntryBytes() {
    return sizeof(Neighbour) + rowBytes(5) + routeBytes(1) + 2 * subgraphEntryBytes();
}

std::vector<Neighbour> neighbourhoodOf(const Walk& walk, Node centre, int hops, std::size_t cap,
                                       MemoryBudget* budget) {
    const GraphView& view = walk.view();
    Search& s = threadSearch();
    // The tags (4 bytes a node) and the centre's entry up front; then each level's entries as
    // they are taken, and the candidate lists as far as they grow (a hub's are as long as its
    // degree, and the radix sort's scratch as long again).
    const std::size_t entryBytes = neighbourEntryBytes();
    std::size_t candidatesCounted = 0;
    if (budget && !budget->take(workingBytes(view, sizeof(std::uint32_t), 0) + entryBytes))
        return {};
    // Two tags for the centre and at most two per step from each node expanded, and no node
    // is expanded twice: at most 2 + 4 * edges.
    const std::uint32_t base =
        s.tags.begin(view.nodeCount(), 4 * std::uint64_t{view.edgeCount()} + 2);
    std::uint32_t* const tags = s.tags.data();
    auto reached = [&](std::uint32_t tag) { return tag >= base && ((tag - base) & 1) != 0; };
    tags[centre] = base + 1;
    std::uint32_t candidateBase = base + 2;
    std::vector<Neighbour> found{{centre, 0, {}, 0}};
    auto& candidates = s.candidates;
    std::size_t levelStart = 0;
    for (std::uint32_t level = 0; level < static_cast<std::uint32_t>(std::max(hops, 0)); ++level) {
        std::size_t levelEnd = found.size();
        if (levelStart == levelEnd) break;
        // Room for the next level at once: each node adds at most min(degree, cap) entries,
        // and no more entries than nodes. (Reading the degrees also brings the level's rows
        // into the cache before they are scanned.)
        std::size_t bound = levelEnd;
        for (std::size_t i = levelStart; i < levelEnd; ++i) {
            std::size_t d = walk.degree(found[i].node);
            bound += cap > 0 ? std::min(d, cap) : d;
        }
        found.reserve(std::min<std::size_t>(bound, view.nodeCount()));
        for (std::size_t i = levelStart; i < levelEnd; ++i) {
            Node u = found[i].node;
            // A place or a post is listed as a neighbour but not walked through (the centre
            // itself may be one).
            if (i > 0 && !walk.passesThrough(u)) continue;
            const std::uint32_t takenFirst = cap == 0 || walk.degree(u) <= 2 * cap ? 1 : 0;
            // One candidate per new neighbour: its most credible relation with u.
            candidates.clear();
            walk.forEachStep(u, [&](Edge e, Node w, bool forward) {
                std::uint32_t tag = tags[w];
                if (tag >= candidateBase) {
                    Candidate& c = candidates[(tag - candidateBase) >> 1];
                    std::uint64_t key = orderKey(view.confidence(e), e);
                    if (key < c.key) c = {key, w, forward};
                } else if (!reached(tag)) {
                    tags[w] = candidateBase + 2 * static_cast<std::uint32_t>(candidates.size()) +
                              takenFirst;
                    candidates.push_back({orderKey(view.confidence(e), e), w, forward});
                }
            });
            candidateBase += 2 * static_cast<std::uint32_t>(candidates.size());
            if (budget && candidates.size() > candidatesCounted) {
                budget->take((candidates.size() - candidatesCounted) * 2 * sizeof(Candidate));
                candidatesCounted = candidates.size();
            }
            std::size_t take = candidates.size();
            if (cap > 0 && take > cap) {
                take = cap;
                std::nth_element(candidates.begin(),
                                 candidates.begin() + static_cast<std::ptrdiff_t>(take),
                                 candidates.end(), Before{});
                // Neighbours left out are not reached, so that another node may still bring
                // them in.
                if (takenFirst) {
                    for (std::size_t j = take; j < candidates.size(); ++j)
                        tags[candidates[j].node] = 0;
                }
            }
            if (!takenFirst) {
                for (std::size_t j = 0; j < take; ++j) tags[candidates[j].node] = base + 1;
            }
            if (take == candidates.size() && take >= kRadixFrom) {
                radixSort(candidates, s.scratch);
            } else {
                std::sort(candidates.begin(),
                          candidates.begin() + static_cast<std::ptrdiff_t>(take), Before{});
            }
            // The most credible of them first, as many as the budget holds.
            const std::size_t fit = budget ? budget->takeUpTo(take, entryBytes) : take;
            for (std::size_t j = 0; j < fit; ++j) {
                const Candidate& c = candidates[j];
                found.push_back({c.node, level + 1, {static_cast<Edge>(c.key), c.forward}, 0});
            }
            found[i].leftOut = static_cast<std::uint32_t>(candidates.size() - fit);
            if (budget && budget->exceeded()) break;
        }
        levelStart = levelEnd;
        if (budget && budget->exceeded()) break;
    }
    s.tags.used(candidateBase);
    return found;
}

QueryResult neighbourhood(const GraphView& view, const NeighbourhoodParams& params) {
    Walk walk = connectionWalk(view, params.relations, params.viaPlaces, params.directed);
    QueryResult result;
    result.kind = "neighbours";
    result.table.columns = {"entity", "type", "hops", "via", "left out"};
    auto centre = nodeOrNote(view, params.entity, "centre", result);
    if (!centre) return result;
    MemoryBudget budget(params.maxMemory);
    auto found = neighbourhoodOf(walk, *centre, params.hops, params.cap, &budget);
    const bool stopped = budget.exceeded();
    std::uint32_t capped = 0;
    for (const auto& n : found) {
        Cell via;
        if (n.hops > 0) {
            Node parent = n.via.forward ? view.source(n.via.edge) : view.target(n.via.edge);
            via = PathCell{parent, {n.via}};
            result.subgraph.edges.push_back(n.via.edge);
        }
        if (n.leftOut > 0) ++capped;
        result.table.rows.push_back({entityCell(n.node),
                                     textCell(view.schema().entityType(view.nodeType(n.node)).name),
                                     integerCell(n.hops), std::move(via), integerCell(n.leftOut)});
        result.subgraph.nodes.push_back(n.node);
    }
    if (params.allEdges) {
        // Every allowed relation among the nodes found, walked from each node's out-edges so
        // that each relation is seen once.
        NodeTags& tags = threadSearch().tags;
        const std::uint32_t base = tags.begin(view.nodeCount(), 1);
        for (const auto& n : found) tags[n.node] = base;
        for (const auto& n : found) {
            auto [b, e] = view.outEdges(n.node);
            for (Edge x = b; x < e && !budget.exceeded(); ++x) {
                if (walk.allows(x) && tags[view.target(x)] >= base &&
                    budget.take(subgraphEntryBytes()))
                    result.subgraph.edges.push_back(x);
            }
        }
        tags.used(base + 1);
    }
    result.subgraph.normalize(view);
    if (stopped) {
        std::uint32_t reached = found.empty() ? 0 : found.back().hops;
        result.notes.push_back(memoryNote(std::to_string(found.size()) + " entities, " +
                                              std::to_string(reached) + " of " +
                                              std::to_string(params.hops) + " hops",
                                          budget));
    } else if (budget.exceeded()) {
        result.notes.push_back(memoryNote(
            std::to_string(result.subgraph.edges.size()) + " relations among the entities found",
            budget));
    }
    result.partial = budget.exceeded();
    if (capped > 0 && params.cap > 0) {
        result.notes.push_back(std::to_string(capped) + " entities had more than " +
                               std::to_string(params.cap) + " new neighbours; the most credible " +
                               std::to_string(params.cap) + " were kept (see 'left out')");
    }
    return result;
}

KindDef neighboursKind() {
    KindDef kind;
    kind.name = "neighbours";
    kind.description = "The entities within a few hops of one";
    kind.args = {
        arg("entity", ArgType::Entity, "Entity id or name").mandatory().positionalOnCommandLine(),
        arg("hops", ArgType::Integer, "How far").byDefault("2").atLeast(0),
        arg("cap", ArgType::Integer,
            "At most this many new neighbours per entity, most credible first (0: all)")
            .byDefault("50"),
        connectionRelationsArg(),
        directedArg(),
        arg("all_edges", ArgType::Boolean, "Subgraph with every relation among the entities found")
            .commandLineOnly(),
        viaPlacesArg(),
    };
    kind.columns = {{"entity", ColumnType::Entity},
                    {"type", ColumnType::Text},
                    {"hops", ColumnType::Integer},
                    {"via", ColumnType::Route},
                    {"left out", ColumnType::Integer}};
    kind.run = [](const GraphView& view, const Args& args, const graph::EntityFinder& finder,
                  const QueryHooks&) {
        NeighbourhoodParams p;
        p.entity = argEntity(args, "entity", finder);
        p.hops = static_cast<int>(argValue<std::int64_t>(args, "hops").value_or(p.hops));
        p.cap = static_cast<std::size_t>(
            argValue<std::int64_t>(args, "cap").value_or(static_cast<std::int64_t>(p.cap)));
        p.relations = argList(args, "relations");
        p.directed = argValue<bool>(args, "directed").value_or(false);
        p.allEdges = argValue<bool>(args, "all_edges").value_or(false);
        p.viaPlaces = argValue<bool>(args, "via_places").value_or(false);
        p.maxMemory = argMaxMemory(args);
        return neighbourhood(view, p);
    };
    return kind;
}

}  // namespace cg::queries
