/* ftl-training-pane.c — step 2 of the lesson: hyperparameters, Start /
 * Cancel and the run.
 *
 * The current settings live in one FtlHyperparams (auto as
 * FTL_HYPERPARAM_AUTO, a random seed as −1); the rows are a view of it or,
 * while an earlier run is picked, of that run's record. Code that fills the
 * rows sets `syncing`, so only a student's edits change the settings.
 *
 * The Runs dropdown holds one FtlTrainingRun per run: the first stands for
 * the current settings and the last run started here (live, through its
 * FtlTrainingJob), the others for the records found in jobs-dir.
 */
#include "ftl-training-pane.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ftl-hyperparams.h"
#include "ftl-loss-plot.h"
#include "ftl-metric-point.h"
#include "ftl-presets.h"
#include "ftl-report-export.h"
#include "ftl-trainer.h"
#include "ftl-training-job.h"
#include "ftl-step-view.h"
#include "ftl-weights-view.h"

#define JOB_RECORD_NAME "model.job.json"

/* ---- one run of the Runs dropdown ---------------------------------------------------- */

#define FTL_TYPE_TRAINING_RUN (ftl_training_run_get_type ())
G_DECLARE_FINAL_TYPE (FtlTrainingRun, ftl_training_run, FTL, TRAINING_RUN, GObject)

struct _FtlTrainingRun
{
  GObject  parent_instance;
  char    *label;
  FtlJob  *record;       /* an earlier run's; NULL for the current one */
  char    *record_path;
};

G_DEFINE_FINAL_TYPE (FtlTrainingRun, ftl_training_run, G_TYPE_OBJECT)

enum {
  RUN_PROP_0,
  RUN_PROP_LABEL,
  N_RUN_PROPS
};

static GParamSpec *run_properties[N_RUN_PROPS];

static void
ftl_training_run_finalize (GObject *object)
{
  FtlTrainingRun *self = FTL_TRAINING_RUN (object);

  g_free (self->label);
  g_clear_pointer (&self->record, ftl_job_free);
  g_free (self->record_path);
  G_OBJECT_CLASS (ftl_training_run_parent_class)->finalize (object);
}

static void
ftl_training_run_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FtlTrainingRun *self = FTL_TRAINING_RUN (object);

  switch (prop_id)
    {
    case RUN_PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_training_run_class_init (FtlTrainingRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ftl_training_run_finalize;
  object_class->get_property = ftl_training_run_get_property;

  run_properties[RUN_PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_RUN_PROPS, run_properties);
}

static void
ftl_training_run_init (FtlTrainingRun *self)
{
}

static void
ftl_training_run_set_label (FtlTrainingRun *self,
                            const char     *label)
{
  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), run_properties[RUN_PROP_LABEL]);
}

/* ---- the pane ------------------------------------------------------------------------- */

struct _FtlTrainingPane
{
  GtkWidget       parent_instance;

  GSettings      *settings;
  char           *training_file;
  gboolean        dataset_valid;
  char           *dataset_problem;
  guint           n_examples;
  char           *base_model_path;
  char           *jobs_dir;

  FtlHyperparams  values;            /* the current settings */
  char           *validation_path;   /* the current choice, or NULL */
  GListModel     *validation_files;
  GtkStringList  *validation_names;  /* "None", then each file's name */
  GPtrArray      *validation_paths;  /* the path of each name after "None" */

  FtlTrainingJob *job;               /* the last run started here */
  GDateTime      *job_started;
  char           *job_suffix;
  char           *job_training_file;  /* what the last run loaded when it started */
  gboolean        cancelling;
  char           *start_error;       /* why the last Start made no run */

  GListStore     *runs;              /* FtlTrainingRun; the first is current_run */
  FtlTrainingRun *current_run;
  FtlTrainingRun *shown_past;        /* the earlier run picked, or NULL */

  gboolean        syncing;
  gboolean        events_follow;     /* the events list is scrolled to its end */
  guint           events_scroll_tick;

  GtkWidget      *scroller;
  GtkWidget      *run_box;
  guint           reveal_run_tick;
  gboolean        keep_run_in_view;   /* since Start, until the student scrolls */
  double          revealed_at;        /* the scroll position reveal_run() set */
  GtkRevealer    *past_revealer;
  GtkLabel       *past_label;
  AdwActionRow   *batch_row;
  GtkSpinButton  *batch_spin;
  GtkSwitch      *batch_auto;
  AdwActionRow   *lrm_row;
  GtkSpinButton  *lrm_spin;
  GtkSwitch      *lrm_auto;
  AdwActionRow   *epochs_row;
  GtkSpinButton  *epochs_spin;
  GtkSwitch      *epochs_auto;
  AdwExpanderRow *more_row;
  AdwActionRow   *seed_row;
  GtkSpinButton  *seed_spin;
  GtkSwitch      *seed_random;
  AdwEntryRow    *suffix_row;
  AdwComboRow    *validation_row;
  GtkStack       *action_stack;
  GtkWidget      *hint_box;
  GtkImage       *hint_icon;
  GtkLabel       *hint_label;
  GtkDropDown    *runs_dropdown;
  GtkLabel       *status_label;
  GtkLabel       *detail_label;
  GtkLabel       *model_label;
  GtkProgressBar *progress_bar;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  FtlLossPlot    *plot;
  FtlWeightsView *weights_view;
  FtlStepView    *step_view;
  GtkWidget      *events_expander;
  GtkScrolledWindow *events_scroller;
  GtkListBox     *events_list;

  /* The instructor's presets and lock, and the run report. */
  gboolean        hyperparameters_locked;
  char           *preset_note;       /* what the last preset sets up, until an edit */
  GtkWidget      *lock_box;
  GtkWidget      *presets_button;
};

