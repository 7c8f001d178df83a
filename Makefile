# SPDX-License-Identifier: MIT
# The two commands for a fresh machine: `make demo` and `make test`.
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
DB ?= out/demo.claimgraph
BIN = $(BUILD)/claimgraph
# Tests run with a cap on the size of any file they write (bash's ulimit -f counts KiB): a
# test that runs away fails at 4 GiB with SIGXFSZ instead of filling the disk for everyone.
SHELL = /bin/bash
TEST_FILE_LIMIT_KB ?= 4194304

.PHONY: all deps configure build demo test install clean format format-check

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
	@cd $(BUILD) && ulimit -f $(TEST_FILE_LIMIT_KB) && ctest --output-on-failure -j $(JOBS)

# bin/claimgraph, its manual page (man claimgraph) and its bash completion under PREFIX.
PREFIX ?= /usr/local
install: build
	@cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD) out

# The house format: .clang-format, applied by Debian 12's clang-format (14) to every C++
# source and header under version control. CI runs format-check; `make format` fixes.
FORMAT_FILES = git ls-files -z '*.cpp' '*.hpp' '*.h'
format: deps
	@$(FORMAT_FILES) | xargs -0 clang-format -i
format-check: deps
	@$(FORMAT_FILES) | xargs -0 clang-format --dry-run --Werror || \
		{ echo "format-check: run make format (clang-format $$(clang-format --version | grep -o '[0-9][0-9.]*' | head -1))" >&2; exit 1; }

# Benchmarks against networkx and igraph (bench/run; never part of `make test`).
# Pass options with BENCH_ARGS, e.g. make bench BENCH_ARGS="--sizes 10k --runs 1".
BENCH_ARGS ?=
.PHONY: bench
bench: deps
	@python3 bench/run $(BENCH_ARGS)

# libFuzzer targets (clang), each run FUZZ_SECONDS on its seed corpus (scripts/fuzz.sh,
# docs/reliability.md); e.g. make fuzz FUZZ_SECONDS=600.
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

# The whole test suite built with AddressSanitizer and UndefinedBehaviorSanitizer; any
# finding (a leak included) fails its test. CI runs it after `make test`.
ASAN_BUILD ?= build-asan
.PHONY: test-asan
test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCG_SANITIZE=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ulimit -f $(TEST_FILE_LIMIT_KB) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)
