/* ftl-job.c — the job record and its JSON. */
#include "ftl-job.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sys/file.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

static const char * const status_names[] = {
  [FTL_JOB_VALIDATING_FILES] = "validating_files",
  [FTL_JOB_QUEUED] = "queued",
  [FTL_JOB_RUNNING] = "running",
  [FTL_JOB_SUCCEEDED] = "succeeded",
  [FTL_JOB_FAILED] = "failed",
  [FTL_JOB_CANCELLED] = "cancelled",
};

static const char * const level_names[] = {
  [FTL_EVENT_INFO] = "info",
  [FTL_EVENT_WARN] = "warn",
  [FTL_EVENT_ERROR] = "error",
};

const char *
ftl_job_status_to_string (FtlJobStatus status)
{
  g_return_val_if_fail (status <= FTL_JOB_CANCELLED, "failed");
  return status_names[status];
}

gboolean
ftl_job_status_from_string (const char   *text,
                            FtlJobStatus *status)
{
  for (gsize i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = (FtlJobStatus) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
ftl_job_status_is_final (FtlJobStatus status)
{
  return status == FTL_JOB_SUCCEEDED || status == FTL_JOB_FAILED || status == FTL_JOB_CANCELLED;
}

static void
event_free (FtlJobEvent *event)
{
  g_free (event->id);
  g_free (event->message);
  g_free (event->display_message);
  g_free (event);
}

static void
checkpoint_free (FtlJobCheckpoint *checkpoint)
{
  g_free (checkpoint->name);
  g_free (checkpoint->path);
  g_free (checkpoint);
}

/* OpenAI-style identifiers: a prefix and 24 random alphanumerics. */
static char *
make_id (const char *prefix)
{
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  GString *id = g_string_new (prefix);

  for (int i = 0; i < 24; i++)
    g_string_append_c (id, alphabet[g_random_int_range (0, sizeof alphabet - 1)]);
  return g_string_free (id, FALSE);
}

FtlJob *
ftl_job_new (void)
{
  FtlJob *job = g_new0 (FtlJob, 1);

  job->id = make_id ("ftjob-");
  job->created_at = g_get_real_time () / G_USEC_PER_SEC;
  job->status = FTL_JOB_VALIDATING_FILES;
  ftl_hyperparams_init (&job->hyperparameters);
  ftl_hyperparams_init (&job->resolved);
  job->events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  job->metrics = g_array_new (FALSE, FALSE, sizeof (FtlTrainMetrics));
  job->checkpoints = g_ptr_array_new_with_free_func ((GDestroyNotify) checkpoint_free);
  return job;
}

void
ftl_job_free (FtlJob *job)
{
  if (job == NULL)
    return;
  g_free (job->id);
  g_free (job->model);
  g_free (job->fine_tuned_model);
  g_free (job->fine_tuned_model_path);
  g_free (job->training_file);
  g_free (job->validation_file);
  ftl_hyperparams_clear (&job->hyperparameters);
  ftl_hyperparams_clear (&job->resolved);
  g_free (job->error_code);
  g_free (job->error_message);
  g_ptr_array_unref (job->events);
  g_array_unref (job->metrics);
  g_ptr_array_unref (job->checkpoints);
  g_free (job);
}

const FtlJobEvent *
ftl_job_add_event_texts (FtlJob                *job,
                         FtlEventLevel          level,
                         const FtlTrainMetrics *metrics,
                         const char            *message,
                         const char            *display_message)
{
  FtlJobEvent *event = g_new0 (FtlJobEvent, 1);

  event->id = make_id ("ftevent-");
  event->created_at = g_get_real_time () / G_USEC_PER_SEC;
  event->level = level;
  event->message = g_strdup (message);
  event->display_message = g_strdup (display_message != NULL ? display_message : message);
  if (metrics != NULL)
    {
      event->has_metrics = TRUE;
      event->metrics = *metrics;
    }
  g_ptr_array_add (job->events, event);
  return event;
}

void
ftl_job_format_texts (const char  *format,
                      va_list      args,
                      char       **message,
                      char       **display_message)
{
  va_list again;

  /* A va_list is read once: the second text reads a copy. */
  va_copy (again, args);
  *message = g_strdup_vprintf (format, args);
  *display_message = g_strdup_vprintf (_(format), again);
  va_end (again);
}

const FtlJobEvent *
ftl_job_add_event (FtlJob                *job,
                   FtlEventLevel          level,
                   const FtlTrainMetrics *metrics,
                   const char            *format,
                   ...)
{
  g_autofree char *message = NULL, *display_message = NULL;
  va_list args;

  va_start (args, format);
  ftl_job_format_texts (format, args, &message, &display_message);
  va_end (args);
  return ftl_job_add_event_texts (job, level, metrics, message, display_message);
}

const char *
ftl_job_get_error_display_message (const FtlJob *job)
{
  g_return_val_if_fail (job != NULL, NULL);

  if (job->error_message == NULL)
    return NULL;
  for (guint i = job->events->len; i > 0; i--)
    {
      const FtlJobEvent *e = g_ptr_array_index (job->events, i - 1);

      if (e->level == FTL_EVENT_ERROR && g_strcmp0 (e->message, job->error_message) == 0)
        return e->display_message;
    }
  return job->error_message;
}

/* ---- JSON ---------------------------------------------------------------- */

/* JSON has no NaN: unmeasured figures are left out. */
static void
add_float (JsonBuilder *b,
           const char  *name,
           double       value)
{
  if (!isfinite (value))
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, value);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_metrics (JsonBuilder           *b,
             const FtlTrainMetrics *m)
{
  json_builder_begin_object (b);
  add_int (b, "step", m->step);
  add_int (b, "total_steps", m->total_steps);
  add_int (b, "epoch", m->epoch);
  add_float (b, "train_loss", m->train_loss);
  add_float (b, "train_mean_token_accuracy", m->train_accuracy);
  add_float (b, "valid_loss", m->valid_loss);
  add_float (b, "valid_mean_token_accuracy", m->valid_accuracy);
  add_float (b, "full_valid_loss", m->full_valid_loss);
  add_float (b, "full_valid_mean_token_accuracy", m->full_valid_accuracy);
  add_float (b, "learning_rate", m->learning_rate);
  add_float (b, "grad_norm", m->grad_norm);
  add_float (b, "update_ratio", m->update_ratio);
  add_float (b, "tokens_per_second", m->tokens_per_second);
  json_builder_end_object (b);
}

/* OpenAI's event object; the saved record also keeps the text its user read,
 * where it differs, so the app shows a past run as it showed it live. */
static void
add_event (JsonBuilder       *b,
           const FtlJobEvent *e,
           gboolean           with_display_message)
{
  json_builder_begin_object (b);
  add_string (b, "object", "fine_tuning.job.event");
  add_string (b, "id", e->id);
  add_int (b, "created_at", e->created_at);
  add_string (b, "level", level_names[e->level]);
  add_string (b, "message", e->message);
  if (with_display_message && g_strcmp0 (e->display_message, e->message) != 0)
    add_string (b, "display_message", e->display_message);
  add_string (b, "type", e->has_metrics ? "metrics" : "message");
  if (e->has_metrics)
    {
      json_builder_set_member_name (b, "data");
      add_metrics (b, &e->metrics);
    }
  json_builder_end_object (b);
}

JsonNode *
ftl_job_event_to_json (const FtlJobEvent *event)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  add_event (b, event, FALSE);
  return json_builder_get_root (b);
}

static void
add_hyperparameters (JsonBuilder          *b,
                     const char           *name,
                     const FtlHyperparams *hp)
{
  json_builder_set_member_name (b, name);
  json_builder_add_value (b, ftl_hyperparams_to_json (hp));
}

static void
add_job (JsonBuilder  *b,
         const FtlJob *job)
{
  json_builder_begin_object (b);
  add_string (b, "object", "fine_tuning.job");
  add_string (b, "id", job->id);
  add_int (b, "created_at", job->created_at);
  json_builder_set_member_name (b, "finished_at");
  if (job->finished_at != 0)
    json_builder_add_int_value (b, job->finished_at);
  else
    json_builder_add_null_value (b);
  add_string (b, "model", job->model);
  add_string (b, "fine_tuned_model", job->fine_tuned_model);
  add_string (b, "status", ftl_job_status_to_string (job->status));
  add_string (b, "training_file", job->training_file);
  add_string (b, "validation_file", job->validation_file);
  add_string (b, "suffix", job->hyperparameters.suffix);
  /* The seed as used: the requested one, or the one picked for the run. */
  add_int (b, "seed", job->resolved.seed >= 0 ? job->resolved.seed : job->hyperparameters.seed);
  add_int (b, "trained_tokens", job->trained_tokens);
  /* What auto resolved to, as the API reports it on the job. */
  add_hyperparameters (b, "hyperparameters", &job->resolved);
  json_builder_set_member_name (b, "method");
  json_builder_begin_object (b);
  add_string (b, "type", "supervised");
  json_builder_set_member_name (b, "supervised");
  json_builder_begin_object (b);
  add_hyperparameters (b, "hyperparameters", &job->hyperparameters);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "error");
  if (job->error_code != NULL)
    {
      json_builder_begin_object (b);
      add_string (b, "code", job->error_code);
      add_string (b, "message", job->error_message);
      add_string (b, "param", NULL);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  add_float (b, "base_learning_rate", job->base_learning_rate);
  add_string (b, "fine_tuned_model_path", job->fine_tuned_model_path);
  json_builder_end_object (b);
}

JsonNode *
ftl_job_to_json (const FtlJob *job)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  add_job (b, job);
  return json_builder_get_root (b);
}

