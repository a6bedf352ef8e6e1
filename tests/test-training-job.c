/* test-training-job.c — FtlTrainingJob, the app's bridge to the engine's
 * fine-tuning jobs: a real run driven through a GMainLoop, with every
 * notification on the main thread and every step in the metrics model;
 * cancelling during, before and after a run; a missing file; dropping a
 * running job; and many quick steps coalesced into few drains. */
#include <check.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ftl-test-util.h"
#include "ftl-metric-point.h"
#include "ftl-model-file.h"
#include "ftl-trainer.h"
#include "ftl-training-job.h"

static char *work_dir;
static char *base_model_path;
static char *training_path;
static GThread *main_thread;

/* Writes the training file and a tiny random base model whose tokenizer was
 * learned from it. A checked fixture, so the engine's OpenMP threads start
 * in each test's own process, never before a fork. */
static void
setup (void)
{
  g_autofree char *jsonl = ftl_test_pirate_jsonl ();
  g_autoptr(GError) error = NULL;

  ck_assert (g_file_set_contents (training_path, jsonl, -1, &error));
  ck_assert_msg (ftl_test_write_tiny_base_model (base_model_path, jsonl, 96, &error),
                 "%s", error ? error->message : "");
}

static FtlTrainingJob *
job_new (const char *training_file,
         int         n_epochs,
         int         batch_size,
         const char *output_name)
{
  g_autofree char *output = g_build_filename (work_dir, output_name, NULL);
  FtlHyperparams hp;
  FtlTrainingJob *job;

  ftl_hyperparams_init (&hp);
  hp.n_epochs = n_epochs;
  hp.batch_size = batch_size;
  hp.learning_rate_multiplier = 1.0;
  hp.seed = 7;
  hp.suffix = g_strdup ("pirate");
  job = ftl_training_job_new (base_model_path, training_file, NULL, &hp, output);
  ftl_hyperparams_clear (&hp);
  return job;
}

/* What the test saw of a job, from its signals. */
typedef struct
{
  GMainLoop  *loop;
  gboolean    timed_out;
  int         n_finished;
  int         n_notifies;
  int         n_off_main_thread;     /* notifications elsewhere: must stay 0 */
  GPtrArray  *statuses;              /* "status" as each notify::status saw it */
  int         n_early_final_status;  /* final before the record and the end of running */
  int         last_step;             /* as notify::step saw it */
  int         n_step_backwards;
  int         n_bad_eta;             /* while running: known before step 2, or unknown after */
  gboolean    cancel_at_first_step;
  gboolean    quit_at_first_step;
  const char *wait_at_first_step;    /* a file to wait for */
  gboolean    cancelled;
  int         n_items_changed;       /* on the metrics model */
  int         n_items_changed_bad;   /* anything but an append at the end */
} Watch;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Watch      *w)
{
  w->n_notifies++;
  if (g_thread_self () != main_thread)
    w->n_off_main_thread++;
}

static void
on_notify_status (FtlTrainingJob *job,
                  GParamSpec     *pspec,
                  Watch          *w)
{
  const char *status = ftl_training_job_get_status (job);
  FtlJobStatus value;

  g_ptr_array_add (w->statuses, g_strdup (status));
  if (ftl_job_status_from_string (status, &value) && ftl_job_status_is_final (value) &&
      (ftl_training_job_get_running (job) || ftl_training_job_get_record (job) == NULL))
    w->n_early_final_status++;
}

static void
on_notify_step (FtlTrainingJob *job,
                GParamSpec     *pspec,
                Watch          *w)
{
  int step = ftl_training_job_get_step (job);
  double eta = ftl_training_job_get_eta_seconds (job);
  gboolean first = w->last_step == 0;

  if (step <= w->last_step)
    w->n_step_backwards++;
  /* (The end sets it back to unknown.) */
  if (ftl_training_job_get_running (job) && ((step < 2) != isnan (eta) || (step >= 2 && eta < 0)))
    w->n_bad_eta++;
  w->last_step = step;

  if (!first)
    return;
  if (w->cancel_at_first_step)
    {
      ftl_training_job_cancel (job);
      w->cancelled = TRUE;
    }
  if (w->quit_at_first_step)
    g_main_loop_quit (w->loop);
  /* A busy main thread: the worker runs ahead and drains must coalesce. */
  for (int i = 0; w->wait_at_first_step != NULL && i < 3000; i++)
    {
      if (g_file_test (w->wait_at_first_step, G_FILE_TEST_EXISTS))
        break;
      g_usleep (10 * 1000);
    }
}

