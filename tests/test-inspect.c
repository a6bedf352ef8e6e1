/* test-inspect.c — looking inside a model: the tensor table's roles and the
 * q | k | v slices of the fused projection, heatmap snapshots (the peak of
 * each cell, its index, norms), ΔW exactly zero before a step and the real
 * change after it, gradients, per-block figures that add up to the
 * optimizer's global ones, one element's AdamW update worked again from its
 * record, a step's per-token probabilities, and the next-token top-k. */
#include <check.h>
#include <math.h>
#include <string.h>

#include "ftl-inspect.h"
#include "ftl-test-util.h"
#include "ftl-trainer.h"

typedef struct
{
  FtlTokenizer *tokenizer;
  FtlModel     *model;
  float        *base;     /* the parameters before any step */
  int           B, T;
  int          *inputs;   /* [B, T] */
  int          *targets;  /* [B, T] */
  float        *mask;     /* [B, T] */
} Fixture;

/* A tiny random model, its tokenizer learned from the pirate examples, and
 * a batch of two examples: the second padded, half of each position trained. */
static void
fixture_init (Fixture *f)
{
  g_autofree char *jsonl = ftl_test_pirate_jsonl ();
  int pad;

  f->tokenizer = ftl_test_tokenizer (jsonl);
  f->model = ftl_test_tiny_model (f->tokenizer, 0, 5);
  f->base = g_memdup2 (ftl_model_get_params (f->model),
                       ftl_model_get_n_params (f->model) * sizeof (float));

  g_autoptr(GArray) tokens = ftl_tokenizer_encode (f->tokenizer, jsonl, -1, FALSE);
  pad = ftl_tokenizer_get_special (f->tokenizer, FTL_SPECIAL_ENDOFTEXT);
  f->B = 2;
  f->T = 24;
  f->inputs = g_new (int, f->B * f->T);
  f->targets = g_new (int, f->B * f->T);
  f->mask = g_new (float, f->B * f->T);
  for (int b = 0; b < f->B; b++)
    for (int t = 0; t < f->T; t++)
      {
        int i = b * f->T + t;
        gboolean padding = b == 1 && t >= 16;

        f->inputs[i] = padding ? pad : g_array_index (tokens, int, b * 40 + t);
        f->targets[i] = padding ? pad : g_array_index (tokens, int, b * 40 + t + 1);
        f->mask[i] = !padding && t % 2 == 1 ? 1.f : 0.f;
      }
}

static void
fixture_clear (Fixture *f)
{
  ftl_tokenizer_free (f->tokenizer);
  ftl_model_free (f->model);
  g_free (f->base);
  g_free (f->inputs);
  g_free (f->targets);
  g_free (f->mask);
}

static int
tensor_index (FtlModel   *model,
              const char *name)
{
  const FtlTensorInfo *info = ftl_model_find_tensor (model, name);

  ck_assert_msg (info != NULL, "no tensor %s", name);
  return (int) (info - ftl_model_get_tensor (model, 0));
}

