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
  char            *message;          /* OpenAI's field, in English as OpenAI's are */
  char            *display_message;  /* the same in the language of whoever ran the job */
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

/* Appends an event and returns it. format is an untranslated message that
 * xgettext finds (marked with N_): the event's message is it formatted
 * printf-style, its display_message its translation formatted with the same
 * arguments. */
const FtlJobEvent *ftl_job_add_event (FtlJob                *job,
                                      FtlEventLevel          level,
                                      const FtlTrainMetrics *metrics,
                                      const char            *format,
                                      ...) G_GNUC_PRINTF (4, 5);

/* The same with both texts made by the caller; display_message NULL when it
 * is message (a GError's message, say, which is already in the user's
 * language). */
const FtlJobEvent *ftl_job_add_event_texts (FtlJob                *job,
                                            FtlEventLevel          level,
                                            const FtlTrainMetrics *metrics,
                                            const char            *message,
                                            const char            *display_message);

/* Formats format (untranslated, marked with N_) with args twice: as it is
 * into message, OpenAI's English text, and translated into display_message. */
void ftl_job_format_texts (const char  *format,
                           va_list      args,
                           char       **message,
                           char       **display_message) G_GNUC_PRINTF (1, 0);

/* The job's error.message for people: the display_message of the error
 * event that reported it (every failure ends with one), else error_message;
 * NULL when the job has no error. */
const char *ftl_job_get_error_display_message (const FtlJob *job);

/* OpenAI's objects: "fine_tuning.job" and "fine_tuning.job.event". */
JsonNode *ftl_job_to_json       (const FtlJob      *job);
JsonNode *ftl_job_event_to_json (const FtlJobEvent *event);

/* The whole record (job, events, metrics, checkpoints), written atomically. */
gboolean ftl_job_save (const FtlJob *job,
                       const char   *path,
                       GError      **error);
FtlJob  *ftl_job_load (const char   *path,
                       GError      **error);

/* Whoever runs a job claims its record until the record is final; the claim
 * ends with ftl_job_claim_release or with the process, however it ends (a
 * crash, a kill, a power cut). A claim that another live process holds fails
 * with G_IO_ERROR_BUSY. */
typedef struct _FtlJobClaim FtlJobClaim;

FtlJobClaim *ftl_job_claim         (const char   *record_path,
                                    GError      **error);
void         ftl_job_claim_release (FtlJobClaim  *claim);
gboolean     ftl_job_is_claimed    (const char   *record_path);

/* The error code of a job whose process stopped while it ran. */
#define FTL_JOB_ERROR_INTERRUPTED "interrupted"

/* ftl_job_load, as a reader should see the record: one that is not final
 * while no live process claims it was interrupted, and comes back failed
 * (FTL_JOB_ERROR_INTERRUPTED, an error event at the time of its last save)
 * with the checkpoints it finished. The file is left as it is. */
FtlJob  *ftl_job_load_settled (const char   *path,
                               GError      **error);

/* Removes what a process that died in the middle of a save left beside the
 * record at record_path (STEM.job.json): the temporary copies GLib writes
 * before renaming them over the record, the model (STEM.gguf) or a
 * checkpoint (STEM.ckpt-step-N.gguf), named after them with six characters
 * added (".aB3xYz"). Nothing is removed while a process claims the record.
 * Only for folders the caller owns: a user's file named like such a copy
 * ("STEM.gguf.backup") would go too. Returns how many files it removed. */
guint    ftl_job_remove_leftovers (const char *record_path);

/* OpenAI's results file:
 * step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy */
char    *ftl_job_results_csv (const FtlJob *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlJob, ftl_job_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlJobClaim, ftl_job_claim_release)

G_END_DECLS