G_DEFINE_FINAL_TYPE (FtlTrainingPane, ftl_training_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TRAINING_FILE,
  PROP_DATASET_VALID,
  PROP_DATASET_PROBLEM,
  PROP_N_EXAMPLES,
  PROP_BASE_MODEL_PATH,
  PROP_JOBS_DIR,
  PROP_SETTINGS,
  PROP_RUNNING,
  PROP_HYPERPARAMETERS_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  JOB_FINISHED,
  CHECKPOINT_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- words ---------------------------------------------------------------------------- */

static const char *
status_display_name (FtlJobStatus status)
{
  switch (status)
    {
    case FTL_JOB_VALIDATING_FILES:
      return C_("job status", "Validating files");
    case FTL_JOB_QUEUED:
      return C_("job status", "Queued");
    case FTL_JOB_RUNNING:
      return C_("job status", "Running");
    case FTL_JOB_SUCCEEDED:
      return C_("job status", "Succeeded");
    case FTL_JOB_FAILED:
      return C_("job status", "Failed");
    case FTL_JOB_CANCELLED:
      return C_("job status", "Cancelled");
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
format_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  /* xgettext:no-c-format */
  /* Translators: when a training run started, see g_date_time_format(). */
  return local != NULL ? g_date_time_format (local, _("%-d %b, %H:%M")) : g_strdup ("?");
}

/* "25 Nov, 23:40 · Succeeded · pirate": the date first, as it tells runs
 * apart even without a suffix, and the long model name last, where it may be
 * cut short. */
static char *
run_label (gint64      created_at,
           const char *status,
           const char *name)
{
  g_autofree char *date = format_date (created_at);

  if (name == NULL || *name == '\0')
    return g_strdup_printf ("%s · %s", date, status);
  return g_strdup_printf ("%s · %s · %s", date, status, name);
}

static char *
past_run_label (const FtlJob *record)
{
  const char *suffix = record->hyperparameters.suffix;
  /* A run that is not over but was not started by this pane was cut short. */
  const char *status = ftl_job_status_is_final (record->status)
                         ? status_display_name (record->status) : C_("job status", "Interrupted");

  return run_label (record->created_at, status,
                    suffix != NULL ? suffix : record->fine_tuned_model);
}

/* "4 s", "3 min", "1 h 5 min" */
static char *
format_duration (double seconds)
{
  int s = (int) ceil (seconds);

  if (s < 60)
    return g_strdup_printf (_("%d s"), s);
  if (s < 3600)
    return g_strdup_printf (_("%d min"), (s + 30) / 60);
  return g_strdup_printf (_("%d h %d min"), s / 3600, (s % 3600 + 30) / 60);
}

/* ---- the hyperparameter rows ---------------------------------------------------------- */

/* An earlier run's settings are history; a running one's are what it runs
 * with, so they stay put until it ends. */
static gboolean
rows_editable (FtlTrainingPane *self)
{
  return self->shown_past == NULL && !ftl_training_pane_get_running (self);
}

/* Locked by the instructor, the hyperparameters are what the class uses;
 * the model's name and the validation file stay the student's. */
static gboolean
hyperparameters_editable (FtlTrainingPane *self)
{
  return rows_editable (self) && !self->hyperparameters_locked;
}

static gboolean
suffix_is_valid (const char *suffix)
{
  FtlHyperparams hp;

  ftl_hyperparams_init (&hp);
  hp.suffix = (char *) suffix;
  return ftl_hyperparams_validate (&hp, NULL);
}

/* What the current settings resolve to for the applied file (the seed aside). */
static FtlHyperparams
resolved_values (FtlTrainingPane *self)
{
  FtlHyperparams hp = self->values;

  hp.suffix = NULL;
  hp.seed = 0;
  ftl_hyperparams_resolve (&hp, self->n_examples);
  return hp;
}

/* The Validation file row's position for path: "None" (0) when it is no
 * choice. */
static guint
validation_position (FtlTrainingPane *self,
                     const char      *path)
{
  for (guint i = 0; path != NULL && i < self->validation_paths->len; i++)
    if (g_str_equal (g_ptr_array_index (self->validation_paths, i), path))
      return i + 1;
  return 0;
}

/* Without a file, auto has nothing to resolve from: its spin button shows a
 * dash rather than a number that would mean nothing. */
static gboolean
spin_output_cb (GtkSpinButton   *spin,
                FtlTrainingPane *self)
{
  GtkSwitch *automatic = spin == self->batch_spin ? self->batch_auto
                         : spin == self->lrm_spin ? self->lrm_auto
                         : self->epochs_auto;

  if (self->shown_past != NULL || self->n_examples > 0 || !gtk_switch_get_active (automatic))
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (spin), "—");
  return TRUE;
}

static void
sync_numeric_row (FtlTrainingPane *self,
                  AdwActionRow    *row,
                  GtkSpinButton   *spin,
                  GtkSwitch       *automatic,
                  gboolean         is_auto,
                  double           value,
                  const char      *subtitle)
{
  gboolean editable = hyperparameters_editable (self);

  gtk_switch_set_active (automatic, is_auto);
  gtk_spin_button_set_value (spin, value);
  gtk_widget_set_sensitive (GTK_WIDGET (spin), !is_auto && editable);
  gtk_widget_set_sensitive (GTK_WIDGET (automatic), editable);
  adw_action_row_set_subtitle (row, subtitle);
}

static void
sync_current_rows (FtlTrainingPane *self)
{
  const FtlHyperparams *v = &self->values;
  FtlHyperparams r = resolved_values (self);
  guint n = self->n_examples;
  g_autofree char *batch = NULL;
  g_autofree char *lrm = NULL;
  g_autofree char *epochs = NULL;

  if (v->batch_size != FTL_HYPERPARAM_AUTO)
    batch = g_strdup (_("Examples per training step"));
  else if (n == 0)
    batch = g_strdup (_("Auto: chosen from the size of the training file"));
  else
    batch = g_strdup_printf (ngettext ("Auto: %d for %u example", "Auto: %d for %u examples", n),
                             r.batch_size, n);

  if (v->learning_rate_multiplier != FTL_HYPERPARAM_AUTO)
    lrm = g_strdup (_("Times the base model’s own learning rate"));
  else if (n == 0 && v->batch_size == FTL_HYPERPARAM_AUTO)
    lrm = g_strdup (_("Auto: chosen from the batch size"));
  else
    lrm = g_strdup_printf (_("Auto: %.2f for a batch size of %d"),
                           r.learning_rate_multiplier, r.batch_size);

  if (v->n_epochs != FTL_HYPERPARAM_AUTO)
    epochs = g_strdup (_("Passes over the training file"));
  else if (n == 0)
    epochs = g_strdup (_("Auto: chosen from the size of the training file"));
  else
    epochs = g_strdup_printf (ngettext ("Auto: %d for %u example", "Auto: %d for %u examples", n),
                              r.n_epochs, n);

  sync_numeric_row (self, self->batch_row, self->batch_spin, self->batch_auto,
                    v->batch_size == FTL_HYPERPARAM_AUTO, r.batch_size, batch);
  sync_numeric_row (self, self->lrm_row, self->lrm_spin, self->lrm_auto,
                    v->learning_rate_multiplier == FTL_HYPERPARAM_AUTO,
                    r.learning_rate_multiplier, lrm);
  sync_numeric_row (self, self->epochs_row, self->epochs_spin, self->epochs_auto,
                    v->n_epochs == FTL_HYPERPARAM_AUTO, r.n_epochs, epochs);

  /* A random seed keeps the last number in its spin button, so switching
   * Random off starts from there. */
  gtk_switch_set_active (self->seed_random, v->seed < 0);
  if (v->seed >= 0)
    gtk_spin_button_set_value (self->seed_spin, (double) v->seed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->seed_spin), v->seed >= 0 && hyperparameters_editable (self));
  adw_action_row_set_subtitle (self->seed_row, v->seed < 0 ? _("A new seed for every run")
                                                           : _("The same seed repeats a run exactly"));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->suffix_row)),
                 v->suffix != NULL ? v->suffix : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->suffix_row), v->suffix != NULL ? v->suffix : "");

  adw_combo_row_set_selected (self->validation_row,
                              validation_position (self, self->validation_path));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->validation_row), NULL);
}

/* An earlier run: what its values resolved to, and whether they were auto. */
static void
sync_past_rows (FtlTrainingPane *self,
                const FtlJob    *record)
{
  const FtlHyperparams *asked = &record->hyperparameters;
  const FtlHyperparams *used = &record->resolved;
  const char *by_auto = _("Chosen by Auto");
  const char *by_hand = _("Set by hand");

  sync_numeric_row (self, self->batch_row, self->batch_spin, self->batch_auto,
                    asked->batch_size == FTL_HYPERPARAM_AUTO, used->batch_size,
                    asked->batch_size == FTL_HYPERPARAM_AUTO ? by_auto : by_hand);
  sync_numeric_row (self, self->lrm_row, self->lrm_spin, self->lrm_auto,
                    asked->learning_rate_multiplier == FTL_HYPERPARAM_AUTO,
                    used->learning_rate_multiplier,
                    asked->learning_rate_multiplier == FTL_HYPERPARAM_AUTO ? by_auto : by_hand);
  sync_numeric_row (self, self->epochs_row, self->epochs_spin, self->epochs_auto,
                    asked->n_epochs == FTL_HYPERPARAM_AUTO, used->n_epochs,
                    asked->n_epochs == FTL_HYPERPARAM_AUTO ? by_auto : by_hand);

  gtk_switch_set_active (self->seed_random, asked->seed < 0);
  gtk_spin_button_set_value (self->seed_spin, (double) MAX (used->seed, 0));
  gtk_widget_set_sensitive (GTK_WIDGET (self->seed_spin), FALSE);
  adw_action_row_set_subtitle (self->seed_row, asked->seed < 0 ? _("Picked at random for this run")
                                                               : by_hand);

  gtk_editable_set_text (GTK_EDITABLE (self->suffix_row),
                         asked->suffix != NULL ? asked->suffix : "");

  /* The file may be gone or renamed: the subtitle names it anyway. */
  adw_combo_row_set_selected (self->validation_row,
                              validation_position (self, record->validation_file));
  g_autofree char *validation = record->validation_file != NULL
                                  ? g_path_get_basename (record->validation_file) : NULL;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->validation_row),
                               validation != NULL ? validation : _("None"));
}

static void
sync_rows (FtlTrainingPane *self)
{
  gboolean past = self->shown_past != NULL;
  gboolean editable = rows_editable (self);

  self->syncing = TRUE;
  if (past)
    sync_past_rows (self, self->shown_past->record);
  else
    sync_current_rows (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->seed_random), hyperparameters_editable (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->suffix_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->validation_row), editable);
  /* A bad suffix is marked where it is typed. */
  if (!past && self->values.suffix != NULL && !suffix_is_valid (self->values.suffix))
    gtk_widget_add_css_class (GTK_WIDGET (self->suffix_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->suffix_row), "error");
  self->syncing = FALSE;
}

