# SPDX-License-Identifier: MIT
"""The Python peer of `claimgraph ingest`: the same claims file into SQLite with the standard
library's sqlite3, written the way a careful Python programmer would (one JSON parse per line,
executemany in one transaction per batch of 20,000 records, WAL, synchronous=NORMAL, indexes
on the lookup keys), doing the same core work:

- sources declared and looked up; a claim naming an unknown source is rejected;
- entity types and relation endpoints checked against graph/default_schema.json (subtypes
  included), shares checked and turned into intervals, confidence and stance checked;
- entities resolved by id, then identifier, then lower-cased name within the type, created
  when new, with their names and identifiers stored;
- every claim stored with its raw line; property values stored;
- relations (type, endpoints, relation key) kept with derived values: supporting and
  disputing counts, noisy-or confidence, share interval hull.

It is not claimgraph: no Unicode name folding, titles or legal forms, no claim-content hashes
for ids, no rejections table detail. It prints one JSON line with its counts. The graph for
networkx is then read from the relations table (not timed here).

    python3 bench/ingest_sqlite.py DB CLAIMS.jsonl [--schema graph/default_schema.json]
"""

import argparse
import json
import os
import sqlite3
import sys
import time

DDL = """
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
CREATE TABLE sources(id INTEGER PRIMARY KEY, key TEXT UNIQUE, title TEXT, publisher TEXT,
    url TEXT, published TEXT, kind TEXT);
CREATE TABLE entities(id INTEGER PRIMARY KEY, key TEXT UNIQUE, type TEXT, name TEXT);
CREATE TABLE names(entity INTEGER, name TEXT, norm TEXT, claim INTEGER);
CREATE INDEX names_norm ON names(norm);
CREATE TABLE identifiers(entity INTEGER, scheme TEXT, value TEXT, claim INTEGER);
CREATE INDEX identifiers_value ON identifiers(scheme, value);
CREATE TABLE claims(id INTEGER PRIMARY KEY, key TEXT UNIQUE, source INTEGER, line INTEGER,
    subject INTEGER, object INTEGER, relation TEXT, property TEXT, value TEXT, stance TEXT,
    confidence REAL, share_min REAL, share_max REAL, valid_from TEXT, valid_to TEXT,
    attributes TEXT, quote TEXT, raw TEXT, relation_id INTEGER);
CREATE TABLE properties(entity INTEGER, name TEXT, value TEXT, claim INTEGER, stance TEXT);
CREATE TABLE relations(id INTEGER PRIMARY KEY, type TEXT, src INTEGER, dst INTEGER, rkey TEXT,
    support INTEGER, dispute INTEGER, confidence REAL, share_min REAL, share_max REAL,
    UNIQUE(type, src, dst, rkey));
CREATE TABLE rejections(file TEXT, line INTEGER, reason TEXT, raw TEXT);
"""


