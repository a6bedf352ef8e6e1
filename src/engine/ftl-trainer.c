/* ftl-trainer.c — training steps and fine-tuning jobs. */
#include "ftl-trainer.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ftl-model-file.h"
#include "ftl-runtime.h"

float
ftl_train_step (FtlModel           *model,
                FtlOptimizer       *optimizer,
                const int          *inputs,
                const int          *targets,
                const float        *mask,
                int                 B,
                int                 T,
                FtlStepStats       *stats,
                const FtlStepHooks *hooks)
{
  float loss;

  ftl_model_zero_grad (model);
  loss = ftl_model_forward (model, inputs, targets, mask, B, T);
  if (hooks != NULL && hooks->forward_done != NULL)
    hooks->forward_done (model, loss, hooks->user_data);
  ftl_model_backward (model);
  if (hooks != NULL && hooks->backward_done != NULL)
    hooks->backward_done (model, optimizer, hooks->user_data);
  ftl_optimizer_step (optimizer, model, stats);
  if (hooks != NULL && hooks->update_done != NULL)
    hooks->update_done (model, optimizer, stats, hooks->user_data);
  return loss;
}

void
ftl_sample_text_batch (const int *stream,
                       gsize      n,
                       int        B,
                       int        T,
                       GRand     *rand,
                       int       *inputs,
                       int       *targets)
{
  g_return_if_fail (n > (gsize) T);

  for (int b = 0; b < B; b++)
    {
      gsize start = (gsize) g_rand_double_range (rand, 0, (double) (n - T));

      start = MIN (start, n - T - 1);
      memcpy (inputs + (gsize) b * T, stream + start, T * sizeof (int));
      memcpy (targets + (gsize) b * T, stream + start + 1, T * sizeof (int));
    }
}

/* ---- fine-tuning jobs ---------------------------------------------------- */

/* One rendered example: tokens and the loss weight of each token. */
typedef struct
{
  GArray *tokens;  /* int */
  GArray *mask;    /* float */
} Rendered;

typedef struct
{
  const FtlFineTuneSetup *setup;
  FtlJob                 *job;
  FtlJobEventFunc         callback;
  gpointer                user_data;
  char                   *job_path;
  Rendered               *train;
  guint                   n_train;
  Rendered               *valid;
  guint                   n_valid;
  guint                   valid_cursor;
  int                     pad_token;
  /* Batch buffers, [batch_size, context]. */
  int                    *inputs;
  int                    *targets;
  float                  *mask;
} Run;

/* message in English, as OpenAI's events are; display_message in the
 * user's language (NULL: the same). */
static void
emit_texts (Run                   *run,
            FtlEventLevel          level,
            const FtlTrainMetrics *metrics,
            const char            *message,
            const char            *display_message)
{
  const FtlJobEvent *event = ftl_job_add_event_texts (run->job, level, metrics, message,
                                                      display_message);

  if (run->callback != NULL)
    run->callback (run->job, event, run->user_data);
}

/* format: an untranslated message, marked with N_(). */
static void
emit (Run                   *run,
      FtlEventLevel          level,
      const FtlTrainMetrics *metrics,
      const char            *format,
      ...) G_GNUC_PRINTF (4, 5);

static void
emit (Run                   *run,
      FtlEventLevel          level,
      const FtlTrainMetrics *metrics,
      const char            *format,
      ...)
{
  g_autofree char *message = NULL, *display_message = NULL;
  va_list args;

  va_start (args, format);
  ftl_job_format_texts (format, args, &message, &display_message);
  va_end (args);
  emit_texts (run, level, metrics, message, display_message);
}

static void
set_status (Run          *run,
            FtlJobStatus  status)
{
  run->job->status = status;
  if (ftl_job_status_is_final (status))
    run->job->finished_at = g_get_real_time () / G_USEC_PER_SEC;
}

/* Ends the job with OpenAI's error code and message (in English), saying
 * display_message to people (NULL: message, as for a GError's). */
