#!/usr/bin/python3
"""Golden data for TransformerEngine's tests, computed with PyTorch (float32, CPU).

Writes Tests/TransformerEngineTests/Golden/*.safetensors (F32, little-endian; the format is
simple enough to write here without the safetensors package): tensors named like the engine's parameters (e.g. "blocks.0.attention.query.weight"). The models below
are written out op by op to mirror the engine's layers, so a mismatch points at one op.

Run: /usr/bin/python3 scripts/golden/make_golden.py
"""
import json
import math
import os
import struct

import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "TransformerEngineTests", "Golden")
torch.manual_seed(0)
torch.set_num_threads(1)


def rnd(*shape, scale=0.3):
    return (torch.randn(*shape) * scale).float()


def write(filename, tensors):
    """Writes a safetensors file: u64 header length, JSON header padded to 8 bytes, F32 data."""
    header, chunks, offset = {}, [], 0
    for name in sorted(tensors):
        t = tensors[name].detach().float().contiguous()
        raw = t.numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, filename), "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))


def leaves(d):
    return {k: v.clone().requires_grad_(True) for k, v in d.items()}


# ---------------------------------------------------------------- layers

def linear(x, p, prefix):
    return F.linear(x, p[prefix + "weight"], p.get(prefix + "bias"))


def layer_norm(x, p, prefix):
    return F.layer_norm(x, (x.shape[-1],), p[prefix + "weight"], p[prefix + "bias"], 1e-5)


def attention(x, kv, p, prefix, heads, mask):
    """Multi-head attention; mask is 1 where a query may attend a key."""
    b, t, d = x.shape
    s = kv.shape[1]
    dk = d // heads
    q = linear(x, p, prefix + "query.").view(b, t, heads, dk).transpose(1, 2)
    k = linear(kv, p, prefix + "key.").view(b, s, heads, dk).transpose(1, 2)
    v = linear(kv, p, prefix + "value.").view(b, s, heads, dk).transpose(1, 2)
    scores = q @ k.transpose(-1, -2)
    scaled = scores * (1.0 / math.sqrt(dk))
    masked = scaled.masked_fill(mask == 0, float("-inf")) if mask is not None else scaled
    weights = torch.softmax(masked, dim=-1)
    out = (weights @ v).transpose(1, 2).reshape(b, t, d)
    return linear(out, p, prefix + "output."), weights


def feed_forward(x, p, prefix, act):
    h = linear(x, p, prefix + "linear1.")
    h = F.gelu(h, approximate="tanh") if act == "gelu" else F.relu(h)
    return linear(h, p, prefix + "linear2.")


def attention_params(prefix, d):
    p = {}
    for part in ("query", "key", "value", "output"):
        p[f"{prefix}{part}.weight"] = rnd(d, d)
        p[f"{prefix}{part}.bias"] = rnd(d, scale=0.1)
    return p


def ff_params(prefix, d, hidden):
    return {prefix + "linear1.weight": rnd(hidden, d), prefix + "linear1.bias": rnd(hidden, scale=0.1),
            prefix + "linear2.weight": rnd(d, hidden), prefix + "linear2.bias": rnd(d, scale=0.1)}


def norm_params(prefix, d):
    return {prefix + "weight": 1 + rnd(d, scale=0.1), prefix + "bias": rnd(d, scale=0.1)}


def with_grads(result, inputs, projection_name, tensors):
    """Backpropagates sum(result * R) for a fixed random R, recording every input's gradient."""
    r = torch.randn(result.shape)
    tensors[projection_name] = r
    (result * r).sum().backward()
    for name, t in inputs.items():
        tensors["grad." + name] = t.grad


