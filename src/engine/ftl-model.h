/* ftl-model.h — a Qwen2-style decoder: RMSNorm, RoPE (NEOX), SwiGLU, causal
 * grouped-query attention with biases on q, k and v, tied embeddings.
 *
 * Tensor names, shapes and layouts follow llama.cpp's `qwen2` architecture so
 * that an exported GGUF runs there unchanged. All parameters live in one
 * allocation, in this order (the order also makes q, k, v and gate, up
 * contiguous so each pair/triple is one matmul):
 *
 *   token_embd.weight            [V, D]
 *   for each block N:
 *     blk.N.attn_norm.weight     [D]
 *     blk.N.attn_q.weight        [D, D]        ┐ one [D + 2·KVD, D] matrix
 *     blk.N.attn_k.weight        [KVD, D]      │
 *     blk.N.attn_v.weight        [KVD, D]      ┘
 *     blk.N.attn_q.bias          [D]           ┐ one [D + 2·KVD] vector
 *     blk.N.attn_k.bias          [KVD]         │
 *     blk.N.attn_v.bias          [KVD]         ┘
 *     blk.N.attn_output.weight   [D, D]
 *     blk.N.ffn_norm.weight      [D]
 *     blk.N.ffn_gate.weight      [F, D]        ┐ one [2F, D] matrix
 *     blk.N.ffn_up.weight        [F, D]        ┘
 *     blk.N.ffn_down.weight      [D, F]
 *   output_norm.weight           [D]
 *
 * Shapes are [rows, cols] row-major, i.e. [out_features, in_features] like a
 * PyTorch Linear; GGUF lists the same tensor as ne = {cols, rows}.
 * KVD = n_kv_heads · head_size.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int   vocab_size;      /* V */
  int   context_length;  /* longest sequence the model is trained/used with */
  int   d_model;         /* D */
  int   n_layers;        /* L */
  int   n_heads;         /* NH; head_size = D / NH */
  int   n_kv_heads;      /* NKV, divides NH */
  int   d_ffn;           /* F */
  float rope_theta;
  float norm_eps;
} FtlModelConfig;

/* Named configurations ("tiny", "bench", "base", …) for tests, bench and
 * pretraining. Returns FALSE if the name is unknown. */
gboolean ftl_model_config_lookup (const char     *name,
                                  FtlModelConfig *config);

/* Checks the config is self-consistent; sets a clear error if not. */
gboolean ftl_model_config_validate (const FtlModelConfig *config,
                                    GError              **error);

gsize ftl_model_config_n_params (const FtlModelConfig *config);

typedef enum
{
  FTL_TENSOR_WEIGHT, /* a matrix: decayed by AdamW */
  FTL_TENSOR_BIAS,   /* a bias vector */
  FTL_TENSOR_NORM,   /* an RMSNorm gain */
  FTL_TENSOR_EMBEDDING,
} FtlTensorKind;

typedef struct
{
  char          name[48];  /* e.g. "blk.3.attn_q.bias" */
  int           n_dims;    /* 1 or 2 */
  int           rows;      /* shape [rows, cols]; cols == 1 … n_dims == 1 uses rows only */
  int           cols;
  gsize         offset;    /* into params / grads */
  gsize         size;      /* rows · cols */
  int           layer;     /* −1 for token_embd and output_norm */
  FtlTensorKind kind;
} FtlTensorInfo;

typedef struct _FtlModel FtlModel;

/* A model with zeroed parameters (call ftl_model_init_random() or load). */
FtlModel            *ftl_model_new            (const FtlModelConfig *config,
                                               GError              **error);
void                 ftl_model_free           (FtlModel *model);
FtlModel            *ftl_model_copy           (const FtlModel *model);

const FtlModelConfig *ftl_model_get_config    (const FtlModel *model);
float               *ftl_model_get_params     (FtlModel *model);
float               *ftl_model_get_grads      (FtlModel *model);   /* allocated on first backward */
gsize                ftl_model_get_n_params   (const FtlModel *model);

int                  ftl_model_get_n_tensors  (const FtlModel *model);
const FtlTensorInfo *ftl_model_get_tensor     (const FtlModel *model,
                                               int             index);
const FtlTensorInfo *ftl_model_find_tensor    (const FtlModel *model,
                                               const char     *name);

/* GPT-2 style init: N(0, 0.02), residual projections scaled by 1/√(2L),
 * norms 1, biases 0. Deterministic in seed. */
void                 ftl_model_init_random    (FtlModel *model,
                                               guint64   seed);

/* Training forward over tokens[B, T] (T ≤ context_length).
 * With targets == NULL only the logits are computed (ftl_model_get_logits()).
 * Otherwise returns the masked mean cross-entropy (mask may be NULL = all 1)
 * and keeps what backward needs; the logits buffer then holds probabilities. */
float                ftl_model_forward        (FtlModel    *model,
                                               const int   *tokens,
                                               const int   *targets,
                                               const float *mask,
                                               int          B,
                                               int          T);

/* [B·T, V] from the last forward without targets. */
const float         *ftl_model_get_logits     (const FtlModel *model);

/* Per-position loss [B·T] and correctness [B·T] (1 where argmax == target)
 * of the last forward with targets; 0 where the mask is 0. */
const float         *ftl_model_get_losses     (const FtlModel *model);
const float         *ftl_model_get_correct    (const FtlModel *model);

void                 ftl_model_zero_grad      (FtlModel *model);

/* Accumulates ∂loss/∂params into the gradients (after ftl_model_forward with
 * targets, same B and T). */
void                 ftl_model_backward       (FtlModel *model);

/* ---- inference with a KV cache ------------------------------------------- */

typedef struct _FtlKVCache FtlKVCache;

FtlKVCache *ftl_kv_cache_new   (const FtlModel *model);
void        ftl_kv_cache_free  (FtlKVCache *cache);
void        ftl_kv_cache_reset (FtlKVCache *cache);
int         ftl_kv_cache_get_length (const FtlKVCache *cache);

/* Appends n tokens at positions cache_length … and returns the logits [V] of
 * the last one (valid until the next call). Fails (NULL) when the context
 * would overflow. */
const float *ftl_model_forward_cached (FtlModel   *model,
                                       FtlKVCache *cache,
                                       const int  *tokens,
                                       int         n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlModel, ftl_model_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlKVCache, ftl_kv_cache_free)

G_END_DECLS
