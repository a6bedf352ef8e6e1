/* ftl-model.c — the Qwen2-style decoder: parameters, forward, backward and
 * KV-cached inference. The kernels live in ftl-ops.c; this file is the wiring.
 */
#include "ftl-model.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ftl-ops.h"

/* Pointers to one block's parameters (or gradients: same offsets). */
typedef struct
{
  float *attn_norm; /* [D] */
  float *wqkv;      /* [QKV, D]: q, k, v weights stacked */
  float *bqkv;      /* [QKV] */
  float *wo;        /* [D, D] */
  float *ffn_norm;  /* [D] */
  float *wgu;       /* [2F, D]: gate then up */
  float *wdown;     /* [D, F] */
} LayerParams;

/* What one block keeps from forward for backward. */
typedef struct
{
  float *x;     /* [N, D] block input (residual stream) */
  float *ln1;   /* [N, D] */
  float *rstd1; /* [N] */
  float *qkv;   /* [N, QKV] q and k after RoPE */
  float *att;   /* [B, NH, T, T] */
  float *atty;  /* [N, D] attention output before projection */
  float *x2;    /* [N, D] residual after attention */
  float *ln2;   /* [N, D] */
  float *rstd2; /* [N] */
  float *gu;    /* [N, 2F] */
  float *hmid;  /* [N, F] swiglu output */
} LayerActs;

struct _FtlModel
{
  FtlModelConfig config;
  int            head_size;
  int            kv_dim;     /* NKV · HS */
  int            qkv_dim;    /* D + 2·KVD */
  gsize          layer_size; /* floats per block */

  float         *params;
  float         *grads;
  gsize          n_params;
  GArray        *tensors;    /* FtlTensorInfo */

  float         *rope_table; /* [context, HS/2, 2] */

  /* Activations for the last (B, T); reallocated when the shape grows. */
  int            B, T;
  float         *acts;
  gsize          acts_size;  /* floats allocated in acts */
  gsize          n_positions; /* entries allocated in tokens, targets, mask */
  LayerActs     *layer_acts;
  float         *x_final;    /* [N, D] input of the output norm */
  float         *lnf;        /* [N, D] */
  float         *rstdf;      /* [N] */
  float         *logits;     /* [N, V] logits; after a loss [n_rows, V] probabilities */
  float         *losses;     /* [N] */
  float         *correct;    /* [N] */
  int           *tokens;     /* [N] copy for the embedding's backward */
  /* The rows the loss counts (mask ≠ 0), gathered: only they need logits. */
  int            n_rows;
  int           *rows;       /* [n_rows] their positions */
  int           *targets;    /* [n_rows] */
  float         *mask;       /* [n_rows] */
  float         *lnf_rows;   /* [n_rows, D] */
  float         *row_losses; /* [n_rows] */
  float         *row_correct; /* [n_rows] */
  gboolean       have_loss;

  /* Backward scratch, allocated with the activations. */
  float         *grad_acts;
  gsize          grad_acts_size;
  gboolean       grad_carved;  /* grad_acts is carved for the current (B, T) */
  float         *dresid;     /* [N, D] */
  float         *dln;        /* [N, D] */
  float         *dqkv;       /* [N, QKV] */
  float         *datty;      /* [N, D] */
  float         *dgu;        /* [N, 2F] */
  float         *dhmid;      /* [N, F] */
  float         *att_scratch;
};

struct _FtlKVCache
{
  FtlModel *model;
  int       length;
  float    *k;       /* [L, context, KVD] */
  float    *v;       /* [L, context, KVD] */
  /* Per-call scratch for up to `context` new tokens. */
  float    *x, *ln, *qkv, *atty, *gu, *hmid, *logits, *att_scratch;
};

