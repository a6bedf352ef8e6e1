/* ftl-trainer-control.c — pausing, stepping and watching a fine-tuning run.
 *
 * One mutex guards what the two sides share (the pause state, the step
 * credit, the pending snapshot request, the selected elements); one
 * condition wakes a waiting trainer. The trainer copies what it needs under
 * the lock and does all the work (snapshots, records, the observer's calls)
 * outside it, so the other side never waits on training.
 */
#include "ftl-trainer-control.h"

#include <math.h>
#include <string.h>

#include "ftl-trainer.h"

/* ---- FtlInspectRun ----------------------------------------------------------- */

static void
inspect_run_clear (FtlInspectRun *run)
{
  g_free (run->tensors);
  g_free (run->schedule);
}

FtlInspectRun *
ftl_inspect_run_ref (FtlInspectRun *run)
{
  return g_atomic_rc_box_acquire (run);
}

void
ftl_inspect_run_unref (FtlInspectRun *run)
{
  g_atomic_rc_box_release_full (run, (GDestroyNotify) inspect_run_clear);
}

G_DEFINE_BOXED_TYPE (FtlInspectRun, ftl_inspect_run, ftl_inspect_run_ref, ftl_inspect_run_unref)

/* ---- the control ------------------------------------------------------------------ */

typedef struct
{
  char           tensor[48];
  FtlInspectMode mode;
  int            max_rows;
  int            max_cols;
} SnapshotRequest;

struct _FtlTrainerControl
{
  FtlTrainerObserver  observer;
  gpointer            user_data;

  GMutex              mutex;
  GCond               cond;
  /* Guarded by mutex. */
  gboolean            paused;
  int                 step_credit;    /* steps to run while paused */
  gboolean            has_request;
  SnapshotRequest     request;
  char                weight[48];
  int                 weight_index;
  char                bias[48];
  int                 bias_index;

  /* The training thread's own, between attach and detach; after the run,
   * kept (owned) and read under mutex. */
  FtlModel           *model;
  FtlModel           *kept;
  const FtlTokenizer *tokenizer;
  int                 pad_token;
  float              *base;           /* the parameters at attach: θ₀ of ΔW */
  int                 steps_done;
  GCancellable       *cancellable;
  gulong              cancelled_id;
};

FtlTrainerControl *
ftl_trainer_control_new (const FtlTrainerObserver *observer,
                         gpointer                  user_data)
{
  FtlTrainerControl *self = g_atomic_rc_box_new0 (FtlTrainerControl);

  if (observer != NULL)
    self->observer = *observer;
  self->user_data = user_data;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_strlcpy (self->weight, "blk.0.attn_q.weight", sizeof self->weight);
  g_strlcpy (self->bias, "blk.0.attn_q.bias", sizeof self->bias);
  self->weight_index = self->bias_index = -1;
  return self;
}

static void
control_clear (FtlTrainerControl *self)
{
  g_warn_if_fail (self->model == NULL || self->model == self->kept);
  g_clear_pointer (&self->kept, ftl_model_free);
  g_free (self->base);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
}

FtlTrainerControl *
ftl_trainer_control_ref (FtlTrainerControl *control)
{
  return g_atomic_rc_box_acquire (control);
}

void
ftl_trainer_control_unref (FtlTrainerControl *control)
{
  g_atomic_rc_box_release_full (control, (GDestroyNotify) control_clear);
}