static void
on_finished (FtlTrainingJob *job,
             Watch          *w)
{
  w->n_finished++;
  if (g_thread_self () != main_thread)
    w->n_off_main_thread++;
  g_main_loop_quit (w->loop);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *w)
{
  w->n_items_changed++;
  if (removed != 0 || added == 0 || position + added != g_list_model_get_n_items (model))
    w->n_items_changed_bad++;
}

static void
watch_init (Watch          *w,
            FtlTrainingJob *job)
{
  memset (w, 0, sizeof *w);
  w->loop = g_main_loop_new (NULL, FALSE);
  w->statuses = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (job, "notify", G_CALLBACK (on_notify), w);
  g_signal_connect (job, "notify::status", G_CALLBACK (on_notify_status), w);
  g_signal_connect (job, "notify::step", G_CALLBACK (on_notify_step), w);
  g_signal_connect (job, "finished", G_CALLBACK (on_finished), w);
  g_signal_connect (ftl_training_job_get_metrics (job), "items-changed",
                    G_CALLBACK (on_items_changed), w);
}

static void
watch_clear (Watch *w)
{
  g_main_loop_unref (w->loop);
  g_ptr_array_unref (w->statuses);
}

static gboolean
on_timeout (gpointer user_data)
{
  Watch *w = user_data;

  w->timed_out = TRUE;
  g_main_loop_quit (w->loop);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until something quits it, or for at most ms. */
static void
run_loop (Watch *w,
          guint  ms)
{
  guint timeout = g_timeout_add (ms, on_timeout, w);

  w->timed_out = FALSE;
  g_main_loop_run (w->loop);
  if (!w->timed_out)
    g_source_remove (timeout);
}

static void
run_until_finished (Watch *w)
{
  run_loop (w, 60000);
  ck_assert_msg (!w->timed_out, "the job did not finish within a minute");
  ck_assert_int_eq (w->n_finished, 1);
}

/* The metrics model holds steps 1 … n in order, with the record's figures. */
static void
assert_metrics_match (FtlTrainingJob *job,
                      const FtlJob   *record)
{
  GListModel *metrics = ftl_training_job_get_metrics (job);
  guint n = g_list_model_get_n_items (metrics);

  ck_assert_uint_eq (n, record->metrics->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FtlMetricPoint) point = g_list_model_get_item (metrics, i);
      const FtlTrainMetrics *m = ftl_metric_point_get_metrics (point);
      const FtlTrainMetrics *r = &g_array_index (record->metrics, FtlTrainMetrics, i);

      ck_assert_int_eq (m->step, (int) i + 1);
      ck_assert_int_eq (m->step, r->step);
      ck_assert_float_eq (m->train_loss, r->train_loss);
    }
}

/* The events model holds the record's events, in order. */
static void
assert_events_match (FtlTrainingJob *job,
                     const FtlJob   *record)
{
  GListModel *events = ftl_training_job_get_events (job);

  ck_assert_uint_eq (g_list_model_get_n_items (events), record->events->len);
  for (guint i = 0; i < record->events->len; i++)
    {
      g_autoptr(FtlJobEventItem) item = g_list_model_get_item (events, i);
      const FtlJobEvent *e = g_ptr_array_index (record->events, i);

      ck_assert_str_eq (ftl_job_event_item_get_message (item), e->display_message);
      ck_assert_int_eq (ftl_job_event_item_get_level (item), e->level);
      ck_assert_int_eq (ftl_job_event_item_get_created_at (item), e->created_at);
    }
}

