/* ftl-inspect.h — looking inside a model while it trains: its tensors by block
 * and role, heatmap snapshots of a tensor (its values, its change since
 * fine-tuning began, its last gradient), figures per block, what one step did
 * to each trained token and to one weight, and the next-token distribution
 * for comparing two models. Everything here reads; nothing changes a model or
 * an optimizer, so looking never alters a run.
 */
#pragma once

#include <glib-object.h>

#include "ftl-chat.h"
#include "ftl-model.h"
#include "ftl-optimizer.h"
#include "ftl-tokenizer.h"

G_BEGIN_DECLS

/* ---- tensors by block and role ------------------------------------------- */

/* What a tensor does, read from its llama.cpp name. attn_q, attn_k and
 * attn_v are slices of one fused matrix (and one fused bias) in the
 * parameter layout; the table lists each slice as a tensor of its own. */
typedef enum
{
  FTL_ROLE_TOKEN_EMBD,
  FTL_ROLE_ATTN_NORM,
  FTL_ROLE_ATTN_Q,
  FTL_ROLE_ATTN_K,
  FTL_ROLE_ATTN_V,
  FTL_ROLE_ATTN_OUTPUT,
  FTL_ROLE_FFN_NORM,
  FTL_ROLE_FFN_GATE,
  FTL_ROLE_FFN_UP,
  FTL_ROLE_FFN_DOWN,
  FTL_ROLE_OUTPUT_NORM,
} FtlTensorRole;

FtlTensorRole ftl_tensor_info_get_role (const FtlTensorInfo *info);

/* Index of the tensor in tensors[n] whose name is "blk.<layer>.<suffix>"
 * (layer ≥ 0) or suffix itself (layer < 0); −1 when there is none. */
int           ftl_tensor_table_find    (const FtlTensorInfo *tensors,
                                        int                  n,
                                        int                  layer,
                                        const char          *suffix);

/* Figures per block come in groups: 0 the token embedding, 1 … L the
 * blocks, L + 1 the output norm. */
#define FTL_GROUP_EMBEDDING 0
int ftl_inspect_n_groups      (int n_layers);
int ftl_inspect_tensor_group  (const FtlTensorInfo *info,
                               int                  n_layers);

/* ---- heatmap snapshots ----------------------------------------------------- */

typedef enum
{
  FTL_INSPECT_VALUES,    /* θ */
  FTL_INSPECT_DELTA,     /* ΔW = θ − θ₀, θ₀ the parameters when fine-tuning began */
  FTL_INSPECT_GRADIENT,  /* ∂L/∂θ of the last backward, before clipping */
} FtlInspectMode;

/* A tensor downsampled onto a grid of cells. Each cell stands for a block of
 * elements and shows the one of largest magnitude, with its sign: a mean
 * would wash out the few elements a fine-tune moves, the peak keeps them
 * visible. A vector is shown as one row. */
typedef struct
{
  int             tensor;       /* index in the model's table */
  char            name[48];
  FtlInspectMode  mode;
  int             step;         /* training steps done when it was taken */
  int             rows, cols;   /* the tensor as shown: a vector is [1, n] */
  int             cell_rows, cell_cols;
  float          *cells;        /* [cell_rows, cell_cols] */
  guint32        *cell_index;   /* [cell_rows, cell_cols]: that element's index, row · cols + col */
  float           max_abs;      /* over the whole tensor (= over the cells) */
  double          norm;         /* ‖X‖ over the whole tensor */
  double          value_norm;   /* ‖θ‖ of the tensor, to relate ΔW and gradients to it */
} FtlTensorSnapshot;

#define FTL_TYPE_TENSOR_SNAPSHOT (ftl_tensor_snapshot_get_type ())
GType ftl_tensor_snapshot_get_type (void) G_GNUC_CONST;

/* The grid has at most max_rows × max_cols cells (≥ 1 each) and never more
 * cells than elements. base (the parameters when fine-tuning began, laid out
 * as the model's) is needed for FTL_INSPECT_DELTA only. */
FtlTensorSnapshot *ftl_tensor_snapshot_take  (FtlModel       *model,
                                              const float    *base,
                                              int             tensor,
                                              FtlInspectMode  mode,
                                              int             max_rows,
                                              int             max_cols,
                                              int             step);
FtlTensorSnapshot *ftl_tensor_snapshot_ref   (FtlTensorSnapshot *snapshot);
void               ftl_tensor_snapshot_unref (FtlTensorSnapshot *snapshot);

/* ---- figures per group ----------------------------------------------------- */

typedef struct
{
  int    step;           /* 1-based */
  float  learning_rate;
  int    n_groups;
  float *grad_norm;      /* [n_groups] ‖g‖ before clipping */
  float *update_ratio;   /* [n_groups] ‖Δθ‖ / ‖θ‖ of this step */
} FtlLayerStats;

#define FTL_TYPE_LAYER_STATS (ftl_layer_stats_get_type ())
GType          ftl_layer_stats_get_type (void) G_GNUC_CONST;

/* From the optimizer's sums of the step it just made. */
FtlLayerStats *ftl_layer_stats_new_from_step (const FtlModel     *model,
                                              const FtlOptimizer *optimizer,
                                              int                 step,
                                              float               learning_rate);
FtlLayerStats *ftl_layer_stats_ref   (FtlLayerStats *stats);
void           ftl_layer_stats_unref (FtlLayerStats *stats);

/* ---- one element's AdamW update ------------------------------------------------ */

