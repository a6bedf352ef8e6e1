/* test-training-pane.c — step 2 of the lesson in a real window, driven as the
 * window and a student would: the auto rows for a 12-example file, what
 * keeps Start off, settings that persist, a run that trains to the end and
 * one cancelled mid-way, a run that fails, and a fresh pane (the app started
 * again) that finds the earlier runs and shows one.
 *
 * Run under xvfb-run -a dbus-run-session. With FTL_SCREENSHOT_DIR set, the
 * window is saved there as PNG files at each stage.
 */
#include <check.h>
#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ftl-test-gtk.h"
#include "ftl-test-util.h"
#include "ftl-dataset-file.h"
#include "ftl-loss-plot.h"
#include "ftl-metric-point.h"
#include "ftl-model-file.h"
#include "ftl-trainer.h"
#include "ftl-training-pane.h"

static char *work_dir;
static char *base_model_path;
static char *training_path;
static char *jobs_dir;
static GtkWindow *window;
static GtkWidget *training_column;
static FtlTrainingPane *pane;

static const char *
subtitle_of (FtlTrainingPane *p,
             const char      *name)
{
  GtkWidget *row = gtk_widget_get_ancestor (ftl_test_get_widget (p, name), ADW_TYPE_ACTION_ROW);

  ck_assert_ptr_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static double
spin_value (FtlTrainingPane *p,
            const char      *name)
{
  return gtk_spin_button_get_value (GTK_SPIN_BUTTON (ftl_test_get_widget (p, name)));
}

/* Shown on screen: mapped, so every ancestor is visible too. */
static gboolean
shown (FtlTrainingPane *p,
       const char      *name)
{
  return gtk_widget_get_mapped (ftl_test_get_widget (p, name));
}

static GListModel *
plot_model (FtlTrainingPane *p)
{
  GListModel *model = NULL;

  g_object_get (ftl_test_get_widget (p, "loss-plot"), "model", &model, NULL);
  if (model != NULL)
    g_object_unref (model);  /* the plot keeps it */
  return model;
}

static double
progress (FtlTrainingPane *p)
{
  return gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (ftl_test_get_widget (p, "progress-bar")));
}

/* The visible page of the Start / Cancel stack. */
static GtkWidget *
action_button (FtlTrainingPane *p)
{
  GtkWidget *stack = gtk_widget_get_ancestor (ftl_test_get_widget (p, "start-button"), GTK_TYPE_STACK);

  return gtk_stack_get_visible_child (GTK_STACK (stack));
}

/* The events list, in the tree only while its expander is open. */
static GtkWidget *
events_list (FtlTrainingPane *p)
{
  gtk_expander_set_expanded (GTK_EXPANDER (ftl_test_get_widget (p, "events-expander")), TRUE);
  return ftl_test_get_widget (p, "events-list");
}

static guint
n_event_rows (FtlTrainingPane *p)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (events_list (p)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row);
  return n;
}

/* The message label of the last row of the events list. */
static GtkWidget *
last_event_label (FtlTrainingPane *p)
{
  GtkWidget *row = gtk_widget_get_last_child (events_list (p));

  ck_assert (GTK_IS_LIST_BOX_ROW (row));
  return gtk_widget_get_last_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
}

static void
save_screenshot (const char *name)
{
  ftl_test_save_screenshot (GTK_WIDGET (window), name, 300);
}

/* Sets what the window binds from the data pane, for the test's file. */
static void
apply_training_file (FtlTrainingPane *p)
{
  g_object_set (p,
                "training-file", training_path,
                "dataset-valid", TRUE,
                "dataset-problem", NULL,
                "n-examples", 12,
                "base-model-path", base_model_path,
                "jobs-dir", jobs_dir,
                NULL);
}

static FtlTrainingPane *
new_pane_in_column (GSettings *settings)
{
  FtlTrainingPane *p = FTL_TRAINING_PANE (ftl_training_pane_new (settings));

  gtk_widget_set_vexpand (GTK_WIDGET (p), TRUE);
  gtk_box_append (GTK_BOX (training_column), GTK_WIDGET (p));
  return p;
}

/* ---- fixture ------------------------------------------------------------------------------ */

/* The training file and a tiny random base model whose tokenizer was learned
 * from it (as in test-training-job.c). */
static void
write_model_and_data (void)
{
  g_autofree char *jsonl = ftl_test_pirate_jsonl ();
  g_autoptr(GError) error = NULL;

  ck_assert (g_file_set_contents (training_path, jsonl, -1, &error));
  ck_assert_msg (ftl_test_write_tiny_base_model (base_model_path, jsonl, 96, &error),
                 "%s", error ? error->message : "");
}

