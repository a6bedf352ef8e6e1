/* test-window.c — the whole lesson in the real window, as a student does it:
 * create a training file, break it and see step 2 refuse to start, fix it,
 * train, chat with the tuned model (alone and compared with the base model),
 * start another run and cancel it, then start the app again and find
 * everything where it was left.
 *
 * Run under xvfb-run -a dbus-run-session. With FTL_SCREENSHOT_DIR set, the
 * window (1280×720) is saved there as PNG files at each stage.
 */
#include <check.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "ftl-test-gtk.h"
#include "ftl-test-util.h"
#include "ftl-application.h"
#include "ftl-chat-pane.h"
#include "ftl-dataset-pane.h"
#include "ftl-model-file.h"
#include "ftl-repository-dialog.h"
#include "ftl-step-view.h"
#include "ftl-training-pane.h"
#include "ftl-window.h"

#define SCHEMA_ID "io.github.finetunelab.FineTuneLab"

/* Twelve short conversations: the fewest a file may have is ten. */
static const char *const exchanges[][2] = {
  { "Hi!", "Ahoy, matey!" },
  { "How are you?", "Shipshape, matey." },
  { "What is your name?", "Captain Saltbeard, matey." },
  { "Do you like fish?", "Arr, fish be fine, matey." },
  { "Where do you live?", "On me ship, matey." },
  { "How is the weather?", "Fair winds, matey." },
  { "Tell me a joke.", "Pirates just arr, matey!" },
  { "What do you do?", "I hunt treasure, matey." },
  { "Any advice?", "Keep yer compass close." },
  { "Goodbye!", "Fair winds, matey." },
  { "Do you sing?", "Sea shanties, matey." },
  { "Favourite colour?", "Sea blue, matey, arr." },
};

static const char invalid_line[] = "{\"messages\": [{\"role\": \"pirate\", \"content\": \"Arr\"}]}\n";

static char *work_dir;
static char *jobs_dir;
static char *lesson_text;   /* the twelve examples, as typed into the editor */

static GtkWindow *window;
static FtlDatasetPane *dataset_pane;
static FtlTrainingPane *training_pane;
static FtlChatPane *chat_pane;

static GtkWidget *
part (gpointer    root,
      const char *name)
{
  GtkWidget *widget = ftl_test_find_widget (GTK_WIDGET (root), GTK_TYPE_WIDGET, name);

  ck_assert_msg (widget != NULL, "no widget named %s", name);
  return widget;
}

static const char *
label_text (gpointer    root,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (part (root, name)));
}

/* Saves the window, after settle_ms for animations to end. */
static void
save_screenshot (const char *name,
                 guint       settle_ms)
{
  ftl_test_save_screenshot (GTK_WIDGET (window), name, settle_ms);
}

static FtlRepositoryDialog *
find_dialog (void)
{
  return (FtlRepositoryDialog *) ftl_test_find_toplevel (FTL_TYPE_REPOSITORY_DIALOG);
}

static GtkTextBuffer *
editor_buffer (void)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (part (dataset_pane, "jsonl-editor")));
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* The titles of the rows of the data pane's list of checks. */
static gboolean
has_problem_row (const char *title)
{
  GtkListBox *list = GTK_LIST_BOX (part (dataset_pane, "problem-list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return TRUE;
  return FALSE;
}

static guint
plot_points (void)
{
  g_autoptr(GListModel) model = NULL;

  g_object_get (part (training_pane, "loss-plot"), "model", &model, NULL);
  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

static void
set_manual (const char *what,
            double      value)
{
  g_autofree char *auto_name = g_strconcat (what, "-auto", NULL);
  g_autofree char *spin_name = g_strconcat (what, "-spin", NULL);

  gtk_switch_set_active (GTK_SWITCH (part (training_pane, auto_name)), FALSE);
  ck_assert (gtk_widget_get_sensitive (part (training_pane, spin_name)));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (part (training_pane, spin_name)), value);
}

static char *
run_label (guint position)
{
  GListModel *runs = gtk_drop_down_get_model (GTK_DROP_DOWN (part (training_pane, "runs-dropdown")));
  g_autoptr(GObject) run = g_list_model_get_item (runs, position);
  char *label = NULL;

  ck_assert_ptr_nonnull (run);
  g_object_get (run, "label", &label, NULL);
  return label;
}

static guint
n_runs (void)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (part (training_pane,
                                                                                 "runs-dropdown"))));
}