class Schema:
    def __init__(self, path):
        with open(path) as f:
            s = json.load(f)
        self.types = s["entity_types"]
        self.relations = s["relation_types"]
        self.properties = s["properties"]
        self._isa = {}

    def isa(self, t, ancestor):
        key = (t, ancestor)
        if key not in self._isa:
            seen, todo, found = set(), [t], False
            while todo:
                x = todo.pop()
                if x == ancestor:
                    found = True
                    break
                if x in seen or x not in self.types:
                    continue
                seen.add(x)
                todo.extend(self.types[x].get("parents", []))
            self._isa[key] = found
        return self._isa[key]

    def allowed(self, rel, a, b):
        r = self.relations[rel]
        ok = lambda t, ends: any(self.isa(t, e) for e in ends) or "Thing" in ends
        return ok(a, r["from"]) and ok(b, r["to"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("claims")
    ap.add_argument("--schema", default=os.path.join(os.path.dirname(__file__), "..", "graph", "default_schema.json"))
    ap.add_argument("--batch", type=int, default=20000)
    args = ap.parse_args()
    started = time.perf_counter()
    schema = Schema(args.schema)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(args.db + suffix):
            os.remove(args.db + suffix)
    con = sqlite3.connect(args.db, isolation_level=None)
    con.executescript(DDL)

    sources = {}
    entity_by_key, entity_type, by_ident, by_name = {}, {}, {}, {}
    claim_keys = set()
    relations = {}      # (type, src, dst, rkey) -> [id, support, dispute, nosupport, nodispute, lo, hi]
    dirty = set()
    counters = {"sources": 0, "accepted": 0, "rejected": 0, "entities": 0}
    next_claim = [1]
    next_entity = [1]
    next_relation = [1]
    rows = {k: [] for k in ("entities", "names", "identifiers", "claims", "properties", "rejections")}

    def resolve(ref, claim_id):
        key = ref.get("id")
        etype = ref.get("type")
        name = ref.get("name") or ""
        idents = ref.get("identifiers") or {}
        eid = None
        if key is not None:
            key = str(key)
            eid = entity_by_key.get(key)
        if eid is None and key is None:
            for scheme, value in idents.items():
                eid = by_ident.get((scheme.lower(), str(value).strip()))
                if eid is not None:
                    break
        norm = " ".join(name.lower().split())
        if eid is None and key is None and norm:
            eid = by_name.get((etype, norm))
        if eid is None:
            eid = next_entity[0]
            next_entity[0] += 1
            if key is None:
                key = f"{(etype or 'thing').lower()}/{norm.replace(' ', '-')}"
            entity_by_key[key] = eid
            entity_type[eid] = etype or "Thing"
            rows["entities"].append((eid, key, etype or "Thing", name or key))
            counters["entities"] += 1
        elif etype and entity_type[eid] == "Thing":
            entity_type[eid] = etype
        if norm and (etype, norm) not in by_name:
            by_name[(etype, norm)] = eid
            rows["names"].append((eid, name, norm, claim_id))
        for scheme, value in idents.items():
            k = (scheme.lower(), str(value).strip())
            if k not in by_ident:
                by_ident[k] = eid
                rows["identifiers"].append((eid, k[0], k[1], claim_id))
        return eid

    def type_of(ref):
        t = ref.get("type")
        if t:
            return t
        key = ref.get("id")
        eid = entity_by_key.get(str(key)) if key is not None else None
        return entity_type.get(eid, "Thing")

    def flush():
        con.execute("BEGIN")
        con.executemany("INSERT INTO entities VALUES (?,?,?,?)", rows["entities"])
        con.executemany("INSERT INTO names VALUES (?,?,?,?)", rows["names"])
        con.executemany("INSERT INTO identifiers VALUES (?,?,?,?)", rows["identifiers"])
        con.executemany("INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows["claims"])
        con.executemany("INSERT INTO properties VALUES (?,?,?,?,?)", rows["properties"])
        con.executemany("INSERT INTO rejections VALUES (?,?,?,?)", rows["rejections"])
        con.executemany(
            "INSERT INTO relations VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
            "support=excluded.support, dispute=excluded.dispute, confidence=excluded.confidence, "
            "share_min=excluded.share_min, share_max=excluded.share_max",
            [(r[0], k[0], k[1], k[2], k[3], r[1], r[2], (1 - r[3]) * r[4], r[5], r[6])
             for k in dirty for r in (relations[k],)])
        con.execute("COMMIT")
        for v in rows.values():
            v.clear()
        dirty.clear()

    def reject(line_no, reason, raw):
        counters["rejected"] += 1
        rows["rejections"].append((args.claims, line_no, reason, raw))

    in_batch = 0
    with open(args.claims, encoding="utf-8") as f:
        for line_no, raw in enumerate(f, 1):
            raw = raw.rstrip("\r\n")
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except ValueError as e:
                reject(line_no, f"invalid JSON: {e}", raw)
                continue
            src = rec.get("source")
            if isinstance(src, dict):
                sid = sources.setdefault(str(src["id"]), len(sources) + 1)
                con.execute("INSERT OR IGNORE INTO sources VALUES (?,?,?,?,?,?,?)",
                            (sid, str(src["id"]), src.get("title"), src.get("publisher"),
                             src.get("url"), src.get("published"), src.get("kind", "other")))
                counters["sources"] += 1
                continue
            if src is None or str(src) not in sources:
                reject(line_no, "unknown source", raw)
                continue
            key = str(rec["id"]) if "id" in rec else None
            if key in claim_keys:
                continue
            stance = rec.get("stance", "asserts")
            conf = rec.get("confidence", 1.0)
            if stance not in ("asserts", "denies") or not isinstance(conf, (int, float)) or not 0 <= conf <= 1:
                reject(line_no, "bad stance or confidence", raw)
                continue
            subject = rec.get("subject")
            if not isinstance(subject, dict):
                reject(line_no, "no subject", raw)
                continue
            st = type_of(subject)
            if st not in schema.types:
                reject(line_no, f"unknown entity type {st}", raw)
                continue
            rel = rec.get("relation")
            prop = rec.get("property")
            cid = next_claim[0]
            lo = hi = None
            if rel is not None:
                obj = rec.get("object")
                if rel not in schema.relations or not isinstance(obj, dict):
                    reject(line_no, "bad relation", raw)
                    continue
                ot = type_of(obj)
                if ot not in schema.types or not schema.allowed(rel, st, ot):
                    reject(line_no, "endpoints not allowed", raw)
                    continue
                attrs = rec.get("attributes") or {}
                if "share" in attrs:
                    lo = hi = float(attrs["share"])
                elif "share_min" in attrs or "share_max" in attrs:
                    lo, hi = float(attrs.get("share_min", 0)), float(attrs.get("share_max", 100))
                if lo is not None and not (0 <= lo <= hi <= 100):
                    reject(line_no, "bad share", raw)
                    continue
                a = resolve(subject, cid)
                b = resolve(obj, cid)
                if a == b:
                    reject(line_no, "subject and object are the same entity", raw)
                    continue
                directed = schema.relations[rel].get("directed", True)
                rk = (rel, a, b, rec.get("relation_key", "")) if directed or a < b else (rel, b, a, rec.get("relation_key", ""))
                r = relations.get(rk)
                if r is None:
                    r = relations[rk] = [next_relation[0], 0, 0, 1.0, 1.0, None, None]
                    next_relation[0] += 1
                if stance == "asserts":
                    r[1] += 1
                    r[3] *= 1 - conf
                    if lo is not None:
                        r[5] = lo if r[5] is None else min(r[5], lo)
                        r[6] = hi if r[6] is None else max(r[6], hi)
                else:
                    r[2] += 1
                    r[4] *= 1 - conf
                dirty.add(rk)
                rows["claims"].append((cid, key or f"h:{cid}", sources[str(src)], line_no, a, b, rel, None, None,
                                       stance, conf, lo, hi, rec.get("valid_from"), rec.get("valid_to"),
                                       json.dumps(attrs), rec.get("quote", ""), raw, r[0]))
            elif prop is not None:
                if prop not in schema.properties or "value" not in rec:
                    reject(line_no, "bad property", raw)
                    continue
                a = resolve(subject, cid)
                value = rec["value"] if isinstance(rec["value"], str) else json.dumps(rec["value"])
                rows["claims"].append((cid, key or f"h:{cid}", sources[str(src)], line_no, a, None, None, prop, value,
                                       stance, conf, None, None, rec.get("valid_from"), rec.get("valid_to"),
                                       None, rec.get("quote", ""), raw, None))
                rows["properties"].append((a, prop, value, cid, stance))
            else:
                reject(line_no, "neither relation nor property", raw)
                continue
            next_claim[0] += 1
            if key is not None:
                claim_keys.add(key)
            counters["accepted"] += 1
            in_batch += 1
            if in_batch >= args.batch:
                flush()
                in_batch = 0
    flush()
    con.close()
    counters["relations"] = len(relations)
    counters["seconds"] = time.perf_counter() - started
    print(json.dumps(counters))


if __name__ == "__main__":
    sys.exit(main())