static const struct
{
  const char     *name;
  FtlModelConfig  config;
} named_configs[] = {
  /* Small enough for unit tests to train in well under a second. */
  { "tiny",  { .vocab_size = 320, .context_length = 64, .d_model = 64, .n_layers = 2,
               .n_heads = 4, .n_kv_heads = 2, .d_ffn = 176, .rope_theta = 10000.f,
               .norm_eps = 1e-6f } },
  /* The built-in base model (≈4 M parameters): big enough to chat about
   * everyday things, small enough to pretrain on two cores in about an hour
   * and to fine-tune the lesson's file in seconds (data/models/README.md). */
  { "base",  { .vocab_size = 4096, .context_length = 256, .d_model = 256, .n_layers = 4,
               .n_heads = 4, .n_kv_heads = 2, .d_ffn = 704, .rope_theta = 10000.f,
               .norm_eps = 1e-6f } },
  /* The benchmark shape of the engine issue (≈5.3 M parameters). */
  { "bench", { .vocab_size = 2048, .context_length = 256, .d_model = 256, .n_layers = 6,
               .n_heads = 4, .n_kv_heads = 4, .d_ffn = 688, .rope_theta = 10000.f,
               .norm_eps = 1e-6f } },
};

gboolean
ftl_model_config_lookup (const char     *name,
                         FtlModelConfig *config)
{
  for (gsize i = 0; i < G_N_ELEMENTS (named_configs); i++)
    if (g_str_equal (name, named_configs[i].name))
      {
        *config = named_configs[i].config;
        return TRUE;
      }
  return FALSE;
}

