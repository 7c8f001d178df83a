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
    Node& operator[](Node v) { return mark[v]; }
};

/// Tarjan's strongly connected components, iterative, over the nodes not yet settled in
/// `marks` (a ComponentMarks, or any `marks[v]` giving a node's mark as a Node&, so that a
/// caller can keep the mark beside other per-node state). `arcs` describes the graph:
/// `arcs.open(v)` gives a cursor over v's successors and `arcs.next(cursor, w)` sets w to the
/// next one and returns false at the end. `emit` is called with each component's nodes, in
/// the order the search entered them (which follows the arcs), and components come out sinks
/// first: a component is reported only after every component it reaches. Afterwards every
/// node is settled. O(n + m) time; per node its mark, plus the node stack and the frame
/// stack, reserved for n entries up front and touched only as deep as the search goes (the
/// low link lives in the frame, since it is only needed while the node is open). A node's arcs are
/// read in one tight loop that stops at the first unseen node, with the frame in registers.
template <typename Marks, typename Arcs, typename Emit>
void strongComponents(std::uint32_t n, Marks& marks, const Arcs& arcs, Emit&& emit) {
    using Cursor = decltype(arcs.open(Node{0}));
    struct Frame {
        Node node;
        Node low;
        std::uint32_t stackAt;  // where the node sits on `stack`
        Cursor cursor;
    };
    std::vector<Node> stack;
    std::vector<Frame> calls;  // the frames below the current one
    stack.reserve(n);
    calls.reserve(n);
    Node counter = 0;
    for (Node root = 0; root < n; ++root) {
        if (marks[root] != ComponentMarks::kUnseen) continue;
        Node v = root;
        for (bool searching = true; searching;) {
            marks[v] = counter;
            Frame f{v, counter, static_cast<std::uint32_t>(stack.size()), arcs.open(v)};
            stack.push_back(v);
            ++counter;
            // The current frame stays in registers while its arcs are read, and goes on
            // `calls` only when the search descends.
            for (;;) {
                Node w = 0;
                bool descend = false;
                while (arcs.next(f.cursor, w)) {
                    Node m = marks[w];
                    if (m == ComponentMarks::kUnseen) {
                        descend = true;
                        break;
                    }
                    f.low = std::min(f.low, m);  // settled marks are above any visit number
                }
                if (descend) {
                    calls.push_back(f);
                    v = w;
                    break;
                }
                if (f.low == marks[f.node]) {
                    std::span<const Node> members(stack.data() + f.stackAt,
                                                  stack.size() - f.stackAt);
                    for (Node x : members) marks[x] = ComponentMarks::kSettled;
                    emit(members);
                    stack.resize(f.stackAt);
                }
                if (calls.empty()) {
                    searching = false;
                    break;
                }
                Node low = f.low;
                f = calls.back();
                calls.pop_back();
                f.low = std::min(f.low, low);
            }
        }
    }
}

}  // namespace cg::queries
