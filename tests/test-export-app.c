/* test-export-app.c — the window's "Export Model…" and "Export for
 * OpenAI…" as a student uses them: the menu's action opens the file dialog,
 * a name is chosen there, and the files appear; a model whose file went
 * missing gets a dialog that says why. "Export Report…" the same way, with
 * toasts.
 *
 * Run under xvfb-run -a dbus-run-session (no portal: GtkFileChooserNative
 * shows GTK's own dialog, which the test fills in).
 */
#include <check.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ftl-application.h"
#include "ftl-model-file.h"
#include "ftl-openai-export.h"
#include "ftl-report-export.h"
#include "ftl-test-gtk.h"
#include "ftl-test-util.h"
#include "ftl-training-pane.h"
#include "ftl-window.h"

#define SCHEMA_ID "io.github.finetunelab.FineTuneLab"

static char *work_dir;
static char *base_model;
static FtlApplication *application;
static GtkWindow *window;

/* A checked fixture: the app's world is made in the test's own process
 * (see ftl_test_app_env_new()). The window starts on the lesson's own
 * sample file. */
static void
setup (void)
{
  g_autofree char *jsonl = ftl_test_pirate_jsonl ();
  g_autoptr(GError) error = NULL;

  work_dir = ftl_test_app_env_new ("ftl-export-app-XXXXXX", jsonl);
  base_model = g_build_filename (work_dir, "base.gguf", NULL);

  application = ftl_application_new ();
  ck_assert_msg (g_application_register (G_APPLICATION (application), NULL, &error), "%s",
                 error ? error->message : "");
  window = GTK_WINDOW (ftl_window_new (application));
  gtk_window_present (window);
  FTL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 10);
  ftl_test_iterate_ms (100);
}

static void
teardown (void)
{
  gtk_window_destroy (window);
  window = NULL;
  g_clear_object (&application);
  ftl_test_remove_tree (work_dir);
  g_clear_pointer (&work_dir, g_free);
  g_clear_pointer (&base_model, g_free);
}

static gboolean
in_folder (GtkFileChooser *chooser,
           GFile          *folder)
{
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (chooser);

  return current != NULL && g_file_equal (current, folder);
}

/* The file dialog an action opened: asserts it asks about title and
 * offers suggested_name, then chooses name in work_dir and clicks its
 * Export button. */
static void
answer_file_dialog (const char *title,
                    const char *suggested_name,
                    const char *name)
{
  GtkWindow *dialog = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (work_dir);
  g_autoptr(GFile) expected = g_file_get_child (folder, name);
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *offered = NULL;

  FTL_TEST_WAIT_FOR ((dialog = ftl_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL &&
                     gtk_widget_get_mapped (GTK_WIDGET (dialog)), 10);
  ck_assert_str_eq (gtk_window_get_title (dialog), title);
  ck_assert_ptr_eq (gtk_window_get_transient_for (dialog), window);
  ck_assert_int_eq (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)), GTK_FILE_CHOOSER_ACTION_SAVE);
  offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  ck_assert_str_eq (offered, suggested_name);

  /* The dialog settles on its first folder after it shows: choose ours after. */
  ftl_test_iterate_ms (500);
  ck_assert_msg (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, &error), "%s",
                 error ? error->message : "");
  FTL_TEST_WAIT_FOR (in_folder (GTK_FILE_CHOOSER (dialog), folder), 10);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  ck_assert (chosen != NULL && g_file_equal (chosen, expected));
  ck_assert (gtk_widget_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT)));
  FTL_TEST_WAIT_FOR (ftl_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL, 10);
}