START_TEST (test_succeeds)
{
  g_autoptr(FtlTrainingJob) job = job_new (training_path, 3, 4, "succeeds.gguf");
  g_autofree char *output = g_build_filename (work_dir, "succeeds.gguf", NULL);
  const char *flow[] = { "validating_files", "queued", "running", "succeeded" };
  Watch w;

  watch_init (&w, job);
  ck_assert_str_eq (ftl_training_job_get_status (job), "queued");
  ck_assert (!ftl_training_job_get_running (job));
  ck_assert (isnan (ftl_training_job_get_train_loss (job)));

  ftl_training_job_start (job);
  ck_assert (ftl_training_job_get_running (job));
  ck_assert_ptr_null (ftl_training_job_get_record (job));
  run_until_finished (&w);

  const FtlJob *record = ftl_training_job_get_record (job);
  ck_assert_ptr_nonnull (record);
  ck_assert_msg (record->status == FTL_JOB_SUCCEEDED, "%s", record->error_message);
  ck_assert_str_eq (ftl_training_job_get_status (job), "succeeded");
  ck_assert (!ftl_training_job_get_running (job));

  /* Twelve examples in batches of four, three epochs: nine steps. */
  ck_assert_uint_eq (record->metrics->len, 9);
  assert_metrics_match (job, record);
  assert_events_match (job, record);
  ck_assert_uint_gt (g_list_model_get_n_items (ftl_training_job_get_events (job)), 9);

  ck_assert_int_eq (ftl_training_job_get_step (job), 9);
  ck_assert_int_eq (ftl_training_job_get_total_steps (job), 9);
  ck_assert_int_eq (ftl_training_job_get_epoch (job), 3);
  ck_assert_int_eq (ftl_training_job_get_total_epochs (job), 3);
  const FtlTrainMetrics *last = &g_array_index (record->metrics, FtlTrainMetrics, 8);
  ck_assert (isfinite (ftl_training_job_get_train_loss (job)));
  ck_assert_double_eq (ftl_training_job_get_train_loss (job), last->train_loss);
  ck_assert (isnan (ftl_training_job_get_valid_loss (job)));   /* no validation file */
  ck_assert_double_eq (ftl_training_job_get_learning_rate (job), last->learning_rate);
  ck_assert (ftl_training_job_get_tokens_per_second (job) > 0);
  ck_assert (isnan (ftl_training_job_get_eta_seconds (job)));  /* nothing left to estimate */
  ck_assert_str_eq (ftl_training_job_get_fine_tuned_model (job), record->fine_tuned_model);
  ck_assert (g_str_has_prefix (ftl_training_job_get_fine_tuned_model (job), "ft:tiny-base:pirate:ftjob-"));
  ck_assert_ptr_null (ftl_training_job_get_error_message (job));
  ck_assert_str_eq (ftl_training_job_get_output_path (job), output);
  ck_assert (g_file_test (output, G_FILE_TEST_EXISTS));

  /* Every notification on the main thread; steps forward only; statuses in
   * OpenAI's order (drains may skip some), ending with success. */
  ck_assert_int_gt (w.n_notifies, 0);
  ck_assert_int_eq (w.n_off_main_thread, 0);
  ck_assert_int_eq (w.last_step, 9);
  ck_assert_int_eq (w.n_step_backwards, 0);
  ck_assert_int_eq (w.n_bad_eta, 0);
  ck_assert_int_eq (w.n_items_changed_bad, 0);
  int next = 0;
  for (guint i = 0; i < w.statuses->len; i++)
    {
      const char *s = g_ptr_array_index (w.statuses, i);

      while (next < 4 && !g_str_equal (s, flow[next]))
        next++;
      ck_assert_msg (next < 4, "status %s out of order", s);
    }
  ck_assert_str_eq (g_ptr_array_index (w.statuses, w.statuses->len - 1), "succeeded");
  ck_assert_int_eq (w.n_early_final_status, 0);

  /* Cancelling after the end changes nothing and finishes nothing again. */
  ftl_training_job_cancel (job);
  ftl_training_job_cancel (job);
  run_loop (&w, 100);
  ck_assert_str_eq (ftl_training_job_get_status (job), "succeeded");
  ck_assert_int_eq (w.n_finished, 1);
  watch_clear (&w);
}
END_TEST