static void
fail_texts (Run        *run,
            const char *code,
            const char *message,
            const char *display_message)
{
  run->job->error_code = g_strdup (code);
  run->job->error_message = g_strdup (message);
  set_status (run, FTL_JOB_FAILED);
  emit_texts (run, FTL_EVENT_ERROR, NULL, message, display_message);
}

static void
fail (Run        *run,
      const char *code,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

/* format: an untranslated message, marked with N_(). */
static void
fail (Run        *run,
      const char *code,
      const char *format,
      ...)
{
  g_autofree char *message = NULL, *display_message = NULL;
  va_list args;

  va_start (args, format);
  ftl_job_format_texts (format, args, &message, &display_message);
  va_end (args);
  fail_texts (run, code, message, display_message);
}

char *
ftl_fine_tune_job_path (const char *output_path)
{
  g_autofree char *stem = g_str_has_suffix (output_path, ".gguf")
                            ? g_strndup (output_path, strlen (output_path) - 5)
                            : g_strdup (output_path);

  return g_strconcat (stem, ".job.json", NULL);
}

static char *
checkpoint_path (const char *output_path,
                 int         step)
{
  g_autofree char *stem = g_str_has_suffix (output_path, ".gguf")
                            ? g_strndup (output_path, strlen (output_path) - 5)
                            : g_strdup (output_path);

  return g_strdup_printf ("%s.ckpt-step-%d.gguf", stem, step);
}

/* Names the file failed and says what the first problem is. */
static gboolean
check_file (Run              *run,
            const FtlDataset *dataset,
            const char       *what)
{
  g_autofree char *first = NULL;
  guint n_errors = ftl_dataset_get_n_errors (dataset);
  gboolean is_training = g_str_equal (what, "training");
  const char *code = is_training ? "invalid_training_file" : "invalid_validation_file";

  if (ftl_dataset_is_valid (dataset))
    return TRUE;

  first = ftl_dataset_issue_format (dataset, ftl_dataset_get_error (dataset, 0));
  if (n_errors == 1)
    /* Translators: %s is the problem, as “FILE:LINE: error_code: message”. */
    fail (run, code, is_training ? N_("The training file has a problem: %s")
                                 : N_("The validation file has a problem: %s"), first);
  else
    {
      /* In English for the record (OpenAI's words), then for people. */
      g_autofree char *message = g_strdup_printf (is_training
        ? "The training file has %u problems. The first: %s"
        : "The validation file has %u problems. The first: %s", n_errors, first);
      /* Translators: %u is the number of problems (2 or more), %s the first,
       * as “FILE:LINE: error_code: message”. */
      g_autofree char *display_message = g_strdup_printf (is_training
        ? g_dngettext (GETTEXT_PACKAGE, "The training file has %u problem. The first: %s",
                       "The training file has %u problems. The first: %s", n_errors)
        : g_dngettext (GETTEXT_PACKAGE, "The validation file has %u problem. The first: %s",
                       "The validation file has %u problems. The first: %s", n_errors),
        n_errors, first);

      fail_texts (run, code, message, display_message);
    }
  return FALSE;
}

static Rendered *
render_all (const FtlDataset   *dataset,
            const FtlTokenizer *tokenizer,
            int                 context_length,
            guint              *n_out)
{
  guint n = ftl_dataset_get_n_examples (dataset);
  Rendered *rendered = g_new0 (Rendered, n);

  for (guint i = 0; i < n; i++)
    {
      rendered[i].tokens = g_array_new (FALSE, FALSE, sizeof (int));
      rendered[i].mask = g_array_new (FALSE, FALSE, sizeof (float));
      ftl_dataset_render_example (dataset, i, tokenizer, context_length,
                                  rendered[i].tokens, rendered[i].mask);
    }
  *n_out = n;
  return rendered;
}

static void
free_rendered (Rendered *rendered,
               guint     n)
{
  for (guint i = 0; i < n; i++)
    {
      g_array_unref (rendered[i].tokens);
      g_array_unref (rendered[i].mask);
    }
  g_free (rendered);
}

/* Packs examples order[0 … B−1] into the batch buffers, padded to the longest;
 * inputs are tokens 0 … L−2, targets 1 … L−1 with the targets' weights.
 * Returns T. */
static int
pack_batch (Run             *run,
            const Rendered  *examples,
            const guint     *order,
            int              B)
{
  int T = 1;

  for (int b = 0; b < B; b++)
    T = MAX (T, (int) examples[order[b]].tokens->len - 1);

  for (int b = 0; b < B; b++)
    {
      const Rendered *r = &examples[order[b]];
      int L = (int) r->tokens->len - 1;

      for (int t = 0; t < T; t++)
        {
          gsize i = (gsize) b * T + t;

          if (t < L)
            {
              run->inputs[i] = g_array_index (r->tokens, int, t);
              run->targets[i] = g_array_index (r->tokens, int, t + 1);
              run->mask[i] = g_array_index (r->mask, float, t + 1);
            }
          else
            {
              run->inputs[i] = run->targets[i] = run->pad_token;
              run->mask[i] = 0.f;
            }
        }
    }
  return T;
}

/* Σ mask·correct / Σ mask of the last forward. */
static float
token_accuracy (FtlModel    *model,
                const float *mask,
                gsize        n)
{
  const float *correct = ftl_model_get_correct (model);
  double hits = 0.0, total = 0.0;

  for (gsize i = 0; i < n; i++)
    {
      hits += mask[i] * correct[i];
      total += mask[i];
    }
  return total > 0.0 ? (float) (hits / total) : NAN;
}

static double
mask_sum (const float *mask,
          gsize        n)
{
  double total = 0.0;

  for (gsize i = 0; i < n; i++)
    total += mask[i];
  return total;
}

/* Loss and accuracy over validation examples [first, first + count), batched. */
static void
evaluate (Run   *run,
          guint  first,
          guint  count,
          int    batch_size,
          float *loss,
          float *accuracy)
{
  FtlModel *model = run->setup->model;
  double loss_sum = 0.0, hit_sum = 0.0, weight_sum = 0.0;
  g_autofree guint *order = g_new (guint, batch_size);

  for (guint start = 0; start < count; start += batch_size)
    {
      int B = (int) MIN ((guint) batch_size, count - start);

      for (int b = 0; b < B; b++)
        order[b] = (first + start + b) % run->n_valid;
      int T = pack_batch (run, run->valid, order, B);
      gsize n = (gsize) B * T;
      double w = mask_sum (run->mask, n);
      float batch_loss = ftl_model_forward (model, run->inputs, run->targets, run->mask, B, T);

      if (w > 0.0)
        {
          loss_sum += batch_loss * w;
          hit_sum += token_accuracy (model, run->mask, n) * w;
          weight_sum += w;
        }
    }
  *loss = weight_sum > 0.0 ? (float) (loss_sum / weight_sum) : NAN;
  *accuracy = weight_sum > 0.0 ? (float) (hit_sum / weight_sum) : NAN;
}

static gboolean
save_checkpoint (Run      *run,
                 int       step,
                 gboolean  final,
                 GError  **error)
{
  FtlJob *job = run->job;
  g_autofree char *path = final ? g_strdup (run->setup->output_path)
                                : checkpoint_path (run->setup->output_path, step);
  g_autofree char *name = g_strdup_printf ("%s:ckpt-step-%d", job->fine_tuned_model, step);
  FtlModelFileInfo info = { .name = final ? job->fine_tuned_model : name,
                            .learning_rate = run->setup->base_learning_rate };
  FtlJobCheckpoint *checkpoint;

  if (!ftl_model_file_save (path, run->setup->model, run->setup->tokenizer, &info,
                            FTL_GGML_TYPE_F32, error))
    return FALSE;

  checkpoint = g_new0 (FtlJobCheckpoint, 1);
  checkpoint->step = step;
  checkpoint->name = g_steal_pointer (&name);
  checkpoint->path = g_steal_pointer (&path);
  g_ptr_array_add (job->checkpoints, checkpoint);
  return ftl_job_save (job, run->job_path, error);
}

static void
shuffle (guint *order,
         guint  n,
         GRand *rand)
{
  for (guint i = n - 1; i > 0; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1);
      guint tmp = order[i];

      order[i] = order[j];
      order[j] = tmp;
    }
}

