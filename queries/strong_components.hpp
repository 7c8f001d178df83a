// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "queries/walk.hpp"

namespace cg::queries {

/// Marks for strongComponents: a node marked kSettled before the search is taken to be a
/// component on its own (the caller found it cannot lie on a cycle, e.g. it has no arc in or
/// no arc out) and is neither entered nor reported.
struct ComponentMarks {
    static constexpr Node kUnseen = std::numeric_limits<Node>::max();
    static constexpr Node kSettled = kUnseen - 1;
    std::vector<Node> mark;  ///< per node: kUnseen, kSettled, or its visit number while open
};

/// Tarjan's strongly connected components, iterative, over the nodes not yet settled in
/// `marks`. `arcs` describes the graph: `arcs.open(v)` gives a cursor over v's successors and
/// `arcs.next(cursor, w)` sets w to the next one and returns false at the end. `emit` is
/// called with each component's nodes, in the order the search entered them (which follows
/// the arcs), and components come out sinks first: a component is reported only after every
/// component it reaches. Afterwards every node is settled. O(n + m) time; per node 4 bytes,
/// plus a frame per node on the current search path (the low link lives in the frame, since
/// it is only needed while the node is open).
template <typename Arcs, typename Emit>
void strongComponents(std::uint32_t n, ComponentMarks& marks, const Arcs& arcs, Emit&& emit) {
    using Cursor = decltype(arcs.open(Node{0}));
    struct Frame {
        Node node;
        Node low;
        std::uint32_t stackAt;  // where the node sits on `stack`
        Cursor cursor;
    };
    auto& mark = marks.mark;
    std::vector<Node> stack;
    std::vector<Frame> calls;
    Node counter = 0;
    auto enter = [&](Node v) {
        mark[v] = counter;
        calls.push_back({v, counter, static_cast<std::uint32_t>(stack.size()), arcs.open(v)});
        stack.push_back(v);
        ++counter;
    };
    for (Node root = 0; root < n; ++root) {
        if (mark[root] != ComponentMarks::kUnseen) continue;
        enter(root);
        while (!calls.empty()) {
            Frame& f = calls.back();
            Node w;
            if (arcs.next(f.cursor, w)) {
                Node m = mark[w];
                if (m == ComponentMarks::kUnseen) {
                    enter(w);  // invalidates f
                } else if (m < f.low) {
                    f.low = m;  // w is open (on the stack): settled marks are above any number
                }
                continue;
            }
            Frame done = f;
            calls.pop_back();
            if (done.low == mark[done.node]) {
                std::span<const Node> members(stack.data() + done.stackAt,
                                              stack.size() - done.stackAt);
                for (Node x : members) mark[x] = ComponentMarks::kSettled;
                emit(members);
                stack.resize(done.stackAt);
            }
            if (!calls.empty()) calls.back().low = std::min(calls.back().low, done.low);
        }
    }
}

}  // namespace cg::queries
