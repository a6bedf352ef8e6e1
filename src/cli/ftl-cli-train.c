/* ftl-cli-train.c — `train`: language-model training on a plain text file. */
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "ftl-cli.h"
#include "ftl-data.h"
#include "ftl-model-file.h"
#include "ftl-trainer.h"

gboolean
ftl_cli_train_text (FtlModel             *model,
                    const int            *stream,
                    gsize                 n_tokens,
                    const FtlCliTraining *t,
                    gboolean              quiet,
                    GError              **error)
{
  const FtlModelConfig *config = ftl_model_get_config (model);
  int T = t->context > 0 ? t->context : config->context_length;
  int B = t->batch_size;
  FtlAdamWConfig adamw;
  g_autoptr(FtlOptimizer) optimizer = NULL;
  guint32 seed_words[2] = { (guint32) t->seed, (guint32) ((guint64) t->seed >> 32) };
  g_autoptr(GRand) rand = g_rand_new_with_seed_array (seed_words, 2);
  g_autofree int *inputs = NULL, *targets = NULL;
  gint64 start = g_get_monotonic_time ();

  T = MIN (T, config->context_length);
  if (n_tokens <= (gsize) T + 1)
    {
      /* Short texts train on shorter windows rather than failing. */
      T = (int) n_tokens - 2;
    }
  if (T < 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The text has only %llu tokens; it needs at least 3"),
                   (unsigned long long) n_tokens);
      return FALSE;
    }

  ftl_adamw_config_init (&adamw, (float) t->learning_rate, t->steps);
  optimizer = ftl_optimizer_new (model, &adamw);
  inputs = g_new (int, (gsize) B * T);
  targets = g_new (int, (gsize) B * T);

  for (int step = 0; step < t->steps; step++)
    {
      FtlStepStats stats;
      float loss;

      ftl_sample_text_batch (stream, n_tokens, B, T, rand, inputs, targets);
      loss = ftl_train_step (model, optimizer, inputs, targets, NULL, B, T, &stats, NULL);
      if (!isfinite (loss))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The loss became %f at step %d: lower the learning rate"), loss, step + 1);
          return FALSE;
        }
      if (!quiet && (step % t->log_every == 0 || step + 1 == t->steps))
        {
          double elapsed = (g_get_monotonic_time () - start) / 1e6;

          /* Translators: one line per logged step, in columns; lr is the
           * learning rate. */
          printf (_("step %5d/%d  loss %.4f  lr %.2e  grad-norm %.3f  %.0f tokens/s"),
                  step + 1, t->steps, loss, stats.learning_rate, stats.grad_norm,
                  (double) (step + 1) * B * T / MAX (elapsed, 1e-9));
          printf ("\n");
          fflush (stdout);
        }
    }
  return TRUE;
}

void
ftl_cli_training_init (FtlCliTraining *t)
{
  *t = (FtlCliTraining) {
    .steps = 200,
    .batch_size = 8,
    .context = 0,
    .learning_rate = 1e-3,
    .seed = 1,
    .threads = 0,
    .log_every = 10,
  };
}

/* Trains on a text file: a new tokenizer and model of config_name unless
 * model_path continues an existing one. stored_learning_rate is the
 * fine-tuning rate saved with the model; 0 keeps the continued model's. */
static int
train_on_text_file (const char           *argv0,
                    const char           *text_path,
                    const char           *model_path,
                    const char           *config_name,
                    const char           *output,
                    const char           *name,
                    const FtlCliTraining *t,
                    double                stored_learning_rate,
                    gboolean              f16)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(FtlModel) model = NULL;
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  g_autoptr(GArray) stream = NULL;
  FtlModelConfig config;
  FtlModelFileInfo info = { 0 };
  gint64 start = g_get_monotonic_time ();

  if (!g_file_get_contents (text_path, &text, &length, &error))
    {
      fprintf (stderr, "%s: %s\n", argv0, error->message);
      return 2;
    }

  if (model_path != NULL)
    {
      model = ftl_model_file_load (model_path, &tokenizer, &info, &error);
      if (model == NULL)
        goto fail;
    }
  else
    {
      if (!ftl_model_config_lookup (config_name, &config))
        {
          ftl_cli_error (argv0, _("unknown --config “%s”"), config_name);
          return 2;
        }
      tokenizer = ftl_tokenizer_train (text, length, config.vocab_size, &error);
      if (tokenizer == NULL)
        goto fail;
      config.vocab_size = ftl_tokenizer_get_vocab_size (tokenizer);
      model = ftl_model_new (&config, &error);
      if (model == NULL)
        goto fail;
      ftl_model_init_random (model, (guint64) t->seed);
    }

  /* ChatML markers in the text are the real special tokens, so a model
   * trained on transcripts learns the chat format. */
  stream = ftl_tokenizer_encode (tokenizer, text, length, TRUE);
  printf ("%s: ", text_path);
  /* Translators: the text's size in bytes, its length in tokens and the model's size. */
  printf (_("%llu bytes → %u tokens; model of %llu parameters"), (unsigned long long) length,
          stream->len, (unsigned long long) ftl_model_get_n_params (model));
  printf ("\n");
  if (!ftl_cli_train_text (model, (const int *) stream->data, stream->len, t, FALSE, &error))
    goto fail;

  if (name != NULL)
    {
      g_free (info.name);
      info.name = g_strdup (name);
    }
  else if (info.name == NULL)
    info.name = g_path_get_basename (output);
  if (stored_learning_rate > 0)
    info.learning_rate = (float) stored_learning_rate;
  if (!ftl_model_file_save (output, model, tokenizer, &info, f16 ? FTL_GGML_TYPE_F16 : FTL_GGML_TYPE_F32,
                            &error))
    goto fail;
  /* Translators: the file, the model's name and the seconds it took. */
  printf (_("Saved %s (%s) after %.0f s"), output, info.name, (g_get_monotonic_time () - start) / 1e6);
  printf ("\n");
  ftl_model_file_info_clear (&info);
  return 0;

