# SPDX-License-Identifier: MIT
"""Reference answers from networkx for the query tests.

Usage: nx_reference.py GRAPH.json TASK.json
GRAPH: {"nodes": [key...], "edges": [[source, target, type, directed, confidence,
        share_min or null, share_max or null], ...]} as the C++ view holds them.
TASK:  {"task": name, ...parameters}; the answer is printed as JSON on stdout.
"""
import json
import math
import sys

import networkx as nx
from networkx.algorithms.centrality import betweenness as nx_betweenness
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python


def links(graph, directed, relations=None, multi=False):
    """The graph as networkx sees it: undirected relations run both ways when directed."""
    if directed:
        g = nx.MultiDiGraph() if multi else nx.DiGraph()
    else:
        g = nx.MultiGraph() if multi else nx.Graph()
    g.add_nodes_from(graph["nodes"])
    for s, t, kind, is_directed, conf, smin, smax in graph["edges"]:
        if relations and kind not in relations:
            continue
        data = {"kind": kind, "conf": conf, "smin": smin, "smax": smax}
        g.add_edge(s, t, **data)
        if directed and not is_directed:
            g.add_edge(t, s, **data)
    return g


def paths(graph, task):
    g = links(graph, task["directed"], task.get("relations"))
    out = []
    for a, b in task["pairs"]:
        entry = {"from": a, "to": b}
        try:
            entry["dist"] = nx.shortest_path_length(g, a, b)
        except nx.NetworkXNoPath:
            entry["dist"] = None
        if entry["dist"] is not None:
            found = []
            for p in nx.all_shortest_paths(g, a, b):
                found.append(p)
                if len(found) > task["limit"]:
                    break
            entry["all"] = found
        out.append(entry)
    return out


def credible(graph, task):
    g = nx.DiGraph() if task["directed"] else nx.Graph()
    g.add_nodes_from(graph["nodes"])
    for s, t, kind, is_directed, conf, smin, smax in graph["edges"]:
        if conf <= 0:
            continue
        cost = -math.log(conf)
        ends = [(s, t)] if not task["directed"] or is_directed else [(s, t), (t, s)]
        for u, v in ends:
            if not g.has_edge(u, v) or g[u][v]["cost"] > cost:
                g.add_edge(u, v, cost=cost)
    out = []
    for a, b in task["pairs"]:
        try:
            out.append(nx.dijkstra_path_length(g, a, b, weight="cost"))
        except nx.NetworkXNoPath:
            out.append(None)
    return out


def simple(graph, task):
    g = links(graph, task["directed"], task.get("relations"))
    return [sorted(nx.all_simple_paths(g, a, b, cutoff=task["cutoff"])) for a, b in task["pairs"]]


def neighbourhood(graph, task):
    g = links(graph, task["directed"], task.get("relations"))
    return {c: nx.single_source_shortest_path_length(g, c, cutoff=task["hops"]) for c in task["centres"]}


def components(graph, task):
    weak = links(graph, False, task.get("relations"))
    strong = links(graph, True, task.get("relations"))
    return {
        "weak": [sorted(c) for c in nx.connected_components(weak)],
        "strong": [sorted(c) for c in nx.strongly_connected_components(strong)],
    }


def cycles(graph, task):
    g = nx.DiGraph()
    g.add_nodes_from(graph["nodes"])
    for s, t, kind, is_directed, conf, smin, smax in graph["edges"]:
        if kind in task["relations"] and is_directed:
            g.add_edge(s, t)
    found = []
    for c in nx.simple_cycles(g):
        found.append(c)
        if len(found) > task["limit"]:
            break
    return found


def ownership(graph, task):
    """Every simple chain of ownership links (owns, or another carrier with a share), its
    interval the product of the links' intervals (unknown: 0-100), summed per owner. Parallel
    relations between one pair are one link: the largest lower and upper bounds, unknown when
    only relations without a share reach that upper bound."""
    pairs = {}
    for s, t, kind, is_directed, conf, smin, smax in graph["edges"]:
        if not is_directed or kind not in task["relations"]:
            continue
        if kind != "owns" and smin is None:
            continue
        key = (t, s) if task["upwards"] else (s, t)
        if smin is None:
            lo, hi, unknown = 0.0, 100.0, True
        else:
            lo, hi, unknown = min(max(smin, 0), 100), min(max(smax, 0), 100), False
        pairs.setdefault(key, []).append((lo, hi, unknown))
    g = nx.DiGraph()
    g.add_nodes_from(graph["nodes"])
    for (u, v), links in pairs.items():
        hi = max(link[1] for link in links)
        unknown = any(link[2] for link in links) and not any(
            not link[2] and link[1] >= 100 for link in links)
        g.add_edge(u, v, lo=max(link[0] for link in links), hi=hi, unknown=unknown)
    answer = {}
    for target in task["targets"]:
        figures = {}
        others = set(g.nodes) - {target}
        if others:
            for chain in nx.all_simple_edge_paths(g, target, others, cutoff=task["max_depth"]):
                other = chain[-1][1]
                lo, hi, unknown = 1.0, 1.0, False
                for u, v in chain:
                    d = g.edges[u, v]
                    lo *= d["lo"] / 100
                    hi *= d["hi"] / 100
                    unknown = unknown or d["unknown"]
                f = figures.setdefault(other, [0.0, 0.0, 0, 0, len(chain)])
                f[0] += lo * 100
                f[1] += hi * 100
                f[2] += 1
                f[3] += 1 if unknown else 0
                f[4] = min(f[4], len(chain))
        for f in figures.values():
            f[0] = min(f[0], 100.0)
            f[1] = min(f[1], 100.0)
        answer[target] = figures
    return answer


def centrality(graph, task):
    g = links(graph, task["directed"], task.get("relations"))
    return {metric: centrality_of(g, metric, task) for metric in task["metrics"]}


def centrality_of(g, metric, task):
    if metric == "degree":
        return nx.degree_centrality(g)
    if metric == "betweenness":
        return nx.betweenness_centrality(g)
    if metric == "sampled_betweenness":
        sources = task["sources"]
        scores = dict.fromkeys(g, 0.0)
        for s in sources:
            order, preds, sigma, _ = nx_betweenness._single_source_shortest_path_basic(g, s)
            scores, _ = nx_betweenness._accumulate_basic(scores, order, preds, sigma, s)
        return nx_betweenness._rescale(
            scores, len(g), normalized=True, directed=g.is_directed(), endpoints=False, sampled_nodes=sources
        )
    if metric == "pagerank":
        return _pagerank_python(g, alpha=task["damping"], tol=task["tolerance"], max_iter=5000)
    if metric == "closeness":
        return {u: nx.closeness_centrality(g, u=u) for u in task["nodes"]}
    if metric == "harmonic":
        return nx.harmonic_centrality(g, nbunch=task["nodes"])
    if metric == "eigenvector":
        try:
            return nx.eigenvector_centrality(g, max_iter=task.get("max_iter", 100), tol=task.get("eig_tol", 1e-6))
        except nx.PowerIterationFailedConvergence:
            return "not converged"
    raise SystemExit("unknown metric " + metric)


TASKS = {
    "paths": paths,
    "credible": credible,
    "simple": simple,
    "neighbourhood": neighbourhood,
    "components": components,
    "cycles": cycles,
    "ownership": ownership,
    "centrality": centrality,
}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        graph = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        task = json.load(f)
    json.dump(TASKS[task["task"]](graph, task), sys.stdout)


if __name__ == "__main__":
    main()
