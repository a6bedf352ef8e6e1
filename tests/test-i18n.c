/* test-i18n.c — the engine and the CLI in Korean, with po/ko.po compiled
 * here: dataset problems keep OpenAI's English error names and say the rest
 * in Korean; job events keep OpenAI's English message for the record and
 * JSON, and carry the Korean text people read, saved and loaded with the
 * record; the CLI speaks Korean while its machine-readable output stays as
 * it was.
 *
 * usage: test-i18n CLI PO_FILE */
#include <check.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <libintl.h>
#include <string.h>

#include "ftl-model-file.h"
#include "ftl-test-util.h"
#include "ftl-trainer.h"

static const char *cli_path;
static char *work_dir;
static char *locale_dir;

/* Korean text is made of Hangul syllables; an untranslated message has none. */
static gboolean
has_hangul (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xAC00 && c <= 0xD7A3)
        return TRUE;
    }
  return FALSE;
}

START_TEST (test_dataset_problems)
{
  /* Line 1 is a list, line 2 an example whose message has a number for
   * content; no valid example is left. */
  const char *jsonl = "[1, 2]\n"
                      "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"},"
                      " {\"role\": \"assistant\", \"content\": 42}]}\n";
  g_autoptr(FtlDataset) dataset = ftl_dataset_parse (jsonl, strlen (jsonl), "x.jsonl");

  ck_assert_uint_eq (ftl_dataset_get_n_errors (dataset), 3);
  const char * const codes[] = { "data_type", "missing_content", "too_few_examples" };
  const char * const prefixes[] = { "x.jsonl:1: data_type: ", "x.jsonl:2: missing_content: ",
                                    "x.jsonl: too_few_examples: " };
  for (guint i = 0; i < 3; i++)
    {
      const FtlDatasetIssue *issue = ftl_dataset_get_error (dataset, i);
      g_autofree char *line = ftl_dataset_issue_format (dataset, issue);

      ck_assert_str_eq (issue->code, codes[i]);
      ck_assert_msg (has_hangul (issue->message), "not Korean: %s", issue->message);
      ck_assert_msg (g_str_has_prefix (line, prefixes[i]), "%s", line);
    }
  /* The number keeps its digits inside the Korean sentence. */
  ck_assert_ptr_nonnull (strstr (ftl_dataset_get_error (dataset, 1)->message, "42"));
}
END_TEST

/* f fine-tuned for n_epochs in batches of four. */
static FtlJob *
run (FtlTestFineTune *f,
     int              n_epochs)
{
  FtlFineTuneSetup setup = ftl_test_fine_tune_setup (f, 3e-3f);
  FtlHyperparams hp;

  ftl_hyperparams_init (&hp);
  hp.n_epochs = n_epochs;
  hp.batch_size = 4;
  hp.seed = 1;
  return ftl_fine_tune_run (&setup, &hp, NULL, NULL, NULL);
}

