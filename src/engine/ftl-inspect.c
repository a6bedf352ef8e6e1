/* ftl-inspect.c — looking inside a model while it trains (read-only). */
#include "ftl-inspect.h"

#include <math.h>
#include <string.h>

/* ---- tensors by block and role ------------------------------------------- */

static const struct
{
  const char    *prefix;  /* of the name after "blk.N." */
  FtlTensorRole  role;
} role_names[] = {
  { "token_embd.", FTL_ROLE_TOKEN_EMBD },
  { "attn_norm.", FTL_ROLE_ATTN_NORM },
  { "attn_q.", FTL_ROLE_ATTN_Q },
  { "attn_k.", FTL_ROLE_ATTN_K },
  { "attn_v.", FTL_ROLE_ATTN_V },
  { "attn_output.", FTL_ROLE_ATTN_OUTPUT },
  { "ffn_norm.", FTL_ROLE_FFN_NORM },
  { "ffn_gate.", FTL_ROLE_FFN_GATE },
  { "ffn_up.", FTL_ROLE_FFN_UP },
  { "ffn_down.", FTL_ROLE_FFN_DOWN },
  { "output_norm.", FTL_ROLE_OUTPUT_NORM },
};

/* The name without its "blk.N." prefix. */
static const char *
local_name (const char *name)
{
  if (g_str_has_prefix (name, "blk."))
    {
      const char *dot = strchr (name + 4, '.');

      if (dot != NULL)
        return dot + 1;
    }
  return name;
}

FtlTensorRole
ftl_tensor_info_get_role (const FtlTensorInfo *info)
{
  const char *name = local_name (info->name);

  for (gsize i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_str_has_prefix (name, role_names[i].prefix))
      return role_names[i].role;
  g_return_val_if_reached (FTL_ROLE_TOKEN_EMBD);
}

int
ftl_tensor_table_find (const FtlTensorInfo *tensors,
                       int                  n,
                       int                  layer,
                       const char          *suffix)
{
  g_autofree char *name = layer >= 0 ? g_strdup_printf ("blk.%d.%s", layer, suffix)
                                     : g_strdup (suffix);

  for (int i = 0; i < n; i++)
    if (g_str_equal (tensors[i].name, name))
      return i;
  return -1;
}

int
ftl_inspect_n_groups (int n_layers)
{
  return n_layers + 2;
}

int
ftl_inspect_tensor_group (const FtlTensorInfo *info,
                          int                  n_layers)
{
  if (info->layer >= 0)
    return info->layer + 1;
  return info->kind == FTL_TENSOR_EMBEDDING ? FTL_GROUP_EMBEDDING : n_layers + 1;
}

/* ---- heatmap snapshots ----------------------------------------------------- */

static void
tensor_snapshot_clear (FtlTensorSnapshot *snapshot)
{
  g_free (snapshot->cells);
  g_free (snapshot->cell_index);
}

FtlTensorSnapshot *
ftl_tensor_snapshot_ref (FtlTensorSnapshot *snapshot)
{
  return g_atomic_rc_box_acquire (snapshot);
}

void
ftl_tensor_snapshot_unref (FtlTensorSnapshot *snapshot)
{
  g_atomic_rc_box_release_full (snapshot, (GDestroyNotify) tensor_snapshot_clear);
}

G_DEFINE_BOXED_TYPE (FtlTensorSnapshot, ftl_tensor_snapshot,
                     ftl_tensor_snapshot_ref, ftl_tensor_snapshot_unref)