/* ---- what Start can do ------------------------------------------------------------------ */

/* NULL when a run can start now; else why not, in a sentence. */
static char *
start_blocker (FtlTrainingPane *self)
{
  g_autoptr(GError) error = NULL;

  if (self->shown_past != NULL)
    return g_strdup (_("This is an earlier run. Go back to the current settings to start a new one."));
  if (self->training_file == NULL)
    return g_strdup (_("Apply a training file in step 1 first."));
  if (!self->dataset_valid)
    return g_strdup (self->dataset_problem != NULL
                       ? self->dataset_problem
                       : _("The training file has problems. Fix them in step 1 first."));
  if (self->base_model_path == NULL)
    return g_strdup (_("There is no base model to fine-tune."));
  if (self->jobs_dir == NULL)
    return g_strdup (_("There is no folder to keep training runs in."));
  if (self->values.suffix != NULL && !suffix_is_valid (self->values.suffix))
    return g_strdup (_("The model name suffix can only have letters, digits, “-” and “_”, "
                       "at most 64 of them."));
  if (!ftl_hyperparams_validate (&self->values, &error))
    return g_strdup (error->message);
  return NULL;
}

/* "pirate.jsonl" → "pirate", as step 1 names files. */
static char *
file_display_name (const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (g_str_has_suffix (name, ".jsonl"))
    name[strlen (name) - strlen (".jsonl")] = '\0';
  return g_steal_pointer (&name);
}

/* While a run trains, step 1 may apply another file, or delete the run's:
 * the run goes on with the examples it loaded when it started. NULL while
 * the applied file is still the run's. */
static char *
running_file_note (FtlTrainingPane *self)
{
  g_autofree char *run_name = NULL;
  g_autofree char *next_name = NULL;

  if (self->job_training_file == NULL || g_strcmp0 (self->training_file, self->job_training_file) == 0)
    return NULL;
  run_name = file_display_name (self->job_training_file);
  if (self->training_file == NULL)
    return g_strdup_printf (_("This run goes on with the examples it loaded from “%s” when it "
                              "started."), run_name);
  next_name = file_display_name (self->training_file);
  /* Translators: two training file names. */
  return g_strdup_printf (_("This run goes on with the examples it loaded from “%s”. “%s” is "
                            "for the next run."), run_name, next_name);
}

static char *current_record_path (FtlTrainingPane *self);

/* The run shown, if it is over and its record is on disk: an earlier run,
 * or the last one once it ended. Sets *record_path. */
static const FtlJob *
shown_final_record (FtlTrainingPane  *self,
                    char            **record_path)
{
  const FtlJob *record = NULL;
  g_autofree char *path = NULL;

  if (self->shown_past != NULL)
    {
      record = self->shown_past->record;
      path = g_strdup (self->shown_past->record_path);
    }
  else if (self->job != NULL && !ftl_training_job_get_running (self->job))
    {
      record = ftl_training_job_get_record (self->job);
      path = current_record_path (self);
    }
  if (record == NULL || !ftl_job_status_is_final (record->status) ||
      path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  *record_path = g_steal_pointer (&path);
  return record;
}

static void
update_actions (FtlTrainingPane *self)
{
  gboolean running = ftl_training_pane_get_running (self);
  g_autofree char *blocker = running ? NULL : start_blocker (self);
  g_autofree char *note = running ? running_file_note (self) : NULL;
  const char *problem = blocker != NULL ? blocker : self->start_error;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.start", !running && blocker == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.cancel", running && !self->cancelling);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.show-current", self->shown_past != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.preset", hyperparameters_editable (self));
  gtk_widget_set_sensitive (self->presets_button, hyperparameters_editable (self));
  gtk_widget_set_visible (self->lock_box, self->hyperparameters_locked && self->shown_past == NULL);
  g_autofree char *report_record = NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.export-report",
                                 shown_final_record (self, &report_record) != NULL);
  gtk_stack_set_visible_child_name (self->action_stack, running ? "cancel" : "start");

  /* Why Start is off, or what it will do: steps are what the student waits
   * for. An earlier run has its own banner. */
  gtk_widget_set_visible (self->hint_box, self->shown_past == NULL && (!running || note != NULL));
  if (note != NULL)
    {
      gtk_label_set_text (self->hint_label, note);
      gtk_image_set_from_icon_name (self->hint_icon, "dialog-information-symbolic");
      gtk_widget_remove_css_class (self->hint_box, "warning");
      gtk_widget_add_css_class (self->hint_box, "dim-label");
    }
  else if (!running && problem != NULL)
    {
      gtk_label_set_text (self->hint_label, problem);
      gtk_image_set_from_icon_name (self->hint_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (self->hint_box, "warning");
      gtk_widget_remove_css_class (self->hint_box, "dim-label");
    }
  else if (!running)
    {
      /* The steps of the run, as the trainer counts them. */
      FtlHyperparams r = resolved_values (self);
      int steps = r.n_epochs * (int) ((self->n_examples + r.batch_size - 1) / r.batch_size);
      g_autofree char *hint = g_strdup_printf (ngettext ("This run takes %d training step.",
                                                         "This run takes %d training steps.",
                                                         steps), steps);

      /* A preset says what it sets up, until the next edit. */
      if (self->preset_note != NULL)
        {
          char *both = g_strconcat (hint, "\n", self->preset_note, NULL);

          g_free (hint);
          hint = both;
        }

      gtk_label_set_text (self->hint_label, hint);
      gtk_image_set_from_icon_name (self->hint_icon, "dialog-information-symbolic");
      gtk_widget_remove_css_class (self->hint_box, "warning");
      gtk_widget_add_css_class (self->hint_box, "dim-label");
    }
}

/* ---- the run's status, plot and events ----------------------------------------------------- */

static GtkWidget *
event_row_new (FtlEventLevel level,
               gint64        created_at,
               const char   *message)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (created_at);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *time = local != NULL ? g_date_time_format (local, "%H:%M:%S") : g_strdup ("");
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *time_label = gtk_label_new (time);
  GtkWidget *message_label = gtk_label_new (message);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_valign (time_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (time_label, "dim-label");
  gtk_widget_add_css_class (time_label, "numeric");
  gtk_widget_add_css_class (time_label, "caption");
  gtk_label_set_xalign (GTK_LABEL (message_label), 0);
  gtk_label_set_wrap (GTK_LABEL (message_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (message_label), TRUE);
  gtk_widget_set_hexpand (message_label, TRUE);
  gtk_widget_add_css_class (message_label, "caption");
  if (level == FTL_EVENT_ERROR)
    gtk_widget_add_css_class (message_label, "error");
  else if (level == FTL_EVENT_WARN)
    gtk_widget_add_css_class (message_label, "warning");
  gtk_box_append (GTK_BOX (box), time_label);
  gtk_box_append (GTK_BOX (box), message_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkWidget *
create_event_row (gpointer item,
                  gpointer user_data)
{
  FtlJobEventItem *event = item;

  return event_row_new (ftl_job_event_item_get_level (event),
                        ftl_job_event_item_get_created_at (event),
                        ftl_job_event_item_get_message (event));
}

static void
show_events (FtlTrainingPane *self,
             GListModel      *live,
             const FtlJob    *record)
{
  GtkWidget *child;

  /* Unbound, every row (bound or added by hand) can go. */
  gtk_list_box_bind_model (self->events_list, NULL, NULL, NULL, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->events_list))) != NULL)
    gtk_list_box_remove (self->events_list, child);

  self->events_follow = TRUE;
  if (live != NULL)
    gtk_list_box_bind_model (self->events_list, live, create_event_row, NULL, NULL);
  for (guint i = 0; record != NULL && i < record->events->len; i++)
    {
      const FtlJobEvent *e = g_ptr_array_index (record->events, i);

      gtk_list_box_append (self->events_list,
                           event_row_new (e->level, e->created_at, e->display_message));
    }
}