START_TEST (test_cancel_while_running)
{
  g_autoptr(FtlTrainingJob) job = job_new (training_path, 5, 1, "cancel.gguf");
  GListModel *metrics = ftl_training_job_get_metrics (job);
  Watch w;

  watch_init (&w, job);
  w.cancel_at_first_step = TRUE;
  ftl_training_job_start (job);
  run_until_finished (&w);

  const FtlJob *record = ftl_training_job_get_record (job);
  ck_assert (w.cancelled);
  ck_assert_str_eq (ftl_training_job_get_status (job), "cancelled");
  ck_assert_int_eq (record->status, FTL_JOB_CANCELLED);
  ck_assert (!ftl_training_job_get_running (job));
  ck_assert_ptr_null (ftl_training_job_get_fine_tuned_model (job));
  ck_assert_ptr_null (ftl_training_job_get_error_message (job));

  /* Stopped well before its 60 steps, with every step the engine made. */
  guint n = g_list_model_get_n_items (metrics);
  ck_assert_uint_ge (n, 1);
  ck_assert_uint_lt (n, 60);
  assert_metrics_match (job, record);
  assert_events_match (job, record);
  ck_assert_int_eq (ftl_training_job_get_step (job), (int) n);
  g_autoptr(FtlJobEventItem) last = g_list_model_get_item (ftl_training_job_get_events (job),
                                                           record->events->len - 1);
  g_autofree char *expected = g_strdup_printf ("cancelled at step %u of 60", n);
  ck_assert_ptr_nonnull (strstr (ftl_job_event_item_get_message (last), expected));

  /* Nothing arrives after the end. */
  run_loop (&w, 200);
  ck_assert_uint_eq (g_list_model_get_n_items (metrics), n);
  ck_assert_int_eq (w.n_finished, 1);
  ck_assert_int_eq (w.n_off_main_thread, 0);
  ck_assert_int_eq (w.n_early_final_status, 0);
  watch_clear (&w);
}
END_TEST

/* Defined behaviour: cancelling before start leaves the status "queued"; the
 * start then ends the job as cancelled without loading anything, and
 * "finished" comes from the main loop as always. */
START_TEST (test_cancel_before_start)
{
  g_autoptr(FtlTrainingJob) job = job_new (training_path, 3, 4, "early.gguf");
  g_autofree char *output = g_build_filename (work_dir, "early.gguf", NULL);
  g_autofree char *job_path = ftl_fine_tune_job_path (output);
  Watch w;

  watch_init (&w, job);
  ftl_training_job_cancel (job);
  ftl_training_job_cancel (job);
  ck_assert_str_eq (ftl_training_job_get_status (job), "queued");
  ck_assert_int_eq (w.n_finished, 0);

  ftl_training_job_start (job);
  run_until_finished (&w);

  const FtlJob *record = ftl_training_job_get_record (job);
  ck_assert_str_eq (ftl_training_job_get_status (job), "cancelled");
  ck_assert_int_eq (record->status, FTL_JOB_CANCELLED);
  ck_assert (!ftl_training_job_get_running (job));
  ck_assert_uint_eq (g_list_model_get_n_items (ftl_training_job_get_metrics (job)), 0);
  ck_assert_uint_eq (g_list_model_get_n_items (ftl_training_job_get_events (job)), 1);
  assert_events_match (job, record);
  ck_assert_ptr_nonnull (strstr (((FtlJobEvent *) g_ptr_array_index (record->events, 0))->message,
                                 "cancelled before it started"));
  /* The engine never ran: it would have saved its record. */
  ck_assert (!g_file_test (job_path, G_FILE_TEST_EXISTS));
  ck_assert_int_eq (w.n_off_main_thread, 0);
  watch_clear (&w);
}
END_TEST

START_TEST (test_missing_file)
{
  g_autofree char *missing = g_build_filename (work_dir, "no-such-file.jsonl", NULL);
  g_autoptr(FtlTrainingJob) job = job_new (missing, 3, 4, "missing.gguf");
  Watch w;

  watch_init (&w, job);
  ftl_training_job_start (job);
  run_until_finished (&w);

  const FtlJob *record = ftl_training_job_get_record (job);
  const char *message = ftl_training_job_get_error_message (job);
  ck_assert_str_eq (ftl_training_job_get_status (job), "failed");
  ck_assert (!ftl_training_job_get_running (job));
  ck_assert_ptr_nonnull (message);
  ck_assert_msg (strstr (message, missing) != NULL, "“%s” does not name the file", message);
  ck_assert_int_eq (record->status, FTL_JOB_FAILED);
  ck_assert_str_eq (record->error_code, "invalid_training_file");
  ck_assert_ptr_null (ftl_training_job_get_fine_tuned_model (job));

  GListModel *events = ftl_training_job_get_events (job);
  ck_assert_uint_eq (g_list_model_get_n_items (events), 1);
  g_autoptr(FtlJobEventItem) item = g_list_model_get_item (events, 0);
  ck_assert_int_eq (ftl_job_event_item_get_level (item), FTL_EVENT_ERROR);
  ck_assert_str_eq (ftl_job_event_item_get_message (item), message);
  ck_assert_int_eq (w.n_off_main_thread, 0);
  ck_assert_int_eq (w.n_early_final_status, 0);
  watch_clear (&w);
}
END_TEST

