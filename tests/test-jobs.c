/* test-jobs.c — fine-tuning jobs as OpenAI runs them: auto hyperparameters,
 * the status flow and events, a real short fine-tune whose loss falls with a
 * checkpoint per epoch, cancellation, divergence, invalid files, the saved
 * record and its results CSV. */
#include <check.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ftl-model-file.h"
#include "ftl-test-util.h"
#include "ftl-trainer.h"

static char *work_dir;

typedef struct
{
  GPtrArray    *statuses;   /* the status at each event, as strings */
  int           cancel_at;  /* cancel when this step's event arrives */
  GCancellable *cancellable;
} Recorder;

static void
record (const FtlJob      *job,
        const FtlJobEvent *event,
        gpointer           user_data)
{
  Recorder *r = user_data;

  g_ptr_array_add (r->statuses, (gpointer) ftl_job_status_to_string (job->status));
  if (r->cancel_at > 0 && event->has_metrics && event->metrics.step == r->cancel_at)
    g_cancellable_cancel (r->cancellable);
}

START_TEST (test_auto_hyperparameters)
{
  static const struct { guint n; int epochs, batch; double lrm; } cases[] = {
    { 5, 20, 1, 0.05 },        /* 100 / 5 */
    { 3, 25, 1, 0.05 },        /* min(25, 33) */
    { 20, 5, 1, 0.05 },        /* 60 < 100: 100 / 20 */
    { 50, 3, 1, 0.05 },        /* the default */
    { 4000, 3, 8, 0.1 },       /* 0.2 % of 4000 */
    { 10000, 2, 20, 0.2 },     /* 30000 > 25000: 25000 / 10000 */
    { 200000, 1, 256, 0.2 },   /* capped */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FtlHyperparams hp;

      ftl_hyperparams_init (&hp);
      ftl_hyperparams_resolve (&hp, cases[i].n);
      ck_assert_int_eq (hp.n_epochs, cases[i].epochs);
      ck_assert_int_eq (hp.batch_size, cases[i].batch);
      ck_assert_double_eq_tol (hp.learning_rate_multiplier, cases[i].lrm, 1e-12);
      ck_assert (hp.seed >= 0 && hp.seed <= G_MAXINT32);
    }

  /* Explicit values stay as given. */
  FtlHyperparams hp;
  ftl_hyperparams_init (&hp);
  ck_assert (ftl_hyperparams_set_from_string (&hp, "n_epochs", "7", NULL));
  ck_assert (ftl_hyperparams_set_from_string (&hp, "learning_rate_multiplier", "0.3", NULL));
  hp.seed = 42;
  ftl_hyperparams_resolve (&hp, 50);
  ck_assert_int_eq (hp.n_epochs, 7);
  ck_assert_double_eq (hp.learning_rate_multiplier, 0.3);
  ck_assert_int_eq (hp.seed, 42);
}
END_TEST

