/* test-step-mode.c — pausing and stepping a real fine-tuning job through an
 * FtlTrainerControl, from another thread as the app does: a paused and
 * stepped run ends bit for bit where an uninterrupted one does; the update a
 * step shows is the update the parameter got; ΔW is exactly zero before the
 * first step (the model is the base model) and not after; snapshots are
 * served while paused; cancelling a paused job ends it. */
#include <check.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ftl-model-file.h"
#include "ftl-test-util.h"
#include "ftl-trainer.h"

static char *work_dir;

/* One job on its own thread, as the app runs it. */
typedef struct
{
  FtlTestFineTune   *fixture;
  FtlTrainerControl *control;
  GCancellable      *cancellable;
} Job;

static gpointer
job_thread (gpointer data)
{
  Job *job = data;
  FtlFineTuneSetup setup = ftl_test_fine_tune_setup (job->fixture, 3e-3f);
  FtlHyperparams hp;
  FtlJob *record;

  setup.control = job->control;
  ftl_hyperparams_init (&hp);
  hp.n_epochs = 2;
  hp.batch_size = 3;
  hp.seed = 11;
  record = ftl_fine_tune_run (&setup, &hp, job->cancellable, NULL, NULL);
  ftl_hyperparams_clear (&hp);
  return record;
}

/* What the observer saw, on the training thread, for the test's thread. */
typedef struct
{
  GMutex          mutex;
  GCond           cond;
  int             waiting_step;   /* −1 while the trainer runs */
  int             n_waits;
  GPtrArray      *records;        /* FtlStepRecord */
  GPtrArray      *snapshots;      /* FtlTensorSnapshot */
  int             n_layer_stats;
  FtlInspectRun  *run;
} Watch;

static void
on_started (FtlInspectRun *run,
            gpointer       user_data)
{
  Watch *w = user_data;

  g_mutex_lock (&w->mutex);
  w->run = run;
  g_mutex_unlock (&w->mutex);
}

static void
on_waiting (gboolean waiting,
            int      step,
            gpointer user_data)
{
  Watch *w = user_data;

  g_mutex_lock (&w->mutex);
  w->waiting_step = waiting ? step : -1;
  w->n_waits += waiting;
  g_cond_broadcast (&w->cond);
  g_mutex_unlock (&w->mutex);
}

static void
on_layer_stats (FtlLayerStats *stats,
                gpointer       user_data)
{
  Watch *w = user_data;

  g_mutex_lock (&w->mutex);
  w->n_layer_stats++;
  g_mutex_unlock (&w->mutex);
  ftl_layer_stats_unref (stats);
}

static void
on_step_record (FtlStepRecord *record,
                gpointer       user_data)
{
  Watch *w = user_data;

  g_mutex_lock (&w->mutex);
  g_ptr_array_add (w->records, record);
  g_cond_broadcast (&w->cond);
  g_mutex_unlock (&w->mutex);
}

static void
on_snapshot (FtlTensorSnapshot *snapshot,
             gpointer           user_data)
{
  Watch *w = user_data;

  g_mutex_lock (&w->mutex);
  g_ptr_array_add (w->snapshots, snapshot);
  g_cond_broadcast (&w->cond);
  g_mutex_unlock (&w->mutex);
}

static const FtlTrainerObserver observer = {
  on_started, on_waiting, on_layer_stats, on_step_record, on_snapshot,
};

static void
watch_init (Watch *w)
{
  memset (w, 0, sizeof *w);
  g_mutex_init (&w->mutex);
  g_cond_init (&w->cond);
  w->waiting_step = -1;
  w->records = g_ptr_array_new_with_free_func ((GDestroyNotify) ftl_step_record_unref);
  w->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) ftl_tensor_snapshot_unref);
}

static void
watch_clear (Watch *w)
{
  g_mutex_clear (&w->mutex);
  g_cond_clear (&w->cond);
  g_ptr_array_unref (w->records);
  g_ptr_array_unref (w->snapshots);
  g_clear_pointer (&w->run, ftl_inspect_run_unref);
}