START_TEST (test_export_model)
{
  g_autofree char *exported = g_build_filename (work_dir, "exported.gguf", NULL);
  g_autoptr(FtlModel) original = NULL, copy = NULL;
  g_autoptr(FtlTokenizer) original_tokenizer = NULL, copy_tokenizer = NULL;
  g_autoptr(GError) error = NULL;

  /* Step 3 starts on the base model; the name offered is the picker's. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-model", NULL));
  answer_file_dialog ("Export Model", "Base model.gguf", "exported.gguf");
  FTL_TEST_WAIT_FOR (g_file_test (exported, G_FILE_TEST_EXISTS), 30);

  /* The same model, weight for weight, in a file llama.cpp's loader reads. */
  original = ftl_model_file_load (base_model, &original_tokenizer, NULL, &error);
  ck_assert_ptr_nonnull (original);
  copy = ftl_model_file_load (exported, &copy_tokenizer, NULL, &error);
  ck_assert_msg (copy != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (ftl_model_get_n_params (original), ftl_model_get_n_params (copy));
  ck_assert (memcmp (ftl_model_get_params (original), ftl_model_get_params (copy),
                     ftl_model_get_n_params (original) * sizeof (float)) == 0);
  ck_assert_int_eq (ftl_tokenizer_get_vocab_size (copy_tokenizer),
                    ftl_tokenizer_get_vocab_size (original_tokenizer));

  /* The model's file gone meanwhile: a dialog says so, nothing is written. */
  g_autofree char *again = g_build_filename (work_dir, "again.gguf", NULL);
  GtkWindow *message = NULL;
  ck_assert_int_eq (g_unlink (base_model), 0);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-model", NULL));
  answer_file_dialog ("Export Model", "Base model.gguf", "again.gguf");
  FTL_TEST_WAIT_FOR ((message = ftl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL, 30);
  ck_assert_str_eq (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), "Could Not Export the Model");
  ck_assert_ptr_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), base_model));
  gtk_window_close (message);
  FTL_TEST_WAIT_FOR (ftl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL, 10);
  ck_assert (!g_file_test (again, G_FILE_TEST_EXISTS));
}
END_TEST

static char *
read_exported (const char *folder,
               const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  char *contents = NULL;

  ck_assert_msg (g_file_get_contents (path, &contents, NULL, NULL), "%s is missing", path);
  return contents;
}

START_TEST (test_export_openai)
{
  FtlTrainingPane *pane = FTL_TRAINING_PANE (ftl_test_find_widget (GTK_WIDGET (window),
                                                                   FTL_TYPE_TRAINING_PANE, NULL));
  g_autofree char *folder = g_build_filename (work_dir, "rosie", NULL);
  g_autofree char *readme_path = g_build_filename (folder, FTL_OPENAI_README_NAME, NULL);
  g_autofree char *original = NULL, *copy = NULL, *request_text = NULL;
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *hyperparameters;
  const char *training_file;

  /* Step 2's choices, as the pane stores them. */
  g_settings_set_int (settings, "n-epochs", 2);
  g_settings_set_string (settings, "suffix", "rosie");
  training_file = ftl_training_pane_get_training_file (pane);
  ck_assert_ptr_nonnull (training_file);
  ck_assert (g_str_has_suffix (training_file, "new-york-woman.jsonl"));

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-openai", NULL));
  answer_file_dialog ("Export for OpenAI", "new-york-woman-for-openai", "rosie");
  FTL_TEST_WAIT_FOR (g_file_test (readme_path, G_FILE_TEST_EXISTS), 30);

  ck_assert (g_file_get_contents (training_file, &original, NULL, NULL));
  copy = read_exported (folder, FTL_OPENAI_TRAINING_NAME);
  ck_assert_str_eq (copy, original);
  request_text = read_exported (folder, FTL_OPENAI_REQUEST_NAME);
  request = json_from_string (request_text, &error);
  ck_assert_msg (request != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (json_object_get_string_member (json_node_get_object (request), "suffix"), "rosie");
  ck_assert (!json_object_has_member (json_node_get_object (request), "seed"));
  hyperparameters = json_object_get_object_member (
    json_object_get_object_member (json_object_get_object_member (json_node_get_object (request), "method"),
                                   "supervised"),
    "hyperparameters");
  ck_assert_int_eq (json_object_get_int_member (hyperparameters, "n_epochs"), 2);
  ck_assert_str_eq (json_object_get_string_member (hyperparameters, "batch_size"), "auto");
  ck_assert_str_eq (json_object_get_string_member (hyperparameters, "learning_rate_multiplier"), "auto");

}
END_TEST

/* Whether a GtkLabel under root shows text beginning with prefix. */
static gboolean
has_label_starting (GtkWidget  *root,
                    const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_starting (child, prefix))
      return TRUE;
  return FALSE;
}