static GtkWidget *
column_new (const char *title)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *step = gtk_label_new (title);

  gtk_widget_add_css_class (column, "lesson-pane");
  gtk_label_set_xalign (GTK_LABEL (step), 0);
  gtk_widget_add_css_class (step, "title-2");
  gtk_widget_add_css_class (step, "lesson-step");
  gtk_box_append (GTK_BOX (column), step);
  return column;
}

/* A checked fixture: GTK and the engine's OpenMP threads start in each
 * test's own process, never before a fork. */
static void
setup (void)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  ftl_test_gtk_init ();

  work_dir = g_dir_make_tmp ("ftl-training-pane-XXXXXX", NULL);
  ck_assert_ptr_nonnull (work_dir);
  base_model_path = g_build_filename (work_dir, "base.gguf", NULL);
  training_path = g_build_filename (work_dir, "pirate.jsonl", NULL);
  /* Not there yet: the first Start makes it. */
  jobs_dir = g_build_filename (work_dir, "data", "jobs", NULL);
  write_model_and_data ();

  /* The lesson window's shape at 1280×720: data | hyperparameters | chat. */
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 1280, 720);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new ("Fine-Tune Lab",
                                                         "Fine-tune a language model in three steps"));
  gtk_box_append (GTK_BOX (box), header);
  GtkWidget *outer = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *inner = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_position (GTK_PANED (outer), 440);
  gtk_paned_set_position (GTK_PANED (inner), 520);
  gtk_widget_set_vexpand (outer, TRUE);
  training_column = column_new ("2 · Hyperparameters");
  gtk_paned_set_start_child (GTK_PANED (outer), column_new ("1 · Training data"));
  gtk_paned_set_end_child (GTK_PANED (outer), inner);
  gtk_paned_set_start_child (GTK_PANED (inner), training_column);
  gtk_paned_set_end_child (GTK_PANED (inner), column_new ("3 · Chat"));
  gtk_box_append (GTK_BOX (box), outer);
  adw_window_set_content (ADW_WINDOW (window), box);

  pane = new_pane_in_column (NULL);
  gtk_window_present (window);
  ftl_test_iterate_ms (100);
}

static void
teardown (void)
{
  gtk_window_destroy (window);
  ftl_test_iterate_ms (50);
  ftl_test_remove_tree (work_dir);
  g_free (base_model_path);
  g_free (training_path);
  g_free (jobs_dir);
  g_free (work_dir);
}

/* ---- tests ----------------------------------------------------------------------------------- */

/* For 12 examples auto means 8 epochs (100 / 12), batches of 1 (0.2 %,
 * at least 1) and a multiplier of 0.05 (batches up to 4). */
START_TEST (test_auto_rows)
{
  apply_training_file (pane);

  ck_assert_double_eq_tol (spin_value (pane, "epochs-spin"), 8, 1e-9);
  ck_assert_double_eq_tol (spin_value (pane, "batch-size-spin"), 1, 1e-9);
  ck_assert_double_eq_tol (spin_value (pane, "learning-rate-multiplier-spin"), 0.05, 1e-9);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (ftl_test_get_widget (pane, "epochs-spin"))), "8");
  GtkWidget *multiplier = ftl_test_get_widget (pane, "learning-rate-multiplier-spin");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (multiplier)), "0.05");
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "epochs-spin")));
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "batch-size-spin")));
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "learning-rate-multiplier-spin")));
  ck_assert (gtk_switch_get_active (GTK_SWITCH (ftl_test_get_widget (pane, "epochs-auto"))));
  ck_assert_str_eq (subtitle_of (pane, "epochs-spin"), "Auto: 8 for 12 examples");
  ck_assert_str_eq (subtitle_of (pane, "batch-size-spin"), "Auto: 1 for 12 examples");
  ck_assert_str_eq (subtitle_of (pane, "learning-rate-multiplier-spin"),
                    "Auto: 0.05 for a batch size of 1");
  ck_assert_str_eq (ftl_test_get_label_text (pane, "start-hint"), "This run takes 96 training steps.");
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (pane, "start-button")));
  save_screenshot ("ready.png");

  /* Auto follows the file: 20 examples are seen 5 times. */
  g_object_set (pane, "n-examples", 20, NULL);
  ck_assert_double_eq_tol (spin_value (pane, "epochs-spin"), 5, 1e-9);
  ck_assert_str_eq (subtitle_of (pane, "epochs-spin"), "Auto: 5 for 20 examples");
  ck_assert_str_eq (ftl_test_get_label_text (pane, "start-hint"), "This run takes 100 training steps.");

  /* Off Auto the spin button starts at what Auto showed; the multiplier's
   * Auto follows the batch size. */
  ftl_test_set_manual (pane, "batch-size", 4);
  ck_assert_str_eq (subtitle_of (pane, "batch-size-spin"), "Examples per training step");
  ck_assert_str_eq (subtitle_of (pane, "learning-rate-multiplier-spin"),
                    "Auto: 0.05 for a batch size of 4");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ftl_test_get_widget (pane, "batch-size-spin")), 5);
  ck_assert_double_eq_tol (spin_value (pane, "learning-rate-multiplier-spin"), 0.1, 1e-9);
  ck_assert_str_eq (ftl_test_get_label_text (pane, "start-hint"), "This run takes 20 training steps.");
  gtk_switch_set_active (GTK_SWITCH (ftl_test_get_widget (pane, "batch-size-auto")), TRUE);
  ck_assert_double_eq_tol (spin_value (pane, "batch-size-spin"), 1, 1e-9);

  /* Without a file, Auto has nothing to show. */
  g_object_set (pane, "n-examples", 0, NULL);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (ftl_test_get_widget (pane, "epochs-spin"))), "—");
  ck_assert_str_eq (subtitle_of (pane, "epochs-spin"), "Auto: chosen from the size of the training file");
}
END_TEST

