# SPDX-License-Identifier: MIT
# The two commands for a fresh machine: `make demo` and `make test`.
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
DB ?= out/demo.claimgraph
BIN = $(BUILD)/claimgraph

.PHONY: all deps configure build demo test clean

all: build

deps:
	@bash scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@bash scripts/demo.sh $(BIN) $(DB)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) out

# Benchmarks against networkx and igraph (bench/run; never part of `make test`).
# Pass options with BENCH_ARGS, e.g. make bench BENCH_ARGS="--sizes 10k --runs 1".
BENCH_ARGS ?=
.PHONY: bench
bench: deps
	@python3 bench/run $(BENCH_ARGS)
