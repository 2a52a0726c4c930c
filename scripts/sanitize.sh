#!/usr/bin/env bash
# Builds sitrep with AddressSanitizer + UndefinedBehaviorSanitizer and runs the
# whole test suite under them. Usage: scripts/sanitize.sh [BUILD_DIR]
# Prints the build and test durations; docs/robustness.md has the measured ones.
# SANITIZE_COMPILER=clang builds with clang-14 in scripts/fuzz.sh's configuration
# (SITREP_FUZZ=ON), so that `FUZZ_BUILD_DIR=BUILD_DIR scripts/fuzz.sh` reuses the
# tree; clang compiles the sanitized code about twice as fast as gcc.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build-asan}
jobs=${SANITIZE_JOBS:-$(nproc)}
cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DSITREP_SANITIZE=ON -DSITREP_BENCH=OFF)
if [ "${SANITIZE_COMPILER:-gcc}" = clang ]; then
  if ! command -v clang++-14 >/dev/null ||
    ! compgen -G "/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" >/dev/null; then
    sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq clang-14 libclang-rt-14-dev >&2
  fi
  export CC=clang-14 CXX=clang++-14
  cmake_args+=(-DSITREP_FUZZ=ON)
fi
configure() {
  cmake -S . -B "$build_dir" -G Ninja "${cmake_args[@]}" >/dev/null
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