START_TEST (test_job_events)
{
  g_autofree char *jsonl = ftl_test_pirate_jsonl ();
  FtlTestFineTune f;

  ftl_test_fine_tune_init (&f, jsonl, "train.jsonl", work_dir, "events");
  g_autoptr(FtlJob) job = run (&f, 1);
  ck_assert_int_eq (job->status, FTL_JOB_SUCCEEDED);

  guint n_steps = 0;
  for (guint i = 0; i < job->events->len; i++)
    {
      const FtlJobEvent *e = g_ptr_array_index (job->events, i);

      /* OpenAI's English for the record, Korean for people. */
      ck_assert_msg (!has_hangul (e->message), "not English: %s", e->message);
      ck_assert_msg (has_hangul (e->display_message), "not Korean: %s", e->display_message);
      if (e->has_metrics)
        {
          g_autofree char *english = g_strdup_printf ("Step %d/%d: training loss=%.2f",
                                                      e->metrics.step, e->metrics.total_steps,
                                                      e->metrics.train_loss);
          g_autofree char *figures = g_strdup_printf ("%d/%d", e->metrics.step,
                                                      e->metrics.total_steps);
          g_autofree char *loss = g_strdup_printf ("=%.2f", e->metrics.train_loss);

          ck_assert_str_eq (e->message, english);
          /* The same figures, with a dot, in the Korean text. */
          ck_assert_ptr_nonnull (strstr (e->display_message, figures));
          ck_assert_ptr_nonnull (strstr (e->display_message, loss));
          n_steps++;
        }
    }
  ck_assert_uint_eq (n_steps, 3);

  /* OpenAI's event object and the job in JSON carry only the English. */
  const FtlJobEvent *first = g_ptr_array_index (job->events, 0);
  g_autoptr(JsonNode) node = ftl_job_event_to_json (first);
  JsonObject *o = json_node_get_object (node);
  ck_assert_str_eq (json_object_get_string_member (o, "message"), "Validating training file: train.jsonl");
  ck_assert (!json_object_has_member (o, "display_message"));

  /* The record keeps both, so a past run reads as it did live. */
  g_autofree char *path = g_build_filename (work_dir, "events.job.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlJob) loaded = ftl_job_load (path, &error);
  g_assert_no_error (error);
  ck_assert_uint_eq (loaded->events->len, job->events->len);
  for (guint i = 0; i < job->events->len; i++)
    {
      const FtlJobEvent *a = g_ptr_array_index (job->events, i);
      const FtlJobEvent *b = g_ptr_array_index (loaded->events, i);

      ck_assert_str_eq (b->message, a->message);
      ck_assert_str_eq (b->display_message, a->display_message);
    }
  ftl_test_fine_tune_clear (&f);
}
END_TEST

START_TEST (test_job_failure)
{
  /* Two problems: not JSON, and an example without an assistant message. */
  const char *jsonl = "{\"messages\": \n"
                      "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\n";
  FtlTestFineTune f;

  ftl_test_fine_tune_init (&f, jsonl, "train.jsonl", work_dir, "failure");
  g_autoptr(FtlJob) job = run (&f, 1);
  ck_assert_int_eq (job->status, FTL_JOB_FAILED);
  ck_assert_str_eq (job->error_code, "invalid_training_file");
  ck_assert_msg (g_str_has_prefix (job->error_message,
                                   "The training file has 3 problems. The first: train.jsonl:1: "
                                   "invalid_json: "), "%s", job->error_message);

  /* People read the failure in Korean: in the event and as the job's error. */
  const FtlJobEvent *last = g_ptr_array_index (job->events, job->events->len - 1);
  const char *display = ftl_job_get_error_display_message (job);
  ck_assert_int_eq (last->level, FTL_EVENT_ERROR);
  ck_assert_str_eq (last->message, job->error_message);
  ck_assert_str_eq (display, last->display_message);
  ck_assert_msg (has_hangul (display), "not Korean: %s", display);
  /* The first problem is named as `validate` names it, code in English. */
  ck_assert_ptr_nonnull (strstr (display, "train.jsonl:1: invalid_json: "));

  /* A record interrupted by a crash says so in both. */
  g_autofree char *path = g_build_filename (work_dir, "failure.job.json", NULL);
  g_autoptr(GError) error = NULL;
  job->status = FTL_JOB_RUNNING;
  ck_assert (ftl_job_save (job, path, &error));
  g_autoptr(FtlJob) settled = ftl_job_load_settled (path, &error);
  g_assert_no_error (error);
  ck_assert_str_eq (settled->error_code, FTL_JOB_ERROR_INTERRUPTED);
  ck_assert (g_str_has_prefix (settled->error_message, "Interrupted: "));
  ck_assert (has_hangul (ftl_job_get_error_display_message (settled)));
  ftl_test_fine_tune_clear (&f);
}
END_TEST

/* The CLI as someone whose desktop speaks Korean runs it. */
static FtlTestResult
run_cli (const char * const *args)
{
  g_auto(GStrv) envp = g_get_environ ();

  envp = g_environ_unsetenv (envp, "LC_ALL");
  envp = g_environ_unsetenv (envp, "LC_MESSAGES");
  envp = g_environ_setenv (envp, "LANG", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "ko", TRUE);
  envp = g_environ_setenv (envp, "FTL_LOCALEDIR", locale_dir, TRUE);
  return ftl_test_run_cli (cli_path, args, (const char * const *) envp, NULL);
}

START_TEST (test_cli)
{
  g_autofree char *broken = g_build_filename (g_getenv ("FTL_TEST_DATA_DIR"), "..", "data", "datasets",
                                              "broken-example.jsonl", NULL);
  g_autofree char *output = g_build_filename (work_dir, "cli.gguf", NULL);
  FtlTestResult r;

  /* FILE:LINE: error_name: as ever, then the message in Korean; the
   * statistics in Korean too. */
  r = run_cli ((const char *[]) { "validate", broken, NULL });
  ck_assert_int_eq (r.status, 1);
  const char *line = strstr (r.err, "broken-example.jsonl:4: data_type: ");
  ck_assert_msg (line != NULL, "%s", r.err);
  g_autofree char *rest = g_strndup (line, strcspn (line, "\n"));
  ck_assert_msg (has_hangul (rest), "not Korean: %s", rest);
  ck_assert_msg (has_hangul (r.out), "not Korean: %s", r.out);
  ftl_test_result_clear (&r);

  /* --json keeps OpenAI's English messages. */
  r = run_cli ((const char *[]) { "train", "--training-file", broken, "--output", output, "--json", NULL });
  ck_assert_int_eq (r.status, 1);
  g_auto(GStrv) lines = g_strsplit (r.out, "\n", -1);
  g_autoptr(JsonNode) event = json_from_string (lines[0], NULL);
  ck_assert_msg (event != NULL, "%s", r.out);
  const char *message = json_object_get_string_member (json_node_get_object (event), "message");
  ck_assert_msg (g_str_has_prefix (message, "Validating training file: "), "%s", message);
  ftl_test_result_clear (&r);

  /* Without --json, the events read in Korean. */
  r = run_cli ((const char *[]) { "train", "--training-file", broken, "--output", output, NULL });
  ck_assert_int_eq (r.status, 1);
  ck_assert_msg (g_str_has_prefix (r.out, "[validating_files] ") && has_hangul (r.out), "%s", r.out);
  ftl_test_result_clear (&r);
}
END_TEST

static gboolean
compile_catalog (const char *po_file)
{
  g_autofree char *dir = g_build_filename (locale_dir, "ko", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  const char *argv[] = { "msgfmt", "-o", mo, po_file, NULL };
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_mkdir_with_parents (dir, 0700);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &wait_status, &error) || !g_spawn_check_wait_status (wait_status, &error))
    {
      g_printerr ("msgfmt %s: %s\n", po_file, error->message);
      return FALSE;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  Suite *s = suite_create ("i18n");
  TCase *tc = tcase_create ("korean");
  int status;

  if (argc != 3)
    {
      g_printerr ("usage: %s CLI PO_FILE\n", argv[0]);
      return 2;
    }
  cli_path = argv[1];
  work_dir = g_dir_make_tmp ("ftl-i18n-XXXXXX", NULL);
  locale_dir = g_build_filename (work_dir, "locale", NULL);
  if (!compile_catalog (argv[2]))
    return 1;

  /* As the programs start: the user's locale (any UTF-8 one lets LANGUAGE
   * pick Korean), numbers with a dot. */
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    {
      g_printerr ("the C.UTF-8 locale is missing\n");
      return 1;
    }
  setlocale (LC_NUMERIC, "C");
  g_setenv ("LANGUAGE", "ko", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_dataset_problems);
  tcase_add_test (tc, test_job_events);
  tcase_add_test (tc, test_job_failure);
  tcase_add_test (tc, test_cli);
  suite_add_tcase (s, tc);

  status = ftl_test_run_suite (s, CK_FORK_GETENV);
  ftl_test_remove_tree (work_dir);
  g_free (locale_dir);
  g_free (work_dir);
  return status;
}