static gboolean
scroll_events_to_end (GtkWidget     *scroller,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  FtlTrainingPane *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->events_scroller);

  self->events_scroll_tick = 0;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                        - gtk_adjustment_get_page_size (adjustment));
  return G_SOURCE_REMOVE;
}

/* Newest at the bottom, in view unless the student scrolled up to read. The
 * list grows during a layout, where a new scroll position would wait for
 * the frame after; so it moves at the start of the next frame. */
static void
events_adjustment_changed_cb (GtkAdjustment   *adjustment,
                              FtlTrainingPane *self)
{
  if (self->events_follow && self->events_scroll_tick == 0)
    self->events_scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->events_scroller),
                                                             scroll_events_to_end, self, NULL);
}

static void
events_value_changed_cb (GtkAdjustment   *adjustment,
                         FtlTrainingPane *self)
{
  self->events_follow = gtk_adjustment_get_value (adjustment)
                          >= gtk_adjustment_get_upper (adjustment)
                             - gtk_adjustment_get_page_size (adjustment) - 1;
}

/* At 1280×720 the run's plot starts below the fold: a started run scrolls
 * it into view (its hyperparameters are locked meanwhile), and keeps it there
 * as the run's section grows (status, progress, the model's name) until the
 * student scrolls. Each move waits for the frame after the layout. */
static gboolean
reveal_run (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  FtlTrainingPane *self = FTL_TRAINING_PANE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_point_t top;

  self->reveal_run_tick = 0;
  if (gtk_widget_compute_point (self->run_box, self->scroller, &GRAPHENE_POINT_INIT (0, 0), &top))
    {
      double value = CLAMP (gtk_adjustment_get_value (adjustment) + top.y, 0,
                            gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));

      self->revealed_at = value;
      gtk_adjustment_set_value (adjustment, value);
    }
  return G_SOURCE_REMOVE;
}

static void
schedule_reveal_run (FtlTrainingPane *self)
{
  if (self->keep_run_in_view && self->reveal_run_tick == 0)
    self->reveal_run_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_run, NULL, NULL);
}

static void
scroller_value_changed_cb (GtkAdjustment   *adjustment,
                           FtlTrainingPane *self)
{
  if (self->reveal_run_tick == 0 && !G_APPROX_VALUE (gtk_adjustment_get_value (adjustment), self->revealed_at, 0.5))
    self->keep_run_in_view = FALSE;
}

static void
set_status_pill (FtlTrainingPane *self,
                 const char      *status)
{
  static const char *const all[] = {
    "validating_files", "queued", "running", "succeeded", "failed", "cancelled",
  };
  FtlJobStatus value;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autofree char *css = g_strconcat ("ftl-status-", all[i], NULL);

      if (g_strcmp0 (status, all[i]) == 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->status_label), css);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), css);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
  if (status == NULL || !ftl_job_status_from_string (status, &value))
    return;
  gtk_label_set_text (self->status_label, status_display_name (value));
  /* OpenAI's own word, for those who read its API. */
  g_autofree char *tooltip = g_strdup_printf (_("Status “%s”"), status);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), tooltip);
}

/* A run that ended before its first step has no progress to show. */
static void
set_progress (FtlTrainingPane *self,
              int              step,
              int              total_steps,
              gboolean         over)
{
  g_autofree char *text = total_steps > 0 ? g_strdup_printf (_("Step %d of %d"), step, total_steps)
                                          : g_strdup (_("Preparing…"));

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), !over || total_steps > 0);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 total_steps > 0 ? (double) step / total_steps : 0.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
set_detail (FtlTrainingPane *self,
            const char      *detail)
{
  gtk_label_set_text (self->detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);
}

static void
set_model_name (FtlTrainingPane *self,
                const char      *name)
{
  gtk_label_set_text (self->model_label, name != NULL ? name : "");
  gtk_widget_set_visible (GTK_WIDGET (self->model_label), name != NULL);
}

static void
set_error (FtlTrainingPane *self,
           const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

/* The line under the status of a run that is over. */
static char *
final_detail (FtlJobStatus  status,
              int           step,
              int           total_steps)
{
  switch (status)
    {
    case FTL_JOB_SUCCEEDED:
      return g_strdup (_("Your model is ready: chat with it in step 3"));
    case FTL_JOB_CANCELLED:
      if (step == 0)
        return g_strdup (_("Cancelled before the first step"));
      return g_strdup_printf (_("Cancelled at step %d of %d"), step, total_steps);
    case FTL_JOB_FAILED:
      if (step == 0)
        return g_strdup (_("Stopped before the first step"));
      return g_strdup_printf (_("Stopped at step %d of %d"), step, total_steps);
    default:
      return NULL;
    }
}

static char *
live_detail (FtlTrainingPane *self)
{
  FtlTrainingJob *job = self->job;
  FtlJobStatus status;
  int step = ftl_training_job_get_step (job);
  int total_steps = ftl_training_job_get_total_steps (job);

  if (!ftl_job_status_from_string (ftl_training_job_get_status (job), &status))
    return NULL;
  if (ftl_job_status_is_final (status) && !ftl_training_job_get_running (job))
    return final_detail (status, step, total_steps);
  if (self->cancelling)
    return g_strdup (_("Cancelling…"));
  if (status == FTL_JOB_VALIDATING_FILES)
    return g_strdup (_("Checking the training file…"));
  /* Step mode (the Step view) holds the run between two steps. */
  if (ftl_training_job_get_paused (job))
    return g_strdup_printf (_("Paused before step %d"), step + 1);
  if (step == 0)
    return g_strdup (_("Loading the base model…"));

  /* "Epoch 1 of 3 · 850 tokens/s · about 4 s left" */
  GString *line = g_string_new (NULL);
  double tokens_per_second = ftl_training_job_get_tokens_per_second (job);
  double eta = ftl_training_job_get_eta_seconds (job);

  g_string_append_printf (line, _("Epoch %d of %d"), ftl_training_job_get_epoch (job),
                          ftl_training_job_get_total_epochs (job));
  if (isfinite (tokens_per_second) && tokens_per_second > 0)
    {
      g_string_append (line, " · ");
      g_string_append_printf (line, _("%'.0f tokens/s"), tokens_per_second);
    }
  if (isfinite (eta) && eta >= 0)
    {
      g_autofree char *duration = format_duration (eta);

      g_string_append (line, " · ");
      g_string_append_printf (line, _("about %s left"), duration);
    }
  return g_string_free (line, FALSE);
}

static void
show_live_status (FtlTrainingPane *self)
{
  FtlTrainingJob *job = self->job;
  g_autofree char *detail = live_detail (self);

  set_status_pill (self, ftl_training_job_get_status (job));
  set_progress (self, ftl_training_job_get_step (job), ftl_training_job_get_total_steps (job),
                !ftl_training_job_get_running (job));
  set_detail (self, detail);
  set_model_name (self, ftl_training_job_get_fine_tuned_model (job));
  set_error (self, ftl_training_job_get_error_message (job));
}

static void
show_past_status (FtlTrainingPane *self,
                  const FtlJob    *record)
{
  const FtlTrainMetrics *last = record->metrics->len > 0
    ? &g_array_index (record->metrics, FtlTrainMetrics, record->metrics->len - 1) : NULL;
  int step = last != NULL ? last->step : 0;
  int total_steps = last != NULL ? last->total_steps : 0;
  g_autofree char *detail = final_detail (record->status, step, total_steps);

  set_status_pill (self, ftl_job_status_to_string (record->status));
  set_progress (self, step, total_steps, TRUE);
  set_detail (self, detail);
  set_model_name (self, record->status == FTL_JOB_SUCCEEDED ? record->fine_tuned_model : NULL);
  if (g_strcmp0 (record->error_code, FTL_JOB_ERROR_INTERRUPTED) == 0)
    set_error (self, _("Interrupted: the app stopped while this job was running. The checkpoints "
                       "it finished are kept: chat with them in step 3."));
  else
    set_error (self, record->status == FTL_JOB_FAILED ? ftl_job_get_error_display_message (record)
                                                      : NULL);
}

/* Points of a saved run, for the plot. */
static GListModel *
record_metrics (const FtlJob *record)
{
  GListStore *store = g_list_store_new (FTL_TYPE_METRIC_POINT);
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < record->metrics->len; i++)
    g_ptr_array_add (points, ftl_metric_point_new (&g_array_index (record->metrics,
                                                                   FtlTrainMetrics, i)));
  g_list_store_splice (store, 0, 0, points->pdata, points->len);
  return G_LIST_MODEL (store);
}

