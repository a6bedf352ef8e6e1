/* ftl-cli-train.c — `train`: language-model training on a plain text file. */
#include <gio/gio.h>
#include <math.h>
#include <stdio.h>

#include "ftl-cli.h"
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
                   "The text has only %" G_GSIZE_FORMAT " tokens; it needs at least 3", n_tokens);
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
      loss = ftl_train_step (model, optimizer, inputs, targets, NULL, B, T, &stats);
      if (!isfinite (loss))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "The loss became %f at step %d: lower the learning rate", loss, step + 1);
          return FALSE;
        }
      if (!quiet && (step % t->log_every == 0 || step + 1 == t->steps))
        {
          double elapsed = (g_get_monotonic_time () - start) / 1e6;

          printf ("step %5d/%d  loss %.4f  lr %.2e  grad-norm %.3f  %.0f tokens/s\n",
                  step + 1, t->steps, loss, stats.learning_rate, stats.grad_norm,
                  (double) (step + 1) * B * T / MAX (elapsed, 1e-9));
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

int
ftl_cli_train (int    argc,
               char **argv)
{
  FtlCliTraining t;
  g_autofree char *text_path = NULL, *model_path = NULL, *output = NULL, *config_name = NULL;
  gboolean f16 = FALSE;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(FtlModel) model = NULL;
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  g_autoptr(GArray) stream = NULL;
  FtlModelConfig config;
  FtlModelFileInfo info = { 0 };

  ftl_cli_training_init (&t);
  GOptionEntry entries[] = {
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text_path, "Plain text to train on", "FILE" },
    { "model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path, "Continue training this model (GGUF)", "FILE" },
    { "config", 0, 0, G_OPTION_ARG_STRING, &config_name, "Shape of a new model: tiny or bench (default tiny)", "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write the trained model (GGUF)", "FILE" },
    { "steps", 0, 0, G_OPTION_ARG_INT, &t.steps, "Optimisation steps (default 200)", "N" },
    { "batch-size", 0, 0, G_OPTION_ARG_INT, &t.batch_size, "Sequences per step (default 8)", "N" },
    { "context", 0, 0, G_OPTION_ARG_INT, &t.context, "Tokens per sequence (default: the model's context)", "N" },
    { "learning-rate", 0, 0, G_OPTION_ARG_DOUBLE, &t.learning_rate, "Peak AdamW learning rate (default 1e-3)", "LR" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &t.seed, "Random seed (default 1)", "N" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &t.threads, "Threads to use (default: one per core)", "N" },
    { "log-every", 0, 0, G_OPTION_ARG_INT, &t.log_every, "Print the loss every N steps (default 10)", "N" },
    { "f16", 0, 0, G_OPTION_ARG_NONE, &f16, "Store matrices as 16-bit floats", NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                "Trains a language model on a plain text file. Without --model, "
                                "a new byte-level BPE tokenizer is learned from the text and a "
                                "model of the --config shape starts from random weights.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!ftl_cli_parse (context, &argc, &argv))
    return 2;
  if (text_path == NULL || output == NULL)
    {
      fprintf (stderr, "%s: --text and --output are required\n", argv[0]);
      return 2;
    }
  if (t.steps < 1 || t.batch_size < 1 || t.context < 0 || t.log_every < 1 ||
      !(t.learning_rate > 0 && t.learning_rate < 1) || t.seed < 0)
    {
      fprintf (stderr, "%s: --steps, --batch-size and --log-every must be positive, "
               "--learning-rate between 0 and 1, --seed not negative\n", argv[0]);
      return 2;
    }
  ftl_cli_set_threads (t.threads);

  if (!g_file_get_contents (text_path, &text, &length, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
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
      if (!ftl_model_config_lookup (config_name != NULL ? config_name : "tiny", &config))
        {
          fprintf (stderr, "%s: unknown --config “%s”\n", argv[0], config_name);
          return 2;
        }
      tokenizer = ftl_tokenizer_train (text, length, config.vocab_size, &error);
      if (tokenizer == NULL)
        goto fail;
      config.vocab_size = ftl_tokenizer_get_vocab_size (tokenizer);
      model = ftl_model_new (&config, &error);
      if (model == NULL)
        goto fail;
      ftl_model_init_random (model, (guint64) t.seed);
    }

  /* ChatML markers in the text are the real special tokens, so a model
   * trained on transcripts learns the chat format. */
  stream = ftl_tokenizer_encode (tokenizer, text, length, TRUE);
  printf ("%s: %" G_GSIZE_FORMAT " bytes → %u tokens; model of %" G_GSIZE_FORMAT " parameters\n",
          text_path, length, stream->len, ftl_model_get_n_params (model));
  if (!ftl_cli_train_text (model, (const int *) stream->data, stream->len, &t, FALSE, &error))
    goto fail;

  if (info.name == NULL)
    info.name = g_path_get_basename (output);
  info.learning_rate = (float) t.learning_rate;
  if (!ftl_model_file_save (output, model, tokenizer, &info, f16 ? FTL_GGML_TYPE_F16 : FTL_GGML_TYPE_F32,
                            &error))
    goto fail;
  printf ("Saved %s\n", output);
  ftl_model_file_info_clear (&info);
  return 0;

fail:
  fprintf (stderr, "%s: %s\n", argv[0], error->message);
  ftl_model_file_info_clear (&info);
  return 1;
}
