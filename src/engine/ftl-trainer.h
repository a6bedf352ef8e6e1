/* ftl-trainer.h — training: one optimisation step, batches of text, and
 * fine-tuning jobs. Synchronous on the calling thread; knows nothing of GTK. */
#pragma once

#include <gio/gio.h>

#include "ftl-dataset.h"
#include "ftl-job.h"
#include "ftl-model.h"
#include "ftl-optimizer.h"

G_BEGIN_DECLS

/* One step on a batch: zero the gradients, forward with the loss, backward,
 * clip and AdamW. inputs, targets and mask are [B, T]; mask may be NULL.
 * Returns the batch's mean loss (before the update); fills stats. */
float ftl_train_step (FtlModel     *model,
                      FtlOptimizer *optimizer,
                      const int    *inputs,
                      const int    *targets,
                      const float  *mask,
                      int           B,
                      int           T,
                      FtlStepStats *stats);

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
 * (ftl_fine_tune_job_path()) at each checkpoint and at the end. */
FtlJob *ftl_fine_tune_run (const FtlFineTuneSetup *setup,
                           const FtlHyperparams   *hyperparameters,
                           GCancellable           *cancellable,
                           FtlJobEventFunc         callback,
                           gpointer                user_data);

/* OUT.gguf → OUT.job.json */
char   *ftl_fine_tune_job_path (const char *output_path);

G_END_DECLS
