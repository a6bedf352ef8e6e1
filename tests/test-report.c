/* test-report.c — the run report: where overfitting starts on constructed
 * runs, the HTML page (its sections, the embedded plot and CSV, escaping of
 * everything a job or a model says), which model answers "after", the
 * held-out prompts, and replies made again the same. */
#include <check.h>
#include <math.h>
#include <string.h>

#include "ftl-model-file.h"
#include "ftl-report.h"
#include "ftl-test-util.h"
#include "ftl-trainer.h"

/* ---- overfitting ------------------------------------------------------------ */

/* A run of epochs × steps_per_epoch steps whose training loss falls by
 * train_drop a step from 4; full validation at each epoch's end from valid[]. */
static GArray *
constructed_run (int           epochs,
                 int           steps_per_epoch,
                 double        train_drop,
                 const double *valid)
{
  GArray *metrics = g_array_new (FALSE, TRUE, sizeof (FtlTrainMetrics));

  for (int e = 1; e <= epochs; e++)
    for (int s = 1; s <= steps_per_epoch; s++)
      {
        int step = (e - 1) * steps_per_epoch + s;
        FtlTrainMetrics m = {
          .step = step,
          .total_steps = epochs * steps_per_epoch,
          .epoch = e,
          .train_loss = 4 - train_drop * step,
          .train_accuracy = 0.5,
          .valid_loss = NAN,
          .valid_accuracy = NAN,
          .full_valid_loss = s == steps_per_epoch ? valid[e - 1] : NAN,
          .full_valid_accuracy = s == steps_per_epoch ? 0.4 : NAN,
        };

        g_array_append_val (metrics, m);
      }
  return metrics;
}

static int
find (GArray *metrics,
      double  smoothing)
{
  return ftl_report_find_overfitting ((const FtlTrainMetrics *) metrics->data, metrics->len, smoothing);
}

START_TEST (test_overfitting_marker)
{
  /* Lowest after epoch 3 (step 12), then rising twice while training falls. */
  static const double overfits[] = { 3.0, 2.5, 2.4, 2.6, 2.9 };
  g_autoptr(GArray) run = constructed_run (5, 4, 0.1, overfits);

  ck_assert_int_eq (find (run, 0.9), 12);
  ck_assert_int_eq (find (run, 0.0), 12);

  /* One rise that comes back down is noise, not a trend. */
  static const double wobbles[] = { 3.0, 2.5, 2.6, 2.4, 2.7 };
  g_autoptr(GArray) wobbly = constructed_run (5, 4, 0.1, wobbles);
  ck_assert_int_eq (find (wobbly, 0.9), 0);

  /* Both rising is divergence, not overfitting. */
  static const double rising[] = { 3.0, 3.2, 3.5, 3.9 };
  g_autoptr(GArray) diverging = constructed_run (4, 4, -0.1, rising);
  ck_assert_int_eq (find (diverging, 0.9), 0);

  /* Falling validation: learning, no marker. */
  static const double learning[] = { 3.0, 2.5, 2.2, 2.1 };
  g_autoptr(GArray) good = constructed_run (4, 4, 0.1, learning);
  ck_assert_int_eq (find (good, 0.9), 0);

  /* Two validation points cannot rise twice. */
  g_autoptr(GArray) short_run = constructed_run (2, 4, 0.1, overfits + 2);
  ck_assert_int_eq (find (short_run, 0.9), 0);
  ck_assert_int_eq (ftl_report_find_overfitting (NULL, 0, 0.9), 0);

  /* The per-step validation batches do not count, however they move. */
  g_autoptr(GArray) batches = constructed_run (4, 4, 0.1, learning);
  for (guint i = 0; i < batches->len; i++)
    g_array_index (batches, FtlTrainMetrics, i).valid_loss = 1 + i;
  ck_assert_int_eq (find (batches, 0.9), 0);
}
END_TEST

/* ---- the page --------------------------------------------------------------- */

/* Element names must nest properly: escaping that let a job's text open or
 * close an element would show here. Void elements and the doctype stand
 * alone. */