/* Everything AdamW used and produced for one parameter in one step:
 *   g ← clip · ∂L/∂θ
 *   m ← β1 m + (1 − β1) g        v ← β2 v + (1 − β2) g²
 *   m̂ = m / (1 − β1ᵗ)            v̂ = v / (1 − β2ᵗ)
 *   θ ← θ − η (m̂ / (√v̂ + ε) + λ θ)
 * The bias corrections are kept as the optimizer computed them, in float:
 * 1 − 0.999ᵗ loses digits to cancellation, enough to move θ in the sixth. */
typedef struct
{
  int    tensor;          /* −1: nothing recorded */
  char   name[48];
  guint  index;           /* within the tensor */
  int    row, col;        /* as shown: a vector's element i is [0, i] */
  int    t;               /* the optimizer's step, 1-based */
  float  learning_rate;   /* η */
  float  beta1, beta2, eps;
  float  correction1;     /* 1 − β1ᵗ */
  float  correction2;     /* 1 − β2ᵗ */
  float  weight_decay;    /* λ as applied to this tensor (0 for biases and norms) */
  float  grad;            /* ∂L/∂θ */
  float  clip_scale;      /* the global clipping factor */
  float  m_before, v_before, m_after, v_after;
  float  theta_before, theta_after;
} FtlUpdateRecord;

/* Before the optimizer's step, with the gradients in the model: records θ,
 * ∂L/∂θ, m and v of element index of tensor, or with index < 0 of the
 * element with the largest gradient. */
void   ftl_update_record_begin   (FtlUpdateRecord    *record,
                                  FtlModel           *model,
                                  const FtlOptimizer *optimizer,
                                  int                 tensor,
                                  int                 index);
/* After the step: what it used and produced. */
void   ftl_update_record_end     (FtlUpdateRecord    *record,
                                  FtlModel           *model,
                                  const FtlOptimizer *optimizer,
                                  float               learning_rate);
/* The formula worked again from the record's numbers, in double: returns
 * θ after; fills m, v, m̂ and v̂ (each may be NULL). */
double ftl_update_record_formula (const FtlUpdateRecord *record,
                                  double                *m,
                                  double                *v,
                                  double                *m_hat,
                                  double                *v_hat);

/* ---- one step, phase by phase --------------------------------------------------- */

/* What a step did, for showing it phase by phase: the batch as text with
 * each trained token's probability and loss (forward, loss), the gradient
 * norms per group (backpropagation) and the update of one weight and one
 * bias. Positions follow the batch: position t of example b predicts
 * targets[b, t] from inputs[b, 0 … t]. */
typedef struct
{
  int              step;          /* 1-based */
  float            loss;          /* the batch's mean loss */
  int              B, T;
  int             *lengths;       /* [B] positions before the padding */
  char           **first_text;    /* [B] text of inputs[b, 0] */
  char           **target_text;   /* [B·T] text of each target (valid UTF-8) */
  float           *mask;          /* [B·T] the loss weight of each target */
  float           *losses;        /* [B·T] −log p(target); 0 where not trained */
  float           *probability;   /* [B·T] p(target); 0 where not trained */
  char           **predicted_text; /* [B·T] the most likely token's text; NULL where not trained */
  FtlLayerStats   *layers;
  FtlUpdateRecord  weight;
  FtlUpdateRecord  bias;
} FtlStepRecord;

#define FTL_TYPE_STEP_RECORD (ftl_step_record_get_type ())
GType          ftl_step_record_get_type (void) G_GNUC_CONST;

/* Right after the forward with targets (before the backward turns the
 * probabilities into gradients): the batch and its per-token figures. */
FtlStepRecord *ftl_step_record_new_from_forward (FtlModel           *model,
                                                 const FtlTokenizer *tokenizer,
                                                 const int          *inputs,
                                                 const int          *targets,
                                                 const float        *mask,
                                                 int                 B,
                                                 int                 T,
                                                 float               loss,
                                                 int                 pad_token);
FtlStepRecord *ftl_step_record_ref   (FtlStepRecord *record);
void           ftl_step_record_unref (FtlStepRecord *record);

/* ---- before / after ---------------------------------------------------------------- */

/* A token's text as people read it: a byte-level token that holds part of
 * a character shows U+FFFD for it. */
char   *ftl_inspect_token_text    (const FtlTokenizer *tokenizer,
                                   int                 id);

/* The k most likely tokens after tokens[n] (1 ≤ n ≤ context length) and
 * their probabilities, most likely first, and the probability of target
 * (when target_probability is not NULL). Returns how many were written
 * (min (k, V)), or 0 when n is out of range. */
int     ftl_inspect_next_tokens   (FtlModel           *model,
                                   const int          *tokens,
                                   int                 n,
                                   int                 k,
                                   int                *ids,
                                   float              *probabilities,
                                   int                 target,
                                   float              *target_probability);

/* What a model read before one token of a reply: the conversation
 * messages[n] rendered with the generation prompt, then the reply's tokens
 * before the one that holds byte offset of reply (past the end: the
 * <|im_end|> that closes it), which goes to *token. The reply is encoded
 * afresh, as a prompt would encode it. At most max_length tokens, the latest
 * kept. Returns a GArray of int. */
GArray *ftl_inspect_reply_context (const FtlTokenizer   *tokenizer,
                                   const FtlChatMessage *messages,
                                   int                   n_messages,
                                   const char           *reply,
                                   gsize                 offset,
                                   int                   max_length,
                                   int                  *token);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlTensorSnapshot, ftl_tensor_snapshot_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlLayerStats, ftl_layer_stats_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlStepRecord, ftl_step_record_unref)

G_END_DECLS
