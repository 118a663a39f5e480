#!/usr/bin/env bash
# Installs what reportkit needs outside Python on Debian/Ubuntu: open Chinese fonts,
# FandolFang/Kai/Hei/Song (from the texlive-lang-chinese package, without installing TeX),
# LibreOffice (to check the .docx), poppler (PDF pictures), Chromium (the workspace's browser
# tests, driven by Playwright without a browser of its own) and Python's venv.
# Safe to run again: it installs only what is missing.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-system: not root and no sudo; install the packages listed in this script by hand" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system: no apt-get here; install the fonts named in README.md by hand" >&2
  exit 0
fi

PACKAGES=(
  fontconfig fonts-noto-cjk fonts-wqy-microhei fonts-arphic-ukai fonts-arphic-uming
  fonts-liberation libreoffice-writer-nogui poppler-utils python3-venv python3-pip pandoc time make
  chromium
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

FANDOL_DIR=/usr/local/share/fonts/fandol
if [ ! -f "$FANDOL_DIR/FandolFang-Regular.otf" ]; then
  work=$(mktemp -d)
  chmod 755 "$work"   # apt downloads as the _apt user
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && apt-get download texlive-lang-chinese >/dev/null)
  dpkg -x "$work"/texlive-lang-chinese_*.deb "$work/x"
  $SUDO mkdir -p "$FANDOL_DIR"
  $SUDO cp "$work"/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/Fandol{Fang,Kai,Hei,Song}-*.otf "$FANDOL_DIR/"
  $SUDO fc-cache -f "$FANDOL_DIR" >/dev/null
fi
echo "install-system: fonts and tools are in place"