gboolean
ftl_job_save (const FtlJob *job,
              const char   *path,
              GError      **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize length;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "job");
  add_job (b, job);
  json_builder_set_member_name (b, "events");
  json_builder_begin_array (b);
  for (guint i = 0; i < job->events->len; i++)
    add_event (b, g_ptr_array_index (job->events, i), TRUE);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "metrics");
  json_builder_begin_array (b);
  for (guint i = 0; i < job->metrics->len; i++)
    add_metrics (b, &g_array_index (job->metrics, FtlTrainMetrics, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "checkpoints");
  json_builder_begin_array (b);
  for (guint i = 0; i < job->checkpoints->len; i++)
    {
      const FtlJobCheckpoint *c = g_ptr_array_index (job->checkpoints, i);

      json_builder_begin_object (b);
      add_string (b, "object", "fine_tuning.job.checkpoint");
      add_int (b, "step_number", c->step);
      add_string (b, "fine_tuned_model_checkpoint", c->name);
      add_string (b, "path", c->path);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);

  /* A temporary file, synced, then renamed over path: after a crash or on a
   * full disk the record is the old one or the new one, never part of it. */
  return g_file_set_contents_full (path, text, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0666, error);
}

/* ---- loading ------------------------------------------------------------- */

static float
get_float (JsonObject *o,
           const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return NAN;
  return (float) json_node_get_double (node);
}

