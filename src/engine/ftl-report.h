/* ftl-report.h — a fine-tuning run as one self-contained HTML page, for the
 * instructor to keep or hand round: the job, its hyperparameters (requested
 * and resolved), the loss plot (a PNG inside the page as a data: URI), the
 * metrics (a table per epoch and the whole results CSV), where overfitting
 * starts, and a few held-out prompts answered by the base model and by the
 * tuned one. Every text from the job or a model is HTML-escaped. */
#pragma once

#include <gio/gio.h>

#include "ftl-job.h"

G_BEGIN_DECLS

/* Where overfitting starts, as the loss plot marks it: the step of the
 * first validation point V[i] after which the validation loss rises for two
 * consecutive points (V[i] < V[i+1] < V[i+2]) while the smoothed training
 * loss falls at both (S[i] > S[i+1] > S[i+2]). The validation points are the
 * full validations (the whole validation file, at the end of each epoch):
 * the per-step validation batches are too noisy to call a trend on (with
 * batch size 1 each is a single example). S is the training loss's
 * debiased exponential moving average with factor smoothing (0 … 0.99), as
 * the plot draws it. Returns 0 when there is no such point. */
int   ftl_report_find_overfitting (const FtlTrainMetrics *metrics,
                                   guint                  n_metrics,
                                   double                 smoothing);

typedef struct
{
  char *prompt;
  char *base_reply;   /* NULL: not generated */
  char *tuned_reply;  /* NULL: there is no tuned model */
} FtlReportReply;

void  ftl_report_reply_clear (FtlReportReply *reply);

typedef struct
{
  const FtlJob         *job;
  GBytes               *plot_png;        /* the loss plot; NULL for none */
  double                smoothing;       /* of the plot, for the overfitting check */
  const char           *tuned_model;     /* the file the "after" replies came from, or NULL */
  const char           *system_message;  /* the replies' system message, or NULL */
  const FtlReportReply *replies;
  guint                 n_replies;
  gint64                generated_at;    /* Unix seconds */
} FtlReport;

/* The page, UTF-8. */
char  *ftl_report_to_html (const FtlReport *report);

/* ---- what the replies need ------------------------------------------------- */

/* The model file a run's "after" replies come from: its fine-tuned model,
 * else its last checkpoint (a cancelled run), else NULL (a run that failed
 * before its first checkpoint). */
const char *ftl_report_tuned_model (const FtlJob *job);

/* Up to max held-out prompts for a training file: FILE.prompts.txt beside
 * FILE.jsonl (the samples have one), else the user messages of the
 * validation file (may be NULL). NULL when there are none. */
GStrv  ftl_report_held_out_prompts (const char *training_file,
                                    const char *validation_file,
                                    guint       max);

/* The system message of the training file's first example, or NULL. */
char  *ftl_report_system_message   (const char *training_file);

#define FTL_REPORT_SEED       1
#define FTL_REPORT_MAX_TOKENS 96

/* Each prompt answered by the base model and, if tuned_model is not NULL,
 * by the tuned model, with the chat's sampling (temperature 0.7, top-p 0.9)
 * and a fixed seed, so a report can be made again with the same replies.
 * Slow (two models, a reply each): call it off the main thread. Returns an
 * array of FtlReportReply (cleared with it) or NULL with error. */
GArray *ftl_report_generate_replies (const char         *base_model,
                                     const char         *tuned_model,
                                     const char         *system_message,
                                     const char * const *prompts,
                                     GCancellable       *cancellable,
                                     GError            **error);

/* ---- all of it ------------------------------------------------------------- */

/* Makes the report of the run whose record (model.job.json) is at
 * record_path and writes it atomically to output_path: the record as saved,
 * plot_png (may be NULL), up to three held-out prompts answered by
 * base_model and by the run's model. Slow (see above): off the main thread. */
gboolean ftl_report_write (const char    *record_path,
                           GBytes        *plot_png,
                           double         smoothing,
                           const char    *base_model,
                           const char    *output_path,
                           GCancellable  *cancellable,
                           GError       **error);

G_END_DECLS