FtlTensorSnapshot *
ftl_tensor_snapshot_take (FtlModel       *model,
                          const float    *base,
                          int             tensor,
                          FtlInspectMode  mode,
                          int             max_rows,
                          int             max_cols,
                          int             step)
{
  const FtlTensorInfo *info = ftl_model_get_tensor (model, tensor);
  const float *params, *x, *x0 = NULL;
  FtlTensorSnapshot *s;
  g_autofree int *cell_of_col = NULL;
  g_autofree float *peak = NULL;
  double norm = 0.0, value_norm = 0.0;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (mode != FTL_INSPECT_DELTA || base != NULL, NULL);

  s = g_atomic_rc_box_new0 (FtlTensorSnapshot);
  s->tensor = tensor;
  g_strlcpy (s->name, info->name, sizeof s->name);
  s->mode = mode;
  s->step = step;
  s->rows = info->n_dims == 2 ? info->rows : 1;
  s->cols = info->n_dims == 2 ? info->cols : info->rows;
  s->cell_rows = CLAMP (max_rows, 1, s->rows);
  s->cell_cols = CLAMP (max_cols, 1, s->cols);

  gsize n_cells = (gsize) s->cell_rows * s->cell_cols;
  s->cells = g_new0 (float, n_cells);
  s->cell_index = g_new0 (guint32, n_cells);
  peak = g_new (float, n_cells);
  for (gsize i = 0; i < n_cells; i++)
    peak[i] = -1.f;

  params = ftl_model_get_params (model) + info->offset;
  x = mode == FTL_INSPECT_GRADIENT ? ftl_model_get_grads (model) + info->offset : params;
  if (mode == FTL_INSPECT_DELTA)
    x0 = base + info->offset;

  /* Element (r, c) falls in cell (r · cell_rows / rows, c · cell_cols / cols):
   * blocks differ in size by at most one element. */
  cell_of_col = g_new (int, s->cols);
  for (int c = 0; c < s->cols; c++)
    cell_of_col[c] = (int) ((gint64) c * s->cell_cols / s->cols);

  for (int r = 0; r < s->rows; r++)
    {
      gsize row_cell = (gsize) ((gint64) r * s->cell_rows / s->rows) * s->cell_cols;
      gsize row_start = (gsize) r * s->cols;

      for (int c = 0; c < s->cols; c++)
        {
          gsize e = row_start + c;
          float value = x0 != NULL ? x[e] - x0[e] : x[e];
          float magnitude = fabsf (value);
          gsize cell = row_cell + cell_of_col[c];

          if (magnitude > peak[cell])
            {
              peak[cell] = magnitude;
              s->cells[cell] = value;
              s->cell_index[cell] = (guint32) e;
            }
          norm += (double) value * value;
          value_norm += (double) params[e] * params[e];
        }
    }

  for (gsize i = 0; i < n_cells; i++)
    s->max_abs = MAX (s->max_abs, peak[i]);
  s->norm = sqrt (norm);
  s->value_norm = sqrt (value_norm);
  return s;
}

/* ---- figures per group ----------------------------------------------------- */

static void
layer_stats_clear (FtlLayerStats *stats)
{
  g_free (stats->grad_norm);
  g_free (stats->update_ratio);
}

FtlLayerStats *
ftl_layer_stats_ref (FtlLayerStats *stats)
{
  return g_atomic_rc_box_acquire (stats);
}

void
ftl_layer_stats_unref (FtlLayerStats *stats)
{
  g_atomic_rc_box_release_full (stats, (GDestroyNotify) layer_stats_clear);
}

G_DEFINE_BOXED_TYPE (FtlLayerStats, ftl_layer_stats, ftl_layer_stats_ref, ftl_layer_stats_unref)

FtlLayerStats *
ftl_layer_stats_new_from_step (const FtlModel     *model,
                               const FtlOptimizer *optimizer,
                               int                 step,
                               float               learning_rate)
{
  int n_layers = ftl_model_get_config (model)->n_layers;
  int n_groups = ftl_inspect_n_groups (n_layers);
  g_autofree double *grad2 = g_new0 (double, n_groups);
  g_autofree double *update2 = g_new0 (double, n_groups);
  g_autofree double *param2 = g_new0 (double, n_groups);
  FtlLayerStats *stats = g_atomic_rc_box_new0 (FtlLayerStats);

  for (int i = 0; i < ftl_model_get_n_tensors (model); i++)
    {
      int group = ftl_inspect_tensor_group (ftl_model_get_tensor (model, i), n_layers);
      double g2, u2, p2;

      ftl_optimizer_get_tensor_sums (optimizer, i, &g2, &u2, &p2);
      grad2[group] += g2;
      update2[group] += u2;
      param2[group] += p2;
    }

  stats->step = step;
  stats->learning_rate = learning_rate;
  stats->n_groups = n_groups;
  stats->grad_norm = g_new (float, n_groups);
  stats->update_ratio = g_new (float, n_groups);
  for (int g = 0; g < n_groups; g++)
    {
      stats->grad_norm[g] = (float) sqrt (grad2[g]);
      stats->update_ratio[g] = param2[g] > 0.0 ? (float) sqrt (update2[g] / param2[g]) : 0.f;
    }
  return stats;
}

/* ---- one element's AdamW update ------------------------------------------------ */

void
ftl_update_record_begin (FtlUpdateRecord    *record,
                         FtlModel           *model,
                         const FtlOptimizer *optimizer,
                         int                 tensor,
                         int                 index)
{
  const FtlTensorInfo *info = ftl_model_get_tensor (model, tensor);
  const float *grads, *params;

  g_return_if_fail (info != NULL);
  g_return_if_fail (index < 0 || (gsize) index < info->size);

  grads = ftl_model_get_grads (model) + info->offset;
  params = ftl_model_get_params (model) + info->offset;
  if (index < 0)
    {
      float largest = -1.f;

      for (gsize i = 0; i < info->size; i++)
        if (fabsf (grads[i]) > largest)
          {
            largest = fabsf (grads[i]);
            index = (int) i;
          }
    }

  memset (record, 0, sizeof *record);
  record->tensor = tensor;
  g_strlcpy (record->name, info->name, sizeof record->name);
  record->index = (guint) index;
  record->row = info->n_dims == 2 ? index / info->cols : 0;
  record->col = info->n_dims == 2 ? index % info->cols : index;
  record->theta_before = params[index];
  record->grad = grads[index];
  record->m_before = ftl_optimizer_get_m (optimizer)[info->offset + index];
  record->v_before = ftl_optimizer_get_v (optimizer)[info->offset + index];
}

