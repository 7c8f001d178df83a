#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The floor any loader of a claims file stands on: what a minimal Python loader costs.

    python3 bench/minimal_loader.py DB CLAIMS.jsonl

`json.loads` per line and `executemany` into one unindexed table in one transaction: no
checks, no resolution, no provenance, no indexes. It is the yardstick of issue 22's ingest
target (claimgraph at least twice as fast on the same file, measured in the same run by
bench/ingest_names.py). Prints one JSON line: rows, seconds, rows_per_second.
"""

import json
import os
import sqlite3
import sys
import time


def rows(path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if "source" in record and isinstance(record["source"], dict):
                continue  # a source declaration, not a claim
            subject, obj = record.get("subject") or {}, record.get("object") or {}
            yield (record.get("id"), record.get("source"), subject.get("type"), subject.get("name"),
                   record.get("relation"), obj.get("type"), obj.get("name"), line)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    db, claims = sys.argv[1], sys.argv[2]
    if os.path.exists(db):
        os.remove(db)
    start = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE claims (id TEXT, source TEXT, subject_type TEXT, subject_name TEXT,"
                " relation TEXT, object_type TEXT, object_name TEXT, raw TEXT)")
    with con:
        con.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows(claims))
    count = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    con.close()
    seconds = time.perf_counter() - start
    print(json.dumps({"rows": count, "seconds": round(seconds, 3),
                      "rows_per_second": round(count / seconds)}))


if __name__ == "__main__":
    main()
