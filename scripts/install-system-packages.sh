#!/usr/bin/env bash
# The Debian/Ubuntu packages the tests need, installed only when missing:
#   chromium       browser tests through the harness (Playwright drives the system browser)
#   xvfb           the Electron tests, where an Electron binary exists
#   poppler-utils  pdftotext/pdftoppm, to read printed receipts as a person would
#   faketime       the suites run again with the clock moved (scripts/test-at-date.sh)
# Works as root (containers, CI) and as a user with sudo; sudo is used only when needed.
set -euo pipefail

packages=(chromium xvfb poppler-utils faketime)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for package in "${packages[@]}"; do installed "$package" || missing+=("$package"); done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${packages[*]}"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "Installing ${missing[*]} needs root: run this as root or install sudo." >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "No apt-get here: install ${missing[*]} with this system's package manager." >&2
  exit 1
fi

"${as_root[@]}" apt-get update -qq
# Ubuntu ships Chromium as a snap behind the chromium-browser package; Debian as chromium.
if [[ " ${missing[*]} " == *" chromium "* ]] && ! apt-cache show chromium >/dev/null 2>&1; then
  missing=("${missing[@]/chromium/chromium-browser}")
fi
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
