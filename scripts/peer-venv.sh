#!/usr/bin/env bash
# Makes .venv-peer: PyTorch 2 (the CPU wheel on disk), numpy, transformers and safetensors, for golden data and benchmark peers.
# Usage: scripts/peer-venv.sh   (idempotent; prints the venv's python on its last line)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-peer
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import torch, numpy, transformers, safetensors' 2>/dev/null; then
    echo "$PWD/$venv/bin/python"
    exit 0
fi
wheel=$(find /opt/wheels / -maxdepth 3 -name 'torch-2*cpu*.whl' 2>/dev/null | sort | tail -1 || true)
if [ -z "$wheel" ]; then
    echo "peer-venv: no PyTorch 2 CPU wheel found (looked for torch-2*cpu*.whl under /opt/wheels and /)" >&2
    exit 1
fi
python=/usr/bin/python3
[ -x "$python" ] || python=$(command -v python3)
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet "$wheel" numpy transformers safetensors >&2
echo "$PWD/$venv/bin/python"