START_TEST (test_tensor_table)
{
  Fixture f;

  fixture_init (&f);
  const FtlModelConfig *c = ftl_model_get_config (f.model);
  int D = c->d_model, KVD = c->n_kv_heads * (c->d_model / c->n_heads);
  const FtlTensorInfo *tensors = ftl_model_get_tensor (f.model, 0);
  int n = ftl_model_get_n_tensors (f.model);

  /* q, k and v: consecutive slices of one [D + 2·KVD, D] matrix, then of one bias. */
  const FtlTensorInfo *q = ftl_model_find_tensor (f.model, "blk.1.attn_q.weight");
  const FtlTensorInfo *k = ftl_model_find_tensor (f.model, "blk.1.attn_k.weight");
  const FtlTensorInfo *v = ftl_model_find_tensor (f.model, "blk.1.attn_v.weight");
  const FtlTensorInfo *qb = ftl_model_find_tensor (f.model, "blk.1.attn_q.bias");
  const FtlTensorInfo *vb = ftl_model_find_tensor (f.model, "blk.1.attn_v.bias");
  ck_assert_int_eq (q->rows, D);
  ck_assert_int_eq (k->rows, KVD);
  ck_assert_int_eq (v->rows, KVD);
  ck_assert_uint_eq (k->offset, q->offset + (gsize) D * D);
  ck_assert_uint_eq (v->offset, k->offset + (gsize) KVD * D);
  ck_assert_uint_eq (qb->offset, v->offset + (gsize) KVD * D);
  ck_assert_int_eq (qb->kind, FTL_TENSOR_BIAS);
  ck_assert_int_eq (vb->rows, KVD);

  ck_assert_int_eq (ftl_tensor_info_get_role (q), FTL_ROLE_ATTN_Q);
  ck_assert_int_eq (ftl_tensor_info_get_role (k), FTL_ROLE_ATTN_K);
  ck_assert_int_eq (ftl_tensor_info_get_role (vb), FTL_ROLE_ATTN_V);
  ck_assert_int_eq (ftl_tensor_info_get_role (&tensors[0]), FTL_ROLE_TOKEN_EMBD);
  ck_assert_int_eq (ftl_tensor_info_get_role (&tensors[n - 1]), FTL_ROLE_OUTPUT_NORM);
  ck_assert_int_eq (ftl_tensor_info_get_role (ftl_model_find_tensor (f.model, "blk.0.ffn_down.weight")),
                    FTL_ROLE_FFN_DOWN);

  ck_assert_int_eq (ftl_tensor_table_find (tensors, n, 1, "attn_v.bias"), vb - tensors);
  ck_assert_int_eq (ftl_tensor_table_find (tensors, n, -1, "token_embd.weight"), 0);
  ck_assert_int_eq (ftl_tensor_table_find (tensors, n, 7, "attn_v.bias"), -1);
  ck_assert_int_eq (ftl_tensor_table_find (tensors, n, 0, "attn_o.weight"), -1);

  ck_assert_int_eq (ftl_inspect_n_groups (c->n_layers), c->n_layers + 2);
  ck_assert_int_eq (ftl_inspect_tensor_group (&tensors[0], c->n_layers), FTL_GROUP_EMBEDDING);
  ck_assert_int_eq (ftl_inspect_tensor_group (q, c->n_layers), 2);
  ck_assert_int_eq (ftl_inspect_tensor_group (&tensors[n - 1], c->n_layers), c->n_layers + 1);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_snapshot_downsamples)
{
  Fixture f;

  fixture_init (&f);
  int tensor = tensor_index (f.model, "blk.0.attn_output.weight");
  const FtlTensorInfo *info = ftl_model_get_tensor (f.model, tensor);
  float *w = ftl_model_get_params (f.model) + info->offset;
  int D = info->rows;
  double norm = 0.0;

  /* Small values everywhere, one larger negative peak in cell (1, 2) of a 4 × 4 grid. */
  for (int r = 0; r < D; r++)
    for (int c = 0; c < D; c++)
      w[r * D + c] = 0.001f * ((r * 7 + c * 3) % 11 - 5);
  w[(D / 4 + 3) * D + 2 * D / 4 + 5] = -0.5f;
  for (int e = 0; e < D * D; e++)
    norm += (double) w[e] * w[e];

  g_autoptr(FtlTensorSnapshot) s = ftl_tensor_snapshot_take (f.model, NULL, tensor, FTL_INSPECT_VALUES,
                                                             4, 4, 0);
  ck_assert_int_eq (s->rows, D);
  ck_assert_int_eq (s->cols, D);
  ck_assert_int_eq (s->cell_rows, 4);
  ck_assert_int_eq (s->cell_cols, 4);
  ck_assert_str_eq (s->name, "blk.0.attn_output.weight");
  ck_assert_float_eq (s->cells[1 * 4 + 2], -0.5f);
  ck_assert_uint_eq (s->cell_index[1 * 4 + 2], (D / 4 + 3) * D + 2 * D / 4 + 5);
  ck_assert_float_eq (s->max_abs, 0.5f);
  ck_assert_double_eq_tol (s->norm, sqrt (norm), 1e-9 * sqrt (norm));
  ck_assert_double_eq_tol (s->value_norm, s->norm, 1e-12);
  /* Every other cell: the peak of its 16 × 16 block, and where it is. */
  for (int cell = 0; cell < 16; cell++)
    {
      int r0 = cell / 4 * D / 4, c0 = cell % 4 * D / 4;
      float peak = 0.f;

      for (int r = r0; r < r0 + D / 4; r++)
        for (int c = c0; c < c0 + D / 4; c++)
          peak = MAX (peak, fabsf (w[r * D + c]));
      ck_assert_float_eq (fabsf (s->cells[cell]), peak);
      ck_assert_float_eq (w[s->cell_index[cell]], s->cells[cell]);
      ck_assert_int_ge ((int) s->cell_index[cell] / D, r0);
      ck_assert_int_lt ((int) s->cell_index[cell] / D, r0 + D / 4);
    }

  /* More cells asked for than there are elements: one cell per element. */
  g_autoptr(FtlTensorSnapshot) full = ftl_tensor_snapshot_take (f.model, NULL, tensor, FTL_INSPECT_VALUES,
                                                                1000, 1000, 0);
  ck_assert_int_eq (full->cell_rows, D);
  ck_assert_int_eq (full->cell_cols, D);
  ck_assert (memcmp (full->cells, w, (gsize) D * D * sizeof (float)) == 0);

  /* A vector is one row. */
  int bias = tensor_index (f.model, "blk.1.attn_k.bias");
  ftl_model_get_params (f.model)[ftl_model_get_tensor (f.model, bias)->offset + 3] = 2.f;
  g_autoptr(FtlTensorSnapshot) vec = ftl_tensor_snapshot_take (f.model, NULL, bias, FTL_INSPECT_VALUES,
                                                               100, 100, 0);
  ck_assert_int_eq (vec->rows, 1);
  ck_assert_int_eq (vec->cell_rows, 1);
  ck_assert_int_eq (vec->cols, ftl_model_get_tensor (f.model, bias)->rows);
  ck_assert_int_eq (vec->cell_cols, vec->cols);
  ck_assert_float_eq (vec->cells[3], 2.f);
  ck_assert_uint_eq (vec->cell_index[3], 3);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_delta_and_gradient)
{
  Fixture f;
  FtlAdamWConfig adamw;
  FtlStepStats stats;

  fixture_init (&f);
  ftl_adamw_config_init (&adamw, 1e-3f, 10);
  g_autoptr(FtlOptimizer) optimizer = ftl_optimizer_new (f.model, &adamw);

  /* Before a step, ΔW is exactly zero in every tensor. */
  for (int i = 0; i < ftl_model_get_n_tensors (f.model); i++)
    {
      g_autoptr(FtlTensorSnapshot) s = ftl_tensor_snapshot_take (f.model, f.base, i, FTL_INSPECT_DELTA,
                                                                 64, 64, 0);

      ck_assert_float_eq (s->max_abs, 0.f);
      ck_assert_double_eq (s->norm, 0.0);
      for (int c = 0; c < s->cell_rows * s->cell_cols; c++)
        ck_assert_float_eq (s->cells[c], 0.f);
    }

  ftl_train_step (f.model, optimizer, f.inputs, f.targets, f.mask, f.B, f.T, &stats, NULL);

  /* After it, ΔW is the real change; its norm relates to ‖W‖ as the step's ratio does. */
  const float *params = ftl_model_get_params (f.model);
  const float *grads = ftl_model_get_grads (f.model);
  int tensor = tensor_index (f.model, "blk.1.ffn_up.weight");
  const FtlTensorInfo *info = ftl_model_get_tensor (f.model, tensor);
  g_autoptr(FtlTensorSnapshot) delta = ftl_tensor_snapshot_take (f.model, f.base, tensor, FTL_INSPECT_DELTA,
                                                                 8, 8, 1);
  double change = 0.0;

  ck_assert_int_eq (delta->step, 1);
  ck_assert_float_gt (delta->max_abs, 0.f);
  for (gsize e = 0; e < info->size; e++)
    change += pow (params[info->offset + e] - f.base[info->offset + e], 2);
  ck_assert_double_eq_tol (delta->norm, sqrt (change), 1e-6 * sqrt (change));
  for (int c = 0; c < 64; c++)
    {
      gsize e = info->offset + delta->cell_index[c];

      ck_assert_float_eq (delta->cells[c], params[e] - f.base[e]);
    }

  g_autoptr(FtlTensorSnapshot) gradient = ftl_tensor_snapshot_take (f.model, NULL, tensor,
                                                                    FTL_INSPECT_GRADIENT, 8, 8, 1);
  ck_assert_float_gt (gradient->max_abs, 0.f);
  for (int c = 0; c < 64; c++)
    ck_assert_float_eq (gradient->cells[c], grads[info->offset + gradient->cell_index[c]]);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_layer_stats)
{
  Fixture f;
  FtlAdamWConfig adamw;
  FtlStepStats stats;

  fixture_init (&f);
  ftl_adamw_config_init (&adamw, 1e-3f, 10);
  /* Clipping on, and the gradient above it: the norms are of the raw gradient. */
  adamw.grad_clip = 0.01f;
  g_autoptr(FtlOptimizer) optimizer = ftl_optimizer_new (f.model, &adamw);
  ftl_train_step (f.model, optimizer, f.inputs, f.targets, f.mask, f.B, f.T, &stats, NULL);
  ck_assert_float_gt (stats.grad_norm, adamw.grad_clip);

  g_autoptr(FtlLayerStats) layers = ftl_layer_stats_new_from_step (f.model, optimizer, 1,
                                                                   stats.learning_rate);
  int L = ftl_model_get_config (f.model)->n_layers;
  const float *grads = ftl_model_get_grads (f.model);
  const float *params = ftl_model_get_params (f.model);
  g_autofree double *grad2 = g_new0 (double, L + 2);
  g_autofree double *update2 = g_new0 (double, L + 2);
  g_autofree double *param2 = g_new0 (double, L + 2);
  double grad_total = 0.0, update_total = 0.0, param_total = 0.0;

  ck_assert_int_eq (layers->n_groups, L + 2);
  ck_assert_int_eq (layers->step, 1);
  ck_assert_float_eq (layers->learning_rate, stats.learning_rate);
  /* Worked out here from the gradients and the change of the parameters. */
  for (int i = 0; i < ftl_model_get_n_tensors (f.model); i++)
    {
      const FtlTensorInfo *info = ftl_model_get_tensor (f.model, i);
      int g = ftl_inspect_tensor_group (info, L);

      for (gsize e = info->offset; e < info->offset + info->size; e++)
        {
          grad2[g] += (double) grads[e] * grads[e];
          update2[g] += pow (params[e] - f.base[e], 2);
          param2[g] += (double) f.base[e] * f.base[e];
        }
    }
  for (int g = 0; g < L + 2; g++)
    {
      ck_assert_double_eq_tol (layers->grad_norm[g], sqrt (grad2[g]), 1e-5 * sqrt (grad2[g]));
      ck_assert_double_eq_tol (layers->update_ratio[g], sqrt (update2[g] / param2[g]),
                               1e-4 * sqrt (update2[g] / param2[g]));
      ck_assert_float_gt (layers->grad_norm[g], 0.f);
      grad_total += grad2[g];
      update_total += update2[g];
      param_total += param2[g];
    }
  /* Together they make the step's global figures. */
  ck_assert_double_eq_tol (stats.grad_norm, sqrt (grad_total), 1e-5 * stats.grad_norm);
  ck_assert_double_eq_tol (stats.update_ratio, sqrt (update_total / param_total), 1e-4 * stats.update_ratio);
  fixture_clear (&f);
}
END_TEST

