/* ftl-training-job.h — one fine-tuning run for the app: the engine's trainer
 * on a dedicated thread, its progress as main-thread properties and list
 * models. */
#pragma once

#include <gio/gio.h>

#include "ftl-hyperparams.h"
#include "ftl-job.h"

G_BEGIN_DECLS

/* One entry of the job's event log (an FtlJobEvent as a list-model item). */
#define FTL_TYPE_JOB_EVENT_ITEM (ftl_job_event_item_get_type ())
G_DECLARE_FINAL_TYPE (FtlJobEventItem, ftl_job_event_item, FTL, JOB_EVENT_ITEM, GObject)

FtlEventLevel ftl_job_event_item_get_level      (FtlJobEventItem *self);
const char   *ftl_job_event_item_get_message    (FtlJobEventItem *self);
gint64        ftl_job_event_item_get_created_at (FtlJobEventItem *self);

#define FTL_TYPE_TRAINING_JOB (ftl_training_job_get_type ())
G_DECLARE_FINAL_TYPE (FtlTrainingJob, ftl_training_job, FTL, TRAINING_JOB, GObject)

/* Use the job from one thread (the one that calls start): its properties are
 * notified, its list models filled and "finished" emitted there, from that
 * thread's default main context. Unreferencing a running job cancels it and
 * waits for its thread. */
FtlTrainingJob *ftl_training_job_new (const char           *base_model_path,
                                      const char           *training_file,
                                      const char           *validation_file,
                                      const FtlHyperparams *hyperparameters,
                                      const char           *output_path);

/* Once per job. A job cancelled before it starts ends as cancelled without
 * loading anything; "finished" still follows from the main loop. */
void            ftl_training_job_start  (FtlTrainingJob *self);
/* Idempotent; safe before start, while running and after the end. */
void            ftl_training_job_cancel (FtlTrainingJob *self);

/* FtlMetricPoint, one per step, in step order. */
GListModel   *ftl_training_job_get_metrics (FtlTrainingJob *self);
/* FtlJobEventItem, oldest first. */
GListModel   *ftl_training_job_get_events  (FtlTrainingJob *self);
/* The final record once finished, else NULL. A job that failed or was
 * cancelled before the engine ran has a record of its own (not saved). */
const FtlJob *ftl_training_job_get_record  (FtlTrainingJob *self);

const char *ftl_training_job_get_status            (FtlTrainingJob *self);
gboolean    ftl_training_job_get_running           (FtlTrainingJob *self);
int         ftl_training_job_get_step              (FtlTrainingJob *self);
int         ftl_training_job_get_total_steps       (FtlTrainingJob *self);
int         ftl_training_job_get_epoch             (FtlTrainingJob *self);
int         ftl_training_job_get_total_epochs      (FtlTrainingJob *self);
double      ftl_training_job_get_train_loss        (FtlTrainingJob *self);
double      ftl_training_job_get_valid_loss        (FtlTrainingJob *self);
double      ftl_training_job_get_learning_rate     (FtlTrainingJob *self);
double      ftl_training_job_get_tokens_per_second (FtlTrainingJob *self);
double      ftl_training_job_get_eta_seconds       (FtlTrainingJob *self);
const char *ftl_training_job_get_fine_tuned_model  (FtlTrainingJob *self);
const char *ftl_training_job_get_output_path       (FtlTrainingJob *self);
const char *ftl_training_job_get_error_message     (FtlTrainingJob *self);

G_END_DECLS
