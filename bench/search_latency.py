#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Search latency: `claimgraph search --limit 20` end to end over a bench database.

    bench/search_latency.py --db bench/data/1m/claimgraph.db [--claimgraph build/claimgraph]
                            [--queries 200] [--seed 7]

Draws --queries queries of one to three words from the database's own claim quotes, entity
names and source titles (seeded), runs one search first so that the index is built and the
cache warm, then times each query as a separate process and prints p50, p95 and p99 in
milliseconds. Queries holding a word found in more than 1% of claims are reported apart from
the others. Not run by CI; the database is made by bench/run (or `claimgraph ingest` of
bench/data/SIZE/*.jsonl).
"""

import argparse
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, int(round(p / 100 * (len(ordered) - 1)))))
    return ordered[k]


def words_of(text):
    return [w for w in re.split(r"[^\w]+", text.lower()) if len(w) > 1]


def seeded_rows(con, rng, sql, table, wanted=2000):
    """Up to `wanted` texts from rows drawn by rowid with the seeded `rng`, so that the same
    seed draws the same queries from the same database (SQL's random() is not seeded)."""
    top = con.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    found = []
    for rowid in sorted({rng.randint(1, top) for _ in range(wanted)} if top else ()):
        row = con.execute(sql, (rowid,)).fetchone()
        if row and row[0]:
            found.append(row[0])
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--claimgraph", default=os.path.join(ROOT, "build", "claimgraph"))
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    con = sqlite3.connect(args.db)
    claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    texts = seeded_rows(con, rng, "SELECT quote FROM claims WHERE rowid = ? AND quote != ''",
                        "claims")
    texts += seeded_rows(con, rng, "SELECT name FROM names WHERE rowid = ?", "names")
    texts += [r[0] for r in con.execute("SELECT title FROM sources WHERE title != ''")]
    texts = [t for t in texts if words_of(t)]
    texts.sort()
    queries = []
    for _ in range(args.queries):
        words = words_of(rng.choice(texts))
        n = rng.randint(1, min(3, len(words)))
        start = rng.randint(0, len(words) - n)
        queries.append(" ".join(words[start:start + n]))

    base = [args.claimgraph, "--db", args.db, "--json", "search", "--limit", "20"]
    start = time.perf_counter()
    subprocess.run(base + ["warm"], check=True, stdout=subprocess.DEVNULL)
    print(f"index check or build and first search: {1000 * (time.perf_counter() - start):.0f} ms",
          file=sys.stderr)
    # How many claims each word is found in, to set the frequent words apart.
    common = set()
    for word in sorted({w for q in queries for w in q.split()}):
        hits = con.execute("SELECT count(*) FROM search_index WHERE search_index MATCH ?",
                           (f'"{word}"',)).fetchone()[0]
        if hits > claims / 100:
            common.add(word)

    rare, frequent = [], []
    for q in queries:
        t0 = time.perf_counter()
        subprocess.run(base + [q], check=True, stdout=subprocess.DEVNULL)
        ms = 1000 * (time.perf_counter() - t0)
        (frequent if common & set(q.split()) else rare).append(ms)

    print(f"{claims} claims, {len(queries)} queries, load {os.getloadavg()[0]:.1f}")
    for label, values in (("queries without a frequent word", rare),
                          ("queries with a word in over 1% of claims", frequent)):
        if not values:
            print(f"{label}: none")
            continue
        print(f"{label}: {len(values)}, p50 {percentile(values, 50):.1f} ms, "
              f"p95 {percentile(values, 95):.1f} ms, p99 {percentile(values, 99):.1f} ms, "
              f"mean {statistics.mean(values):.1f} ms")



if __name__ == "__main__":
    main()
