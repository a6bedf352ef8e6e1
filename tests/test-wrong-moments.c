/* test-wrong-moments.c — the real window when the student does things at
 * the wrong moment, each with its defined outcome:
 *
 *  - Start twice: one run.  Cancel twice: one cancellation, one record.
 *  - A checkpoint is offered for chat only once its file is complete, and
 *    the chat works while the next one is being written.
 *  - Deleting the applied file while it trains (allowed, with undo), or
 *    applying another: the run goes on with the examples it loaded; the
 *    hint under Cancel says so; the new file is for the next run.
 *  - Quitting while it trains asks; "Keep Training" stays, "Stop and Quit"
 *    cancels the run (its record saved as cancelled) and then closes.
 *  - After a crash: the run that was training shows as failed,
 *    "Interrupted", its checkpoints in the chat's picker; one damaged behind
 *    the app's back fails its reply with a message, not the app.
 *  - A folder that can't be written, a full disk: the error is shown, the
 *    text stays in the editor and is saved once it can be; quitting with
 *    unsaved edits asks; quitting right after typing saves the typing.
 *
 * Run under xvfb-run -a dbus-run-session.
 */
#include <check.h>
#include <errno.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ftl-test-fs.h"
#include "ftl-test-gtk.h"
#include "ftl-test-util.h"
#include "ftl-application.h"
#include "ftl-chat-pane.h"
#include "ftl-dataset-pane.h"
#include "ftl-model-file.h"
#include "ftl-trainer.h"
#include "ftl-training-pane.h"
#include "ftl-window.h"

#define SCHEMA_ID "io.github.finetunelab.FineTuneLab"

/* 60 examples: an epoch of 60 steps at batch size 1, so each run lasts
 * long enough to do things to it (every run here is cancelled). */
#define N_EXAMPLES 60

static char *work_dir;
static char *datasets_dir;
static char *jobs_dir;
static char *lesson_path;   /* the user's file, applied at start */
static char *other_path;    /* another user file */
static char *lesson_text;

static GtkWindow *window;
static FtlDatasetPane *dataset_pane;
static FtlTrainingPane *training_pane;
static FtlChatPane *chat_pane;

/* ---- finding things ------------------------------------------------------------------- */

static gboolean
shown (gpointer    root,
       const char *name)
{
  return gtk_widget_is_visible (ftl_test_get_widget (root, name));
}

static GtkTextBuffer *
editor_buffer (void)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (ftl_test_get_widget (dataset_pane, "jsonl-editor")));
}

static gboolean
file_has_text (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && g_str_equal (contents, text);
}

/* The data pane's banner over the editor, when it is shown. */
static const char *
banner_message (void)
{
  GtkWidget *label = ftl_test_get_widget (dataset_pane, "banner");
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER));

  return gtk_revealer_get_reveal_child (revealer) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static gboolean
banner_says (const char *part_of_message)
{
  const char *message = banner_message ();

  return message != NULL && strstr (message, part_of_message) != NULL;
}

/* Positions of the chat picker's models of kind, in order. */
static GArray *
chat_models_of_kind (const char *kind)
{
  GListModel *models = ftl_chat_pane_get_models (chat_pane);
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(FtlChatModelItem) item = g_list_model_get_item (models, i);

      if (g_strcmp0 (ftl_chat_model_item_get_kind (item), kind) == 0)
        g_array_append_val (found, i);
    }
  return found;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  return (AdwMessageDialog *) ftl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Quitting as from the menu or Ctrl+Q, then the dialog it opens. */
static AdwMessageDialog *
quit_and_find_dialog (void)
{
  GApplication *app = g_application_get_default ();
  AdwMessageDialog *dialog = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  FTL_TEST_WAIT_FOR ((dialog = find_message_dialog ()) != NULL &&
                     gtk_widget_get_mapped (GTK_WIDGET (dialog)), 10);
  ck_assert_ptr_eq (gtk_window_get_transient_for (GTK_WINDOW (dialog)), window);
  return dialog;
}

/* Clicks the dialog's button labelled label. */
static void
answer (AdwMessageDialog *dialog,
        const char       *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  ck_assert_msg (button != NULL, "the dialog has no button %s", label);
  g_signal_emit_by_name (button, "clicked");
  FTL_TEST_WAIT_FOR (find_message_dialog () == NULL, 10);
}

