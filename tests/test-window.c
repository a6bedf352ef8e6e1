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

static const char invalid_line[] = "{\"messages\": [{\"role\": \"pirate\", \"content\": \"Arr\"}]}\n";

static char *work_dir;
static char *jobs_dir;
static char *lesson_text;   /* the twelve examples, as typed into the editor */

static GtkWindow *window;
static FtlDatasetPane *dataset_pane;
static FtlTrainingPane *training_pane;
static FtlChatPane *chat_pane;

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
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (ftl_test_get_widget (dataset_pane, "jsonl-editor")));
}

/* The titles of the rows of the data pane's list of checks. */
static gboolean
has_problem_row (const char *title)
{
  GtkListBox *list = GTK_LIST_BOX (ftl_test_get_widget (dataset_pane, "problem-list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return TRUE;
  return FALSE;
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

/* ---- fixture ------------------------------------------------------------------------ */

/* A checked fixture: the app's world is made in the test's own process
 * (see ftl_test_app_env_new()). */
static void
setup (void)
{
  /* Twelve: the fewest a file may have is ten. */
  lesson_text = ftl_test_lesson_jsonl (12);

  /* The "restarted" app reads the settings the first one wrote. */
  work_dir = ftl_test_app_env_new ("ftl-window-XXXXXX", lesson_text);
  jobs_dir = g_build_filename (work_dir, "data", "finetune-lab", "jobs", NULL);
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
  ck_assert_str_eq (ftl_test_get_label_text (dataset_pane, "applied-file-name"), "my lesson");
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
  ck_assert (gtk_text_view_get_editable (GTK_TEXT_VIEW (ftl_test_get_widget (dataset_pane, "jsonl-editor"))));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, invalid_line, -1);
  FTL_TEST_WAIT_FOR (has_problem_row ("Line 2 · unrecognized_role"), 5);
  const char *problem = ftl_dataset_pane_get_problem (dataset_pane);
  ck_assert_ptr_nonnull (problem);
  ck_assert (!ftl_dataset_pane_get_valid (dataset_pane));
  ck_assert (!ftl_training_pane_get_dataset_valid (training_pane));
  ck_assert (!gtk_widget_get_sensitive (ftl_test_get_widget (training_pane, "start-button")));
  ck_assert (gtk_widget_get_mapped (ftl_test_get_widget (training_pane, "start-hint")));
  ck_assert_str_eq (ftl_test_get_label_text (training_pane, "start-hint"), problem);
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
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (training_pane, "start-button")));
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
  ftl_test_set_manual (training_pane, "batch-size", 1);
  ftl_test_set_manual (training_pane, "epochs", 6);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ftl_test_get_widget (training_pane, "more-options")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (ftl_test_get_widget (training_pane, "seed-random")), FALSE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ftl_test_get_widget (training_pane, "seed-spin")), 7);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ftl_test_get_widget (training_pane, "more-options")), FALSE);
  ck_assert_str_eq (ftl_test_get_label_text (training_pane, "start-hint"), "This run takes 72 training steps.");

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  ck_assert (ftl_training_pane_get_running (training_pane));
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (training_pane, "cancel-button")));

  /* The plot is live: paused straight away, the run is stepped twice and
   * the plot grows by one point per step while the job still runs. (Timing
   * alone can't show it: on a loaded machine a tiny run may end between two
   * frames.) */
  GtkWidget *stepper = ftl_test_find_widget (GTK_WIDGET (training_pane), FTL_TYPE_STEP_VIEW, NULL);
  GtkWidget *step_button = ftl_test_find_widget (stepper, GTK_TYPE_BUTTON, "step-button");
  ck_assert (gtk_widget_activate_action (stepper, "step.pause", NULL));
  FTL_TEST_WAIT_FOR (gtk_widget_get_sensitive (step_button), 30);
  guint before = ftl_test_plot_points (training_pane);
  for (guint i = 1; i <= 2; i++)
    {
      ck_assert (gtk_widget_activate_action (stepper, "step.step", NULL));
      FTL_TEST_WAIT_FOR (ftl_test_plot_points (training_pane) == before + i &&
                         gtk_widget_get_sensitive (step_button), 30);
      ck_assert_uint_eq (ftl_test_plot_points (training_pane), before + i);
      ck_assert_uint_eq (records->len, 0);
    }
  save_screenshot ("2-training.png", 0);
  ck_assert (gtk_widget_activate_action (stepper, "step.resume", NULL));
  FTL_TEST_WAIT_FOR (records->len > 0, 60);
  ck_assert_uint_eq (records->len, 1);
  const Run *record = g_ptr_array_index (records, 0);
  ck_assert_msg (record->status == FTL_JOB_SUCCEEDED, "status %d: %s", record->status,
                 record->error_message != NULL ? record->error_message : "");
  ck_assert_uint_eq (ftl_test_plot_points (training_pane), 72);
  ck_assert_uint_eq (record->n_metrics, 72);
  ck_assert_ptr_nonnull (record->model_path);
  ck_assert (g_file_test (record->model_path, G_FILE_TEST_IS_REGULAR));
  ck_assert (!ftl_training_pane_get_running (training_pane));
  ck_assert_str_eq (ftl_test_get_label_text (training_pane, "status-label"), "Succeeded");

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
  ck_assert_str_eq (ftl_test_chat_model_path (chat_pane, tuned), record->model_path);
  ck_assert_uint_eq (find_chat_model ("base"), 0);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (ftl_test_chat_child (chat_pane, "model_dropdown")), tuned);
  FtlChatSession *session = ftl_chat_pane_get_session (chat_pane, FALSE);
  ck_assert_ptr_nonnull (session);
  ck_assert_str_eq (ftl_chat_session_get_model_path (session), record->model_path);

  /* Short replies keep the test quick; the draw is fixed so it repeats. */
  g_object_set (chat_pane, "max-tokens", 24, NULL);
  g_random_set_seed (11);
  FtlTestReply reply = { 0 };
  ftl_test_reply_watch (&reply, session);
  GtkWidget *entry = ftl_test_chat_child (chat_pane, "prompt_entry");
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
  ftl_test_reply_unwatch (&reply, session);

  /* Compare: the same message, answered by both models. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (chat_pane), "chat.compare", NULL));
  FtlChatSession *base = ftl_chat_pane_get_session (chat_pane, TRUE);
  ck_assert_ptr_nonnull (base);
  ck_assert_str_eq (ftl_chat_session_get_model_path (base), ftl_test_chat_model_path (chat_pane, 0));
  FtlTestReply base_reply = { 0 }, tuned_reply = { 0 };
  ftl_test_reply_watch (&base_reply, base);
  ftl_test_reply_watch (&tuned_reply, session);
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
  ftl_test_reply_unwatch (&base_reply, base);
  ftl_test_reply_unwatch (&tuned_reply, session);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (chat_pane), "chat.compare", NULL));
}

/* Another run (240 steps, a few seconds), cancelled with Escape after its
 * first step. */
