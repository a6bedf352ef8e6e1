/* test-job-cycles.c — a hundred FtlTrainingJobs started and cancelled in a
 * row on a tiny model, every other one cancelled at once and the others
 * once training runs: each ends as cancelled, reports it on the main thread,
 * and leaves nothing behind. In the sanitizer build (tools/sanitize.sh)
 * LeakSanitizer checks at exit that the cycles leaked nothing: a leak per
 * cycle, a thread or a channel kept alive, would show a hundred times.
 */
#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ftl-test-util.h"
#include "ftl-training-job.h"

#define N_CYCLES 100

static char *work_dir;

typedef struct
{
  GMainLoop *loop;
  gboolean   cancel_at_first_step;
  gboolean   finished;
  gboolean   timed_out;
} Cycle;

static void
on_notify_step (FtlTrainingJob *job,
                GParamSpec     *pspec,
                Cycle          *cycle)
{
  if (cycle->cancel_at_first_step && ftl_training_job_get_step (job) >= 1)
    ftl_training_job_cancel (job);
}

static void
on_finished (FtlTrainingJob *job,
             Cycle          *cycle)
{
  cycle->finished = TRUE;
  g_main_loop_quit (cycle->loop);
}

static gboolean
on_timeout (gpointer user_data)
{
  Cycle *cycle = user_data;

  cycle->timed_out = TRUE;
  g_main_loop_quit (cycle->loop);
  return G_SOURCE_REMOVE;
}

START_TEST (test_start_cancel_cycles)
{
  g_autofree char *base_model = g_build_filename (work_dir, "base.gguf", NULL);
  g_autofree char *training_file = g_build_filename (work_dir, "pirate.jsonl", NULL);
  g_autofree char *output = g_build_filename (work_dir, "tuned.gguf", NULL);
  g_autofree char *jsonl = ftl_test_pirate_jsonl ();
  g_autoptr(GError) error = NULL;
  FtlHyperparams hp;

  ck_assert (g_file_set_contents (training_file, jsonl, -1, &error));
  ck_assert_msg (ftl_test_write_tiny_base_model (base_model, jsonl, 64, &error),
                 "%s", error ? error->message : "");
  ftl_hyperparams_init (&hp);
  /* Long enough that a cancel at the first step always lands mid-run. */
  hp.n_epochs = 20;
  hp.batch_size = 1;
  hp.seed = 1;

  for (int i = 0; i < N_CYCLES; i++)
    {
      g_autoptr(FtlTrainingJob) job = ftl_training_job_new (base_model, training_file, NULL,
                                                            &hp, output);
      Cycle cycle = { g_main_loop_new (NULL, FALSE), i % 2 == 1, FALSE, FALSE };
      guint timeout;

      g_signal_connect (job, "notify::step", G_CALLBACK (on_notify_step), &cycle);
      g_signal_connect (job, "finished", G_CALLBACK (on_finished), &cycle);
      ftl_training_job_start (job);
      if (!cycle.cancel_at_first_step)
        ftl_training_job_cancel (job);

      /* Generous: sanitizer builds run several times slower. */
      timeout = g_timeout_add_seconds (120, on_timeout, &cycle);
      g_main_loop_run (cycle.loop);
      if (!cycle.timed_out)
        g_source_remove (timeout);
      g_main_loop_unref (cycle.loop);

      ck_assert_msg (!cycle.timed_out, "cycle %d did not finish within two minutes", i);
      ck_assert_msg (cycle.finished, "cycle %d", i);
      ck_assert_msg (strcmp (ftl_training_job_get_status (job), "cancelled") == 0,
                     "cycle %d ended as %s", i, ftl_training_job_get_status (job));
      ck_assert (!ftl_training_job_get_running (job));
    }

  ftl_hyperparams_clear (&hp);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("job-cycles");
  TCase *tc = tcase_create ("cycles");
  int status;

  work_dir = g_dir_make_tmp ("ftl-job-cycles-XXXXXX", NULL);
  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, test_start_cancel_cycles);
  suite_add_tcase (s, tc);

  status = ftl_test_run_suite (s, CK_FORK_GETENV);
  ftl_test_remove_tree (work_dir);
  g_free (work_dir);
  return status;
}