/* Everything below Start: the picked run's status, plot and events. */
static void
show_run (FtlTrainingPane *self)
{
  gtk_widget_set_visible (self->events_expander, self->shown_past != NULL || self->job != NULL);
  if (self->shown_past != NULL)
    {
      const FtlJob *record = self->shown_past->record;
      g_autoptr(GListModel) metrics = record_metrics (record);

      show_past_status (self, record);
      ftl_loss_plot_set_model (self->plot, metrics);
      show_events (self, NULL, record);
    }
  else if (self->job != NULL)
    {
      show_live_status (self);
      ftl_loss_plot_set_model (self->plot, ftl_training_job_get_metrics (self->job));
      show_events (self, ftl_training_job_get_events (self->job), NULL);
    }
  else
    {
      set_status_pill (self, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
      set_detail (self, NULL);
      set_model_name (self, NULL);
      set_error (self, NULL);
      ftl_loss_plot_set_model (self->plot, NULL);
      show_events (self, NULL, NULL);
    }
  /* Only a live run has a model to look inside. */
  ftl_weights_view_set_job (self->weights_view, self->shown_past == NULL ? self->job : NULL);
  ftl_step_view_set_job (self->step_view, self->shown_past == NULL ? self->job : NULL);
}

/* ---- the Runs dropdown ------------------------------------------------------------------- */

static void
update_current_run_label (FtlTrainingPane *self)
{
  g_autofree char *label = NULL;

  if (self->job == NULL)
    {
      ftl_training_run_set_label (self->current_run, _("Next run"));
      return;
    }

  FtlJobStatus status;
  const char *name = self->job_suffix != NULL ? self->job_suffix
                                              : ftl_training_job_get_fine_tuned_model (self->job);

  if (!ftl_job_status_from_string (ftl_training_job_get_status (self->job), &status))
    return;
  label = run_label (g_date_time_to_unix (self->job_started), status_display_name (status), name);
  ftl_training_run_set_label (self->current_run, label);
}

static void
update_runs_visible (FtlTrainingPane *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->runs_dropdown),
                          self->job != NULL
                            || g_list_model_get_n_items (G_LIST_MODEL (self->runs)) > 1);
}

static void
update_past_banner (FtlTrainingPane *self)
{
  if (self->shown_past != NULL)
    {
      const FtlJob *record = self->shown_past->record;
      g_autofree char *date = format_date (record->created_at);
      g_autofree char *file = record->training_file != NULL
                                ? g_path_get_basename (record->training_file) : g_strdup ("?");
      /* Translators: a date, then a file name. */
      g_autofree char *text = g_strdup_printf (_("Started %s on “%s”. Its settings are shown "
                                                 "read-only."), date, file);

      gtk_label_set_text (self->past_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->past_revealer), TRUE);
    }
  gtk_revealer_set_reveal_child (self->past_revealer, self->shown_past != NULL);
}

/* Hidden once slid away, so the box has no gap for it. */
static void
past_revealed_cb (FtlTrainingPane *self)
{
  if (!gtk_revealer_get_child_revealed (self->past_revealer) &&
      !gtk_revealer_get_reveal_child (self->past_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->past_revealer), FALSE);
}

static void
runs_selected_cb (FtlTrainingPane *self)
{
  guint selected = gtk_drop_down_get_selected (self->runs_dropdown);
  g_autoptr(FtlTrainingRun) run = selected != GTK_INVALID_LIST_POSITION
    ? g_list_model_get_item (G_LIST_MODEL (self->runs), selected) : NULL;

  FtlTrainingRun *past = run != NULL && run->record != NULL ? run : NULL;

  g_set_object (&self->shown_past, past);
  sync_rows (self);
  show_run (self);
  update_past_banner (self);
  update_actions (self);
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const FtlTrainingRun *x = *(FtlTrainingRun * const *) a;
  const FtlTrainingRun *y = *(FtlTrainingRun * const *) b;

  if (x->record->created_at != y->record->created_at)
    return x->record->created_at > y->record->created_at ? -1 : 1;
  /* Started in the same second: the one that ended later is the newer. */
  if (x->record->finished_at != y->record->finished_at)
    return x->record->finished_at > y->record->finished_at ? -1 : 1;
  /* Run folders are named by start time, "…-2" for a second start within it. */
  g_autofree char *x_dir = g_path_get_dirname (x->record_path);
  g_autofree char *y_dir = g_path_get_dirname (y->record_path);
  return -g_strcmp0 (x_dir, y_dir);
}

static char *
current_record_path (FtlTrainingPane *self)
{
  return self->job != NULL ? ftl_fine_tune_job_path (ftl_training_job_get_output_path (self->job))
                           : NULL;
}

void
ftl_training_pane_reload_jobs (FtlTrainingPane *self)
{
  g_return_if_fail (FTL_IS_TRAINING_PANE (self));

  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = self->jobs_dir != NULL ? g_dir_open (self->jobs_dir, 0, NULL) : NULL;
  g_autofree char *current = current_record_path (self);
  g_autofree char *shown = self->shown_past != NULL ? g_strdup (self->shown_past->record_path)
                                                    : NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->jobs_dir, name, JOB_RECORD_NAME, NULL);
      FtlJob *record;
      FtlTrainingRun *run;

      /* The run of this pane is the first item, live. */
      if (g_strcmp0 (path, current) == 0 || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      /* A record that can't be read is left out; the folder stays for the
       * student to look at. One whose app stopped while it ran reads as
       * failed, not as running forever, and the half-saved copies its end
       * may have left (up to a model's size each) go. */
      if ((record = ftl_job_load_settled (path, NULL)) == NULL)
        continue;
      if (g_strcmp0 (record->error_code, FTL_JOB_ERROR_INTERRUPTED) == 0)
        ftl_job_remove_leftovers (path);
      run = g_object_new (FTL_TYPE_TRAINING_RUN, NULL);
      run->record = record;
      run->record_path = g_steal_pointer (&path);
      run->label = past_run_label (record);
      g_ptr_array_add (found, run);
    }
  g_ptr_array_sort (found, compare_runs);

  guint select = 0;
  for (guint i = 0; shown != NULL && i < found->len; i++)
    if (g_str_equal (((FtlTrainingRun *) g_ptr_array_index (found, i))->record_path, shown))
      select = i + 1;

  g_list_store_splice (self->runs, 1, g_list_model_get_n_items (G_LIST_MODEL (self->runs)) - 1,
                       found->pdata, found->len);
  gtk_drop_down_set_selected (self->runs_dropdown, select);
  /* The same position may now hold another run: no notify then. */
  runs_selected_cb (self);
  update_runs_visible (self);
}

/* ---- running a job ------------------------------------------------------------------------- */

static void
job_notify_cb (FtlTrainingJob  *job,
               GParamSpec      *pspec,
               FtlTrainingPane *self)
{
  if (g_str_equal (pspec->name, "running"))
    {
      sync_rows (self);
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
    }
  update_current_run_label (self);
  if (self->shown_past == NULL)
    show_live_status (self);
}

static void
job_checkpoint_saved_cb (FtlTrainingJob  *job,
                         const char      *path,
                         FtlTrainingPane *self)
{
  g_autofree char *record_path = current_record_path (self);

  g_signal_emit (self, signals[CHECKPOINT_SAVED], 0, record_path);
}

static void
job_finished_cb (FtlTrainingJob  *job,
                 FtlTrainingPane *self)
{
  self->cancelling = FALSE;
  update_actions (self);
  update_current_run_label (self);
  if (self->shown_past == NULL)
    show_live_status (self);
  g_signal_emit (self, signals[JOB_FINISHED], 0, ftl_training_job_get_record (job));
}

/* jobs-dir/<YYYYmmdd-HHMMSS>, made 0700 (a run may hold private data); a
 * second start in the same second gets "-2" and so on. */