static char *
dup_string (JsonObject *o,
            const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static void
read_metrics (JsonObject      *o,
              FtlTrainMetrics *m)
{
  m->step = (int) json_object_get_int_member_with_default (o, "step", 0);
  m->total_steps = (int) json_object_get_int_member_with_default (o, "total_steps", 0);
  m->epoch = (int) json_object_get_int_member_with_default (o, "epoch", 0);
  m->train_loss = get_float (o, "train_loss");
  m->train_accuracy = get_float (o, "train_mean_token_accuracy");
  m->valid_loss = get_float (o, "valid_loss");
  m->valid_accuracy = get_float (o, "valid_mean_token_accuracy");
  m->full_valid_loss = get_float (o, "full_valid_loss");
  m->full_valid_accuracy = get_float (o, "full_valid_mean_token_accuracy");
  m->learning_rate = get_float (o, "learning_rate");
  m->grad_norm = get_float (o, "grad_norm");
  m->update_ratio = get_float (o, "update_ratio");
  m->tokens_per_second = get_float (o, "tokens_per_second");
}

static void
read_hyperparameters (JsonObject     *parent,
                      FtlHyperparams *hp)
{
  static const char * const names[] = { "n_epochs", "batch_size", "learning_rate_multiplier" };
  JsonObject *o = json_object_get_object_member (parent, "hyperparameters");

  if (o == NULL)
    return;
  /* Numbers or "auto": read them as text so one parser handles both. */
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *node = json_object_get_member (o, names[i]);
      g_autofree char *text = NULL;

      if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
        continue;
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        text = g_strdup (json_node_get_string (node));
      else
        text = g_strdup_printf ("%.17g", json_node_get_double (node));
      ftl_hyperparams_set_from_string (hp, names[i], text, NULL);
    }
}

