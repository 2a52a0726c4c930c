#!/usr/bin/env bash
# Builds sitrep with AddressSanitizer + UndefinedBehaviorSanitizer and runs the
# whole test suite under them. Usage: scripts/sanitize.sh [BUILD_DIR]
# Prints the build and test durations; docs/robustness.md has the measured ones.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build-asan}
jobs=${SANITIZE_JOBS:-$(nproc)}
configure() {
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSITREP_SANITIZE=ON \
    -DSITREP_BENCH=OFF >/dev/null
}
# Configuring fails only when a dependency is missing: only then install them
# (setup.sh also builds build/, which this run does not need).
if ! configure 2>/dev/null; then
  scripts/setup.sh build >/dev/null 2>&1 || scripts/setup.sh build
  configure
fi
start=$(date +%s)
cmake --build "$build_dir" -j "$jobs"
built=$(date +%s)
echo "sanitize: build $((built - start)) s"
# Leaks are errors; abort (not just exit) so that ctest reports the test as failed
# with the sanitizer's report in its output.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
rc=0
ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" --timeout 900 || rc=$?
echo "sanitize: tests $(($(date +%s) - built)) s (exit $rc)"
exit $rc