START_TEST (test_unref_while_running)
{
  FtlTrainingJob *job = job_new (training_path, 5, 1, "dropped.gguf");
  g_autofree char *output = g_build_filename (work_dir, "dropped.gguf", NULL);
  g_autofree char *job_path = ftl_fine_tune_job_path (output);
  gpointer weak = job;
  Watch w;

  watch_init (&w, job);
  w.quit_at_first_step = TRUE;
  g_object_add_weak_pointer (G_OBJECT (job), &weak);
  ftl_training_job_start (job);
  run_loop (&w, 60000);
  ck_assert (!w.timed_out);
  ck_assert (ftl_training_job_get_running (job));

  /* The last reference: dispose cancels and joins, synchronously. The
   * engine saves its record as it returns, so finding it cancelled right
   * away shows the worker was done when unref returned. */
  g_object_unref (job);
  ck_assert_ptr_null (weak);
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlJob) saved = ftl_job_load (job_path, &error);
  ck_assert_msg (saved != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (saved->status, FTL_JOB_CANCELLED);
  ck_assert_uint_lt (saved->metrics->len, 60);

  /* Drains still pending find no job. */
  run_loop (&w, 200);
  ck_assert_int_eq (w.n_finished, 0);
  watch_clear (&w);
}
END_TEST

START_TEST (test_many_steps)
{
  g_autoptr(FtlTrainingJob) job = job_new (training_path, 5, 1, "many.gguf");
  /* Saved after step 12, the end of the first epoch. */
  g_autofree char *checkpoint = g_build_filename (work_dir, "many.ckpt-step-12.gguf", NULL);
  Watch w;

  watch_init (&w, job);
  w.wait_at_first_step = checkpoint;
  ftl_training_job_start (job);
  run_until_finished (&w);

  const FtlJob *record = ftl_training_job_get_record (job);
  ck_assert_msg (record->status == FTL_JOB_SUCCEEDED, "%s", record->error_message);
  ck_assert_uint_eq (g_list_model_get_n_items (ftl_training_job_get_metrics (job)), 60);
  assert_metrics_match (job, record);
  assert_events_match (job, record);
  ck_assert_int_eq (ftl_training_job_get_step (job), 60);
  /* The steps made while the main thread was busy came in together. */
  ck_assert (g_file_test (checkpoint, G_FILE_TEST_EXISTS));
  ck_assert_int_lt (w.n_items_changed, 60);
  ck_assert_int_eq (w.n_items_changed_bad, 0);
  ck_assert_int_eq (w.n_step_backwards, 0);
  ck_assert_int_eq (w.n_bad_eta, 0);
  ck_assert_int_eq (w.n_off_main_thread, 0);
  watch_clear (&w);
}
END_TEST

/* A case per test, so that CK_RUN_CASE can pick one (e.g. under valgrind). */
static void
add_case (Suite       *s,
          const char  *name,
          const TTest *test)
{
  TCase *tc = tcase_create (name);

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup, NULL);
  tcase_add_test (tc, test);
  suite_add_tcase (s, tc);
}

int
main (void)
{
  Suite *s = suite_create ("training-job");
  int status;

  work_dir = g_dir_make_tmp ("ftl-training-job-XXXXXX", NULL);
  base_model_path = g_build_filename (work_dir, "base.gguf", NULL);
  training_path = g_build_filename (work_dir, "pirate.jsonl", NULL);
  main_thread = g_thread_self ();

  add_case (s, "succeeds", test_succeeds);
  add_case (s, "cancel-while-running", test_cancel_while_running);
  add_case (s, "cancel-before-start", test_cancel_before_start);
  add_case (s, "missing-file", test_missing_file);
  add_case (s, "unref-while-running", test_unref_while_running);
  add_case (s, "many-steps", test_many_steps);

  status = ftl_test_run_suite (s, CK_FORK_GETENV);
  ftl_test_remove_tree (work_dir);
  g_free (base_model_path);
  g_free (training_path);
  g_free (work_dir);
  return status;
}
