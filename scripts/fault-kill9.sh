#!/usr/bin/env bash
# Fault test: kill -9 `sitrep ingest` at random moments, ROUNDS times (default
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

# A corpus of distinct articles (random word order from a news vocabulary, so
# that no two are near-duplicates), a few exact re-crawls, and the sample.
awk -v seed=7 'BEGIN {
  srand(seed);
  n = split("officials said the ministry confirmed troops border talks ceasefire artillery " \
    "shelling village convoy grain harbour negotiators statement according to reports " \
    "regional governor evacuated residents hospital wounded drones overnight attack " \
    "spokesman denied claims minister visited capital sanctions aid package delivered " \
    "parliament vote opposition protest police arrested journalists district mayor", w, " ");
  for (i = 0; i < 400; i++) {
    text = "";
    for (s = 0; s < 8; s++) {
      sentence = "";
      for (k = 0; k < 14; k++) sentence = sentence (k ? " " : "") w[int(rand() * n) + 1];
      text = text sprintf("%s %d, %s.\\n\\n", toupper(substr(sentence, 1, 1)) substr(sentence, 2), \
                          int(rand() * 90000), "the report said");
    }
    day = sprintf("2031-%02d-%02d", 1 + i % 12, 1 + i % 28);
    rec = sprintf("{\"title\": \"Report %d\", \"source\": \"Outlet %d\", \"date\": \"%s\", " \
                  "\"text\": \"%s\"}", i, i % 9, day, text);
    print rec;
    if (i % 40 == 0) {  # a re-crawl: same text, another outlet, a later date
      sub(/"source": "Outlet [0-9]+"/, "\"source\": \"Aggregator\"", rec);
      print rec;
    }
  }
}' > "$work/feed.jsonl"
inputs=("$work/feed.jsonl")
[ -d examples ] && inputs+=(examples)

summary() { "$sitrep" stats --db "$1" --format json | tr -d ' \n' |
  sed -E 's/.*"documents":([0-9]+).*"sightings":([0-9]+).*/\1 \2/'; }

echo "fault-kill9: reference run" >&2
"$sitrep" ingest --db "$work/ref.db" --batch 8 --jobs 2 "${inputs[@]}" > /dev/null 2>&1 || true
"$sitrep" docs --db "$work/ref.db" --format tsv | cut -f1 | sort > "$work/ref.ids"
ref=$(summary "$work/ref.db")
echo "fault-kill9: reference store: documents sightings = $ref" >&2

db="$work/killed.db"
killed=0
for round in $(seq 1 "$rounds"); do
  if (( round % 2 == 0 )); then export SITREP_FAULT_PUT_DELAY_US=3000; else unset SITREP_FAULT_PUT_DELAY_US; fi
  "$sitrep" ingest --db "$db" --batch 8 --jobs 2 "${inputs[@]}" > /dev/null 2>&1 &
  pid=$!
  # A random moment between 0.05 and 2 s after start.
  sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.2f", 0.05 + (r % 196) / 100 }')"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
  if [ -e "$db" ]; then
    if ! "$sitrep" stats --db "$db" --check > "$work/check.txt" 2>&1; then
      echo "fault-kill9: FAIL: store inconsistent after kill in round $round" >&2
      cat "$work/check.txt" >&2
      exit 1
    fi
    echo "fault-kill9: round $round: killed, store consistent ($(summary "$db") documents sightings)" >&2
  fi
done
unset SITREP_FAULT_PUT_DELAY_US

echo "fault-kill9: rerun to completion" >&2
"$sitrep" ingest --db "$db" --batch 8 --jobs 2 "${inputs[@]}" > /dev/null 2>&1 || true
"$sitrep" stats --db "$db" --check > /dev/null
"$sitrep" docs --db "$db" --format tsv | cut -f1 | sort > "$work/got.ids"
got=$(summary "$db")
dups=$(uniq -d "$work/got.ids" | wc -l)
if [ "$dups" -ne 0 ] || ! cmp -s "$work/ref.ids" "$work/got.ids" || [ "$got" != "$ref" ]; then
  echo "fault-kill9: FAIL: after $killed kills, store has '$got' (reference '$ref'), $dups duplicate ids" >&2
  diff "$work/ref.ids" "$work/got.ids" | head >&2 || true
  exit 1
fi
echo "fault-kill9: OK: $killed kills in $rounds rounds; store consistent after each; final store identical to an uninterrupted run ($got documents sightings)"
