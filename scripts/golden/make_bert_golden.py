#!/usr/bin/env python3
"""Golden data for the BERT and WordPiece tests, from Hugging Face transformers + PyTorch (float32, CPU).

Reads the model scripts/fetch-models.sh extracts (Notes/models/all-MiniLM-L6-v2) and writes
Tests/TransformerEngineTests/Golden/bert/:
  tokens.json        BertTokenizer's tokens and ids for every sentence of bert_sentences.py
  bert.safetensors   a few rows of hidden states (every layer) and of attention (every layer and
                     head) for a padded batch, and sentence embeddings (mean over real tokens,
                     L2-normalised, as sentence-transformers' all-MiniLM-L6-v2 pipeline)
Run from the repository root, in the venv scripts/peer-venv.sh makes:
    scripts/fetch-models.sh && $(scripts/peer-venv.sh) scripts/golden/make_bert_golden.py
"""
import json
import os
import sys

import torch
from safetensors.torch import save_file
from transformers import BertModel, BertTokenizer

sys.path.insert(0, os.path.dirname(__file__))
import bert_sentences  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
MODEL = os.path.join(ROOT, "Notes", "models", "all-MiniLM-L6-v2")
OUT = os.path.join(ROOT, "Tests", "TransformerEngineTests", "Golden", "bert")

# The padded batch whose hidden states and attention are kept (the first is the longest).
BATCH = [
    "The animal didn't cross the street because it was too tired",
    "A man is playing a guitar.",
    "我爱自然语言处理。",
]
# Sentences whose embeddings are kept.
EMBEDDED = [
    "A man is playing a guitar.",
    "A man plays the guitar on stage.",
    "A woman is slicing an onion.",
    "今天天气很好。",
    "Café au lait, s'il vous plaît. 🍕",
]


def main():
    torch.set_num_threads(1)
    tokenizer = BertTokenizer.from_pretrained(MODEL)
    model = BertModel.from_pretrained(MODEL, attn_implementation="eager").eval()
    os.makedirs(OUT, exist_ok=True)

    rows = []
    for text in bert_sentences.sentences():
        ids = tokenizer(text)["input_ids"]
        rows.append({"text": text, "tokens": tokenizer.convert_ids_to_tokens(ids), "ids": ids})
    with open(os.path.join(OUT, "tokens.json"), "w", encoding="utf-8") as f:
        json.dump(rows, f, ensure_ascii=False, indent=0)
        f.write("\n")

    tensors = {}
    batch = tokenizer(BATCH, padding=True, return_tensors="pt")
    with torch.no_grad():
        out = model(**batch, output_hidden_states=True, output_attentions=True)
    lengths = batch["attention_mask"].sum(dim=1).tolist()
    # Rows kept per sentence: [CLS], the first word, the last real token ([SEP]).
    picks = torch.tensor([[0, 1, n - 1] for n in lengths])
    tensors["batch.ids"] = batch["input_ids"].float()
    tensors["batch.mask"] = batch["attention_mask"].float()
    tensors["batch.rows"] = picks.float()
    for layer, hidden in enumerate(out.hidden_states):
        tensors[f"hidden.{layer}"] = torch.stack([hidden[b, picks[b]] for b in range(len(BATCH))])
    it = tokenizer.convert_ids_to_tokens(batch["input_ids"][0]).index("it")
    tensors["attention.rows"] = torch.tensor([1.0, float(it)])
    for layer, attention in enumerate(out.attentions):
        # Sentence 0 (no padding): rows "the" and "it", every head, every key.
        tensors[f"attention.{layer}"] = attention[0, :, [1, it], :]
        # Sentence 2 (padded): its first query row, every head, every key (padding must get 0).
        tensors[f"attention.padded.{layer}"] = attention[2, :, 1, :]

    encoded = tokenizer(EMBEDDED, padding=True, truncation=True, max_length=256, return_tensors="pt")
    with torch.no_grad():
        last = model(**encoded).last_hidden_state
    mask = encoded["attention_mask"].unsqueeze(-1).float()
    mean = (last * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
    tensors["embeddings"] = torch.nn.functional.normalize(mean, p=2, dim=1)

    save_file({k: v.contiguous().float() for k, v in tensors.items()}, os.path.join(OUT, "bert.safetensors"),
              metadata={"batch": json.dumps(BATCH, ensure_ascii=False), "embedded": json.dumps(EMBEDDED, ensure_ascii=False)})
    print(f"wrote {len(rows)} tokenised sentences and {len(tensors)} tensors into {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
