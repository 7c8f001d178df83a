# SPDX-License-Identifier: MIT
"""The peers of claimgraph-bench: the same operations on the same graph (edges.tsv, nodes.tsv
from bench/generate), with networkx (pure Python paths) or python3-igraph (the igraph C
library). bench/run starts one process per tool, size and run:

    python3 bench/peers.py --tool networkx --data DIR --out DIR --ops load,wcc,...
    /usr/bin/python3 bench/peers.py --tool igraph ...

Each operation prints one JSON line {"op", "seconds", "peak_bytes", ...} like
claimgraph-bench, and writes the values that are compared (little-endian doubles or int32)
to --out. An operation the tool cannot do prints {"op", "skipped": reason}.

The graph each tool gets is the one claimgraph's view holds: node i is entity ei; a directed
relation is an arc, an undirected one (family_of, associate_of) an arc each way; whole-graph
measures run on distinct neighbours (parallel relations and self-loops count once), as
claimgraph's SimpleGraph does. PageRank is directed; components weak and strong; betweenness,
closeness, paths and neighbourhoods undirected.
"""

import argparse
import json
import os
import sys
import time
from array import array

clock = time.perf_counter


def reset_peak():
    cpu_mark[0] = time.process_time()
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def peak_bytes():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


cpu_mark = [0.0]


def report(op, seconds, **extra):
    row = {"op": op, "seconds": seconds, "cpu_seconds": time.process_time() - cpu_mark[0],
           "peak_bytes": peak_bytes()}
    row.update(extra)
    print(json.dumps(row), flush=True)


def skipped(op, why):
    print(json.dumps({"op": op, "skipped": why}), flush=True)


def percentiles(each):
    s = sorted(each)
    if not s:
        return {"queries": 0, "p50": 0, "p99": 0, "max": 0}
    pick = lambda p: s[min(len(s) - 1, int(p * (len(s) - 1) + 0.5))]
    return {"queries": len(s), "p50": pick(0.5), "p99": pick(0.99), "max": s[-1]}


def top(values, k=10):
    order = sorted(range(len(values)), key=lambda v: (-values[v], v))
    return order[:k]


def read_rows(path):
    with open(path) as f:
        return [[int(x) for x in line.split()] for line in f if line.strip()]


def write_array(path, code, values):
    with open(path, "wb") as f:
        array(code, values).tofile(f)


