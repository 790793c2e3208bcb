#!/usr/bin/env bash
# Renders each CommonMark 0.30 spec example with `cmark --unsafe` and counts those identical to the spec's HTML.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v cmark >/dev/null || { echo "cmark is not installed (scripts/install-deps.sh test)" >&2; exit 2; }
python3 - "$here/spec-0.30.json" <<'PY'
import json, subprocess, sys
examples = json.load(open(sys.argv[1]))
different = [e["example"] for e in examples
             if subprocess.run(["cmark", "--unsafe"], input=e["markdown"].encode(),
                               capture_output=True, check=True).stdout.decode() != e["html"]]
print(f"cmark: {len(examples) - len(different)} of {len(examples)} examples identical to the spec's HTML")
if different:
    print("different:", " ".join(map(str, different)))
    sys.exit(1)
PY