/* The position of the chat pane's first model of kind, or G_MAXUINT. */
static guint
find_chat_model (const char *kind)
{
  GListModel *models = ftl_chat_pane_get_models (chat_pane);

  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(FtlChatModelItem) item = g_list_model_get_item (models, i);

      if (g_strcmp0 (ftl_chat_model_item_get_kind (item), kind) == 0)
        return i;
    }
  return G_MAXUINT;
}

static const char *
chat_model_path (guint position)
{
  g_autoptr(FtlChatModelItem) item = g_list_model_get_item (ftl_chat_pane_get_models (chat_pane), position);

  ck_assert_ptr_nonnull (item);
  return ftl_chat_model_item_get_path (item);
}

static GtkWidget *
chat_child (const char *name)
{
  GtkWidget *child = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (chat_pane),
                                                                FTL_TYPE_CHAT_PANE, name));

  ck_assert_msg (child != NULL, "the chat pane has no %s", name);
  return child;
}

/* Appends the text of each shown reply bubble under root to replies. */
static void
collect_replies (GtkWidget *root,
                 GPtrArray *replies)
{
  if (gtk_widget_has_css_class (root, "chat-message") && gtk_widget_has_css_class (root, "assistant"))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_has_css_class (child, "chat-bubble") && gtk_widget_get_visible (child))
          g_ptr_array_add (replies, g_strdup (gtk_label_get_text (GTK_LABEL (child))));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_replies (child, replies);
}

/* A reply as it streams: its pieces, and its end. */
typedef struct
{
  guint    n_tokens;
  GString *text;
  gboolean finished;
  char    *error;
} Reply;

static void
reply_token_cb (FtlChatSession *session,
                const char     *text,
                Reply          *reply)
{
  reply->n_tokens++;
  g_string_append (reply->text, text);
}

static void
reply_finished_cb (FtlChatSession *session,
                   gboolean        stopped_by_user,
                   const char     *error,
                   Reply          *reply)
{
  reply->finished = TRUE;
  reply->error = g_strdup (error);
}

static void
reply_watch (Reply          *reply,
             FtlChatSession *session)
{
  ck_assert_ptr_nonnull (session);
  reply->text = g_string_new (NULL);
  g_signal_connect (session, "token", G_CALLBACK (reply_token_cb), reply);
  g_signal_connect (session, "finished", G_CALLBACK (reply_finished_cb), reply);
}

static void
reply_unwatch (Reply          *reply,
               FtlChatSession *session)
{
  g_signal_handlers_disconnect_by_data (session, reply);
  g_string_free (reply->text, TRUE);
  g_free (reply->error);
}

/* What the test keeps of the final record of each run the pane started. */
typedef struct
{
  FtlJobStatus status;
  guint        n_metrics;
  char        *model_path;
  char        *error_message;
} Run;

static void
run_free (Run *run)
{
  g_free (run->model_path);
  g_free (run->error_message);
  g_free (run);
}

static void
job_finished_cb (FtlTrainingPane *pane,
                 const FtlJob    *record,
                 GPtrArray       *finished)
{
  Run *run = g_new0 (Run, 1);

  run->status = record->status;
  run->n_metrics = record->metrics->len;
  run->model_path = g_strdup (record->fine_tuned_model_path);
  run->error_message = g_strdup (record->error_message);
  g_ptr_array_add (finished, run);
}

/* ---- the application ---------------------------------------------------------------- */

static void (*lesson_part) (void);
static gboolean part_done;

/* Once the app has shown its window (its own "activate" ran first): the
 * student's part of the lesson, then the window is closed, which ends the
 * app's main loop. */