/* What keeps Start off is said under it, and Start really does nothing. */
START_TEST (test_start_blocked)
{
  const char *problem = "Line 3: the “role” of a message must be system, user or assistant.";

  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "start-button")));
  ck_assert (shown (pane, "start-hint"));
  ck_assert_str_eq (ftl_test_get_label_text (pane, "start-hint"), "Apply a training file in step 1 first.");

  apply_training_file (pane);
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (pane, "start-button")));

  g_object_set (pane, "dataset-valid", FALSE, "dataset-problem", problem, NULL);
  ftl_test_iterate_ms (50);
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "start-button")));
  ck_assert (shown (pane, "start-hint"));
  ck_assert_str_eq (ftl_test_get_label_text (pane, "start-hint"), problem);
  gtk_widget_activate_action (GTK_WIDGET (pane), "training.start", NULL);
  ftl_test_iterate_ms (50);
  ck_assert (!ftl_training_pane_get_running (pane));
  ck_assert (!g_file_test (jobs_dir, G_FILE_TEST_EXISTS));
  save_screenshot ("blocked.png");

  g_object_set (pane, "dataset-valid", TRUE, "dataset-problem", NULL, NULL);
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (pane, "start-button")));

  /* A suffix that can't be part of a model name. */
  GtkWidget *suffix = ftl_test_get_widget (pane, "suffix-row");
  gtk_editable_set_text (GTK_EDITABLE (suffix), "my pirate!");
  ck_assert (gtk_widget_has_css_class (suffix, "error"));
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "start-button")));
  ck_assert_ptr_nonnull (strstr (ftl_test_get_label_text (pane, "start-hint"), "suffix"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ftl_test_get_widget (pane, "more-options")), TRUE);
  save_screenshot ("bad-suffix.png");
  gtk_editable_set_text (GTK_EDITABLE (suffix), "my-pirate_2");
  ck_assert (!gtk_widget_has_css_class (suffix, "error"));
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (pane, "start-button")));

  g_object_set (pane, "training-file", NULL, NULL);
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "start-button")));
}
END_TEST