static char *
make_run_dir (const char  *jobs_dir,
              GDateTime   *now,
              GError     **error)
{
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  if (g_mkdir_with_parents (jobs_dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), jobs_dir, g_strerror (saved));
      return NULL;
    }
  for (int i = 1; i < 100; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup (stamp) : g_strdup_printf ("%s-%d", stamp, i);
      g_autofree char *path = g_build_filename (jobs_dir, name, NULL);

      if (g_mkdir (path, 0700) == 0)
        return g_steal_pointer (&path);
      if (errno != EEXIST)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not create the folder “%s”: %s"), path, g_strerror (saved));
          return NULL;
        }
    }
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
               _("Too many runs started at %s"), stamp);
  return NULL;
}

static void
drop_job (FtlTrainingPane *self)
{
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  g_clear_pointer (&self->job_started, g_date_time_unref);
  g_clear_pointer (&self->job_suffix, g_free);
  g_clear_pointer (&self->job_training_file, g_free);
  self->cancelling = FALSE;
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FtlTrainingPane *self = FTL_TRAINING_PANE (widget);
  g_autofree char *blocker = start_blocker (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *run_dir = NULL;
  g_autofree char *output = NULL;
  const char *validation = self->validation_path;

  if (blocker != NULL || ftl_training_pane_get_running (self))
    return;

  g_clear_pointer (&self->start_error, g_free);
  if ((run_dir = make_run_dir (self->jobs_dir, now, &error)) == NULL)
    {
      /* Said under the button that failed. */
      self->start_error = g_strdup (error->message);
      update_actions (self);
      return;
    }
  output = g_build_filename (run_dir, "model.gguf", NULL);

  /* The run before this one is an earlier run now, read back from its record. */
  drop_job (self);
  /* A validation file that is the training file measures nothing new. */
  if (g_strcmp0 (validation, self->training_file) == 0)
    validation = NULL;
  self->job = ftl_training_job_new (self->base_model_path, self->training_file, validation,
                                    &self->values, output);
  self->job_started = g_steal_pointer (&now);
  self->job_suffix = g_strdup (self->values.suffix);
  self->job_training_file = g_strdup (self->training_file);
  g_signal_connect (self->job, "notify", G_CALLBACK (job_notify_cb), self);
  g_signal_connect (self->job, "finished", G_CALLBACK (job_finished_cb), self);
  g_signal_connect (self->job, "checkpoint-saved", G_CALLBACK (job_checkpoint_saved_cb), self);

  /* Notifies "running", which locks the rows and swaps Start for Cancel. */
  ftl_training_job_start (self->job);
  self->keep_run_in_view = TRUE;
  schedule_reveal_run (self);
  update_current_run_label (self);
  /* The run before is listed among the earlier ones now. */
  ftl_training_pane_reload_jobs (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FtlTrainingPane *self = FTL_TRAINING_PANE (widget);

  if (!ftl_training_pane_get_running (self) || self->cancelling)
    return;
  /* The job ends as cancelled at its next step; until then it says so. */
  self->cancelling = TRUE;
  ftl_training_job_cancel (self->job);
  update_actions (self);
  if (self->shown_past == NULL)
    show_live_status (self);
}

static void
show_current_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FtlTrainingPane *self = FTL_TRAINING_PANE (widget);

  gtk_drop_down_set_selected (self->runs_dropdown, 0);
}

/* ---- the student's edits --------------------------------------------------------------------- */

static gboolean
editing_current (FtlTrainingPane *self)
{
  return !self->syncing && self->shown_past == NULL;
}

static void
settings_changed (FtlTrainingPane *self)
{
  sync_rows (self);
  update_actions (self);
}

static void
numeric_changed_cb (FtlTrainingPane *self)
{
  FtlHyperparams *v = &self->values;

  if (!editing_current (self))
    return;
  g_clear_pointer (&self->preset_note, g_free);

  /* Turning Auto off keeps the number it showed; that's where editing starts. */
  v->batch_size = gtk_switch_get_active (self->batch_auto)
                    ? FTL_HYPERPARAM_AUTO : gtk_spin_button_get_value_as_int (self->batch_spin);
  v->learning_rate_multiplier = gtk_switch_get_active (self->lrm_auto)
                                  ? FTL_HYPERPARAM_AUTO : gtk_spin_button_get_value (self->lrm_spin);
  v->n_epochs = gtk_switch_get_active (self->epochs_auto)
                  ? FTL_HYPERPARAM_AUTO : gtk_spin_button_get_value_as_int (self->epochs_spin);
  v->seed = gtk_switch_get_active (self->seed_random)
              ? -1 : (gint64) gtk_spin_button_get_value (self->seed_spin);

  /* Only what changed: each write is a write to disk. */
  if (self->settings != NULL)
    {
      if (g_settings_get_int (self->settings, "batch-size") != v->batch_size)
        g_settings_set_int (self->settings, "batch-size", v->batch_size);
      if (g_settings_get_double (self->settings, "learning-rate-multiplier") != v->learning_rate_multiplier)
        g_settings_set_double (self->settings, "learning-rate-multiplier", v->learning_rate_multiplier);
      if (g_settings_get_int (self->settings, "n-epochs") != v->n_epochs)
        g_settings_set_int (self->settings, "n-epochs", v->n_epochs);
      if (g_settings_get_int64 (self->settings, "seed") != v->seed)
        g_settings_set_int64 (self->settings, "seed", v->seed);
    }
  settings_changed (self);
}

static void
suffix_changed_cb (FtlTrainingPane *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->suffix_row));

  if (!editing_current (self))
    return;
  g_free (self->values.suffix);
  self->values.suffix = *text != '\0' ? g_strdup (text) : NULL;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "suffix", text);
  settings_changed (self);
}

static void
validation_selected_cb (FtlTrainingPane *self)
{
  guint selected = adw_combo_row_get_selected (self->validation_row);

  if (!editing_current (self))
    return;
  g_free (self->validation_path);
  self->validation_path = selected >= 1 && selected <= self->validation_paths->len
                            ? g_strdup (g_ptr_array_index (self->validation_paths, selected - 1))
                            : NULL;
}

static void
validation_files_changed_cb (FtlTrainingPane *self)
{
  guint n = self->validation_files != NULL ? g_list_model_get_n_items (self->validation_files) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_set_size (self->validation_paths, 0);
  g_ptr_array_add (names, g_strdup (C_("validation file", "None")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) file = g_list_model_get_item (self->validation_files, i);
      char *name = NULL;
      char *path = NULL;

      g_object_get (file, "name", &name, "path", &path, NULL);
      g_ptr_array_add (names, name);
      g_ptr_array_add (self->validation_paths, path);
    }
  g_ptr_array_add (names, NULL);

  /* A chosen file that is gone is no choice any more. */
  if (validation_position (self, self->validation_path) == 0)
    g_clear_pointer (&self->validation_path, g_free);

  self->syncing = TRUE;
  gtk_string_list_splice (self->validation_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->validation_names)),
                          (const char * const *) names->pdata);
  self->syncing = FALSE;
  sync_rows (self);
}

void
ftl_training_pane_set_validation_files (FtlTrainingPane *self,
                                        GListModel      *files)
{
  g_return_if_fail (FTL_IS_TRAINING_PANE (self));
  g_return_if_fail (files == NULL || G_IS_LIST_MODEL (files));

  if (self->validation_files != NULL)
    g_signal_handlers_disconnect_by_data (self->validation_files, self);
  g_set_object (&self->validation_files, files);
  if (files != NULL)
    g_signal_connect_swapped (files, "items-changed", G_CALLBACK (validation_files_changed_cb), self);
  validation_files_changed_cb (self);
}

/* ---- presets, the lock, the report ------------------------------------------------------- */

