#!/usr/bin/env bash
# Checks a built study site in headless Chromium the way a reader sees it (every page, 1280 and 360 px, light and dark).
# Usage: scripts/browser-test.sh [SITE_DIR]   (default: Site)
# Installs what it needs when missing: Debian's chromium, fonts-noto-cjk and python3-venv (needs root or sudo), and a venv
# .venv-browser with a pinned websocket-client from PyPI. Prints one line per failure and
# `browser: N checks passed, M failed`; exits 1 on any failure, 2 when the site or the tools are missing.
set -euo pipefail

site="${1:-Site}"
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f "$site/index.html" ]; then
    echo "$site/index.html: no such file; build the site first (litbook build Notes --out $site)" >&2
    exit 2
fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed" || missing+=(fonts-noto-cjk)
# Debian's python3 makes venvs only with python3-venv (ensurepip) installed.
python3 -c 'import ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
    $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

venv="$root/.venv-browser"
pin="websocket-client==1.9.2"
if ! "$venv/bin/python" -c 'import websocket' >/dev/null 2>&1; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$pin"
fi

exec "$venv/bin/python" "$root/scripts/browser/run.py" "$site"