/* Records an element's update around a real step, as the step mode does. */
typedef struct
{
  FtlUpdateRecord weight;
  FtlUpdateRecord bias;
  int             weight_tensor;
  int             weight_index;
  int             bias_tensor;
  float           weight_before;  /* read here, not through the record */
  float           bias_grad_peak;
} UpdateWatch;

static void
watch_backward (FtlModel           *model,
                const FtlOptimizer *optimizer,
                gpointer            user_data)
{
  UpdateWatch *w = user_data;
  const FtlTensorInfo *bias = ftl_model_get_tensor (model, w->bias_tensor);
  const float *grads = ftl_model_get_grads (model);

  w->weight_before = ftl_model_get_params (model)[ftl_model_get_tensor (model, w->weight_tensor)->offset +
                                                  w->weight_index];
  w->bias_grad_peak = 0.f;
  for (gsize e = bias->offset; e < bias->offset + bias->size; e++)
    w->bias_grad_peak = MAX (w->bias_grad_peak, fabsf (grads[e]));
  ftl_update_record_begin (&w->weight, model, optimizer, w->weight_tensor, w->weight_index);
  ftl_update_record_begin (&w->bias, model, optimizer, w->bias_tensor, -1);
}

static void
watch_update (FtlModel           *model,
              const FtlOptimizer *optimizer,
              const FtlStepStats *stats,
              gpointer            user_data)
{
  UpdateWatch *w = user_data;

  ftl_update_record_end (&w->weight, model, optimizer, stats->learning_rate);
  ftl_update_record_end (&w->bias, model, optimizer, stats->learning_rate);
}

