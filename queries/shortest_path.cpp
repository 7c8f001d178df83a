// SPDX-License-Identifier: MIT
#include "queries/shortest_path.hpp"

#include <algorithm>
#include <limits>

#include "queries/best_shortest_route.hpp"
#include "queries/memory_budget.hpp"
#include "queries/node_marks.hpp"
#include "queries/route.hpp"

namespace cg::queries {

namespace {

// Every node a search reaches gets a record, in the order reached: the node and the record of
// the node it was reached from (on its own side). A level of either side is a contiguous run
// of records, so the records double as the two frontiers. A node's tag (NodeTags) is
// base + 2 * record + side: one 4-byte look-up says whether a side has reached it, which one,
// and where its record is.
struct Record {
    Node node;
    std::uint32_t parent;
};
constexpr std::uint32_t kNoRecord = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kFrontSide = 0, kBackSide = 1;

struct Search {
    NodeTags tags;
    std::vector<Record> records;
};

Search& threadSearch() {
    thread_local Search search;
    return search;
}

}  // namespace

std::optional<PathCell> shortestRoute(const Walk& walk, Node from, Node to, int maxHops) {
    const GraphView& view = walk.view();
    if (from == to) return PathCell{from, {}};
    Search& s = threadSearch();
    // Each node gets at most one record, two tags each.
    const std::uint32_t base =
        s.tags.begin(view.nodeCount(), 2 * std::uint64_t{view.nodeCount()} + 2);
    std::uint32_t* const tags = s.tags.data();
    auto& records = s.records;
    records.clear();
    records.push_back({from, kNoRecord});
    records.push_back({to, kNoRecord});
    tags[from] = base + kFrontSide;
    tags[to] = base + 2 + kBackSide;
    // The current level of each side, as a run of records.
    std::uint32_t frontBegin = 0, frontEnd = 1, backBegin = 1, backEnd = 2;
    // The relations the next level of each side would scan: grow the cheaper side.
    std::uint64_t frontCost = walk.degree(from), backCost = walk.degree(to);
    std::uint32_t frontLevel = 0, backLevel = 0;
    bool met = false;
    std::uint32_t meetFront = 0, meetBack = 0;  // the records of the two ends of the meeting
    auto limit = static_cast<std::uint32_t>(maxHops);
    const bool endsOnly = walk.hasEndsOnly();

    // Grows one side by a level: scans the steps of each node of the level (out of it on the
    // front side, into it on the back side) and records the nodes it reaches first, until it
    // meets the other side. Returns the cost of the new level.
    auto grow = [&](std::uint32_t begin, std::uint32_t end, std::uint32_t side) {
        std::uint64_t cost = 0;
        for (std::uint32_t i = begin; i < end && !met; ++i) {
            auto reach = [&](Edge, Node w, bool) {
                if (met) return;
                std::uint32_t tag = tags[w];
                if (tag >= base) {
                    std::uint32_t k = tag - base;
                    if ((k & 1) == side) return;
                    met = true;
                    meetFront = side == kFrontSide ? i : k >> 1;
                    meetBack = side == kFrontSide ? k >> 1 : i;
                    return;
                }
                // A place or a post may end the route (the two ends are tagged already) but
                // is never a hop on it: leave it unrecorded, so it is neither expanded nor met.
                if (endsOnly && !walk.passesThrough(w)) return;
                tags[w] = base + 2 * static_cast<std::uint32_t>(records.size()) + side;
                records.push_back({w, i});
                cost += walk.degree(w);
            };
            if (side == kFrontSide) {
                walk.forEachStep(records[i].node, reach);
            } else {
                walk.forEachStepInto(records[i].node, reach);
            }
        }
        return cost;
    };

    // Before a level the searches have not met, so every path is longer than frontLevel +
    // backLevel; a meeting found while growing a level has length frontLevel + backLevel + 1
    // and is therefore shortest: the search stops at the first one (the rest of the level,
    // often the largest, is never scanned).
    while (frontBegin < frontEnd && backBegin < backEnd && !met) {
        if (maxHops > 0 && frontLevel + backLevel + 1 > limit) break;
        auto first = static_cast<std::uint32_t>(records.size());
        if (frontCost <= backCost) {
            frontCost = grow(frontBegin, frontEnd, kFrontSide);
            ++frontLevel;
            frontBegin = first;
            frontEnd = static_cast<std::uint32_t>(records.size());
        } else {
            backCost = grow(backBegin, backEnd, kBackSide);
            ++backLevel;
            backBegin = first;
            backEnd = static_cast<std::uint32_t>(records.size());
        }
    }
    s.tags.used(base + 2 * static_cast<std::uint32_t>(records.size()) + 2);
    if (!met) return std::nullopt;

    std::vector<Node> nodes;
    nodes.reserve(frontLevel + backLevel + 2);
    for (std::uint32_t k = meetFront; k != kNoRecord; k = records[k].parent)
        nodes.push_back(records[k].node);
    std::reverse(nodes.begin(), nodes.end());
    for (std::uint32_t k = meetBack; k != kNoRecord; k = records[k].parent)
        nodes.push_back(records[k].node);
    return routeThrough(walk, nodes);
}

QueryResult shortestPath(const GraphView& view, const PathParams& params) {
    Walk walk = connectionWalk(view, params.relations, params.viaPlaces, params.directed);
    QueryResult empty;
    empty.kind = "path";
    auto from = nodeOrNote(view, params.from, "start", empty);
    auto to = nodeOrNote(view, params.to, "end", empty);
    if (!from || !to) return empty;
    // Its marks and queue: a distance, a parent and a queue slot per entity at most.
    MemoryBudget budget(params.maxMemory);
    if (!takeWorkingMemory(budget, view, 24, 0, empty)) return empty;
    // The fewest hops first; of the routes that short, the most credible.
    auto route = bestShortestRoute(walk, *from, *to, params.maxHops);
    if (!route) {
        empty.table.columns = {"path", "hops", "confidence", "route"};
        empty.notes.push_back(params.maxHops > 0
                                  ? "no path within " + std::to_string(params.maxHops) + " hops"
                                  : std::string("no path"));
        return empty;
    }
    return pathsResult("path", view, {*route});
}

}  // namespace cg::queries