/* The hyperparameters come back from GSettings, e.g. in the next session. */
START_TEST (test_settings_persist)
{
  g_autofree char *schema_dir = g_build_filename (work_dir, "schemas", NULL);
  const char *source_dir = g_getenv ("FTL_TEST_DATA_DIR");
  g_autofree char *schema_source = g_build_filename (source_dir != NULL ? source_dir : "tests",
                                                     "..", "data",
                                                     "io.github.finetunelab.FineTuneLab.gschema.xml",
                                                     NULL);
  g_autofree char *schema_copy = g_build_filename (schema_dir, "io.github.finetunelab.FineTuneLab.gschema.xml",
                                                   NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  ck_assert_int_eq (g_mkdir (schema_dir, 0700), 0);
  ck_assert_msg (g_file_get_contents (schema_source, &contents, NULL, &error), "%s", error ? error->message : "");
  ck_assert (g_file_set_contents (schema_copy, contents, -1, NULL));
  const char *argv[] = { "glib-compile-schemas", schema_dir, NULL };
  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                           &status, &error));
  ck_assert (g_spawn_check_wait_status (status, NULL));
  g_autoptr(GSettingsSchemaSource) source =
    g_settings_schema_source_new_from_directory (schema_dir, NULL, FALSE, &error);
  ck_assert_ptr_nonnull (source);
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (source, "io.github.finetunelab.FineTuneLab", FALSE);
  g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);

  FtlTrainingPane *first = new_pane_in_column (settings);
  apply_training_file (first);
  ftl_test_set_manual (first, "epochs", 5);
  ftl_test_set_manual (first, "learning-rate-multiplier", 0.25);
  gtk_switch_set_active (GTK_SWITCH (ftl_test_get_widget (first, "seed-random")), FALSE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ftl_test_get_widget (first, "seed-spin")), 1234);
  gtk_editable_set_text (GTK_EDITABLE (ftl_test_get_widget (first, "suffix-row")), "pirate");
  ck_assert_int_eq (g_settings_get_int (settings, "n-epochs"), 5);
  ck_assert_int_eq (g_settings_get_int (settings, "batch-size"), 0);
  ck_assert_double_eq_tol (g_settings_get_double (settings, "learning-rate-multiplier"), 0.25, 1e-9);
  ck_assert_int_eq (g_settings_get_int64 (settings, "seed"), 1234);
  g_autofree char *suffix = g_settings_get_string (settings, "suffix");
  ck_assert_str_eq (suffix, "pirate");
  gtk_box_remove (GTK_BOX (training_column), GTK_WIDGET (first));
  gtk_box_remove (GTK_BOX (training_column), GTK_WIDGET (pane));

  pane = new_pane_in_column (settings);
  apply_training_file (pane);
  ck_assert (!gtk_switch_get_active (GTK_SWITCH (ftl_test_get_widget (pane, "epochs-auto"))));
  ck_assert_double_eq_tol (spin_value (pane, "epochs-spin"), 5, 1e-9);
  ck_assert (gtk_switch_get_active (GTK_SWITCH (ftl_test_get_widget (pane, "batch-size-auto"))));
  ck_assert_double_eq_tol (spin_value (pane, "learning-rate-multiplier-spin"), 0.25, 1e-9);
  ck_assert (!gtk_switch_get_active (GTK_SWITCH (ftl_test_get_widget (pane, "seed-random"))));
  ck_assert_double_eq_tol (spin_value (pane, "seed-spin"), 1234, 1e-9);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (ftl_test_get_widget (pane, "suffix-row"))), "pirate");
}
END_TEST

typedef struct
{
  int          n_finished;
  FtlJobStatus status;
  guint        n_metrics;
  char        *fine_tuned_model;
  char        *validation_file;
} Finished;

static void
job_finished_cb (FtlTrainingPane *p,
                 const FtlJob    *record,
                 Finished        *f)
{
  f->n_finished++;
  f->status = record->status;
  f->n_metrics = record->metrics->len;
  g_free (f->fine_tuned_model);
  f->fine_tuned_model = g_strdup (record->fine_tuned_model);
  g_free (f->validation_file);
  f->validation_file = g_strdup (record->validation_file);
}

static void
finished_clear (Finished *f)
{
  g_free (f->fine_tuned_model);
  g_free (f->validation_file);
}

/* A whole run (with a validation file), then one cancelled, then the app
 * "restarted": a fresh pane over the same jobs folder finds both and shows
 * the first again. */
