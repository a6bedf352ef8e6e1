#!/usr/bin/python3
"""The PyTorch side of `finetune-lab-cli bench`: the same Qwen2-style model
and the same workload, to put the C engine's numbers next to.

Run it on an otherwise idle machine, with the threads pinned the same way as
the C bench:

    OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=2 \\
        /usr/bin/python3 tools/bench-pytorch.py [--threads 2]

(PASSIVE stops idle OpenMP threads from spinning and stealing the cores the
timed work needs.) It takes about 20 s and prints one JSON line at the end:

    {"impl": "pytorch", "torch": ..., "threads": ..., "train_tokens_per_s": ...,
     "train_gflops": ..., "gen_tokens_per_s": ..., "n_params": ...}

Workload (the "bench" config: d_model 256, 6 layers, 4 heads, 4 kv heads,
ffn 688, vocab 2048, context 256; about 5.3 M parameters):
- training: batch 8 x 256 random tokens per step, forward + backward +
  clip_grad_norm(1.0) + AdamW(lr 1e-3, weight decay 0.1 on the weight
  matrices, as the engine's FTL_TENSOR_WEIGHT); warm-up steps, then the
  median of the timed steps. FLOPs per step = 6 * n_params * tokens
  + 12 * n_layers * d_model * T * tokens (matmuls, forward and backward, plus
  attention scores and values), the formula the C bench uses too.
- generation: batch 1, greedy, with a KV cache: a 16-token prompt, then 200
  new tokens; the time runs from the prompt's forward to the 200th token
  (median of 3 runs).
"""

import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

BENCH = dict(vocab_size=2048, context_length=256, d_model=256, n_layers=6,
             n_heads=4, n_kv_heads=4, d_ffn=688, rope_theta=10000.0, norm_eps=1e-5)