static void
assert_tags_nest (const char *html)
{
  static const char *const void_elements[] = { "meta", "img", "br", "!DOCTYPE", NULL };
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_free);
  const char *p = html;

  while ((p = strchr (p, '<')) != NULL)
    {
      gboolean closing = p[1] == '/';
      const char *name = p + 1 + closing;
      gsize length = strcspn (name, " >\n");
      g_autofree char *tag = g_strndup (name, length);

      ck_assert_msg (length > 0, "empty tag at …%.40s", p);
      p = strchr (p, '>');
      ck_assert_ptr_nonnull (p);
      if (g_strv_contains (void_elements, tag))
        continue;
      if (!closing)
        g_ptr_array_add (open, g_steal_pointer (&tag));
      else
        {
          ck_assert_msg (open->len > 0, "</%s> closes nothing", tag);
          ck_assert_str_eq (g_ptr_array_index (open, open->len - 1), tag);
          g_ptr_array_remove_index (open, open->len - 1);
        }
    }
  ck_assert_uint_eq (open->len, 0);
}

/* The base64 in a data: URI after prefix, decoded. */
static GBytes *
data_uri (const char *html,
          const char *prefix)
{
  const char *start = strstr (html, prefix);
  gsize length;

  ck_assert_msg (start != NULL, "no %s", prefix);
  start += strlen (prefix);
  g_autofree char *base64 = g_strndup (start, strcspn (start, "\""));
  guchar *data = g_base64_decode (base64, &length);
  return g_bytes_new_take (data, length);
}

static FtlJob *
nasty_job (void)
{
  static const double valid[] = { 3.0, 2.5, 2.4, 2.6, 2.9 };
  FtlJob *job = ftl_job_new ();
  g_autoptr(GArray) metrics = constructed_run (5, 4, 0.1, valid);

  job->status = FTL_JOB_SUCCEEDED;
  job->finished_at = job->created_at + 60;
  job->model = g_strdup ("finetune-lab-base");
  job->fine_tuned_model = g_strdup ("ft:finetune-lab-base:rosie:ftjob-1");
  job->fine_tuned_model_path = g_strdup ("/runs/1/model.gguf");
  job->training_file = g_strdup ("/home/student/<b>Tom & Jerry's \"best\"</b>.jsonl");
  job->validation_file = NULL;
  job->hyperparameters.n_epochs = 5;
  job->hyperparameters.suffix = g_strdup ("rosie");
  job->resolved = (FtlHyperparams) { .n_epochs = 5, .batch_size = 1,
                                     .learning_rate_multiplier = 0.05, .seed = 42,
                                     .suffix = g_strdup ("rosie") };
  job->base_learning_rate = 6e-3;
  job->trained_tokens = 12345;
  g_array_append_vals (job->metrics, metrics->data, metrics->len);
  return job;
}

START_TEST (test_html_sections_and_escaping)
{
  g_autoptr(FtlJob) job = nasty_job ();
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, '<', '>', '&' };
  g_autoptr(GBytes) plot = g_bytes_new_static (png, sizeof png);
  FtlReportReply replies[] = {
    { (char *) "What's <script>alert(1)</script>?", (char *) "Base & co",
      (char *) "Honey, <img src=x onerror=alert(1)>" },
    { (char *) "Invalid \xff bytes", (char *) "fine", NULL },
  };
  FtlReport report = {
    .job = job,
    .plot_png = plot,
    .smoothing = 0.9,
    .tuned_model = "/runs/1/model.gguf",
    .system_message = "You are \"Rosie\" <from> Brooklyn & proud.",
    .replies = replies,
    .n_replies = G_N_ELEMENTS (replies),
    .generated_at = job->created_at + 120,
  };
  g_autofree char *html = ftl_report_to_html (&report);

  ck_assert (g_utf8_validate (html, -1, NULL));
  ck_assert (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"en\">"));
  for (guint i = 0; i < 5; i++)
    {
      static const char *const sections[] = { "summary", "hyperparameters", "loss-plot", "metrics", "replies" };
      g_autofree char *id = g_strdup_printf ("<section id=\"%s\">", sections[i]);

      ck_assert_msg (strstr (html, id) != NULL, "no %s", id);
    }
  assert_tags_nest (html);

  /* Nothing a job or a model says becomes markup. */
  ck_assert_ptr_null (strstr (html, "<script"));
  ck_assert_ptr_null (strstr (html, "<img src=x"));
  ck_assert_ptr_null (strstr (html, "<b>Tom"));
  ck_assert_ptr_nonnull (strstr (html, "What&apos;s &lt;script&gt;alert(1)&lt;/script&gt;?"));
  ck_assert_ptr_nonnull (strstr (html, "&lt;b&gt;Tom &amp; Jerry&apos;s &quot;best&quot;&lt;/b&gt;.jsonl"));
  ck_assert_ptr_nonnull (strstr (html, "Honey, &lt;img src=x onerror=alert(1)&gt;"));
  ck_assert_ptr_nonnull (strstr (html, "You are &quot;Rosie&quot; &lt;from&gt; Brooklyn &amp; proud."));
  ck_assert_ptr_nonnull (strstr (html, "Base &amp; co"));
  /* Invalid UTF-8 is repaired, not passed on. */
  ck_assert_ptr_nonnull (strstr (html, "Invalid \xef\xbf\xbd bytes"));

  /* The plot, byte for byte. */
  g_autoptr(GBytes) embedded = data_uri (html, "<img src=\"data:image/png;base64,");
  ck_assert (g_bytes_equal (embedded, plot));

  /* The results CSV, whole, as a download and as text. */
  g_autofree char *csv = ftl_job_results_csv (job);
  g_autoptr(GBytes) download = data_uri (html, "href=\"data:text/csv;base64,");
  ck_assert_uint_eq (g_bytes_get_size (download), strlen (csv));
  ck_assert (memcmp (g_bytes_get_data (download, NULL), csv, strlen (csv)) == 0);
  ck_assert_ptr_nonnull (strstr (html, "step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy"));

  /* Requested and resolved: epochs asked for, the rest auto. */
  ck_assert_ptr_nonnull (strstr (html, "<code>n_epochs</code></th><td>5</td><td>5</td>"));
  ck_assert_ptr_nonnull (strstr (html, "<code>batch_size</code></th><td>auto</td><td>1</td>"));
  ck_assert_ptr_nonnull (strstr (html, "<code>learning_rate_multiplier</code></th><td>auto</td><td>0.050</td>"));
  ck_assert_ptr_nonnull (strstr (html, "<code>seed</code></th><td>random</td><td>42</td>"));
  ck_assert_ptr_nonnull (strstr (html, "0.006 × 0.050 = 0.0003"));

  /* One row per epoch, and where overfitting starts. */
  ck_assert_ptr_nonnull (strstr (html, "<td class=\"number\">3</td><td class=\"number\">9–12</td>"));
  ck_assert_ptr_nonnull (strstr (html, "Overfitting starts at step 12"));

  /* A reply that was not made is a dash. */
  ck_assert_ptr_nonnull (strstr (html, "<td class=\"reply\">fine</td><td class=\"reply\">—</td>"));
}
END_TEST