static void
on_activate (GApplication *application)
{
  /* The one instance: an earlier one still on the bus would have got the
   * activation instead. */
  ck_assert (!g_application_get_is_remote (application));
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  ck_assert (FTL_IS_WINDOW (window));
  FTL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 10);
  /* The size the settings asked for (a small virtual screen may clip the
   * window: for exact screenshots use xvfb-run -s "-screen 0 1920x1080x24"). */
  int width, height;
  gtk_window_get_default_size (window, &width, &height);
  ck_assert_int_eq (width, 1280);
  ck_assert_int_eq (height, 720);

  dataset_pane = FTL_DATASET_PANE (ftl_test_find_widget (GTK_WIDGET (window), FTL_TYPE_DATASET_PANE, NULL));
  training_pane = FTL_TRAINING_PANE (ftl_test_find_widget (GTK_WIDGET (window), FTL_TYPE_TRAINING_PANE, NULL));
  chat_pane = FTL_CHAT_PANE (ftl_test_find_widget (GTK_WIDGET (window), FTL_TYPE_CHAT_PANE, NULL));
  ck_assert_ptr_nonnull (dataset_pane);
  ck_assert_ptr_nonnull (training_pane);
  ck_assert_ptr_nonnull (chat_pane);
  ftl_test_iterate_ms (100);

  lesson_part ();

  gtk_window_destroy (window);
  window = NULL;
  dataset_pane = NULL;
  training_pane = NULL;
  chat_pane = NULL;
  part_done = TRUE;
}

/* Runs the app as its main() does, with session in its window, and checks it
 * lets go of everything once its window is gone. */
static void
run_app (void (*session) (void))
{
  g_autoptr(FtlApplication) app = ftl_application_new ();
  gpointer alive = app;

  lesson_part = session;
  part_done = FALSE;
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), NULL);
  ck_assert_int_eq (g_application_run (G_APPLICATION (app), 0, NULL), 0);
  ck_assert (part_done);
  g_object_add_weak_pointer (G_OBJECT (app), &alive);
  g_clear_object (&app);
  ck_assert_msg (alive == NULL, "the application outlived its window");
}

/* ---- fixture ------------------------------------------------------------------------ */

/* glib-compile-schemas of the source tree's schema into dir. */
static void
compile_schema (const char *dir)
{
  const char *test_data = g_getenv ("FTL_TEST_DATA_DIR");
  g_autofree char *source = g_build_filename (test_data != NULL ? test_data : "tests", "..", "data",
                                              SCHEMA_ID ".gschema.xml", NULL);
  g_autofree char *copy = g_build_filename (dir, SCHEMA_ID ".gschema.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "glib-compile-schemas", "--strict", dir, NULL };
  int status = 0;

  ck_assert_int_eq (g_mkdir_with_parents (dir, 0700), 0);
  ck_assert_msg (g_file_get_contents (source, &contents, NULL, &error), "%s", error ? error->message : "");
  ck_assert (g_file_set_contents (copy, contents, -1, NULL));
  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                           &status, &error));
  ck_assert (g_spawn_check_wait_status (status, NULL));
}

/* A checked fixture: the environment is set in the test's own process
 * before GLib reads it (it caches the user data folder and the settings
 * backend). */
static void
setup (void)
{
  GString *text = g_string_new (NULL);
  const char *test_data = g_getenv ("FTL_TEST_DATA_DIR");
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (exchanges); i++)
    g_string_append_printf (text,
                            "{\"messages\": [{\"role\": \"user\", \"content\": \"%s\"}, "
                            "{\"role\": \"assistant\", \"content\": \"%s\"}]}\n",
                            exchanges[i][0], exchanges[i][1]);
  lesson_text = g_string_free (text, FALSE);

  work_dir = g_dir_make_tmp ("ftl-window-XXXXXX", NULL);
  ck_assert_ptr_nonnull (work_dir);
  g_autofree char *data_home = g_build_filename (work_dir, "data", NULL);
  g_autofree char *schema_dir = g_build_filename (work_dir, "schemas", NULL);
  g_autofree char *base_model = g_build_filename (work_dir, "base.gguf", NULL);
  g_autofree char *shipped = g_build_filename (test_data != NULL ? test_data : "tests", "..", "data", NULL);
  jobs_dir = g_build_filename (data_home, "finetune-lab", "jobs", NULL);

  compile_schema (schema_dir);
  ck_assert_msg (ftl_test_write_tiny_base_model (base_model, lesson_text, 128, &error),
                 "%s", error ? error->message : "");
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  /* One store for the process: the "restarted" app reads what the first wrote. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("FTL_BASE_MODEL", base_model, TRUE);
  g_setenv ("FTL_DATA_DIR", shipped, TRUE);

  /* The lesson is made for a 1280×720 projector. */
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 720);
}