FtlJob *
ftl_job_load (const char *path,
              GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(FtlJob) job = NULL;
  JsonObject *root, *j;
  JsonArray *array;
  g_autofree char *status = NULL;

  if (!json_parser_load_from_mapped_file (parser, path, error))
    return NULL;
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
           ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  j = root != NULL && json_object_has_member (root, "job") ? json_object_get_object_member (root, "job") : NULL;
  status = j != NULL ? dup_string (j, "status") : NULL;

  job = ftl_job_new ();
  if (j == NULL || !ftl_job_status_from_string (status, &job->status))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: not a Fine-Tune Lab job file (no job with a known status)"), path);
      return NULL;
    }

  g_free (job->id);
  job->id = dup_string (j, "id");
  job->created_at = json_object_get_int_member_with_default (j, "created_at", 0);
  job->finished_at = json_object_get_int_member_with_default (j, "finished_at", 0);
  job->model = dup_string (j, "model");
  job->fine_tuned_model = dup_string (j, "fine_tuned_model");
  job->fine_tuned_model_path = dup_string (j, "fine_tuned_model_path");
  job->training_file = dup_string (j, "training_file");
  job->validation_file = dup_string (j, "validation_file");
  job->hyperparameters.suffix = dup_string (j, "suffix");
  job->resolved.suffix = g_strdup (job->hyperparameters.suffix);
  job->resolved.seed = json_object_get_int_member_with_default (j, "seed", -1);
  job->trained_tokens = json_object_get_int_member_with_default (j, "trained_tokens", 0);
  job->base_learning_rate = get_float (j, "base_learning_rate");
  read_hyperparameters (j, &job->resolved);
  if (json_object_has_member (j, "method"))
    {
      JsonObject *method = json_object_get_object_member (j, "method");
      JsonObject *supervised = method != NULL && json_object_has_member (method, "supervised")
                                 ? json_object_get_object_member (method, "supervised") : NULL;

      if (supervised != NULL)
        read_hyperparameters (supervised, &job->hyperparameters);
    }
  if (json_object_has_member (j, "error") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (j, "error")))
    {
      JsonObject *e = json_object_get_object_member (j, "error");

      job->error_code = dup_string (e, "code");
      job->error_message = dup_string (e, "message");
    }

  array = json_object_has_member (root, "events") ? json_object_get_array_member (root, "events") : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      FtlJobEvent *e;

      if (o == NULL)
        continue;
      e = g_new0 (FtlJobEvent, 1);
      e->id = dup_string (o, "id");
      e->created_at = json_object_get_int_member_with_default (o, "created_at", 0);
      e->message = dup_string (o, "message");
      e->display_message = dup_string (o, "display_message");
      if (e->display_message == NULL)
        e->display_message = g_strdup (e->message);
      e->level = FTL_EVENT_INFO;
      for (gsize l = 0; l < G_N_ELEMENTS (level_names); l++)
        if (g_strcmp0 (json_object_get_string_member_with_default (o, "level", ""), level_names[l]) == 0)
          e->level = (FtlEventLevel) l;
      if (json_object_has_member (o, "data") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "data")))
        {
          e->has_metrics = TRUE;
          read_metrics (json_object_get_object_member (o, "data"), &e->metrics);
        }
      g_ptr_array_add (job->events, e);
    }

  array = json_object_has_member (root, "metrics") ? json_object_get_array_member (root, "metrics") : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      FtlTrainMetrics m;

      if (o == NULL)
        continue;
      read_metrics (o, &m);
      g_array_append_val (job->metrics, m);
    }

  array = json_object_has_member (root, "checkpoints") ? json_object_get_array_member (root, "checkpoints") : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      FtlJobCheckpoint *c;

      if (o == NULL)
        continue;
      c = g_new0 (FtlJobCheckpoint, 1);
      c->step = (int) json_object_get_int_member_with_default (o, "step_number", 0);
      c->name = dup_string (o, "fine_tuned_model_checkpoint");
      c->path = dup_string (o, "path");
      g_ptr_array_add (job->checkpoints, c);
    }

  return g_steal_pointer (&job);
}

/* ---- who writes a record -------------------------------------------------- */

/* An exclusive flock on "<record>.lock": the kernel drops it when its process
 * ends, however it ends, so a lock nobody holds means nobody writes. */
struct _FtlJobClaim
{
  char *lock_path;
  int   fd;
};

static char *
lock_path_for (const char *record_path)
{
  return g_strconcat (record_path, ".lock", NULL);
}

FtlJobClaim *
ftl_job_claim (const char  *record_path,
               GError     **error)
{
  g_return_val_if_fail (record_path != NULL, NULL);

  g_autofree char *lock_path = lock_path_for (record_path);
  int fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  int saved;

  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create %s: %s"), lock_path, g_strerror (saved));
      return NULL;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      saved = errno;
      close (fd);
      if (saved == EWOULDBLOCK)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                     _("%s is being written by another running job"), record_path);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                     _("Could not lock %s: %s"), lock_path, g_strerror (saved));
      return NULL;
    }

  FtlJobClaim *claim = g_new (FtlJobClaim, 1);
  claim->lock_path = g_steal_pointer (&lock_path);
  claim->fd = fd;
  return claim;
}

