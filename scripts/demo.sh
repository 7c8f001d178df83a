#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The main job on samples/: ingest into the embedded SQLite database, run the saved queries,
# write the exports under out/. Called by `make demo`.
set -euo pipefail
BIN=${1:-build/claimgraph}
DB=${2:-out/demo.claimgraph}
OUT=$(dirname "$DB")
mkdir -p "$OUT"
rm -f "$DB" "$DB-wal" "$DB-shm"

echo "== ingest samples/ into $DB"
"$BIN" --db "$DB" ingest samples/*.claims.jsonl
"$BIN" --db "$DB" stats > "$OUT/stats.txt"
"$BIN" --db "$DB" --json stats > "$OUT/stats.json"
"$BIN" --db "$DB" show "Sar Kheng" > "$OUT/show-sar-kheng.txt"
"$BIN" --db "$DB" explain "Sar Kheng" "Ministry of Interior" > "$OUT/explain-sar-kheng-ministry.txt"

if [ -x scripts/demo-extra.sh ]; then
    bash scripts/demo-extra.sh "$BIN" "$DB" "$OUT"
fi

echo
echo "== outputs"
echo "database:  $DB"
find "$OUT" -maxdepth 2 -type f ! -name "$(basename "$DB")*" | sort | sed 's/^/  /'