/* What each preset sets up, said under Start. */
static char *
preset_note (FtlPreset   preset,
             gboolean    has_validation,
             const char *validation_name)
{
  switch (preset)
    {
    case FTL_PRESET_LESSON_DEFAULT:
      return g_strdup (_("Lesson default: every value on Auto, as in the lesson."));
    case FTL_PRESET_LEARNING_RATE_TOO_HIGH:
      return g_strdup (_("Learning rate too high: a multiplier of 5, a hundred times what Auto picks "
                         "for small batches. Watch the loss shoot up until the job fails and says why."));
    case FTL_PRESET_TOO_MANY_EPOCHS:
      if (has_validation)
        return g_strdup (_("Too many epochs: 10 passes, with a validation file. Watch the validation "
                           "loss turn up while the training loss keeps falling: the plot marks where "
                           "overfitting starts."));
      /* Translators: %s is a file name. */
      return g_strdup_printf (_("Too many epochs: 10 passes. Overfitting shows only against a "
                                "validation file, and there is no “%s”: choose one under More options."),
                              validation_name != NULL ? validation_name : "");
    case FTL_PRESET_TOO_FEW_EPOCHS:
      return g_strdup (_("Too few epochs: one pass at a multiplier of 0.02. The loss is still high "
                         "when the run ends, and the model hardly changes its voice."));
    case FTL_N_PRESETS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* As a student would: Auto off before the number, so each edit stands. */
static void
set_numeric (GtkSpinButton *spin,
             GtkSwitch     *automatic,
             double         value)
{
  gtk_switch_set_active (automatic, value == FTL_HYPERPARAM_AUTO);
  if (value != FTL_HYPERPARAM_AUTO)
    gtk_spin_button_set_value (spin, value);
}

static void
preset_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FtlTrainingPane *self = FTL_TRAINING_PANE (widget);
  FtlHyperparams wanted = self->values;
  g_autofree char *validation_name = NULL;
  guint validation = 0;
  FtlPreset preset;

  if (!hyperparameters_editable (self) ||
      !ftl_preset_from_id (g_variant_get_string (parameter, NULL), &preset))
    return;

  /* Through the rows, so the settings are written as for any edit. */
  ftl_preset_apply (preset, &wanted);
  set_numeric (self->batch_spin, self->batch_auto, wanted.batch_size);
  set_numeric (self->lrm_spin, self->lrm_auto, wanted.learning_rate_multiplier);
  set_numeric (self->epochs_spin, self->epochs_auto, wanted.n_epochs);

  /* The training file's own validation split, if the repository has it. */
  if (ftl_preset_wants_validation (preset) && self->training_file != NULL)
    {
      validation_name = ftl_preset_validation_name (self->training_file);
      for (guint i = 0; i < self->validation_paths->len && validation == 0; i++)
        {
          g_autofree char *name = g_path_get_basename (g_ptr_array_index (self->validation_paths, i));

          if (g_str_equal (name, validation_name))
            validation = i + 1;
        }
    }
  adw_combo_row_set_selected (self->validation_row, validation);

  g_free (self->preset_note);
  self->preset_note = preset_note (preset, validation > 0, validation_name);
  update_actions (self);
}

gboolean
ftl_training_pane_export_report (FtlTrainingPane *self)
{
  g_autofree char *record_path = NULL;
  const FtlJob *record;

  g_return_val_if_fail (FTL_IS_TRAINING_PANE (self), FALSE);

  record = shown_final_record (self, &record_path);
  if (record == NULL || self->base_model_path == NULL)
    return FALSE;
  ftl_report_export (GTK_WIDGET (self), record_path,
                     record->hyperparameters.suffix != NULL ? record->hyperparameters.suffix : record->id,
                     self->plot, self->base_model_path);
  return TRUE;
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ftl_training_pane_export_report (FTL_TRAINING_PANE (widget));
}

void
ftl_training_pane_set_hyperparameters_locked (FtlTrainingPane *self,
                                              gboolean         locked)
{
  g_return_if_fail (FTL_IS_TRAINING_PANE (self));

  locked = !!locked;
  if (self->hyperparameters_locked == locked)
    return;
  self->hyperparameters_locked = locked;
  g_clear_pointer (&self->preset_note, g_free);
  sync_rows (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HYPERPARAMETERS_LOCKED]);
}

gboolean
ftl_training_pane_get_hyperparameters_locked (FtlTrainingPane *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_PANE (self), FALSE);
  return self->hyperparameters_locked;
}

/* ---- GObject ------------------------------------------------------------------------------- */

static void
read_settings (FtlTrainingPane *self)
{
  g_autofree char *suffix = NULL;

  if (self->settings == NULL)
    return;
  self->values.n_epochs = g_settings_get_int (self->settings, "n-epochs");
  self->values.batch_size = g_settings_get_int (self->settings, "batch-size");
  self->values.learning_rate_multiplier = g_settings_get_double (self->settings,
                                                                 "learning-rate-multiplier");
  self->values.seed = g_settings_get_int64 (self->settings, "seed");
  suffix = g_settings_get_string (self->settings, "suffix");
  g_free (self->values.suffix);
  self->values.suffix = *suffix != '\0' ? g_steal_pointer (&suffix) : NULL;
}

static void
ftl_training_pane_constructed (GObject *object)
{
  FtlTrainingPane *self = FTL_TRAINING_PANE (object);

  G_OBJECT_CLASS (ftl_training_pane_parent_class)->constructed (object);

  read_settings (self);
  sync_rows (self);
  show_run (self);
  update_current_run_label (self);
  update_runs_visible (self);
  update_actions (self);
}

static void
ftl_training_pane_dispose (GObject *object)
{
  FtlTrainingPane *self = FTL_TRAINING_PANE (object);

  /* A running job is cancelled and waited for by its last unref. */
  drop_job (self);
  if (self->validation_files != NULL)
    g_signal_handlers_disconnect_by_data (self->validation_files, self);
  g_clear_object (&self->validation_files);

  if (self->events_scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->events_scroller), self->events_scroll_tick);
  if (self->reveal_run_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_run_tick);
  gtk_widget_dispose_template (GTK_WIDGET (self), FTL_TYPE_TRAINING_PANE);

  g_clear_object (&self->shown_past);
  g_clear_object (&self->current_run);
  g_clear_object (&self->runs);
  g_clear_object (&self->validation_names);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ftl_training_pane_parent_class)->dispose (object);
}

static void
ftl_training_pane_finalize (GObject *object)
{
  FtlTrainingPane *self = FTL_TRAINING_PANE (object);

  ftl_hyperparams_clear (&self->values);
  g_free (self->validation_path);
  g_ptr_array_unref (self->validation_paths);
  g_free (self->training_file);
  g_free (self->dataset_problem);
  g_free (self->base_model_path);
  g_free (self->jobs_dir);
  g_free (self->start_error);
  g_free (self->preset_note);

  G_OBJECT_CLASS (ftl_training_pane_parent_class)->finalize (object);
}

