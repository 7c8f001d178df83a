#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs every Debian package claimgraph needs to build, test, export and benchmark.
# Idempotent and quiet when everything is already present.
set -euo pipefail

packages=(
    cmake g++ make pkg-config
    libboost-graph-dev      # graph algorithms and the CSR view
    rapidjson-dev           # JSON reading and writing
    libsqlitecpp-dev        # SQLite storage (RAII wrapper)
    libsqlite3-dev
    libgtest-dev            # unit tests
    libcli11-dev            # command-line parsing
    libicu-dev              # Unicode case folding, normalisation, transliteration
    libxml2-utils           # xmllint: exports validated against the GraphML XSD and GEXF RNG
    python3-igraph          # a second real client reading our exports; benchmark peer
    chromium                # headless browser: the HTML view's tests and `make demo`'s screenshot
    clang-format            # the house format (.clang-format), checked by `make format-check` in CI
)

# graphology's GEXF and GraphML parsers (Gephi Lite's) read exports back, run with node
# (tests/export/clients_test.cpp). A node that came from elsewhere (NodeSource's nodejs
# carries npm inside it) is kept: Debian's npm package would conflict with it.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