START_TEST (test_hyperparameter_errors)
{
  static const char *const bad[][2] = {
    { "n_epochs", "0" }, { "n_epochs", "51" }, { "n_epochs", "2.5" }, { "n_epochs", "many" },
    { "batch_size", "0" }, { "batch_size", "257" }, { "batch_size", "" },
    { "learning_rate_multiplier", "0" }, { "learning_rate_multiplier", "-1" },
    { "learning_rate_multiplier", "nan" }, { "learning_rate_multiplier", "11" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      FtlHyperparams hp;
      g_autoptr(GError) error = NULL;

      ftl_hyperparams_init (&hp);
      ck_assert_msg (!ftl_hyperparams_set_from_string (&hp, bad[i][0], bad[i][1], &error),
                     "%s=%s accepted", bad[i][0], bad[i][1]);
      ck_assert_ptr_nonnull (strstr (error->message, bad[i][0]));
    }

  FtlHyperparams hp;
  g_autoptr(GError) error = NULL;
  ftl_hyperparams_init (&hp);
  ck_assert (ftl_hyperparams_set_from_string (&hp, "batch_size", "AUTO", NULL));
  hp.suffix = g_strdup ("no spaces please");
  ck_assert (!ftl_hyperparams_validate (&hp, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "suffix"));
  ftl_hyperparams_clear (&hp);
}
END_TEST

START_TEST (test_fine_tune_succeeds)
{
  FtlTestFineTune f;
  FtlHyperparams hp;
  Recorder r = { g_ptr_array_new (), 0, NULL };
  g_autoptr(GError) error = NULL;

  ftl_test_fine_tune_init (&f, NULL, "pirate.jsonl", work_dir, "fine_tune_succeeds");
  ftl_hyperparams_init (&hp);
  hp.n_epochs = 3;
  hp.batch_size = 4;
  hp.learning_rate_multiplier = 1.0;
  hp.seed = 7;
  hp.suffix = g_strdup ("pirate");
  FtlFineTuneSetup setup = ftl_test_fine_tune_setup (&f, 3e-3f);
  g_autoptr(FtlJob) job = ftl_fine_tune_run (&setup, &hp, NULL, record, &r);

  ck_assert_msg (job->status == FTL_JOB_SUCCEEDED, "%s", job->error_message);
  ck_assert_int_eq (job->resolved.n_epochs, 3);
  ck_assert_int_eq (job->resolved.batch_size, 4);
  ck_assert (g_str_has_prefix (job->fine_tuned_model, "ft:tiny-base:pirate:ftjob-"));
  ck_assert_ptr_nonnull (strstr (job->id, "ftjob-"));
  ck_assert_int_gt (job->trained_tokens, 0);

  /* OpenAI's flow, in order, ending with success. */
  const char *expected[] = { "validating_files", "queued", "running", "succeeded" };
  int next = 0;
  for (guint i = 0; i < r.statuses->len; i++)
    {
      const char *s = g_ptr_array_index (r.statuses, i);

      if (next < 3 && g_str_equal (s, expected[next + 1]))
        next++;
      ck_assert_str_eq (s, expected[next]);
    }
  ck_assert_int_eq (next, 3);

  /* Three epochs of three steps: a metrics event per step, in order. */
  ck_assert_uint_eq (job->metrics->len, 9);
  for (guint i = 0; i < job->metrics->len; i++)
    {
      const FtlTrainMetrics *m = &g_array_index (job->metrics, FtlTrainMetrics, i);

      ck_assert_int_eq (m->step, (int) i + 1);
      ck_assert_int_eq (m->total_steps, 9);
      ck_assert_int_eq (m->epoch, (int) i / 3 + 1);
      ck_assert (isfinite (m->train_loss) && isfinite (m->grad_norm) && m->learning_rate > 0);
      ck_assert (m->train_accuracy >= 0.f && m->train_accuracy <= 1.f);
    }
  float first = g_array_index (job->metrics, FtlTrainMetrics, 0).train_loss;
  float last = g_array_index (job->metrics, FtlTrainMetrics, 8).train_loss;
  ck_assert_msg (last < first * 0.8f, "loss %g → %g", first, last);

  /* A checkpoint per epoch, the last being the fine-tuned model itself. */
  ck_assert_uint_eq (job->checkpoints->len, 3);
  for (guint i = 0; i < 3; i++)
    {
      const FtlJobCheckpoint *c = g_ptr_array_index (job->checkpoints, i);
      g_autofree char *suffix = g_strdup_printf (":ckpt-step-%d", c->step);

      ck_assert_int_eq (c->step, 3 * (int) i + 3);
      ck_assert (g_str_has_suffix (c->name, suffix));
      ck_assert (g_file_test (c->path, G_FILE_TEST_EXISTS));
      g_autoptr(FtlModel) loaded = ftl_model_file_load (c->path, NULL, NULL, &error);
      ck_assert_msg (loaded != NULL, "%s", error ? error->message : "");
    }
  ck_assert_str_eq (((FtlJobCheckpoint *) g_ptr_array_index (job->checkpoints, 2))->path, f.output);

  /* The saved record reads back with the same figures; the CSV has a row per step. */
  g_autofree char *job_path = ftl_fine_tune_job_path (f.output);
  g_autoptr(FtlJob) loaded = ftl_job_load (job_path, &error);
  ck_assert_msg (loaded != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (loaded->id, job->id);
  ck_assert_int_eq (loaded->status, FTL_JOB_SUCCEEDED);
  ck_assert_uint_eq (loaded->metrics->len, 9);
  ck_assert_uint_eq (loaded->events->len, job->events->len);
  ck_assert_uint_eq (loaded->checkpoints->len, 3);
  ck_assert_int_eq (loaded->resolved.batch_size, 4);
  ck_assert_float_eq_tol (g_array_index (loaded->metrics, FtlTrainMetrics, 8).train_loss, last, 1e-4);
  g_autofree char *csv = ftl_job_results_csv (loaded);
  g_auto(GStrv) rows = g_strsplit (csv, "\n", -1);
  ck_assert_str_eq (rows[0], "step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy");
  ck_assert_uint_eq (g_strv_length (rows), 11);  /* header, nine steps, empty tail */
  ck_assert (g_str_has_prefix (rows[1], "1,"));

  g_ptr_array_unref (r.statuses);
  ftl_hyperparams_clear (&hp);
  ftl_test_fine_tune_clear (&f);
}
END_TEST

START_TEST (test_validation_file)
{
  FtlTestFineTune f;
  FtlHyperparams hp;

  ftl_test_fine_tune_init (&f, NULL, "pirate.jsonl", work_dir, "validation_file");
  ftl_hyperparams_init (&hp);
  hp.n_epochs = 2;
  hp.batch_size = 6;
  hp.seed = 1;
  FtlFineTuneSetup setup = ftl_test_fine_tune_setup (&f, 1e-3f);
  setup.validation = f.dataset;
  setup.validation_file = "pirate.jsonl";
  g_autoptr(FtlJob) job = ftl_fine_tune_run (&setup, &hp, NULL, NULL, NULL);

  ck_assert_int_eq (job->status, FTL_JOB_SUCCEEDED);
  for (guint i = 0; i < job->metrics->len; i++)
    {
      const FtlTrainMetrics *m = &g_array_index (job->metrics, FtlTrainMetrics, i);
      gboolean epoch_end = m->step % 2 == 0;

      ck_assert (isfinite (m->valid_loss) && isfinite (m->valid_accuracy));
      /* Full validation only at epoch ends. */
      ck_assert (isfinite (m->full_valid_loss) == epoch_end);
    }
  const FtlJobEvent *last_metrics = NULL;
  for (guint i = 0; i < job->events->len; i++)
    if (((FtlJobEvent *) g_ptr_array_index (job->events, i))->has_metrics)
      last_metrics = g_ptr_array_index (job->events, i);
  ck_assert_ptr_nonnull (strstr (last_metrics->message, "full validation loss="));
  ftl_test_fine_tune_clear (&f);
}
END_TEST

START_TEST (test_cancel)
{
  FtlTestFineTune f;
  FtlHyperparams hp;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Recorder r = { g_ptr_array_new (), 4, cancellable };

  ftl_test_fine_tune_init (&f, NULL, "pirate.jsonl", work_dir, "cancel");
  ftl_hyperparams_init (&hp);
  hp.n_epochs = 5;
  hp.batch_size = 4;
  hp.seed = 1;
  FtlFineTuneSetup setup = ftl_test_fine_tune_setup (&f, 1e-3f);
  g_autoptr(FtlJob) job = ftl_fine_tune_run (&setup, &hp, cancellable, record, &r);

  ck_assert_int_eq (job->status, FTL_JOB_CANCELLED);
  ck_assert_int_gt (job->finished_at, 0);
  ck_assert_uint_eq (job->metrics->len, 4);
  /* The first epoch's checkpoint is intact; no fine-tuned model was made. */
  ck_assert_uint_eq (job->checkpoints->len, 1);
  const FtlJobCheckpoint *c = g_ptr_array_index (job->checkpoints, 0);
  ck_assert_int_eq (c->step, 3);
  g_autoptr(FtlModel) checkpoint = ftl_model_file_load (c->path, NULL, NULL, NULL);
  ck_assert_ptr_nonnull (checkpoint);
  ck_assert_ptr_null (job->fine_tuned_model_path);
  ck_assert (!g_file_test (f.output, G_FILE_TEST_EXISTS));

  g_autofree char *job_path = ftl_fine_tune_job_path (f.output);
  g_autoptr(FtlJob) loaded = ftl_job_load (job_path, NULL);
  ck_assert_int_eq (loaded->status, FTL_JOB_CANCELLED);
  ck_assert_uint_eq (loaded->checkpoints->len, 1);
  g_ptr_array_unref (r.statuses);
  ftl_test_fine_tune_clear (&f);
}
END_TEST

START_TEST (test_divergence_fails)
{
  FtlTestFineTune f;
  FtlHyperparams hp;

  ftl_test_fine_tune_init (&f, NULL, "pirate.jsonl", work_dir, "divergence_fails");
  ftl_hyperparams_init (&hp);
  hp.n_epochs = 10;
  hp.batch_size = 2;
  hp.learning_rate_multiplier = 10;
  hp.seed = 1;
  /* A base rate of 5 × 10: AdamW's steps are about 50 per weight. */
  FtlFineTuneSetup setup = ftl_test_fine_tune_setup (&f, 5.f);
  g_autoptr(FtlJob) job = ftl_fine_tune_run (&setup, &hp, NULL, NULL, NULL);

  ck_assert_int_eq (job->status, FTL_JOB_FAILED);
  ck_assert_str_eq (job->error_code, "training_diverged");
  ck_assert_ptr_nonnull (strstr (job->error_message, "learning-rate multiplier"));
  ck_assert_uint_lt (job->metrics->len, 60);
  const FtlJobEvent *last = g_ptr_array_index (job->events, job->events->len - 1);
  ck_assert_int_eq (last->level, FTL_EVENT_ERROR);
  ftl_test_fine_tune_clear (&f);
}
END_TEST

START_TEST (test_invalid_file_fails)
{
  FtlTestFineTune f;
  FtlHyperparams hp;
  const char *bad = "{\"messages\": [{\"role\": \"robot\", \"content\": \"beep\"}]}\n";
  g_autoptr(FtlDataset) dataset = ftl_dataset_parse (bad, strlen (bad), "bad.jsonl");

  ftl_test_fine_tune_init (&f, NULL, "pirate.jsonl", work_dir, "invalid_file_fails");
  ftl_hyperparams_init (&hp);
  FtlFineTuneSetup setup = ftl_test_fine_tune_setup (&f, 1e-3f);
  setup.training = dataset;
  g_autoptr(FtlJob) job = ftl_fine_tune_run (&setup, &hp, NULL, NULL, NULL);

  ck_assert_int_eq (job->status, FTL_JOB_FAILED);
  ck_assert_str_eq (job->error_code, "invalid_training_file");
  ck_assert_ptr_nonnull (strstr (job->error_message, "bad.jsonl:1: unrecognized_role"));
  ck_assert_uint_eq (job->metrics->len, 0);
  ftl_test_fine_tune_clear (&f);
}
END_TEST

/* Same seed, same data: the same fine-tuned weights. */
START_TEST (test_deterministic)
{
  FtlTestFineTune a, b;
  FtlHyperparams hp;

  ftl_test_fine_tune_init (&a, NULL, "pirate.jsonl", work_dir, "deterministic-a");
  ftl_test_fine_tune_init (&b, NULL, "pirate.jsonl", work_dir, "deterministic-b");
  ftl_hyperparams_init (&hp);
  hp.n_epochs = 2;
  hp.seed = 99;
  FtlFineTuneSetup sa = ftl_test_fine_tune_setup (&a, 1e-3f), sb = ftl_test_fine_tune_setup (&b, 1e-3f);
  g_autoptr(FtlJob) ja = ftl_fine_tune_run (&sa, &hp, NULL, NULL, NULL);
  g_autoptr(FtlJob) jb = ftl_fine_tune_run (&sb, &hp, NULL, NULL, NULL);

  ck_assert_int_eq (ja->status, FTL_JOB_SUCCEEDED);
  ck_assert (memcmp (ftl_model_get_params (a.model), ftl_model_get_params (b.model),
                     ftl_model_get_n_params (a.model) * sizeof (float)) == 0);
  ftl_test_fine_tune_clear (&a);
  ftl_test_fine_tune_clear (&b);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("jobs");
  TCase *tc = tcase_create ("core");
  int status;

  work_dir = g_dir_make_tmp ("ftl-jobs-XXXXXX", NULL);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_auto_hyperparameters);
  tcase_add_test (tc, test_hyperparameter_errors);
  tcase_add_test (tc, test_fine_tune_succeeds);
  tcase_add_test (tc, test_validation_file);
  tcase_add_test (tc, test_cancel);
  tcase_add_test (tc, test_divergence_fails);
  tcase_add_test (tc, test_invalid_file_fails);
  tcase_add_test (tc, test_deterministic);
  suite_add_tcase (s, tc);

  status = ftl_test_run_suite (s, CK_FORK_GETENV);
  ftl_test_remove_tree (work_dir);
  g_free (work_dir);
  return status;
}