static void
ftl_training_pane_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FtlTrainingPane *self = FTL_TRAINING_PANE (object);

  switch (prop_id)
    {
    case PROP_TRAINING_FILE:
      g_value_set_string (value, self->training_file);
      break;
    case PROP_DATASET_VALID:
      g_value_set_boolean (value, self->dataset_valid);
      break;
    case PROP_DATASET_PROBLEM:
      g_value_set_string (value, self->dataset_problem);
      break;
    case PROP_N_EXAMPLES:
      g_value_set_uint (value, self->n_examples);
      break;
    case PROP_BASE_MODEL_PATH:
      g_value_set_string (value, self->base_model_path);
      break;
    case PROP_JOBS_DIR:
      g_value_set_string (value, self->jobs_dir);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, ftl_training_pane_get_running (self));
      break;
    case PROP_HYPERPARAMETERS_LOCKED:
      g_value_set_boolean (value, self->hyperparameters_locked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_training_pane_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FtlTrainingPane *self = FTL_TRAINING_PANE (object);

  switch (prop_id)
    {
    case PROP_TRAINING_FILE:
      ftl_training_pane_set_training_file (self, g_value_get_string (value));
      break;
    case PROP_DATASET_VALID:
      ftl_training_pane_set_dataset_valid (self, g_value_get_boolean (value));
      break;
    case PROP_DATASET_PROBLEM:
      ftl_training_pane_set_dataset_problem (self, g_value_get_string (value));
      break;
    case PROP_N_EXAMPLES:
      ftl_training_pane_set_n_examples (self, g_value_get_uint (value));
      break;
    case PROP_BASE_MODEL_PATH:
      ftl_training_pane_set_base_model_path (self, g_value_get_string (value));
      break;
    case PROP_JOBS_DIR:
      ftl_training_pane_set_jobs_dir (self, g_value_get_string (value));
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_HYPERPARAMETERS_LOCKED:
      ftl_training_pane_set_hyperparameters_locked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_training_pane_class_init (FtlTrainingPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ftl_training_pane_constructed;
  object_class->dispose = ftl_training_pane_dispose;
  object_class->finalize = ftl_training_pane_finalize;
  object_class->get_property = ftl_training_pane_get_property;
  object_class->set_property = ftl_training_pane_set_property;

  properties[PROP_TRAINING_FILE] =
    g_param_spec_string ("training-file", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASET_VALID] =
    g_param_spec_boolean ("dataset-valid", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASET_PROBLEM] =
    g_param_spec_string ("dataset-problem", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_EXAMPLES] =
    g_param_spec_uint ("n-examples", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASE_MODEL_PATH] =
    g_param_spec_string ("base-model-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOBS_DIR] =
    g_param_spec_string ("jobs-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HYPERPARAMETERS_LOCKED] =
    g_param_spec_boolean ("hyperparameters-locked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (const FtlJob *record) */
  signals[JOB_FINISHED] =
    g_signal_new ("job-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  /* (const char *record_path) */
  signals[CHECKPOINT_SAVED] =
    g_signal_new ("checkpoint-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (FTL_TYPE_LOSS_PLOT);
  g_type_ensure (FTL_TYPE_WEIGHTS_VIEW);
  g_type_ensure (FTL_TYPE_STEP_VIEW);
  g_type_ensure (FTL_TYPE_TRAINING_RUN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/finetunelab/FineTuneLab/ui/ftl-training-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, run_box);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, past_revealer);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, past_label);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, batch_row);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, batch_spin);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, batch_auto);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, lrm_row);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, lrm_spin);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, lrm_auto);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, epochs_row);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, epochs_spin);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, epochs_auto);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, more_row);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, seed_row);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, seed_spin);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, seed_random);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, suffix_row);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, validation_row);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, action_stack);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, hint_box);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, hint_icon);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, hint_label);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, runs_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, status_label);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, detail_label);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, model_label);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, error_box);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, error_label);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, plot);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, weights_view);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, step_view);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, events_expander);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, events_scroller);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, events_list);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, lock_box);
  gtk_widget_class_bind_template_child (widget_class, FtlTrainingPane, presets_button);

  gtk_widget_class_install_action (widget_class, "training.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "training.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "training.show-current", NULL, show_current_action);
  gtk_widget_class_install_action (widget_class, "training.preset", "s", preset_action);
  gtk_widget_class_install_action (widget_class, "training.export-report", NULL, export_report_action);
}

static void
ftl_training_pane_init (FtlTrainingPane *self)
{
  ftl_hyperparams_init (&self->values);
  self->validation_paths = g_ptr_array_new_with_free_func (g_free);
  self->events_follow = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Step mode shows the update of the tensor the weights view shows. */
  g_object_bind_property (self->weights_view, "tensor", self->step_view, "tensor", G_BINDING_SYNC_CREATE);

  self->validation_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->validation_names, C_("validation file", "None"));
  adw_combo_row_set_model (self->validation_row, G_LIST_MODEL (self->validation_names));

  self->current_run = g_object_new (FTL_TYPE_TRAINING_RUN, NULL);
  self->runs = g_list_store_new (FTL_TYPE_TRAINING_RUN);
  g_list_store_append (self->runs, self->current_run);
  gtk_drop_down_set_model (self->runs_dropdown, G_LIST_MODEL (self->runs));

  g_signal_connect (self->batch_spin, "output", G_CALLBACK (spin_output_cb), self);
  g_signal_connect (self->lrm_spin, "output", G_CALLBACK (spin_output_cb), self);
  g_signal_connect (self->epochs_spin, "output", G_CALLBACK (spin_output_cb), self);
  GtkSpinButton *spins[] = { self->batch_spin, self->lrm_spin, self->epochs_spin, self->seed_spin };
  GtkSwitch *switches[] = { self->batch_auto, self->lrm_auto, self->epochs_auto, self->seed_random };
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    {
      g_signal_connect_swapped (spins[i], "value-changed", G_CALLBACK (numeric_changed_cb), self);
      g_signal_connect_swapped (switches[i], "notify::active", G_CALLBACK (numeric_changed_cb), self);
    }
  g_signal_connect_swapped (self->suffix_row, "changed", G_CALLBACK (suffix_changed_cb), self);
  g_signal_connect_swapped (self->validation_row, "notify::selected",
                            G_CALLBACK (validation_selected_cb), self);
  g_signal_connect_swapped (self->runs_dropdown, "notify::selected",
                            G_CALLBACK (runs_selected_cb), self);
  g_signal_connect_swapped (self->past_revealer, "notify::child-revealed",
                            G_CALLBACK (past_revealed_cb), self);

  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->events_scroller);
  g_signal_connect (adjustment, "changed", G_CALLBACK (events_adjustment_changed_cb), self);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (events_value_changed_cb), self);

  GtkAdjustment *pane_adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  g_signal_connect_swapped (pane_adjustment, "changed", G_CALLBACK (schedule_reveal_run), self);
  g_signal_connect (pane_adjustment, "value-changed", G_CALLBACK (scroller_value_changed_cb), self);
}

GtkWidget *
ftl_training_pane_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (FTL_TYPE_TRAINING_PANE, "settings", settings, NULL);
}

/* ---- properties ----------------------------------------------------------------------------- */

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
ftl_training_pane_set_training_file (FtlTrainingPane *self,
                                     const char      *path)
{
  g_return_if_fail (FTL_IS_TRAINING_PANE (self));

  if (!replace_string (&self->training_file, path))
    return;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINING_FILE]);
}

const char *
ftl_training_pane_get_training_file (FtlTrainingPane *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_PANE (self), NULL);
  return self->training_file;
}

void
ftl_training_pane_set_dataset_valid (FtlTrainingPane *self,
                                     gboolean         valid)
{
  g_return_if_fail (FTL_IS_TRAINING_PANE (self));

  valid = !!valid;
  if (self->dataset_valid == valid)
    return;
  self->dataset_valid = valid;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET_VALID]);
}

gboolean
ftl_training_pane_get_dataset_valid (FtlTrainingPane *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_PANE (self), FALSE);
  return self->dataset_valid;
}

void
ftl_training_pane_set_dataset_problem (FtlTrainingPane *self,
                                       const char      *problem)
{
  g_return_if_fail (FTL_IS_TRAINING_PANE (self));

  if (!replace_string (&self->dataset_problem, problem))
    return;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET_PROBLEM]);
}

const char *
ftl_training_pane_get_dataset_problem (FtlTrainingPane *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_PANE (self), NULL);
  return self->dataset_problem;
}

void
ftl_training_pane_set_n_examples (FtlTrainingPane *self,
                                  guint            n_examples)
{
  g_return_if_fail (FTL_IS_TRAINING_PANE (self));

  if (self->n_examples == n_examples)
    return;
  self->n_examples = n_examples;
  sync_rows (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EXAMPLES]);
}

guint
ftl_training_pane_get_n_examples (FtlTrainingPane *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_PANE (self), 0);
  return self->n_examples;
}

void
ftl_training_pane_set_base_model_path (FtlTrainingPane *self,
                                       const char      *path)
{
  g_return_if_fail (FTL_IS_TRAINING_PANE (self));

  if (!replace_string (&self->base_model_path, path))
    return;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_MODEL_PATH]);
}

const char *
ftl_training_pane_get_base_model_path (FtlTrainingPane *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_PANE (self), NULL);
  return self->base_model_path;
}

void
ftl_training_pane_set_jobs_dir (FtlTrainingPane *self,
                                const char      *path)
{
  g_return_if_fail (FTL_IS_TRAINING_PANE (self));

  if (!replace_string (&self->jobs_dir, path))
    return;
  ftl_training_pane_reload_jobs (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOBS_DIR]);
}

const char *
ftl_training_pane_get_jobs_dir (FtlTrainingPane *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_PANE (self), NULL);
  return self->jobs_dir;
}

GSettings *
ftl_training_pane_get_settings (FtlTrainingPane *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_PANE (self), NULL);
  return self->settings;
}

gboolean
ftl_training_pane_get_running (FtlTrainingPane *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_PANE (self), FALSE);
  return self->job != NULL && ftl_training_job_get_running (self->job);
}