void
ftl_update_record_end (FtlUpdateRecord    *record,
                       FtlModel           *model,
                       const FtlOptimizer *optimizer,
                       float               learning_rate)
{
  const FtlTensorInfo *info = ftl_model_get_tensor (model, record->tensor);
  const FtlAdamWConfig *c = ftl_optimizer_get_config (optimizer);
  gsize at = info->offset + record->index;

  record->t = ftl_optimizer_get_step (optimizer);
  record->learning_rate = learning_rate;
  record->beta1 = c->beta1;
  record->beta2 = c->beta2;
  record->eps = c->eps;
  /* As ftl_optimizer_step() computes them. */
  record->correction1 = 1.f - powf (c->beta1, record->t);
  record->correction2 = 1.f - powf (c->beta2, record->t);
  /* As ftl_optimizer_new() decides which tensors decay. */
  record->weight_decay = (info->kind == FTL_TENSOR_WEIGHT || info->kind == FTL_TENSOR_EMBEDDING)
                           ? c->weight_decay : 0.f;
  record->clip_scale = ftl_optimizer_get_clip_scale (optimizer);
  record->m_after = ftl_optimizer_get_m (optimizer)[at];
  record->v_after = ftl_optimizer_get_v (optimizer)[at];
  record->theta_after = ftl_model_get_params (model)[at];
}

double
ftl_update_record_formula (const FtlUpdateRecord *r,
                           double                *m_out,
                           double                *v_out,
                           double                *m_hat_out,
                           double                *v_hat_out)
{
  double b1 = r->beta1, b2 = r->beta2;
  double g = (double) r->grad * r->clip_scale;
  double m = b1 * r->m_before + (1.0 - b1) * g;
  double v = b2 * r->v_before + (1.0 - b2) * g * g;
  double m_hat = m / r->correction1;
  double v_hat = v / r->correction2;
  double theta = r->theta_before;

  if (m_out != NULL)
    *m_out = m;
  if (v_out != NULL)
    *v_out = v;
  if (m_hat_out != NULL)
    *m_hat_out = m_hat;
  if (v_hat_out != NULL)
    *v_hat_out = v_hat;
  return theta - r->learning_rate * (m_hat / (sqrt (v_hat) + r->eps) + r->weight_decay * theta);
}

/* ---- one step, phase by phase --------------------------------------------------- */

static void
step_record_clear (FtlStepRecord *record)
{
  gsize n = (gsize) record->B * record->T;

  for (int b = 0; b < record->B; b++)
    g_free (record->first_text[b]);
  for (gsize i = 0; i < n; i++)
    {
      g_free (record->target_text[i]);
      g_free (record->predicted_text[i]);
    }
  g_free (record->lengths);
  g_free (record->first_text);
  g_free (record->target_text);
  g_free (record->mask);
  g_free (record->losses);
  g_free (record->probability);
  g_free (record->predicted_text);
  g_clear_pointer (&record->layers, ftl_layer_stats_unref);
}

FtlStepRecord *
ftl_step_record_ref (FtlStepRecord *record)
{
  return g_atomic_rc_box_acquire (record);
}

void
ftl_step_record_unref (FtlStepRecord *record)
{
  g_atomic_rc_box_release_full (record, (GDestroyNotify) step_record_clear);
}

G_DEFINE_BOXED_TYPE (FtlStepRecord, ftl_step_record, ftl_step_record_ref, ftl_step_record_unref)

