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
"$BIN" --db "$DB" -q report "Aurelian Holdings Ltd" --out "$OUT/report-aurelian-holdings.html"
"$BIN" --db "$DB" -q report "Aurelian Holdings Ltd" --out "$OUT/report-aurelian-holdings.md"

echo "== saved queries (samples/queries/) -> $OUT/queries/"
mkdir -p "$OUT/queries"
for file in samples/queries/*.json; do
    name=$(basename "$file" .json)
    "$BIN" --db "$DB" query save "$file" > /dev/null
    "$BIN" --db "$DB" query run "$name" > "$OUT/queries/$name.txt"
    "$BIN" --db "$DB" --json query run "$name" > "$OUT/queries/$name.json"
    "$BIN" --db "$DB" -q export --query "$name" --format graphml --out "$OUT/queries/$name.graphml"
    "$BIN" --db "$DB" -q export --query "$name" --format html --out "$OUT/queries/$name.html"
    echo "  $name: $(grep -c . "$OUT/queries/$name.txt") lines"
done

echo "== exports -> $OUT/"
"$BIN" --db "$DB" -q export --format graphml --out "$OUT/claimgraph.graphml"
"$BIN" --db "$DB" -q export --format gexf --out "$OUT/claimgraph.gexf"
"$BIN" --db "$DB" -q export --format json --out "$OUT/claimgraph.json"
"$BIN" --db "$DB" -q export --format cytoscape --out "$OUT/claimgraph.cyjs"
"$BIN" --db "$DB" -q export --format neo4j --out "$OUT/neo4j"
"$BIN" --db "$DB" -q export --format ftm --out "$OUT/claimgraph.ftm.json"
"$BIN" --db "$DB" -q export --format gexf --relations owns,controls --out "$OUT/ownership.gexf"

echo "== HTML views (open in a browser, offline) -> $OUT/, $OUT/view.png (docs/view.md)"
"$BIN" --db "$DB" -q export --format html --out "$OUT/view.html"
"$BIN" --db "$DB" -q view "Marisol Vantongeren" --hops 2 --out "$OUT/view-marisol-vantongeren.html"
if [ -x /usr/bin/chromium ]; then
    profile=$(mktemp -d)
    /usr/bin/chromium --headless --no-sandbox --disable-gpu --use-angle=swiftshader \
        --enable-unsafe-swiftshader --disable-background-networking --disable-component-update \
        --disable-sync --no-first-run --user-data-dir="$profile" --virtual-time-budget=10000 \
        --window-size=1200,800 --screenshot="$OUT/view.png" \
        "file://$(realpath "$OUT/view.html")#entity=e-fx-marisol" >/dev/null 2>&1
    rm -rf "$profile"
else
    echo "  /usr/bin/chromium is not installed (scripts/install-deps.sh): no $OUT/view.png"
fi

echo
echo "== outputs"
echo "database:  $DB"
find "$OUT" -maxdepth 2 -type f ! -name "$(basename "$DB")*" | sort | sed 's/^/  /'
echo "open $OUT/view.html in a browser, or $OUT/claimgraph.graphml or $OUT/claimgraph.gexf in Gephi;"
echo "see README.md for a tour"
