/* ftl-training-job.c — the bridge between the app and the engine's
 * fine-tuning jobs.
 *
 * The engine's trainer is synchronous and reports every event on its own
 * thread. The worker thread copies each event into a queue shared with the
 * main thread (a Channel) and makes sure one idle source is pending on the
 * main context; that idle drains the whole queue at once, so a burst of steps
 * costs one round of notifications and no step is lost. The worker never sees
 * the FtlTrainingJob: it only knows the channel, which the job, the worker and
 * each pending idle hold a reference on. That is what lets the job be dropped
 * while it runs: its dispose cancels and joins the worker, and idles still
 * pending find no job and do nothing. */
#include "ftl-training-job.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ftl-handoff.h"
#include "ftl-runtime.h"
#include "ftl-metric-point.h"
#include "ftl-model-file.h"
#include "ftl-trainer.h"
#include "ftl-trainer-control.h"

/* ---- FtlJobEventItem ----------------------------------------------------- */

struct _FtlJobEventItem
{
  GObject        parent_instance;
  FtlEventLevel  level;
  char          *message;
  gint64         created_at;
};

G_DEFINE_FINAL_TYPE (FtlJobEventItem, ftl_job_event_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_LEVEL,
  ITEM_PROP_MESSAGE,
  ITEM_PROP_CREATED_AT,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

static void
ftl_job_event_item_finalize (GObject *object)
{
  FtlJobEventItem *self = FTL_JOB_EVENT_ITEM (object);

  g_free (self->message);
  G_OBJECT_CLASS (ftl_job_event_item_parent_class)->finalize (object);
}

static void
ftl_job_event_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FtlJobEventItem *self = FTL_JOB_EVENT_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;
    case ITEM_PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case ITEM_PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_job_event_item_class_init (FtlJobEventItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ftl_job_event_item_finalize;
  object_class->get_property = ftl_job_event_item_get_property;

  /* An FtlEventLevel: the engine has no GType for it. */
  item_properties[ITEM_PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, FTL_EVENT_INFO, FTL_EVENT_ERROR, FTL_EVENT_INFO,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Unix seconds. */
  item_properties[ITEM_PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
ftl_job_event_item_init (FtlJobEventItem *self)
{
}

static FtlJobEventItem *
ftl_job_event_item_new (const FtlJobEvent *event)
{
  FtlJobEventItem *self = g_object_new (FTL_TYPE_JOB_EVENT_ITEM, NULL);

  self->level = event->level;
  /* What people read; the English one is for the record. */
  self->message = g_strdup (event->display_message);
  self->created_at = event->created_at;
  return self;
}

FtlEventLevel
ftl_job_event_item_get_level (FtlJobEventItem *self)
{
  g_return_val_if_fail (FTL_IS_JOB_EVENT_ITEM (self), FTL_EVENT_INFO);
  return self->level;
}

const char *
ftl_job_event_item_get_message (FtlJobEventItem *self)
{
  g_return_val_if_fail (FTL_IS_JOB_EVENT_ITEM (self), NULL);
  return self->message;
}

gint64
ftl_job_event_item_get_created_at (FtlJobEventItem *self)
{
  g_return_val_if_fail (FTL_IS_JOB_EVENT_ITEM (self), 0);
  return self->created_at;
}

/* ---- the channel between the worker and the main thread ------------------ */

/* One engine event as the main thread will apply it. */
typedef struct
{
  FtlJobEvent  event;     /* a copy: id and both messages are owned */
  FtlJobStatus status;    /* the job's status when the event happened */
  int          n_epochs;  /* resolved epochs; 0 while still auto */
  gint64       time;      /* monotonic µs, for the step rate */
  char        *checkpoint_path;  /* saved since the event before, or NULL */
} QueuedEvent;

static void
queued_event_free (gpointer data)
{
  QueuedEvent *q = data;

  g_free (q->event.id);
  g_free (q->event.message);
  g_free (q->event.display_message);
  g_free (q->checkpoint_path);
  g_free (q);
}

typedef struct
{
  /* Set before the worker starts; read-only afterwards. */
  char           *base_model_path;
  char           *training_file;
  char           *validation_file;
  FtlHyperparams  hyperparameters;
  char           *output_path;
  GCancellable   *cancellable;
  FtlHandoff     handoff;        /* to the main loop of whoever started the work */
  GWeakRef        owner;          /* the FtlTrainingJob; read on the main thread only */

  GMutex          mutex;
  GPtrArray      *queue;          /* QueuedEvent*, guarded by mutex */
  FtlJob         *record;         /* guarded by mutex; set once, when the work is over */
  /* Looking inside the run: the control is set before the worker starts;
   * what its observer hands over is guarded by mutex. */
  FtlTrainerControl *control;
  GPtrArray      *inspect;        /* InspectItem* */
  FtlTensorSnapshot *snapshot;    /* only the latest matters */

  guint           n_checkpoints;  /* the pushing thread's: checkpoints already queued */
} Channel;

static void
channel_clear (Channel *ch)
{
  g_free (ch->base_model_path);
  g_free (ch->training_file);
  g_free (ch->validation_file);
  ftl_hyperparams_clear (&ch->hyperparameters);
  g_free (ch->output_path);
  g_object_unref (ch->cancellable);
  ftl_handoff_clear (&ch->handoff);
  g_weak_ref_clear (&ch->owner);
  g_mutex_clear (&ch->mutex);
  g_ptr_array_unref (ch->queue);
  ftl_job_free (ch->record);
  ftl_trainer_control_unref (ch->control);
  g_ptr_array_unref (ch->inspect);
  g_clear_pointer (&ch->snapshot, ftl_tensor_snapshot_unref);
}

static Channel *
channel_ref (Channel *ch)
{
  return g_atomic_rc_box_acquire (ch);
}

static void
channel_unref (Channel *ch)
{
  g_atomic_rc_box_release_full (ch, (GDestroyNotify) channel_clear);
}

static gboolean drain (gpointer user_data);

static void
schedule_drain (Channel *ch)
{
  ftl_handoff_schedule (&ch->handoff, drain, ch, (GBoxedCopyFunc) channel_ref, (GDestroyNotify) channel_unref);
}

/* The engine's callback, on the worker thread (and on the main thread for a
 * job that ends before its thread could start). */
static void
push_event (const FtlJob      *job,
            const FtlJobEvent *event,
            gpointer           user_data)
{
  Channel *ch = user_data;
  QueuedEvent *q = g_new (QueuedEvent, 1);

  q->event = *event;
  q->event.id = g_strdup (event->id);
  q->event.message = g_strdup (event->message);
  q->event.display_message = g_strdup (event->display_message);
  q->status = job->status;
  q->n_epochs = job->resolved.n_epochs;
  q->time = g_get_monotonic_time ();
  /* The engine lists a checkpoint once its file is renamed into place and
   * the record saved: whoever hears of it can load it whole. */
  q->checkpoint_path = NULL;
  if (job->checkpoints->len > ch->n_checkpoints)
    {
      const FtlJobCheckpoint *c = g_ptr_array_index (job->checkpoints, job->checkpoints->len - 1);

      q->checkpoint_path = g_strdup (c->path);
      ch->n_checkpoints = job->checkpoints->len;
    }

  g_mutex_lock (&ch->mutex);
  g_ptr_array_add (ch->queue, q);
  g_mutex_unlock (&ch->mutex);
  schedule_drain (ch);
}

/* The final marker: after it, nothing more is pushed. */
static void
push_record (Channel *ch,
             FtlJob  *record)
{
  g_mutex_lock (&ch->mutex);
  ch->record = record;
  g_mutex_unlock (&ch->mutex);
  schedule_drain (ch);
}

/* ---- what the trainer shows of itself (ftl-trainer-control.h) ------------ */

typedef enum
{
  INSPECT_STARTED,      /* data: FtlInspectRun */
  INSPECT_WAITING,      /* waiting, step */
  INSPECT_LAYER_STATS,  /* data: FtlLayerStats */
  INSPECT_STEP_RECORD,  /* data: FtlStepRecord */
} InspectKind;

typedef struct
{
  InspectKind    kind;
  gpointer       data;
  GDestroyNotify free_data;
  gboolean       waiting;
  int            step;
} InspectItem;

static void
inspect_item_free (gpointer data)
{
  InspectItem *item = data;

  if (item->data != NULL)
    item->free_data (item->data);
  g_free (item);
}

static void
push_inspect (Channel        *ch,
              InspectKind     kind,
              gpointer        data,
              GDestroyNotify  free_data,
              gboolean        waiting,
              int             step)
{
  InspectItem *item = g_new (InspectItem, 1);

  *item = (InspectItem) { kind, data, free_data, waiting, step };
  g_mutex_lock (&ch->mutex);
  g_ptr_array_add (ch->inspect, item);
  g_mutex_unlock (&ch->mutex);
  schedule_drain (ch);
}

static void
observe_started (FtlInspectRun *run,
                 gpointer       user_data)
{
  push_inspect (user_data, INSPECT_STARTED, run, (GDestroyNotify) ftl_inspect_run_unref, FALSE, 0);
}

static void
observe_waiting (gboolean waiting,
                 int      step,
                 gpointer user_data)
{
  push_inspect (user_data, INSPECT_WAITING, NULL, NULL, waiting, step);
}

static void
observe_layer_stats (FtlLayerStats *stats,
                     gpointer       user_data)
{
  push_inspect (user_data, INSPECT_LAYER_STATS, stats, (GDestroyNotify) ftl_layer_stats_unref,
                FALSE, stats->step);
}

static void
observe_step_record (FtlStepRecord *record,
                     gpointer       user_data)
{
  push_inspect (user_data, INSPECT_STEP_RECORD, record, (GDestroyNotify) ftl_step_record_unref,
                FALSE, record->step);
}

/* Snapshots replace each other: a view drawing at its own pace only wants
 * the newest. */
static void
observe_snapshot (FtlTensorSnapshot *snapshot,
                  gpointer           user_data)
{
  Channel *ch = user_data;

  g_mutex_lock (&ch->mutex);
  g_clear_pointer (&ch->snapshot, ftl_tensor_snapshot_unref);
  ch->snapshot = snapshot;
  g_mutex_unlock (&ch->mutex);
  schedule_drain (ch);
}

static const FtlTrainerObserver observer = {
  observe_started, observe_waiting, observe_layer_stats, observe_step_record, observe_snapshot,
};

/* A record for a job that ends before the engine runs, with its one event,
 * so the app shows every ending the same way. message is in English, as
 * the engine's are; display_message what people read (NULL: message). */
static FtlJob *
end_early (Channel      *ch,
           FtlJobStatus  status,
           const char   *error_code,
           const char   *message,
           const char   *display_message)
{
  FtlJob *job = ftl_job_new ();
  const FtlJobEvent *event;

  job->training_file = g_strdup (ch->training_file);
  job->validation_file = g_strdup (ch->validation_file);
  job->hyperparameters = ch->hyperparameters;
  job->hyperparameters.suffix = g_strdup (ch->hyperparameters.suffix);
  job->status = status;
  job->finished_at = g_get_real_time () / G_USEC_PER_SEC;
  if (status == FTL_JOB_FAILED)
    {
      job->error_code = g_strdup (error_code);
      job->error_message = g_strdup (message);
    }
  event = ftl_job_add_event_texts (job, status == FTL_JOB_FAILED ? FTL_EVENT_ERROR : FTL_EVENT_INFO,
                                   NULL, message, display_message);
  push_event (job, event, ch);
  return job;
}

static FtlJob *
run_job (Channel *ch)
{
  g_autoptr(FtlDataset) training = NULL;
  g_autoptr(FtlDataset) validation = NULL;
  g_autoptr(FtlModel) model = NULL;
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  FtlModelFileInfo info = { 0 };
  g_autoptr(GError) error = NULL;
  const char *error_code;
  FtlJob *job;

  if (g_cancellable_is_cancelled (ch->cancellable))
    {
      const char *cancelled = N_("The job was cancelled before it started");

      return end_early (ch, FTL_JOB_CANCELLED, NULL, cancelled, _(cancelled));
    }

  /* Only I/O problems stop here; what is wrong inside the files is the
   * engine's to report, with OpenAI's error names. */
  error_code = "invalid_training_file";
  training = ftl_dataset_load_file (ch->training_file, &error);
  if (training != NULL && ch->validation_file != NULL)
    {
      error_code = "invalid_validation_file";
      validation = ftl_dataset_load_file (ch->validation_file, &error);
    }
  if (error == NULL)
    {
      error_code = "invalid_model";
      model = ftl_model_file_load (ch->base_model_path, &tokenizer, &info, &error);
    }
  if (error != NULL)
    return end_early (ch, FTL_JOB_FAILED, error_code, error->message, NULL);

  FtlFineTuneSetup setup = {
    .model = model,
    .tokenizer = tokenizer,
    .base_model_name = info.name,
    .base_learning_rate = info.learning_rate,
    .training = training,
    .training_file = ch->training_file,
    .validation = validation,
    .validation_file = ch->validation_file,
    .output_path = ch->output_path,
    .control = ch->control,
  };
  job = ftl_fine_tune_run (&setup, &ch->hyperparameters, ch->cancellable, push_event, ch);
  ftl_model_file_info_clear (&info);
  /* The weights view goes on looking at the trained model after the run
   * (it costs the model and its base once more, until the job is dropped). */
  ftl_trainer_control_keep_model (ch->control, g_steal_pointer (&model));
  return job;
}

static gpointer
worker_main (gpointer data)
{
  Channel *ch = data;

  /* Training takes every core it is given: below the window's main loop,
   * and below a chat reply (see reply_thread()), it yields to both. */
  ftl_runtime_lower_priority (10);
  ftl_runtime_use_threads ();
  push_record (ch, run_job (ch));
  channel_unref (ch);
  return NULL;
}

/* ---- FtlTrainingJob ------------------------------------------------------ */

struct _FtlTrainingJob
{
  GObject       parent_instance;

  Channel      *channel;
  GThread      *thread;        /* from start until the drain or dispose joins it */
  gboolean      started;
  GListStore   *metrics;
  GListStore   *events;
  FtlJob       *record;

  FtlJobStatus  status;
  gboolean      running;
  int           step;
  int           total_steps;
  int           epoch;
  int           total_epochs;
  double        train_loss;
  double        valid_loss;
  double        learning_rate;
  double        tokens_per_second;
  double        eta_seconds;
  char         *fine_tuned_model;
  char         *error_message;

  /* Inside the run. */
  gboolean      paused;
  FtlInspectRun *inspect_run;
  GPtrArray    *layer_stats;   /* FtlLayerStats, one per step */
  FtlStepRecord *step_record;
  FtlTensorSnapshot *snapshot;

  /* For the ETA: the last step seen and a moving average of its pace. */
  int           last_step;
  gint64        last_step_time;
  double        seconds_per_step;
};

G_DEFINE_FINAL_TYPE (FtlTrainingJob, ftl_training_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_RUNNING,
  PROP_STEP,
  PROP_TOTAL_STEPS,
  PROP_EPOCH,
  PROP_TOTAL_EPOCHS,
  PROP_TRAIN_LOSS,
  PROP_VALID_LOSS,
  PROP_LEARNING_RATE,
  PROP_TOKENS_PER_SECOND,
  PROP_ETA_SECONDS,
  PROP_FINE_TUNED_MODEL,
  PROP_OUTPUT_PATH,
  PROP_ERROR_MESSAGE,
  PROP_PAUSED,
  PROP_INSPECT_RUN,
  PROP_STEP_RECORD,
  PROP_SNAPSHOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  CHECKPOINT_SAVED,
  LAYER_STATS_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_status (FtlTrainingJob *self,
            FtlJobStatus    status)
{
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_boolean (FtlTrainingJob *self,
             gboolean       *field,
             gboolean        value,
             guint           prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_int (FtlTrainingJob *self,
         int            *field,
         int             value,
         guint           prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* NAN stands for "unknown", so two NANs are the same value. */
static void
set_double (FtlTrainingJob *self,
            double         *field,
            double          value,
            guint           prop_id)
{
  if (*field == value || (isnan (*field) && isnan (value)))
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_string (FtlTrainingJob  *self,
            char           **field,
            const char      *value,
            guint            prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
apply_metrics (FtlTrainingJob        *self,
               const FtlTrainMetrics *m,
               gint64                 time)
{
  /* A moving average of the time per step follows a change of pace (another
   * program taking the CPU) within a few steps and smooths over the pause of
   * each epoch's checkpoint. Times are taken on the worker, so coalesced
   * drains don't distort them. */
  if (self->last_step_time != 0 && m->step > self->last_step)
    {
      double pace = (time - self->last_step_time) / (double) G_USEC_PER_SEC / (m->step - self->last_step);

      self->seconds_per_step = isnan (self->seconds_per_step)
                                 ? pace : 0.7 * self->seconds_per_step + 0.3 * pace;
    }
  self->last_step = m->step;
  self->last_step_time = time;

  set_int (self, &self->step, m->step, PROP_STEP);
  set_int (self, &self->total_steps, m->total_steps, PROP_TOTAL_STEPS);
  set_int (self, &self->epoch, m->epoch, PROP_EPOCH);
  set_double (self, &self->train_loss, m->train_loss, PROP_TRAIN_LOSS);
  set_double (self, &self->valid_loss, m->valid_loss, PROP_VALID_LOSS);
  set_double (self, &self->learning_rate, m->learning_rate, PROP_LEARNING_RATE);
  set_double (self, &self->tokens_per_second, m->tokens_per_second, PROP_TOKENS_PER_SECOND);
  set_double (self, &self->eta_seconds, self->seconds_per_step * (m->total_steps - m->step),
              PROP_ETA_SECONDS);
}

static void
append_all (GListStore *store,
            GPtrArray  *items)
{
  if (items->len > 0)
    g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                         items->pdata, items->len);
}

/* On the main thread: everything the worker pushed since the last drain. */
static void
apply (FtlTrainingJob *self,
       GPtrArray      *entries,
       FtlJob         *record)
{
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) checkpoints = g_ptr_array_new ();

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < entries->len; i++)
    {
      const QueuedEvent *q = g_ptr_array_index (entries, i);

      g_ptr_array_add (items, ftl_job_event_item_new (&q->event));
      /* A final status waits for the record, so that it is seen together
       * with the fine-tuned model or the error and the end of "running". */
      if (!ftl_job_status_is_final (q->status))
        set_status (self, q->status);
      if (q->n_epochs != FTL_HYPERPARAM_AUTO)
        set_int (self, &self->total_epochs, q->n_epochs, PROP_TOTAL_EPOCHS);
      if (q->event.has_metrics)
        {
          g_ptr_array_add (points, ftl_metric_point_new (&q->event.metrics));
          apply_metrics (self, &q->event.metrics, q->time);
        }
      if (q->checkpoint_path != NULL)
        g_ptr_array_add (checkpoints, q->checkpoint_path);
    }
  /* One items-changed per drain and per model; before the notifications, so
   * a handler of notify::step finds that step's point in the model. */
  append_all (self->events, items);
  append_all (self->metrics, points);

  if (record != NULL)
    {
      /* The worker pushed the record last: its thread is ending, if not gone. */
      if (self->thread != NULL)
        g_thread_join (g_steal_pointer (&self->thread));
      self->record = record;
      set_status (self, record->status);
      if (record->status == FTL_JOB_SUCCEEDED)
        set_string (self, &self->fine_tuned_model, record->fine_tuned_model, PROP_FINE_TUNED_MODEL);
      if (record->status == FTL_JOB_FAILED)
        set_string (self, &self->error_message, ftl_job_get_error_display_message (record),
                    PROP_ERROR_MESSAGE);
      set_double (self, &self->eta_seconds, NAN, PROP_ETA_SECONDS);
      set_boolean (self, &self->running, FALSE, PROP_RUNNING);
    }

  g_object_thaw_notify (G_OBJECT (self));

  for (guint i = 0; i < checkpoints->len; i++)
    g_signal_emit (self, signals[CHECKPOINT_SAVED], 0, g_ptr_array_index (checkpoints, i));
  if (record != NULL)
    g_signal_emit (self, signals[FINISHED], 0);
}

/* Before apply(): a step's figures are in place when its metrics arrive,
 * and everything is in before "finished". */
static void
apply_inspect (FtlTrainingJob    *self,
               GPtrArray         *items,
               FtlTensorSnapshot *snapshot)
{
  guint first_stats = self->layer_stats->len;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < items->len; i++)
    {
      InspectItem *item = g_ptr_array_index (items, i);

      switch (item->kind)
        {
        case INSPECT_STARTED:
          g_clear_pointer (&self->inspect_run, ftl_inspect_run_unref);
          self->inspect_run = g_steal_pointer (&item->data);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSPECT_RUN]);
          break;
        case INSPECT_WAITING:
          set_boolean (self, &self->paused, item->waiting, PROP_PAUSED);
          /* The time paused says nothing of the pace: the ETA starts afresh. */
          if (!item->waiting)
            self->last_step_time = 0;
          break;
        case INSPECT_LAYER_STATS:
          g_ptr_array_add (self->layer_stats, g_steal_pointer (&item->data));
          break;
        case INSPECT_STEP_RECORD:
          g_clear_pointer (&self->step_record, ftl_step_record_unref);
          self->step_record = g_steal_pointer (&item->data);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP_RECORD]);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (snapshot != NULL)
    {
      g_clear_pointer (&self->snapshot, ftl_tensor_snapshot_unref);
      self->snapshot = snapshot;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAPSHOT]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  if (self->layer_stats->len > first_stats)
    g_signal_emit (self, signals[LAYER_STATS_ADDED], 0, first_stats, self->layer_stats->len - first_stats);
}

static gboolean
drain (gpointer user_data)
{
  Channel *ch = user_data;
  g_autoptr(FtlTrainingJob) self = g_weak_ref_get (&ch->owner);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) inspect = NULL;
  g_autoptr(FtlTensorSnapshot) snapshot = NULL;
  FtlJob *record;

  /* Cleared before the queue is taken: whatever is pushed from now on
   * schedules another drain, so nothing is left behind. */
  ftl_handoff_begin_drain (&ch->handoff);
  g_mutex_lock (&ch->mutex);
  entries = g_steal_pointer (&ch->queue);
  ch->queue = g_ptr_array_new_with_free_func (queued_event_free);
  record = g_steal_pointer (&ch->record);
  inspect = g_steal_pointer (&ch->inspect);
  ch->inspect = g_ptr_array_new_with_free_func (inspect_item_free);
  snapshot = g_steal_pointer (&ch->snapshot);
  g_mutex_unlock (&ch->mutex);

  /* A job disposed meanwhile has joined the worker; nobody is left to tell. */
  if (self != NULL)
    apply_inspect (self, inspect, g_steal_pointer (&snapshot));
  if (self != NULL)
    apply (self, entries, record);
  else
    ftl_job_free (record);
  return G_SOURCE_REMOVE;
}

static void
ftl_training_job_dispose (GObject *object)
{
  FtlTrainingJob *self = FTL_TRAINING_JOB (object);

  g_weak_ref_set (&self->channel->owner, NULL);
  /* Nobody will see this job's result: stop it, and don't leave its thread
   * running on a model nobody will use. */
  if (self->thread != NULL)
    {
      g_cancellable_cancel (self->channel->cancellable);
      g_thread_join (g_steal_pointer (&self->thread));
    }
  g_clear_object (&self->metrics);
  g_clear_object (&self->events);

  G_OBJECT_CLASS (ftl_training_job_parent_class)->dispose (object);
}

static void
ftl_training_job_finalize (GObject *object)
{
  FtlTrainingJob *self = FTL_TRAINING_JOB (object);

  channel_unref (self->channel);
  ftl_job_free (self->record);
  g_free (self->fine_tuned_model);
  g_free (self->error_message);
  g_clear_pointer (&self->inspect_run, ftl_inspect_run_unref);
  g_ptr_array_unref (self->layer_stats);
  g_clear_pointer (&self->step_record, ftl_step_record_unref);
  g_clear_pointer (&self->snapshot, ftl_tensor_snapshot_unref);

  G_OBJECT_CLASS (ftl_training_job_parent_class)->finalize (object);
}

static void
ftl_training_job_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FtlTrainingJob *self = FTL_TRAINING_JOB (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, ftl_training_job_get_status (self));
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_STEP:
      g_value_set_int (value, self->step);
      break;
    case PROP_TOTAL_STEPS:
      g_value_set_int (value, self->total_steps);
      break;
    case PROP_EPOCH:
      g_value_set_int (value, self->epoch);
      break;
    case PROP_TOTAL_EPOCHS:
      g_value_set_int (value, self->total_epochs);
      break;
    case PROP_TRAIN_LOSS:
      g_value_set_double (value, self->train_loss);
      break;
    case PROP_VALID_LOSS:
      g_value_set_double (value, self->valid_loss);
      break;
    case PROP_LEARNING_RATE:
      g_value_set_double (value, self->learning_rate);
      break;
    case PROP_TOKENS_PER_SECOND:
      g_value_set_double (value, self->tokens_per_second);
      break;
    case PROP_ETA_SECONDS:
      g_value_set_double (value, self->eta_seconds);
      break;
    case PROP_FINE_TUNED_MODEL:
      g_value_set_string (value, self->fine_tuned_model);
      break;
    case PROP_OUTPUT_PATH:
      g_value_set_string (value, self->channel->output_path);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    case PROP_INSPECT_RUN:
      g_value_set_boxed (value, self->inspect_run);
      break;
    case PROP_STEP_RECORD:
      g_value_set_boxed (value, self->step_record);
      break;
    case PROP_SNAPSHOT:
      g_value_set_boxed (value, self->snapshot);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
int_property (const char *name)
{
  return g_param_spec_int (name, NULL, NULL, 0, G_MAXINT, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

/* The default can't be NAN (it must lie within the range); instances start
 * at NAN where the figure is unknown until measured. */
static GParamSpec *
double_property (const char *name)
{
  return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
ftl_training_job_class_init (FtlTrainingJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ftl_training_job_dispose;
  object_class->finalize = ftl_training_job_finalize;
  object_class->get_property = ftl_training_job_get_property;

  /* OpenAI's words: validating_files, queued, running, succeeded, failed, cancelled. */
  properties[PROP_STATUS] = string_property ("status");
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] = int_property ("step");
  properties[PROP_TOTAL_STEPS] = int_property ("total-steps");
  properties[PROP_EPOCH] = int_property ("epoch");
  properties[PROP_TOTAL_EPOCHS] = int_property ("total-epochs");
  properties[PROP_TRAIN_LOSS] = double_property ("train-loss");
  properties[PROP_VALID_LOSS] = double_property ("valid-loss");
  properties[PROP_LEARNING_RATE] = double_property ("learning-rate");
  properties[PROP_TOKENS_PER_SECOND] = double_property ("tokens-per-second");
  properties[PROP_ETA_SECONDS] = double_property ("eta-seconds");
  properties[PROP_FINE_TUNED_MODEL] = string_property ("fine-tuned-model");
  properties[PROP_OUTPUT_PATH] = string_property ("output-path");
  properties[PROP_ERROR_MESSAGE] = string_property ("error-message");
  /* The trainer waits between two steps, after a pause or a step. */
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The run's tensors and schedule, once training began. */
  properties[PROP_INSPECT_RUN] =
    g_param_spec_boxed ("inspect-run", NULL, NULL, FTL_TYPE_INSPECT_RUN,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The phases of the last step run with ftl_training_job_step(). */
  properties[PROP_STEP_RECORD] =
    g_param_spec_boxed ("step-record", NULL, NULL, FTL_TYPE_STEP_RECORD,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The last snapshot asked for with ftl_training_job_request_snapshot(). */
  properties[PROP_SNAPSHOT] =
    g_param_spec_boxed ("snapshot", NULL, NULL, FTL_TYPE_TENSOR_SNAPSHOT,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Once, on the main thread, when the job has reached a final status and
   * its thread is gone. */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* On the main thread, once per checkpoint, with its path: the file is
   * complete and the record on disk lists it. */
  signals[CHECKPOINT_SAVED] =
    g_signal_new ("checkpoint-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* (first, n): entries first … first + n − 1 of
   * ftl_training_job_get_layer_stats() are new. */
  signals[LAYER_STATS_ADDED] =
    g_signal_new ("layer-stats-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
ftl_training_job_init (FtlTrainingJob *self)
{
  self->metrics = g_list_store_new (FTL_TYPE_METRIC_POINT);
  self->events = g_list_store_new (FTL_TYPE_JOB_EVENT_ITEM);
  self->layer_stats = g_ptr_array_new_with_free_func ((GDestroyNotify) ftl_layer_stats_unref);
  self->status = FTL_JOB_QUEUED;
  self->train_loss = NAN;
  self->valid_loss = NAN;
  self->learning_rate = NAN;
  self->tokens_per_second = NAN;
  self->eta_seconds = NAN;
  self->seconds_per_step = NAN;
}

FtlTrainingJob *
ftl_training_job_new (const char           *base_model_path,
                      const char           *training_file,
                      const char           *validation_file,
                      const FtlHyperparams *hyperparameters,
                      const char           *output_path)
{
  FtlTrainingJob *self;
  Channel *ch;

  g_return_val_if_fail (base_model_path != NULL, NULL);
  g_return_val_if_fail (training_file != NULL, NULL);
  g_return_val_if_fail (hyperparameters != NULL, NULL);
  g_return_val_if_fail (output_path != NULL, NULL);

  self = g_object_new (FTL_TYPE_TRAINING_JOB, NULL);
  ch = g_atomic_rc_box_new0 (Channel);
  ch->base_model_path = g_strdup (base_model_path);
  ch->training_file = g_strdup (training_file);
  ch->validation_file = g_strdup (validation_file);
  ch->hyperparameters = *hyperparameters;
  ch->hyperparameters.suffix = g_strdup (hyperparameters->suffix);
  ch->output_path = g_strdup (output_path);
  ch->cancellable = g_cancellable_new ();
  g_weak_ref_init (&ch->owner, self);
  g_mutex_init (&ch->mutex);
  ch->queue = g_ptr_array_new_with_free_func (queued_event_free);
  ch->inspect = g_ptr_array_new_with_free_func (inspect_item_free);
  /* The channel outlives every call: the worker holds it while it trains. */
  ch->control = ftl_trainer_control_new (&observer, ch);
  self->channel = ch;
  return self;
}

void
ftl_training_job_start (FtlTrainingJob *self)
{
  Channel *ch;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FTL_IS_TRAINING_JOB (self));
  g_return_if_fail (!self->started);

  ch = self->channel;
  self->started = TRUE;
  ftl_handoff_init (&ch->handoff, "[ftl] training job drain");
  self->thread = g_thread_try_new ("ftl-training", worker_main, channel_ref (ch), &error);
  if (self->thread == NULL)
    {
      channel_unref (ch);
      push_record (ch, end_early (ch, FTL_JOB_FAILED, "internal_error", error->message, NULL));
    }
  set_boolean (self, &self->running, TRUE, PROP_RUNNING);
}

void
ftl_training_job_cancel (FtlTrainingJob *self)
{
  g_return_if_fail (FTL_IS_TRAINING_JOB (self));

  g_cancellable_cancel (self->channel->cancellable);
}

GListModel *
ftl_training_job_get_metrics (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), NULL);
  return G_LIST_MODEL (self->metrics);
}

GListModel *
ftl_training_job_get_events (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), NULL);
  return G_LIST_MODEL (self->events);
}

const FtlJob *
ftl_training_job_get_record (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), NULL);
  return self->record;
}

const char *
ftl_training_job_get_status (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), NULL);
  return ftl_job_status_to_string (self->status);
}

gboolean
ftl_training_job_get_running (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), FALSE);
  return self->running;
}

