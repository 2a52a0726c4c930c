#!/usr/bin/env bash
# Static checks: clang-format (every tracked C++ file must be formatted) and
# clang-tidy with the project's .clang-tidy over the library sources and fuzz
# targets. Usage: scripts/lint.sh [BUILD_DIR]   (its compile_commands.json;
# default build/, configured and built by setup.sh when missing).
# LINT_FORMAT_ONLY=1 skips clang-tidy. Exit 1 on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
if ! command -v clang-format-14 >/dev/null || ! command -v clang-tidy-14 >/dev/null; then
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq clang-format-14 clang-tidy-14 >&2
fi
status=0
files=$(git ls-files '*.cc' '*.h')
unformatted=$(for f in $files; do
  clang-format-14 --dry-run --Werror "$f" >/dev/null 2>&1 || echo "$f"
done)
if [ -n "$unformatted" ]; then
  echo "lint: clang-format: $(echo "$unformatted" | wc -l) files not formatted (clang-format-14 -i FILE):"
  echo "$unformatted" | sed 's/^/  /'
  status=1
else
  echo "lint: clang-format ok ($(echo "$files" | wc -w) files)"
fi
# A hex escape followed by another hex digit ("\xE2\x80\x9CCoalition") is one
# escape of more than two digits: gcc keeps the low byte, clang rejects it, so
# only the sanitizer build (clang) would fail. Split such literals.
long_hex=$(grep -nE '\\x[0-9A-Fa-f]{2}[0-9A-Fa-f]' $files || true)
if [ -n "$long_hex" ]; then
  echo "lint: hex escape running into a hex digit (split the string literal):"
  echo "$long_hex" | sed 's/^/  /'
  status=1
fi
[ "${LINT_FORMAT_ONLY:-}" = 1 ] && exit $status

[ -f "$build_dir/compile_commands.json" ] || scripts/setup.sh "$build_dir"
srcs=$(git ls-files 'src/*.cc' 'fuzz/*.cc' | grep -v '_test\.cc$')
# The fuzz targets are compiled in a normal build only when fuzz/ is part of it.
srcs=$(for f in $srcs; do grep -q "\"file\": \"[^\"]*/$f\"" "$build_dir/compile_commands.json" && echo "$f"; done)
log=$build_dir/clang-tidy.log
start=$(date +%s)
# Diagnostics go to stdout; stderr has only "N warnings generated" counts
# (warnings in system and third-party headers, which HeaderFilterRegex hides).
printf '%s\n' $srcs | xargs -P "${LINT_JOBS:-$(nproc)}" -n 4 clang-tidy-14 -p "$build_dir" --quiet \
  > "$log" 2>/dev/null || true
if grep -qE "(warning|error):" "$log"; then
  grep -E "(warning|error):" "$log" | sort -u
  echo "lint: clang-tidy: $(grep -cE "(warning|error):" "$log") findings (full output: $log)"
  status=1
else
  echo "lint: clang-tidy ok ($(echo "$srcs" | wc -w) files, $(($(date +%s) - start)) s)"
fi
exit $status
