// SPDX-License-Identifier: MIT
#include "queries/memory_budget.hpp"

#include "queries/result.hpp"

namespace cg::queries {

namespace {

// Measured on a 10,000-company ownership circle: each hop of a listed chain printed about 40
// bytes as a table ("-owns 60% [1.00]-> Co 1234 ") and about 410 as JSON (an entity and a
// relation object, indented), which is built whole before it is written. The budget counts
// the larger, so that either output stays within it.
constexpr std::size_t kPrintedBytesPerHop = 512;

}  // namespace

std::size_t routeBytes(std::uint64_t hops) {
    // A step, an edge and a node of the subgraph, and the printed text.
    constexpr std::size_t kPerHop =
        sizeof(Step) + sizeof(GraphView::Edge) + sizeof(GraphView::Node) + kPrintedBytesPerHop;
    return sizeof(PathCell) + static_cast<std::size_t>(hops) * kPerHop;
}

std::string memoryNote(std::size_t done, std::size_t total, const std::string& what,
                       const MemoryBudget& budget) {
    return "stopped at " + std::to_string(done) + " of " + std::to_string(total) + " " + what +
           ", past the memory budget of " + std::to_string(budget.limit() >> 20) +
           " MB (raise --max-memory): the figures are partial";
}

}  // namespace cg::queries