START_TEST (test_train_cancel_reload)
{
  g_autofree char *valid_path = g_build_filename (work_dir, "pirate-valid.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GListStore) files = g_list_store_new (FTL_TYPE_DATASET_FILE);
  g_autoptr(FtlDatasetFile) training_file = ftl_dataset_file_new (training_path, FALSE, NULL);
  g_autoptr(FtlDatasetFile) valid_file = NULL;
  Finished f = { 0 };

  ck_assert (g_file_get_contents (training_path, &contents, NULL, NULL));
  ck_assert (g_file_set_contents (valid_path, contents, -1, NULL));
  valid_file = ftl_dataset_file_new (valid_path, FALSE, NULL);
  g_list_store_append (files, training_file);
  g_list_store_append (files, valid_file);
  ftl_training_pane_set_validation_files (pane, G_LIST_MODEL (files));
  GtkWidget *validation_row = ftl_test_get_widget (pane, "validation-row");
  ck_assert_uint_eq (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (validation_row))), 3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (validation_row), 2);

  apply_training_file (pane);
  /* Twelve examples in batches of 4 for 3 epochs: nine steps. */
  ftl_test_set_manual (pane, "epochs", 3);
  ftl_test_set_manual (pane, "batch-size", 4);
  gtk_editable_set_text (GTK_EDITABLE (ftl_test_get_widget (pane, "suffix-row")), "pirate");
  g_signal_connect (pane, "job-finished", G_CALLBACK (job_finished_cb), &f);
  ck_assert (!shown (pane, "progress-bar"));
  ck_assert_uint_eq (ftl_test_plot_points (pane), 0);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pane), "training.start", NULL));
  ck_assert (ftl_training_pane_get_running (pane));
  ck_assert_ptr_eq (action_button (pane), ftl_test_get_widget (pane, "cancel-button"));
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (pane, "cancel-button")));
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "start-button")));
  /* The run's settings are fixed while it runs. */
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "batch-size-auto")));
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "epochs-spin")));

  /* The run's folder: jobs-dir/<YYYYmmdd-HHMMSS>/, private. */
  ck_assert_uint_eq (ftl_test_count_files (jobs_dir), 1);
  g_autoptr(GDir) dir = g_dir_open (jobs_dir, 0, NULL);
  g_autofree char *run_dir = g_build_filename (jobs_dir, g_dir_read_name (dir), NULL);
  g_autofree char *run_name = g_path_get_basename (run_dir);
  GStatBuf st;
  ck_assert_int_eq (strlen (run_name), 15);
  ck_assert_int_eq (run_name[8], '-');
  ck_assert_int_eq (g_stat (run_dir, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0700);

  /* Points and progress arrive while it runs. */
  guint seen_points = 0;
  int n_growths = 0;
  double first_fraction = -1;
  gboolean shot = FALSE;
  gint64 end = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  while (f.n_finished == 0 && g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
      guint n = ftl_test_plot_points (pane);
      /* The last hand-off and the end may come in one iteration. */
      if (n > seen_points)
        {
          n_growths++;
          seen_points = n;
          if (first_fraction < 0)
            first_fraction = progress (pane);
          ck_assert_double_eq_tol (progress (pane), n / 9.0, 1e-9);
        }
      if (!shot && n >= 4 && f.n_finished == 0)
        {
          ck_assert_str_eq (ftl_test_get_label_text (pane, "status-label"), "Running");
          ck_assert (g_str_has_prefix (ftl_test_get_label_text (pane, "detail-label"), "Epoch "));
          save_screenshot ("training.png");
          shot = TRUE;
        }
    }
  ck_assert_int_eq (f.n_finished, 1);
  ck_assert_msg (f.status == FTL_JOB_SUCCEEDED, "status %d", f.status);
  ck_assert_str_eq (f.validation_file, valid_path);
  ck_assert_uint_eq (f.n_metrics, 9);
  /* Nine quick steps may all land in one hand-off; that the plot grows in
   * several while a longer run goes on is checked in test-window. */
  ck_assert_int_ge (n_growths, 1);
  ck_assert (first_fraction > 0 && first_fraction <= 1);

  ck_assert (!ftl_training_pane_get_running (pane));
  ck_assert_uint_eq (ftl_test_plot_points (pane), 9);
  ck_assert_double_eq_tol (progress (pane), 1.0, 1e-9);
  ck_assert_str_eq (ftl_test_get_label_text (pane, "status-label"), "Succeeded");
  ck_assert (gtk_widget_has_css_class (ftl_test_get_widget (pane, "status-label"), "ftl-status-succeeded"));
  ck_assert_str_eq (ftl_test_get_label_text (pane, "model-label"), f.fine_tuned_model);
  ck_assert (g_str_has_prefix (f.fine_tuned_model, "ft:tiny-base:pirate:"));
  ck_assert_ptr_eq (action_button (pane), ftl_test_get_widget (pane, "start-button"));
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (pane, "start-button")));
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (pane, "epochs-spin")));
  ck_assert (!shown (pane, "error-label"));
  guint first_rows = n_event_rows (pane);
  ck_assert_uint_gt (first_rows, 9);
  ck_assert_str_eq (gtk_label_get_text (GTK_LABEL (last_event_label (pane))),
                    "The job has successfully completed");
  /* The dropdown lists the run, first. */
  g_autofree char *label = ftl_test_run_label (pane, 0);
  ck_assert_ptr_nonnull (strstr (label, "Succeeded"));
  ck_assert_ptr_nonnull (strstr (label, "pirate"));
  ck_assert (shown (pane, "runs-dropdown"));
  save_screenshot ("finished.png");
  GtkWidget *scroller = gtk_widget_get_ancestor (ftl_test_get_widget (pane, "loss-plot"), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
  save_screenshot ("finished-events.png");

  /* A second run, cancelled after its first step. */
  ftl_test_set_manual (pane, "epochs", 5);
  ftl_test_set_manual (pane, "batch-size", 1);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pane), "training.start", NULL));
  ck_assert_uint_eq (ftl_test_count_files (jobs_dir), 2);
  /* The first run is an earlier one now, read back from its record. */
  ck_assert_uint_eq (ftl_test_n_runs (pane), 2);
  g_autofree char *earlier = ftl_test_run_label (pane, 1);
  ck_assert_ptr_nonnull (strstr (earlier, "Succeeded"));
  ck_assert_ptr_nonnull (strstr (earlier, "pirate"));
  FTL_TEST_WAIT_FOR (ftl_test_plot_points (pane) >= 1, 60);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pane), "training.cancel", NULL));
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "cancel-button")));
  ck_assert_str_eq (ftl_test_get_label_text (pane, "detail-label"), "Cancelling…");
  FTL_TEST_WAIT_FOR (f.n_finished == 2, 60);
  ck_assert_int_eq (f.status, FTL_JOB_CANCELLED);
  ck_assert_uint_lt (f.n_metrics, 60);
  ck_assert_str_eq (ftl_test_get_label_text (pane, "status-label"), "Cancelled");
  /* Its own events only (one per step it made, and a few messages), not
   * the first run's too; the last says where it stopped. */
  ck_assert_uint_ge (n_event_rows (pane), f.n_metrics);
  ck_assert_uint_lt (n_event_rows (pane), first_rows + f.n_metrics);
  ck_assert_ptr_nonnull (strstr (gtk_label_get_text (GTK_LABEL (last_event_label (pane))), "cancelled"));
  ck_assert (progress (pane) < 1.0);
  ck_assert_ptr_eq (action_button (pane), ftl_test_get_widget (pane, "start-button"));
  ftl_test_iterate_ms (200);
  ck_assert_int_eq (f.n_finished, 2);
  save_screenshot ("cancelled.png");

  /* A file that is gone is no choice any more. */
  ck_assert_uint_eq (adw_combo_row_get_selected (ADW_COMBO_ROW (validation_row)), 2);
  g_list_store_remove (files, 1);
  ck_assert_uint_eq (adw_combo_row_get_selected (ADW_COMBO_ROW (validation_row)), 0);

  /* The app again: a fresh pane over the same folder, newest first. The
   * old one goes entirely. */
  gpointer old = pane;
  g_object_add_weak_pointer (G_OBJECT (pane), &old);
  gtk_box_remove (GTK_BOX (training_column), GTK_WIDGET (pane));
  ftl_test_iterate_ms (50);
  ck_assert_ptr_null (old);
  pane = new_pane_in_column (NULL);
  ftl_training_pane_set_validation_files (pane, G_LIST_MODEL (files));
  apply_training_file (pane);
  ftl_training_pane_reload_jobs (pane);
  ck_assert_uint_eq (ftl_test_n_runs (pane), 3);
  g_autofree char *newest = ftl_test_run_label (pane, 1);
  g_autofree char *oldest = ftl_test_run_label (pane, 2);
  ck_assert_ptr_nonnull (strstr (newest, "Cancelled"));
  ck_assert_str_eq (oldest, earlier);
  ck_assert_uint_eq (ftl_test_plot_points (pane), 0);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (ftl_test_get_widget (pane, "runs-dropdown")), 2);
  ftl_test_iterate_ms (50);
  ck_assert_uint_eq (ftl_test_plot_points (pane), 9);
  g_autofree char *record_path = g_build_filename (run_dir, "model.job.json", NULL);
  g_autoptr(FtlJob) record = ftl_job_load (record_path, NULL);
  ck_assert_ptr_nonnull (record);
  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(FtlMetricPoint) point = g_list_model_get_item (plot_model (pane), i);
      const FtlTrainMetrics *m = ftl_metric_point_get_metrics (point);

      ck_assert_int_eq (m->step, (int) i + 1);
      ck_assert_float_eq (m->train_loss, g_array_index (record->metrics, FtlTrainMetrics, i).train_loss);
    }
  /* Its settings, as it used them, read-only, with the way back. */
  /* (It slides in.) */
  FTL_TEST_WAIT_FOR (shown (pane, "past-run-label"), 60);
  ck_assert_double_eq_tol (spin_value (pane, "batch-size-spin"), 4, 1e-9);
  ck_assert_double_eq_tol (spin_value (pane, "epochs-spin"), 3, 1e-9);
  ck_assert_double_eq_tol (spin_value (pane, "learning-rate-multiplier-spin"), 0.05, 1e-9);
  ck_assert (gtk_switch_get_active (GTK_SWITCH (ftl_test_get_widget (pane, "learning-rate-multiplier-auto"))));
  ck_assert (!gtk_switch_get_active (GTK_SWITCH (ftl_test_get_widget (pane, "epochs-auto"))));
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "epochs-auto")));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (ftl_test_get_widget (pane, "suffix-row"))), "pirate");
  ck_assert_str_eq (adw_action_row_get_subtitle (ADW_ACTION_ROW (ftl_test_get_widget (pane, "validation-row"))),
                    "pirate-valid.jsonl");
  ck_assert_str_eq (ftl_test_get_label_text (pane, "status-label"), "Succeeded");
  ck_assert_double_eq_tol (progress (pane), 1.0, 1e-9);
  ck_assert_uint_eq (n_event_rows (pane), record->events->len);
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "start-button")));
  ck_assert (!shown (pane, "start-hint"));
  ck_assert (shown (pane, "back-button"));
  ck_assert_ptr_nonnull (strstr (ftl_test_get_label_text (pane, "past-run-label"), "“pirate.jsonl”"));
  save_screenshot ("earlier-run.png");

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pane), "training.show-current", NULL));
  FTL_TEST_WAIT_FOR (!gtk_widget_get_visible (gtk_widget_get_ancestor (ftl_test_get_widget (pane, "past-run-label"),
                                                                       GTK_TYPE_REVEALER)), 60);
  ck_assert_uint_eq (gtk_drop_down_get_selected (GTK_DROP_DOWN (ftl_test_get_widget (pane, "runs-dropdown"))), 0);
  ck_assert_uint_eq (ftl_test_plot_points (pane), 0);
  ck_assert (gtk_switch_get_active (GTK_SWITCH (ftl_test_get_widget (pane, "epochs-auto"))));
  ck_assert_double_eq_tol (spin_value (pane, "epochs-spin"), 8, 1e-9);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (ftl_test_get_widget (pane, "suffix-row"))), "");
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (pane, "start-button")));
  finished_clear (&f);
}
END_TEST

