#!/usr/bin/env bash
# Lists every Swift source line longer than 120 characters (as `file:line: N characters`); exits 1 if there is one.
# Usage: scripts/check-line-length.sh [FOLDER_OR_FILE…]   (default: Sources Tests Benchmarks Package.swift)
set -euo pipefail
cd "$(dirname "$0")/.."
limit=120
paths=("$@")
if [ ${#paths[@]} -eq 0 ]; then
    paths=(Sources Tests Benchmarks Package.swift)
fi
# Characters, not bytes: a line of Chinese text is as wide as its characters say (perl decodes UTF-8; mawk would not).
found=$(find "${paths[@]}" -name '*.swift' -print0 | sort -z \
    | xargs -0 -r perl -CSD -ne 'chomp; printf "%s:%d: %d characters\n", $ARGV, $., length if length > '"$limit"';
                                close ARGV if eof')
if [ -n "$found" ]; then
    printf '%s\n' "$found"
    echo "$(printf '%s\n' "$found" | wc -l) lines longer than $limit characters" >&2
    exit 1
fi
echo "no Swift line is longer than $limit characters"