fail:
  fprintf (stderr, "%s: %s\n", argv0, error->message);
  ftl_model_file_info_clear (&info);
  return 1;
}

static gboolean
check_training_options (const char           *argv0,
                        const FtlCliTraining *t)
{
  if (t->steps < 1 || t->batch_size < 1 || t->context < 0 || t->log_every < 1 ||
      !(t->learning_rate > 0 && t->learning_rate < 1) || t->seed < 0)
    {
      ftl_cli_error (argv0, _("--steps, --batch-size and --log-every must be positive, "
                              "--learning-rate between 0 and 1, --seed not negative"));
      return FALSE;
    }
  ftl_cli_set_threads (t->threads);
  return TRUE;
}

int
ftl_cli_train (int    argc,
               char **argv)
{
  FtlCliTraining t;
  g_autofree char *text_path = NULL, *model_path = NULL, *output = NULL, *config_name = NULL;
  g_autofree char *training_file = NULL, *validation_file = NULL, *suffix = NULL;
  g_autofree char *n_epochs = NULL, *batch_size = NULL, *lr_multiplier = NULL;
  gboolean f16 = FALSE, json = FALSE;
  gint64 seed = -1;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GOptionGroup) text_group = NULL;

  ftl_cli_training_init (&t);
  GOptionEntry entries[] = {
    { "training-file", 0, 0, G_OPTION_ARG_FILENAME, &training_file, N_("Fine-tune on this chat file (OpenAI's JSONL)"), N_("FILE") },
    { "validation-file", 0, 0, G_OPTION_ARG_FILENAME, &validation_file, N_("Measure validation loss on this chat file"), N_("FILE") },
    { "model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path, N_("The model to start from (default for fine-tuning: the built-in base model)"), N_("FILE") },
    { "n-epochs", 0, 0, G_OPTION_ARG_STRING, &n_epochs, N_("Passes over the training file: 1–50 or auto"), "N|auto" },
    { "batch-size", 0, 0, G_OPTION_ARG_STRING, &batch_size, N_("Examples per step: 1–256 or auto (text: sequences per step, default 8)"), "N|auto" },
    { "learning-rate-multiplier", 0, 0, G_OPTION_ARG_STRING, &lr_multiplier, N_("Times the base model's learning rate, or auto"), "X|auto" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Random seed, 0–2147483647 (default: picked for the job)"), "N" },
    { "suffix", 0, 0, G_OPTION_ARG_STRING, &suffix, N_("Up to 64 characters added to the model name"), N_("TEXT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the trained model (GGUF)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print each event, then the job, as one JSON object per line"), NULL },
    { "threads", 0, 0, G_OPTION_ARG_INT, &t.threads, N_("Threads to use (default: one per core)"), "N" },
    { NULL }
  };
  GOptionEntry text_entries[] = {
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text_path, N_("Train a language model on this plain text instead"), N_("FILE") },
    { "config", 0, 0, G_OPTION_ARG_STRING, &config_name, N_("Shape of a new model (tiny, bench, base; default tiny)"), N_("NAME") },
    { "steps", 0, 0, G_OPTION_ARG_INT, &t.steps, N_("Optimisation steps (default 200)"), "N" },
    { "context", 0, 0, G_OPTION_ARG_INT, &t.context, N_("Tokens per sequence (default: the model's context)"), "N" },
    { "learning-rate", 0, 0, G_OPTION_ARG_DOUBLE, &t.learning_rate, N_("Peak AdamW learning rate (default 1e-3)"), "LR" },
    { "log-every", 0, 0, G_OPTION_ARG_INT, &t.log_every, N_("Print the loss every N steps (default 10)"), "N" },
    { "f16", 0, 0, G_OPTION_ARG_NONE, &f16, N_("Store matrices as 16-bit floats"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                N_("Fine-tunes a model on a chat file as OpenAI's fine-tuning API does "
                                   "(--training-file), or trains a language model on plain text (--text)."));
  g_option_context_add_main_entries (context, entries, NULL);
  text_group = g_option_group_new ("text", N_("Training on plain text:"), N_("Show the options for --text"),
                                   NULL, NULL);
  g_option_group_set_translation_domain (text_group, GETTEXT_PACKAGE);
  g_option_group_add_entries (text_group, text_entries);
  g_option_context_add_group (context, g_steal_pointer (&text_group));
  if (!ftl_cli_parse (context, &argc, &argv))
    return 2;

  if (output == NULL || (training_file == NULL) == (text_path == NULL))
    {
      ftl_cli_error (argv[0], _("give --output and one of --training-file or --text"));
      return 2;
    }
  if (training_file != NULL)
    return ftl_cli_fine_tune (training_file, validation_file, model_path, output, n_epochs, batch_size,
                              lr_multiplier, seed, suffix, json, t.threads);

  if (batch_size != NULL)
    t.batch_size = atoi (batch_size);
  if (seed >= 0)
    t.seed = seed;
  if (!check_training_options (argv[0], &t))
    return 2;
  return train_on_text_file (argv[0], text_path, model_path, config_name != NULL ? config_name : "tiny",
                             output, NULL, &t, t.learning_rate, f16);
}

int
ftl_cli_pretrain (int    argc,
                  char **argv)
{
  FtlCliTraining t;
  g_autofree char *corpus = NULL, *output = NULL, *config_name = NULL, *name = NULL;
  g_autofree char *model_path = NULL;
  double fine_tune_lr = 0; /* unset: the continued model's own, else 1e-3 */
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);

  ftl_cli_training_init (&t);
  t.steps = 4000;
  t.batch_size = 16;
  t.learning_rate = 2e-3;
  t.log_every = 50;
  GOptionEntry entries[] = {
    { "corpus", 0, 0, G_OPTION_ARG_FILENAME, &corpus, N_("The corpus (default data/corpus/chat.txt)"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the base model (GGUF)"), N_("FILE") },
    { "config", 0, 0, G_OPTION_ARG_STRING, &config_name, N_("Model shape (default base)"), N_("NAME") },
    { "model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path,
      N_("Continue pretraining this model (its tokenizer and weights) instead of starting from random weights"), N_("FILE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The model's name (default: the output file's)"), N_("NAME") },
    { "steps", 0, 0, G_OPTION_ARG_INT, &t.steps, N_("Optimisation steps (default 4000)"), "N" },
    { "batch-size", 0, 0, G_OPTION_ARG_INT, &t.batch_size, N_("Sequences per step (default 16)"), "N" },
    { "learning-rate", 0, 0, G_OPTION_ARG_DOUBLE, &t.learning_rate, N_("Peak learning rate (default 2e-3)"), "LR" },
    { "fine-tune-learning-rate", 0, 0, G_OPTION_ARG_DOUBLE, &fine_tune_lr,
      N_("The rate a learning-rate multiplier of 1 means when this model is fine-tuned "
         "(default: the --model's own, else 1e-3)"), "LR" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &t.seed, N_("Random seed (default 1)"), "N" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &t.threads, N_("Threads to use (default: one per core)"), "N" },
    { "log-every", 0, 0, G_OPTION_ARG_INT, &t.log_every, N_("Print the loss every N steps (default 50)"), "N" },
    { NULL }
  };

  g_option_context_set_summary (context,
                                N_("Builds the built-in base model: learns a byte-level BPE tokenizer "
                                   "from the corpus, then trains a model of the given shape from random "
                                   "weights on context-long windows of it. With --model, it continues "
                                   "pretraining that model on the corpus instead."));
  g_option_context_add_main_entries (context, entries, NULL);
  if (!ftl_cli_parse (context, &argc, &argv))
    return 2;
  if (output == NULL)
    {
      ftl_cli_error (argv[0], _("--output is required"));
      return 2;
    }
  if (fine_tune_lr == 0 && model_path == NULL)
    fine_tune_lr = 1e-3;
  if (!(fine_tune_lr >= 0 && fine_tune_lr < 1) || !check_training_options (argv[0], &t))
    return 2;
  if (corpus == NULL)
    corpus = ftl_data_find ("corpus/chat.txt");
  return train_on_text_file (argv[0], corpus, model_path, config_name != NULL ? config_name : "base",
                             output, name, &t, fine_tune_lr, TRUE);
}