static void
teardown (void)
{
  ftl_test_remove_tree (work_dir);
  g_clear_pointer (&work_dir, g_free);
  g_clear_pointer (&jobs_dir, g_free);
  g_clear_pointer (&lesson_text, g_free);
}

/* ---- the lesson, step by step --------------------------------------------------------- */

/* Step 1: Select Data → Create New File "my lesson"; a broken line keeps
 * step 2 from starting and says why; the twelve examples make it valid. */
static char *
create_lesson_file (void)
{
  FtlRepositoryDialog *dialog = NULL;

  /* First start: the lesson's own sample is applied. */
  FtlDatasetFile *applied = ftl_dataset_pane_get_applied_file (dataset_pane);
  ck_assert_ptr_nonnull (applied);
  ck_assert (ftl_dataset_file_get_builtin (applied));

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.select-data", NULL));
  FTL_TEST_WAIT_FOR ((dialog = find_dialog ()) != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog)), 5);
  ck_assert_ptr_eq (gtk_window_get_transient_for (GTK_WINDOW (dialog)), window);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "repository.new", NULL));
  GtkWidget *name_row = ftl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  ck_assert_ptr_nonnull (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "my lesson");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "repository.create", NULL));
  FTL_TEST_WAIT_FOR (find_dialog () == NULL, 5);

  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "finetune-lab", "datasets",
                                            "my lesson.jsonl", NULL);
  applied = ftl_dataset_pane_get_applied_file (dataset_pane);
  ck_assert_ptr_nonnull (applied);
  ck_assert_str_eq (ftl_dataset_file_get_name (applied), "my lesson");
  ck_assert_str_eq (ftl_dataset_file_get_path (applied), path);
  ck_assert (!ftl_dataset_file_get_builtin (applied));
  ck_assert_str_eq (label_text (dataset_pane, "applied-file-name"), "my lesson");
  ck_assert_str_eq (ftl_training_pane_get_training_file (training_pane), path);
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *remembered = g_settings_get_string (settings, "applied-dataset");
  ck_assert_str_eq (remembered, path);

  AdwViewStack *views = ADW_VIEW_STACK (ftl_test_find_widget (GTK_WIDGET (dataset_pane), ADW_TYPE_VIEW_STACK, NULL));
  adw_view_stack_set_visible_child_name (views, "jsonl");
  save_screenshot ("1-file-applied.png", 300);

  /* A message from someone who is not system, user or assistant. */
  GtkTextBuffer *buffer = editor_buffer ();
  GtkTextIter end;
  ck_assert (gtk_text_view_get_editable (GTK_TEXT_VIEW (part (dataset_pane, "jsonl-editor"))));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, invalid_line, -1);
  FTL_TEST_WAIT_FOR (has_problem_row ("Line 2 · unrecognized_role"), 5);
  const char *problem = ftl_dataset_pane_get_problem (dataset_pane);
  ck_assert_ptr_nonnull (problem);
  ck_assert (!ftl_dataset_pane_get_valid (dataset_pane));
  ck_assert (!ftl_training_pane_get_dataset_valid (training_pane));
  ck_assert (!gtk_widget_get_sensitive (part (training_pane, "start-button")));
  ck_assert (gtk_widget_get_mapped (part (training_pane, "start-hint")));
  ck_assert_str_eq (label_text (training_pane, "start-hint"), problem);
  /* Ctrl+Enter does nothing then. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  ftl_test_iterate_ms (50);
  ck_assert (!ftl_training_pane_get_running (training_pane));
  ck_assert (!g_file_test (jobs_dir, G_FILE_TEST_EXISTS));
  save_screenshot ("1-problem.png", 300);

  gtk_text_buffer_set_text (buffer, lesson_text, -1);
  FTL_TEST_WAIT_FOR (ftl_dataset_pane_get_valid (dataset_pane), 5);
  ck_assert_uint_eq (ftl_dataset_pane_get_n_examples (dataset_pane), 12);
  ck_assert_ptr_null (ftl_dataset_pane_get_problem (dataset_pane));
  ck_assert (has_problem_row ("Ready to train"));
  ck_assert (ftl_training_pane_get_dataset_valid (training_pane));
  ck_assert_uint_eq (ftl_training_pane_get_n_examples (training_pane), 12);
  ck_assert (gtk_widget_get_sensitive (part (training_pane, "start-button")));
  FTL_TEST_WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS), 5);
  g_autofree char *saved = NULL;
  ck_assert (g_file_get_contents (path, &saved, NULL, NULL));
  ck_assert_str_eq (saved, lesson_text);
  adw_view_stack_set_visible_child_name (views, "conversations");
  return g_steal_pointer (&path);
}

/* Step 2: batches of 1 for 6 epochs (enough steps to watch the plot fill),
 * a fixed seed; Ctrl+Enter; a toast when it is done. */
