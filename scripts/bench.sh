#!/usr/bin/env bash
# End-to-end benchmark: builds corpora of distinct articles (perturbed from the
# real war corpus and seeds when ../shared is there, else from examples/),
# then measures ingest+annotate with 1 and 2 jobs, consolidation and the brief.
# Prints one table row per run; docs/benchmarks.md explains the columns.
#   scripts/bench.sh [SIZES_MB...]      (default: 50 200)
# Environment: BUILD (build directory, default build), BENCH_DIR (corpora and
# stores, default $BUILD/bench-data), JOBS (default "1 2").
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(50 200)
build=${BUILD:-build}
read -r -a job_counts <<< "${JOBS:-1 2}"
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null 2>&1 || sudo apt-get install -y -qq time; }
[ -d "$build" ] || scripts/setup.sh "$build" >/dev/null 2>&1
cmake --build "$build" --target sitrep make_corpus stage_bench >/dev/null 2>&1 ||
  cmake --build "$build" --target sitrep make_corpus >/dev/null
work=${BENCH_DIR:-$build/bench-data}
mkdir -p "$work"
sources=()
if [ -f ../shared/corpus/ukraine-war-2022-2024/articles.jsonl ]; then
  sources=(../shared/corpus/ukraine-war-2022-2024/articles.jsonl ../shared/corpus/seeds/00[1-4]*.txt)
else
  echo "bench: ../shared absent: perturbing the sample corpus (examples/) only" >&2
  sources=($(find examples -name '*.txt' -o -name '*.jsonl' | sort))
fi
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')," \
  "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
printf '%-7s %-4s %7s %8s %8s %7s %7s %8s %11s %7s %7s %8s\n' corpus jobs docs seconds cpu_s \
  MB/s MB/cpu_s docs/s words/s/core peakMB storeMB brief_s
for mb in "${sizes[@]}"; do
  corpus=$work/corpus-${mb}mb.jsonl
  [ -f "$corpus" ] || "$build"/bench/make_corpus --mb "$mb" --seed 7 -o "$corpus" "${sources[@]}" 2>/dev/null
  bytes=$(stat -c %s "$corpus")
  words=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].split()) for l in open(sys.argv[1])))" "$corpus")
  for jobs in "${job_counts[@]}"; do
    db=$work/bench-${mb}-${jobs}.db
    rm -f "$db" "$db-wal" "$db-shm"
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$build"/sitrep ingest "$corpus" --db "$db" --jobs "$jobs" >/dev/null 2>"$work/ingest.err" || true
    read -r secs user sys kb < <(tail -n1 "$work/time.txt")
    docs=$("$build"/sitrep stats --db "$db" --format json 2>/dev/null | python3 -c "import json,sys; print(json.load(sys.stdin).get('documents', 0))" 2>/dev/null || echo "?")
    store_bytes=$(stat -c %s "$db")
    brief_s="-"
    if [ "$jobs" = "${job_counts[0]}" ] && "$build"/sitrep help | grep -q '^  brief'; then
      /usr/bin/time -f "%e %M" -o "$work/btime.txt" "$build"/sitrep brief --db "$db" --format json -o "$work/brief.json" >/dev/null 2>&1 || true
      read -r brief_s _ < <(tail -n1 "$work/btime.txt")
    fi
    python3 - "$mb" "$jobs" "$docs" "$secs" "$user" "$sys" "$bytes" "$words" "$kb" "$store_bytes" "$brief_s" <<'PY'
import sys
mb, jobs, docs, secs, user, sys_s, nbytes, words, kb, store, brief = sys.argv[1:]
secs = float(secs); cpu = float(user) + float(sys_s); jobs_n = int(jobs)
d = int(docs) if docs.isdigit() else 0
mib = int(nbytes) / 1048576
print(f"{mb+'MB':<7} {jobs:<4} {docs:>7} {secs:>8.1f} {cpu:>8.1f} {mib/secs:>7.2f} {mib/cpu:>7.2f} "
      f"{d/secs:>8.1f} {int(words)/secs/jobs_n:>11.0f} {int(kb)/1024:>7.0f} {int(store)/1048576:>7.0f} {brief:>8}")
PY
  done
done
if [ -x "$build"/bench/stage_bench ]; then
  echo
  echo "Per-stage micro-benchmarks (Google Benchmark):"
  "$build"/bench/stage_bench --benchmark_min_time=0.2 2>/dev/null
fi