gboolean
ftl_model_config_validate (const FtlModelConfig *c,
                           GError              **error)
{
  const char *problem = NULL;

  /* Upper bounds keep a hostile file from asking for absurd allocations.
   * Translators: vocab_size, d_model, n_heads and the like are the names of
   * the model's settings: keep them. */
  if (c->vocab_size < 1 || c->vocab_size > (1 << 20))
    problem = _("vocab_size must be between 1 and 1048576");
  else if (c->context_length < 1 || c->context_length > (1 << 16))
    problem = _("context_length must be between 1 and 65536");
  else if (c->d_model < 2 || c->d_model > 16384)
    problem = _("d_model must be between 2 and 16384");
  else if (c->n_layers < 1 || c->n_layers > 512)
    problem = _("n_layers must be between 1 and 512");
  else if (c->n_heads < 1 || c->d_model % c->n_heads != 0)
    problem = _("n_heads must divide d_model");
  else if ((c->d_model / c->n_heads) % 2 != 0)
    problem = _("the head size (d_model / n_heads) must be even for RoPE");
  else if (c->n_kv_heads < 1 || c->n_heads % c->n_kv_heads != 0)
    problem = _("n_kv_heads must divide n_heads");
  else if (c->d_ffn < 1 || c->d_ffn > 65536)
    problem = _("d_ffn must be between 1 and 65536");
  else if (!(c->rope_theta > 1.f) || !isfinite (c->rope_theta))
    problem = _("rope_theta must be a finite number above 1");
  else if (!(c->norm_eps > 0.f) || !(c->norm_eps < 1.f))
    problem = _("norm_eps must be between 0 and 1");
  else if (ftl_model_config_n_params (c) > ((gsize) 1 << 32))
    problem = _("the model would have more than 4 billion parameters");

  if (problem != NULL)
    {
      /* Translators: %s is one of the problems above. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Invalid model configuration: %s"), problem);
      return FALSE;
    }
  return TRUE;
}

static gsize
layer_n_params (const FtlModelConfig *c)
{
  gsize D = c->d_model, F = c->d_ffn;
  gsize qkv = D + 2 * (gsize) c->n_kv_heads * (D / c->n_heads);

  return D + qkv * D + qkv + D * D + D + 2 * F * D + D * F;
}

gsize
ftl_model_config_n_params (const FtlModelConfig *c)
{
  gsize D = c->d_model;

  return (gsize) c->vocab_size * D + c->n_layers * layer_n_params (c) + D;
}

static void
add_tensor (FtlModel      *model,
            gsize         *offset,
            FtlTensorKind  kind,
            int            layer,
            int            rows,
            int            cols,
            const char    *name)
{
  FtlTensorInfo info = { 0 };

  if (layer >= 0)
    g_snprintf (info.name, sizeof info.name, "blk.%d.%s", layer, name);
  else
    g_strlcpy (info.name, name, sizeof info.name);
  info.n_dims = cols > 1 ? 2 : 1;
  info.rows = rows;
  info.cols = cols;
  info.offset = *offset;
  info.size = (gsize) rows * cols;
  info.layer = layer;
  info.kind = kind;
  g_array_append_val (model->tensors, info);
  *offset += info.size;
}

static void
build_tensor_table (FtlModel *model)
{
  const FtlModelConfig *c = &model->config;
  int D = c->d_model, F = c->d_ffn, KVD = model->kv_dim;
  gsize offset = 0;

  add_tensor (model, &offset, FTL_TENSOR_EMBEDDING, -1, c->vocab_size, D, "token_embd.weight");
  for (int l = 0; l < c->n_layers; l++)
    {
      add_tensor (model, &offset, FTL_TENSOR_NORM, l, D, 1, "attn_norm.weight");
      add_tensor (model, &offset, FTL_TENSOR_WEIGHT, l, D, D, "attn_q.weight");
      add_tensor (model, &offset, FTL_TENSOR_WEIGHT, l, KVD, D, "attn_k.weight");
      add_tensor (model, &offset, FTL_TENSOR_WEIGHT, l, KVD, D, "attn_v.weight");
      add_tensor (model, &offset, FTL_TENSOR_BIAS, l, D, 1, "attn_q.bias");
      add_tensor (model, &offset, FTL_TENSOR_BIAS, l, KVD, 1, "attn_k.bias");
      add_tensor (model, &offset, FTL_TENSOR_BIAS, l, KVD, 1, "attn_v.bias");
      add_tensor (model, &offset, FTL_TENSOR_WEIGHT, l, D, D, "attn_output.weight");
      add_tensor (model, &offset, FTL_TENSOR_NORM, l, D, 1, "ffn_norm.weight");
      add_tensor (model, &offset, FTL_TENSOR_WEIGHT, l, F, D, "ffn_gate.weight");
      add_tensor (model, &offset, FTL_TENSOR_WEIGHT, l, F, D, "ffn_up.weight");
      add_tensor (model, &offset, FTL_TENSOR_WEIGHT, l, D, F, "ffn_down.weight");
    }
  add_tensor (model, &offset, FTL_TENSOR_NORM, -1, D, 1, "output_norm.weight");
  g_assert (offset == model->n_params);
}

static void
layer_params (const FtlModel *model,
              float          *base,
              int             layer,
              LayerParams    *lp)
{
  const FtlModelConfig *c = &model->config;
  gsize D = c->d_model, F = c->d_ffn, QKV = model->qkv_dim;

  lp->attn_norm = base + (gsize) c->vocab_size * D + layer * model->layer_size;
  lp->wqkv = lp->attn_norm + D;
  lp->bqkv = lp->wqkv + QKV * D;
  lp->wo = lp->bqkv + QKV;
  lp->ffn_norm = lp->wo + D * D;
  lp->wgu = lp->ffn_norm + D;
  lp->wdown = lp->wgu + 2 * F * D;
}

static float *
output_norm (const FtlModel *model,
             float          *base)
{
  return base + model->n_params - model->config.d_model;
}

FtlModel *
ftl_model_new (const FtlModelConfig *config,
               GError              **error)
{
  FtlModel *model;

  if (!ftl_model_config_validate (config, error))
    return NULL;

  model = g_new0 (FtlModel, 1);
  model->config = *config;
  model->head_size = config->d_model / config->n_heads;
  model->kv_dim = config->n_kv_heads * model->head_size;
  model->qkv_dim = config->d_model + 2 * model->kv_dim;
  model->layer_size = layer_n_params (config);
  model->n_params = ftl_model_config_n_params (config);
  model->params = g_try_new0 (float, model->n_params);
  if (model->params == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Not enough memory for a model of %llu parameters"),
                   (unsigned long long) model->n_params);
      g_free (model);
      return NULL;
    }
  model->tensors = g_array_new (FALSE, TRUE, sizeof (FtlTensorInfo));
  build_tensor_table (model);

  model->rope_table = g_new (float, (gsize) config->context_length * model->head_size);
  ftl_rope_table (model->rope_table, config->context_length, model->head_size, config->rope_theta);
  return model;
}

static void
free_activations (FtlModel *model)
{
  g_clear_pointer (&model->acts, g_free);
  g_clear_pointer (&model->layer_acts, g_free);
  g_clear_pointer (&model->grad_acts, g_free);
  model->grad_acts_size = 0;
  model->grad_carved = FALSE;
  g_clear_pointer (&model->targets, g_free);
  g_clear_pointer (&model->tokens, g_free);
  g_clear_pointer (&model->rows, g_free);
  model->acts_size = model->n_positions = 0;
  model->B = model->T = 0;
  model->have_loss = FALSE;
}

void
ftl_model_free (FtlModel *model)
{
  if (model == NULL)
    return;
  free_activations (model);
  g_free (model->params);
  g_free (model->grads);
  g_free (model->rope_table);
  g_array_unref (model->tensors);
  g_free (model);
}

FtlModel *
ftl_model_copy (const FtlModel *model)
{
  FtlModel *copy = ftl_model_new (&model->config, NULL);

  memcpy (copy->params, model->params, model->n_params * sizeof (float));
  return copy;
}

const FtlModelConfig *
ftl_model_get_config (const FtlModel *model)
{
  return &model->config;
}

float *
ftl_model_get_params (FtlModel *model)
{
  return model->params;
}

float *
ftl_model_get_grads (FtlModel *model)
{
  if (model->grads == NULL)
    model->grads = g_new0 (float, model->n_params);
  return model->grads;
}

gsize
ftl_model_get_n_params (const FtlModel *model)
{
  return model->n_params;
}

int
ftl_model_get_n_tensors (const FtlModel *model)
{
  return model->tensors->len;
}

const FtlTensorInfo *
ftl_model_get_tensor (const FtlModel *model,
                      int             index)
{
  g_return_val_if_fail (index >= 0 && (guint) index < model->tensors->len, NULL);
  return &g_array_index (model->tensors, FtlTensorInfo, index);
}

const FtlTensorInfo *
ftl_model_find_tensor (const FtlModel *model,
                       const char     *name)
{
  for (guint i = 0; i < model->tensors->len; i++)
    {
      const FtlTensorInfo *info = &g_array_index (model->tensors, FtlTensorInfo, i);

      if (g_str_equal (info->name, name))
        return info;
    }
  return NULL;
}

static double
normal_sample (GRand *rand)
{
  /* Box–Muller; 1 − u keeps the log away from 0. */
  double u = 1.0 - g_rand_double (rand);
  double v = g_rand_double (rand);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

void
ftl_model_init_random (FtlModel *model,
                       guint64   seed)
{
  guint32 seed_words[2] = { (guint32) seed, (guint32) (seed >> 32) };
  g_autoptr(GRand) rand = g_rand_new_with_seed_array (seed_words, 2);
  /* GPT-2: residual projections are scaled so the stream's variance does not
   * grow with depth. */
  double residual_std = 0.02 / sqrt (2.0 * model->config.n_layers);

  for (guint i = 0; i < model->tensors->len; i++)
    {
      const FtlTensorInfo *info = &g_array_index (model->tensors, FtlTensorInfo, i);
      float *p = model->params + info->offset;
      gboolean residual = g_str_has_suffix (info->name, "attn_output.weight") ||
                          g_str_has_suffix (info->name, "ffn_down.weight");
      double std = residual ? residual_std : 0.02;

      for (gsize j = 0; j < info->size; j++)
        switch (info->kind)
          {
          case FTL_TENSOR_NORM:
            p[j] = 1.f;
            break;
          case FTL_TENSOR_BIAS:
            p[j] = 0.f;
            break;
          case FTL_TENSOR_WEIGHT:
          case FTL_TENSOR_EMBEDDING:
          default:
            p[j] = (float) (std * normal_sample (rand));
            break;
          }
    }
}

/* Carves the activation arena for a batch of B sequences of T tokens. The
 * arena only grows: fine-tuning batches vary in length, and reallocating tens
 * of megabytes per step would cost more than the step. */
static void
ensure_activations (FtlModel *model,
                    int       B,
                    int       T)
{
  const FtlModelConfig *c = &model->config;
  gsize N = (gsize) B * T, D = c->d_model, F = c->d_ffn, QKV = model->qkv_dim;
  gsize att = (gsize) B * c->n_heads * T * T;
  gsize per_layer = N * D * 5 + N * 2 + N * QKV + att + N * 3 * F;
  gsize total = c->n_layers * per_layer + N * D * 3 + N * 6 + N * c->vocab_size;
  float *p;

  if (model->B == B && model->T == T)
    return;

  if (total > model->acts_size)
    {
      free_activations (model);
      model->acts = g_new (float, total);
      model->acts_size = total;
      model->layer_acts = g_new (LayerActs, c->n_layers);
    }
  if (N > model->n_positions)
    {
      g_free (model->tokens);
      g_free (model->targets);
      g_free (model->rows);
      model->tokens = g_new (int, N);
      model->targets = g_new (int, N);
      model->rows = g_new (int, N);
      model->n_positions = N;
    }
  /* The backward scratch is carved for the shape too: redo it lazily. */
  model->grad_carved = FALSE;
  model->B = B;
  model->T = T;
  model->have_loss = FALSE;

  p = model->acts;
  for (int l = 0; l < c->n_layers; l++)
    {
      LayerActs *a = &model->layer_acts[l];

      a->x = p;     p += N * D;
      a->ln1 = p;   p += N * D;
      a->rstd1 = p; p += N;
      a->qkv = p;   p += N * QKV;
      a->att = p;   p += att;
      a->atty = p;  p += N * D;
      a->x2 = p;    p += N * D;
      a->ln2 = p;   p += N * D;
      a->rstd2 = p; p += N;
      a->gu = p;    p += N * 2 * F;
      a->hmid = p;  p += N * F;
    }
  model->x_final = p;  p += N * D;
  model->lnf = p;      p += N * D;
  model->rstdf = p;    p += N;
  model->losses = p;   p += N;
  model->correct = p;  p += N;
  model->logits = p;   p += N * c->vocab_size;
  model->lnf_rows = p; p += N * D;
  model->mask = p;     p += N;
  model->row_losses = p; p += N;
  model->row_correct = p; p += N;
  g_assert (p <= model->acts + model->acts_size);
}

static void
ensure_grad_activations (FtlModel *model)
{
  const FtlModelConfig *c = &model->config;
  gsize N = (gsize) model->B * model->T, D = c->d_model, F = c->d_ffn, QKV = model->qkv_dim;
  gsize total = N * D * 3 + N * QKV + N * 3 * F + ftl_attention_scratch_size (model->T);
  float *p;

  if (model->grad_carved)
    return;
  if (total > model->grad_acts_size)
    {
      g_free (model->grad_acts);
      model->grad_acts = g_new (float, total);
      model->grad_acts_size = total;
    }

  p = model->grad_acts;
  model->dresid = p; p += N * D;
  model->dln = p;    p += N * D;
  model->datty = p;  p += N * D;
  model->dqkv = p;   p += N * QKV;
  model->dgu = p;    p += N * 2 * F;
  model->dhmid = p;  p += N * F;
  model->att_scratch = p;
  model->grad_carved = TRUE;
}

/* The next block's input: the slot after this block's activations, or x_final. */
static float *
block_output (FtlModel *model,
              int       layer)
{
  return layer + 1 < model->config.n_layers ? model->layer_acts[layer + 1].x : model->x_final;
}

float
ftl_model_forward (FtlModel    *model,
                   const int   *tokens,
                   const int   *targets,
                   const float *mask,
                   int          B,
                   int          T)
{
  const FtlModelConfig *c = &model->config;
  int D = c->d_model, F = c->d_ffn, QKV = model->qkv_dim, KVD = model->kv_dim;
  int N = B * T, V = c->vocab_size;

  g_return_val_if_fail (T >= 1 && T <= c->context_length && B >= 1, NAN);

  ensure_activations (model, B, T);
  memcpy (model->tokens, tokens, sizeof (int) * N);
  ftl_embedding_forward (model->layer_acts[0].x, tokens, model->params, N, D);

  for (int l = 0; l < c->n_layers; l++)
    {
      LayerActs *a = &model->layer_acts[l];
      LayerParams lp;

      layer_params (model, model->params, l, &lp);

      ftl_rmsnorm_forward (a->ln1, a->rstd1, a->x, lp.attn_norm, N, D, c->norm_eps);
      ftl_matmul_forward (a->qkv, QKV, a->ln1, D, lp.wqkv, lp.bqkv, N, D, QKV);
      ftl_rope_forward (a->qkv, QKV, model->rope_table, B, T, 0, c->n_heads, model->head_size);
      ftl_rope_forward (a->qkv + D, QKV, model->rope_table, B, T, 0, c->n_kv_heads, model->head_size);
      ftl_attention_forward (a->atty, a->att, a->qkv, QKV, a->qkv + D, a->qkv + D + KVD, QKV,
                             B, T, c->n_heads, c->n_kv_heads, model->head_size);
      ftl_matmul_forward (a->x2, D, a->atty, D, lp.wo, NULL, N, D, D);
      ftl_add_forward (a->x2, a->x2, a->x, (gsize) N * D);

      ftl_rmsnorm_forward (a->ln2, a->rstd2, a->x2, lp.ffn_norm, N, D, c->norm_eps);
      ftl_matmul_forward (a->gu, 2 * F, a->ln2, D, lp.wgu, NULL, N, D, 2 * F);
      ftl_swiglu_forward (a->hmid, a->gu, N, F);
      float *out = block_output (model, l);
      ftl_matmul_forward (out, D, a->hmid, F, lp.wdown, NULL, N, F, D);
      ftl_add_forward (out, out, a->x2, (gsize) N * D);
    }

  ftl_rmsnorm_forward (model->lnf, model->rstdf, model->x_final, output_norm (model, model->params),
                       N, D, c->norm_eps);
  model->have_loss = targets != NULL;
  if (targets == NULL)
    {
      /* Tied embeddings: the output projection is token_embd itself. */
      ftl_matmul_forward (model->logits, V, model->lnf, D, model->params, NULL, N, D, V);
      return 0.f;
    }

  /* Only rows the loss counts need the output projection and the softmax: in
   * a chat example most positions are the system's and the user's words. */
  int n = 0;
  for (int i = 0; i < N; i++)
    {
      float weight = mask != NULL ? mask[i] : 1.f;

      if (weight == 0.f)
        continue;
      model->rows[n] = i;
      model->targets[n] = targets[i];
      model->mask[n] = weight;
      memcpy (model->lnf_rows + (gsize) n * D, model->lnf + (gsize) i * D, D * sizeof (float));
      n++;
    }
  model->n_rows = n;
  ftl_matmul_forward (model->logits, V, model->lnf_rows, D, model->params, NULL, n, D, V);
  float loss = ftl_cross_entropy_forward (model->logits, model->row_losses, model->row_correct,
                                          model->targets, model->mask, n, V);

  memset (model->losses, 0, N * sizeof (float));
  memset (model->correct, 0, N * sizeof (float));
  for (int r = 0; r < n; r++)
    {
      model->losses[model->rows[r]] = model->row_losses[r];
      model->correct[model->rows[r]] = model->row_correct[r];
    }
  return loss;
}

const float *
ftl_model_get_logits (const FtlModel *model)
{
  return model->logits;
}

const float *
ftl_model_get_losses (const FtlModel *model)
{
  return model->losses;
}

const float *
ftl_model_get_correct (const FtlModel *model)
{
  return model->correct;
}

void
ftl_model_zero_grad (FtlModel *model)
{
  memset (ftl_model_get_grads (model), 0, model->n_params * sizeof (float));
}

void
ftl_model_backward (FtlModel *model)
{
  const FtlModelConfig *c = &model->config;
  int D = c->d_model, F = c->d_ffn, QKV = model->qkv_dim, KVD = model->kv_dim;
  int B = model->B, T = model->T, N = B * T, V = c->vocab_size;
  float *grads = ftl_model_get_grads (model);
  gsize ND = (gsize) N * D;

  g_return_if_fail (model->have_loss);
  ensure_grad_activations (model);

  /* The logits buffer holds the trained rows' probabilities; turn them into
   * ∂L/∂logits in place, back through the projection into those rows of
   * ∂L/∂lnf (datty is free until the blocks' backward), then scatter. */
  int n = model->n_rows;
  ftl_cross_entropy_backward (model->logits, model->logits, model->targets, model->mask, 1.f, n, V);
  memset (model->datty, 0, (gsize) n * D * sizeof (float));
  ftl_matmul_backward (model->datty, D, grads, NULL, model->logits, V, model->lnf_rows, D,
                       model->params, n, D, V);
  memset (model->dln, 0, ND * sizeof (float));
  for (int r = 0; r < n; r++)
    memcpy (model->dln + (gsize) model->rows[r] * D, model->datty + (gsize) r * D, D * sizeof (float));
  memset (model->dresid, 0, ND * sizeof (float));
  ftl_rmsnorm_backward (model->dresid, output_norm (model, grads), model->dln, model->x_final,
                        output_norm (model, model->params), model->rstdf, N, D);
  /* The probabilities are gone; a new forward is needed before the next backward. */
  model->have_loss = FALSE;

  for (int l = c->n_layers - 1; l >= 0; l--)
    {
      LayerActs *a = &model->layer_acts[l];
      LayerParams lp, lg;

      layer_params (model, model->params, l, &lp);
      layer_params (model, grads, l, &lg);

      /* MLP branch: dresid is ∂L/∂(block output) and flows on unchanged to x2. */
      memset (model->dhmid, 0, (gsize) N * F * sizeof (float));
      ftl_matmul_backward (model->dhmid, F, lg.wdown, NULL, model->dresid, D, a->hmid, F,
                           lp.wdown, N, F, D);
      ftl_swiglu_backward (model->dgu, model->dhmid, a->gu, N, F);
      memset (model->dln, 0, ND * sizeof (float));
      ftl_matmul_backward (model->dln, D, lg.wgu, NULL, model->dgu, 2 * F, a->ln2, D,
                           lp.wgu, N, D, 2 * F);
      ftl_rmsnorm_backward (model->dresid, lg.ffn_norm, model->dln, a->x2, lp.ffn_norm,
                            a->rstd2, N, D);

      /* Attention branch. */
      memset (model->datty, 0, ND * sizeof (float));
      ftl_matmul_backward (model->datty, D, lg.wo, NULL, model->dresid, D, a->atty, D,
                           lp.wo, N, D, D);
      memset (model->dqkv, 0, (gsize) N * QKV * sizeof (float));
      ftl_attention_backward (model->dqkv, model->dqkv + D, model->dqkv + D + KVD, model->att_scratch,
                              model->datty, a->att, a->qkv, QKV, a->qkv + D, a->qkv + D + KVD, QKV,
                              B, T, c->n_heads, c->n_kv_heads, model->head_size);
      ftl_rope_backward (model->dqkv, QKV, model->rope_table, B, T, 0, c->n_heads, model->head_size);
      ftl_rope_backward (model->dqkv + D, QKV, model->rope_table, B, T, 0, c->n_kv_heads,
                         model->head_size);
      memset (model->dln, 0, ND * sizeof (float));
      ftl_matmul_backward (model->dln, D, lg.wqkv, lg.bqkv, model->dqkv, QKV, a->ln1, D,
                           lp.wqkv, N, D, QKV);
      ftl_rmsnorm_backward (model->dresid, lg.attn_norm, model->dln, a->x, lp.attn_norm,
                            a->rstd1, N, D);
    }

  ftl_embedding_backward (grads, model->dresid, model->tokens, N, D);
}

/* ---- inference with a KV cache ------------------------------------------- */

FtlKVCache *
ftl_kv_cache_new (const FtlModel *model)
{
  const FtlModelConfig *c = &model->config;
  gsize ctx = c->context_length, D = c->d_model, F = c->d_ffn;
  FtlKVCache *cache = g_new0 (FtlKVCache, 1);

  cache->model = (FtlModel *) model;
  cache->k = g_new (float, c->n_layers * ctx * model->kv_dim);
  cache->v = g_new (float, c->n_layers * ctx * model->kv_dim);
  cache->x = g_new (float, ctx * D);
  cache->ln = g_new (float, ctx * D);
  cache->qkv = g_new (float, ctx * model->qkv_dim);
  cache->atty = g_new (float, ctx * D);
  cache->gu = g_new (float, ctx * 2 * F);
  cache->hmid = g_new (float, ctx * F);
  cache->logits = g_new (float, c->vocab_size);
  cache->att_scratch = g_new (float, ftl_attention_scratch_size (c->context_length));
  return cache;
}

void
ftl_kv_cache_free (FtlKVCache *cache)
{
  if (cache == NULL)
    return;
  g_free (cache->k);
  g_free (cache->v);
  g_free (cache->x);
  g_free (cache->ln);
  g_free (cache->qkv);
  g_free (cache->atty);
  g_free (cache->gu);
  g_free (cache->hmid);
  g_free (cache->logits);
  g_free (cache->att_scratch);
  g_free (cache);
}

void
ftl_kv_cache_reset (FtlKVCache *cache)
{
  cache->length = 0;
}

int
ftl_kv_cache_get_length (const FtlKVCache *cache)
{
  return cache->length;
}

const float *
ftl_model_forward_cached (FtlModel   *model,
                          FtlKVCache *cache,
                          const int  *tokens,
                          int         n)
{
  const FtlModelConfig *c = &model->config;
  int D = c->d_model, F = c->d_ffn, QKV = model->qkv_dim, KVD = model->kv_dim;
  int pos0 = cache->length;
  gsize ctx = c->context_length;

  g_return_val_if_fail (cache->model == model, NULL);
  if (n < 1 || pos0 + n > c->context_length)
    return NULL;

  ftl_embedding_forward (cache->x, tokens, model->params, n, D);
  for (int l = 0; l < c->n_layers; l++)
    {
      float *k_cache = cache->k + l * ctx * KVD;
      float *v_cache = cache->v + l * ctx * KVD;
      LayerParams lp;

      layer_params (model, model->params, l, &lp);

      ftl_rmsnorm_forward (cache->ln, NULL, cache->x, lp.attn_norm, n, D, c->norm_eps);
      ftl_matmul_forward (cache->qkv, QKV, cache->ln, D, lp.wqkv, lp.bqkv, n, D, QKV);
      ftl_rope_forward (cache->qkv, QKV, model->rope_table, 1, n, pos0, c->n_heads, model->head_size);
      ftl_rope_forward (cache->qkv + D, QKV, model->rope_table, 1, n, pos0, c->n_kv_heads,
                        model->head_size);
      for (int i = 0; i < n; i++)
        {
          memcpy (k_cache + (gsize) (pos0 + i) * KVD, cache->qkv + (gsize) i * QKV + D,
                  KVD * sizeof (float));
          memcpy (v_cache + (gsize) (pos0 + i) * KVD, cache->qkv + (gsize) i * QKV + D + KVD,
                  KVD * sizeof (float));
        }
      ftl_attention_cached_forward (cache->atty, cache->att_scratch, cache->qkv, QKV, k_cache, v_cache,
                                    n, pos0, c->n_heads, c->n_kv_heads, model->head_size);
      /* Residual adds go straight into x: the projections write to ln as scratch. */
      ftl_matmul_forward (cache->ln, D, cache->atty, D, lp.wo, NULL, n, D, D);
      ftl_add_forward (cache->x, cache->x, cache->ln, (gsize) n * D);

      ftl_rmsnorm_forward (cache->ln, NULL, cache->x, lp.ffn_norm, n, D, c->norm_eps);
      ftl_matmul_forward (cache->gu, 2 * F, cache->ln, D, lp.wgu, NULL, n, D, 2 * F);
      ftl_swiglu_forward (cache->hmid, cache->gu, n, F);
      ftl_matmul_forward (cache->ln, D, cache->hmid, F, lp.wdown, NULL, n, F, D);
      ftl_add_forward (cache->x, cache->x, cache->ln, (gsize) n * D);
    }
  cache->length += n;

  /* Only the last position's logits are needed to pick the next token. */
  float *last = cache->x + (gsize) (n - 1) * D;
  ftl_rmsnorm_forward (cache->ln, NULL, last, output_norm (model, model->params), 1, D, c->norm_eps);
  ftl_matmul_forward (cache->logits, c->vocab_size, cache->ln, D, model->params, NULL, 1, D,
                      c->vocab_size);
  return cache->logits;
}
