#!/usr/bin/env python3
"""Writes the safetensors fixtures that litbook's tests read: F32, F16 and BF16 tensors
made by PyTorch, in files written by hand from the format's definition, so the tests check
litbook against the format and PyTorch's numbers, not against litbook's own writer.

The format: an 8-byte little-endian header length N, N bytes of JSON
{name: {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {str: str}},
then the data section, little-endian, offsets counted from its start.

Run from the repository root:
    /usr/bin/python3 scripts/golden/make_safetensors_fixtures.py
Output: Tests/TransformerEngineTests/Golden/safetensors/*.safetensors, and the exact
values each tensor holds after conversion to float32, printed as hex floats for the tests.

When the `safetensors` package is importable (pip install safetensors), the script also
checks the other direction: the official reader loads every fixture, and it loads
written-by-litbook.safetensors (the bytes litbook's writer produces, asserted by
SafeTensorsFixtureTests) with the expected values and metadata; and it writes
written-by-safetensors.safetensors with the official writer, for litbook to read.
"""
import json
import math
import os
import struct

import torch

OUT = os.path.join("Tests", "TransformerEngineTests", "Golden", "safetensors")

DTYPE_NAMES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16"}


def raw_bytes(tensor):
    """The tensor's elements as little-endian bytes, row-major."""
    tensor = tensor.contiguous()
    if tensor.dtype == torch.bfloat16:
        # numpy has no bfloat16: reinterpret the 16-bit patterns as int16.
        return tensor.view(torch.int16).numpy().astype("<i2").tobytes()
    return tensor.numpy().astype(tensor.numpy().dtype.newbyteorder("<")).tobytes()


def write(name, tensors, metadata=None):
    """Writes `tensors` (a list of (name, tensor), stored in that order) to OUT/name."""
    header, data = {}, b""
    for tensor_name, tensor in tensors:
        payload = raw_bytes(tensor)
        header[tensor_name] = {
            "dtype": DTYPE_NAMES[tensor.dtype],
            "shape": list(tensor.shape),
            "data_offsets": [len(data), len(data) + len(payload)],
        }
        data += payload
    if metadata:
        header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)  # the format allows trailing spaces; data starts 8-aligned
    with open(os.path.join(OUT, name), "wb") as file:
        file.write(struct.pack("<Q", len(text)) + text + data)
    for tensor_name, tensor in tensors:
        values = ", ".join(swift_literal(v) for v in tensor.float().flatten().tolist())
        print(f"{name} {tensor_name} {DTYPE_NAMES[tensor.dtype]} {list(tensor.shape)}: [{values}]")


def swift_literal(value):
    """A Swift Float expression for an exact float32 value."""
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".infinity" if value > 0 else "-.infinity"
    if value == 0:
        return "-0.0" if math.copysign(1, value) < 0 else "0.0"
    mantissa, exponent = value.hex().split("p")
    return f"{mantissa.rstrip('0').rstrip('.')}p{int(exponent)}"


def main():
    os.makedirs(OUT, exist_ok=True)
    specials = [0.0, -0.0, 1.0, -2.0, 0.1, 1 / 3, math.inf, -math.inf, math.nan]

    # Stored out of name order, so readers must follow data_offsets.
    write("f32.safetensors", [
        ("scalar", torch.tensor(42.0, dtype=torch.float32)),
        ("matrix", torch.tensor([[0.0, 1.0, -2.5], [0.1, 3.4028234663852886e38, 1.401298464324817e-45]], dtype=torch.float32)),
        ("empty", torch.zeros(0, 4, dtype=torch.float32)),
    ], metadata={"format": "pt", "source": "make_safetensors_fixtures.py"})

    # 65504 is the largest half, 2^-24 the smallest subnormal, 2^-14 the smallest normal.
    write("f16.safetensors", [
        ("half", torch.tensor(specials + [65504.0, 2.0 ** -24, 2.0 ** -14], dtype=torch.float16)),
    ])

    write("bf16.safetensors", [
        ("brain", torch.tensor(specials + [3.14159, 1e38, 1e-40], dtype=torch.bfloat16).reshape(3, 4)),
    ])

    # One file with all three dtypes, as a mixed-precision checkpoint would have.
    write("mixed.safetensors", [
        ("c.bias", torch.tensor([0.5, -0.25, 0.1], dtype=torch.bfloat16)),
        ("b.weight", torch.tensor([[1.0, 0.1], [-0.1, 2.0]], dtype=torch.float16)),
        ("a.weight", torch.tensor([0.1, -3.0], dtype=torch.float32)),
    ], metadata={"step": "7"})


def check_with_official_reader():
    """Reads every fixture, and litbook's own output, with the `safetensors` package."""
    try:
        from safetensors import safe_open
        from safetensors.torch import load_file, save_file
    except ImportError:
        print("safetensors not installed: skipped the check with the official reader")
        return
    for name in sorted(os.listdir(OUT)):
        if name.endswith(".safetensors"):
            load_file(os.path.join(OUT, name))
    # A file from the official writer, whose header layout differs from ours.
    save_file({
        "h.weight": torch.tensor([[0.1, -0.5], [2.0, 1 / 3]], dtype=torch.float16),
        "b.bias": torch.tensor([0.1, -7.0, 1e-40], dtype=torch.bfloat16),
        "f.gain": torch.tensor([[[0.1]], [[-2.0]]], dtype=torch.float32),
    }, os.path.join(OUT, "written-by-safetensors.safetensors"), metadata={"framework": "pt"})
    path = os.path.join(OUT, "written-by-litbook.safetensors")
    tensors = load_file(path)
    expected = {
        "wte": torch.tensor([[0.5, -1.0], [0.1, 2.0], [-0.0, 2.0 ** -149]], dtype=torch.float32),
        "ln.bias": torch.tensor([0.25, -0.75], dtype=torch.float32),
        "注意力.scale": torch.tensor(8.0, dtype=torch.float32),
    }
    assert tensors.keys() == expected.keys(), tensors.keys()
    for key, value in expected.items():
        assert tensors[key].dtype == torch.float32 and tensors[key].shape == value.shape, key
        assert tensors[key].view(torch.int32).equal(value.view(torch.int32)), (key, tensors[key])
    with safe_open(path, framework="pt") as file:
        assert file.metadata() == {"format": "pt", "written by": "litbook"}, file.metadata()
    print("safetensors", __import__("safetensors").__version__, "reads every fixture and litbook's file exactly")


if __name__ == "__main__":
    main()
    check_with_official_reader()