void
ftl_trainer_control_pause (FtlTrainerControl *self)
{
  g_mutex_lock (&self->mutex);
  self->paused = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

void
ftl_trainer_control_step (FtlTrainerControl *self)
{
  g_mutex_lock (&self->mutex);
  self->paused = TRUE;
  self->step_credit++;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

void
ftl_trainer_control_resume (FtlTrainerControl *self)
{
  g_mutex_lock (&self->mutex);
  self->paused = FALSE;
  self->step_credit = 0;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

gboolean
ftl_trainer_control_get_paused (FtlTrainerControl *self)
{
  gboolean paused;

  g_mutex_lock (&self->mutex);
  paused = self->paused;
  g_mutex_unlock (&self->mutex);
  return paused;
}

static void serve_request (FtlTrainerControl *self);

void
ftl_trainer_control_request_snapshot (FtlTrainerControl *self,
                                      const char        *tensor,
                                      FtlInspectMode     mode,
                                      int                max_rows,
                                      int                max_cols)
{
  g_return_if_fail (tensor != NULL);

  g_mutex_lock (&self->mutex);
  self->has_request = TRUE;
  g_strlcpy (self->request.tensor, tensor, sizeof self->request.tensor);
  self->request.mode = mode;
  self->request.max_rows = max_rows;
  self->request.max_cols = max_cols;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);

  if (g_atomic_pointer_get (&self->kept) != NULL)
    serve_request (self);
}

void
ftl_trainer_control_select (FtlTrainerControl *self,
                            const char        *weight,
                            int                weight_index,
                            const char        *bias,
                            int                bias_index)
{
  g_mutex_lock (&self->mutex);
  g_strlcpy (self->weight, weight, sizeof self->weight);
  self->weight_index = weight_index;
  g_strlcpy (self->bias, bias, sizeof self->bias);
  self->bias_index = bias_index;
  g_mutex_unlock (&self->mutex);
}

/* ---- the trainer's side ----------------------------------------------------------- */

static int
find_tensor (FtlModel   *model,
             const char *name)
{
  const FtlTensorInfo *info = ftl_model_find_tensor (model, name);

  return info != NULL ? (int) (info - ftl_model_get_tensor (model, 0)) : -1;
}

/* A pending request, if any, answered from the model as it is now: on the
 * training thread during the run, under the lock on any thread after it. */
static void
serve_request (FtlTrainerControl *self)
{
  SnapshotRequest request;
  FtlTensorSnapshot *snapshot = NULL;
  gboolean after_run;
  int tensor;

  g_mutex_lock (&self->mutex);
  after_run = self->kept != NULL;
  if (self->has_request)
    {
      request = self->request;
      self->has_request = FALSE;
      if (!after_run)
        g_mutex_unlock (&self->mutex);
      if ((tensor = find_tensor (self->model, request.tensor)) >= 0)
        snapshot = ftl_tensor_snapshot_take (self->model, self->base, tensor, request.mode,
                                             request.max_rows, request.max_cols, self->steps_done);
      if (after_run)
        g_mutex_unlock (&self->mutex);
    }
  else
    g_mutex_unlock (&self->mutex);

  if (snapshot == NULL)
    return;
  if (self->observer.snapshot != NULL)
    self->observer.snapshot (snapshot, self->user_data);
  else
    ftl_tensor_snapshot_unref (snapshot);
}

static void
cancelled_cb (GCancellable      *cancellable,
              FtlTrainerControl *self)
{
  g_mutex_lock (&self->mutex);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

void
ftl_trainer_control_attach (FtlTrainerControl  *self,
                            FtlModel           *model,
                            const FtlTokenizer *tokenizer,
                            const FtlOptimizer *optimizer,
                            int                 total_steps,
                            GCancellable       *cancellable)
{
  FtlInspectRun *run;
  int n_tensors = ftl_model_get_n_tensors (model);

  g_return_if_fail (self->model == NULL);

  self->model = model;
  g_clear_pointer (&self->base, g_free);
  self->tokenizer = tokenizer;
  self->pad_token = ftl_tokenizer_get_special (tokenizer, FTL_SPECIAL_ENDOFTEXT);
  self->base = g_memdup2 (ftl_model_get_params (model), ftl_model_get_n_params (model) * sizeof (float));
  self->steps_done = 0;
  if (cancellable != NULL)
    {
      self->cancellable = g_object_ref (cancellable);
      self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), self, NULL);
    }

  run = g_atomic_rc_box_new0 (FtlInspectRun);
  run->n_layers = ftl_model_get_config (model)->n_layers;
  run->n_tensors = n_tensors;
  run->tensors = g_memdup2 (ftl_model_get_tensor (model, 0), n_tensors * sizeof (FtlTensorInfo));
  run->total_steps = total_steps;
  run->schedule = g_new (float, MAX (1, total_steps));
  for (int s = 0; s < total_steps; s++)
    run->schedule[s] = ftl_adamw_learning_rate (ftl_optimizer_get_config (optimizer), s);
  if (self->observer.started != NULL)
    self->observer.started (run, self->user_data);
  else
    ftl_inspect_run_unref (run);
}

gboolean
ftl_trainer_control_boundary (FtlTrainerControl *self,
                              int                step)
{
  gboolean told_waiting = FALSE, recorded = FALSE;

  g_return_val_if_fail (self->model != NULL, FALSE);

  serve_request (self);
  g_mutex_lock (&self->mutex);
  while (self->paused && self->step_credit == 0 &&
         !g_cancellable_is_cancelled (self->cancellable))
    {
      if (!told_waiting || self->has_request)
        {
          /* Outside the lock: the observer may call back into the control. */
          g_mutex_unlock (&self->mutex);
          if (!told_waiting && self->observer.waiting != NULL)
            self->observer.waiting (TRUE, step, self->user_data);
          told_waiting = TRUE;
          serve_request (self);
          g_mutex_lock (&self->mutex);
          continue;
        }
      g_cond_wait (&self->cond, &self->mutex);
    }
  if (self->paused && self->step_credit > 0)
    {
      self->step_credit--;
      recorded = TRUE;
    }
  g_mutex_unlock (&self->mutex);

  if (told_waiting && self->observer.waiting != NULL)
    self->observer.waiting (FALSE, step, self->user_data);
  return recorded;
}

/* What one step is told about, between the hooks. */
typedef struct
{
  FtlTrainerControl *self;
  const int         *inputs;
  const int         *targets;
  const float       *mask;
  int                B, T;
  gboolean           record;
  FtlStepRecord     *step_record;
} StepWatch;

static void
forward_done (FtlModel *model,
              float     loss,
              gpointer  user_data)
{
  StepWatch *w = user_data;

  if (w->record)
    w->step_record = ftl_step_record_new_from_forward (model, w->self->tokenizer, w->inputs, w->targets,
                                                      w->mask, w->B, w->T, loss, w->self->pad_token);
}

static void
backward_done (FtlModel           *model,
               const FtlOptimizer *optimizer,
               gpointer            user_data)
{
  StepWatch *w = user_data;
  FtlTrainerControl *self = w->self;
  char weight[48], bias[48];
  int weight_index, bias_index, tensor;

  if (!w->record)
    return;

  g_mutex_lock (&self->mutex);
  memcpy (weight, self->weight, sizeof weight);
  memcpy (bias, self->bias, sizeof bias);
  weight_index = self->weight_index;
  bias_index = self->bias_index;
  g_mutex_unlock (&self->mutex);

  /* An index beyond the tensor falls back to the largest gradient. */
  if ((tensor = find_tensor (model, weight)) >= 0)
    ftl_update_record_begin (&w->step_record->weight, model, optimizer, tensor,
                             (gsize) weight_index < ftl_model_get_tensor (model, tensor)->size ? weight_index : -1);
  if ((tensor = find_tensor (model, bias)) >= 0)
    ftl_update_record_begin (&w->step_record->bias, model, optimizer, tensor,
                             (gsize) bias_index < ftl_model_get_tensor (model, tensor)->size ? bias_index : -1);
}

static void
update_done (FtlModel           *model,
             const FtlOptimizer *optimizer,
             const FtlStepStats *stats,
             gpointer            user_data)
{
  StepWatch *w = user_data;
  FtlTrainerControl *self = w->self;
  FtlLayerStats *layers;

  self->steps_done = ftl_optimizer_get_step (optimizer);
  layers = ftl_layer_stats_new_from_step (model, optimizer, self->steps_done, stats->learning_rate);

  if (w->step_record != NULL)
    {
      FtlStepRecord *record = g_steal_pointer (&w->step_record);

      record->step = self->steps_done;
      record->layers = ftl_layer_stats_ref (layers);
      if (record->weight.tensor >= 0)
        ftl_update_record_end (&record->weight, model, optimizer, stats->learning_rate);
      if (record->bias.tensor >= 0)
        ftl_update_record_end (&record->bias, model, optimizer, stats->learning_rate);
      if (self->observer.step_record != NULL)
        self->observer.step_record (record, self->user_data);
      else
        ftl_step_record_unref (record);
    }

  if (self->observer.layer_stats != NULL)
    self->observer.layer_stats (layers, self->user_data);
  else
    ftl_layer_stats_unref (layers);
}

float
ftl_trainer_control_train_step (FtlTrainerControl *self,
                                FtlOptimizer      *optimizer,
                                const int         *inputs,
                                const int         *targets,
                                const float       *mask,
                                int                B,
                                int                T,
                                gboolean           record,
                                FtlStepStats      *stats)
{
  StepWatch watch = { self, inputs, targets, mask, B, T, record, NULL };
  FtlStepHooks hooks = { forward_done, backward_done, update_done, &watch };
  float loss;

  g_return_val_if_fail (self->model != NULL && stats != NULL, NAN);

  loss = ftl_train_step (self->model, optimizer, inputs, targets, mask, B, T, stats, &hooks);
  g_clear_pointer (&watch.step_record, ftl_step_record_unref);
  return loss;
}

void
ftl_trainer_control_detach (FtlTrainerControl *self)
{
  g_return_if_fail (self->model != NULL);

  serve_request (self);
  if (self->cancellable != NULL)
    {
      g_cancellable_disconnect (self->cancellable, self->cancelled_id);
      g_clear_object (&self->cancellable);
      self->cancelled_id = 0;
    }
  /* The base stays, for ΔW of a model kept after the run. */
  self->model = NULL;
  self->tokenizer = NULL;
}

void
ftl_trainer_control_keep_model (FtlTrainerControl *self,
                                FtlModel          *model)
{
  g_return_if_fail (self->model == NULL);

  if (self->base == NULL)
    {
      ftl_model_free (model);
      return;
    }
  g_mutex_lock (&self->mutex);
  self->model = model;
  g_atomic_pointer_set (&self->kept, model);
  g_mutex_unlock (&self->mutex);
  serve_request (self);
}