static void
assert_formula (const FtlUpdateRecord *r)
{
  double m, v, m_hat, v_hat;
  double after = ftl_update_record_formula (r, &m, &v, &m_hat, &v_hat);

  ck_assert_double_eq_tol (m, r->m_after, 1e-6 * fabs (r->m_after));
  ck_assert_double_eq_tol (v, r->v_after, 1e-6 * fabs (r->v_after));
  ck_assert_double_eq_tol (r->correction1, 1.0 - pow (r->beta1, r->t), 1e-6);
  ck_assert_double_eq_tol (r->correction2, 1.0 - pow (r->beta2, r->t), 1e-4 * r->correction2);
  ck_assert_double_eq_tol (m_hat, m / r->correction1, 1e-12 * fabs (m_hat));
  ck_assert_double_eq_tol (v_hat, v / r->correction2, 1e-12 * fabs (v_hat));
  ck_assert_double_eq_tol (after, r->theta_after, 1e-6 * fabs (r->theta_after));
  ck_assert_float_ne (r->theta_after, r->theta_before);
}

START_TEST (test_update_record)
{
  Fixture f;
  FtlAdamWConfig adamw;
  FtlStepStats stats;
  UpdateWatch w = { 0 };
  FtlStepHooks hooks = { NULL, watch_backward, watch_update, &w };

  fixture_init (&f);
  ftl_adamw_config_init (&adamw, 1e-3f, 10);
  adamw.grad_clip = 0.05f;  /* so the record's clipping factor matters */
  g_autoptr(FtlOptimizer) optimizer = ftl_optimizer_new (f.model, &adamw);
  w.weight_tensor = tensor_index (f.model, "blk.1.attn_v.weight");
  w.weight_index = 77;
  w.bias_tensor = tensor_index (f.model, "blk.0.attn_q.bias");

  for (int step = 1; step <= 3; step++)
    {
      const float *params = ftl_model_get_params (f.model);
      const float *grads = ftl_model_get_grads (f.model);
      const FtlTensorInfo *weight = ftl_model_get_tensor (f.model, w.weight_tensor);
      const FtlTensorInfo *bias = ftl_model_get_tensor (f.model, w.bias_tensor);

      ftl_train_step (f.model, optimizer, f.inputs, f.targets, f.mask, f.B, f.T, &stats, &hooks);

      /* What the record shows is what happened to the parameter. */
      ck_assert_int_eq (w.weight.t, step);
      ck_assert_uint_eq (w.weight.index, 77);
      ck_assert_int_eq (w.weight.row, 77 / weight->cols);
      ck_assert_int_eq (w.weight.col, 77 % weight->cols);
      ck_assert_str_eq (w.weight.name, "blk.1.attn_v.weight");
      ck_assert_float_eq (w.weight.theta_before, w.weight_before);
      ck_assert_float_eq (w.weight.theta_after, params[weight->offset + 77]);
      ck_assert_float_eq (w.weight.grad, grads[weight->offset + 77]);
      ck_assert_float_eq (w.weight.learning_rate, stats.learning_rate);
      ck_assert_float_eq (w.weight.clip_scale, adamw.grad_clip / stats.grad_norm);
      ck_assert_float_eq (w.weight.weight_decay, adamw.weight_decay);
      assert_formula (&w.weight);

      /* Without an index: the largest gradient. Biases don't decay. */
      ck_assert_float_eq (fabsf (w.bias.grad), w.bias_grad_peak);
      ck_assert_float_eq (w.bias.theta_after, params[bias->offset + w.bias.index]);
      ck_assert_float_eq (w.bias.weight_decay, 0.f);
      ck_assert_int_eq (w.bias.row, 0);
      ck_assert_int_eq (w.bias.col, (int) w.bias.index);
      assert_formula (&w.bias);
    }
  fixture_clear (&f);
}
END_TEST