void
ftl_job_claim_release (FtlJobClaim *claim)
{
  if (claim == NULL)
    return;
  /* Unlinked while still locked: no one can take the lock of a file that is
   * on its way out. */
  g_unlink (claim->lock_path);
  close (claim->fd);
  g_free (claim->lock_path);
  g_free (claim);
}

gboolean
ftl_job_is_claimed (const char *record_path)
{
  g_return_val_if_fail (record_path != NULL, FALSE);

  g_autofree char *lock_path = lock_path_for (record_path);
  /* Read-only, never created: the reader may have no right to write there. */
  int fd = g_open (lock_path, O_RDONLY | O_CLOEXEC, 0);
  gboolean claimed;

  if (fd < 0)
    return FALSE;
  claimed = flock (fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  close (fd);
  return claimed;
}

FtlJob *
ftl_job_load_settled (const char  *path,
                      GError     **error)
{
  g_autoptr(FtlJob) job = ftl_job_load (path, error);
  const char *interrupted = N_("Interrupted: the program running this job stopped before the "
                               "job ended. The checkpoints it finished are kept.");
  GStatBuf st;
  gint64 stopped;

  if (job == NULL || ftl_job_status_is_final (job->status) || ftl_job_is_claimed (path))
    return g_steal_pointer (&job);

  /* The writer may have finished between the read and the lock test. */
  g_clear_pointer (&job, ftl_job_free);
  if ((job = ftl_job_load (path, error)) == NULL || ftl_job_status_is_final (job->status))
    return g_steal_pointer (&job);

  /* Its last save is the last sign of life. */
  stopped = g_stat (path, &st) == 0 ? (gint64) st.st_mtime : g_get_real_time () / G_USEC_PER_SEC;
  job->status = FTL_JOB_FAILED;
  job->finished_at = stopped;
  g_free (job->error_code);
  g_free (job->error_message);
  job->error_code = g_strdup (FTL_JOB_ERROR_INTERRUPTED);
  job->error_message = g_strdup (interrupted);
  FtlJobEvent *event = (FtlJobEvent *) ftl_job_add_event_texts (job, FTL_EVENT_ERROR, NULL,
                                                                interrupted, _(interrupted));
  event->created_at = stopped;
  return g_steal_pointer (&job);
}

guint
ftl_job_remove_leftovers (const char *record_path)
{
  g_return_val_if_fail (record_path != NULL, 0);

  g_autofree char *dir_path = g_path_get_dirname (record_path);
  g_autofree char *record_name = g_path_get_basename (record_path);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GRegex) leftover = NULL;
  const char *name;
  guint removed = 0;

  if (!g_str_has_suffix (record_name, ".job.json") || ftl_job_is_claimed (record_path) ||
      (dir = g_dir_open (dir_path, 0, NULL)) == NULL)
    return 0;

  /* STEM.WHAT.XXXXXX: a file the job saves, then six of g_mkstemp's characters. */
  g_autofree char *stem = g_regex_escape_string (record_name,
                                                 (int) (strlen (record_name) - strlen (".job.json")));
  g_autofree char *pattern = g_strconcat ("^", stem, "\\.(job\\.json|gguf|ckpt-step-[0-9]+\\.gguf)"
                                          "\\.[A-Za-z0-9]{6}$", NULL);
  /* Bytes, not UTF-8 (file names are any bytes); "$" only at the very end. */
  leftover = g_regex_new (pattern, G_REGEX_RAW | G_REGEX_DOLLAR_ENDONLY, G_REGEX_MATCH_DEFAULT, NULL);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_regex_match (leftover, name, G_REGEX_MATCH_DEFAULT, NULL))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_unlink (path) == 0)
        removed++;
    }
  return removed;
}

static void
append_csv_float (GString *csv,
                  float    value)
{
  g_string_append_c (csv, ',');
  if (isfinite (value))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (csv, g_ascii_formatd (buffer, sizeof buffer, "%.5f", value));
    }
}

char *
ftl_job_results_csv (const FtlJob *job)
{
  GString *csv = g_string_new ("step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy\n");

  for (guint i = 0; i < job->metrics->len; i++)
    {
      const FtlTrainMetrics *m = &g_array_index (job->metrics, FtlTrainMetrics, i);

      g_string_append_printf (csv, "%d", m->step);
      append_csv_float (csv, m->train_loss);
      append_csv_float (csv, m->train_accuracy);
      append_csv_float (csv, m->valid_loss);
      append_csv_float (csv, m->valid_accuracy);
      g_string_append_c (csv, '\n');
    }
  return g_string_free (csv, FALSE);
}
