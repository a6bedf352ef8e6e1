/* ftl-optimizer.c — AdamW (Loshchilov & Hutter), decoupled weight decay. */
#include "ftl-optimizer.h"

#include <math.h>

struct _FtlOptimizer
{
  FtlAdamWConfig config;
  gsize          n_params;
  float         *m;      /* first moment [n_params] */
  float         *v;      /* second moment [n_params] */
  float         *decay;  /* [n_params]: 1 where weight decay applies, else 0 */
  int            step;
};

void
ftl_adamw_config_init (FtlAdamWConfig *config,
                       float           learning_rate,
                       int             total_steps)
{
  *config = (FtlAdamWConfig) {
    .learning_rate = learning_rate,
    .beta1 = 0.9f,
    .beta2 = 0.95f,
    .eps = 1e-8f,
    .weight_decay = 0.1f,
    .grad_clip = 1.0f,
    /* A short warmup keeps the first Adam steps, whose second moment is
     * still a poor estimate, from jolting a pretrained model. */
    .warmup_steps = MAX (1, MIN (100, total_steps / 10)),
    .total_steps = MAX (1, total_steps),
    .min_lr_ratio = 0.1f,
  };
}

float
ftl_adamw_learning_rate (const FtlAdamWConfig *c,
                         int                   step)
{
  float min_lr = c->learning_rate * c->min_lr_ratio;

  if (step < c->warmup_steps)
    return c->learning_rate * (step + 1) / c->warmup_steps;
  if (step >= c->total_steps)
    return min_lr;

  double progress = (double) (step - c->warmup_steps) / MAX (1, c->total_steps - c->warmup_steps);
  return min_lr + 0.5f * (c->learning_rate - min_lr) * (float) (1.0 + cos (G_PI * progress));
}

FtlOptimizer *
ftl_optimizer_new (const FtlModel       *model,
                   const FtlAdamWConfig *config)
{
  FtlOptimizer *opt = g_new0 (FtlOptimizer, 1);
  int n_tensors = ftl_model_get_n_tensors (model);

  opt->config = *config;
  opt->n_params = ftl_model_get_n_params (model);
  opt->m = g_new0 (float, opt->n_params);
  opt->v = g_new0 (float, opt->n_params);
  /* Decay as a per-parameter 0/1 factor so the update loop stays one flat,
   * branch-free pass over all parameters. */
  opt->decay = g_new0 (float, opt->n_params);
  for (int i = 0; i < n_tensors; i++)
    {
      const FtlTensorInfo *t = ftl_model_get_tensor (model, i);
      float factor = (t->kind == FTL_TENSOR_WEIGHT || t->kind == FTL_TENSOR_EMBEDDING) ? 1.f : 0.f;

      for (gsize j = 0; j < t->size; j++)
        opt->decay[t->offset + j] = factor;
    }
  return opt;
}

void
ftl_optimizer_free (FtlOptimizer *optimizer)
{
  if (optimizer == NULL)
    return;
  g_free (optimizer->m);
  g_free (optimizer->v);
  g_free (optimizer->decay);
  g_free (optimizer);
}

int
ftl_optimizer_get_step (const FtlOptimizer *optimizer)
{
  return optimizer->step;
}

/* Σ x² in double, in fixed-size chunks summed in order: the same result for
 * any thread count. */
#define CHUNK 16384

static double
sum_of_squares (const float *x,
                gsize        n)
{
  gsize n_chunks = (n + CHUNK - 1) / CHUNK;
  g_autofree double *partial = g_new (double, n_chunks);
  double total = 0.0;

#pragma omp parallel for schedule(static)
  for (gsize c = 0; c < n_chunks; c++)
    {
      gsize end = MIN (n, (c + 1) * CHUNK);
      double s = 0.0;

      for (gsize i = c * CHUNK; i < end; i++)
        s += (double) x[i] * x[i];
      partial[c] = s;
    }
  for (gsize c = 0; c < n_chunks; c++)
    total += partial[c];
  return total;
}

void
ftl_optimizer_step (FtlOptimizer *opt,
                    FtlModel     *model,
                    FtlStepStats *stats)
{
  const FtlAdamWConfig *c = &opt->config;
  float *params = ftl_model_get_params (model);
  float *grads = ftl_model_get_grads (model);
  gsize n = opt->n_params;
  float lr = ftl_adamw_learning_rate (c, opt->step);
  float grad_norm = (float) sqrt (sum_of_squares (grads, n));
  float scale = (c->grad_clip > 0.f && grad_norm > c->grad_clip) ? c->grad_clip / grad_norm : 1.f;
  double param_norm2 = stats != NULL ? sum_of_squares (params, n) : 0.0;
  gsize n_chunks = (n + CHUNK - 1) / CHUNK;
  g_autofree double *update2 = g_new0 (double, n_chunks);

  opt->step++;
  float bias1 = 1.f - powf (c->beta1, opt->step);
  float bias2 = 1.f - powf (c->beta2, opt->step);

#pragma omp parallel for schedule(static)
  for (gsize ch = 0; ch < n_chunks; ch++)
    {
      gsize end = MIN (n, (ch + 1) * CHUNK);
      double u2 = 0.0;

      for (gsize i = ch * CHUNK; i < end; i++)
        {
          float g = grads[i] * scale;
          float m = c->beta1 * opt->m[i] + (1.f - c->beta1) * g;
          float v = c->beta2 * opt->v[i] + (1.f - c->beta2) * g * g;
          float mhat = m / bias1;
          float vhat = v / bias2;
          float update = -lr * (mhat / (sqrtf (vhat) + c->eps) + c->weight_decay * opt->decay[i] * params[i]);

          opt->m[i] = m;
          opt->v[i] = v;
          params[i] += update;
          u2 += (double) update * update;
        }
      update2[ch] = u2;
    }

  if (stats != NULL)
    {
      double total = 0.0;

      for (gsize ch = 0; ch < n_chunks; ch++)
        total += update2[ch];
      stats->learning_rate = lr;
      stats->grad_norm = grad_norm;
      stats->update_ratio = param_norm2 > 0.0 ? (float) sqrt (total / param_norm2) : 0.f;
    }
}
