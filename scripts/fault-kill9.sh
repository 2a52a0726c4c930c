#!/usr/bin/env bash
# Fault test: kill -9 `sitrep ingest` at random moments until ROUNDS runs (default
# 25), each round resuming the store the previous one left. After every kill
# the store must pass `sitrep stats --check`; then a full run must complete,
# and the store must hold exactly the documents and sightings of an
# uninterrupted run (no duplicate, none missing). docs/store.md.
# Usage: scripts/fault-kill9.sh [ROUNDS]   (SITREP=path/to/sitrep to choose the binary)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-25}
sitrep=${SITREP:-build/sitrep}
[ -x "$sitrep" ] || { echo "fault-kill9: no binary at $sitrep (build first)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A corpus of distinct articles (news sentences from templates with random
# places, people, days and figures, so that no two are near-duplicates), a
# few exact re-crawls, and the sample corpus.
awk -v seed=7 'BEGIN {
  srand(seed);
  np = split("Lorvan Kessaly Vareno Ostra Dellin Halvany Morrow Tesk Brana Eskar", place, " ");
  nw = split("Monday Tuesday Wednesday Thursday Friday Saturday Sunday", day, " ");
  nn = split("troops civilians refugees vessels drones shells trucks volunteers", noun, " ");
  nv = split("moved to the border|evacuated from the district|reported missing|" \
             "sent to the front|held at the crossing|counted by observers", verb, "|");
  ns = split("officials|the regional governor|a ministry spokesman|two diplomats|" \
             "local journalists|the border police", who, "|");
  for (i = 0; i < 400; i++) {
    text = "";
    for (s = 0; s < 7; s++) {
      r = int(rand() * 4);
      p1 = place[int(rand() * np) + 1]; p2 = place[int(rand() * np) + 1];
      d = day[int(rand() * nw) + 1]; n = noun[int(rand() * nn) + 1];
      v = verb[int(rand() * nv) + 1]; w = who[int(rand() * ns) + 1];
      k = int(rand() * 9000) + 10;
      if (r == 0) line = sprintf("In %s, %s said on %s that %d %s had been %s.", p1, w, d, k, n, v);
      if (r == 1) line = sprintf("About %d %s were %s near %s on %s, according to %s.", k, n, v, p1, d, w);
      if (r == 2) line = sprintf("Talks between %s and %s resumed on %s, %s said, after %d %s were %s.", p1, p2, d, w, k, n, v);
      if (r == 3) line = sprintf("%s denied that %d %s from %s had been %s.", toupper(substr(w, 1, 1)) substr(w, 2), k, n, p2, v);
      text = text line (s % 2 ? "\\n\\n" : " ");
    }
    date = sprintf("2031-%02d-%02d", 1 + i % 12, 1 + i % 28);
    rec = sprintf("{\"title\": \"Report %d from %s\", \"source\": \"Outlet %d\", \"date\": \"%s\", " \
                  "\"text\": \"%s\"}", i, p1, i % 9, date, text);
    print rec;
    if (i % 40 == 0) {  # a re-crawl: same text, another outlet
      sub(/"source": "Outlet [0-9]+"/, "\"source\": \"Aggregator\"", rec);
      print rec;
    }
  }
}' > "$work/feed.jsonl"
inputs=("$work/feed.jsonl")
# A snapshot: the inputs must not change between the reference run and the end.
if [ -d examples ]; then
  cp -r examples "$work/examples"
  inputs+=("$work/examples")
fi

summary() { "$sitrep" stats --db "$1" --format json | tr -d ' \n' |
  sed -E 's/.*"documents":([0-9]+).*"sightings":([0-9]+).*/\1 \2/'; }

echo "fault-kill9: reference run" >&2
rc=0
start=$(date +%s.%N)
"$sitrep" ingest --db "$work/ref.db" --batch 8 --jobs 2 "${inputs[@]}" > /dev/null 2> "$work/ref.err" || rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
  echo "fault-kill9: FAIL: the uninterrupted run failed (exit $rc)" >&2
  tail -5 "$work/ref.err" >&2
  exit 1
fi
duration=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
"$sitrep" docs --db "$work/ref.db" --format tsv | cut -f1 | sort > "$work/ref.ids"
ref=$(summary "$work/ref.db")
echo "fault-kill9: reference store: documents sightings = $ref, ${duration}s" >&2

db="$work/killed.db"
killed=0
completed=0
# Rounds go on until ROUNDS ingests were killed while running (a resumed
# ingest with little left to do may finish before its kill comes).
round=0
while (( killed < rounds && round < rounds * 4 )); do
  round=$((round + 1))
  if (( round % 2 == 0 )); then export SITREP_FAULT_PUT_DELAY_US=20000; else unset SITREP_FAULT_PUT_DELAY_US; fi
  "$sitrep" ingest --db "$db" --batch 8 --jobs 2 "${inputs[@]}" > /dev/null 2>&1 &
  pid=$!
  # A random moment between 20% and 100% of an uninterrupted run's time, so
  # that kills land while loading, annotating and committing.
  sleep "$(awk -v r="$RANDOM" -v d="$duration" 'BEGIN { printf "%.2f", d * (0.2 + 0.8 * (r % 1000) / 1000) }')"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
  if [ -e "$db" ]; then
    if ! "$sitrep" stats --db "$db" --check > "$work/check.txt" 2>&1; then
      echo "fault-kill9: FAIL: store inconsistent after kill in round $round" >&2
      cat "$work/check.txt" >&2
      exit 1
    fi
    now=$(summary "$db")
    echo "fault-kill9: round $round: killed, store consistent ($now documents sightings)" >&2
    # Resumed to completion: check it against the reference and start over,
    # so that later kills interrupt real work again.
    if [ "$now" = "$ref" ]; then
      "$sitrep" docs --db "$db" --format tsv | cut -f1 | sort > "$work/got.ids"
      if ! cmp -s "$work/ref.ids" "$work/got.ids"; then
        echo "fault-kill9: FAIL: resumed store differs from the reference in round $round" >&2
        exit 1
      fi
      echo "fault-kill9: round $round: store complete and identical to the reference; starting over" >&2
      completed=$((completed + 1))
      rm -f "$db" "$db-wal" "$db-shm"
    fi
  fi
done
unset SITREP_FAULT_PUT_DELAY_US

echo "fault-kill9: rerun to completion" >&2
rc=0
"$sitrep" ingest --db "$db" --batch 8 --jobs 2 "${inputs[@]}" > /dev/null 2>&1 || rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
  echo "fault-kill9: FAIL: the final run failed (exit $rc)" >&2
  exit 1
fi
"$sitrep" stats --db "$db" --check > /dev/null
"$sitrep" docs --db "$db" --format tsv | cut -f1 | sort > "$work/got.ids"
got=$(summary "$db")
dups=$(uniq -d "$work/got.ids" | wc -l)
if [ "$dups" -ne 0 ] || ! cmp -s "$work/ref.ids" "$work/got.ids" || [ "$got" != "$ref" ]; then
  echo "fault-kill9: FAIL: after $killed kills, store has '$got' (reference '$ref'), $dups duplicate ids" >&2
  diff "$work/ref.ids" "$work/got.ids" | head >&2 || true
  exit 1
fi
if (( killed < rounds )); then
  echo "fault-kill9: FAIL: only $killed of $rounds ingests were killed while running" >&2
  exit 1
fi
echo "fault-kill9: OK: $killed kills in $round rounds, store consistent after each; $completed resumed stores checked complete on the way; final store identical to an uninterrupted run ($got documents sightings)"