/* ---- a reply in the chat ---------------------------------------------------------------- */

/* Sends text to the picked model and waits for the end of its reply;
 * returns why it failed, or NULL. */
static char *
chat_with (guint       position,
           const char *text)
{
  FtlTestReply reply = { 0 };
  char *error;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (ftl_test_chat_child (chat_pane, "model_dropdown")), position);
  FtlChatSession *session = ftl_chat_pane_get_session (chat_pane, FALSE);
  ck_assert_ptr_nonnull (session);
  ck_assert_str_eq (ftl_chat_session_get_model_path (session), ftl_test_chat_model_path (chat_pane, position));
  ftl_test_reply_watch (&reply, session);
  gtk_editable_set_text (GTK_EDITABLE (ftl_test_chat_child (chat_pane, "prompt_entry")), text);
  ck_assert (gtk_widget_activate_action (ftl_test_chat_child (chat_pane, "prompt_entry"), "chat.send", NULL));
  FTL_TEST_WAIT_FOR (reply.finished, 60);
  error = g_steal_pointer (&reply.error);
  ftl_test_reply_unwatch (&reply, session);
  return error;
}

/* Whether a reply bubble under root shows text styled as an error. */
static gboolean
has_error_bubble (GtkWidget  *root,
                  const char *text)
{
  if (gtk_widget_has_css_class (root, "chat-bubble") && gtk_widget_has_css_class (root, "error") &&
      gtk_widget_get_visible (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_error_bubble (child, text))
      return TRUE;
  return FALSE;
}

/* ---- fixture ------------------------------------------------------------------------ */

/* Before the app starts: two user files, the first applied; a tiny base
 * model; settings in memory, one thread for training. */
static void
setup (void)
{
  lesson_text = ftl_test_lesson_jsonl (N_EXAMPLES);

  work_dir = ftl_test_app_env_new ("ftl-wrong-moments-XXXXXX", lesson_text);
  datasets_dir = g_build_filename (work_dir, "data", "finetune-lab", "datasets", NULL);
  jobs_dir = g_build_filename (work_dir, "data", "finetune-lab", "jobs", NULL);
  lesson_path = g_build_filename (datasets_dir, "lesson.jsonl", NULL);
  other_path = g_build_filename (datasets_dir, "other.jsonl", NULL);

  ck_assert_int_eq (g_mkdir_with_parents (datasets_dir, 0700), 0);
  ck_assert (g_file_set_contents (lesson_path, lesson_text, -1, NULL));
  ck_assert (g_file_set_contents (other_path, lesson_text, -1, NULL));

  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_settings_set_string (settings, "applied-dataset", lesson_path);
  /* The machine is shared: one core is enough to be slow enough. */
  g_settings_set_int (settings, "threads", 1);
  g_settings_set_int (settings, "max-tokens", 8);
}

static void
teardown (void)
{
  /* A test that made them read-only gave them back, unless it failed. */
  g_chmod (datasets_dir, 0700);
  ftl_test_remove_tree (work_dir);
  g_clear_pointer (&work_dir, g_free);
  g_clear_pointer (&datasets_dir, g_free);
  g_clear_pointer (&jobs_dir, g_free);
  g_clear_pointer (&lesson_path, g_free);
  g_clear_pointer (&other_path, g_free);
  g_clear_pointer (&lesson_text, g_free);
}

/* ---- while it trains ------------------------------------------------------------------ */

typedef struct
{
  guint    n_listed;       /* checkpoints offered in the chat's picker */
  guint    n_whole;        /* …whose file loaded whole at that moment */
  gboolean while_running;  /* every one was offered while the run trained */
} Listed;

static Listed listed;

static void
chat_models_changed_cb (GListModel *models,
                        guint       position,
                        guint       removed,
                        guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(FtlChatModelItem) item = g_list_model_get_item (models, i);
      g_autoptr(FtlModel) model = NULL;

      if (g_strcmp0 (ftl_chat_model_item_get_kind (item), "checkpoint") != 0)
        continue;
      listed.n_listed++;
      /* Right now, as the student could pick it. */
      model = ftl_model_file_load (ftl_chat_model_item_get_path (item), NULL, NULL, NULL);
      listed.n_whole += model != NULL;
      listed.while_running &= ftl_training_pane_get_running (training_pane);
    }
}