/* A run that fails says why, in red, where the student looks. */
START_TEST (test_failure_shown)
{
  g_autofree char *missing = g_build_filename (work_dir, "gone.jsonl", NULL);
  Finished f = { 0 };

  apply_training_file (pane);
  g_object_set (pane, "training-file", missing, NULL);
  g_signal_connect (pane, "job-finished", G_CALLBACK (job_finished_cb), &f);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pane), "training.start", NULL));
  FTL_TEST_WAIT_FOR (f.n_finished == 1, 60);
  ck_assert_int_eq (f.status, FTL_JOB_FAILED);
  ftl_test_iterate_ms (50);
  ck_assert_str_eq (ftl_test_get_label_text (pane, "status-label"), "Failed");
  ck_assert (shown (pane, "error-label"));
  ck_assert_ptr_nonnull (strstr (ftl_test_get_label_text (pane, "error-label"), missing));
  ck_assert (gtk_widget_has_css_class (last_event_label (pane), "error"));
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (pane, "start-button")));
  save_screenshot ("failed.png");
  finished_clear (&f);
}
END_TEST

static gboolean
is_auto (FtlTrainingPane *p,
         const char      *what)
{
  g_autofree char *name = g_strconcat (what, "-auto", NULL);

  return gtk_switch_get_active (GTK_SWITCH (ftl_test_get_widget (p, name)));
}

