/* ftl-window.c — the lesson window. Each column holds one step of the
 * lesson; the window remembers its size. */
#include "ftl-window.h"

#include <glib/gi18n.h>

#include "ftl-chat-pane.h"
#include "ftl-data.h"
#include "ftl-export.h"
#include "ftl-dataset-pane.h"
#include "ftl-model-file.h"
#include "ftl-runtime.h"
#include "ftl-training-pane.h"
#include "ftl-trainer.h"

struct _FtlWindow
{
  AdwApplicationWindow parent_instance;

  GSettings           *settings;

  AdwToastOverlay     *toast_overlay;
  GtkBox              *data_column;
  GtkBox              *training_column;
  GtkBox              *chat_column;

  FtlDatasetRepository *repository;
  FtlDatasetPane      *dataset_pane;
  FtlModel            *base_model;   /* for its tokenizer and context length */
  FtlTokenizer        *base_tokenizer;

  FtlTrainingPane     *training_pane;

  FtlChatPane         *chat_pane;
  GListStore          *chat_models;  /* FtlChatModelItem: the base model, then each job's */
  char                *jobs_dir;

  /* Closing while a job trains or edits are unsaved: what was confirmed. */
  AdwMessageDialog    *close_dialog;
  gboolean             stop_confirmed;
  gboolean             discard_confirmed;
  gboolean             closing;      /* the job was cancelled; close once it ends */
  gboolean             notified;     /* a "job-finished" notification is shown */

  /* FTL_FRAME_STATS: frame times while a job runs, in µs */
  gboolean             frame_stats;
  gint64               last_frame_time;
  gint64               longest_gap;
  gint64               total_gaps;
  guint                n_frames;
};

G_DEFINE_FINAL_TYPE (FtlWindow, ftl_window, ADW_TYPE_APPLICATION_WINDOW)

FtlWindow *
ftl_window_new (FtlApplication *application)
{
  FtlWindow *self = g_object_new (FTL_TYPE_WINDOW, "application", application, NULL);

  /* --lock-hyperparameters: locked for this session, whatever the key says. */
  if (application != NULL && ftl_application_get_hyperparameters_locked (application))
    {
      g_settings_unbind (self->training_pane, "hyperparameters-locked");
      ftl_training_pane_set_hyperparameters_locked (self->training_pane, TRUE);
    }
  return self;
}

static void
ftl_window_dispose (GObject *object)
{
  FtlWindow *self = FTL_WINDOW (object);

  /* The pane borrows the tokenizer: take it back before freeing it. */
  if (self->dataset_pane != NULL)
    ftl_dataset_pane_set_tokenizer (self->dataset_pane, NULL, 0);
  g_clear_pointer (&self->base_tokenizer, ftl_tokenizer_free);
  g_clear_pointer (&self->base_model, ftl_model_free);
  g_clear_object (&self->repository);
  g_clear_object (&self->settings);
  g_clear_object (&self->chat_models);
  g_clear_pointer (&self->jobs_dir, g_free);
  g_clear_weak_pointer (&self->close_dialog);
  G_OBJECT_CLASS (ftl_window_parent_class)->dispose (object);
}

/* The position of the picker's model at path, or G_MAXUINT. */
static guint
find_chat_model (FtlWindow  *self,
                 const char *path)
{
  GListModel *models = G_LIST_MODEL (self->chat_models);

  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(FtlChatModelItem) item = g_list_model_get_item (models, i);

      if (g_strcmp0 (ftl_chat_model_item_get_path (item), path) == 0)
        return i;
    }
  return G_MAXUINT;
}

/* Adds a job's model and its checkpoints to the chat's picker, each once: a
 * running job's checkpoints come one at a time, and when the job succeeds
 * its last one, listed already, becomes the tuned model. */