/* Waits (a minute at most: the machine may be busy) until the trainer
 * waits before step + 1. */
static void
wait_for_pause (Watch *w,
                int    step)
{
  gint64 end = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  g_mutex_lock (&w->mutex);
  while (w->waiting_step != step && g_cond_wait_until (&w->cond, &w->mutex, end))
    ;
  ck_assert_int_eq (w->waiting_step, step);
  g_mutex_unlock (&w->mutex);
}

/* Asks for a snapshot while paused and waits for it. */
static FtlTensorSnapshot *
snapshot_now (Watch             *w,
              FtlTrainerControl *control,
              const char        *tensor,
              FtlInspectMode     mode)
{
  gint64 end = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  guint before;
  FtlTensorSnapshot *snapshot;

  g_mutex_lock (&w->mutex);
  before = w->snapshots->len;
  g_mutex_unlock (&w->mutex);
  ftl_trainer_control_request_snapshot (control, tensor, mode, 16, 16);
  g_mutex_lock (&w->mutex);
  while (w->snapshots->len == before && g_cond_wait_until (&w->cond, &w->mutex, end))
    ;
  ck_assert_uint_eq (w->snapshots->len, before + 1);
  snapshot = ftl_tensor_snapshot_ref (g_ptr_array_index (w->snapshots, before));
  g_mutex_unlock (&w->mutex);
  return snapshot;
}

static FtlJob *
run_uninterrupted (FtlTestFineTune *f)
{
  Job job = { f, NULL, NULL };
  GThread *thread = g_thread_new ("uninterrupted", job_thread, &job);

  return g_thread_join (thread);
}