/* A failed run: its error, escaped; no plot, no replies, no overfitting. */
START_TEST (test_html_failed_run)
{
  g_autoptr(FtlJob) job = ftl_job_new ();

  job->status = FTL_JOB_FAILED;
  job->training_file = g_strdup ("lesson.jsonl");
  job->error_code = g_strdup ("training_diverged");
  job->error_message = g_strdup ("The training loss exploded at step 9 (it started at 9.5 < 20)");
  job->resolved = (FtlHyperparams) { .n_epochs = 3, .batch_size = 1, .learning_rate_multiplier = 5 };
  job->hyperparameters.learning_rate_multiplier = 5;

  FtlReport report = { .job = job, .smoothing = 0.9 };
  g_autofree char *html = ftl_report_to_html (&report);

  assert_tags_nest (html);
  ck_assert_ptr_nonnull (strstr (html, "<strong>training_diverged</strong>: The training loss exploded "
                                       "at step 9 (it started at 9.5 &lt; 20)"));
  ck_assert_ptr_nonnull (strstr (html, "<code>learning_rate_multiplier</code></th><td>5.000</td><td>5.000</td>"));
  ck_assert_ptr_null (strstr (html, "data:image/png"));
  ck_assert_ptr_null (strstr (html, "Overfitting starts"));
  ck_assert_ptr_nonnull (strstr (html, "The run ended before its first step."));
  ck_assert_ptr_nonnull (strstr (html, "There are no held-out prompts"));
  ck_assert_ptr_nonnull (strstr (html, "<title>Fine-tuning report: ftjob-"));
}
END_TEST

/* ---- what the replies need ---------------------------------------------------- */

static void
add_checkpoint (FtlJob     *job,
                int         step,
                const char *path)
{
  FtlJobCheckpoint *c = g_new0 (FtlJobCheckpoint, 1);

  c->step = step;
  c->name = g_strdup_printf ("ckpt-step-%d", step);
  c->path = g_strdup (path);
  g_ptr_array_add (job->checkpoints, c);
}