static void
add_job_models (FtlWindow    *self,
                const FtlJob *job)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_local (job->created_at);
  /* Students name runs with the suffix; without one, when it ran says which. */
  /* Translators: when a training run started, see g_date_time_format(). */
  g_autofree char *when = g_date_time_format (created, _("%e %b, %H:%M"));
  const char *label = job->hyperparameters.suffix != NULL ? job->hyperparameters.suffix : g_strstrip (when);

  if (job->status == FTL_JOB_SUCCEEDED && job->fine_tuned_model_path != NULL)
    {
      /* The row's caption says "Fine-tuned"; the name is the run's. */
      g_autoptr(FtlChatModelItem) item = ftl_chat_model_item_new (label, job->fine_tuned_model_path, "tuned");
      guint listed = find_chat_model (self, job->fine_tuned_model_path);

      if (listed != G_MAXUINT)
        g_list_store_splice (self->chat_models, listed, 1, (gpointer *) &item, 1);
      else
        g_list_store_append (self->chat_models, item);
    }
  for (guint i = 0; i < job->checkpoints->len; i++)
    {
      const FtlJobCheckpoint *c = g_ptr_array_index (job->checkpoints, i);
      g_autofree char *name = NULL;
      g_autoptr(FtlChatModelItem) item = NULL;

      /* The last checkpoint of a finished job is the tuned model itself. */
      if (g_strcmp0 (c->path, job->fine_tuned_model_path) == 0 ||
          find_chat_model (self, c->path) != G_MAXUINT)
        continue;
      name = g_strdup_printf (_("%s · step %d"), label, c->step);
      item = ftl_chat_model_item_new (name, c->path, "checkpoint");
      g_list_store_append (self->chat_models, item);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The base model, then every job kept under jobs_dir, oldest first. */
static void
load_chat_models (FtlWindow *self)
{
  g_autofree char *base = ftl_data_find_base_model ();
  g_autoptr(FtlChatModelItem) base_item = ftl_chat_model_item_new (_("Base model"), base, "base");
  g_autoptr(GDir) dir = g_dir_open (self->jobs_dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_list_store_remove_all (self->chat_models);
  g_list_store_append (self->chat_models, base_item);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  /* Job folders are named by their start time, so names sort by age. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *record = g_build_filename (self->jobs_dir, g_ptr_array_index (names, i),
                                                  "model.job.json", NULL);
      g_autoptr(FtlJob) job = ftl_job_load (record, NULL);

      if (job != NULL)
        add_job_models (self, job);
    }
}

static void
on_applied_file_changed (FtlWindow *self)
{
  FtlDatasetFile *file = ftl_dataset_pane_get_applied_file (self->dataset_pane);
  g_autofree char *path = NULL;

  if (file != NULL)
    g_object_get (file, "path", &path, NULL);
  g_settings_set_string (self->settings, "applied-dataset", path != NULL ? path : "");
}

/* 1 · Training data: the repository of files, the applied one restored. */
static void
setup_dataset_pane (FtlWindow *self)
{
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "finetune-lab", "datasets", NULL);
  g_autofree char *builtin_dir = ftl_data_find ("datasets");
  g_autofree char *base_path = ftl_data_find_base_model ();
  g_autofree char *applied = g_settings_get_string (self->settings, "applied-dataset");
  g_autoptr(GError) error = NULL;

  self->repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  self->dataset_pane = FTL_DATASET_PANE (ftl_dataset_pane_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->dataset_pane), TRUE);
  ftl_dataset_pane_set_repository (self->dataset_pane, self->repository);

  /* Token statistics count as the base model reads. */
  self->base_model = ftl_model_file_load (base_path, &self->base_tokenizer, NULL, &error);
  if (self->base_model != NULL)
    ftl_dataset_pane_set_tokenizer (self->dataset_pane, self->base_tokenizer,
                                    ftl_model_get_config (self->base_model)->context_length);
  else
    g_warning ("The base model could not be loaded: %s", error->message);

  if (applied[0] == '\0' || !ftl_dataset_pane_apply_path (self->dataset_pane, applied))
    {
      /* First start: the lesson's own example. */
      g_autofree char *lesson = g_build_filename (builtin_dir, "new-york-woman.jsonl", NULL);

      ftl_dataset_pane_apply_path (self->dataset_pane, lesson);
    }
  /* Billed tokens follow the epochs chosen in step 2 (0 = auto). */
  g_settings_bind (self->settings, "n-epochs", self->dataset_pane, "n-epochs", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->dataset_pane, "notify::applied-file",
                           G_CALLBACK (on_applied_file_changed), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->data_column, GTK_WIDGET (self->dataset_pane));
}

static gboolean
file_to_path (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  FtlDatasetFile *file = g_value_get_object (from);
  g_autofree char *path = NULL;

  if (file != NULL)
    g_object_get (file, "path", &path, NULL);
  g_value_set_string (to, path);
  return TRUE;
}

/* FTL_FRAME_STATS=1 is a benchmark of the promise that training never
 * stalls the UI: ticking on every frame keeps the frame clock running, so
 * the gap between two frame times is how long the main loop was busy. */
static gboolean
frame_stats_tick (GtkWidget     *widget,
                  GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  FtlWindow *self = FTL_WINDOW (widget);
  gint64 frame_time = gdk_frame_clock_get_frame_time (frame_clock);

  if (!ftl_training_pane_get_running (self->training_pane))
    {
      self->last_frame_time = 0;
      return G_SOURCE_CONTINUE;
    }
  if (self->last_frame_time != 0)
    {
      gint64 gap = frame_time - self->last_frame_time;

      self->longest_gap = MAX (self->longest_gap, gap);
      self->total_gaps += gap;
    }
  self->last_frame_time = frame_time;
  self->n_frames++;
  return G_SOURCE_CONTINUE;
}

static void
report_frame_stats (FtlWindow *self)
{
  guint n_gaps = self->n_frames > 1 ? self->n_frames - 1 : 1;

  g_print ("frame stats: %u frames while training, longest gap %.1f ms, mean %.1f ms\n",
           self->n_frames, self->longest_gap / 1000.0, self->total_gaps / 1000.0 / n_gaps);
  self->last_frame_time = 0;
  self->longest_gap = 0;
  self->total_gaps = 0;
  self->n_frames = 0;
}

gboolean
ftl_window_job_needs_notification (const FtlJob *record,
                                   gboolean      window_active)
{
  g_return_val_if_fail (record != NULL, FALSE);

  /* In front, the window's toast says it; a short job ends while the student
   * still watches it. */
  return !window_active &&
         ftl_job_status_is_final (record->status) &&
         record->finished_at - record->created_at >= FTL_WINDOW_NOTIFY_AFTER_SECONDS;
}

static void
notify_job_finished (FtlWindow    *self,
                     const FtlJob *record,
                     const char   *title)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GNotification) notification = NULL;

  /* A job cancelled by quitting ends as the student asked: nothing to tell. */
  if (app == NULL || self->closing ||
      !ftl_window_job_needs_notification (record, gtk_window_is_active (GTK_WINDOW (self))))
    return;

  notification = g_notification_new (title);
  if (record->status == FTL_JOB_FAILED && record->error_message != NULL)
    g_notification_set_body (notification, ftl_job_get_error_display_message (record));
  /* No default action: clicking it activates the application, which
   * presents this window. One id, so a later job's replaces it. */
  g_application_send_notification (app, "job-finished", notification);
  self->notified = TRUE;
}