class RMSNorm(nn.Module):
    def __init__(self, d, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.eps = eps

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rope(x, cos, sin):
    """NEOX RoPE on x [B, heads, n, HS]; cos, sin [n, HS/2] for its positions."""
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([x1 * cos - x2 * sin, x1 * sin + x2 * cos], dim=-1)


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        d, self.nh, self.nkv = c["d_model"], c["n_heads"], c["n_kv_heads"]
        self.hs = d // self.nh
        kvd = self.nkv * self.hs
        self.attn_norm = RMSNorm(d, c["norm_eps"])
        # q, k, v and gate, up are one matmul each, as in the engine.
        self.qkv = nn.Linear(d, d + 2 * kvd, bias=True)
        self.attn_output = nn.Linear(d, d, bias=False)
        self.ffn_norm = RMSNorm(d, c["norm_eps"])
        self.gate_up = nn.Linear(d, 2 * c["d_ffn"], bias=False)
        self.ffn_down = nn.Linear(c["d_ffn"], d, bias=False)

    def forward(self, x, cos, sin, cache=None, pos=0):
        """x [B, n, D] at positions pos … pos + n − 1. With a cache (k, v,
        each [B, NKV, context, HS]) the new keys and values are stored at
        those positions and attention reads everything up to them."""
        b, n, d = x.shape
        q, k, v = self.qkv(self.attn_norm(x)).split([d, self.nkv * self.hs, self.nkv * self.hs], -1)
        q = rope(q.view(b, n, self.nh, self.hs).transpose(1, 2), cos, sin)
        k = rope(k.view(b, n, self.nkv, self.hs).transpose(1, 2), cos, sin)
        v = v.view(b, n, self.nkv, self.hs).transpose(1, 2)
        if cache is not None:
            cache[0][:, :, pos:pos + n] = k
            cache[1][:, :, pos:pos + n] = v
            k, v = cache[0][:, :, :pos + n], cache[1][:, :, :pos + n]
        if self.nkv != self.nh:
            k = k.repeat_interleave(self.nh // self.nkv, dim=1)
            v = v.repeat_interleave(self.nh // self.nkv, dim=1)
        att = (q @ k.transpose(-1, -2)) * (1.0 / math.sqrt(self.hs))
        if n > 1:
            # Query i sits at pos + i and sees keys 0 … pos + i.
            future = torch.ones(n, pos + n, dtype=torch.bool).triu(pos + 1)
            att = att.masked_fill(future, float("-inf"))
        a = (att.softmax(-1) @ v).transpose(1, 2).reshape(b, n, d)
        x = x + self.attn_output(a)
        gate, up = self.gate_up(self.ffn_norm(x)).chunk(2, dim=-1)
        return x + self.ffn_down(F.silu(gate) * up)


class Model(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.token_embd = nn.Embedding(c["vocab_size"], c["d_model"])
        self.blocks = nn.ModuleList(Block(c) for _ in range(c["n_layers"]))
        self.output_norm = RMSNorm(c["d_model"], c["norm_eps"])
        hs = c["d_model"] // c["n_heads"]
        freq = c["rope_theta"] ** (-2.0 * torch.arange(hs // 2, dtype=torch.float64) / hs)
        angle = torch.arange(c["context_length"], dtype=torch.float64)[:, None] * freq
        self.register_buffer("cos", angle.cos().float(), persistent=False)
        self.register_buffer("sin", angle.sin().float(), persistent=False)
        with torch.no_grad():
            for name, p in self.named_parameters():
                if p.dim() == 2:
                    p.normal_(0.0, 0.02)
                elif name.endswith(".bias"):
                    p.zero_()   # norm gains stay 1

    def forward(self, tokens, caches=None, pos=0):
        n = tokens.shape[1]
        cos, sin = self.cos[pos:pos + n], self.sin[pos:pos + n]
        x = self.token_embd(tokens)
        for i, block in enumerate(self.blocks):
            x = block(x, cos, sin, caches[i] if caches else None, pos)
        return self.output_norm(x) @ self.token_embd.weight.T   # tied


def median_seconds(fn, repeats):
    """The median time of fn(): robust to other jobs on a shared machine."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def bench_train(model, c, batch, warmup, steps):
    groups = {True: [], False: []}
    for name, p in model.named_parameters():
        groups[p.dim() == 2 and not name.startswith("token_embd")].append(p)
    opt = torch.optim.AdamW([{"params": groups[True], "weight_decay": 0.1},
                             {"params": groups[False], "weight_decay": 0.0}], lr=1e-3)
    gen = torch.Generator().manual_seed(0)
    T, V = c["context_length"], c["vocab_size"]

    def step():
        tokens = torch.randint(0, V, (batch, T + 1), generator=gen)
        logits = model(tokens[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, V), tokens[:, 1:].reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()

    for _ in range(warmup):
        step()
    return batch * T / median_seconds(step, steps)


@torch.inference_mode()
def generate(model, c, prompt, n_new):
    hs = c["d_model"] // c["n_heads"]
    caches = [(torch.zeros(1, c["n_kv_heads"], c["context_length"], hs),
               torch.zeros(1, c["n_kv_heads"], c["context_length"], hs))
              for _ in range(c["n_layers"])]
    logits = model(prompt, caches, 0)
    pos = prompt.shape[1]
    out = []
    while True:
        token = logits[:, -1].argmax(-1, keepdim=True)
        out.append(int(token))
        if len(out) == n_new:
            return out
        logits = model(token, caches, pos)
        pos += 1


def bench_generate(model, c, n_prompt, n_new):
    prompt = torch.randint(0, c["vocab_size"], (1, n_prompt),
                           generator=torch.Generator().manual_seed(1))
    generate(model, c, prompt, 8)   # warm-up
    return n_new / median_seconds(lambda: generate(model, c, prompt, n_new), 3)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--steps", type=int, default=20)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    c = BENCH
    model = Model(c)
    n_params = sum(p.numel() for p in model.parameters())

    tokens_per_s = bench_train(model, c, args.batch, args.warmup, args.steps)
    flops_per_token = 6 * n_params + 12 * c["n_layers"] * c["d_model"] * c["context_length"]
    gen_tokens_per_s = bench_generate(model, c, 16, 200)

    print(json.dumps({
        "impl": "pytorch",
        "torch": torch.__version__,
        "threads": args.threads,
        "train_tokens_per_s": round(tokens_per_s, 1),
        "train_gflops": round(tokens_per_s * flops_per_token / 1e9, 2),
        "gen_tokens_per_s": round(gen_tokens_per_s, 1),
        "n_params": n_params,
    }))


if __name__ == "__main__":
    main()