def make_layers():
    t = {}
    # Linear
    p = leaves({"linear.x": rnd(2, 3, 4, scale=1), "linear.weight": rnd(5, 4), "linear.bias": rnd(5)})
    y = F.linear(p["linear.x"], p["linear.weight"], p["linear.bias"])
    t.update(p); t["linear.y"] = y
    with_grads(y, p, "linear.r", t)
    # LayerNorm
    p = leaves({"norm.x": rnd(2, 3, 8, scale=2), "norm.weight": 1 + rnd(8), "norm.bias": rnd(8)})
    y = F.layer_norm(p["norm.x"], (8,), p["norm.weight"], p["norm.bias"], 1e-5)
    t.update(p); t["norm.y"] = y
    with_grads(y, p, "norm.r", t)
    # Softmax, log-softmax, GELU
    for name, fn in (("softmax", lambda x: torch.softmax(x, -1)), ("logsoftmax", lambda x: torch.log_softmax(x, -1)),
                     ("gelu", lambda x: F.gelu(x, approximate="tanh"))):
        p = leaves({name + ".x": rnd(3, 7, scale=3)})
        y = fn(p[name + ".x"])
        t.update(p); t[name + ".y"] = y
        with_grads(y, p, name + ".r", t)
    # Cross-entropy with ignore index
    p = leaves({"ce.logits": rnd(6, 5, scale=2)})
    targets = torch.tensor([1, 4, -100, 0, 2, -100])
    loss = F.cross_entropy(p["ce.logits"], targets, ignore_index=-100)
    loss.backward()
    t.update(p); t["ce.targets"] = targets.float(); t["ce.loss"] = loss; t["grad.ce.logits"] = p["ce.logits"].grad
    # Self-attention (causal) and cross-attention (padding) with every stage
    d, heads = 8, 2
    p = leaves({**attention_params("self.", d), "self.x": rnd(2, 5, d, scale=1)})
    mask = torch.tril(torch.ones(5, 5))
    y, w = attention(p["self.x"], p["self.x"], p, "self.", heads, mask)
    t.update(p); t["self.y"] = y; t["self.weights"] = w
    with_grads(y, p, "self.r", t)
    p = leaves({**attention_params("cross.", d), "cross.x": rnd(2, 3, d, scale=1), "cross.memory": rnd(2, 4, d, scale=1)})
    pad = torch.tensor([[1, 1, 1, 0], [1, 1, 0, 0]]).float().view(2, 1, 1, 4)
    y, w = attention(p["cross.x"], p["cross.memory"], p, "cross.", heads, pad)
    t.update(p); t["cross.y"] = y; t["cross.weights"] = w; t["cross.mask"] = pad
    with_grads(y, p, "cross.r", t)
    write("layers.safetensors", t)


# ---------------------------------------------------------------- GPT

GPT = dict(vocab=13, context=8, d=16, heads=2, layers=2)


def gpt_forward(p, ids):
    b, n = ids.shape
    x = p["tokenEmbedding.weight"][ids] + p["positionEmbedding.weight"][:n]
    mask = torch.tril(torch.ones(n, n))
    for i in range(GPT["layers"]):
        pre = f"blocks.{i}."
        a, _ = attention(layer_norm(x, p, pre + "norm1."), layer_norm(x, p, pre + "norm1."), p, pre + "attention.", GPT["heads"], mask)
        x = x + a
        x = x + feed_forward(layer_norm(x, p, pre + "norm2."), p, pre + "feedForward.", "gelu")
    return linear(layer_norm(x, p, "norm."), p, "head.")


def make_gpt():
    d, v = GPT["d"], GPT["vocab"]
    raw = {"tokenEmbedding.weight": rnd(v, d), "positionEmbedding.weight": rnd(GPT["context"], d)}
    for i in range(GPT["layers"]):
        pre = f"blocks.{i}."
        raw.update(norm_params(pre + "norm1.", d))
        raw.update(attention_params(pre + "attention.", d))
        raw.update(norm_params(pre + "norm2.", d))
        raw.update(ff_params(pre + "feedForward.", d, 4 * d))
    raw.update(norm_params("norm.", d))
    raw["head.weight"] = rnd(v, d)
    p = leaves(raw)
    ids = torch.randint(0, v, (2, GPT["context"]))
    targets = torch.randint(0, v, (2, GPT["context"]))
    logits = gpt_forward(p, ids)
    loss = F.cross_entropy(logits.reshape(-1, v), targets.reshape(-1))
    loss.backward()
    t = {k: val.detach().clone() for k, val in p.items()}
    t["input.ids"] = ids.float(); t["input.targets"] = targets.float()
    t["output.logits"] = logits; t["output.loss"] = loss
    for k, val in p.items():
        t["grad." + k] = val.grad.clone()
    opt = torch.optim.AdamW(list(p.values()), lr=1e-2, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1)
    opt.step()
    for k, val in p.items():
        t["adamw." + k] = val.detach().clone()
    write("gpt.safetensors", t)