/* Back at the window, the notification has served its purpose. */
static void
on_is_active_changed (FtlWindow *self)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (!self->notified || app == NULL || !gtk_window_is_active (GTK_WINDOW (self)))
    return;
  g_application_withdraw_notification (app, "job-finished");
  self->notified = FALSE;
}

static gboolean
close_when_idle (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_job_finished (FtlWindow    *self,
                 const FtlJob *record)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (self->frame_stats)
    report_frame_stats (self);
  add_job_models (self, record);
  if (record->status == FTL_JOB_SUCCEEDED)
    {
      /* The lesson goes on in step 3 with the model just made. */
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->chat_models)); i++)
        {
          g_autoptr(FtlChatModelItem) item = g_list_model_get_item (G_LIST_MODEL (self->chat_models), i);

          if (g_strcmp0 (ftl_chat_model_item_get_path (item), record->fine_tuned_model_path) == 0)
            ftl_chat_pane_select_model (self->chat_pane, i);
        }
    }
  if (record->status == FTL_JOB_SUCCEEDED)
    message = g_strdup (_("Fine-tuning finished: chat with your model in step 3"));
  else if (record->status == FTL_JOB_FAILED)
    message = g_strdup (_("Fine-tuning failed"));
  else
    message = g_strdup (_("Fine-tuning cancelled"));
  toast = adw_toast_new (message);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  notify_job_finished (self, record, message);

  /* Quitting was confirmed and the job cancelled: it has ended now. From
   * the main loop, not from within the pane's signal. */
  if (self->closing)
    {
      self->closing = FALSE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle, g_object_ref (self), g_object_unref);
    }
}