START_TEST (test_stepping_changes_nothing)
{
  FtlTestFineTune plain, stepped;
  Watch w;
  g_autoptr(FtlJob) plain_job = NULL;
  g_autoptr(FtlJob) stepped_job = NULL;
  g_autoptr(FtlTrainerControl) control = NULL;
  g_autoptr(FtlModel) base = NULL;
  const int n_stepped = 3;

  ftl_test_fine_tune_init (&plain, NULL, "pirate.jsonl", work_dir, "plain");
  ftl_test_fine_tune_init (&stepped, NULL, "pirate.jsonl", work_dir, "stepped");
  base = ftl_model_copy (stepped.model);
  plain_job = run_uninterrupted (&plain);
  ck_assert_int_eq (plain_job->status, FTL_JOB_SUCCEEDED);

  watch_init (&w);
  control = ftl_trainer_control_new (&observer, &w);
  ftl_trainer_control_select (control, "blk.1.ffn_down.weight", 123, "blk.0.attn_v.bias", -1);
  /* Paused before it starts: it waits before step 1. */
  ftl_trainer_control_pause (control);
  Job job = { &stepped, control, NULL };
  GThread *thread = g_thread_new ("stepped", job_thread, &job);
  FtlModel *model = stepped.model;
  const float *params = ftl_model_get_params (model);
  const FtlTensorInfo *weight = ftl_model_find_tensor (model, "blk.1.ffn_down.weight");
  const FtlTensorInfo *bias = ftl_model_find_tensor (model, "blk.0.attn_v.bias");

  wait_for_pause (&w, 0);
  ck_assert (ftl_trainer_control_get_paused (control));
  ck_assert_ptr_nonnull (w.run);
  ck_assert_int_eq (w.run->total_steps, 8);
  ck_assert_int_eq (w.run->n_tensors, ftl_model_get_n_tensors (model));
  ck_assert_float_gt (w.run->schedule[0], 0.f);

  /* Step 0: the model is the base model and ΔW is exactly zero. */
  ck_assert (memcmp (params, ftl_model_get_params (base),
                     ftl_model_get_n_params (model) * sizeof (float)) == 0);
  g_autoptr(FtlTensorSnapshot) delta0 = snapshot_now (&w, control, "blk.1.ffn_down.weight",
                                                      FTL_INSPECT_DELTA);
  ck_assert_int_eq (delta0->step, 0);
  ck_assert_float_eq (delta0->max_abs, 0.f);
  ck_assert_double_eq (delta0->norm, 0.0);
  ck_assert_double_gt (delta0->value_norm, 0.0);

  for (int step = 1; step <= n_stepped; step++)
    {
      float weight_before = params[weight->offset + 123];
      g_autofree float *bias_before = g_memdup2 (params + bias->offset, bias->size * sizeof (float));

      ftl_trainer_control_step (control);
      wait_for_pause (&w, step);

      /* The record of that step, against the model as it is now. */
      ck_assert_uint_eq (w.records->len, step);
      FtlStepRecord *record = g_ptr_array_index (w.records, step - 1);
      const float *grads = ftl_model_get_grads (model);
      float peak = 0.f;

      ck_assert_int_eq (record->step, step);
      ck_assert_int_eq (record->B, 3);
      ck_assert_ptr_nonnull (record->layers);
      ck_assert_int_eq (record->layers->step, step);
      ck_assert_str_eq (record->weight.name, "blk.1.ffn_down.weight");
      ck_assert_uint_eq (record->weight.index, 123);
      ck_assert_int_eq (record->weight.t, step);
      ck_assert_float_eq (record->weight.theta_before, weight_before);
      ck_assert_float_eq (record->weight.theta_after, params[weight->offset + 123]);
      ck_assert_float_eq (record->weight.grad, grads[weight->offset + 123]);
      ck_assert_float_eq (record->weight.learning_rate, w.run->schedule[step - 1]);

      for (gsize e = 0; e < bias->size; e++)
        peak = MAX (peak, fabsf (grads[bias->offset + e]));
      ck_assert_float_eq (fabsf (record->bias.grad), peak);
      ck_assert_float_eq (record->bias.theta_before, bias_before[record->bias.index]);
      ck_assert_float_eq (record->bias.theta_after, params[bias->offset + record->bias.index]);

      /* The formula, worked again from the record, gives the value after. */
      for (int which = 0; which < 2; which++)
        {
          const FtlUpdateRecord *r = which == 0 ? &record->weight : &record->bias;
          double after = ftl_update_record_formula (r, NULL, NULL, NULL, NULL);

          ck_assert_double_eq_tol (after, r->theta_after, 1e-6 * fabs (r->theta_after));
          ck_assert_float_ne (r->theta_after, r->theta_before);
        }
    }

  /* After a step ΔW is the real change. */
  g_autoptr(FtlTensorSnapshot) delta = snapshot_now (&w, control, "blk.1.ffn_down.weight",
                                                     FTL_INSPECT_DELTA);
  ck_assert_int_eq (delta->step, n_stepped);
  ck_assert_float_gt (delta->max_abs, 0.f);
  for (int c = 0; c < delta->cell_rows * delta->cell_cols; c++)
    {
      gsize e = weight->offset + delta->cell_index[c];

      ck_assert_float_eq (delta->cells[c], params[e] - ftl_model_get_params (base)[e]);
    }

  ftl_trainer_control_resume (control);
  stepped_job = g_thread_join (thread);
  ck_assert_int_eq (stepped_job->status, FTL_JOB_SUCCEEDED);
  ck_assert_int_eq (w.n_layer_stats, 8);
  ck_assert_uint_eq (w.records->len, n_stepped);
  ck_assert_int_eq (w.n_waits, n_stepped + 1);

  /* Bit for bit where the uninterrupted run ended. */
  ck_assert (memcmp (ftl_model_get_params (plain.model), ftl_model_get_params (stepped.model),
                     ftl_model_get_n_params (plain.model) * sizeof (float)) == 0);
  for (guint i = 0; i < plain_job->metrics->len; i++)
    ck_assert_float_eq (g_array_index (plain_job->metrics, FtlTrainMetrics, i).train_loss,
                        g_array_index (stepped_job->metrics, FtlTrainMetrics, i).train_loss);

  watch_clear (&w);
  ftl_test_fine_tune_clear (&plain);
  ftl_test_fine_tune_clear (&stepped);
}
END_TEST