static void
train_and_cancel (GPtrArray *records)
{
  ftl_test_set_manual (training_pane, "epochs", 20);
  ck_assert_str_eq (ftl_test_get_label_text (training_pane, "start-hint"), "This run takes 240 training steps.");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  ck_assert (ftl_training_pane_get_running (training_pane));
  /* A new run starts with an empty plot. */
  FTL_TEST_WAIT_FOR (ftl_test_plot_points (training_pane) >= 1, 30);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL));
  FTL_TEST_WAIT_FOR (records->len == 2, 30);
  const Run *record = g_ptr_array_index (records, 1);
  ck_assert_int_eq (record->status, FTL_JOB_CANCELLED);
  ck_assert_uint_lt (record->n_metrics, 240);
  ck_assert_str_eq (ftl_test_get_label_text (training_pane, "status-label"), "Cancelled");
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
  g_autofree char *text = ftl_test_buffer_text (editor_buffer ());
  ck_assert_str_eq (text, lesson_text);
  ck_assert (ftl_dataset_pane_get_valid (dataset_pane));
  ck_assert_uint_eq (ftl_dataset_pane_get_n_examples (dataset_pane), 12);

  /* Both runs, newest first, after the entry for the next one. */
  ck_assert_uint_eq (ftl_test_n_runs (training_pane), 3);
  g_autofree char *newest = ftl_test_run_label (training_pane, 1);
  g_autofree char *oldest = ftl_test_run_label (training_pane, 2);
  ck_assert_msg (strstr (newest, "Cancelled") != NULL, "%s", newest);
  ck_assert_msg (strstr (oldest, "Succeeded") != NULL, "%s", oldest);
  /* The hyperparameters as last set. */
  ck_assert (!gtk_switch_get_active (GTK_SWITCH (ftl_test_get_widget (training_pane, "batch-size-auto"))));
  GtkWidget *epochs = ftl_test_get_widget (training_pane, "epochs-spin");
  ck_assert_double_eq_tol (gtk_spin_button_get_value (GTK_SPIN_BUTTON (epochs)), 20, 1e-9);
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (training_pane, "start-button")));

  const Run *trained = g_ptr_array_index (runs, 0);
  guint tuned = find_chat_model ("tuned");
  ck_assert_uint_ne (tuned, G_MAXUINT);
  ck_assert_str_eq (ftl_test_chat_model_path (chat_pane, tuned), trained->model_path);
  save_screenshot ("5-restarted.png", 300);
}

START_TEST (test_lesson)
{
  runs = g_ptr_array_new_with_free_func ((GDestroyNotify) run_free);
  ftl_test_run_app (first_session, &window, &dataset_pane, &training_pane, &chat_pane);
  ck_assert_uint_eq (runs->len, 2);
  ftl_test_run_app (second_session, &window, &dataset_pane, &training_pane, &chat_pane);
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
  return ftl_test_run_suite (window_suite (), CK_FORK_GETENV);
}
