#!/usr/bin/python3
"""Write tests/reference/qwen2-tiny.json: reference logits, loss and gradients
of a tiny Qwen2-style decoder, computed in float64 by PyTorch autograd.

The C test tests/test-model-reference.c loads the fixture, copies the weights
into an FtlModel and checks that ftl_model_forward() reproduces the logits
(forward without targets), the per-position losses and their masked mean,
and that ftl_model_backward() reproduces the gradient of every parameter
tensor. The fixture is committed, so the test (and CI) need no PyTorch.

Regenerate (Debian's python3-torch; takes about a second):

    /usr/bin/python3 tests/reference/make-reference.py

The output is deterministic (fixed seed, float64). The architecture below is
written out by hand, independently of the C engine, following
src/engine/ftl-model.h:

  x = token_embd[tokens]
  per block:
    h  = rmsnorm(x) * attn_norm
    q, k, v = h Wq^T + bq, h Wk^T + bk, h Wv^T + bv
    RoPE NEOX on q and k per head (element i pairs with i + HS/2,
      angle = pos * theta^(-2i/HS), i.e. HF's rotate_half)
    causal softmax attention, scale 1/sqrt(HS), query head h reads kv head
      h // (NH / NKV)
    x  = x + attn Wo^T
    h2 = rmsnorm(x) * ffn_norm
    x  = x + (silu(h2 Wgate^T) * (h2 Wup^T)) Wdown^T
  logits = (rmsnorm(x) * output_norm) token_embd^T      (tied embeddings)
  loss   = sum(mask * CE(logits, targets)) / sum(mask)

Weights are drawn larger than a trained model's (std 0.2 for matrices, gains
1 +- 0.1, biases std 0.1) so that every term, biases included, contributes
visibly to the values being checked.
"""

import json
import math
import os

import torch
import torch.nn.functional as F

CONFIG = {
    "vocab_size": 37,
    "context_length": 16,
    "d_model": 32,
    "n_layers": 2,
    "n_heads": 4,
    "n_kv_heads": 2,
    "d_ffn": 48,
    "rope_theta": 10000.0,
    "norm_eps": 1e-5,
}
B, T = 2, 7
SEED = 20240601