static gboolean
hint_has (FtlTrainingPane *p,
          const char      *text)
{
  return strstr (ftl_test_get_label_text (p, "start-hint"), text) != NULL;
}

/* The instructor's presets as the Presets menu sets them (each says under
 * Start what to watch), the lock, and Export Report for a run that is over. */
START_TEST (test_presets_lock_report)
{
  g_autofree char *split_path = g_build_filename (work_dir, "pirate.validation.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GListStore) files = g_list_store_new (FTL_TYPE_DATASET_FILE);
  g_autoptr(FtlDatasetFile) training_file = ftl_dataset_file_new (training_path, FALSE, NULL);
  g_autoptr(FtlDatasetFile) split_file = NULL;
  GtkWidget *validation_row = ftl_test_get_widget (pane, "validation-row");
  Finished f = { 0 };

  ck_assert (g_file_get_contents (training_path, &contents, NULL, NULL));
  ck_assert (g_file_set_contents (split_path, contents, -1, NULL));
  split_file = ftl_dataset_file_new (split_path, FALSE, NULL);
  g_list_store_append (files, training_file);
  g_list_store_append (files, split_file);
  ftl_training_pane_set_validation_files (pane, G_LIST_MODEL (files));
  apply_training_file (pane);
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "export-report-button")));
  ck_assert (!shown (pane, "lock-banner"));

  /* Too many epochs: 10 of them, the rest auto, and the file's validation split. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pane), "training.preset", "s", "too-many-epochs"));
  ck_assert (!is_auto (pane, "epochs"));
  ck_assert_double_eq_tol (spin_value (pane, "epochs-spin"), 10, 1e-9);
  ck_assert (is_auto (pane, "batch-size"));
  ck_assert (is_auto (pane, "learning-rate-multiplier"));
  ck_assert_uint_eq (adw_combo_row_get_selected (ADW_COMBO_ROW (validation_row)), 2);
  ck_assert (hint_has (pane, "This run takes 120 training steps."));
  ck_assert (hint_has (pane, "Too many epochs"));

  /* Learning rate too high: 5, epochs auto again, no validation file. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pane), "training.preset", "s", "learning-rate-too-high"));
  ck_assert (!is_auto (pane, "learning-rate-multiplier"));
  ck_assert_double_eq_tol (spin_value (pane, "learning-rate-multiplier-spin"), 5, 1e-9);
  ck_assert (is_auto (pane, "epochs"));
  ck_assert_uint_eq (adw_combo_row_get_selected (ADW_COMBO_ROW (validation_row)), 0);
  ck_assert (hint_has (pane, "Learning rate too high"));

  /* Too few epochs: one, at 0.02. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pane), "training.preset", "s", "too-few-epochs"));
  ck_assert_double_eq_tol (spin_value (pane, "epochs-spin"), 1, 1e-9);
  ck_assert_double_eq_tol (spin_value (pane, "learning-rate-multiplier-spin"), 0.02, 1e-9);
  ck_assert (hint_has (pane, "This run takes 12 training steps."));
  ck_assert (hint_has (pane, "Too few epochs"));

  /* An edit by hand is the student's own setting: the note goes. */
  ftl_test_set_manual (pane, "epochs", 2);
  ck_assert (!hint_has (pane, "Too few epochs"));

  /* Lesson default: all auto (8 epochs for 12 examples). */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pane), "training.preset", "s", "lesson-default"));
  ck_assert (is_auto (pane, "epochs") && is_auto (pane, "batch-size") && is_auto (pane, "learning-rate-multiplier"));
  ck_assert_double_eq_tol (spin_value (pane, "epochs-spin"), 8, 1e-9);

  /* Locked: the hyperparameters and the presets can't change; the note says who. */
  ftl_test_set_manual (pane, "epochs", 1);
  ftl_training_pane_set_hyperparameters_locked (pane, TRUE);
  ck_assert (shown (pane, "lock-banner"));
  GtkWidget *banner = ftl_test_get_widget (pane, "lock-banner");
  ck_assert_ptr_nonnull (ftl_test_find_label (banner, "Locked by your instructor"));
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "epochs-auto")));
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "epochs-spin")));
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "batch-size-auto")));
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "learning-rate-multiplier-auto")));
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "seed-random")));
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "presets-button")));
  gtk_widget_activate_action (GTK_WIDGET (pane), "training.preset", "s", "too-many-epochs");
  ck_assert_double_eq_tol (spin_value (pane, "epochs-spin"), 1, 1e-9);
  /* The model's name and the validation file are still the student's. */
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (pane, "suffix-row")));
  ck_assert (gtk_widget_get_sensitive (validation_row));
  save_screenshot ("locked.png");

  /* The class trains with the instructor's values; the run over, it can be reported. */
  g_signal_connect (pane, "job-finished", G_CALLBACK (job_finished_cb), &f);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pane), "training.start", NULL));
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (pane, "export-report-button")));
  FTL_TEST_WAIT_FOR (f.n_finished == 1, 120);
  ck_assert_int_eq (f.status, FTL_JOB_SUCCEEDED);
  ck_assert_uint_eq (f.n_metrics, 12);
  ftl_test_iterate_ms (50);
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (pane, "export-report-button")));

  ftl_training_pane_set_hyperparameters_locked (pane, FALSE);
  ck_assert (!shown (pane, "lock-banner"));
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (pane, "epochs-auto")));
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (pane, "presets-button")));
  finished_clear (&f);
}
END_TEST

static Suite *
training_pane_suite (void)
{
  Suite *suite = suite_create ("training-pane");
  TCase *tc = tcase_create ("pane");

  tcase_add_checked_fixture (tc, setup, teardown);
  /* Generous for valgrind and a busy machine; the runs take seconds. */
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_auto_rows);
  tcase_add_test (tc, test_start_blocked);
  tcase_add_test (tc, test_settings_persist);
  tcase_add_test (tc, test_train_cancel_reload);
  tcase_add_test (tc, test_failure_shown);
  tcase_add_test (tc, test_presets_lock_report);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return ftl_test_run_suite (training_pane_suite (), CK_FORK_GETENV);
}
