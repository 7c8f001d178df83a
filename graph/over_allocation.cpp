// SPDX-License-Identifier: MIT
#include "graph/over_allocation.hpp"

#include <algorithm>
#include <limits>

#include "graph/view.hpp"

namespace cg::graph {

namespace {

// Shares are floats summed in doubles: a total must pass 100 by more than rounding.
constexpr double kSlack = 1e-6;

struct Holding {
    std::uint32_t owner, edge;
    double min;
    std::int32_t from, to;  // yyyymmdd; from is the lowest int when open, to the highest
};

// The total at moment `t` and the relation counted for each owner, largest share first.
double totalAt(const std::vector<Holding>& holdings, std::int32_t t,
               std::vector<std::uint32_t>* edges) {
    double total = 0;
    for (std::size_t i = 0; i < holdings.size();) {
        const Holding* best = nullptr;
        std::size_t j = i;
        for (; j < holdings.size() && holdings[j].owner == holdings[i].owner; ++j) {
            const Holding& h = holdings[j];
            if (h.from > t || h.to < t) continue;
            if (!best || h.min > best->min) best = &h;
        }
        if (best) {
            total += best->min;
            if (edges) edges->push_back(best->edge);
        }
        i = j;
    }
    return total;
}

class OwnsType {
  public:
    explicit OwnsType(const GraphView& view) {
        if (const auto* owns = view.schema().relationType("owns"))
            index_ = static_cast<int>(owns - view.schema().relationTypes().data());
    }
    bool is(const GraphView& view, std::uint32_t e) const {
        return static_cast<int>(view.relationType(e)) == index_ && view.directed(e);
    }
    bool known() const { return index_ >= 0; }

  private:
    int index_ = -1;
};

std::optional<OverAllocation> check(const GraphView& view, const OwnsType& owns,
                                    std::uint32_t entity) {
    std::vector<Holding> holdings;
    view.forEachInEdge(entity, [&](std::uint32_t e) {
        if (!owns.is(view, e)) return;
        auto share = view.share(e);
        if (!share || share->first <= 0) return;
        std::int32_t from = view.validFrom(e), to = view.validTo(e);
        holdings.push_back({view.source(e), e, static_cast<double>(share->first),
                            from ? from : std::numeric_limits<std::int32_t>::min(),
                            to ? to : std::numeric_limits<std::int32_t>::max()});
    });
    if (holdings.size() < 2) return std::nullopt;
    std::sort(holdings.begin(), holdings.end(), [](const Holding& a, const Holding& b) {
        return a.owner != b.owner ? a.owner < b.owner : a.edge < b.edge;
    });
    // Every relation at once is the most the owners could total: usually not over 100.
    double bound = 0;
    for (std::size_t i = 0; i < holdings.size();) {
        double best = 0;
        std::size_t j = i;
        for (; j < holdings.size() && holdings[j].owner == holdings[i].owner; ++j)
            best = std::max(best, holdings[j].min);
        bound += best;
        i = j;
    }
    if (bound <= 100 + kSlack) return std::nullopt;
    // The total only rises where a relation starts, so its largest value is at a start.
    std::int32_t bestAt = 0;
    double best = -1;
    for (const auto& h : holdings) {
        double total = totalAt(holdings, h.from, nullptr);
        if (total > best) {
            best = total;
            bestAt = h.from;
        }
    }
    if (best <= 100 + kSlack) return std::nullopt;
    OverAllocation over;
    over.entity = entity;
    over.sum = best;
    totalAt(holdings, bestAt, &over.edges);
    std::stable_sort(over.edges.begin(), over.edges.end(), [&](std::uint32_t a, std::uint32_t b) {
        return view.share(a)->first > view.share(b)->first;
    });
    return over;
}

}  // namespace

std::optional<OverAllocation> overAllocation(const GraphView& view, std::uint32_t entity) {
    OwnsType owns(view);
    if (!owns.known()) return std::nullopt;
    return check(view, owns, entity);
}

std::vector<OverAllocation> overAllocations(const GraphView& view) {
    std::vector<OverAllocation> out;
    OwnsType owns(view);
    if (!owns.known()) return out;
    for (std::uint32_t v = 0; v < view.nodeCount(); ++v) {
        if (view.inDegree(v) < 2) continue;
        if (auto over = check(view, owns, v)) out.push_back(std::move(*over));
    }
    return out;
}

}  // namespace cg::graph
