# SPDX-License-Identifier: MIT
"""Reads claimgraph exports back with real clients and compares them with what the store holds.

usage: read_exports.py DIR networkx|igraph

DIR holds expected.json (written by the C++ test from the graph view, not from the writers)
and the exports: graph.graphml, graph.gexf, graph.json, graph.cyjs, neo4j/nodes.csv and
neo4j/relationships.csv. Exits 0 when every check passes, 1 on a failure (listing all of
them), 77 when the client library is not installed.
"""
import csv
import json
import math
import os
import sys

SKIP = 77
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def xml_text(text):
    """The text an XML 1.0 reader gets back: characters XML cannot hold become U+FFFD."""
    out = []
    for ch in text:
        cp = ord(ch)
        allowed = (cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD
                   or 0x10000 <= cp <= 0x10FFFF)
        out.append(ch if allowed else "\ufffd")
    return "".join(out)


def csv_text(text):
    """The text of a CSV cell: a leading formula character is neutralised with an apostrophe."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def close(a, b):
    return a is not None and b is not None and math.isclose(float(a), float(b), rel_tol=1e-6)


def as_list(value):
    """A list attribute: an array in the JSON formats, a JSON array in one string in XML."""
    return json.loads(value) if isinstance(value, str) else value


def check_graph(fmt, g, expected, node_id, edge_key, text=lambda s: s):
    """Common checks on a networkx multigraph read from one export."""
    nodes, edges = expected["nodes"], expected["edges"]
    check(g.is_directed(), f"{fmt}: graph is not directed")
    check(g.number_of_nodes() == len(nodes), f"{fmt}: {g.number_of_nodes()} nodes, expected {len(nodes)}")
    check(g.number_of_edges() == len(edges), f"{fmt}: {g.number_of_edges()} edges, expected {len(edges)}")
    for n in nodes:
        nid = node_id(n)
        if not check(nid in g.nodes, f"{fmt}: node {nid!r} missing"):
            continue
        data = g.nodes[nid]
        check(data.get("label") == text(n["name"]), f"{fmt}: node {nid!r} label {data.get('label')!r} != {text(n['name'])!r}")
        check(data.get("type") == n["type"], f"{fmt}: node {nid!r} type {data.get('type')!r} != {n['type']!r}")
        check(isinstance(data.get("disputed"), bool), f"{fmt}: node {nid!r} disputed is not a boolean")
        check(isinstance(data.get("source_count"), int), f"{fmt}: node {nid!r} source_count is not an integer")
    for e in edges:
        key = (node_id({"xml_id": e["source_xml"], "key": e["source"]}),
               node_id({"xml_id": e["target_xml"], "key": e["target"]}), edge_key(e))
        if not check(g.has_edge(*key), f"{fmt}: edge {key!r} missing"):
            continue
        data = g.edges[key]
        check(data.get("type") == e["type"], f"{fmt}: edge {key!r} type {data.get('type')!r} != {e['type']!r}")
        check(data.get("label") == e["label"], f"{fmt}: edge {key!r} label {data.get('label')!r} != {e['label']!r}")
        check(close(data.get("weight"), e["confidence"]), f"{fmt}: edge {key!r} weight {data.get('weight')!r} != {e['confidence']!r}")
        check(data.get("symmetric") is e["symmetric"], f"{fmt}: edge {key!r} symmetric {data.get('symmetric')!r}")
        check(as_list(data.get("claim_ids")) == e["claim_ids"], f"{fmt}: edge {key!r} claim_ids {data.get('claim_ids')!r}")
        quotes = [text(q) for q in e["quotes"]]
        check(as_list(data.get("quotes")) == quotes, f"{fmt}: edge {key!r} quotes {data.get('quotes')!r} != {quotes!r}")


def find_edge(g, source, target, type_):
    for u, v, k, data in g.edges(keys=True, data=True):
        if u == source and v == target and data.get("type") == type_:
            return data
    return None


def run_networkx(d, expected):
    try:
        import networkx as nx
    except ImportError:
        print("networkx is not installed")
        return SKIP
    by_xml = lambda n: n["xml_id"]
    by_key = lambda n: n["key"]
    names = {n["key"]: n["name"] for n in expected["nodes"]}

    g = nx.read_graphml(os.path.join(d, "graph.graphml"), edge_key_type=str, force_multigraph=True)
    check_graph("graphml", g, expected, by_xml, lambda e: e["xml_id"], xml_text)
    plain = nx.read_graphml(os.path.join(d, "graph.graphml"))
    check(plain.number_of_edges() == len(expected["edges"]), "graphml: default read_graphml loses edges")

    g = nx.read_gexf(os.path.join(d, "graph.gexf"))
    if not g.is_multigraph():
        g = nx.MultiDiGraph(g)
    check_graph("gexf", g, expected, by_xml, lambda e: e["xml_id"], xml_text)
    if "hx-banker" in names and "=evil-id" in names:
        xml = {n["key"]: n["xml_id"] for n in expected["nodes"]}
        owns = find_edge(g, xml["hx-banker"], xml["=evil-id"], "owns")
        if check(owns is not None, "gexf: the interrupted owns relation is missing"):
            spells = owns.get("spells", [])
            check([s[0] for s in spells] == ["2010-01-01", "2015-06-01"], f"gexf: spells {spells!r}")
            check(spells[:1] == [("2010-01-01", "2012-12-31")], f"gexf: first spell {spells[:1]!r}")

    with open(os.path.join(d, "graph.json"), encoding="utf-8") as f:
        data = json.load(f)
    g = nx.node_link_graph(data)
    check(g.is_multigraph(), "json: not a multigraph")
    check_graph("json", g, expected, by_key, lambda e: e["xml_id"])
    for n in expected["nodes"]:
        if n["key"] in g.nodes:
            check(g.nodes[n["key"]].get("name") == n["name"], f"json: name of {n['key']!r} does not round-trip")

    with open(os.path.join(d, "graph.cyjs"), encoding="utf-8") as f:
        data = json.load(f)
    g = nx.cytoscape_graph(data)
    check_graph("cytoscape", g, expected, by_key, lambda e: e["xml_id"])

    with open(os.path.join(d, "neo4j", "nodes.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    check(header[1] == "entity_id:ID" and header[-1] == ":LABEL", f"neo4j: nodes header {header!r}")
    check(len(rows) - 1 == len(expected["nodes"]), f"neo4j: {len(rows) - 1} node rows")
    ids = {r[1]: r for r in rows[1:]}
    for n in expected["nodes"]:
        row = ids.get(csv_text(n["key"]))
        if check(row is not None, f"neo4j: node {n['key']!r} missing"):
            check(row[2] == csv_text(n["name"]), f"neo4j: name {row[2]!r} != {csv_text(n['name'])!r}")
            check(row[-1].split(";")[0] == n["type"], f"neo4j: label {row[-1]!r}")
    with open(os.path.join(d, "neo4j", "relationships.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    check(rows[0][:3] == [":START_ID", ":END_ID", ":TYPE"], f"neo4j: relationships header {rows[0]!r}")
    check(len(rows) - 1 == len(expected["edges"]), f"neo4j: {len(rows) - 1} relationship rows")
    for r in rows[1:]:
        check(r[0] in ids and r[1] in ids, f"neo4j: relationship {r[:3]!r} points at an unknown node")
    # Ids are a string[] joined by ';'; free text is a JSON array in a string column.
    header = rows[0]
    claim_ids, quotes, relation_id = (header.index("claim_ids:string[]"), header.index("quotes"),
                                      header.index("relation_id:long"))
    by_relation = {int(r[relation_id]): r for r in rows[1:]}
    for e in expected["edges"]:
        r = by_relation.get(int(e["xml_id"][1:]))
        if not check(r is not None, f"neo4j: relationship {e['xml_id']} missing"):
            continue
        ids = [csv_text(i) if n == 0 else i for n, i in enumerate(e["claim_ids"])]
        check(r[claim_ids].split(";") == ids, f"neo4j: {e['xml_id']} claim_ids {r[claim_ids]!r}")
        # An empty field is no property at all in neo4j-admin's grammar: a relation whose claims
        # carry no quote.
        got = json.loads(r[quotes]) if r[quotes] else []
        check(got == e["quotes"], f"neo4j: {e['xml_id']} quotes {r[quotes]!r}")
    return 0


def run_igraph(d, expected):
    try:
        import igraph
    except ImportError:
        print("python3-igraph is not installed")
        return SKIP
    g = igraph.Graph.Read_GraphML(os.path.join(d, "graph.graphml"))
    check(g.is_directed(), "igraph: graph is not directed")
    check(g.vcount() == len(expected["nodes"]), f"igraph: {g.vcount()} vertices, expected {len(expected['nodes'])}")
    check(g.ecount() == len(expected["edges"]), f"igraph: {g.ecount()} edges, expected {len(expected['edges'])}")
    index = {v["id"]: v for v in g.vs}
    for n in expected["nodes"]:
        v = index.get(n["xml_id"])
        if check(v is not None, f"igraph: vertex {n['xml_id']!r} missing"):
            check(v["label"] == xml_text(n["name"]), f"igraph: label {v['label']!r} != {xml_text(n['name'])!r}")
            check(v["type"] == n["type"], f"igraph: type {v['type']!r}")
            check(isinstance(v["disputed"], bool), "igraph: disputed is not a boolean")
    edges = {e["id"]: e for e in g.es}
    for e in expected["edges"]:
        got = edges.get(e["xml_id"])
        if check(got is not None, f"igraph: edge {e['xml_id']!r} missing"):
            check(g.vs[got.source]["id"] == e["source_xml"] and g.vs[got.target]["id"] == e["target_xml"],
                  f"igraph: edge {e['xml_id']!r} has the wrong ends")
            check(close(got["weight"], e["confidence"]), f"igraph: weight {got['weight']!r} != {e['confidence']!r}")
            check(got["label"] == e["label"], f"igraph: edge label {got['label']!r}")
    return 0


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in ("networkx", "igraph"):
        print(__doc__)
        return 2
    d = sys.argv[1]
    with open(os.path.join(d, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    status = (run_networkx if sys.argv[2] == "networkx" else run_igraph)(d, expected)
    if status != 0:
        return status
    for message in failures:
        print(message)
    if failures:
        return 1
    print(f"{sys.argv[2]}: {len(expected['nodes'])} nodes and {len(expected['edges'])} edges read back")
    return 0


if __name__ == "__main__":
    sys.exit(main())
