/* ftl-trainer.h — training: one optimisation step, batches of text, and
 * fine-tuning jobs. Synchronous on the calling thread; knows nothing of GTK. */
#pragma once

#include <gio/gio.h>

#include "ftl-dataset.h"
#include "ftl-job.h"
#include "ftl-model.h"
#include "ftl-optimizer.h"
#include "ftl-trainer-control.h"

G_BEGIN_DECLS

/* What ftl_train_step() shows of a step between its phases, on the calling
 * thread. Looking must not change anything. */
typedef struct
{
  /* The loss is computed; the model holds the per-token losses and the
   * trained tokens' probabilities (the backward overwrites them). */
  void     (*forward_done)  (FtlModel           *model,
                             float               loss,
                             gpointer            user_data);
  /* The gradients are in; the parameters not yet updated. */
  void     (*backward_done) (FtlModel           *model,
                             const FtlOptimizer *optimizer,
                             gpointer            user_data);
  void     (*update_done)   (FtlModel           *model,
                             const FtlOptimizer *optimizer,
                             const FtlStepStats *stats,
                             gpointer            user_data);
  gpointer   user_data;
} FtlStepHooks;

/* One step on a batch: zero the gradients, forward with the loss, backward,
 * clip and AdamW. inputs, targets and mask are [B, T]; mask may be NULL.
 * Returns the batch's mean loss (before the update); fills stats (may be
 * NULL, unless hooks has an update_done). hooks: NULL for none. */
float ftl_train_step (FtlModel           *model,
                      FtlOptimizer       *optimizer,
                      const int          *inputs,
                      const int          *targets,
                      const float        *mask,
                      int                 B,
                      int                 T,
                      FtlStepStats       *stats,
                      const FtlStepHooks *hooks);

/* Fills inputs[B, T] and targets[B, T] with B windows drawn uniformly from a
 * token stream of n tokens (n > T): targets are the inputs shifted by one. */
void  ftl_sample_text_batch (const int *stream,
                             gsize      n,
                             int        B,
                             int        T,
                             GRand     *rand,
                             int       *inputs,
                             int       *targets);

/* ---- fine-tuning jobs ---------------------------------------------------- */

typedef struct
{
  FtlModel           *model;              /* the base model; trained in place */
  const FtlTokenizer *tokenizer;
  const char         *base_model_name;
  float               base_learning_rate; /* the model's own; × learning_rate_multiplier */
  const FtlDataset   *training;
  const char         *training_file;      /* as reported in the job */
  const FtlDataset   *validation;         /* may be NULL */
  const char         *validation_file;
  const char         *output_path;        /* the fine-tuned GGUF; checkpoints go beside it */
  FtlTrainerControl  *control;            /* may be NULL: pause, step and watch the run */
} FtlFineTuneSetup;

/* Called on the training thread for every event, after it was added to job. */
typedef void (*FtlJobEventFunc) (const FtlJob      *job,
                                 const FtlJobEvent *event,
                                 gpointer           user_data);

/* Runs one fine-tuning job synchronously, as OpenAI's service does:
 * validating_files → queued → running → succeeded | failed | cancelled.
 * Every step emits a metrics event; each epoch ends with a full validation
 * (when there is a validation file) and a checkpoint (GGUF) named
 * ft:<base>:<suffix>:<id>:ckpt-step-N; the last one is the fine-tuned model at
 * output_path. A NaN or exploding loss fails the job with advice; cancelling
 * keeps the checkpoints made so far. The job record is saved beside the model
 * (ftl_fine_tune_job_path()) when it starts running, at each checkpoint and
 * at the end, and claimed (ftl_job_claim()) meanwhile: a record left unfinished
 * by a crash loads as interrupted with ftl_job_load_settled(). A record that
 * can't be claimed (its folder can't be written, or another job writes it)
 * fails the job with "output_not_writable" before it trains. */
FtlJob *ftl_fine_tune_run (const FtlFineTuneSetup *setup,
                           const FtlHyperparams   *hyperparameters,
                           GCancellable           *cancellable,
                           FtlJobEventFunc         callback,
                           gpointer                user_data);

/* OUT.gguf → OUT.job.json */
char   *ftl_fine_tune_job_path (const char *output_path);

G_END_DECLS