def read_edges(data):
    """(n, arcs as (a, b, relation, directed, share_min, share_max))."""
    with open(os.path.join(data, "meta.json")) as f:
        n = json.load(f)["entities"]
    edges = []
    with open(os.path.join(data, "edges.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            a, b, rel, d, lo, hi = line.rstrip("\n").split("\t")
            edges.append((int(a), int(b), rel, d == "1",
                          float(lo) if lo else None, float(hi) if hi else None))
    return n, edges


def read_nodes(data):
    types, names = [], []
    with open(os.path.join(data, "nodes.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            _, _, t, name = line.rstrip("\n").split("\t", 3)
            types.append(t)
            names.append(name)
    return types, names


def owners_reached(predecessors, start, max_depth=10, max_chains=100_000):
    """claimgraph's traceOwnership upwards, in Python: every simple chain of `owns` relations
    up from `start`, at most max_depth long; an owner's figure is the sum over its chains of
    the product of the share intervals. Returns {owner: (min, max)}."""
    figures = {}
    chains = 0
    on_path = {start}
    stack = [(start, 0, 1.0, 1.0, iter(predecessors.get(start, ())))]
    while stack:
        node, depth, lo, hi, it = stack[-1]
        step = next(it, None)
        if step is None:
            stack.pop()
            on_path.discard(node)
            continue
        owner, smin, smax = step
        if owner in on_path or depth >= max_depth:
            continue
        if chains >= max_chains:
            break
        chains += 1
        clo = lo * (0.0 if smin is None else smin / 100.0)
        chi = hi * (1.0 if smax is None else smax / 100.0)
        f = figures.get(owner)
        figures[owner] = (clo, chi) if f is None else (min(1.0, f[0] + clo), min(1.0, f[1] + chi))
        on_path.add(owner)
        stack.append((owner, depth + 1, clo, chi, iter(predecessors.get(owner, ()))))
    return figures


class NetworkxPeer:
    name = "networkx"

    def load(self, data):
        import networkx as nx
        self.nx = nx
        n, edges = read_edges(data)
        self.n = n
        dg = nx.DiGraph()
        dg.add_nodes_from(range(n))
        g = nx.Graph()
        g.add_nodes_from(range(n))
        preds = {}
        for a, b, rel, directed, lo, hi in edges:
            if a == b:
                continue
            dg.add_edge(a, b)
            if not directed:
                dg.add_edge(b, a)
            g.add_edge(a, b)
            if rel == "owns":
                preds.setdefault(b, []).append((a, lo, hi))
        self.dg, self.g, self.preds, self.edges = dg, g, preds, edges

    def wcc(self):
        return {"components": self.nx.number_weakly_connected_components(self.dg)}

    def scc(self):
        return {"components": self.nx.number_strongly_connected_components(self.dg)}

    def pagerank(self, tolerance, iterations):
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        # networkx stops when the L1 change is below n * tol: the same test as claimgraph's.
        pr = _pagerank_python(self.dg, alpha=0.85, tol=tolerance / self.n, max_iter=iterations)
        return [pr[v] for v in range(self.n)]

    def betweenness(self, sources=None):
        if sources is None:
            bc = self.nx.betweenness_centrality(self.g)
            return [bc[v] for v in range(self.n)]
        # A given sample, so that claimgraph and networkx use the same sources: the loop of
        # nx.betweenness_centrality(k=...) with its own helpers and its 3.6 rescaling.
        from networkx.algorithms.centrality import betweenness as b
        bc = dict.fromkeys(self.g, 0.0)
        for s in sources:
            S, P, sigma, _ = b._single_source_shortest_path_basic(self.g, s)
            bc, _ = b._accumulate_basic(bc, S, P, sigma, s)
        bc = b._rescale(bc, self.n, normalized=True, directed=False, endpoints=False,
                        sampled_nodes=sources)
        return [bc[v] for v in range(self.n)]

    def harmonic(self, nodes=None):
        hc = self.nx.harmonic_centrality(self.g, nbunch=nodes)
        return [hc[v] for v in (range(self.n) if nodes is None else nodes)]

    def path_length(self, s, t):
        try:
            return self.nx.shortest_path_length(self.g, s, t)
        except self.nx.NetworkXNoPath:
            return -1

    def hop2(self, s):
        return len(self.nx.single_source_shortest_path_length(self.g, s, cutoff=2))

    def export(self, fmt, path, data):
        nx = self.nx
        types, names = read_nodes(data)
        mg = nx.MultiDiGraph()
        for v in range(self.n):
            mg.add_node(v, type=types[v], label=names[v])
        for a, b, rel, directed, lo, hi in self.edges:
            attrs = {"relation": rel, "directed": directed}
            if lo is not None:
                attrs["share_min"], attrs["share_max"] = lo, hi
            mg.add_edge(a, b, **attrs)
        start = clock()
        if fmt == "graphml":
            nx.write_graphml(mg, path)
        else:
            with open(path, "w", encoding="utf-8") as f:
                json.dump(nx.node_link_data(mg, edges="edges"), f)
        return clock() - start


class IgraphPeer:
    name = "igraph"

    def load(self, data):
        import warnings
        import igraph as ig
        warnings.filterwarnings("ignore", message="Couldn't reach some vertices")
        self.ig = ig
        n, edges = read_edges(data)
        self.n = n
        arcs = []
        links = []
        for a, b, rel, directed, lo, hi in edges:
            if a == b:
                continue
            arcs.append((a, b))
            if not directed:
                arcs.append((b, a))
            links.append((a, b))
        dg = ig.Graph(n=n, edges=arcs, directed=True)
        dg.simplify()
        g = ig.Graph(n=n, edges=links, directed=False)
        g.simplify()
        self.dg, self.g, self.edges = dg, g, edges

    def wcc(self):
        return {"components": len(self.dg.connected_components(mode="weak"))}

    def scc(self):
        return {"components": len(self.dg.connected_components(mode="strong"))}

    def pagerank(self, tolerance, iterations):
        # PRPACK, igraph's default; it solves to its own fixed tolerance (1e-10), which
        # python-igraph does not expose.
        return self.dg.pagerank(directed=True, damping=0.85)

    def betweenness(self, sources=None):
        if sources is not None:
            return None  # python-igraph 0.10 has no source sample
        raw = self.g.betweenness(directed=False)
        scale = 2.0 / ((self.n - 1) * (self.n - 2))  # igraph counts each unordered pair once
        return [x * scale for x in raw]

    def harmonic(self, nodes=None):
        return self.g.harmonic_centrality(vertices=nodes, normalized=False)

    def path_length(self, s, t):
        # get_shortest_paths stops its breadth-first search at the target; distances() would
        # search the whole component.
        route = self.g.get_shortest_paths(s, to=t, output="vpath")[0]
        return len(route) - 1 if route else -1

    def hop2(self, s):
        return self.g.neighborhood_size(vertices=s, order=2)

    def export(self, fmt, path, data):
        if fmt != "graphml":
            return None
        types, names = read_nodes(data)
        mg = self.ig.Graph(n=self.n, edges=[(a, b) for a, b, *_ in self.edges], directed=True)
        mg.vs["type"] = types
        mg.vs["label"] = names
        mg.es["relation"] = [e[2] for e in self.edges]
        mg.es["directed"] = [e[3] for e in self.edges]
        mg.es["share_min"] = [float("nan") if e[4] is None else e[4] for e in self.edges]
        mg.es["share_max"] = [float("nan") if e[5] is None else e[5] for e in self.edges]
        start = clock()
        mg.write_graphml(path)
        return clock() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", choices=["networkx", "igraph"], required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--ops", required=True)
    ap.add_argument("--seeds")
    ap.add_argument("--owned")
    ap.add_argument("--sample")
    ap.add_argument("--pagerank-tolerance", type=float, default=1e-9)
    ap.add_argument("--pagerank-iterations", type=int, default=1000)
    args = ap.parse_args()
    peer = NetworkxPeer() if args.tool == "networkx" else IgraphPeer()
    out = lambda name: os.path.join(args.out, f"{peer.name}-{name}")

    reset_peak()
    t0 = clock()
    peer.load(args.data)
    report("load", clock() - t0, nodes=peer.n)

    for op in args.ops.split(","):
        if op == "load":
            continue
        reset_peak()
        if op in ("wcc", "scc"):
            t0 = clock()
            res = getattr(peer, op)()
            report(op, clock() - t0, **res)
        elif op == "pagerank":
            t0 = clock()
            pr = peer.pagerank(args.pagerank_tolerance, args.pagerank_iterations)
            t1 = clock()
            write_array(out("pagerank.f64"), "d", pr)
            report(op, t1 - t0, top=top(pr))
        elif op == "betweenness":
            t0 = clock()
            bc = peer.betweenness()
            t1 = clock()
            write_array(out("betweenness.f64"), "d", bc)
            report(op, t1 - t0, sources=peer.n, top=top(bc))
        elif op == "betweenness-sampled":
            sources = [r[0] for r in read_rows(args.sample)]
            t0 = clock()
            bc = peer.betweenness(sources)
            t1 = clock()
            if bc is None:
                skipped(op, "python-igraph 0.10 has no sampled betweenness (no source subset)")
                continue
            write_array(out("betweenness-sampled.f64"), "d", bc)
            report(op, t1 - t0, sources=len(sources), top=top(bc))
        elif op == "harmonic" or op == "harmonic-sampled":
            nodes = None if op == "harmonic" else [r[0] for r in read_rows(args.sample)]
            t0 = clock()
            hc = peer.harmonic(nodes)
            t1 = clock()
            write_array(out(op + ".f64"), "d", hc)
            report(op, t1 - t0, nodes=peer.n if nodes is None else len(nodes),
                   top=top(hc) if nodes is None else [])
        elif op == "paths":
            pairs = read_rows(args.seeds)
            each, lengths = [], []
            t0 = clock()
            for s, t in pairs:
                q0 = clock()
                lengths.append(peer.path_length(s, t))
                each.append(clock() - q0)
            t1 = clock()
            write_array(out("paths.i32"), "i", lengths)
            report(op, t1 - t0, **percentiles(each))
        elif op == "hop2-uncapped":
            pairs = read_rows(args.seeds)
            each, sizes = [], []
            t0 = clock()
            for row in pairs:
                q0 = clock()
                sizes.append(peer.hop2(row[0]))
                each.append(clock() - q0)
            t1 = clock()
            write_array(out("hop2-uncapped.i32"), "i", sizes)
            report(op, t1 - t0, cap=0, **percentiles(each))
        elif op == "owners":
            if not hasattr(peer, "preds"):
                skipped(op, "no ownership tracing in igraph")
                continue
            targets = [r[0] for r in read_rows(args.owned)]
            each, figures = [], []
            t0 = clock()
            for v in targets:
                q0 = clock()
                figures.append(len(owners_reached(peer.preds, v)))
                each.append(clock() - q0)
            t1 = clock()
            write_array(out("owners.i32"), "i", figures)
            report(op, t1 - t0, **percentiles(each))
        elif op in ("export-graphml", "export-json"):
            fmt = op[7:]
            path = out("export." + fmt)
            secs = peer.export(fmt, path, args.data)
            if secs is None:
                skipped(op, f"no {fmt} node-link writer")
                continue
            size = os.path.getsize(path)
            os.remove(path)
            report(op, secs, bytes=size)
        else:
            skipped(op, "not measured for this tool")


if __name__ == "__main__":
    sys.exit(main())
