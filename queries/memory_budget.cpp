// SPDX-License-Identifier: MIT
#include "queries/memory_budget.hpp"

#include <vector>

#include "queries/result.hpp"

namespace cg::queries {

namespace {

// Measured on a 10,000-company ownership circle: each hop of a listed chain printed about 40
// bytes as a table ("-owns 60% [1.00]-> Co 1234 ") and about 410 as JSON (an entity and a
// relation object, indented), which is built whole before it is written. The budget counts
// the larger, so that either output stays within it.
constexpr std::size_t kPrintedBytesPerHop = 512;

// A cell of a row printed as JSON: an entity object with its id, name and type, or a number
// or a name, indented; 128 bytes covers the names of the samples and of generated graphs.
constexpr std::size_t kPrintedBytesPerCell = 128;

// A subgraph entry printed as JSON: an entity object, or a relation with its id, type, ends
// and confidence (about 200 bytes).
constexpr std::size_t kPrintedBytesPerEntry = 256;

}  // namespace

std::size_t routeBytes(std::uint64_t hops) {
    // A step, an edge and a node of the subgraph, and the printed text.
    constexpr std::size_t kPerHop =
        sizeof(Step) + sizeof(GraphView::Edge) + sizeof(GraphView::Node) + kPrintedBytesPerHop;
    return sizeof(PathCell) + static_cast<std::size_t>(hops) * kPerHop;
}

std::size_t rowBytes(std::size_t cells) {
    return sizeof(std::vector<Cell>) + cells * (sizeof(Cell) + kPrintedBytesPerCell);
}

std::size_t subgraphEntryBytes() {
    return sizeof(GraphView::Edge) + sizeof(GraphView::Node) + kPrintedBytesPerEntry;
}

std::size_t workingBytes(const GraphView& view, std::size_t perNode, std::size_t perRelation) {
    return std::size_t{view.nodeCount()} * perNode + std::size_t{view.edgeCount()} * perRelation;
}

std::string memoryNote(const std::string& where, const MemoryBudget& budget) {
    return "stopped at " + where + ", past the memory budget of " +
           std::to_string(budget.limit() >> 20) +
           " MB (raise --max-memory): the figures are partial";
}

bool takeWorkingMemory(MemoryBudget& budget, const GraphView& view, std::size_t perNode,
                       std::size_t perRelation, QueryResult& result) {
    const std::size_t bytes = workingBytes(view, perNode, perRelation);
    if (budget.take(bytes)) return true;
    result.notes.push_back(
        memoryNote("the start: a search over " + std::to_string(view.nodeCount()) +
                       " entities and " + std::to_string(view.edgeCount()) +
                       " relations holds about " + std::to_string((bytes >> 20) + 1) + " MB",
                   budget));
    result.partial = true;
    return false;
}

std::string memoryNote(std::size_t done, std::size_t total, const std::string& what,
                       const MemoryBudget& budget) {
    return memoryNote(std::to_string(done) + " of " + std::to_string(total) + " " + what, budget);
}

}  // namespace cg::queries
