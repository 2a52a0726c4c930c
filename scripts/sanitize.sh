#!/usr/bin/env bash
# Builds sitrep with AddressSanitizer + UndefinedBehaviorSanitizer and runs the
# whole test suite under them. Usage: scripts/sanitize.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build-asan}
scripts/setup.sh build >/dev/null 2>&1 || scripts/setup.sh build  # dependencies
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSITREP_SANITIZE=ON \
  -DSITREP_BENCH=OFF >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" --timeout 900