int
ftl_training_job_get_step (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), 0);
  return self->step;
}

int
ftl_training_job_get_total_steps (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), 0);
  return self->total_steps;
}

int
ftl_training_job_get_epoch (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), 0);
  return self->epoch;
}

int
ftl_training_job_get_total_epochs (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), 0);
  return self->total_epochs;
}

double
ftl_training_job_get_train_loss (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), NAN);
  return self->train_loss;
}

double
ftl_training_job_get_valid_loss (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), NAN);
  return self->valid_loss;
}

double
ftl_training_job_get_learning_rate (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), NAN);
  return self->learning_rate;
}

double
ftl_training_job_get_tokens_per_second (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), NAN);
  return self->tokens_per_second;
}

double
ftl_training_job_get_eta_seconds (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), NAN);
  return self->eta_seconds;
}

const char *
ftl_training_job_get_fine_tuned_model (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), NULL);
  return self->fine_tuned_model;
}

const char *
ftl_training_job_get_output_path (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), NULL);
  return self->channel->output_path;
}

const char *
ftl_training_job_get_error_message (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), NULL);
  return self->error_message;
}

/* ---- looking inside the run ------------------------------------------------ */

void
ftl_training_job_pause (FtlTrainingJob *self)
{
  g_return_if_fail (FTL_IS_TRAINING_JOB (self));
  ftl_trainer_control_pause (self->channel->control);
}

