/* ftl-ops.h — the numeric kernels of the engine.
 *
 * Every op is a *_forward / *_backward pair over flat float arrays, llm.c style.
 * Shapes are given in comments as [rows, cols] in row-major order. Backward
 * functions ACCUMULATE (+=) into parameter gradients and into input gradients
 * unless stated otherwise, so that residual branches and tied weights just add.
 *
 * Threading: OpenMP only (OpenBLAS is the OpenMP build, so both share one
 * runtime and one thread pool). Results are deterministic for a given thread
 * count: no op reduces floats across threads in a schedule-dependent order.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* out[N, OC] = inp[N, C] · weight[OC, C]ᵀ (+ bias[OC] when bias != NULL).
 * Rows of inp and out may be strided: inp_stride >= C, out_stride >= OC
 * (pass C / OC for dense arrays). This lets one matmul write q, k and v into
 * one row. */
void ftl_matmul_forward (float       *out,
                         int          out_stride,
                         const float *inp,
                         int          inp_stride,
                         const float *weight,
                         const float *bias,
                         int          N,
                         int          C,
                         int          OC);

/* dinp[N, C] += dout[N, OC] · weight[OC, C]          (skipped when dinp == NULL)
 * dweight[OC, C] += dout[N, OC]ᵀ · inp[N, C]
 * dbias[OC] += Σ_n dout[n, :]                          (skipped when dbias == NULL) */
void ftl_matmul_backward (float       *dinp,
                          int          dinp_stride,
                          float       *dweight,
                          float       *dbias,
                          const float *dout,
                          int          dout_stride,
                          const float *inp,
                          int          inp_stride,
                          const float *weight,
                          int          N,
                          int          C,
                          int          OC);

/* RMSNorm: out[n, :] = inp[n, :] · rstd[n] ⊙ weight, rstd[n] = 1/√(mean(inp[n]²) + eps).
 * rstd[N] is saved for the backward pass (may be NULL at inference). */
void ftl_rmsnorm_forward (float       *out,
                          float       *rstd,
                          const float *inp,
                          const float *weight,
                          int          N,
                          int          C,
                          float        eps);

/* dinp[N, C] += ∂L/∂inp, dweight[C] += ∂L/∂weight. */
void ftl_rmsnorm_backward (float       *dinp,
                           float       *dweight,
                           const float *dout,
                           const float *inp,
                           const float *weight,
                           const float *rstd,
                           int          N,
                           int          C);

/* Rotary position table for NEOX-style RoPE (llama.cpp's qwen2):
 * table[T, head_size/2, 2] holds (cos θ, sin θ) with θ = t · base^(−2i/head_size). */
void ftl_rope_table (float *table,
                     int    T,
                     int    head_size,
                     float  base);

/* In-place NEOX RoPE on x rows: x[B·T, row_stride], where each row holds
 * n_heads heads of head_size starting at column 0. Row b·T + t is at position
 * pos0 + t. Within a head, element i pairs with i + head_size/2:
 *   x[i]' = x[i]·cos − x[i+h/2]·sin,  x[i+h/2]' = x[i]·sin + x[i+h/2]·cos. */
void ftl_rope_forward (float       *x,
                       int          row_stride,
                       const float *table,
                       int          B,
                       int          T,
                       int          pos0,
                       int          n_heads,
                       int          head_size);

/* In-place: dx ← Rᵀ dx (RoPE is a rotation, so its backward is the inverse). */
void ftl_rope_backward (float       *dx,
                        int          row_stride,
                        const float *table,
                        int          B,
                        int          T,
                        int          pos0,
                        int          n_heads,
                        int          head_size);

/* Causal multi-head attention with grouped-query heads.
 * q:   rows [B·T] of q_stride floats, head h at columns h·HS
 * k,v: rows [B·T] of kv_stride floats, kv head g at columns g·HS
 * out: [B·T, NH·HS] (dense)
 * att: [B, NH, T, T] softmax probabilities, saved for backward (upper triangle 0)
 * Query head h reads kv head h / (NH / NKV). Scale 1/√HS. */