/* The loss has run away when it is not a number, or when its running average
 * stands well above where fine-tuning started. */
static gboolean
diverged (float  loss,
          float  first_loss,
          float *smoothed,
          int    step)
{
  if (!isfinite (loss))
    return TRUE;
  *smoothed = step == 1 ? loss : 0.7f * *smoothed + 0.3f * loss;
  return step > 3 && *smoothed > 1.5f * first_loss + 1.0f;
}

static void
train (Run                  *run,
       const FtlHyperparams *hp,
       GCancellable         *cancellable)
{
  const FtlFineTuneSetup *setup = run->setup;
  FtlModel *model = setup->model;
  FtlJob *job = run->job;
  int B = hp->batch_size;
  guint steps_per_epoch = (run->n_train + B - 1) / B;
  int total_steps = (int) steps_per_epoch * hp->n_epochs;
  float lr = setup->base_learning_rate * (float) hp->learning_rate_multiplier;
  guint32 seed_words[1] = { (guint32) hp->seed };
  g_autoptr(GRand) rand = g_rand_new_with_seed_array (seed_words, 1);
  g_autofree guint *order = g_new (guint, run->n_train);
  FtlAdamWConfig adamw;
  g_autoptr(FtlOptimizer) optimizer = NULL;
  float first_loss = NAN, smoothed = 0.f;
  int step = 0;
  g_autoptr(GError) error = NULL;

  ftl_adamw_config_init (&adamw, lr, total_steps);
  /* Decay would pull the base model's weights towards zero, not towards the
   * base model: fine-tuning does without it. */
  adamw.weight_decay = 0.f;
  adamw.beta2 = 0.999f;
  optimizer = ftl_optimizer_new (model, &adamw);
  for (guint i = 0; i < run->n_train; i++)
    order[i] = i;
  if (setup->control != NULL)
    ftl_trainer_control_attach (setup->control, model, setup->tokenizer, optimizer, total_steps,
                                cancellable);

  set_status (run, FTL_JOB_RUNNING);
  emit (run, FTL_EVENT_INFO, NULL, N_("Fine-tuning job started"));
  /* On disk from the first step: after a crash it is found unfinished and
   * unclaimed, so it reads as interrupted rather than running forever. */
  if (!ftl_job_save (job, run->job_path, &error))
    {
      fail_texts (run, "output_not_writable", error->message, NULL);
      return;
    }

  for (int epoch = 1; epoch <= hp->n_epochs; epoch++)
    {
      shuffle (order, run->n_train, rand);
      for (guint s = 0; s < steps_per_epoch; s++)
        {
          FtlTrainMetrics m = { 0 };
          FtlStepStats stats;
          int b_count = (int) MIN ((guint) B, run->n_train - s * B);
          /* A pause waits here, between two steps (not counted as training time). */
          gboolean record = setup->control != NULL && ftl_trainer_control_boundary (setup->control, step);
          gint64 start = g_get_monotonic_time ();

          if (g_cancellable_is_cancelled (cancellable))
            {
              set_status (run, FTL_JOB_CANCELLED);
              emit (run, FTL_EVENT_INFO, NULL, N_("The job was cancelled at step %d of %d"),
                    step, total_steps);
              return;
            }

          /* The thread count set last (Preferences) applies from the next
           * step, also to a job already running. */
          ftl_runtime_use_threads ();
          int T = pack_batch (run, run->train, order + s * B, b_count);
          gsize n = (gsize) b_count * T;
          float loss = setup->control != NULL
                         ? ftl_trainer_control_train_step (setup->control, optimizer, run->inputs,
                                                           run->targets, run->mask, b_count, T,
                                                           record, &stats)
                         : ftl_train_step (model, optimizer, run->inputs, run->targets, run->mask,
                                           b_count, T, &stats, NULL);

          step++;
          if (step == 1)
            first_loss = loss;
          if (diverged (loss, first_loss, &smoothed, step))
            {
              if (isfinite (loss))
                fail (run, "training_diverged",
                      N_("The training loss exploded at step %d (it started at %.3f): the learning "
                         "rate is too high for this data. Lower the learning-rate multiplier (it was "
                         "%g) and try again."), step, first_loss, hp->learning_rate_multiplier);
              else
                fail (run, "training_diverged",
                      N_("The training loss became NaN at step %d (it started at %.3f): the "
                         "learning rate is too high for this data. Lower the learning-rate "
                         "multiplier (it was %g) and try again."),
                      step, first_loss, hp->learning_rate_multiplier);
              return;
            }

          m.step = step;
          m.total_steps = total_steps;
          m.epoch = epoch;
          m.train_loss = loss;
          m.train_accuracy = token_accuracy (model, run->mask, n);
          m.learning_rate = stats.learning_rate;
          m.grad_norm = stats.grad_norm;
          m.update_ratio = stats.update_ratio;
          m.valid_loss = m.valid_accuracy = NAN;
          m.full_valid_loss = m.full_valid_accuracy = NAN;
          job->trained_tokens += (gint64) n;

          if (run->n_valid > 0)
            {
              evaluate (run, run->valid_cursor, MIN ((guint) B, run->n_valid), B,
                        &m.valid_loss, &m.valid_accuracy);
              run->valid_cursor = (run->valid_cursor + B) % run->n_valid;
            }
          if (s + 1 == steps_per_epoch && run->n_valid > 0)
            evaluate (run, 0, run->n_valid, B, &m.full_valid_loss, &m.full_valid_accuracy);
          m.tokens_per_second = n / MAX (1e-9, (g_get_monotonic_time () - start) / 1e6);
          g_array_append_val (job->metrics, m);

          /* Whole sentences, one per set of figures, for the translators. */
          if (isfinite (m.valid_loss) && isfinite (m.full_valid_loss))
            emit (run, FTL_EVENT_INFO, &m,
                  N_("Step %d/%d: training loss=%.2f, validation loss=%.2f, full validation loss=%.2f"),
                  step, total_steps, loss, m.valid_loss, m.full_valid_loss);
          else if (isfinite (m.valid_loss))
            emit (run, FTL_EVENT_INFO, &m, N_("Step %d/%d: training loss=%.2f, validation loss=%.2f"),
                  step, total_steps, loss, m.valid_loss);
          else if (isfinite (m.full_valid_loss))
            emit (run, FTL_EVENT_INFO, &m,
                  N_("Step %d/%d: training loss=%.2f, full validation loss=%.2f"),
                  step, total_steps, loss, m.full_valid_loss);
          else
            emit (run, FTL_EVENT_INFO, &m, N_("Step %d/%d: training loss=%.2f"),
                  step, total_steps, loss);
        }

      gboolean final = epoch == hp->n_epochs;
      if (!save_checkpoint (run, step, final, &error))
        {
          fail_texts (run, "checkpoint_failed", error->message, NULL);
          return;
        }
      emit (run, FTL_EVENT_INFO, NULL, N_("Checkpoint created at step %d"), step);
    }

  emit (run, FTL_EVENT_INFO, NULL, N_("New fine-tuned model created: %s"), job->fine_tuned_model);
  job->fine_tuned_model_path = g_strdup (setup->output_path);
  set_status (run, FTL_JOB_SUCCEEDED);
  emit (run, FTL_EVENT_INFO, NULL, N_("The job has successfully completed"));
}