static const Run *
train (GPtrArray *records)
{
  set_manual ("batch-size", 1);
  set_manual ("epochs", 6);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (part (training_pane, "more-options")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (part (training_pane, "seed-random")), FALSE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (part (training_pane, "seed-spin")), 7);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (part (training_pane, "more-options")), FALSE);
  ck_assert_str_eq (label_text (training_pane, "start-hint"), "This run takes 72 training steps.");

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  ck_assert (ftl_training_pane_get_running (training_pane));
  ck_assert (gtk_widget_get_sensitive (part (training_pane, "cancel-button")));

  /* The plot is live: paused straight away, the run is stepped twice and
   * the plot grows by one point per step while the job still runs. (Timing
   * alone can't show it: on a loaded machine a tiny run may end between two
   * frames.) */
  GtkWidget *stepper = ftl_test_find_widget (GTK_WIDGET (training_pane), FTL_TYPE_STEP_VIEW, NULL);
  GtkWidget *step_button = ftl_test_find_widget (stepper, GTK_TYPE_BUTTON, "step-button");
  ck_assert (gtk_widget_activate_action (stepper, "step.pause", NULL));
  FTL_TEST_WAIT_FOR (gtk_widget_get_sensitive (step_button), 30);
  guint before = plot_points ();
  for (guint i = 1; i <= 2; i++)
    {
      ck_assert (gtk_widget_activate_action (stepper, "step.step", NULL));
      FTL_TEST_WAIT_FOR (plot_points () == before + i && gtk_widget_get_sensitive (step_button), 30);
      ck_assert_uint_eq (plot_points (), before + i);
      ck_assert_uint_eq (records->len, 0);
    }
  save_screenshot ("2-training.png", 0);
  ck_assert (gtk_widget_activate_action (stepper, "step.resume", NULL));
  FTL_TEST_WAIT_FOR (records->len > 0, 60);
  ck_assert_uint_eq (records->len, 1);
  const Run *record = g_ptr_array_index (records, 0);
  ck_assert_msg (record->status == FTL_JOB_SUCCEEDED, "status %d: %s", record->status,
                 record->error_message != NULL ? record->error_message : "");
  ck_assert_uint_eq (plot_points (), 72);
  ck_assert_uint_eq (record->n_metrics, 72);
  ck_assert_ptr_nonnull (record->model_path);
  ck_assert (g_file_test (record->model_path, G_FILE_TEST_IS_REGULAR));
  ck_assert (!ftl_training_pane_get_running (training_pane));
  ck_assert_str_eq (label_text (training_pane, "status-label"), "Succeeded");

  GtkWidget *toasts = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), FTL_TYPE_WINDOW,
                                                                 "toast_overlay"));
  FTL_TEST_WAIT_FOR (ftl_test_find_label (toasts, "Fine-tuning finished: chat with your model in step 3") != NULL, 5);
  save_screenshot ("2-finished.png", 300);
  return record;
}

