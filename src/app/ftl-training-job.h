/* ftl-training-job.h — one fine-tuning run for the app: the engine's trainer
 * on a dedicated thread, its progress as main-thread properties and list
 * models. */
#pragma once

#include <gio/gio.h>

#include "ftl-hyperparams.h"
#include "ftl-inspect.h"
#include "ftl-job.h"
#include "ftl-trainer-control.h"

G_BEGIN_DECLS

/* One entry of the job's event log (an FtlJobEvent as a list-model item);
 * its message is the event's display_message, what people read. */
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
 * waits for its thread.
 *
 * Signals: "checkpoint-saved" (const char *path), once per checkpoint, when
 * its file is complete (renamed into place) and the record on disk lists it;
 * "finished" once, after the last of them. */
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

/* Looking inside the run (see ftl-trainer-control.h); safe at any time.
 * Pause stops the trainer before its next step ("paused" turns TRUE once it
 * waits); step runs one more step and records its phases ("step-record");
 * resume goes on; once the run is over they do nothing. Snapshots are
 * answered after the run too, from the trained model the job keeps. */
void               ftl_training_job_pause             (FtlTrainingJob *self);
void               ftl_training_job_step              (FtlTrainingJob *self);
void               ftl_training_job_resume            (FtlTrainingJob *self);
gboolean           ftl_training_job_get_paused        (FtlTrainingJob *self);
/* Pause or step asked for and not resumed since (the trainer may not wait yet). */
gboolean           ftl_training_job_get_pause_requested (FtlTrainingJob *self);
/* The answer comes as "snapshot", computed between two steps. Ask again
 * after it arrived, not before: the trainer never waits for the view. */
void               ftl_training_job_request_snapshot  (FtlTrainingJob *self,
                                                       const char     *tensor,
                                                       FtlInspectMode  mode,
                                                       int             max_rows,
                                                       int             max_cols);
void               ftl_training_job_select_elements   (FtlTrainingJob *self,
                                                       const char     *weight,
                                                       int             weight_index,
                                                       const char     *bias,
                                                       int             bias_index);
FtlInspectRun     *ftl_training_job_get_inspect_run   (FtlTrainingJob *self);
/* FtlLayerStats*, one per step so far. */
GPtrArray         *ftl_training_job_get_layer_stats   (FtlTrainingJob *self);
FtlStepRecord     *ftl_training_job_get_step_record   (FtlTrainingJob *self);
FtlTensorSnapshot *ftl_training_job_get_snapshot      (FtlTrainingJob *self);

G_END_DECLS