# ---------------------------------------------------------------- encoder-decoder

TR = dict(src_vocab=11, tgt_vocab=9, d=8, heads=2, layers=2, hidden=16, max_len=16)


def sinusoids(length, d):
    pe = torch.zeros(length, d, dtype=torch.float64)
    for pos in range(length):
        for i in range(0, d, 2):
            angle = pos / (10000 ** (i / d))
            pe[pos, i] = math.sin(angle)
            if i + 1 < d:
                pe[pos, i + 1] = math.cos(angle)
    return pe.float()


def make_transformer():
    d = TR["d"]
    raw = {"sourceEmbedding.weight": rnd(TR["src_vocab"], d, scale=1), "targetEmbedding.weight": rnd(TR["tgt_vocab"], d, scale=1)}
    for i in range(TR["layers"]):
        pre = f"encoder.layers.{i}."
        raw.update(attention_params(pre + "selfAttention.", d))
        raw.update(ff_params(pre + "feedForward.", d, TR["hidden"]))
        raw.update(norm_params(pre + "norm1.", d)); raw.update(norm_params(pre + "norm2.", d))
    for i in range(TR["layers"]):
        pre = f"decoder.layers.{i}."
        raw.update(attention_params(pre + "selfAttention.", d))
        raw.update(attention_params(pre + "crossAttention.", d))
        raw.update(ff_params(pre + "feedForward.", d, TR["hidden"]))
        for n in (1, 2, 3):
            raw.update(norm_params(f"{pre}norm{n}.", d))
    raw["generator.weight"] = rnd(TR["tgt_vocab"], d); raw["generator.bias"] = rnd(TR["tgt_vocab"], scale=0.1)
    p = raw
    src = torch.tensor([[3, 5, 7, 2, 0], [4, 1, 6, 0, 0]])
    tgt = torch.tensor([[1, 8, 2, 5], [1, 3, 3, 7]])
    pe = sinusoids(TR["max_len"], d)
    src_mask = (src != 0).float().view(2, 1, 1, -1)
    x = p["sourceEmbedding.weight"][src] * math.sqrt(d) + pe[: src.shape[1]]
    for i in range(TR["layers"]):
        pre = f"encoder.layers.{i}."
        a, _ = attention(x, x, p, pre + "selfAttention.", TR["heads"], src_mask)
        x = layer_norm(x + a, p, pre + "norm1.")
        x = layer_norm(x + feed_forward(x, p, pre + "feedForward.", "relu"), p, pre + "norm2.")
    memory = x
    y = p["targetEmbedding.weight"][tgt] * math.sqrt(d) + pe[: tgt.shape[1]]
    causal = torch.tril(torch.ones(tgt.shape[1], tgt.shape[1]))
    for i in range(TR["layers"]):
        pre = f"decoder.layers.{i}."
        a, _ = attention(y, y, p, pre + "selfAttention.", TR["heads"], causal)
        y = layer_norm(y + a, p, pre + "norm1.")
        a, _ = attention(y, memory, p, pre + "crossAttention.", TR["heads"], src_mask)
        y = layer_norm(y + a, p, pre + "norm2.")
        y = layer_norm(y + feed_forward(y, p, pre + "feedForward.", "relu"), p, pre + "norm3.")
    logits = linear(y, p, "generator.")
    t = dict(p)
    t["input.source"] = src.float(); t["input.target"] = tgt.float(); t["output.logits"] = logits
    write("transformer.safetensors", t)


if __name__ == "__main__":
    make_layers()
    make_gpt()
    make_transformer()
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print(f"wrote {OUT} ({total} bytes)")