def tensor_shapes(c):
    """Tensor names and [rows, cols] shapes in the order of ftl-model.h."""
    D, F_, V = c["d_model"], c["d_ffn"], c["vocab_size"]
    kvd = c["n_kv_heads"] * (D // c["n_heads"])
    shapes = [("token_embd.weight", (V, D))]
    for n in range(c["n_layers"]):
        p = "blk.%d." % n
        shapes += [
            (p + "attn_norm.weight", (D,)),
            (p + "attn_q.weight", (D, D)),
            (p + "attn_k.weight", (kvd, D)),
            (p + "attn_v.weight", (kvd, D)),
            (p + "attn_q.bias", (D,)),
            (p + "attn_k.bias", (kvd,)),
            (p + "attn_v.bias", (kvd,)),
            (p + "attn_output.weight", (D, D)),
            (p + "ffn_norm.weight", (D,)),
            (p + "ffn_gate.weight", (F_, D)),
            (p + "ffn_up.weight", (F_, D)),
            (p + "ffn_down.weight", (D, F_)),
        ]
    shapes.append(("output_norm.weight", (D,)))
    return shapes


def random_tensors(c, gen):
    tensors = {}
    for name, shape in tensor_shapes(c):
        if name.endswith("norm.weight"):
            t = 1.0 + 0.1 * torch.randn(shape, generator=gen, dtype=torch.float64)
        elif name.endswith(".bias"):
            t = 0.1 * torch.randn(shape, generator=gen, dtype=torch.float64)
        else:
            t = 0.2 * torch.randn(shape, generator=gen, dtype=torch.float64)
        tensors[name] = t.requires_grad_(True)
    return tensors


def rmsnorm(x, gain, eps):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * gain


def rope(x, theta):
    """x: [B, heads, T, HS]; NEOX pairing (i, i + HS/2)."""
    hs = x.shape[-1]
    half = hs // 2
    i = torch.arange(half, dtype=torch.float64)
    freq = theta ** (-2.0 * i / hs)
    angle = torch.arange(x.shape[-2], dtype=torch.float64)[:, None] * freq[None, :]
    cos, sin = torch.cos(angle), torch.sin(angle)
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([x1 * cos - x2 * sin, x1 * sin + x2 * cos], dim=-1)


def forward(c, w, tokens):
    D, NH, NKV = c["d_model"], c["n_heads"], c["n_kv_heads"]
    HS = D // NH
    eps = c["norm_eps"]
    b, t = tokens.shape
    x = w["token_embd.weight"][tokens]
    causal = torch.ones(t, t, dtype=torch.bool).tril()
    for n in range(c["n_layers"]):
        p = "blk.%d." % n
        h = rmsnorm(x, w[p + "attn_norm.weight"], eps)
        q = h @ w[p + "attn_q.weight"].T + w[p + "attn_q.bias"]
        k = h @ w[p + "attn_k.weight"].T + w[p + "attn_k.bias"]
        v = h @ w[p + "attn_v.weight"].T + w[p + "attn_v.bias"]
        q = rope(q.view(b, t, NH, HS).transpose(1, 2), c["rope_theta"])
        k = rope(k.view(b, t, NKV, HS).transpose(1, 2), c["rope_theta"])
        v = v.view(b, t, NKV, HS).transpose(1, 2)
        k = k.repeat_interleave(NH // NKV, dim=1)  # query head h -> kv head h // (NH/NKV)
        v = v.repeat_interleave(NH // NKV, dim=1)
        att = (q @ k.transpose(-1, -2)) / math.sqrt(HS)
        att = att.masked_fill(~causal, float("-inf")).softmax(-1)
        a = (att @ v).transpose(1, 2).reshape(b, t, D)
        x = x + a @ w[p + "attn_output.weight"].T
        h2 = rmsnorm(x, w[p + "ffn_norm.weight"], eps)
        g = F.silu(h2 @ w[p + "ffn_gate.weight"].T) * (h2 @ w[p + "ffn_up.weight"].T)
        x = x + g @ w[p + "ffn_down.weight"].T
    h = rmsnorm(x, w["output_norm.weight"], eps)
    return h @ w["token_embd.weight"].T


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def main():
    torch.set_num_threads(1)
    gen = torch.Generator().manual_seed(SEED)
    c = CONFIG
    w = random_tensors(c, gen)
    V = c["vocab_size"]
    tokens = torch.randint(0, V, (B, T), generator=gen)
    targets = torch.randint(0, V, (B, T), generator=gen)
    mask = torch.ones(B, T, dtype=torch.float64)
    mask[:, :2] = 0.0          # a prompt that is not trained on
    mask[1, 4] = 0.0           # and a hole in the middle of an answer

    logits = forward(c, w, tokens)
    ce = F.cross_entropy(logits.reshape(-1, V), targets.reshape(-1), reduction="none")
    loss = (ce * mask.reshape(-1)).sum() / mask.sum()
    loss.backward()

    names = [name for name, _ in tensor_shapes(c)]
    fixture = {
        "config": c,
        "B": B,
        "T": T,
        "tokens": tokens.reshape(-1).tolist(),
        "targets": targets.reshape(-1).tolist(),
        "mask": flat(mask),
        "tensors": {name: flat(w[name]) for name in names},
        "logits": flat(logits),
        "losses": flat(ce * mask.reshape(-1)),
        "loss": float(loss),
        "grads": {name: flat(w[name].grad) for name in names},
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "qwen2-tiny.json")
    with open(path, "w") as f:
        # json writes floats with repr(), the shortest string that round-trips.
        json.dump(fixture, f)
        f.write("\n")
    print("wrote %s: loss %.6f, %d tensors" % (path, float(loss), len(names)))


if __name__ == "__main__":
    main()