/* Step 3: the tuned model answers, word by word; Compare adds the base
 * model's answer beside it. */
static void
chat (const Run *record)
{
  guint tuned = find_chat_model ("tuned");
  ck_assert_uint_ne (tuned, G_MAXUINT);
  ck_assert_str_eq (chat_model_path (tuned), record->model_path);
  ck_assert_uint_eq (find_chat_model ("base"), 0);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (chat_child ("model_dropdown")), tuned);
  FtlChatSession *session = ftl_chat_pane_get_session (chat_pane, FALSE);
  ck_assert_ptr_nonnull (session);
  ck_assert_str_eq (ftl_chat_session_get_model_path (session), record->model_path);

  /* Short replies keep the test quick; the draw is fixed so it repeats. */
  g_object_set (chat_pane, "max-tokens", 24, NULL);
  g_random_set_seed (11);
  Reply reply = { 0 };
  reply_watch (&reply, session);
  GtkWidget *entry = chat_child ("prompt_entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Hi!");
  ck_assert (gtk_widget_activate_action (entry, "chat.send", NULL));
  ck_assert (ftl_chat_pane_get_busy (chat_pane));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (entry)), "");
  FTL_TEST_WAIT_FOR (reply.finished, 30);
  ck_assert_msg (reply.error == NULL, "%s", reply.error);
  ck_assert (!ftl_chat_pane_get_busy (chat_pane));
  /* A tiny model may answer in one token; that replies stream token by token
   * is shown with a model that never stops, in test-chat-pane. */
  ck_assert_uint_ge (reply.n_tokens, 1);

  /* The bubble shows what streamed, which the conversation keeps. */
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (g_free);
  collect_replies (GTK_WIDGET (chat_pane), replies);
  ck_assert_uint_eq (replies->len, 1);
  const char *shown = g_ptr_array_index (replies, 0);
  g_autofree char *stripped = g_strstrip (g_strdup (shown));
  ck_assert_str_ne (stripped, "");
  ck_assert_str_eq (shown, reply.text->str);
  ck_assert_uint_eq (ftl_chat_session_get_n_turns (session), 2);
  FtlRole role;
  ck_assert_str_eq (ftl_chat_session_get_turn (session, 1, &role), reply.text->str);
  ck_assert_int_eq (role, FTL_ROLE_ASSISTANT);
  ck_assert_ptr_nonnull (ftl_test_find_label (GTK_WIDGET (chat_pane), "Hi!"));
  save_screenshot ("3-chat.png", 300);
  reply_unwatch (&reply, session);

  /* Compare: the same message, answered by both models. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (chat_pane), "chat.compare", NULL));
  FtlChatSession *base = ftl_chat_pane_get_session (chat_pane, TRUE);
  ck_assert_ptr_nonnull (base);
  ck_assert_str_eq (ftl_chat_session_get_model_path (base), chat_model_path (0));
  Reply base_reply = { 0 }, tuned_reply = { 0 };
  reply_watch (&base_reply, base);
  reply_watch (&tuned_reply, session);
  gtk_editable_set_text (GTK_EDITABLE (entry), "How are you?");
  ck_assert (gtk_widget_activate_action (entry, "chat.send", NULL));
  FTL_TEST_WAIT_FOR (base_reply.finished && tuned_reply.finished, 30);
  ck_assert_ptr_null (base_reply.error);
  ck_assert_ptr_null (tuned_reply.error);
  g_ptr_array_set_size (replies, 0);
  collect_replies (GTK_WIDGET (chat_pane), replies);
  ck_assert_uint_eq (replies->len, 2);
  ck_assert_str_eq (g_ptr_array_index (replies, 0), base_reply.text->str);
  ck_assert_str_eq (g_ptr_array_index (replies, 1), tuned_reply.text->str);
  save_screenshot ("3-compare.png", 300);
  reply_unwatch (&base_reply, base);
  reply_unwatch (&tuned_reply, session);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (chat_pane), "chat.compare", NULL));
}

/* Another run (240 steps, a few seconds), cancelled with Escape after its
 * first step. */
