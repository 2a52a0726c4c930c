#!/usr/bin/env bash
# Brief time against corpus size. Builds stores of N documents from a source
# store (e.g. one made by scripts/bench.sh: make_corpus + ingest) by taking
# its first N documents, or, past its size, by adding copies of its rows
# under new ids with dates moved by whole years per copy (so that copies do
# not pile onto the same events), then times `sitrep brief --format json`
# on each. CPU time is read with `perf stat` (task-clock) when perf is
# there, so other jobs on the machine do not inflate it; wall time is shown
# beside it with the load average.
#   bench/brief_scale.sh SOURCE_DB [SIZES...]      (default: 1000 10000 100000)
# Environment: SITREP (default build/sitrep), BRIEF_DIR (default
# build/bench-data/brief-scale).
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:?usage: bench/brief_scale.sh SOURCE_DB [SIZES...]}
shift
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
sitrep=${SITREP:-build/sitrep}
work=${BRIEF_DIR:-build/bench-data/brief-scale}
mkdir -p "$work"
printf '%-8s %9s %9s %9s %10s %8s  %s\n' docs cpu_s wall_s peakMB load_s consol_s loadavg
for n in "${sizes[@]}"; do
  db=$work/brief-$n.db
  if [ ! -f "$db" ]; then
    cp "$src" "$db.tmp"
    python3 - "$db.tmp" "$n" <<'PY'
import sqlite3, sys
path, n = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(path)
have = db.execute("SELECT count(*) FROM documents").fetchone()[0]
cols = [r[1] for r in db.execute("PRAGMA table_info(documents)") if r[1] != "rowid"]
if n <= have:
    db.execute("DELETE FROM documents WHERE rowid NOT IN "
               "(SELECT rowid FROM documents ORDER BY rowid LIMIT ?)", (n,))
else:
    # Copies k = 1, 2, ...: new ids and text hashes, dates k years later.
    moved = {"id": "id || '-r{k}'", "text_hash": "text_hash || '-r{k}'",
             "duplicate_of": "CASE WHEN duplicate_of IS NULL THEN NULL "
                             "ELSE duplicate_of || '-r{k}' END",
             "published": "CASE WHEN published IS NULL THEN NULL "
                          "ELSE date(published, '+{k} years') END"}
    k = 1
    while have < n:
        take = min(n - have, db.execute("SELECT count(*) FROM documents "
                                        "WHERE id NOT LIKE '%-r%'").fetchone()[0])
        sel = ", ".join(moved.get(c, c).format(k=k) for c in cols)
        db.execute(f"INSERT INTO documents({', '.join(cols)}) SELECT {sel} FROM documents "
                   f"WHERE id NOT LIKE '%-r%' ORDER BY rowid LIMIT {take}")
        db.execute("INSERT OR IGNORE INTO sightings SELECT doc_id || '-r{0}', source, url, "
                   "CASE WHEN published = '' THEN '' ELSE date(published, '+{0} years') END, "
                   "origin FROM sightings WHERE doc_id NOT LIKE '%-r%'".format(k))
        have += take
        k += 1
db.execute("DELETE FROM sightings WHERE doc_id NOT IN (SELECT id FROM documents)")
db.commit()
PY
    mv "$db.tmp" "$db"
  fi
  docs=$("$sitrep" stats --db "$db" --format json 2>/dev/null |
         python3 -c "import json,sys; print(json.load(sys.stdin).get('documents', 0))")
  load=$(cut -d' ' -f1 /proc/loadavg)
  timing=$work/timing.txt
  if command -v perf >/dev/null; then
    perf stat -x, -e task-clock -o "$work/perf.txt" /usr/bin/time -f "%e %M" -o "$work/time.txt" \
      "$sitrep" brief --db "$db" --format json -o "$work/brief-$n.json" --timing 2>"$timing"
    cpu=$(awk -F, '/task-clock/ {printf "%.2f", $1 / 1000}' "$work/perf.txt")
  else
    /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" \
      "$sitrep" brief --db "$db" --format json -o "$work/brief-$n.json" --timing 2>"$timing"
    cpu=$(awk '{printf "%.2f", $3 + $4}' "$work/time.txt")
  fi
  read -r wall kb _ < <(tail -n1 "$work/time.txt")
  read -r lo co < <(sed -n 's/.*load \([0-9.]*\) s, consolidate \([0-9.]*\) s.*/\1 \2/p' "$timing")
  printf '%-8s %9s %9s %9.0f %10s %8s  %s\n' "$docs" "$cpu" "$wall" "$((kb / 1024))" "$lo" "$co" "$load"
done
