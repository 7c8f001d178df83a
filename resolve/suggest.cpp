// SPDX-License-Identifier: MIT
#include "resolve/suggest.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <tuple>
#include <unordered_set>

#include "graph/judgement_log.hpp"
#include "resolve/ambiguity.hpp"
#include "resolve/blocking.hpp"
#include "resolve/scoring.hpp"

namespace cg::resolve {

using graph::Schema;
using graph::Store;

namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

}  // namespace

std::vector<Suggestion> suggestMatches(Store& store, const Schema& schema,
                                       const SuggestOptions& options, SuggestStats* stats) {
    SuggestStats local;
    SuggestStats& st = stats ? *stats : local;
    st = SuggestStats{};
    auto t0 = Clock::now();
    CandidateIndex index(store, schema);
    st.entities = index.describedEntities();
    st.names = index.nameCount();

    // Pairs judged different, as pairs of canonical indexes.
    std::unordered_set<std::uint64_t> notSame;
    for (const auto& j : graph::JudgementLog(store).list(false)) {
        if (j.kind != "not_same") continue;
        auto a = store.entityByKey(j.a);
        auto b = store.entityByKey(j.b);
        if (!a || !b) continue;
        auto ia = index.indexOf(*a);
        auto ib = index.indexOf(*b);
        if (ia && ib) notSame.insert(pairKey(*ia, *ib));
    }
    st.loadSeconds = secondsSince(t0);

    // Blocking: only entities that share a key are compared.
    auto t1 = Clock::now();
    const std::size_t maxBlock = std::max<std::size_t>(2, options.maxBlock);
    BlockingCounts counts;
    std::vector<std::uint64_t> pairs = candidatePairs(
        [&](std::uint64_t shard, std::uint64_t shards, std::vector<KeyEntry>& keys) {
            index.keys(maxBlock, shard, shards, keys);
        },
        index.keyEstimate(), maxBlock, counts);
    st.blockingKeys = counts.keys;
    st.blocks = counts.blocks;
    st.skippedBlocks = counts.skippedBlocks;
    st.candidates = pairs.size();
    pairs.erase(std::remove_if(pairs.begin(), pairs.end(),
                               [&](std::uint64_t p) {
                                   auto a = static_cast<std::uint32_t>(p >> 32);
                                   auto b = static_cast<std::uint32_t>(p);
                                   return !index.compatible(a, b) || notSame.count(p) > 0;
                               }),
                pairs.end());
    st.scored = pairs.size();
    st.blockSeconds = secondsSince(t1);

    // Scoring, on every core: each thread takes an interleaved share of the pairs.
    auto t2 = Clock::now();
    unsigned threads = options.threads;
    if (threads == 0) {
        // Every core, but not for a few pairs, where starting threads costs more than it saves.
        threads = std::max(1u, std::thread::hardware_concurrency());
        threads = static_cast<unsigned>(std::min<std::size_t>(threads, 1 + pairs.size() / 4096));
    }
    std::vector<std::vector<ScoredPair>> found(threads);
    // Each thread counts its pairs into `scored` every kStep; the calling thread (0) reports.
    constexpr std::size_t kStep = 1024;
    std::atomic<std::uint64_t> scored{0};
    const std::uint64_t total = pairs.size();
    auto work = [&](unsigned t) {
        std::size_t sinceReport = 0;
        for (std::size_t i = t; i < pairs.size(); i += threads) {
            ScoredPair s = index.score(static_cast<std::uint32_t>(pairs[i] >> 32),
                                       static_cast<std::uint32_t>(pairs[i]));
            if (s.score >= options.minScore && s.score > 0) found[t].push_back(s);
            if (++sinceReport == kStep) {
                std::uint64_t done = scored.fetch_add(kStep, std::memory_order_relaxed) + kStep;
                if (t == 0 && options.progress) options.progress(done, total);
                sinceReport = 0;
            }
        }
    };
    if (threads == 1) {
        work(0);
    } else {
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
        work(0);
        for (auto& th : pool) th.join();
    }
    if (options.progress) options.progress(total, total);
    std::vector<ScoredPair> all;
    for (auto& f : found) all.insert(all.end(), f.begin(), f.end());
    st.suggestions = all.size();
    // Indexes are in entity id order, so ordering by them orders by ids.
    auto better = [](const ScoredPair& x, const ScoredPair& y) {
        if (x.score != y.score) return x.score > y.score;
        return std::make_pair(x.a, x.b) < std::make_pair(y.a, y.b);
    };
    if (all.size() > options.limit) {
        std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(options.limit),
                          all.end(), better);
        all.resize(options.limit);
    } else {
        std::sort(all.begin(), all.end(), better);
    }
    // Keys and names of the entities shown: looked up one by one for a short list, read in
    // one pass over the entities for a long one.
    std::vector<EntityId> shown;
    for (const auto& s : all) {
        shown.push_back(index.id(s.a));
        shown.push_back(index.id(s.b));
    }
    std::sort(shown.begin(), shown.end());
    shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
    std::vector<std::pair<std::string, std::string>> labels(shown.size());
    auto slot = [&](EntityId id) {
        return static_cast<std::size_t>(std::lower_bound(shown.begin(), shown.end(), id) -
                                        shown.begin());
    };
    if (shown.size() <= 1000) {
        for (std::size_t i = 0; i < shown.size(); ++i) {
            if (auto e = store.entity(shown[i])) labels[i] = {e->key, e->name};
        }
    } else {
        store.forEachCanonicalEntity(
            [&](EntityId id, const std::string& key, const std::string&, const std::string& name) {
                std::size_t i = slot(id);
                if (i < shown.size() && shown[i] == id) labels[i] = {key, name};
            });
    }
    std::vector<Suggestion> out;
    out.reserve(all.size());
    for (const auto& s : all) {
        Suggestion sug;
        sug.a = index.id(s.a);
        sug.b = index.id(s.b);
        sug.score = s.score;
        sug.reasons = reasonsOf(s);
        std::tie(sug.aKey, sug.aName) = labels[slot(sug.a)];
        std::tie(sug.bKey, sug.bName) = labels[slot(sug.b)];
        out.push_back(std::move(sug));
    }
    st.scoreSeconds = secondsSince(t2);
    std::vector<Suggestion> held = ambiguitySuggestions(store, schema);
    if (held.empty()) return out;
    st.suggestions += held.size();
    held.insert(held.end(), std::make_move_iterator(out.begin()),
                std::make_move_iterator(out.end()));
    if (held.size() > options.limit) held.resize(options.limit);
    return held;
}

}  // namespace cg::resolve