void ftl_attention_forward (float       *out,
                            float       *att,
                            const float *q,
                            int          q_stride,
                            const float *k,
                            const float *v,
                            int          kv_stride,
                            int          B,
                            int          T,
                            int          NH,
                            int          NKV,
                            int          HS);

/* dq, dk, dv accumulate (+=), same layouts as q, k, v. scratch must hold
 * T·T floats per OpenMP thread (ftl_attention_scratch_size()). */
void ftl_attention_backward (float       *dq,
                             float       *dk,
                             float       *dv,
                             float       *scratch,
                             const float *dout,
                             const float *att,
                             const float *q,
                             int          q_stride,
                             const float *k,
                             const float *v,
                             int          kv_stride,
                             int          B,
                             int          T,
                             int          NH,
                             int          NKV,
                             int          HS);

/* In floats: T·T for each of omp_get_max_threads() threads, so allocate it
 * after the thread count is set and do not raise the count afterwards. */
gsize ftl_attention_scratch_size (int T);

/* Attention of n new query rows (positions pos0 … pos0+n−1) over a KV cache
 * that already holds positions 0 … pos0+n−1 (k_cache, v_cache: [≥pos0+n, NKV·HS]).
 * out: [n, NH·HS] (dense). scratch: (pos0+n) floats per OpenMP thread
 * (omp_get_max_threads()). Inference only. */
void ftl_attention_cached_forward (float       *out,
                                   float       *scratch,
                                   const float *q,
                                   int          q_stride,
                                   const float *k_cache,
                                   const float *v_cache,
                                   int          n,
                                   int          pos0,
                                   int          NH,
                                   int          NKV,
                                   int          HS);

/* SwiGLU: out[n, i] = silu(gu[n, i]) · gu[n, F + i], with gu[N, 2F] holding the
 * gate in its first F columns and up in its last F; out[N, F]. */
void ftl_swiglu_forward (float       *out,
                         const float *gu,
                         int          N,
                         int          F);

/* dgu[N, 2F] = ∂L/∂gu (overwritten, not accumulated). */
void ftl_swiglu_backward (float       *dgu,
                          const float *dout,
                          const float *gu,
                          int          N,
                          int          F);

/* Softmax cross-entropy with a loss mask. logits[N, V], targets[N], mask[N]
 * (weight per row; 0 = not trained, and then targets[n] is not read;
 * mask == NULL means all 1). losses[N] gets −log p(target) per row (0
 * where mask is 0); correct[N] (may be NULL) gets 1 where argmax == target.
 * Returns Σ mask·loss / Σ mask (0 when Σ mask == 0).
 * The logits are overwritten with the softmax probabilities (saves N·V floats;
 * the backward pass only needs those). */
float ftl_cross_entropy_forward (float       *logits,
                                 float       *losses,
                                 float       *correct,
                                 const int   *targets,
                                 const float *mask,
                                 int          N,
                                 int          V);

/* dlogits[N, V] = (probs − onehot(target)) · mask[n] · dloss / Σ mask
 * (overwritten). probs and dlogits may be the same array. */
void ftl_cross_entropy_backward (float       *dlogits,
                                 const float *probs,
                                 const int   *targets,
                                 const float *mask,
                                 float        dloss,
                                 int          N,
                                 int          V);

/* Elementwise helpers used by the residual stream. */
void ftl_add_forward (float       *out,
                      const float *a,
                      const float *b,
                      gsize        n);

/* Token embedding lookup: out[B·T, C] = wte[tokens[i], :]. */
void ftl_embedding_forward (float       *out,
                            const int   *tokens,
                            const float *wte,
                            int          N,
                            int          C);

/* dwte[tokens[i], :] += dout[i, :] (serial over i to stay deterministic). */
void ftl_embedding_backward (float       *dwte,
                             const float *dout,
                             const int   *tokens,
                             int          N,
                             int          C);

G_END_DECLS
