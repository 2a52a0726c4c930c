#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/*_fuzzer.cc) with clang-14, ASan and UBSan,
# replays the kept regression inputs, then fuzzes each target for SECONDS
# (default 30, as in CI; for hours: scripts/fuzz.sh 14400 runs each for 4 hours).
# Targets run one after another, one job each. FUZZ_TARGETS="a_fuzzer b_fuzzer"
# picks some. The corpus grows in build-fuzz/corpus/<target> from fuzz/seeds/.
# New crashes are written to fuzz/regressions/<target>/ and fail the run; fix
# them and commit the input (ctest replays it: test fuzz_replay.<target>).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
build_dir=${FUZZ_BUILD_DIR:-build-fuzz}
if ! command -v clang++-14 >/dev/null || [ ! -d /usr/lib/llvm-14/lib/clang ] ||
  ! compgen -G "/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" >/dev/null; then
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq clang-14 libclang-rt-14-dev >&2
fi
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSITREP_FUZZ=ON -DSITREP_SANITIZE=ON -DSITREP_BENCH=OFF >/dev/null
targets=${FUZZ_TARGETS:-$(ls fuzz/*_fuzzer.cc 2>/dev/null | xargs -n1 basename | sed 's/\.cc$//')}
[ -n "$targets" ] || { echo "fuzz: no targets"; exit 0; }
start=$(date +%s)
cmake --build "$build_dir" -j "${FUZZ_BUILD_JOBS:-$(nproc)}" --target $targets
echo "fuzz: build $(($(date +%s) - start)) s"
status=0
for t in $targets; do
  regress=fuzz/regressions/$t
  corpus=$build_dir/corpus/$t
  mkdir -p "$regress" "$corpus"
  seeds=fuzz/seeds/$t
  if compgen -G "$regress/*" >/dev/null; then
    if "$build_dir/fuzz/$t" -runs=0 "$regress" > "$build_dir/$t.replay.log" 2>&1; then
      echo "fuzz: $t: $(ls "$regress" | wc -l) regression inputs replayed, ok"
    else
      echo "fuzz: $t: a regression input fails; log: $build_dir/$t.replay.log"
      tail -30 "$build_dir/$t.replay.log"
      status=1
    fi
  fi
  dirs=("$corpus"); [ -d "$seeds" ] && dirs+=("$seeds")
  dict=(); [ -f "fuzz/dicts/$t.dict" ] && dict=("-dict=fuzz/dicts/$t.dict")
  # -timeout: an input slower than this is a hang; generous, as CI machines
  # are loaded. -max_len: articles are longer than libFuzzer's default 4 KB.
  if ! "$build_dir/fuzz/$t" -max_total_time="$seconds" -max_len=65536 -timeout=25 \
      -rss_limit_mb=2048 -artifact_prefix="$regress/" -print_final_stats=1 "${dict[@]}" \
      "${dirs[@]}" > "$build_dir/$t.log" 2>&1; then
    echo "fuzz: $t: FOUND A CRASH (input kept in $regress/); log: $build_dir/$t.log"
    tail -40 "$build_dir/$t.log"
    status=1
  else
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build_dir/$t.log")
    last=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE|INITED)' "$build_dir/$t.log" | tail -1 |
      grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' || true)
    echo "fuzz: $t: ok, ${execs:-?} executions in ${seconds} s; $last"
  fi
done
exit $status