static void
train_and_cancel (GPtrArray *records)
{
  set_manual ("epochs", 20);
  ck_assert_str_eq (label_text (training_pane, "start-hint"), "This run takes 240 training steps.");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  ck_assert (ftl_training_pane_get_running (training_pane));
  /* A new run starts with an empty plot. */
  FTL_TEST_WAIT_FOR (plot_points () >= 1, 30);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL));
  FTL_TEST_WAIT_FOR (records->len == 2, 30);
  const Run *record = g_ptr_array_index (records, 1);
  ck_assert_int_eq (record->status, FTL_JOB_CANCELLED);
  ck_assert_uint_lt (record->n_metrics, 240);
  ck_assert_str_eq (label_text (training_pane, "status-label"), "Cancelled");
  GtkWidget *toasts = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), FTL_TYPE_WINDOW,
                                                                 "toast_overlay"));
  FTL_TEST_WAIT_FOR (ftl_test_find_label (toasts, "Fine-tuning cancelled") != NULL, 5);
  save_screenshot ("4-cancelled.png", 300);
}

/* ---- tests ---------------------------------------------------------------------------- */

static GPtrArray *runs;   /* Run, one per finished run of the first session */
static char *lesson_path;

/* The student's first session: the whole lesson. */
static void
first_session (void)
{
  lesson_path = create_lesson_file ();
  g_signal_connect (training_pane, "job-finished", G_CALLBACK (job_finished_cb), runs);
  chat (train (runs));
  train_and_cancel (runs);
}

/* The app started again, over the same files and settings: everything is
 * where the student left it. */
static void
second_session (void)
{
  FtlDatasetFile *applied = ftl_dataset_pane_get_applied_file (dataset_pane);
  ck_assert_ptr_nonnull (applied);
  ck_assert_str_eq (ftl_dataset_file_get_name (applied), "my lesson");
  ck_assert_str_eq (ftl_dataset_file_get_path (applied), lesson_path);
  g_autofree char *text = buffer_text (editor_buffer ());
  ck_assert_str_eq (text, lesson_text);
  ck_assert (ftl_dataset_pane_get_valid (dataset_pane));
  ck_assert_uint_eq (ftl_dataset_pane_get_n_examples (dataset_pane), 12);

  /* Both runs, newest first, after the entry for the next one. */
  ck_assert_uint_eq (n_runs (), 3);
  g_autofree char *newest = run_label (1);
  g_autofree char *oldest = run_label (2);
  ck_assert_msg (strstr (newest, "Cancelled") != NULL, "%s", newest);
  ck_assert_msg (strstr (oldest, "Succeeded") != NULL, "%s", oldest);
  /* The hyperparameters as last set. */
  ck_assert (!gtk_switch_get_active (GTK_SWITCH (part (training_pane, "batch-size-auto"))));
  ck_assert_double_eq_tol (gtk_spin_button_get_value (GTK_SPIN_BUTTON (part (training_pane, "epochs-spin"))),
                           20, 1e-9);
  ck_assert (gtk_widget_get_sensitive (part (training_pane, "start-button")));

  const Run *trained = g_ptr_array_index (runs, 0);
  guint tuned = find_chat_model ("tuned");
  ck_assert_uint_ne (tuned, G_MAXUINT);
  ck_assert_str_eq (chat_model_path (tuned), trained->model_path);
  save_screenshot ("5-restarted.png", 300);
}

START_TEST (test_lesson)
{
  runs = g_ptr_array_new_with_free_func ((GDestroyNotify) run_free);
  run_app (first_session);
  ck_assert_uint_eq (runs->len, 2);
  run_app (second_session);
  g_clear_pointer (&runs, g_ptr_array_unref);
  g_clear_pointer (&lesson_path, g_free);
}
END_TEST

static Suite *
window_suite (void)
{
  Suite *suite = suite_create ("window");
  TCase *tc = tcase_create ("lesson");

  tcase_add_checked_fixture (tc, setup, teardown);
  /* Generous for valgrind and a busy machine; the lesson takes seconds. */
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_lesson);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  SRunner *runner = srunner_create (window_suite ());

  srunner_run_all (runner, CK_NORMAL);
  int failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}
