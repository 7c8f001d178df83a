#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Report speed: `claimgraph report` of an entity with --claims claims (default 1,000).

    bench/report_speed.py [--claimgraph build/claimgraph] [--claims 1000] [--runs 3]

Writes a fictional fixture into a temporary directory: one person named by --claims claims
from ten sources (holdings of companies that each own a second one, so that every holding
also has a two-link chain; director and associate relations; denials of some of them;
aliases); ingests it, then
times `report --format html` and `report --format md` to a file, each --runs times as a
separate process, and prints the best and the worst wall-clock time. Not run by CI.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fixture(path, claims):
    lines = []
    for s in range(10):
        lines.append({"source": {"id": f"src-{s}", "title": f"Fictional source {s}",
                                 "publisher": "Bench", "published": f"2024-01-{s + 1:02d}",
                                 "url": f"https://bench.example/{s}", "kind": "registry"}})
    subject = {"type": "Person", "id": "subject", "name": "Bench Subject"}
    n = 0  # claims written
    mine = 0  # of those, claims about the subject

    def claim(**fields):
        nonlocal n, mine
        fields.setdefault("source", f"src-{n % 10}")
        fields.setdefault("quote", f"Quote number {n} about the subject and what it holds")
        fields["id"] = f"b-{n}"
        lines.append(fields)
        n += 1
        mine += fields["subject"] is subject

    c = 0
    while mine < claims:
        kind = c % 5
        company = {"type": "Company", "id": f"co-{c}", "name": f"Bench Company {c} Ltd"}
        if kind in (0, 1):
            claim(subject=subject, relation="owns", object=company,
                  attributes={"share": 10 + c % 80})
            claim(subject={"id": f"co-{c}"}, relation="owns",
                  object={"type": "Company", "id": f"sub-{c}", "name": f"Bench Sub {c} Ltd"},
                  attributes={"share_min": 25, "share_max": 50})
        elif kind == 2:
            claim(subject=subject, relation="director_of", object=company, valid_from="2020")
            if mine < claims:
                claim(subject=subject, relation="director_of", object={"id": f"co-{c}"},
                      stance="denies", confidence=0.6)
        elif kind == 3:
            claim(subject=subject, relation="associate_of",
                  object={"type": "Person", "id": f"p-{c}", "name": f"Bench Person {c}"},
                  confidence=0.7)
        else:
            claim(subject=subject, property="alias", value=f"B. Subject {c}")
        c += 1
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claimgraph", default=os.path.join(ROOT, "build", "claimgraph"))
    ap.add_argument("--claims", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data, db = os.path.join(tmp, "report.claims.jsonl"), os.path.join(tmp, "report.db")
        fixture(data, args.claims)
        subprocess.run([args.claimgraph, "--db", db, "-q", "ingest", data], check=True,
                       stdout=subprocess.DEVNULL)
        for fmt in ("html", "md"):
            times = []
            out = os.path.join(tmp, "report." + fmt)
            for _ in range(args.runs):
                start = time.perf_counter()
                subprocess.run([args.claimgraph, "--db", db, "-q", "report", "subject",
                                "--format", fmt, "--out", out], check=True)
                times.append(time.perf_counter() - start)
            print(f"report --format {fmt}, {args.claims} claims: best {min(times) * 1000:.0f} ms, "
                  f"worst {max(times) * 1000:.0f} ms, {os.path.getsize(out) // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