FtlStepRecord *
ftl_step_record_new_from_forward (FtlModel           *model,
                                  const FtlTokenizer *tokenizer,
                                  const int          *inputs,
                                  const int          *targets,
                                  const float        *mask,
                                  int                 B,
                                  int                 T,
                                  float               loss,
                                  int                 pad_token)
{
  FtlStepRecord *record = g_atomic_rc_box_new0 (FtlStepRecord);
  gsize n = (gsize) B * T;
  int V = ftl_model_get_config (model)->vocab_size;
  const float *losses = ftl_model_get_losses (model);
  /* The trained positions' probabilities, one row each, in position order. */
  const float *probabilities = ftl_model_get_logits (model);
  gsize row = 0;

  record->loss = loss;
  record->B = B;
  record->T = T;
  record->lengths = g_new (int, B);
  record->first_text = g_new0 (char *, B);
  record->target_text = g_new0 (char *, n);
  record->mask = g_memdup2 (mask, n * sizeof (float));
  record->losses = g_new0 (float, n);
  record->probability = g_new0 (float, n);
  record->predicted_text = g_new0 (char *, n);
  record->weight.tensor = record->bias.tensor = -1;

  for (int b = 0; b < B; b++)
    {
      const int *in = inputs + (gsize) b * T;
      const int *out = targets + (gsize) b * T;
      const float *weight = mask + (gsize) b * T;
      int length = T;

      /* The trainer pads shorter examples with pad_token → pad_token, untrained. */
      while (length > 1 && in[length - 1] == pad_token && out[length - 1] == pad_token &&
             weight[length - 1] == 0.f)
        length--;
      record->lengths[b] = length;
      record->first_text[b] = ftl_inspect_token_text (tokenizer, in[0]);
      for (int t = 0; t < T; t++)
        {
          gsize i = (gsize) b * T + t;

          if (t < length)
            record->target_text[i] = ftl_inspect_token_text (tokenizer, out[t]);
          if (mask[i] == 0.f)
            continue;

          const float *p = probabilities + row * V;
          int best = 0;

          for (int v = 1; v < V; v++)
            if (p[v] > p[best])
              best = v;
          record->losses[i] = losses[i];
          record->probability[i] = p[out[t]];
          record->predicted_text[i] = ftl_inspect_token_text (tokenizer, best);
          row++;
        }
    }
  return record;
}

/* ---- before / after ---------------------------------------------------------------- */

char *
ftl_inspect_token_text (const FtlTokenizer *tokenizer,
                        int                 id)
{
  gsize length;
  const char *bytes = ftl_tokenizer_get_token_bytes (tokenizer, id, &length);

  /* A byte-level token may hold part of a character: shown as U+FFFD. */
  return g_utf8_make_valid (bytes, (gssize) length);
}

int
ftl_inspect_next_tokens (FtlModel  *model,
                         const int *tokens,
                         int        n,
                         int        k,
                         int       *ids,
                         float     *probabilities,
                         int        target,
                         float     *target_probability)
{
  int V = ftl_model_get_config (model)->vocab_size;
  g_autoptr(FtlKVCache) cache = NULL;
  g_autofree float *p = NULL;
  const float *logits;
  float max;
  double sum = 0.0;

  if (n < 1 || n > ftl_model_get_config (model)->context_length || k < 1)
    return 0;
  cache = ftl_kv_cache_new (model);
  logits = ftl_model_forward_cached (model, cache, tokens, n);
  if (logits == NULL)
    return 0;

  p = g_memdup2 (logits, V * sizeof (float));
  max = p[0];
  for (int v = 1; v < V; v++)
    max = MAX (max, p[v]);
  for (int v = 0; v < V; v++)
    {
      p[v] = expf (p[v] - max);
      sum += p[v];
    }
  if (target_probability != NULL)
    *target_probability = target >= 0 && target < V ? (float) (p[target] / sum) : 0.f;

  /* k is a handful: pick the largest k times rather than sort V entries. */
  k = MIN (k, V);
  for (int j = 0; j < k; j++)
    {
      int best = -1;

      for (int v = 0; v < V; v++)
        if (p[v] >= 0.f && (best < 0 || p[v] > p[best]))
          best = v;
      ids[j] = best;
      probabilities[j] = (float) (p[best] / sum);
      p[best] = -1.f;
    }
  return k;
}

GArray *
ftl_inspect_reply_context (const FtlTokenizer   *tokenizer,
                           const FtlChatMessage *messages,
                           int                   n_messages,
                           const char           *reply,
                           gsize                 offset,
                           int                   max_length,
                           int                  *token)
{
  GArray *context = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) reply_tokens = ftl_tokenizer_encode (tokenizer, reply, -1, FALSE);
  gsize start = 0;
  guint k;

  ftl_chat_render (tokenizer, messages, n_messages, TRUE, context, NULL);
  for (k = 0; k < reply_tokens->len; k++)
    {
      gsize length;

      ftl_tokenizer_get_token_bytes (tokenizer, g_array_index (reply_tokens, int, k), &length);
      if (offset < start + length)
        break;
      start += length;
    }
  g_array_append_vals (context, reply_tokens->data, k);
  *token = k < reply_tokens->len ? g_array_index (reply_tokens, int, k)
                                 : ftl_tokenizer_get_special (tokenizer, FTL_SPECIAL_IM_END);
  if (max_length > 0 && context->len > (guint) max_length)
    g_array_remove_range (context, 0, context->len - max_length);
  return context;
}