static void
count_finished_cb (FtlTrainingPane *pane,
                   const FtlJob    *record,
                   GArray          *statuses)
{
  FtlJobStatus status = record->status;

  g_array_append_val (statuses, status);
}

/* The record of the run in the newest run folder. */
static FtlJob *
load_newest_record (char **record_path)
{
  g_autoptr(GDir) dir = g_dir_open (jobs_dir, 0, NULL);
  g_autofree char *newest = NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (newest == NULL || g_strcmp0 (name, newest) > 0)
      {
        g_free (newest);
        newest = g_strdup (name);
      }
  ck_assert_ptr_nonnull (newest);
  *record_path = g_build_filename (jobs_dir, newest, "model.job.json", NULL);
  return ftl_job_load_settled (*record_path, NULL);
}

static void
wait_for_steps (guint more)
{
  guint target = ftl_test_plot_points (training_pane) + more;

  FTL_TEST_WAIT_FOR (ftl_test_plot_points (training_pane) >= target, 60);
}

static void
training_session (void)
{
  g_autoptr(GArray) statuses = g_array_new (FALSE, FALSE, sizeof (FtlJobStatus));
  g_autoptr(GError) error = NULL;

  ck_assert_str_eq (ftl_training_pane_get_training_file (training_pane), lesson_path);
  ftl_test_set_manual (training_pane, "batch-size", 1);
  ftl_test_set_manual (training_pane, "epochs", 50);
  g_signal_connect (training_pane, "job-finished", G_CALLBACK (count_finished_cb), statuses);
  listed = (Listed) { .while_running = TRUE };
  g_signal_connect (ftl_chat_pane_get_models (chat_pane), "items-changed",
                    G_CALLBACK (chat_models_changed_cb), NULL);

  /* Start twice (Ctrl+Enter, then the pane's own action): one run. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  gtk_widget_activate_action (GTK_WIDGET (training_pane), "training.start", NULL);
  ck_assert (ftl_training_pane_get_running (training_pane));
  ck_assert_uint_eq (ftl_test_count_files (jobs_dir), 1);
  FTL_TEST_WAIT_FOR (gtk_widget_get_mapped (ftl_test_get_widget (training_pane, "cancel-button")) &&
                     !gtk_widget_get_mapped (ftl_test_get_widget (training_pane, "start-button")), 10);
  wait_for_steps (1);

  /* Checkpoints are offered as they are saved, each whole by then; the
   * student chats with the first while the next ones are written. */
  FTL_TEST_WAIT_FOR (listed.n_listed >= 1, 60);
  g_autoptr(GArray) checkpoints = chat_models_of_kind ("checkpoint");
  ck_assert_uint_ge (checkpoints->len, 1);
  guint first = g_array_index (checkpoints, guint, 0);
  g_autofree char *chat_error = chat_with (first, "Hi!");
  ck_assert_msg (chat_error == NULL, "%s", chat_error);
  FTL_TEST_WAIT_FOR (listed.n_listed >= 2, 60);
  ck_assert_uint_eq (listed.n_whole, listed.n_listed);
  ck_assert (listed.while_running);
  ck_assert (ftl_training_pane_get_running (training_pane));

  /* The applied file deleted while it trains: allowed, with undo; the run
   * goes on with what it loaded and says so. */
  FtlDatasetRepository *repository = ftl_dataset_pane_get_repository (dataset_pane);
  g_autoptr(FtlDatasetRepositoryUndo) undo =
    ftl_dataset_repository_delete (repository, ftl_dataset_pane_get_applied_file (dataset_pane), &error);
  ck_assert_msg (undo != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_ptr_null (ftl_dataset_pane_get_applied_file (dataset_pane));
  ck_assert_ptr_null (ftl_training_pane_get_training_file (training_pane));
  ck_assert (ftl_training_pane_get_running (training_pane));
  ck_assert (shown (training_pane, "start-hint"));
  ck_assert_str_eq (ftl_test_get_label_text (training_pane, "start-hint"),
                    "This run goes on with the examples it loaded from “lesson” when it started.");
  wait_for_steps (3);
  g_autoptr(FtlDatasetFile) restored = ftl_dataset_repository_undo_delete (repository, undo, &error);
  ck_assert_msg (restored != NULL, "%s", error != NULL ? error->message : "");
  ck_assert (file_has_text (lesson_path, lesson_text));

  /* Another file applied while it trains: for the next run. */
  ck_assert (ftl_dataset_pane_apply_path (dataset_pane, other_path));
  ck_assert_str_eq (ftl_training_pane_get_training_file (training_pane), other_path);
  ck_assert_str_eq (ftl_test_get_label_text (training_pane, "start-hint"),
                    "This run goes on with the examples it loaded from “lesson”. “other” is for the next run.");
  wait_for_steps (3);
  /* Back to the run's own file: nothing to say. */
  ck_assert (ftl_dataset_pane_apply_path (dataset_pane, lesson_path));
  ck_assert (!shown (training_pane, "start-hint"));

  /* Cancel twice (Escape, then the pane's action): one cancellation. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL);
  gtk_widget_activate_action (GTK_WIDGET (training_pane), "training.cancel", NULL);
  FTL_TEST_WAIT_FOR (statuses->len >= 1, 60);
  ftl_test_iterate_ms (300);
  ck_assert_uint_eq (statuses->len, 1);
  ck_assert_int_eq (g_array_index (statuses, FtlJobStatus, 0), FTL_JOB_CANCELLED);
  ck_assert (!ftl_training_pane_get_running (training_pane));
  ck_assert_str_eq (ftl_test_get_label_text (training_pane, "status-label"), "Cancelled");
  g_autofree char *record_path = NULL;
  g_autoptr(FtlJob) record = load_newest_record (&record_path);
  ck_assert_int_eq (record->status, FTL_JOB_CANCELLED);
  ck_assert_str_eq (record->training_file, lesson_path);
  ck_assert (!ftl_job_is_claimed (record_path));
  g_autofree char *lock_path = g_strconcat (record_path, ".lock", NULL);
  ck_assert (!g_file_test (lock_path, G_FILE_TEST_EXISTS));

  /* Quit while a run trains: it asks; staying changes nothing. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  ck_assert_uint_eq (ftl_test_count_files (jobs_dir), 2);
  wait_for_steps (1);
  AdwMessageDialog *dialog = quit_and_find_dialog ();
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Stop Fine-Tuning?");
  answer (dialog, "_Keep Training");
  ck_assert (ftl_training_pane_get_running (training_pane));
  wait_for_steps (2);
  ck_assert (ftl_training_pane_get_running (training_pane));
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Asked again: stopping cancels the run, which ends as cancelled, and
   * then the window closes. */
  gpointer alive = window;
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  answer (quit_and_find_dialog (), "_Stop and Quit");
  FTL_TEST_WAIT_FOR (alive == NULL, 60);
  ck_assert_uint_eq (statuses->len, 2);
  ck_assert_int_eq (g_array_index (statuses, FtlJobStatus, 1), FTL_JOB_CANCELLED);
  g_autofree char *second_path = NULL;
  g_autoptr(FtlJob) second = load_newest_record (&second_path);
  ck_assert_str_ne (second_path, record_path);
  ck_assert_int_eq (second->status, FTL_JOB_CANCELLED);
  ck_assert (!ftl_job_is_claimed (second_path));
}

START_TEST (test_while_training)
{
  ftl_test_run_app (training_session, &window, &dataset_pane, &training_pane, &chat_pane);
}
END_TEST

/* ---- after a crash --------------------------------------------------------------------- */

static char *whole_checkpoint;
static char *damaged_checkpoint;
static char *leftover;
static char *notes;

/* What a run leaves when the app dies while it trains, written with the
 * engine's own writers: a record that says "running" (and that no one
 * claims), two checkpoints it had listed; the second one damaged since. */
static void
plant_interrupted_run (void)
{
  g_autofree char *run_dir = g_build_filename (jobs_dir, "20260101-120000", NULL);
  g_autofree char *record_path = g_build_filename (run_dir, "model.job.json", NULL);
  g_autoptr(FtlJob) job = ftl_job_new ();
  g_autofree char *bytes = NULL;
  gsize length;

  whole_checkpoint = g_build_filename (run_dir, "model.ckpt-step-60.gguf", NULL);
  damaged_checkpoint = g_build_filename (run_dir, "model.ckpt-step-120.gguf", NULL);
  ck_assert_int_eq (g_mkdir_with_parents (run_dir, 0700), 0);
  ck_assert (ftl_test_write_tiny_base_model (whole_checkpoint, lesson_text, 128, NULL));
  ck_assert (g_file_get_contents (whole_checkpoint, &bytes, &length, NULL));
  ck_assert (g_file_set_contents (damaged_checkpoint, bytes, (gssize) length / 2, NULL));
  /* The next checkpoint's save, cut short, and a file of the student's. */
  leftover = g_build_filename (run_dir, "model.ckpt-step-180.gguf.k2L9mQ", NULL);
  notes = g_build_filename (run_dir, "notes.txt", NULL);
  ck_assert (g_file_set_contents (leftover, bytes, (gssize) length / 3, NULL));
  ck_assert (g_file_set_contents (notes, "Ask about step 120.", -1, NULL));

  job->status = FTL_JOB_RUNNING;
  job->created_at = g_get_real_time () / G_USEC_PER_SEC - 600;
  job->model = g_strdup ("tiny-base");
  job->training_file = g_strdup (lesson_path);
  job->hyperparameters.suffix = g_strdup ("pirate");
  job->resolved.n_epochs = 50;
  job->resolved.batch_size = 1;
  job->resolved.learning_rate_multiplier = 0.1;
  for (int step = 1; step <= 120; step++)
    {
      FtlTrainMetrics m = { .step = step, .total_steps = 3000, .epoch = 1 + (step - 1) / 60,
                            .train_loss = 3.f - step / 100.f, .valid_loss = NAN,
                            .valid_accuracy = NAN, .full_valid_loss = NAN,
                            .full_valid_accuracy = NAN };

      g_array_append_val (job->metrics, m);
    }
  for (int i = 0; i < 2; i++)
    {
      FtlJobCheckpoint *c = g_new0 (FtlJobCheckpoint, 1);

      c->step = 60 * (i + 1);
      c->name = g_strdup_printf ("ft:tiny-base:pirate:%s:ckpt-step-%d", job->id, c->step);
      c->path = g_strdup (i == 0 ? whole_checkpoint : damaged_checkpoint);
      g_ptr_array_add (job->checkpoints, c);
    }
  ck_assert (ftl_job_save (job, record_path, NULL));
}

static void
after_crash_session (void)
{
  /* The run is listed, failed, not running. */
  ck_assert_uint_eq (ftl_test_n_runs (training_pane), 2);
  g_autofree char *label = ftl_test_run_label (training_pane, 1);
  ck_assert_msg (strstr (label, "Failed") != NULL, "%s", label);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ftl_test_get_widget (training_pane, "runs-dropdown")), 1);
  ck_assert_str_eq (ftl_test_get_label_text (training_pane, "status-label"), "Failed");
  ck_assert_str_eq (ftl_test_get_label_text (training_pane, "detail-label"), "Stopped at step 120 of 3000");
  ck_assert (shown (training_pane, "error-label"));
  const char *error = ftl_test_get_label_text (training_pane, "error-label");
  ck_assert_msg (g_str_has_prefix (error, "Interrupted: the app stopped while this job was running."),
                 "%s", error);
  ck_assert (!ftl_training_pane_get_running (training_pane));
  /* The half-saved checkpoint is gone; the student's file is not. */
  ck_assert (!g_file_test (leftover, G_FILE_TEST_EXISTS));
  ck_assert (g_file_test (notes, G_FILE_TEST_EXISTS));

  /* Its checkpoints can be chatted with. */
  g_autoptr(GArray) checkpoints = chat_models_of_kind ("checkpoint");
  ck_assert_uint_eq (checkpoints->len, 2);
  guint whole = g_array_index (checkpoints, guint, 0);
  guint damaged = g_array_index (checkpoints, guint, 1);
  ck_assert_str_eq (ftl_test_chat_model_path (chat_pane, whole), whole_checkpoint);
  ck_assert_str_eq (ftl_test_chat_model_path (chat_pane, damaged), damaged_checkpoint);

  /* The damaged one fails its reply, in the reply's place, and takes the
   * question back; the app goes on. */
  g_autofree char *failed = chat_with (damaged, "Hi!");
  ck_assert_ptr_nonnull (failed);
  ck_assert_msg (strstr (failed, "model.ckpt-step-120.gguf") != NULL, "%s", failed);
  ck_assert (has_error_bubble (GTK_WIDGET (chat_pane), failed));
  ck_assert_uint_eq (ftl_chat_session_get_n_turns (ftl_chat_pane_get_session (chat_pane, FALSE)), 0);

  g_autofree char *chat_error = chat_with (whole, "Hi!");
  ck_assert_msg (chat_error == NULL, "%s", chat_error);
  ck_assert_uint_eq (ftl_chat_session_get_n_turns (ftl_chat_pane_get_session (chat_pane, FALSE)), 2);
}