/* Each checkpoint can be chatted with as soon as it is saved; the record on
 * disk lists it by then (see ftl-training-job.h), so it is read from there. */
static void
on_checkpoint_saved (FtlWindow  *self,
                     const char *record_path)
{
  g_autoptr(FtlJob) record = ftl_job_load (record_path, NULL);

  if (record != NULL)
    add_job_models (self, record);
}

/* 2 · Hyperparameters: follows the applied file of step 1. */
static void
setup_training_pane (FtlWindow *self)
{
  g_autofree char *base_path = ftl_data_find_base_model ();

  self->training_pane = FTL_TRAINING_PANE (ftl_training_pane_new (self->settings));
  gtk_widget_set_vexpand (GTK_WIDGET (self->training_pane), TRUE);
  ftl_training_pane_set_base_model_path (self->training_pane, base_path);
  ftl_training_pane_set_jobs_dir (self->training_pane, self->jobs_dir);
  ftl_training_pane_set_validation_files (self->training_pane,
                                          ftl_dataset_repository_get_files (self->repository));
  g_object_bind_property_full (self->dataset_pane, "applied-file", self->training_pane, "training-file",
                               G_BINDING_SYNC_CREATE, file_to_path, NULL, NULL, NULL);
  g_object_bind_property (self->dataset_pane, "valid", self->training_pane, "dataset-valid", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->dataset_pane, "problem", self->training_pane, "dataset-problem", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->dataset_pane, "n-examples", self->training_pane, "n-examples", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->training_pane, "job-finished", G_CALLBACK (on_job_finished), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->training_pane, "checkpoint-saved", G_CALLBACK (on_checkpoint_saved),
                           self, G_CONNECT_SWAPPED);
  /* The instructor's lock, as the class's settings have it. */
  g_settings_bind (self->settings, "hyperparameters-locked", self->training_pane, "hyperparameters-locked",
                   G_SETTINGS_BIND_GET);
  ftl_training_pane_reload_jobs (self->training_pane);
  gtk_box_append (self->training_column, GTK_WIDGET (self->training_pane));
}

/* Window actions forward to the panes' own, so the application's
 * accelerators work wherever the focus is. */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FtlWindow *self = FTL_WINDOW (widget);
  static const struct { const char *window; const char *pane; } map[] = {
    { "win.start", "training.start" },
    { "win.cancel", "training.cancel" },
    { "win.select-data", "dataset.select" },
    { "win.new-file", "dataset.new-file" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (action_name, map[i].window))
      {
        GtkWidget *pane = g_str_has_prefix (map[i].pane, "training.") ? GTK_WIDGET (self->training_pane)
                                                                       : GTK_WIDGET (self->dataset_pane);

        gtk_widget_activate_action (pane, map[i].pane, NULL);
      }
}

/* Alt+1, Alt+2, Alt+3: into the lesson's step, from the keyboard. */
static void
focus_step_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FtlWindow *self = FTL_WINDOW (widget);

  switch (g_variant_get_int32 (parameter))
    {
    case 1:
      gtk_widget_child_focus (GTK_WIDGET (self->dataset_pane), GTK_DIR_TAB_FORWARD);
      break;
    case 2:
      gtk_widget_child_focus (GTK_WIDGET (self->training_pane), GTK_DIR_TAB_FORWARD);
      break;
    case 3:
      ftl_chat_pane_focus_prompt (self->chat_pane);
      break;
    default:
      break;
    }
}