START_TEST (test_tuned_model)
{
  g_autoptr(FtlJob) job = ftl_job_new ();

  job->status = FTL_JOB_FAILED;
  ck_assert_ptr_null (ftl_report_tuned_model (job));

  job->status = FTL_JOB_CANCELLED;
  add_checkpoint (job, 71, "/r/model.ckpt-step-71.gguf");
  add_checkpoint (job, 142, "/r/model.ckpt-step-142.gguf");
  ck_assert_str_eq (ftl_report_tuned_model (job), "/r/model.ckpt-step-142.gguf");

  job->status = FTL_JOB_SUCCEEDED;
  job->fine_tuned_model_path = g_strdup ("/r/model.gguf");
  ck_assert_str_eq (ftl_report_tuned_model (job), "/r/model.gguf");
}
END_TEST

START_TEST (test_held_out_prompts)
{
  const char *dir = g_getenv ("FTL_TEST_DATA_DIR");
  g_autofree char *datasets = g_build_filename (dir != NULL ? dir : "tests", "..", "data", "datasets", NULL);
  g_autofree char *lesson = g_build_filename (datasets, "new-york-woman.jsonl", NULL);
  g_autofree char *split = g_build_filename (datasets, "new-york-woman.validation.jsonl", NULL);
  g_autofree char *work = g_dir_make_tmp ("ftl-report-XXXXXX", NULL);
  g_autofree char *mine = g_build_filename (work, "mine.jsonl", NULL);

  /* The sample's own prompts file, first lines first. */
  g_auto(GStrv) prompts = ftl_report_held_out_prompts (lesson, NULL, 3);
  ck_assert_uint_eq (g_strv_length (prompts), 3);
  ck_assert_str_eq (prompts[0], "What should I pack for a camping trip?");
  ck_assert_str_eq (prompts[2], "What's a good way to cool down on a hot day?");

  /* A file without one: the validation file's questions. */
  g_auto(GStrv) from_validation = ftl_report_held_out_prompts (mine, split, 2);
  ck_assert_uint_eq (g_strv_length (from_validation), 2);
  ck_assert_str_eq (from_validation[0], "How do I pick a ripe watermelon?");

  /* Neither: none. */
  ck_assert_ptr_null (ftl_report_held_out_prompts (mine, NULL, 3));

  g_autofree char *system = ftl_report_system_message (lesson);
  ck_assert_str_eq (system, "You are Rosie, a 50-year-old woman from Brooklyn with a thick New York accent.");
  ck_assert_ptr_null (ftl_report_system_message (mine));

  ftl_test_remove_tree (work);
}
END_TEST

/* The same model twice: with the fixed seed, "before" and "after" agree —
 * so with two models, the difference is the training. */
