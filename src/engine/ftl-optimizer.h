/* ftl-optimizer.h — AdamW with linear warmup, cosine decay and global
 * gradient-norm clipping. */
#pragma once

#include "ftl-model.h"

G_BEGIN_DECLS

typedef struct
{
  float learning_rate;   /* peak */
  float beta1;
  float beta2;
  float eps;
  float weight_decay;    /* applied to matrices and embeddings, not to biases or norms */
  float grad_clip;       /* max global L2 norm; 0 = no clipping */
  int   warmup_steps;
  int   total_steps;     /* schedule length; the rate decays to min_lr_ratio · peak */
  float min_lr_ratio;
} FtlAdamWConfig;

/* Sensible defaults for a run of total_steps steps at learning_rate. */
void ftl_adamw_config_init (FtlAdamWConfig *config,
                            float           learning_rate,
                            int             total_steps);

typedef struct _FtlOptimizer FtlOptimizer;

FtlOptimizer *ftl_optimizer_new  (const FtlModel       *model,
                                  const FtlAdamWConfig *config);
void          ftl_optimizer_free (FtlOptimizer *optimizer);

/* Learning rate at step (0-based) under the schedule. */
float         ftl_adamw_learning_rate (const FtlAdamWConfig *config,
                                       int                   step);

typedef struct
{
  float learning_rate;
  float grad_norm;      /* before clipping */
  float update_ratio;   /* ‖Δθ‖ / ‖θ‖ over all parameters */
} FtlStepStats;

/* Clips the model's gradients, applies one AdamW update and advances the
 * step. Fills stats (may be NULL). */
void          ftl_optimizer_step (FtlOptimizer *optimizer,
                                  FtlModel     *model,
                                  FtlStepStats *stats);

int           ftl_optimizer_get_step (const FtlOptimizer *optimizer);

/* Read-only views for inspecting a run (ftl-inspect.h). */
const FtlAdamWConfig *ftl_optimizer_get_config (const FtlOptimizer *optimizer);
/* The first and second moments, [n_params] in the model's parameter layout. */
const float  *ftl_optimizer_get_m (const FtlOptimizer *optimizer);
const float  *ftl_optimizer_get_v (const FtlOptimizer *optimizer);
/* The factor the last step scaled every gradient by (1 when not clipped). */
float         ftl_optimizer_get_clip_scale (const FtlOptimizer *optimizer);
/* Over the parameters of tensor (an index into the model's table), at the
 * last step: Σ g² before clipping, Σ Δθ² and Σ θ² before the update. */
void          ftl_optimizer_get_tensor_sums (const FtlOptimizer *optimizer,
                                             int                 tensor,
                                             double             *grad2,
                                             double             *update2,
                                             double             *param2);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlOptimizer, ftl_optimizer_free)

G_END_DECLS