static void
show_toast (FtlWindow  *self,
            const char *message)
{
  /* Toast titles are Pango markup; file names may hold '&' or '<'. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

guint
ftl_window_import_files (FtlWindow    *self,
                         GFile *const *files,
                         guint         n_files)
{
  g_autoptr(FtlDatasetFile) last = NULL;
  guint n_imported = 0;

  g_return_val_if_fail (FTL_IS_WINDOW (self), 0);
  g_return_val_if_fail (files != NULL || n_files == 0, 0);

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *basename = g_file_get_basename (files[i]);
      g_autofree char *display = g_filename_display_name (basename);
      g_autofree char *folded = g_utf8_strdown (display, -1);
      g_autoptr(FtlDatasetFile) file = NULL;
      g_autoptr(GError) error = NULL;

      /* A photo or a PDF dropped by mistake must not become a training file. */
      if (!g_str_has_suffix (folded, ".jsonl"))
        {
          /* Translators: %s is the name of a file dropped on the window. */
          g_autofree char *text = g_strdup_printf (_("“%s” is not a JSONL training file: only .jsonl files can be imported"),
                                                   display);
          show_toast (self, text);
          continue;
        }
      /* The repository never overwrites: a taken name gets " 2", " 3", … */
      file = ftl_dataset_repository_import (self->repository, files[i], &error);
      if (file == NULL)
        {
          show_toast (self, error->message);
          continue;
        }
      n_imported++;
      g_set_object (&last, file);
    }

  if (n_imported == 1)
    {
      /* One file dropped: the student means to train on it.
       * Translators: %s is the name the imported file got. */
      g_autofree char *text = g_strdup_printf (_("Imported as “%s”"), ftl_dataset_file_get_name (last));

      ftl_dataset_pane_apply_file (self->dataset_pane, last);
      show_toast (self, text);
    }
  else if (n_imported > 1)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Imported %u file", "Imported %u files", n_imported),
                                               n_imported);

      show_toast (self, text);
    }
  return n_imported;
}

static gboolean
on_drop (FtlWindow     *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  g_autoptr(GSList) list = gdk_file_list_get_files (g_value_get_boxed (value));
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  return ftl_window_import_files (self, (GFile **) files->pdata, files->len) > 0;
}

/* ---- closing ---------------------------------------------------------------------- */

static void
close_response_cb (FtlWindow  *self,
                   const char *response)
{
  /* The dialog is closing: the next close may ask again. */
  g_clear_weak_pointer (&self->close_dialog);
  if (g_str_equal (response, "discard"))
    self->discard_confirmed = TRUE;
  else if (g_str_equal (response, "stop"))
    self->stop_confirmed = TRUE;
  else
    {
      /* Staying: the next close asks again. */
      self->discard_confirmed = FALSE;
      self->stop_confirmed = FALSE;
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
ask_before_closing (FtlWindow  *self,
                    const char *heading,
                    const char *body,
                    const char *stay_label,
                    const char *response,
                    const char *response_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_add_responses (dialog, "stay", stay_label, response, response_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "stay");
  adw_message_dialog_set_close_response (dialog, "stay");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->close_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Closing, or quitting, loses nothing unasked: the editor's last edits are
 * saved first; edits that can't be saved and a job still training are
 * confirmed; a confirmed stop cancels the job, which saves its record as
 * cancelled, and the window closes once it has ended. */
static gboolean
ftl_window_close_request (GtkWindow *window)
{
  FtlWindow *self = FTL_WINDOW (window);

  if (self->closing)
    return TRUE;
  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return TRUE;
    }
  if (!ftl_dataset_pane_flush (self->dataset_pane) && !self->discard_confirmed)
    {
      ask_before_closing (self, _("Quit Without Saving?"),
                          _("The latest edits of the training file could not be saved: step 1 "
                            "says why. Quitting now loses them."),
                          _("_Keep Editing"), "discard", _("_Quit Without Saving"));
      return TRUE;
    }
  if (ftl_training_pane_get_running (self->training_pane))
    {
      if (!self->stop_confirmed)
        {
          ask_before_closing (self, _("Stop Fine-Tuning?"),
                              _("A fine-tuning run is still training. Quitting cancels it; the "
                                "checkpoints it has saved are kept."),
                              _("_Keep Training"), "stop", _("_Stop and Quit"));
          return TRUE;
        }
      self->closing = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self->training_pane), "training.cancel", NULL);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (ftl_window_parent_class)->close_request (window);
}

/* The menu's "Export Report…": the pane's action for the run it shows, or
 * why there is nothing to export yet. */
static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FtlWindow *self = FTL_WINDOW (widget);

  if (!ftl_training_pane_export_report (self->training_pane))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("There is no finished run to report on: "
                                                  "pick one under Training Run in step 2")));
}

