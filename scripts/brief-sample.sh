#!/usr/bin/env bash
# Sets up and runs sitrep's main job on the bundled sample corpus (examples/):
# ingest into an embedded store, then print the situation brief.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
db=${SITREP_DB:-build/sample.db}
rm -f "$db" "$db-wal" "$db-shm"
build/sitrep ingest examples --db "$db"
if build/sitrep help | grep -q '^  brief'; then
  build/sitrep brief --db "$db" "$@"
else
  build/sitrep docs --db "$db"
fi
