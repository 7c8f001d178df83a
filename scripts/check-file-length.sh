#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# House rule (docs/architecture.md): no hand-written C++ file in the modules is over 800
# lines; tests, vendored and generated files aside. Prints each one that is, exits 1 if any.
set -euo pipefail
root="${1:-$(dirname "$0")/..}"
limit=800
status=0
cd "$root"
for dir in graph resolve ingest queries export cli; do
    [ -d "$dir" ] || continue
    while IFS= read -r -d '' file; do
        lines=$(wc -l < "$file")
        if [ "$lines" -gt "$limit" ]; then
            echo "$file: $lines lines, more than $limit: split it, one concept per file" >&2
            status=1
        fi
    done < <(find "$dir" -path "$dir/web" -prune -o \( -name '*.cpp' -o -name '*.hpp' \) -print0)
done
exit $status
