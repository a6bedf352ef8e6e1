/* ftl-job.h — a fine-tuning job as OpenAI's API describes one: status,
 * hyperparameters, events, per-step metrics and checkpoints; saved as JSON so
 * the CLI, the app and a later session read the same record. */
#pragma once

#include <json-glib/json-glib.h>

#include "ftl-hyperparams.h"

G_BEGIN_DECLS

typedef enum
{
  FTL_JOB_VALIDATING_FILES,
  FTL_JOB_QUEUED,
  FTL_JOB_RUNNING,
  FTL_JOB_SUCCEEDED,
  FTL_JOB_FAILED,
  FTL_JOB_CANCELLED,
} FtlJobStatus;

const char *ftl_job_status_to_string   (FtlJobStatus status);
gboolean    ftl_job_status_from_string (const char   *text,
                                        FtlJobStatus *status);
gboolean    ftl_job_status_is_final    (FtlJobStatus status);

/* One step's figures. Validation figures are NAN when not measured. */
typedef struct
{
  int    step;                   /* 1-based */
  int    total_steps;
  int    epoch;                  /* 1-based */
  float  train_loss;
  float  train_accuracy;         /* mean token accuracy on the trained tokens */
  float  valid_loss;             /* a validation batch at this step */
  float  valid_accuracy;
  float  full_valid_loss;        /* the whole validation file, at epoch ends */
  float  full_valid_accuracy;
  float  learning_rate;
  float  grad_norm;
  float  update_ratio;           /* ‖Δθ‖ / ‖θ‖ of this step */
  double tokens_per_second;
} FtlTrainMetrics;

typedef enum
{
  FTL_EVENT_INFO,
  FTL_EVENT_WARN,
  FTL_EVENT_ERROR,
} FtlEventLevel;

typedef struct
{
  char            *id;
  gint64           created_at;   /* Unix seconds */
  FtlEventLevel    level;
  char            *message;
  gboolean         has_metrics;  /* type "metrics" with data, else "message" */
  FtlTrainMetrics  metrics;
} FtlJobEvent;

typedef struct
{
  int   step;
  char *name;   /* ft:…:ckpt-step-N */
  char *path;   /* the GGUF file */
} FtlJobCheckpoint;

typedef struct
{
  char          *id;                /* ftjob-… */
  gint64         created_at;
  gint64         finished_at;       /* 0 while not final */
  char          *model;             /* base model name */
  char          *fine_tuned_model;  /* ft:<base>:<suffix>:<id>, once succeeded */
  char          *fine_tuned_model_path;
  char          *training_file;
  char          *validation_file;   /* may be NULL */
  FtlJobStatus   status;
  FtlHyperparams hyperparameters;   /* as requested (auto = FTL_HYPERPARAM_AUTO) */
  FtlHyperparams resolved;          /* what auto resolved to */
  double         base_learning_rate;
  gint64         trained_tokens;
  char          *error_code;        /* when failed */
  char          *error_message;
  GPtrArray     *events;            /* FtlJobEvent*, oldest first */
  GArray        *metrics;           /* FtlTrainMetrics, one per step */
  GPtrArray     *checkpoints;       /* FtlJobCheckpoint* */
} FtlJob;

FtlJob *ftl_job_new  (void);
void    ftl_job_free (FtlJob *job);

/* Appends an event (message formatted printf-style) and returns it. */
const FtlJobEvent *ftl_job_add_event (FtlJob                *job,
                                      FtlEventLevel          level,
                                      const FtlTrainMetrics *metrics,
                                      const char            *format,
                                      ...) G_GNUC_PRINTF (4, 5);

/* OpenAI's objects: "fine_tuning.job" and "fine_tuning.job.event". */
JsonNode *ftl_job_to_json       (const FtlJob      *job);
JsonNode *ftl_job_event_to_json (const FtlJobEvent *event);

/* The whole record (job, events, metrics, checkpoints), written atomically. */
gboolean ftl_job_save (const FtlJob *job,
                       const char   *path,
                       GError      **error);
FtlJob  *ftl_job_load (const char   *path,
                       GError      **error);

/* OpenAI's results file:
 * step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy */
char    *ftl_job_results_csv (const FtlJob *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlJob, ftl_job_free)

G_END_DECLS