/* The menu's "Export Model…": the model picked in step 3. */
static void
export_model_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FtlWindow *self = FTL_WINDOW (widget);
  FtlChatSession *session = ftl_chat_pane_get_session (self->chat_pane, FALSE);
  const char *path;
  guint position;
  g_autoptr(FtlChatModelItem) item = NULL;

  if (session == NULL)
    {
      show_toast (self, _("Pick the model to export in step 3"));
      return;
    }
  /* Named as the picker shows it: a run's suffix says more than model.gguf. */
  path = ftl_chat_session_get_model_path (session);
  position = find_chat_model (self, path);
  if (position != G_MAXUINT)
    item = g_list_model_get_item (G_LIST_MODEL (self->chat_models), position);
  ftl_export_model (GTK_WIDGET (self->chat_pane), path,
                    item != NULL ? ftl_chat_model_item_get_name (item) : ftl_chat_session_get_model_name (session));
}

/* The menu's "Export for OpenAI…": the applied training file with the
 * hyperparameters of step 2, as the pane keeps them in GSettings. */
static void
export_openai_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FtlWindow *self = FTL_WINDOW (widget);
  const char *training_file = ftl_training_pane_get_training_file (self->training_pane);
  g_autofree char *suffix = g_settings_get_string (self->settings, "suffix");
  FtlHyperparams hp;

  /* The file as the editor shows it, and only one OpenAI would accept. */
  if (training_file == NULL || !ftl_dataset_pane_flush (self->dataset_pane) ||
      !ftl_dataset_pane_get_valid (self->dataset_pane))
    {
      show_toast (self, _("Apply a training file without problems in step 1 first"));
      return;
    }
  ftl_hyperparams_init (&hp);
  hp.n_epochs = g_settings_get_int (self->settings, "n-epochs");
  hp.batch_size = g_settings_get_int (self->settings, "batch-size");
  hp.learning_rate_multiplier = g_settings_get_double (self->settings, "learning-rate-multiplier");
  hp.seed = g_settings_get_int64 (self->settings, "seed");
  hp.suffix = suffix[0] != '\0' ? suffix : NULL;
  ftl_export_openai (GTK_WIDGET (self->training_pane), training_file, NULL, &hp);
}

/* The "threads" key: 0 means one per core. */
static void
apply_threads (GSettings  *settings,
               const char *key,
               gpointer    user_data)
{
  ftl_runtime_set_threads (g_settings_get_int (settings, "threads"));
}

static void
ftl_window_class_init (FtlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ftl_window_dispose;
  window_class->close_request = ftl_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/finetunelab/FineTuneLab/ui/ftl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FtlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FtlWindow, data_column);
  gtk_widget_class_bind_template_child (widget_class, FtlWindow, training_column);
  gtk_widget_class_bind_template_child (widget_class, FtlWindow, chat_column);

  gtk_widget_class_install_action (widget_class, "win.start", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.select-data", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.new-file", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.focus-step", "i", focus_step_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "win.export-model", NULL, export_model_action);
  gtk_widget_class_install_action (widget_class, "win.export-openai", NULL, export_openai_action);
}

static void
ftl_window_init (FtlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The size is remembered; the maximized state too, so a projector setup
   * comes back as it was. */
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect (self->settings, "changed::threads", G_CALLBACK (apply_threads), NULL);
  apply_threads (self->settings, "threads", NULL);

  self->jobs_dir = g_build_filename (g_get_user_data_dir (), "finetune-lab", "jobs", NULL);

  setup_dataset_pane (self);
  setup_training_pane (self);

  /* 3 · Chat */
  self->chat_models = g_list_store_new (FTL_TYPE_CHAT_MODEL_ITEM);
  load_chat_models (self);
  self->chat_pane = FTL_CHAT_PANE (ftl_chat_pane_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->chat_pane), TRUE);
  ftl_chat_pane_set_models (self->chat_pane, G_LIST_MODEL (self->chat_models));
  g_settings_bind (self->settings, "temperature", self->chat_pane, "temperature", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "top-p", self->chat_pane, "top-p", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "max-tokens", self->chat_pane, "max-tokens", G_SETTINGS_BIND_DEFAULT);
  gtk_box_append (self->chat_column, GTK_WIDGET (self->chat_pane));

  self->frame_stats = g_getenv ("FTL_FRAME_STATS") != NULL;
  if (self->frame_stats)
    gtk_widget_add_tick_callback (GTK_WIDGET (self), frame_stats_tick, NULL, NULL);

  /* Training files dropped anywhere are imported; in the capture phase, so a
   * file dropped on the JSONL editor is imported rather than pasted as text. */
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop), GTK_PHASE_CAPTURE);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed), NULL);
}
