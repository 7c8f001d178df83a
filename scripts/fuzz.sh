#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets of tests/fuzz with clang and runs each for a bounded time on a
# corpus seeded from tests/data, samples/ and tests/fuzz/regressions (docs/reliability.md).
# Called by `make fuzz`. Usage: scripts/fuzz.sh [TARGET...]
# Environment: FUZZ_SECONDS (per target, default 60), FUZZ_BUILD (default build-fuzz),
# FUZZ_JOBS (build jobs, default nproc), FUZZ_ARGS (extra libFuzzer flags), FUZZ_NO_BUILD.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
BUILD=${FUZZ_BUILD:-build-fuzz}
JOBS=${FUZZ_JOBS:-$(nproc)}
ALL=(claims_reader ftm_reader bods_reader psc_reader icij_reader csv_reader csv_mapping saved_query)
if [ $# -gt 0 ]; then TARGETS=("$@"); else TARGETS=("${ALL[@]}"); fi

# Its own install step: clang and its libFuzzer runtime are needed only here.
install_and_build() {
    local need=() p
    for p in clang libclang-rt-14-dev; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            need+=("$p")
        fi
    done
    if [ ${#need[@]} -gt 0 ]; then
        echo "fuzz: installing ${need[*]}" >&2
        local sudo=""
        if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
        export DEBIAN_FRONTEND=noninteractive
        $sudo apt-get update -qq >/dev/null
        $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    fi
    bash scripts/install-deps.sh
    CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCG_FUZZ=ON \
        -DCG_BUILD_TESTS=OFF >/dev/null
    cmake --build "$BUILD" -j "$JOBS" --target "${TARGETS[@]/#/fuzz_}"
}
# FUZZ_NO_BUILD=1 runs targets already built.
if [ -z "${FUZZ_NO_BUILD:-}" ]; then install_and_build; fi

# The seeds of each target: whole files, and JSON Lines files also cut into runs of 8 lines,
# since libFuzzer mutates small inputs best.
seeds() {
    case $1 in
        claims_reader) echo tests/data/claims/* tests/data/export/*.claims.jsonl samples/*.claims.jsonl ;;
        ftm_reader) echo tests/data/ftm/* ;;
        bods_reader) echo tests/data/bods/* ;;
        psc_reader) echo tests/data/psc/* ;;
        icij_reader) echo tests/data/icij/* ;;
        csv_reader) echo tests/data/csv/*.csv ;;
        csv_mapping) echo tests/data/csv/*.mapping.json ;;
        saved_query) echo samples/queries/*.json ;;
    esac
}

status=0
for t in "${TARGETS[@]}"; do
    corpus=$BUILD/corpus/$t
    findings=$BUILD/findings/$t
    mkdir -p "$corpus" "$findings"
    for f in $(seeds "$t"); do
        cp "$f" "$corpus/seed-$(basename "$f")"
        case $f in
            *.jsonl) split -l 8 -a 3 "$f" "$corpus/seed-$(basename "$f")-part-" ;;
        esac
    done
    if [ -d "tests/fuzz/regressions/$t" ]; then cp tests/fuzz/regressions/$t/* "$corpus/"; fi
    echo "== fuzz_$t for ${SECONDS_PER_TARGET}s (corpus $corpus, findings $findings)"
    # The corpus grows in place; crashes, leaks and timeouts land in $findings.
    if ! "$BUILD/fuzz/fuzz_$t" -max_total_time="$SECONDS_PER_TARGET" -max_len=16384 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/" ${FUZZ_ARGS:-} \
        "$corpus" >"$BUILD/fuzz-$t.log" 2>&1; then
        echo "fuzz_$t: FINDING, see $BUILD/fuzz-$t.log and $findings/" >&2
        status=1
    fi
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$BUILD/fuzz-$t.log" | tr '\n' ' '
    echo
done
exit $status