FtlJob *
ftl_fine_tune_run (const FtlFineTuneSetup *setup,
                   const FtlHyperparams   *hyperparameters,
                   GCancellable           *cancellable,
                   FtlJobEventFunc         callback,
                   gpointer                user_data)
{
  const FtlModelConfig *config = ftl_model_get_config (setup->model);
  FtlJob *job = ftl_job_new ();
  Run run = { .setup = setup, .job = job, .callback = callback, .user_data = user_data };
  FtlHyperparams *hp = &job->resolved;
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlJobClaim) claim = NULL;

  job->model = g_strdup (setup->base_model_name);
  job->training_file = g_strdup (setup->training_file);
  job->validation_file = g_strdup (setup->validation_file);
  job->base_learning_rate = setup->base_learning_rate;
  job->hyperparameters = *hyperparameters;
  job->hyperparameters.suffix = g_strdup (hyperparameters->suffix);
  *hp = job->hyperparameters;
  hp->suffix = g_strdup (hyperparameters->suffix);
  run.job_path = ftl_fine_tune_job_path (setup->output_path);
  run.pad_token = ftl_tokenizer_get_special (setup->tokenizer, FTL_SPECIAL_ENDOFTEXT);

  emit (&run, FTL_EVENT_INFO, NULL, N_("Validating training file: %s"), setup->training_file);
  /* Held until the record is final. Failing here, before any training, is
   * also how a folder that can't be written is found out. */
  if ((claim = ftl_job_claim (run.job_path, &error)) == NULL)
    fail_texts (&run, "output_not_writable", error->message, NULL);
  else if (!ftl_hyperparams_validate (hyperparameters, &error))
    fail_texts (&run, "invalid_hyperparameters", error->message, NULL);
  else if (!(setup->base_learning_rate > 0.f))
    fail (&run, "invalid_model", N_("The base model has no learning rate (finetunelab.learning_rate)"));
  else if (check_file (&run, setup->training, "training") &&
           (setup->validation == NULL || check_file (&run, setup->validation, "validation")))
    {
      ftl_hyperparams_resolve (hp, ftl_dataset_get_n_examples (setup->training));
      job->fine_tuned_model = g_strdup_printf ("ft:%s:%s:%s", setup->base_model_name,
                                               hp->suffix != NULL ? hp->suffix : "", job->id);
      set_status (&run, FTL_JOB_QUEUED);
      emit (&run, FTL_EVENT_INFO, NULL,
            N_("Files validated, moving job to queued state (n_epochs=%d, batch_size=%d, "
               "learning_rate_multiplier=%g, seed=%lld)"),
            hp->n_epochs, hp->batch_size, hp->learning_rate_multiplier, (long long) hp->seed);

      run.train = render_all (setup->training, setup->tokenizer, config->context_length, &run.n_train);
      if (setup->validation != NULL)
        run.valid = render_all (setup->validation, setup->tokenizer, config->context_length, &run.n_valid);
      guint n_untrained = 0;
      for (guint i = 0; i < run.n_train; i++)
        n_untrained += mask_sum ((const float *) run.train[i].mask->data, run.train[i].mask->len) == 0.0;
      if (n_untrained > 0)
        emit (&run, FTL_EVENT_WARN, NULL,
              N_("%u of %u examples have no assistant tokens to learn within the model's context of "
                 "%d tokens: they are truncated from the end. Shorten them or train a model with a "
                 "longer context."), n_untrained, run.n_train, config->context_length);
      run.inputs = g_new (int, (gsize) hp->batch_size * config->context_length);
      run.targets = g_new (int, (gsize) hp->batch_size * config->context_length);
      run.mask = g_new (float, (gsize) hp->batch_size * config->context_length);

      if (n_untrained == run.n_train)
        fail (&run, "invalid_training_file",
              N_("No example has an assistant message within the model's context: there is nothing "
                 "to learn."));
      else
        {
          train (&run, hp, cancellable);
          if (setup->control != NULL)
            ftl_trainer_control_detach (setup->control);
        }

      free_rendered (run.train, run.n_train);
      free_rendered (run.valid, run.n_valid);
      g_free (run.inputs);
      g_free (run.targets);
      g_free (run.mask);
    }

  /* Not over a record another job claims. */
  g_clear_error (&error);
  if (claim != NULL && !ftl_job_save (job, run.job_path, &error))
    g_warning ("Could not save the job record %s: %s", run.job_path, error->message);
  g_clear_pointer (&claim, ftl_job_claim_release);
  g_free (run.job_path);
  return job;
}