/* A finished run's record in work_dir/run, as the training pane makes one. */
static char *
fine_tune_record (void)
{
  g_autofree char *jsonl = ftl_test_pirate_jsonl ();
  g_autofree char *training = g_build_filename (work_dir, "pirate.jsonl", NULL);
  g_autofree char *run_dir = g_build_filename (work_dir, "run", NULL);
  g_autofree char *output = g_build_filename (run_dir, "model.gguf", NULL);
  FtlHyperparams hp;

  ck_assert (g_file_set_contents (training, jsonl, -1, NULL));
  ck_assert_int_eq (g_mkdir_with_parents (run_dir, 0700), 0);
  ftl_hyperparams_init (&hp);
  hp.n_epochs = 1;
  hp.batch_size = 4;
  hp.seed = 5;
  hp.suffix = g_strdup ("arr");
  g_autoptr(FtlJob) job = ftl_test_fine_tune_file (base_model, training, output, &hp);
  ck_assert_int_eq (job->status, FTL_JOB_SUCCEEDED);
  ftl_hyperparams_clear (&hp);
  return ftl_fine_tune_job_path (output);
}

/* Export Report…: the dialog, a toast while the models answer, the page and
 * a toast that names it; a record gone meanwhile, a toast that says why. */
START_TEST (test_export_report)
{
  FtlTrainingPane *pane = FTL_TRAINING_PANE (ftl_test_find_widget (GTK_WIDGET (window),
                                                                   FTL_TYPE_TRAINING_PANE, NULL));
  FtlLossPlot *plot = FTL_LOSS_PLOT (ftl_test_get_widget (pane, "loss-plot"));
  GtkWidget *toasts = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), FTL_TYPE_WINDOW,
                                                                 "toast_overlay"));
  g_autofree char *record = fine_tune_record ();
  g_autofree char *page = g_build_filename (work_dir, "report.html", NULL);
  g_autofree char *again = g_build_filename (work_dir, "again.html", NULL);
  g_autofree char *html = NULL;

  ftl_report_export (GTK_WIDGET (pane), record, "arr", plot, base_model);
  answer_file_dialog ("Export Report", "report-arr.html", "report.html");
  FTL_TEST_WAIT_FOR (ftl_test_find_label (toasts, "Making the report: the base and the tuned model "
                                                  "answer a few prompts first…") != NULL, 10);
  FTL_TEST_WAIT_FOR (ftl_test_find_label (toasts, "Report saved as “report.html”") != NULL, 60);
  ck_assert (g_file_get_contents (page, &html, NULL, NULL));
  ck_assert_ptr_nonnull (strstr (html, "<title>Fine-tuning report: arr</title>"));

  ck_assert_int_eq (g_unlink (record), 0);
  ftl_report_export (GTK_WIDGET (pane), record, "arr", plot, base_model);
  answer_file_dialog ("Export Report", "report-arr.html", "again.html");
  FTL_TEST_WAIT_FOR (has_label_starting (toasts, "Could not export the report: "), 60);
  ck_assert (!g_file_test (again, G_FILE_TEST_EXISTS));
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("export-app");
  TCase *tc = tcase_create ("menu");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_export_model);
  tcase_add_test (tc, test_export_openai);
  tcase_add_test (tc, test_export_report);
  suite_add_tcase (suite, tc);

  return ftl_test_run_suite (suite, CK_FORK_GETENV);
}