/* The step record takes what the forward left behind. */
static void
record_forward (FtlModel *model,
                float     loss,
                gpointer  user_data)
{
  Fixture *f = ((gpointer *) user_data)[0];
  FtlStepRecord **record = ((gpointer *) user_data)[1];
  int pad = ftl_tokenizer_get_special (f->tokenizer, FTL_SPECIAL_ENDOFTEXT);

  *record = ftl_step_record_new_from_forward (model, f->tokenizer, f->inputs, f->targets, f->mask,
                                              f->B, f->T, loss, pad);
}

START_TEST (test_step_record)
{
  Fixture f;
  FtlAdamWConfig adamw;
  FtlStepStats stats;
  g_autoptr(FtlStepRecord) record = NULL;
  gpointer data[2] = { &f, &record };
  FtlStepHooks hooks = { record_forward, NULL, NULL, data };

  fixture_init (&f);
  ftl_adamw_config_init (&adamw, 1e-3f, 10);
  g_autoptr(FtlOptimizer) optimizer = ftl_optimizer_new (f.model, &adamw);
  float loss = ftl_train_step (f.model, optimizer, f.inputs, f.targets, f.mask, f.B, f.T, &stats, &hooks);

  ck_assert_ptr_nonnull (record);
  ck_assert_float_eq (record->loss, loss);
  ck_assert_int_eq (record->lengths[0], f.T);
  ck_assert_int_eq (record->lengths[1], 16);

  /* The mean of the trained tokens' losses is the batch's loss; each
   * probability is e^−loss; untrained positions have neither. */
  double sum = 0.0;
  int n = 0;
  for (int i = 0; i < f.B * f.T; i++)
    if (f.mask[i] != 0.f)
      {
        ck_assert_double_eq_tol (record->probability[i], exp (-record->losses[i]), 1e-5);
        ck_assert_float_gt (record->probability[i], 0.f);
        ck_assert_ptr_nonnull (record->predicted_text[i]);
        sum += record->losses[i];
        n++;
      }
    else
      {
        ck_assert_float_eq (record->losses[i], 0.f);
        ck_assert_float_eq (record->probability[i], 0.f);
        ck_assert_ptr_null (record->predicted_text[i]);
      }
  ck_assert_double_eq_tol (sum / n, loss, 1e-5);

  /* The text: the first input, then every target, as the tokenizer decodes them. */
  for (int b = 0; b < f.B; b++)
    {
      GString *shown = g_string_new (record->first_text[b]);
      g_autofree char *decoded = NULL;
      g_autofree int *ids = g_new (int, record->lengths[b] + 1);

      ids[0] = f.inputs[b * f.T];
      for (int t = 0; t < record->lengths[b]; t++)
        {
          g_string_append (shown, record->target_text[b * f.T + t]);
          ids[t + 1] = f.targets[b * f.T + t];
        }
      for (int t = record->lengths[b]; t < f.T; t++)
        ck_assert_ptr_null (record->target_text[b * f.T + t]);
      decoded = ftl_tokenizer_decode (f.tokenizer, ids, record->lengths[b] + 1, NULL);
      ck_assert_str_eq (shown->str, decoded);
      g_string_free (shown, TRUE);
    }
  fixture_clear (&f);
}
END_TEST

