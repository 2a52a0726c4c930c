#!/bin/sh
# Builds eval/claims/claims_bench.cc against a build directory's libraries
# and prints the throughput of each annotate stage on one core.
#   eval/claims/bench.sh [BUILD_DIR] [ARTICLES.jsonl] [REPEAT]
set -eu
cd "$(dirname "$0")/../.."
B=${1:-build}
A=${2:-../shared/corpus/ukraine-war-2022-2024/articles.jsonl}
R=${3:-3}
cmake --build "$B" --target sitrep_claims sitrep_ner sitrep_timex sitrep_text sitrep_base >/dev/null
L="$B/src"
g++ -std=c++20 -O2 -DNDEBUG -I include -I src eval/claims/claims_bench.cc \
  "$L/claims/libsitrep_claims.a" "$L/ner/libsitrep_ner.a" "$L/timex/libsitrep_timex.a" \
  "$L/text/libsitrep_text.a" "$L/base/libsitrep_base.a" \
  $(pkg-config --libs re2 icu-uc icu-i18n) -lfmt -o "$B/claims_bench"
taskset -c 0 "$B/claims_bench" "$A" "$R" 2>/dev/null || "$B/claims_bench" "$A" "$R"