START_TEST (test_snapshots_while_running)
{
  FtlTestFineTune f;
  Watch w;
  g_autoptr(FtlJob) job_record = NULL;
  g_autoptr(FtlTrainerControl) control = NULL;

  ftl_test_fine_tune_init (&f, NULL, "pirate.jsonl", work_dir, "snapshots");
  watch_init (&w);
  control = ftl_trainer_control_new (&observer, &w);
  /* Asked before the run starts: served at step 0, from the base model. */
  ftl_trainer_control_request_snapshot (control, "token_embd.weight", FTL_INSPECT_VALUES, 10, 20);
  Job job = { &f, control, NULL };
  job_record = g_thread_join (g_thread_new ("snapshots", job_thread, &job));

  ck_assert_int_eq (job_record->status, FTL_JOB_SUCCEEDED);
  ck_assert_uint_eq (w.snapshots->len, 1);
  FtlTensorSnapshot *s = g_ptr_array_index (w.snapshots, 0);
  ck_assert_int_eq (s->step, 0);
  ck_assert_int_eq (s->cell_rows, 10);
  ck_assert_int_eq (s->cell_cols, 20);
  ck_assert_int_eq (s->tensor, 0);
  /* Nothing was paused or recorded. */
  ck_assert_int_eq (w.n_waits, 0);
  ck_assert_uint_eq (w.records->len, 0);

  /* After the run, nothing answers until the trained model is handed back;
   * then at once, on this thread; an unknown name never. */
  ftl_trainer_control_request_snapshot (control, "blk.0.attn_q.weight", FTL_INSPECT_DELTA, 4, 4);
  ck_assert_uint_eq (w.snapshots->len, 1);
  ftl_trainer_control_keep_model (control, g_steal_pointer (&f.model));
  ck_assert_uint_eq (w.snapshots->len, 2);
  s = g_ptr_array_index (w.snapshots, 1);
  ck_assert_int_eq (s->step, 8);
  ck_assert_int_eq (s->mode, FTL_INSPECT_DELTA);
  ck_assert_float_gt (s->max_abs, 0.f);
  ftl_trainer_control_request_snapshot (control, "token_embd.weight", FTL_INSPECT_GRADIENT, 4, 4);
  ck_assert_uint_eq (w.snapshots->len, 3);
  ck_assert_float_gt (((FtlTensorSnapshot *) g_ptr_array_index (w.snapshots, 2))->max_abs, 0.f);
  ftl_trainer_control_request_snapshot (control, "blk.9.attn_q.weight", FTL_INSPECT_VALUES, 4, 4);
  ck_assert_uint_eq (w.snapshots->len, 3);
  watch_clear (&w);
  ftl_test_fine_tune_clear (&f);
}
END_TEST

START_TEST (test_cancel_while_paused)
{
  FtlTestFineTune f;
  Watch w;
  g_autoptr(FtlJob) job_record = NULL;
  g_autoptr(FtlTrainerControl) control = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  ftl_test_fine_tune_init (&f, NULL, "pirate.jsonl", work_dir, "cancelled");
  watch_init (&w);
  control = ftl_trainer_control_new (&observer, &w);
  Job job = { &f, control, cancellable };
  GThread *thread = g_thread_new ("cancelled", job_thread, &job);

  ftl_trainer_control_step (control);
  wait_for_pause (&w, 1);
  g_cancellable_cancel (cancellable);
  job_record = g_thread_join (thread);
  ck_assert_int_eq (job_record->status, FTL_JOB_CANCELLED);
  ck_assert_uint_eq (w.records->len, 1);
  watch_clear (&w);
  ftl_test_fine_tune_clear (&f);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("step-mode");
  TCase *tc = tcase_create ("core");
  int status;

  work_dir = g_dir_make_tmp ("ftl-step-mode-XXXXXX", NULL);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_stepping_changes_nothing);
  tcase_add_test (tc, test_snapshots_while_running);
  tcase_add_test (tc, test_cancel_while_paused);
  suite_add_tcase (s, tc);

  status = ftl_test_run_suite (s, CK_FORK_GETENV);
  ftl_test_remove_tree (work_dir);
  g_free (work_dir);
  return status;
}