START_TEST (test_next_tokens)
{
  Fixture f;
  int ids[5];
  float probabilities[5];
  int n = 10;

  fixture_init (&f);
  int V = ftl_model_get_config (f.model)->vocab_size;

  float target_probability;

  ck_assert_int_eq (ftl_inspect_next_tokens (f.model, f.inputs, n, 5, ids, probabilities, f.inputs[n],
                                             &target_probability), 5);

  /* Against the full forward's last row. */
  ftl_model_forward (f.model, f.inputs, NULL, NULL, 1, n);
  const float *logits = ftl_model_get_logits (f.model) + (gsize) (n - 1) * V;
  double sum = 0.0;
  float max = logits[0];
  int best = 0;
  for (int v = 0; v < V; v++)
    if (logits[v] > max)
      {
        max = logits[v];
        best = v;
      }
  for (int v = 0; v < V; v++)
    sum += exp (logits[v] - max);

  ck_assert_int_eq (ids[0], best);
  ck_assert_double_eq_tol (target_probability, exp (logits[f.inputs[n]] - max) / sum, 1e-5);
  for (int j = 0; j < 5; j++)
    {
      double expected = exp (logits[ids[j]] - max) / sum;

      ck_assert_double_eq_tol (probabilities[j], expected, 1e-5);
      if (j > 0)
        {
          ck_assert_float_le (probabilities[j], probabilities[j - 1]);
          ck_assert_int_ne (ids[j], ids[j - 1]);
        }
      /* Nothing left out is more likely than the last one kept. */
      for (int v = 0; v < V; v++)
        if (v != ids[0] && v != ids[1] && v != ids[2] && v != ids[3] && v != ids[4])
          ck_assert_float_le (logits[v], logits[ids[4]]);
    }

  ck_assert_int_eq (ftl_inspect_next_tokens (f.model, f.inputs, 0, 5, ids, probabilities, -1, NULL), 0);
  ck_assert_int_eq (ftl_inspect_next_tokens (f.model, f.inputs,
                                             ftl_model_get_config (f.model)->context_length + 1,
                                             5, ids, probabilities, -1, NULL), 0);
  fixture_clear (&f);
}
END_TEST

