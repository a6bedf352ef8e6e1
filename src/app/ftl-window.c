/* ftl-window.c — the lesson window. Each column holds one step of the
 * lesson; the window remembers its size. */
#include "ftl-window.h"

#include <glib/gi18n.h>

#include "ftl-chat-pane.h"
#include "ftl-data.h"
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
  return g_object_new (FTL_TYPE_WINDOW, "application", application, NULL);
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
  G_OBJECT_CLASS (ftl_window_parent_class)->dispose (object);
}

/* Adds a finished job's model and its checkpoints to the chat's picker. */
static void
add_job_models (FtlWindow    *self,
                const FtlJob *job)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_local (job->created_at);
  /* Students name runs with the suffix; without one, when it ran says which. */
  g_autofree char *when = g_date_time_format (created, "%e %b, %H:%M");
  const char *label = job->hyperparameters.suffix != NULL ? job->hyperparameters.suffix : g_strstrip (when);

  if (job->status == FTL_JOB_SUCCEEDED && job->fine_tuned_model_path != NULL)
    {
      /* The row's caption says "Fine-tuned"; the name is the run's. */
      g_autoptr(FtlChatModelItem) item = ftl_chat_model_item_new (label, job->fine_tuned_model_path, "tuned");

      g_list_store_append (self->chat_models, item);
    }
  for (guint i = 0; i < job->checkpoints->len; i++)
    {
      const FtlJobCheckpoint *c = g_ptr_array_index (job->checkpoints, i);
      g_autofree char *name = NULL;
      g_autoptr(FtlChatModelItem) item = NULL;

      /* The last checkpoint of a finished job is the tuned model itself. */
      if (g_strcmp0 (c->path, job->fine_tuned_model_path) == 0)
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
  };

  for (gsize i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (action_name, map[i].window))
      {
        GtkWidget *pane = g_str_has_prefix (map[i].pane, "training.") ? GTK_WIDGET (self->training_pane)
                                                                       : GTK_WIDGET (self->dataset_pane);

        gtk_widget_activate_action (pane, map[i].pane, NULL);
      }
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

  object_class->dispose = ftl_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/finetunelab/FineTuneLab/ui/ftl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FtlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FtlWindow, data_column);
  gtk_widget_class_bind_template_child (widget_class, FtlWindow, training_column);
  gtk_widget_class_bind_template_child (widget_class, FtlWindow, chat_column);

  gtk_widget_class_install_action (widget_class, "win.start", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.select-data", NULL, forward_action);
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
}