void
ftl_training_job_step (FtlTrainingJob *self)
{
  g_return_if_fail (FTL_IS_TRAINING_JOB (self));
  ftl_trainer_control_step (self->channel->control);
}

void
ftl_training_job_resume (FtlTrainingJob *self)
{
  g_return_if_fail (FTL_IS_TRAINING_JOB (self));
  ftl_trainer_control_resume (self->channel->control);
}

gboolean
ftl_training_job_get_paused (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), FALSE);
  return self->paused;
}

gboolean
ftl_training_job_get_pause_requested (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), FALSE);
  return ftl_trainer_control_get_paused (self->channel->control);
}

void
ftl_training_job_request_snapshot (FtlTrainingJob *self,
                                   const char     *tensor,
                                   FtlInspectMode  mode,
                                   int             max_rows,
                                   int             max_cols)
{
  g_return_if_fail (FTL_IS_TRAINING_JOB (self));
  ftl_trainer_control_request_snapshot (self->channel->control, tensor, mode, max_rows, max_cols);
}

void
ftl_training_job_select_elements (FtlTrainingJob *self,
                                  const char     *weight,
                                  int             weight_index,
                                  const char     *bias,
                                  int             bias_index)
{
  g_return_if_fail (FTL_IS_TRAINING_JOB (self));
  ftl_trainer_control_select (self->channel->control, weight, weight_index, bias, bias_index);
}

FtlInspectRun *
ftl_training_job_get_inspect_run (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), NULL);
  return self->inspect_run;
}

GPtrArray *
ftl_training_job_get_layer_stats (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), NULL);
  return self->layer_stats;
}

FtlStepRecord *
ftl_training_job_get_step_record (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), NULL);
  return self->step_record;
}

FtlTensorSnapshot *
ftl_training_job_get_snapshot (FtlTrainingJob *self)
{
  g_return_val_if_fail (FTL_IS_TRAINING_JOB (self), NULL);
  return self->snapshot;
}
