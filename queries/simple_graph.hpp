// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "queries/walk.hpp"

namespace cg::queries {

/// A compact copy of a Walk for whole-graph algorithms (centrality): each node's distinct
/// neighbours along allowed relations, without self-loops, in node order. Undirected: every
/// relation appears at both ends. Directed: out-neighbours, and in-neighbours on request;
/// undirected relations count both ways.
class SimpleGraph {
  public:
    /// Builds the copy in O(n + m); `reverse` also builds the in-neighbour lists.
    SimpleGraph(const Walk& walk, bool reverse);

    std::uint32_t nodeCount() const { return static_cast<std::uint32_t>(outStart_.size() - 1); }
    bool directed() const { return directed_; }
    std::span<const Node> out(Node v) const {
        return {out_.data() + outStart_[v], out_.data() + outStart_[v + 1]};
    }
    /// In-neighbours; the out-neighbours when undirected. Needs `reverse` for a directed walk.
    std::span<const Node> in(Node v) const {
        if (!directed_) return out(v);
        return {in_.data() + inStart_[v], in_.data() + inStart_[v + 1]};
    }
    /// Neighbour pairs (arcs when directed, each undirected link once otherwise).
    std::uint64_t linkCount() const { return directed_ ? out_.size() : out_.size() / 2; }
    /// Entries of all the out-neighbour lists together (2 per link when undirected).
    std::uint64_t arcCount() const { return out_.size(); }

    /// A numbering that keeps neighbours close in memory, so that traversals touch fewer
    /// cache lines: breadth-first from the node of highest degree, component after component
    /// (by out-neighbours). newOf[v] is v's new number.
    std::vector<Node> localityOrder() const;
    /// The same graph with each node v numbered newOf[v] (a permutation); in-neighbour lists
    /// are kept when present.
    SimpleGraph renumbered(const std::vector<Node>& newOf) const;

  private:
    SimpleGraph() = default;
    static void renumberLists(const std::vector<std::uint64_t>& start,
                              const std::vector<Node>& items, const std::vector<Node>& newOf,
                              std::vector<std::uint64_t>& newStart, std::vector<Node>& newItems);

    bool directed_ = false;
    std::vector<std::uint64_t> outStart_, inStart_;
    std::vector<Node> out_, in_;
};

}  // namespace cg::queries
