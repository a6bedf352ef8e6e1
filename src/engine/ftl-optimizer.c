/* ftl-optimizer.c — AdamW (Loshchilov & Hutter), decoupled weight decay. */
#include "ftl-optimizer.h"

#include <math.h>
#include <string.h>

/* A run of at most CHUNK parameters inside one tensor: the unit of parallel
 * work, with one weight-decay factor, so the update loop is branch-free and
 * vectorises, and sums come out in the same order for any thread count. */
typedef struct
{
  gsize start;
  gsize end;
  float decay;  /* 1 where weight decay applies, else 0 */
  int   tensor; /* its index in the model's tensor table */
} Segment;

#define CHUNK 16384

struct _FtlOptimizer
{
  FtlAdamWConfig config;
  gsize          n_params;
  float         *m;         /* first moment [n_params] */
  float         *v;         /* second moment [n_params] */
  Segment       *segments;
  gsize          n_segments;
  double        *partial;   /* per-segment sums [n_segments]; after a step, Σ Δθ² */
  /* Of the last step, per segment, for the per-tensor figures
   * (ftl_optimizer_get_tensor_sums()): Σ g² before clipping, Σ θ² before the update. */
  double        *grad2;
  double        *param2;
  float          clip_scale;
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
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (Segment));

  opt->config = *config;
  opt->n_params = ftl_model_get_n_params (model);
  opt->m = g_new0 (float, opt->n_params);
  opt->v = g_new0 (float, opt->n_params);
  for (int i = 0; i < n_tensors; i++)
    {
      const FtlTensorInfo *t = ftl_model_get_tensor (model, i);
      float decay = (t->kind == FTL_TENSOR_WEIGHT || t->kind == FTL_TENSOR_EMBEDDING) ? 1.f : 0.f;

      for (gsize start = t->offset; start < t->offset + t->size; start += CHUNK)
        {
          Segment segment = { start, MIN (start + CHUNK, t->offset + t->size), decay, i };

          g_array_append_val (segments, segment);
        }
    }
  opt->n_segments = segments->len;
  opt->segments = (Segment *) g_array_free (g_steal_pointer (&segments), FALSE);
  opt->partial = g_new0 (double, opt->n_segments);
  opt->grad2 = g_new0 (double, opt->n_segments);
  opt->param2 = g_new0 (double, opt->n_segments);
  opt->clip_scale = 1.f;
  return opt;
}

void
ftl_optimizer_free (FtlOptimizer *optimizer)
{
  if (optimizer == NULL)
    return;
  g_free (optimizer->m);
  g_free (optimizer->v);
  g_free (optimizer->segments);
  g_free (optimizer->partial);
  g_free (optimizer->grad2);
  g_free (optimizer->param2);
  g_free (optimizer);
}

int
ftl_optimizer_get_step (const FtlOptimizer *optimizer)
{
  return optimizer->step;
}

const FtlAdamWConfig *
ftl_optimizer_get_config (const FtlOptimizer *optimizer)
{
  return &optimizer->config;
}

const float *
ftl_optimizer_get_m (const FtlOptimizer *optimizer)
{
  return optimizer->m;
}

const float *
ftl_optimizer_get_v (const FtlOptimizer *optimizer)
{
  return optimizer->v;
}

float
ftl_optimizer_get_clip_scale (const FtlOptimizer *optimizer)
{
  return optimizer->clip_scale;
}

void
ftl_optimizer_get_tensor_sums (const FtlOptimizer *optimizer,
                               int                 tensor,
                               double             *grad2,
                               double             *update2,
                               double             *param2)
{
  double g2 = 0.0, u2 = 0.0, p2 = 0.0;

  for (gsize s = 0; s < optimizer->n_segments; s++)
    if (optimizer->segments[s].tensor == tensor)
      {
        g2 += optimizer->grad2[s];
        u2 += optimizer->partial[s];
        p2 += optimizer->param2[s];
      }
  *grad2 = g2;
  *update2 = u2;
  *param2 = p2;
}

/* Σ x² over all parameters: float within a segment (short enough to stay
 * accurate, and vectorised), double across segments, in a fixed order. */
static double
sum_of_squares (FtlOptimizer *opt,
                const float  *x)
{
  double total = 0.0;

#pragma omp parallel for schedule(static)
  for (gsize s = 0; s < opt->n_segments; s++)
    {
      float sum = 0.f;

#pragma omp simd reduction(+:sum)
      for (gsize i = opt->segments[s].start; i < opt->segments[s].end; i++)
        sum += x[i] * x[i];
      opt->partial[s] = sum;
    }
  for (gsize s = 0; s < opt->n_segments; s++)
    total += opt->partial[s];
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
  float lr = ftl_adamw_learning_rate (c, opt->step);
  float grad_norm = (float) sqrt (sum_of_squares (opt, grads));
  float scale = (c->grad_clip > 0.f && grad_norm > c->grad_clip) ? c->grad_clip / grad_norm : 1.f;
  double *param2 = opt->param2;
  double update_total = 0.0, param_total = 0.0;

  memcpy (opt->grad2, opt->partial, opt->n_segments * sizeof (double));
  opt->clip_scale = scale;
  opt->step++;
  /* Adam's bias corrections folded into two factors: θ −= step·m / (√(v·k) + ε). */
  float step_size = lr / (1.f - powf (c->beta1, opt->step));
  float v_correction = 1.f / (1.f - powf (c->beta2, opt->step));
  float beta1 = c->beta1, beta2 = c->beta2, eps = c->eps;

#pragma omp parallel for schedule(static)
  for (gsize s = 0; s < opt->n_segments; s++)
    {
      const Segment *seg = &opt->segments[s];
      gsize n = seg->end - seg->start;
      /* Restrict-qualified views of the segment: without them the stores
       * could alias opt itself and the loop would not vectorise. */
      float *restrict theta = params + seg->start;
      float *restrict m1 = opt->m + seg->start;
      float *restrict m2 = opt->v + seg->start;
      const float *restrict grad = grads + seg->start;
      float decay = lr * c->weight_decay * seg->decay;
      float u2 = 0.f, p2 = 0.f;

#pragma omp simd reduction(+:u2, p2)
      for (gsize i = 0; i < n; i++)
        {
          float g = grad[i] * scale;
          float m = beta1 * m1[i] + (1.f - beta1) * g;
          float v = beta2 * m2[i] + (1.f - beta2) * g * g;
          float update = -step_size * m / (sqrtf (v * v_correction) + eps) - decay * theta[i];

          m1[i] = m;
          m2[i] = v;
          p2 += theta[i] * theta[i];
          theta[i] += update;
          u2 += update * update;
        }
      opt->partial[s] = u2;
      param2[s] = p2;
    }

  if (stats != NULL)
    {
      for (gsize s = 0; s < opt->n_segments; s++)
        {
          update_total += opt->partial[s];
          param_total += param2[s];
        }
      stats->learning_rate = lr;
      stats->grad_norm = grad_norm;
      stats->update_ratio = param_total > 0.0 ? (float) sqrt (update_total / param_total) : 0.f;
    }
}