/* The context of a reply's token: the prompt as chat renders it, then the
 * reply up to that token; the token itself holds the byte clicked. */
START_TEST (test_reply_context)
{
  Fixture f;
  const FtlChatMessage messages[] = {
    { FTL_ROLE_SYSTEM, "You are a pirate.", 1.f },
    { FTL_ROLE_USER, "Do you like fish?", 1.f },
  };
  const char *reply = "Arr, fish be the finest supper, matey.";
  g_autoptr(GArray) prompt = g_array_new (FALSE, FALSE, sizeof (int));
  int token;

  fixture_init (&f);
  ftl_chat_render (f.tokenizer, messages, 2, TRUE, prompt, NULL);

  /* The first byte: the context is the prompt alone. */
  g_autoptr(GArray) first = ftl_inspect_reply_context (f.tokenizer, messages, 2, reply, 0, 1000, &token);
  ck_assert_uint_eq (first->len, prompt->len);
  ck_assert (memcmp (first->data, prompt->data, prompt->len * sizeof (int)) == 0);
  g_autofree char *first_token = ftl_tokenizer_decode (f.tokenizer, &token, 1, NULL);
  ck_assert (g_str_has_prefix (reply, first_token));

  /* Every byte of "finest": the context ends before the token that holds it. */
  gsize at = strstr (reply, "finest") - reply;
  for (gsize offset = at; offset < at + 6; offset++)
    {
      g_autoptr(GArray) context = ftl_inspect_reply_context (f.tokenizer, messages, 2, reply, offset, 1000, &token);
      g_autofree char *text = ftl_tokenizer_decode (f.tokenizer, (int *) context->data + prompt->len,
                                                    context->len - prompt->len, NULL);
      g_autofree char *held = ftl_tokenizer_decode (f.tokenizer, &token, 1, NULL);
      gsize before = strlen (text);

      ck_assert (memcmp (context->data, prompt->data, prompt->len * sizeof (int)) == 0);
      ck_assert (g_str_has_prefix (reply, text));
      ck_assert_uint_le (before, offset);
      ck_assert_uint_gt (before + strlen (held), offset);
      ck_assert (strncmp (reply + before, held, strlen (held)) == 0);
    }

  /* Past the end: what closes the reply; and only the latest tokens fit. */
  g_autoptr(GArray) all = ftl_inspect_reply_context (f.tokenizer, messages, 2, reply, strlen (reply), 1000, &token);
  ck_assert_int_eq (token, ftl_tokenizer_get_special (f.tokenizer, FTL_SPECIAL_IM_END));
  g_autoptr(GArray) tail = ftl_inspect_reply_context (f.tokenizer, messages, 2, reply, strlen (reply), 5, &token);
  ck_assert_uint_eq (tail->len, 5);
  ck_assert (memcmp (tail->data, (int *) all->data + all->len - 5, 5 * sizeof (int)) == 0);
  fixture_clear (&f);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("inspect");
  TCase *tc = tcase_create ("core");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_tensor_table);
  tcase_add_test (tc, test_snapshot_downsamples);
  tcase_add_test (tc, test_delta_and_gradient);
  tcase_add_test (tc, test_layer_stats);
  tcase_add_test (tc, test_update_record);
  tcase_add_test (tc, test_step_record);
  tcase_add_test (tc, test_next_tokens);
  tcase_add_test (tc, test_reply_context);
  suite_add_tcase (s, tc);

  return ftl_test_run_suite (s, CK_FORK_GETENV);
}