START_TEST (test_replies_repeat)
{
  g_autofree char *work = g_dir_make_tmp ("ftl-report-XXXXXX", NULL);
  g_autofree char *model = g_build_filename (work, "tiny.gguf", NULL);
  g_autofree char *text = ftl_test_pirate_jsonl ();
  const char *prompts[] = { "Where is the treasure?", "Hello <there> & goodbye", NULL };
  g_autoptr(GError) error = NULL;

  ck_assert_msg (ftl_test_write_tiny_base_model (model, text, 96, &error), "%s",
                 error != NULL ? error->message : "");
  g_autoptr(GArray) replies = ftl_report_generate_replies (model, model, "Talk like a pirate.",
                                                           prompts, NULL, &error);
  ck_assert_msg (replies != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (replies->len, 2);
  for (guint i = 0; i < replies->len; i++)
    {
      const FtlReportReply *r = &g_array_index (replies, FtlReportReply, i);

      ck_assert_str_eq (r->prompt, prompts[i]);
      ck_assert_ptr_nonnull (r->base_reply);
      ck_assert_str_eq (r->base_reply, r->tuned_reply);
    }

  /* Without a tuned model, only "before". */
  g_autoptr(GArray) before = ftl_report_generate_replies (model, NULL, NULL, prompts, NULL, &error);
  ck_assert_ptr_nonnull (before);
  ck_assert_ptr_null (g_array_index (before, FtlReportReply, 0).tuned_reply);

  /* A missing model is an error that names the file, not a crash. */
  g_autofree char *missing = g_build_filename (work, "missing.gguf", NULL);
  g_clear_error (&error);
  ck_assert_ptr_null (ftl_report_generate_replies (missing, NULL, NULL, prompts, NULL, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_ptr_nonnull (strstr (error->message, "missing.gguf"));

  /* Cancelled: stops with the cancellation. */
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_cancellable_cancel (cancellable);
  g_clear_error (&error);
  ck_assert_ptr_null (ftl_report_generate_replies (model, NULL, NULL, prompts, cancellable, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));

  ftl_test_remove_tree (work);
}
END_TEST

/* The whole export on a real (tiny) run: the record from disk, the
 * prompts file beside the training file, replies from both models. */
START_TEST (test_write)
{
  g_autofree char *work = g_dir_make_tmp ("ftl-report-XXXXXX", NULL);
  g_autofree char *base = g_build_filename (work, "base.gguf", NULL);
  g_autofree char *training = g_build_filename (work, "pirate.jsonl", NULL);
  g_autofree char *prompts = g_build_filename (work, "pirate.prompts.txt", NULL);
  g_autofree char *output = g_build_filename (work, "run", "model.gguf", NULL);
  g_autofree char *run_dir = g_path_get_dirname (output);
  g_autofree char *record = ftl_fine_tune_job_path (output);
  g_autofree char *page = g_build_filename (work, "report.html", NULL);
  g_autofree char *jsonl = ftl_test_pirate_jsonl ();
  g_autoptr(GError) error = NULL;
  FtlHyperparams hp;

  ck_assert_msg (ftl_test_write_tiny_base_model (base, jsonl, 96, &error), "%s",
                 error != NULL ? error->message : "");
  ck_assert (g_file_set_contents (training, jsonl, -1, NULL));
  ck_assert (g_file_set_contents (prompts, "Where be the <gold>?\nAhoy & welcome\n", -1, NULL));
  ck_assert (g_mkdir_with_parents (run_dir, 0700) == 0);

  ftl_hyperparams_init (&hp);
  hp.n_epochs = 1;
  hp.batch_size = 4;
  hp.seed = 5;
  hp.suffix = g_strdup ("arr");
  g_autoptr(FtlJob) job = ftl_test_fine_tune_file (base, training, output, &hp);
  ck_assert_int_eq (job->status, FTL_JOB_SUCCEEDED);
  ftl_hyperparams_clear (&hp);

  ck_assert_msg (ftl_report_write (record, NULL, 0.9, base, page, NULL, &error), "%s",
                 error != NULL ? error->message : "");
  g_autofree char *html = NULL;
  ck_assert (g_file_get_contents (page, &html, NULL, NULL));
  assert_tags_nest (html);
  ck_assert_ptr_nonnull (strstr (html, "<title>Fine-tuning report: arr</title>"));
  ck_assert_ptr_nonnull (strstr (html, "class=\"status-succeeded\""));
  ck_assert_ptr_nonnull (strstr (html, "<tr><td>Where be the &lt;gold&gt;?</td><td class=\"reply\">"));
  ck_assert_ptr_nonnull (strstr (html, "<tr><td>Ahoy &amp; welcome</td><td class=\"reply\">"));
  ck_assert_ptr_null (strstr (html, "This run made no model"));
  ck_assert_ptr_nonnull (strstr (html, "<td class=\"number\">1</td><td class=\"number\">1–3</td>"));

  /* Made again: the same replies (the seed is fixed). */
  g_autofree char *again_path = g_build_filename (work, "again.html", NULL);
  g_autofree char *again = NULL;
  ck_assert (ftl_report_write (record, NULL, 0.9, base, again_path, NULL, NULL));
  ck_assert (g_file_get_contents (again_path, &again, NULL, NULL));
  const char *replies = strstr (html, "<section id=\"replies\">");
  const char *replies_again = strstr (again, "<section id=\"replies\">");
  g_autofree char *section = g_strndup (replies, strstr (replies, "</section>") - replies);
  g_autofree char *section_again = g_strndup (replies_again, strstr (replies_again, "</section>") - replies_again);
  ck_assert_str_eq (section, section_again);

  /* No record: an error that names it, and no page. */
  g_autofree char *nowhere = g_build_filename (work, "nowhere.job.json", NULL);
  g_autofree char *not_written = g_build_filename (work, "not-written.html", NULL);
  g_clear_error (&error);
  ck_assert (!ftl_report_write (nowhere, NULL, 0.9, base, not_written, NULL, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert (!g_file_test (not_written, G_FILE_TEST_EXISTS));

  ftl_test_remove_tree (work);
}
END_TEST

static Suite *
report_suite (void)
{
  Suite *s = suite_create ("report");
  TCase *tc = tcase_create ("report");

  tcase_add_test (tc, test_overfitting_marker);
  tcase_add_test (tc, test_html_sections_and_escaping);
  tcase_add_test (tc, test_html_failed_run);
  tcase_add_test (tc, test_tuned_model);
  tcase_add_test (tc, test_held_out_prompts);
  tcase_add_test (tc, test_replies_repeat);
  tcase_add_test (tc, test_write);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return ftl_test_run_suite (report_suite (), CK_FORK_GETENV);
}
