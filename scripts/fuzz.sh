#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/*_fuzzer.cc) with clang-14, ASan and UBSan,
# replays the kept regression inputs, then fuzzes each target for SECONDS
# (default 30; CI uses the default, a long run: scripts/fuzz.sh 14400).
# New crashes are written to fuzz/regressions/<target>/ and fail the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
build_dir=${FUZZ_BUILD_DIR:-build-fuzz}
if ! command -v clang++-14 >/dev/null || [ ! -d /usr/lib/llvm-14/lib/clang ]; then
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq clang-14 libclang-rt-14-dev >&2
fi
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSITREP_FUZZ=ON -DSITREP_SANITIZE=ON -DSITREP_BENCH=OFF >/dev/null
targets=$(ls fuzz/*_fuzzer.cc 2>/dev/null | xargs -n1 basename | sed 's/\.cc$//')
[ -n "$targets" ] || { echo "fuzz: no targets"; exit 0; }
cmake --build "$build_dir" -j "$(nproc)" --target $targets
status=0
for t in $targets; do
  regress=fuzz/regressions/$t
  corpus=$build_dir/corpus/$t
  mkdir -p "$regress" "$corpus"
  seeds=fuzz/seeds/$t
  if compgen -G "$regress/*" >/dev/null; then
    echo "fuzz: $t: replaying $(ls "$regress" | wc -l) regression inputs"
    "$build_dir/fuzz/$t" $regress/* >/dev/null 2>&1 || { echo "fuzz: $t: regression input fails"; status=1; }
  fi
  echo "fuzz: $t: ${seconds}s"
  dirs=("$corpus"); [ -d "$seeds" ] && dirs+=("$seeds")
  if ! "$build_dir/fuzz/$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$regress/" -print_final_stats=1 "${dirs[@]}" > "$build_dir/$t.log" 2>&1; then
    echo "fuzz: $t: FOUND A CRASH (input kept in $regress/); log: $build_dir/$t.log"
    tail -30 "$build_dir/$t.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|cov:" "$build_dir/$t.log" | tail -2 | sed "s/^/fuzz: $t: /"
  fi
done
exit $status
