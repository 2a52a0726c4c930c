#!/usr/bin/env bash
# Static checks: clang-format (every C++ file must be formatted) and
# clang-tidy with the project's .clang-tidy over the library sources.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files '*.cc' '*.h')
clang-format --dry-run --Werror $files
echo "lint: clang-format ok ($(echo "$files" | wc -w) files)"
build_dir=${1:-build}
[ -f "$build_dir/compile_commands.json" ] || scripts/setup.sh "$build_dir"
srcs=$(git ls-files 'src/*.cc' | grep -v '_test\.cc$')
printf '%s\n' $srcs | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build_dir" --quiet 2>/dev/null \
  | tee /tmp/sitrep-tidy.log | grep -E "(warning|error):" && { echo "lint: clang-tidy found problems"; exit 1; }
echo "lint: clang-tidy ok ($(echo "$srcs" | wc -w) files)"