START_TEST (test_after_a_crash)
{
  plant_interrupted_run ();
  ftl_test_run_app (after_crash_session, &window, &dataset_pane, &training_pane, &chat_pane);
  g_clear_pointer (&whole_checkpoint, g_free);
  g_clear_pointer (&damaged_checkpoint, g_free);
  g_clear_pointer (&leftover, g_free);
  g_clear_pointer (&notes, g_free);
}
END_TEST

/* ---- saves that fail ------------------------------------------------------------------- */

static void
saving_session (void)
{
  GtkTextBuffer *buffer = editor_buffer ();
  GtkTextIter end;
  g_autofree char *typed = NULL;

  g_autofree char *loaded = ftl_test_buffer_text (editor_buffer ());
  ck_assert_str_eq (loaded, lesson_text);
  ck_assert (gtk_text_view_get_editable (GTK_TEXT_VIEW (ftl_test_get_widget (dataset_pane, "jsonl-editor"))));

  /* A folder that can't be written (as root too): the error shows, the
   * text stays in the editor, the file as it was. */
  ck_assert_msg (ftl_test_drop_file_capabilities (), "could not drop CAP_DAC_OVERRIDE");
  ck_assert_int_eq (g_chmod (datasets_dir, 0555), 0);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "{\"messages\": []}\n", -1);
  typed = ftl_test_buffer_text (editor_buffer ());
  FTL_TEST_WAIT_FOR (banner_says (g_strerror (EACCES)), 10);
  ck_assert_msg (banner_says ("“lesson”"), "%s", banner_message ());
  g_autofree char *kept = ftl_test_buffer_text (editor_buffer ());
  ck_assert_str_eq (kept, typed);
  ck_assert (file_has_text (lesson_path, lesson_text));

  /* Quitting then asks; staying keeps everything. */
  AdwMessageDialog *dialog = quit_and_find_dialog ();
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Quit Without Saving?");
  answer (dialog, "_Keep Editing");
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_autofree char *still = ftl_test_buffer_text (editor_buffer ());
  ck_assert_str_eq (still, typed);

  /* Writable again: the next edit saves it all. */
  ck_assert_int_eq (g_chmod (datasets_dir, 0700), 0);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n", -1);
  g_free (typed);
  typed = ftl_test_buffer_text (editor_buffer ());
  FTL_TEST_WAIT_FOR (banner_message () == NULL && file_has_text (lesson_path, typed), 10);

  /* A full disk (files over 16 KiB can't be written): the same. */
  ftl_test_limit_file_size (16 * 1024);
  g_autofree char *before_full = g_strdup (typed);
  g_autofree char *longer = g_strconcat (lesson_text, lesson_text, lesson_text, NULL);
  gtk_text_buffer_set_text (buffer, longer, -1);
  FTL_TEST_WAIT_FOR (banner_says (g_strerror (EFBIG)), 10);
  g_autofree char *kept_full = ftl_test_buffer_text (editor_buffer ());
  ck_assert_str_eq (kept_full, longer);
  ck_assert (file_has_text (lesson_path, before_full));
  ftl_test_limit_file_size (G_MAXUINT64);

  /* Quitting right after typing (before the editor's own save) saves it,
   * without asking: nothing is lost. */
  gpointer alive = window;
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_text_buffer_set_text (buffer, lesson_text, -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "{\"last\": \"words\"}\n", -1);
  g_autofree char *last = ftl_test_buffer_text (editor_buffer ());
  g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()), "quit", NULL);
  FTL_TEST_WAIT_FOR (alive == NULL, 10);
  ck_assert (file_has_text (lesson_path, last));
}

START_TEST (test_failing_saves)
{
  ftl_test_run_app (saving_session, &window, &dataset_pane, &training_pane, &chat_pane);
}
END_TEST

static Suite *
wrong_moments_suite (void)
{
  Suite *suite = suite_create ("wrong-moments");
  TCase *tc = tcase_create ("window");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_while_training);
  tcase_add_test (tc, test_after_a_crash);
  tcase_add_test (tc, test_failing_saves);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return ftl_test_run_suite (wrong_moments_suite (), CK_FORK_GETENV);
}
