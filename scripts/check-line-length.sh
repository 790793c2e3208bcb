#!/usr/bin/env bash
# Lists every Swift source line longer than 120 characters (as `file:line: N characters`); exits 1 if there is one.
# Usage: scripts/check-line-length.sh [FOLDER…]   (default: Sources Tests Benchmarks)
set -euo pipefail
cd "$(dirname "$0")/.."
limit=120
folders=("$@")
[ ${#folders[@]} -gt 0 ] || folders=(Sources Tests Benchmarks)
# Characters, not bytes: a line of Chinese text is as wide as its characters say.
found=$(find "${folders[@]}" -name '*.swift' -print0 | sort -z \
    | xargs -0 env LC_ALL=C.UTF-8 awk -v limit="$limit" \
        'length($0) > limit { printf "%s:%d: %d characters\n", FILENAME, FNR, length($0) }')
if [ -n "$found" ]; then
    printf '%s\n' "$found"
    echo "$(printf '%s\n' "$found" | wc -l) lines longer than $limit characters" >&2
    exit 1
fi
echo "no Swift line is longer than $limit characters"
